"""The prepared features' evidence now names each quote's language (its source's, api.serializers): the
segments are built again after this migration (api.snapshots.complete_after_migrate), and readers
resolve the claims meanwhile."""
from django.db import migrations


def mark_incomplete(apps, schema_editor):
    apps.get_model("api", "SnapshotStatus").objects.filter(pk=1).update(complete=False)


class Migration(migrations.Migration):
    dependencies = [("api", "0006_knownsegment")]
    operations = [migrations.RunPython(mark_incomplete, migrations.RunPython.noop)]
