"""Each SegmentPlace carries its place's slug, so that a day's Features are put in order without
reading geo_place (api.snapshots, api.known_then), and every place with segments as known then has
one, even without segments as known now. The slugs are copied from the places; a place with segments
as known then and no SegmentPlace is marked stale, and resolved again after the migration
(api.snapshots.complete_after_migrate)."""
from django.db import migrations, models

FILL = ("UPDATE api_segmentplace SET slug = (SELECT p.slug FROM geo_place p WHERE p.id = api_segmentplace.place_id)",
        "INSERT INTO api_staleplace (place_id) SELECT DISTINCT k.place_id FROM api_knownsegment k "
        "WHERE NOT EXISTS (SELECT 1 FROM api_segmentplace h WHERE h.place_id = k.place_id) ON CONFLICT DO NOTHING")


class Migration(migrations.Migration):
    dependencies = [("api", "0010_segments_by_reference")]

    operations = [
        migrations.AddField(
            model_name="segmentplace",
            name="slug",
            field=models.TextField(default="", help_text="The place's slug (the order of a snapshot's Features)."),
            preserve_default=False,
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
