"""The prepared Features now carry `since_edtf`: the segments are marked incomplete, so that
`migrate` (api.snapshots.complete_after_migrate) writes them again, and readers resolve the claims
until it has."""
from django.db import migrations


def mark_incomplete(apps, schema_editor):
    apps.get_model("api", "SnapshotStatus").objects.filter(pk=1).update(complete=False)


class Migration(migrations.Migration):
    dependencies = [("api", "0004_segment_changes_index")]
    operations = [migrations.RunPython(mark_incomplete, migrations.RunPython.noop)]
