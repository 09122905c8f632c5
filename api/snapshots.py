"""Prepared control snapshots: each place's state as known now, resolved once per change of the
record and stored per stretch of days with the Feature the snapshot shows, in three parts: the
place's, kept once per place, the state's, kept once per distinct state, and the segment's own
(api.models; readers join them in SQL).

Resolving 200,000 claims and shaping ten thousand evidence-rich features took a second per
request; reading one day's prepared features takes a tenth of that. geo.resolution still decides
every state (`segments`); this module only keeps its answers, and the timeline of the record as
known now is read from the same rows. Knowledge time is a second axis (KnownSegment, no Features):
each place's segments resolved at every moment at which what is known of it changes, a row kept
while the answer stays, about twice the rows of the present; the timeline as known then is read
from them (at L a third of the time of resolving every claim).

Kept in step with the record:
  - triggers in the database (migration 0002) mark stale the places a write touches, in the
    write's own transaction, whoever writes (the ORM, a queryset update, raw SQL, a bulk load);
  - after a write that sends a signal (any model save or delete, geo.signals.bulk_changed), the
    stale places are resolved again once its transaction commits (`refresh_stale`).
Readers use the segments only while they are complete and no place is stale, and otherwise
resolve the claims as before: the same answer, slower. So a write that sends no signal, or a
crash between a commit and its refresh, can cost speed, never correctness, until the next refresh
(`manage.py refresh_snapshots` catches up at once).
"""
import io

import orjson
from django.db import connections, router, transaction
from django.db.models import F
from django.utils import timezone

from geo import records, resolution
from geo.dates import parse_db_date
from geo.models import Place

from .fastpath import chunked_cursor, gc_paused, stream_rows
from .models import SnapshotSegment, SnapshotStatus, StalePlace
from .serializers import Actors, Places, citations_by_claim, feature, place_properties, state_properties
from .states import STATE_COLUMNS, STATE_SHOWN, SegmentStates, claims_json, state_json, state_of_json

BATCH = 2000  # places resolved and written at a time: bounds memory and the citations query


def _connection(write=False):
    alias = router.db_for_write(SnapshotSegment) if write else router.db_for_read(SnapshotSegment)
    return connections[alias]


# ------------------------------------------------------------------ writing

def known_rows(place, claims):
    """Rows of KnownSegment for one place: its segments resolved at each moment at which what is
    known of it changes (a claim becomes known, or known to be superseded), a row kept while the
    same segment (days, state, precision, deciding claims) is the answer."""
    moments = sorted({c.known_from for c in claims} | {c.superseded_at for c in claims if c.superseded_at is not None})
    rows, open_rows = [], {}
    for moment in moments:
        now = {}
        for segment in resolution.segments(claims, known_at=moment):
            state = segment.state
            key = (segment.start, segment.end, state.precision, tuple(c.id for c in state.claims))
            now[key] = open_rows.pop(key, None) or [place, segment.start, segment.end, moment, None, state.precision,
                                                    state_json(state), claims_json(state)]
        for row in open_rows.values():
            row[4] = moment
            rows.append(row)
        open_rows = now
    return rows + list(open_rows.values())


def _segment_rows(resolved, actor_slug, states, place_rows):
    """Rows of SnapshotSegment for a batch of (place id, [Segment]): its two queries are made at once,
    the rows as they are read (each written while the next is made, see _insert); each place's
    SegmentPlace row is added to `place_rows` meanwhile, with segments as known now or not (its
    segments as known then are put in order by it)."""
    deciding = [claim.id for _, segments in resolved for segment in segments for claim in segment.state.claims]
    citations = citations_by_claim(sorted(set(deciding)))
    places = Places(Place.objects.filter(id__in=[place for place, _ in resolved])).rows

    def rows():
        for place, segments in resolved:
            row = places[place]
            shown_place = orjson.dumps(feature(row, place_properties(row)))
            assert shown_place.endswith(b"}}"), "the place's properties end the Feature"
            place_rows.append((place, row["slug"], shown_place[:-2].decode() + ","))
            for segment in segments:
                state = segment.state
                shown = state_properties(state, actor_slug, citations)
                rest = orjson.dumps({name: value for name, value in shown.items() if name not in STATE_SHOWN})
                state_id = states.id(state_json(state), state.precision, state)
                yield place, segment.start, segment.end, state_id, rest[1:].decode() + "}"
    return rows()


