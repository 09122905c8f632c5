"""The segments name their state and share their place's part of the Feature instead of each carrying
them (api.models: SegmentState, SegmentPlace), are keyed by their place and start (and, as known then,
knowledge time) instead of an id, and a segment as known then says whether the segment as known now of
its place and start shows it (`as_now`) instead of listing its deciding claims: at 50,000 places and
1,000,000 claims, 1.41 GB of tables and indexes down to BENCHMARKS.md's figure.

Django does not change a table's primary key, and the segments are written again anyway, so both
tables are made anew. On PostgreSQL the storage of migration 0009 is set up again on the new table
(each Feature's rest compressed with lz4 in its row, started by `toast_trigger`), the primary key of
the segments as known now carries their state (the timeline reads that index alone), and the GiST
indexes of migrations 0003 and 0008 are made again. The segments as known then have there an index on
their place alone instead of their primary key (place, start, knowledge time): it serves the refresh's
delete and the readers' place order, and its entries are deduplicated (at 10,000 places 2.7 MB, the key
15 MB); each row is unique by construction, as each names an existing place (0009). Marked incomplete,
the segments are built again after this migration (api.snapshots.complete_after_migrate); readers
resolve the claims meanwhile."""
import django.db.models.deletion
from django.db import migrations, models


def postgresql_storage(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in (
        "ALTER TABLE api_snapshotsegment DROP CONSTRAINT api_snapshotsegment_pkey, "
        "ADD CONSTRAINT api_snapshotsegment_pkey PRIMARY KEY (place_id, start) INCLUDE (state_id)",
        "ALTER TABLE api_snapshotsegment ADD COLUMN toast_trigger text NOT NULL DEFAULT repeat(' ', 2048), "
        "SET (toast_tuple_target = 128)",
        # lz4 where the server is built with it (Debian's is), else PostgreSQL's own
        "DO $$ BEGIN ALTER TABLE api_snapshotsegment ALTER COLUMN feature SET COMPRESSION lz4, "
        "ALTER COLUMN toast_trigger SET COMPRESSION lz4; EXCEPTION WHEN feature_not_supported THEN NULL; END $$",
        "ALTER TABLE api_snapshotsegment ALTER COLUMN feature SET STORAGE MAIN, ALTER COLUMN toast_trigger SET STORAGE MAIN",
        "ALTER TABLE api_knownsegment DROP CONSTRAINT api_knownsegment_pkey",
        "CREATE INDEX knownsegment_place ON api_knownsegment (place_id)",
        "CREATE INDEX snapshotsegment_days ON api_snapshotsegment USING gist (daterange(start, stop))",
        "CREATE INDEX knownsegment_days_known ON api_knownsegment "
        "USING gist (daterange(start, stop), tstzrange(known_from, known_until))",
    ):
        schema_editor.execute(sql)


def storage_of_0009(apps, schema_editor):
    """Backwards, on the tables made again as before this migration: the layout migration 0009 (and
    0003, 0008) gave them, which their own reverses undo."""
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in (
        "ALTER TABLE api_snapshotsegment ADD COLUMN toast_trigger text NOT NULL DEFAULT repeat(' ', 2048), "
        "SET (toast_tuple_target = 128)",
        "DO $$ BEGIN ALTER TABLE api_snapshotsegment ALTER COLUMN feature SET COMPRESSION lz4, "
        "ALTER COLUMN toast_trigger SET COMPRESSION lz4; EXCEPTION WHEN feature_not_supported THEN NULL; END $$",
        "ALTER TABLE api_snapshotsegment " + ", ".join(f"ALTER COLUMN {column} SET STORAGE MAIN" for column in
                                                      ("precision", "state", "actors", "feature", "claims", "toast_trigger")),
        "ALTER TABLE api_snapshotsegment DROP CONSTRAINT snapshotsegment_place_start, "
        "ADD CONSTRAINT snapshotsegment_place_start UNIQUE (place_id, start) INCLUDE (precision, state)",
        "CREATE INDEX snapshotsegment_days ON api_snapshotsegment USING gist (daterange(start, stop))",
        "CREATE INDEX knownsegment_days_known ON api_knownsegment "
        "USING gist (daterange(start, stop), tstzrange(known_from, known_until))",
    ):
        schema_editor.execute(sql)


def mark_incomplete(apps, schema_editor):
    apps.get_model("api", "SnapshotStatus").objects.filter(pk=1).update(complete=False)


def unchecked_place(**options):
    return models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.CASCADE, related_name="+",
                             to="geo.place", **options)


def state():
    return models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING,
                             related_name="+", to="api.segmentstate")


STOP_HELP = "The first day after the segment; empty while it lasts."


class Migration(migrations.Migration):
    dependencies = [("geo", "0001_initial"), ("api", "0009_compressed_segments")]

    operations = [
        migrations.RunPython(mark_incomplete, mark_incomplete),
        migrations.RunPython(migrations.RunPython.noop, storage_of_0009),
        migrations.DeleteModel("SnapshotSegment"),
        migrations.DeleteModel("KnownSegment"),
        migrations.CreateModel(
            name="SegmentState",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("key", models.TextField(help_text="[status, holder, others, sides] with actor ids, as JSON: the state's key.")),
                ("precision", models.CharField(max_length=12)),
                ("actors", models.TextField(help_text="The ids of every actor the state names, as JSON (the actor filter).")),
                ("shown", models.TextField(help_text='The Feature\'s "status", "holder" and "others" members, as JSON text with their commas.')),
            ],
            options={"constraints": [models.UniqueConstraint(fields=("key", "precision", "shown"), name="segmentstate_unique")]},
        ),
        migrations.CreateModel(
            name="SegmentPlace",
            fields=[
                ("place", models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.CASCADE, primary_key=True,
                                               related_name="+", serialize=False, to="geo.place")),
                ("shown", models.TextField(help_text="The Feature up to its state's members, as JSON text with its comma.")),
            ],
        ),
        migrations.CreateModel(
            name="SnapshotSegment",
            fields=[
                ("pk", models.CompositePrimaryKey("place", "start", blank=True, editable=False, primary_key=True, serialize=False)),
                ("place", unchecked_place(db_index=False)),
                ("start", models.DateField()),
                ("stop", models.DateField(help_text=STOP_HELP, null=True)),
                ("state", state()),
                ("feature", models.TextField(help_text="The rest of the snapshot's Feature after its state's members, as JSON text.")),
            ],
        ),
        migrations.CreateModel(
            name="KnownSegment",
            fields=[
                ("pk", models.CompositePrimaryKey("place", "start", "known_from", blank=True, editable=False, primary_key=True,
                                                  serialize=False)),
                ("place", unchecked_place(db_index=False)),
                ("start", models.DateField()),
                ("stop", models.DateField(help_text=STOP_HELP, null=True)),
                ("known_from", models.DateTimeField()),
                ("known_until", models.DateTimeField(help_text="When a claim known or superseded changed the segment; empty: still so.",
                                                     null=True)),
                ("state", state()),
                ("as_now", models.BooleanField(help_text="The segment as known now of the same place and start has the same state "
                                                         "and deciding claims: its Feature shows this segment.")),
            ],
        ),
        migrations.RunPython(postgresql_storage, migrations.RunPython.noop),
    ]
