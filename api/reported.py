"""The timeline as reported at each date: for every day D, every place's state as known at the end of
D (what `known_at=D` answers), in one payload, so that the map's "As reported then" plays back like
the present instead of fetching one timeline per knowledge date.

Knowledge time is the second axis of the prepared segments (api.models.KnownSegment: a place's
segment of days [start, stop) as known over [known_from, known_until)). A day D is known at the end
of D, UTC (geo.dates.parse_known_at), so a row is the answer on the days of [start, stop) that also
lie in [date of known_from, date of known_until): the diagonal of the two axes. geo.resolution
decides every row; this module only reads the diagonal off them. Until the segments are usable
(api.snapshots.usable), the same rows are resolved from the claims (api.snapshots.known_rows).
"""
import bisect
import datetime as dt
import itertools
from array import array
from operator import itemgetter

from django.db import connections, router
from django.db.models.functions import TruncDate
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from geo import records, resolution

from . import schema
from .fastpath import ExpensiveThrottle, gc_paused
from .filters import Query, data_version, language
from .models import KnownSegment
from .serializers import EPOCH, PRECISIONS, Actors, Places, timeline_payload
from .snapshots import known_rows, usable
from .states import state_json, state_of_json
from .views import PublicView

FORMAT = "controlmap-reported-timeline/1"
NEVER = dt.date.max
UNKNOWN_KEY = state_json(resolution.UNKNOWN_STATE)


def known_day(moment):
    """The first day whose end (UTC) is at or after `moment`: from then on it is known."""
    return None if moment is None else moment.astimezone(dt.timezone.utc).date()


def diagonal(rows):
    """One place's changes as reported at each date, from its knowledge rows (start, stop, the
    known_day of known_from and of known_until, precision, state key) in any order: [(reported day,
    since, precision, state key or None for the unknown state)] in day order, as the timeline as
    known at the end of each day shows that day.

    Between two days on which what is known of the place changes, the rows known then are one
    timeline: consecutive rows with one state are one period (its `since` and precision are its
    first row's, as in the timeline), and the periods over those days are the answer. Days no row
    covers after a state was reported (every claim known superseded) are the unknown state."""
    opening, closing = {}, {}
    for row in rows:
        until = row[3] or NEVER
        if row[2] < until:  # a row replaced within its day is never the answer at a day's end
            opening.setdefault(row[2], []).append(row)
            closing.setdefault(until, []).append(row)
    days = sorted((set(opening) | set(closing)) - {NEVER})
    known, starts, changes = {}, [], []  # the rows known now by start, and their starts in order
    for index, day in enumerate(days):
        for row in closing.get(day, ()):
            del known[row[0]]
            starts.pop(bisect.bisect_left(starts, row[0]))
        for row in opening.get(day, ()):
            known[row[0]] = row
            bisect.insort(starts, row[0])
        until = days[index + 1] if index + 1 < len(days) else NEVER
        reached = day
        for position in range(max(0, bisect.bisect_right(starts, day) - 1), len(starts)):
            start = starts[position]
            if start >= until:
                break
            stop, key = known[start][1] or NEVER, known[start][5]
            if stop <= reached:
                continue
            if start > reached:
                _add(changes, reached, reached, "day", None)
            first = position
            while first and known[starts[first - 1]][5] == key and known[starts[first - 1]][1] == starts[first]:
                first -= 1
            _add(changes, max(reached, start), starts[first], known[starts[first]][4], key)
            reached = stop
        if reached < until:
            _add(changes, reached, reached, "day", None)
    return changes


def _add(changes, day, since, precision, key):
    """Appends a change unless it shows what the last one shows; key None: nothing known covers the
    day (only after something was: before, nothing is reported)."""
    if key is None and (not changes or changes[-1][3] is None):
        return
    if not changes or changes[-1][1:] != (since, precision, key):
        changes.append((day, since, precision, key))


