"""An index holding what the timeline reads of every segment (place, start, precision, state), so
that it reads the index alone, in order, and never the wide rows with their Features: at a million
claims those rows fill a gigabyte, which the timeline otherwise read in index order, page by page."""
from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE INDEX snapshotsegment_changes ON api_snapshotsegment (place_id, start) INCLUDE (precision, state)")
    else:  # SQLite reads any index holding every column it needs without the table
        schema_editor.execute("CREATE INDEX snapshotsegment_changes ON api_snapshotsegment (place_id, start, precision, state)")


def drop(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS snapshotsegment_changes")


class Migration(migrations.Migration):
    dependencies = [("api", "0003_segment_range_index")]

    operations = [migrations.RunPython(create, drop)]