SEGMENT_COLUMNS = ("place_id", "start", "stop", "state_id", "feature")
KNOWN_COLUMNS = ("place_id", "start", "stop", "known_from", "known_until", "state_id", "as_now")
PLACE_TABLES = ("api_snapshotsegment", "api_knownsegment", "api_segmentplace")


def _insert(cursor, table, columns, rows):
    """Write `rows` (tuples in the order of `columns`) into `table`; returns how many. On PostgreSQL
    through COPY: one statement for them all, not one INSERT each, and the server stores the rows sent
    while the next are made."""
    written = 0
    if cursor.db.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for written, row in enumerate(rows, 1):
                copy.write_row(row)
        return written
    rows = list(rows)
    cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})", rows)
    return len(rows)


def _known_rows(resolved_now, place_claims, states):
    """Rows of KnownSegment for a batch of (place id, [ClaimFact]), `as_now` where the segment as known
    now of the same place and start has the same state, precision and deciding claims."""
    made = {}
    for (place, claims), (_, segments) in zip(place_claims, resolved_now):
        now = {(segment.start, segment.state.precision, state_json(segment.state), claims_json(segment.state))
               for segment in segments}
        for _, start, stop, known_from, known_until, precision, key, claims_key in known_rows(place, claims):
            yield (place, start, stop, known_from, known_until, states.id(key, precision, state_of_json(key, made)),
                   (start, precision, key, claims_key) in now)


def _write(places, truncate=False):
    """Replace the segments of `places` (None: every place; or a queryset of place ids). `truncate`
    (every place, on PostgreSQL): empty the tables with TRUNCATE, which locks out their readers until
    the transaction ends."""
    connection = _connection(write=True)
    actor_slug = Actors().slug
    place_filter = ""
    if places is not None:
        sql, params = places.query.get_compiler(connection=connection).as_sql()
        place_filter = f" WHERE place_id IN ({sql})"
    adapt = connection.ops.adapt_datetimefield_value
    with gc_paused(), connection.cursor() as cursor:
        if truncate:
            cursor.execute(f"TRUNCATE {', '.join(PLACE_TABLES)}, api_segmentstate")
        else:
            for table in PLACE_TABLES:
                cursor.execute(f"DELETE FROM {table}{place_filter}", [] if places is None else params)
            if places is None:
                cursor.execute("DELETE FROM api_segmentstate")
        states = SegmentStates(cursor, actor_slug)
        # Superseded claims too: segments() leaves them out as known now, known_rows() decides per moment.
        stream = records.iter_place_claims(places=places, ever_counting=True)
        written = 0
        while batch := [entry for _, entry in zip(range(BATCH), stream)]:
            resolved = [(place, resolution.segments(claims)) for place, claims in batch]
            place_rows = []
            written += _insert(cursor, "api_snapshotsegment", SEGMENT_COLUMNS,
                               _segment_rows(resolved, actor_slug, states, place_rows))
            _insert(cursor, "api_segmentplace", ("place_id", "slug", "shown"), place_rows)
            _insert(cursor, "api_knownsegment", KNOWN_COLUMNS,
                    ((*row[:3], adapt(row[3]), adapt(row[4]), *row[5:]) for row in _known_rows(resolved, batch, states)))
        if states.new:  # most refreshes meet no new state: no statement then
            _insert(cursor, "api_segmentstate", STATE_COLUMNS, states.new)
    return written


