"""The control snapshot as known then, read from the prepared segments (api.snapshots) rather than
resolved from every claim.

A Feature shows a segment's place, its start (the state's `since`), its state and its deciding claims
with all their citations: nothing in it depends on when it is read, so a segment as known then that
starts on the same day, with the same state and the same deciding claims as a segment as known now of
the same place shows exactly that segment's stored Feature (KnownSegment.as_now says so). Most places
at most moments are so (what was known then is what decides now, only the segment's end differs). The
others, whose deciding claims as known then are not those of any segment as known now (a claim
superseded since, a same-day claim known later), are resolved from their claims as before, and only
they: geo.resolution still decides every state.
"""
import io

import orjson
from django.db import connections, router

from geo import records
from geo.models import Place

from .fastpath import stream_rows
from .models import KnownSegment
from .serializers import Places, citations_by_claim, deciding_ids, feature, place_properties, state_properties
from .snapshots import actors_condition, usable

# The Feature of the segment as known now that shows the segment as known then (k, its state t), if
# any (NULL without it): the parts of api.snapshots.FEATURE, looked up per row (SQLite's reading).
REUSED = ("(SELECT h.shown || t.shown || s.feature FROM api_snapshotsegment s JOIN api_segmentplace h ON h.place_id = s.place_id "
          "WHERE k.as_now AND s.place_id = k.place_id AND s.start = k.start)")


def _rows_sql(connection, at, known_at, places, actor_ids):
    """The segment as known at `known_at` of every place with a state on day `at` (of `places`, naming
    one of `actor_ids`), in place slug order: (place id, the reusable Feature or NULL)."""
    day = connection.ops.adapt_datefield_value(at)
    moment = connection.ops.adapt_datetimefield_value(known_at)
    actor_filter, actor_params = actors_condition(actor_ids, connection)
    if connection.vendor == "postgresql":
        # One scan of the GiST index on days and knowledge time gives the day's segments; they are put in
        # order with the parts of their Features that are few (their place's, their state's, joined), and
        # only then is each segment's own part read, one lookup by the (place, start) key: the sort stays
        # small, and no row looks its place's part up (at XL, 190,504 buffers read for the lookups
        # instead of 333,382). The outer ORDER BY is the inner one's: PostgreSQL keeps it, sorting nothing again.
        place_filter, place_params = records.places_condition(places, connection, column="k.place_id")
        sql = ("SELECT o.place_id, CASE WHEN o.as_now THEN o.place_shown || o.state_shown || (SELECT s.feature "
               "FROM api_snapshotsegment s WHERE s.place_id = o.place_id AND s.start = o.start) END FROM ("
               "SELECT k.place_id, k.start, k.as_now, h.shown AS place_shown, t.shown AS state_shown, "
               'h.slug COLLATE "C" AS slug '  # code point order, whatever the database's collation
               "FROM api_knownsegment k JOIN api_segmentplace h ON h.place_id = k.place_id "
               "JOIN api_segmentstate t ON t.id = k.state_id "
               "WHERE daterange(k.start, k.stop) @> %s::date AND tstzrange(k.known_from, k.known_until) @> %s::timestamptz"
               f"{place_filter}{actor_filter} ORDER BY slug) o ORDER BY o.slug")
        return sql, [day, moment, *place_params, *actor_params]
    # Per place, the (place, start, known_from) index; SQLite's BINARY is code point order.
    place_filter, place_params = records.places_condition(places, connection)
    sql = (f"SELECT k.place_id, CAST({REUSED} AS BLOB) FROM geo_place p CROSS JOIN api_knownsegment k "
           "ON k.place_id = p.id AND k.start <= %s AND (k.stop IS NULL OR k.stop > %s) "
           "JOIN api_segmentstate t ON t.id = k.state_id "
           f"WHERE k.known_from <= %s AND (k.known_until IS NULL OR k.known_until > %s){place_filter}{actor_filter} "
           "ORDER BY p.slug")
    return sql, [day, day, moment, moment, *place_params, *actor_params]


def snapshot_body(envelope, at, known_at, actor_slug, places=None, actor_ids=None):
    """The JSON of the FeatureCollection `envelope` (its "features" last, and empty) with the Feature of
    every place with a known state on day `at` as known at `known_at`, in place slug order, as
    api.snapshots.snapshot_body writes the present's (default names; `places` and `actor_ids` as
    there; `actor_slug`: {actor id: slug}, for the Features resolved); None when the segments cannot
    be used (then resolve the claims).

    The stored Features are written as they arrive, each followed by a comma; where a place has none to
    reuse, its offset is kept, and the Features resolved at the end for all such places are put there
    (the body is then copied once)."""
    connection = connections[router.db_for_read(KnownSegment)]
    sql, params = _rows_sql(connection, at, known_at, places, actor_ids)
    head = orjson.dumps(envelope)
    assert head.endswith(b"[]}"), "the envelope's features come last, empty"
    body, gaps = io.BytesIO(), []
    body.write(head[:-len(b"]}")])
    postgresql = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if not usable(cursor):
            return None
        if postgresql:
            # Days and knowledge time each keep half the rows, together one per place: the planner,
            # multiplying the halves, expects a quarter and would scan both tables whole.
            cursor.execute("SET enable_seqscan = off")
        try:
            for place, shown in stream_rows(cursor, sql, params):
                if shown is None:
                    gaps.append((body.tell(), place))
                else:
                    body.write(shown)
                    body.write(b",")
        finally:
            if postgresql:
                cursor.execute("RESET enable_seqscan")
    if gaps:
        resolved = _resolved_features(at, known_at, [place for _, place in gaps], actor_slug)
        written, body, position = body.getbuffer(), io.BytesIO(), 0
        for offset, place in gaps:
            body.write(written[position:offset])
            if place in resolved:
                body.write(resolved[place])
                body.write(b",")
            position = offset
        body.write(written[position:])
        written.release()
    if body.tell() > len(head) - len(b"]}"):
        body.seek(-1, io.SEEK_END)  # the last Feature's comma
    body.write(b"]}")
    return body.getvalue()


def _resolved_features(at, known_at, place_ids, actor_slug):
    """{place id: Feature as JSON} of the given places, resolved from their claims as known then."""
    states = records.snapshot(at, known_at, places=place_ids)
    citations = citations_by_claim(deciding_ids(states))
    rows = Places(Place.objects.filter(id__in=list(states))).rows
    return {place: orjson.dumps(feature(rows[place], {**place_properties(rows[place]),
                                                      **state_properties(state, actor_slug, citations)}))
            for place, state in states.items()}
