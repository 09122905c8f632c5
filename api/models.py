"""Prepared snapshots: geo.resolution's answers, kept so that a day's map is read, not resolved.

See api.snapshots for how they are kept in step with the record and when they are used.
"""
from django.db import models

# The segments' places are not checked by the database (db_constraint=False): a full rebuild writes a
# row per segment, and PostgreSQL checking each at commit took 5 of the 16 seconds it spent writing them
# at 10,000 places. They are written from the places they name, a place's deletion marks it stale
# (migration 0002) and its refresh removes its segments; readers use none while a place is stale.

CLAIMS_HELP = "The ids of the state's deciding claims, in the state's order, as JSON: with the state, what its Feature shows."


class SnapshotSegment(models.Model):
    """One place's state, as known now, over a stretch of days [start, stop), with the GeoJSON
    Feature the control snapshot shows for it (evidence included) and what the timeline needs."""

    place = models.ForeignKey("geo.Place", on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False)
    start = models.DateField()
    stop = models.DateField(null=True, help_text="The first day after the segment; empty while it lasts.")
    precision = models.CharField(max_length=12)
    state = models.TextField(help_text="[status, holder, others, sides] with actor ids, as JSON: the state's key.")
    actors = models.TextField(help_text="The ids of every actor the state names, as JSON (the actor filter).")
    feature = models.TextField(help_text="The snapshot's Feature, as JSON.")
    claims = models.TextField(help_text=CLAIMS_HELP)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["place", "start"], name="snapshotsegment_place_start")]


class SnapshotStatus(models.Model):
    """One row: whether the segments cover every place (a full build has finished since the last
    bulk change). Places changed since are listed in StalePlace."""

    complete = models.BooleanField(default=False)
    built_at = models.DateTimeField(null=True)


class StalePlace(models.Model):
    """A place whose claims or their display changed since its segments were written."""

    place_id = models.BigIntegerField(primary_key=True)


class KnownSegment(models.Model):
    """One place's segment of days [start, stop) as known over a stretch of knowledge time
    [known_from, known_until): the answer of resolving the claims known at any moment of that stretch
    (geo.resolution.segments with known_at). The timeline as known then is read from these rows; the
    snapshot as known then takes the Feature of the SnapshotSegment of the same place, start, state
    and deciding claims (api.known_then), which shows exactly what this segment would."""

    place = models.ForeignKey("geo.Place", on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False)
    start = models.DateField()
    stop = models.DateField(null=True, help_text="The first day after the segment; empty while it lasts.")
    known_from = models.DateTimeField()
    known_until = models.DateTimeField(null=True, help_text="When a claim known or superseded changed the segment; empty: still so.")
    precision = models.CharField(max_length=12)
    state = models.TextField(help_text="As SnapshotSegment.state.")
    claims = models.TextField(help_text=CLAIMS_HELP)

    class Meta:
        indexes = [models.Index(fields=["place", "start", "known_from"], name="knownsegment_place_start")]