def rebuild():
    """Resolve every place again (after a bulk change, or to catch up). Returns the segments written.

    On PostgreSQL, outside a transaction, the segments are first marked incomplete in a transaction of
    their own (readers resolve the claims meanwhile, and never wait), then emptied by TRUNCATE and
    written anew: no dead rows stay beside the new ones (deleted row by row, the old rows kept the
    tables at more than twice their size on disk), and nothing is deleted or vacuumed row by row."""
    connection = _connection(write=True)
    truncate = connection.vendor == "postgresql" and not connection.in_atomic_block
    if truncate:  # committed at once: from now until the rebuild commits, readers resolve the claims
        SnapshotStatus.objects.filter(pk=1).update(complete=False)
    with transaction.atomic(using=connection.alias):
        status = _locked_status()
        StalePlace.objects.all().delete()
        written = _write(None, truncate=truncate)
        status.complete, status.built_at = True, timezone.now()
        status.save()
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Fresh statistics for the readers' and the refreshes' plans (emptied, the tables have none), and
        # a visibility map, without which the timeline cannot read its index alone (autovacuum would get
        # there, minutes later); the stale marks, all deleted, give their pages back.
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {', '.join(PLACE_TABLES)}, api_segmentstate, api_staleplace")
    return written


def refresh_stale():
    """Resolve the places marked stale again, if the segments are otherwise complete."""
    if not StalePlace.objects.exists():
        return 0
    written = 0
    with transaction.atomic(using=_connection(write=True).alias):
        status = _locked_status()
        if not status.complete:
            return 0  # a rebuild is due, and covers them
        # Locked: a write marking one of these places again waits for this refresh, then marks it anew.
        stale = list(StalePlace.objects.select_for_update().values_list("place_id", flat=True))
        for first in range(0, len(stale), BATCH * 5):
            chunk = stale[first:first + BATCH * 5]
            written += _write(StalePlace.objects.filter(place_id__in=chunk).values("place_id"))
            # Only the rows read above: a place marked since by another transaction stays marked.
            StalePlace.objects.filter(place_id__in=chunk).delete()
    return written


def _locked_status():
    """The status row, locked by writing it first: one writer of segments at a time. (On SQLite the
    write takes the database's write lock before this transaction reads anything, so no write can
    commit between what it reads and what it writes.)"""
    if not SnapshotStatus.objects.filter(pk=1).update(complete=F("complete")):
        SnapshotStatus.objects.create(pk=1)
    return SnapshotStatus.objects.get(pk=1)


# ------------------------------------------------------------------ tracking changes

def schedule_refresh(sender=None, raw=False, **kwargs):
    """After a write (the database's triggers have marked the places it touches, see the
    migration 0002): refresh them once its transaction commits. Writes that send no signal
    (queryset updates, raw SQL) leave their places stale until the next refresh: readers resolve
    the claims meanwhile."""
    if not raw:
        transaction.on_commit(refresh_stale, robust=True)  # a failure is logged; readers resolve meanwhile


def complete_after_migrate(using, **kwargs):
    """After `migrate` (on a new database, or on one upgraded to this module): build the segments
    if they are not complete, or resolve again the places a migration changed, so the readers never
    wait for an operator."""
    if using != _connection(write=True).alias:
        return
    if not SnapshotStatus.objects.filter(pk=1, complete=True).exists():
        rebuild()
    else:
        refresh_stale()  # the places a migration's data change marked (e.g. known_from corrected)


# ------------------------------------------------------------------ reading

# A segment's Feature, from its place's part, its state's and its own (s: the SnapshotSegment).
FEATURE = "h.shown || t.shown || s.feature"
PARTS = "JOIN api_segmentplace h ON h.place_id = s.place_id JOIN api_segmentstate t ON t.id = s.state_id"


def usable(cursor):
    cursor.execute("SELECT 1 FROM api_snapshotstatus WHERE id = 1 AND complete "
                   "AND NOT EXISTS (SELECT 1 FROM api_staleplace)")
    return cursor.fetchone() is not None


