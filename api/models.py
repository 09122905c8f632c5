"""Prepared snapshots: geo.resolution's answers, kept so that a day's map is read, not resolved.

See api.snapshots for how they are kept in step with the record and when they are used.
"""
from django.db import models

# The segments' places are not checked by the database (db_constraint=False): a full rebuild writes a
# row per segment, and PostgreSQL checking each at commit took 5 of the 16 seconds it spent writing them
# at 10,000 places. They are written from the places they name, a place's deletion marks it stale
# (migration 0002) and its refresh removes its segments; readers use none while a place is stale.


class SegmentState(models.Model):
    """A state as the segments show it: its key, precision and the part of the Feature it decides.
    Segments name one of these few hundred rows rather than each carrying the state's text."""

    id = models.AutoField(primary_key=True)
    key = models.TextField(help_text="[status, holder, others, sides] with actor ids, as JSON: the state's key.")
    precision = models.CharField(max_length=12)
    actors = models.TextField(help_text="The ids of every actor the state names, as JSON (the actor filter).")
    shown = models.TextField(help_text='The Feature\'s "status", "holder" and "others" members, as JSON text with their commas.')

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "precision", "shown"], name="segmentstate_unique")]


class SegmentPlace(models.Model):
    """The opening of every Feature of a place's segments (type, id, geometry, the place's properties),
    stored once per place rather than in each of its segments, and the place's slug, by which readers
    order a day's Features without reading the places. Every place with segments, as known now or
    then, has one."""

    place = models.OneToOneField("geo.Place", on_delete=models.CASCADE, related_name="+", primary_key=True, db_constraint=False)
    slug = models.TextField(help_text="The place's slug (the order of a snapshot's Features).")
    shown = models.TextField(help_text="The Feature up to its state's members, as JSON text with its comma.")


class SnapshotSegment(models.Model):
    """One place's state, as known now, over a stretch of days [start, stop). Its Feature (evidence
    included) is its SegmentPlace's opening, its state's members and `feature`, one after the other."""

    pk = models.CompositePrimaryKey("place", "start")
    place = models.ForeignKey("geo.Place", on_delete=models.CASCADE, related_name="+", db_constraint=False, db_index=False)
    start = models.DateField()
    stop = models.DateField(null=True, help_text="The first day after the segment; empty while it lasts.")
    state = models.ForeignKey(SegmentState, on_delete=models.DO_NOTHING, related_name="+", db_constraint=False, db_index=False)
    feature = models.TextField(help_text="The rest of the snapshot's Feature after its state's members, as JSON text.")

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
    snapshot as known then takes the Feature of the SnapshotSegment of the same place and start when
    `as_now` (api.known_then)."""

    pk = models.CompositePrimaryKey("place", "start", "known_from")
    place = models.ForeignKey("geo.Place", on_delete=models.CASCADE, related_name="+", db_constraint=False, db_index=False)
    start = models.DateField()
    stop = models.DateField(null=True, help_text="The first day after the segment; empty while it lasts.")
    known_from = models.DateTimeField()
    known_until = models.DateTimeField(null=True, help_text="When a claim known or superseded changed the segment; empty: still so.")
    state = models.ForeignKey(SegmentState, on_delete=models.DO_NOTHING, related_name="+", db_constraint=False, db_index=False)
    as_now = models.BooleanField(help_text="The segment as known now of the same place and start has the same "
                                           "state and deciding claims: its Feature shows this segment.")
