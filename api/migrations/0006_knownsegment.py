"""Segments over knowledge time too (api.models.KnownSegment): the timeline as known then is read,
not resolved. Marked incomplete, the segments are built again after this migration
(api.snapshots.complete_after_migrate), and readers resolve the claims meanwhile."""
import django.db.models.deletion
from django.db import migrations, models


def mark_incomplete(apps, schema_editor):
    apps.get_model("api", "SnapshotStatus").objects.filter(pk=1).update(complete=False)


class Migration(migrations.Migration):
    dependencies = [("geo", "0001_initial"), ("api", "0005_segments_in_v2_names")]

    operations = [
        migrations.CreateModel(
            name="KnownSegment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("start", models.DateField()),
                ("stop", models.DateField(help_text="The first day after the segment; empty while it lasts.", null=True)),
                ("known_from", models.DateTimeField()),
                ("known_until", models.DateTimeField(help_text="When a claim known or superseded changed the segment; empty: still so.", null=True)),
                ("precision", models.CharField(max_length=12)),
                ("state", models.TextField(help_text="As SnapshotSegment.state.")),
                ("place", models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="geo.place")),
            ],
            options={"indexes": [models.Index(fields=["place", "start", "known_from"], name="knownsegment_place_start")]},
        ),
        migrations.RunPython(mark_incomplete, migrations.RunPython.noop),
    ]
