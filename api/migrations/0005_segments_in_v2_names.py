"""The prepared features now name a claim's effective date `since` (api.legacy) and carry its EDTF
form (`since_edtf`): the segments are built again after this migration (api.snapshots.complete_after_migrate), and readers resolve the
claims meanwhile."""
from django.db import migrations


def mark_incomplete(apps, schema_editor):
    apps.get_model("api", "SnapshotStatus").objects.filter(pk=1).update(complete=False)


class Migration(migrations.Migration):
    dependencies = [("api", "0004_segment_changes_index")]
    operations = [migrations.RunPython(mark_incomplete, migrations.RunPython.noop)]
