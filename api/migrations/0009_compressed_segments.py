"""On PostgreSQL, the prepared Features are stored compressed (lz4), in the row: about half the size,
and a day's rows are read and sorted faster (PostgreSQL decompresses as it sends them).

PostgreSQL compresses a row's values only when the row passes a fixed 2 kB (TOAST_TUPLE_THRESHOLD,
whatever toast_tuple_target says), and most Features are smaller: so every row carries a column of
2,048 spaces (`toast_trigger`, its default; no reader selects it), which makes the row long enough to
be compressed, and compresses to 26 bytes. With toast_tuple_target at its least (128), PostgreSQL then
compresses every value stored MAIN, largest first, and keeps them in the row (MAIN values leave the row
only past 8 kB); values stored EXTENDED would be moved out to the TOAST table instead, so every
variable-length column is stored MAIN (a later column must be too: tests/api/test_prepared_storage.py).

The database no longer checks each segment's place (api.models says why): on PostgreSQL their foreign
keys are dropped; SQLite keeps them (dropping them would rebuild its tables, without the indexes made
in SQL). The unique index on (place, start) also carries what the timeline reads (precision, state), in
place of a second index on the same keys. Marked incomplete, the segments are written again
(compressed) after this migration (api.snapshots.complete_after_migrate). SQLite stores them as before.
"""
import django.db.models.deletion
from django.db import migrations, models

TABLE = "api_snapshotsegment"
SEGMENT_TABLES = ("api_snapshotsegment", "api_knownsegment")


def _columns_stored(schema_editor, storage):
    """The table's variable-length columns stored as `storage` ('x' EXTENDED, 'm' MAIN)."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
                       "AND NOT attisdropped AND attstorage = %s", [TABLE, storage])
        return [schema_editor.quote_name(name) for (name,) in cursor.fetchall()]


def compress(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ADD COLUMN toast_trigger text NOT NULL DEFAULT repeat(' ', 2048), "
            "SET (toast_tuple_target = 128)")
        schema_editor.execute(  # lz4 where the server is built with it (Debian's is), else PostgreSQL's own
            f"DO $$ BEGIN ALTER TABLE {TABLE} ALTER COLUMN feature SET COMPRESSION lz4, "
            "ALTER COLUMN toast_trigger SET COMPRESSION lz4; "
            "EXCEPTION WHEN feature_not_supported THEN NULL; END $$")
        schema_editor.execute(f"ALTER TABLE {TABLE} " + ", ".join(
            f"ALTER COLUMN {column} SET STORAGE MAIN" for column in _columns_stored(schema_editor, "x")))
        schema_editor.execute(
            f"ALTER TABLE {TABLE} DROP CONSTRAINT snapshotsegment_place_start, "
            "ADD CONSTRAINT snapshotsegment_place_start UNIQUE (place_id, start) INCLUDE (precision, state)")
        schema_editor.execute("DROP INDEX snapshotsegment_changes")
    apps.get_model("api", "SnapshotStatus").objects.filter(pk=1).update(complete=False)


def uncompress(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE INDEX snapshotsegment_changes ON api_snapshotsegment (place_id, start) "
                              "INCLUDE (precision, state)")
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP CONSTRAINT snapshotsegment_place_start, "
                              "ADD CONSTRAINT snapshotsegment_place_start UNIQUE (place_id, start)")
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN toast_trigger, RESET (toast_tuple_target), "
                              "ALTER COLUMN feature SET COMPRESSION DEFAULT")
        schema_editor.execute(f"ALTER TABLE {TABLE} " + ", ".join(
            f"ALTER COLUMN {column} SET STORAGE EXTENDED" for column in _columns_stored(schema_editor, "m")))


def drop_place_checks(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in SEGMENT_TABLES:
            with schema_editor.connection.cursor() as cursor:
                cursor.execute("SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'", [table])
                names = [name for (name,) in cursor.fetchall()]
            for name in names:
                schema_editor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {schema_editor.quote_name(name)}")


def add_place_checks(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in SEGMENT_TABLES:
            schema_editor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {table}_place_id_fk_geo_place_id FOREIGN KEY "
                                  "(place_id) REFERENCES geo_place (id) DEFERRABLE INITIALLY DEFERRED")


def unchecked_place():
    return models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.CASCADE,
                             related_name="+", to="geo.place")


class Migration(migrations.Migration):
    dependencies = [("api", "0008_segments_with_claims")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AlterField("snapshotsegment", "place", unchecked_place()),
                              migrations.AlterField("knownsegment", "place", unchecked_place())],
            database_operations=[migrations.RunPython(drop_place_checks, add_place_checks)],
        ),
        migrations.RunPython(compress, uncompress),
    ]
