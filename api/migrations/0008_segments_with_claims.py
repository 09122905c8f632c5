"""Each segment names its deciding claims, so that the snapshot as known then takes the Feature of the
segment as known now that shows the same (api.known_then); on PostgreSQL, a GiST index on each known
segment's days and knowledge time finds the rows valid at a day and a moment in one index scan. Marked
incomplete, the segments are built again after this migration (api.snapshots.complete_after_migrate),
and readers resolve the claims meanwhile."""
from django.db import migrations, models

CLAIMS_HELP = "The ids of the state's deciding claims, in the state's order, as JSON: with the state, what its Feature shows."


def mark_incomplete(apps, schema_editor):
    apps.get_model("api", "SnapshotStatus").objects.filter(pk=1).update(complete=False)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE INDEX knownsegment_days_known ON api_knownsegment "
                              "USING gist (daterange(start, stop), tstzrange(known_from, known_until))")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS knownsegment_days_known")


class Migration(migrations.Migration):
    dependencies = [("api", "0007_segments_with_quote_language")]

    operations = [
        migrations.AddField("snapshotsegment", "claims", models.TextField(default="", help_text=CLAIMS_HELP), preserve_default=False),
        migrations.AddField("knownsegment", "claims", models.TextField(default="", help_text=CLAIMS_HELP), preserve_default=False),
        migrations.RunPython(create_index, drop_index),
        migrations.RunPython(mark_incomplete, migrations.RunPython.noop),
    ]