def snapshot_body(envelope, at, places=None, actor_ids=None):
    """The JSON of the FeatureCollection `envelope` (its "features" last, and empty) with the
    prepared Features of every place with a known state on day `at`, as known now, written in (in
    place slug order); None when the segments cannot be used (then resolve the claims).

    `places`: a queryset of place ids to keep; `actor_ids`: keep states naming one of them.

    The database sorts the day's rows, and each Feature is written into the body as it arrives (as
    the UTF-8 bytes stored: api.fastpath.stream_rows), so a worker holds the body and one chunk of
    rows, never every Feature beside the body (at 50,000 places, 57 MB each)."""
    connection = _connection()
    postgresql = connection.vendor == "postgresql"
    place_filter, params = records.places_condition(places, connection, column="s.place_id" if postgresql else "p.id")
    day = connection.ops.adapt_datefield_value(at)
    actor_filter, actor_params = actors_condition(actor_ids, connection)
    if postgresql:  # one scan of the GiST index on the segments' days, in the order of the places' parts
        sql = (f"SELECT {FEATURE} FROM api_snapshotsegment s {PARTS} "
               f"WHERE daterange(s.start, s.stop) @> %s::date{place_filter}{actor_filter} "
               'ORDER BY h.slug COLLATE "C"')  # code point order, whatever the database's collation
        params = [day, *params, *actor_params]
    else:  # per place, one backward step on the (place, start) index; SQLite's BINARY is code point order
        sql = (f"SELECT CAST({FEATURE} AS BLOB) FROM geo_place p CROSS JOIN api_snapshotsegment s "
               "ON s.place_id = p.id AND s.start = (SELECT MAX(x.start) FROM api_snapshotsegment x "
               f"WHERE x.place_id = p.id AND x.start <= %s) {PARTS} "
               f"WHERE (s.stop IS NULL OR s.stop > %s){place_filter}{actor_filter} ORDER BY p.slug")
        params = [day, day, *params, *actor_params]
    head = orjson.dumps(envelope)
    assert head.endswith(b"[]}"), "the envelope's features come last, empty"
    body = io.BytesIO()  # grows in place, and getvalue() hands over its buffer: no copy of the body
    body.write(head[:-len(b"]}")])
    with connection.cursor() as cursor:
        if not usable(cursor):
            return None
        for index, (stored,) in enumerate(stream_rows(cursor, sql, params)):
            if index:
                body.write(b",")
            body.write(stored)
    body.write(b"]}")
    return body.getvalue()


def actors_condition(actor_ids, connection):
    """A condition keeping segments whose state (t, a SegmentState) names one of `actor_ids` (its
    `actors`: a JSON array of ids, "[3,5]")."""
    if not actor_ids:
        return "", []
    ids = sorted(actor_ids)
    if connection.vendor == "postgresql":
        return " AND translate(t.actors, '[]', '{}')::int[] && %s::int[]", [ids]
    return (f" AND EXISTS (SELECT 1 FROM json_each(t.actors) a WHERE a.value IN ({', '.join(['%s'] * len(ids))}))",
            ids)


# A segment's (s) state as the timeline reads it, in the same statement as the segment.
STATE = "t.precision, t.key"
NAMED = "JOIN api_segmentstate t ON t.id = s.state_id"


def timeline_changes(known_at=None):
    """The changes of every place as known at `known_at` (None: now), for
    serializers.timeline_payload, read from the segments in place and date order; None when they
    cannot be used. A change is a segment whose state key differs from the place's previous one (the
    same merge as resolution.periods). Its State is made once per distinct key, and carries what the
    timeline shows, not the claims."""
    connection = _connection()
    with connection.cursor() as cursor:
        if not usable(cursor):
            return None
    if known_at is None:
        return _changes(connection, f"SELECT s.place_id, s.start, {STATE} FROM api_snapshotsegment s {NAMED} "
                                    "ORDER BY s.place_id, s.start", [])
    moment = connection.ops.adapt_datetimefield_value(known_at)
    sql = (f"SELECT s.place_id, s.start, {STATE} FROM api_knownsegment s {NAMED} WHERE s.known_from <= %s "
           "AND (s.known_until IS NULL OR s.known_until > %s) ORDER BY s.place_id, s.start")
    return _changes(connection, sql, [moment, moment])


def _changes(connection, sql, params):
    made = {}
    date = parse_db_date
    previous_place = previous_key = None
    with chunked_cursor(connection) as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(10000):
            for place, start, precision, key in rows:
                if key == previous_key and place == previous_place:
                    continue
                previous_place, previous_key = place, key
                state = made.get(key)
                if state is None:
                    status, holder, others, sides = orjson.loads(key)
                    sides = tuple(resolution.Side(s, h, tuple(map(tuple, o)), ()) for s, h, o in sides)
                    state = made[key] = resolution.State(status, holder, tuple(map(tuple, others)), sides=sides)
                yield place, date(start), key, precision, state
