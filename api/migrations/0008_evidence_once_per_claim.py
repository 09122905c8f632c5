"""One table of segments over days and knowledge time, each Feature without its place's head
(api.models.PreparedPlace, once per place) and without its evidence (api.models.ClaimEvidence, once
per claim): the segments as known now are the rows still so.
Measured at 50,000 places and a million claims: the Features with their evidence, one per segment,
filled 2.8 GB. The segments are built again after this migration
(api.snapshots.complete_after_migrate), and readers resolve the claims meanwhile.

On PostgreSQL, a GiST index over days and knowledge time (two ranges) finds a day's rows as known
at any moment in one index scan (as known now too, at infinity: measured at L as fast as a partial
index of the rows still so, 95 MB fewer at XL); the timeline reads an index holding what it needs."""
from django.db import migrations, models

POSTGRESQL = [
    "CREATE INDEX knownsegment_days_known ON api_knownsegment USING gist (daterange(start, stop), tstzrange(known_from, known_until))",
    "CREATE INDEX knownsegment_changes_now ON api_knownsegment (place_id, start) INCLUDE (precision, state) WHERE known_until IS NULL",
]
# SQLite reads any index holding every column it needs without the table.
SQLITE = ["CREATE INDEX knownsegment_changes_now ON api_knownsegment (place_id, start, precision, state) WHERE known_until IS NULL"]


def clear(apps, schema_editor):
    apps.get_model("api", "SnapshotStatus").objects.filter(pk=1).update(complete=False)
    apps.get_model("api", "KnownSegment").objects.all().delete()


def create_indexes(apps, schema_editor):
    for statement in POSTGRESQL if schema_editor.connection.vendor == "postgresql" else SQLITE:
        schema_editor.execute(statement)


def drop_indexes(apps, schema_editor):
    for name in ("knownsegment_days_known", "knownsegment_changes_now"):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("api", "0007_segments_with_quote_language")]

    operations = [
        migrations.RunPython(clear, migrations.RunPython.noop),
        migrations.DeleteModel(name="SnapshotSegment"),
        migrations.AddField("knownsegment", "actors", models.TextField(
            default="[]", help_text="The ids of every actor the state names, as JSON (the actor filter)."), preserve_default=False),
        migrations.AddField("knownsegment", "tail", models.TextField(
            default="", help_text="The snapshot Feature's JSON after its place's head (PreparedPlace): the state's properties, "
                                  "every evidence array empty."), preserve_default=False),
        migrations.AddField("knownsegment", "claims", models.TextField(
            default="[]", help_text="The ids of the deciding claims, as JSON: the state's evidence, in order."), preserve_default=False),
        migrations.AddField("knownsegment", "side_claims", models.TextField(
            default="[]", help_text="A disputed state's claim ids per side, as JSON ([] otherwise)."), preserve_default=False),
        migrations.AlterField("knownsegment", "state", models.TextField(
            help_text="[status, holder, others, sides] with actor ids, as JSON: the state's key.")),
        migrations.CreateModel(
            name="ClaimEvidence",
            fields=[
                ("claim_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("place_id", models.BigIntegerField(db_index=True, help_text="The claim's place: its rows go when the place is written again.")),
                ("entries", models.TextField()),
            ],
        ),
        migrations.CreateModel(
            name="PreparedPlace",
            fields=[("place_id", models.BigIntegerField(primary_key=True, serialize=False)), ("head", models.TextField())],
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
