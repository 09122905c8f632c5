"""Control periods of every place, read for the periods endpoint (api.period_views): one stretch of
time with one state each, as geo.resolution.periods makes them.

As known now they are read from the prepared snapshot segments (api.snapshots), merged where a
segment repeats its place's previous state, as resolution.periods merges claims that repeat it
(measured at 1,000 places and 20,000 claims: the GeoPackage in 0.9 s resolving the claims, 0.6 s
from the segments). With `known_at`, or while the segments are incomplete, the claims are resolved
(geo.records): the same periods, more slowly.
"""
import re
from dataclasses import dataclass

from django.db import connections, router

from geo import records, resolution
from geo.dates import parse_db_date
from geo.models import Claim

from .fastpath import chunked_cursor
from .models import SnapshotSegment
from .snapshots import usable
from .states import state_of_json


@dataclass(slots=True)
class PeriodRow:
    """One period: its place, first day, end (the next period's first day, None while it lasts), the
    precision of its first day, its state (geo.resolution.State) and the keys of its deciding claims."""

    place: int
    start: object
    end: object
    precision: str
    state: resolution.State
    claims: list


def iter_periods(known_at=None, places=None):
    """PeriodRows of every place (of `places`, a queryset of place ids, or None for all), in place id
    and date order, streamed."""
    if known_at is None:
        connection = connections[router.db_for_read(SnapshotSegment)]
        with connection.cursor() as cursor:
            prepared = usable(cursor)
        if prepared:
            yield from _prepared(connection, places)
            return
    yield from _resolved(known_at, places)


def _resolved(known_at, places):
    key_of = dict(Claim.objects.filter(review=Claim.Review.PUBLISHED).values_list("id", "key"))
    for place, periods in records.iter_timeline(known_at, places=places):
        for period in periods:
            state = period.state
            yield PeriodRow(place, period.start, period.end, state.precision, state, [key_of[c.id] for c in state.claims])


# A claim key in a prepared Feature's evidence (and its sides' evidence, the same claims), as orjson
# writes it. Inside a JSON string a quote is escaped, so no quoted text can look like this; finding
# the keys so took a fifth of the time of parsing the Features.
CLAIM_KEY = re.compile(r'"claim":"([^"\\]*)"')


def _prepared(connection, places):
    """Segments merged into periods; each segment's deciding claims are the claims of its Feature's
    evidence (one entry per citation, so keys repeat), in the segment's own part of the Feature."""
    condition, params = records.places_condition(places, connection, "place_id")
    sql = ("SELECT place_id, start, stop, t.precision, t.key, s.feature FROM api_snapshotsegment s "
           f"JOIN api_segmentstate t ON t.id = s.state_id WHERE TRUE{condition} ORDER BY place_id, start")
    made, current, seen = {}, None, set()
    with chunked_cursor(connection) as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(5000):
            for place, start, stop, precision, key, feature in rows:
                keys = CLAIM_KEY.findall(feature)
                if current is not None and current.place == place and current.state is state_of_json(key, made):
                    current.end = parse_db_date(stop) if stop is not None else None
                    for claim in keys:
                        if claim not in seen:
                            seen.add(claim)
                            current.claims.append(claim)
                    continue
                if current is not None:
                    yield current
                seen = set(keys)
                current = PeriodRow(place, parse_db_date(start), parse_db_date(stop) if stop is not None else None,
                                    precision, state_of_json(key, made), list(dict.fromkeys(keys)))
    if current is not None:
        yield current
