"""Prepared snapshots: geo.resolution's answers, kept so that a day's map is read, not resolved.

See api.snapshots for how they are kept in step with the record and when they are used.
"""
from django.db import models


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
    (geo.resolution.segments with known_at). The rows still so (known_until empty) are the segments as
    known now. Each row holds its snapshot Feature without the place (PreparedPlace) and without
    evidence, kept once per claim (ClaimEvidence) and filled in from `claims` as the Feature is read."""

    place = models.ForeignKey("geo.Place", on_delete=models.CASCADE, related_name="+", db_index=False)
    start = models.DateField()
    stop = models.DateField(null=True, help_text="The first day after the segment; empty while it lasts.")
    known_from = models.DateTimeField()
    known_until = models.DateTimeField(null=True, help_text="When a claim known or superseded changed the segment; empty: still so.")
    precision = models.CharField(max_length=12)
    state = models.TextField(help_text="[status, holder, others, sides] with actor ids, as JSON: the state's key.")
    actors = models.TextField(help_text="The ids of every actor the state names, as JSON (the actor filter).")
    tail = models.TextField(help_text="The snapshot Feature's JSON after its place's head (PreparedPlace): the "
                                      "state's properties, every evidence array empty.")
    claims = models.TextField(help_text="The ids of the deciding claims, as JSON: the state's evidence, in order.")
    side_claims = models.TextField(help_text="A disputed state's claim ids per side, as JSON ([] otherwise).")

    class Meta:
        indexes = [models.Index(fields=["place", "start", "known_from"], name="knownsegment_place_start")]


class ClaimEvidence(models.Model):
    """The evidence entries of one claim (api.serializers.evidence, one per citation), as the JSON
    objects of an array without its brackets: stored once, however many segments it decides."""

    claim_id = models.BigIntegerField(primary_key=True)
    place_id = models.BigIntegerField(db_index=True, help_text="The claim's place: its rows go when the place is written again.")
    entries = models.TextField()


class PreparedPlace(models.Model):
    """The head of a place's snapshot Features (type, id, point, the place's properties), the same
    for all of its segments: stored once, each segment's `tail` follows it."""

    place_id = models.BigIntegerField(primary_key=True)
    head = models.TextField()