def _stored_rows():
    """(place id, [rows]) from the prepared KnownSegment rows, place by place; None when unusable."""
    connection = connections[router.db_for_read(KnownSegment)]
    with connection.cursor() as cursor:
        if not usable(cursor):
            return None
    utc = dt.timezone.utc  # the database makes the days (known_day): reading a day costs far less than a moment
    query = (KnownSegment.objects.using(connection.alias).order_by("place_id")
             .annotate(known_day=TruncDate("known_from", tzinfo=utc), until_day=TruncDate("known_until", tzinfo=utc))
             .values_list("place_id", "start", "stop", "known_day", "until_day", "state__precision", "state__key"))
    rows = query.iterator(chunk_size=10000)
    return ((place, [row[1:] for row in group]) for place, group in itertools.groupby(rows, key=itemgetter(0)))


def _resolved_rows():
    """The same rows resolved from the claims (the segments are incomplete or stale)."""
    for place, claims in records.iter_place_claims(ever_counting=True):
        yield place, [(start, stop, known_day(known_from), known_day(known_until), precision, key)
                      for _, start, stop, known_from, known_until, precision, key, _ in known_rows(place, claims)]


def reported_payload(places, actors, version):
    """The payload of the contract (components ReportedTimeline): the timeline format's columns, its
    `changes.since` the effective date of each state as in the timeline, and `changes.reported`
    (delta-encoded the same way) the day from which it is the state reported.

    The places' rows arrive in id order and the payload lists places by slug, so every place's changes
    are held until all are read: packed as four integers each (the days from the epoch, the precision,
    the state key's number), not as tuples of dates and key strings, which at XL took a worker past
    490 MB."""
    rows = _stored_rows()
    epoch = dt.date.fromisoformat(EPOCH)
    precision_index = {name: index for index, name in enumerate(PRECISIONS)}
    keys, key_index, by_place = [], {}, {}
    with gc_paused():
        for place, place_rows in (_resolved_rows() if rows is None else rows):
            if place not in places.rows:
                continue
            packed = by_place[place] = array("i")
            for reported, since, precision, key in diagonal(place_rows):
                index = key_index.get(key)
                if index is None:
                    index = key_index[key] = len(keys)
                    keys.append(key or UNKNOWN_KEY)
                packed.extend(((reported - epoch).days, (since - epoch).days, precision_index[precision], index))
        since_days, made = array("i"), {}

        def changes():  # in the places' order, which timeline_payload keeps: `since` follows it
            for place in places.rows:
                packed = by_place.get(place, ())
                for at in range(0, len(packed), 4):
                    reported, since, precision, index = packed[at:at + 4]
                    since_days.append(since)
                    yield (place, epoch + dt.timedelta(days=reported), keys[index], PRECISIONS[precision],
                           state_of_json(keys[index], made))

        payload = timeline_payload(changes(), places, actors, version, None)
    payload["format"] = FORMAT
    payload["changes"]["reported"] = payload["changes"].pop("since")
    payload["changes"]["since"] = _deltas(since_days)
    del payload["known_at"]
    return payload


def _deltas(days):
    deltas = array("i", days)
    for i in range(len(deltas) - 1, 0, -1):
        deltas[i] -= days[i - 1]
    return deltas


class ReportedTimelineView(PublicView):
    """The map's "As reported then" playback: every place's state as known at each date, one payload."""

    cache_endpoint = "reported-timeline"
    query = Query(lang=language, v=data_version)

    def build_throttles(self, values):
        return [ExpensiveThrottle()]

    @extend_schema(operation_id="timeline_reported", summary="Timeline as reported at each date (playback payload)",
                   parameters=[schema.LANG, schema.DATA_VERSION],
                   responses={200: schema.ref("ReportedTimeline"), **schema.ERRORS})
    def get(self, request, **kwargs):
        lang = self.values.get("lang")
        return Response(reported_payload(Places(language=lang), Actors(lang), self.validators.version))
