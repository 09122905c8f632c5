"""On PostgreSQL, a GiST index on each segment's days, so that a day's segments are found in one
index scan rather than one probe per place (half the time at 10,000 places)."""
from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE INDEX snapshotsegment_days ON api_snapshotsegment USING gist (daterange(start, stop))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS snapshotsegment_days")


class Migration(migrations.Migration):
    dependencies = [("api", "0002_stale_place_triggers")]

    operations = [migrations.RunPython(create, drop)]
