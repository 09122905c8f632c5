"""Prepared control snapshots: each place's states over days and over knowledge time, resolved once
per change of the record and stored per stretch of days and stretch of knowledge time, with the
Feature the snapshot shows (api.models.KnownSegment; its evidence once per claim, api.evidence).

Resolving 200,000 claims and shaping ten thousand evidence-rich features took a second per
request; reading one day's prepared features takes a tenth of that. geo.resolution still decides
every state (`segments`); this module only keeps its answers. Knowledge time is a second axis: each
place's segments are resolved at every moment at which what is known of it changes, a row kept while
the answer stays (about twice the rows of the present alone); the rows still so are the record as
known now. A snapshot and the timeline, as known now or then, are read from the same rows.

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

from . import evidence
from .fastpath import chunked_cursor, gc_paused, stream_rows
from .models import KnownSegment, SnapshotStatus, StalePlace
from .serializers import Actors, Places, citations_by_claim, feature, place_properties, state_properties
from .serializers import evidence as evidence_entries

BATCH = 2000  # places resolved and written at a time: bounds memory and the citations query


def _connection(write=False):
    alias = router.db_for_write(KnownSegment) if write else router.db_for_read(KnownSegment)
    return connections[alias]


# ------------------------------------------------------------------ writing

def state_json(state):
    """The state's key (what a reader sees) as JSON with actor ids: equal keys, equal text."""
    def pairs(items):
        return [[actor, role] for actor, role in items]

    sides = [[side.status, side.holder, pairs(side.others)] for side in state.sides]
    return orjson.dumps([state.status, state.holder, pairs(state.others), sides]).decode()


def state_of_json(key, made):
    """The State a state_json key stands for, made once per distinct key (kept in `made`), so that equal
    states are the same object and a run of them merges by identity."""
    state = made.get(key)
    if state is None:
        status, holder, others, sides = orjson.loads(key)
        sides = tuple(resolution.Side(s, h, tuple(map(tuple, o)), ()) for s, h, o in sides)
        state = made[key] = resolution.State(status, holder, tuple(map(tuple, others)), sides=sides)
    return state


def known_rows(place, claims, shown=None):
    """Rows of KnownSegment for one place: its segments resolved at each moment at which what is
    known of it changes (a claim becomes known, or known to be superseded), a row kept while the
    same segment (days, state, precision, deciding claims) is the answer. Each row is
    [place, start, stop, known_from, known_until, precision, state]; with `shown` (a function of a
    State), followed by what it returns."""
    moments = sorted({c.known_from for c in claims} | {c.superseded_at for c in claims if c.superseded_at is not None})
    rows, open_rows = [], {}
    for moment in moments:
        now = {}
        for segment in resolution.segments(claims, known_at=moment):
            state = segment.state
            key = (segment.start, segment.end, state.precision, tuple(c.id for c in state.claims))
            row = open_rows.pop(key, None)
            if row is None:
                row = [place, segment.start, segment.end, moment, None, state.precision, state_json(state)]
                if shown is not None:
                    row.extend(shown(state))
            now[key] = row
        for row in open_rows.values():
            row[4] = moment
            rows.append(row)
        open_rows = now
    return rows + list(open_rows.values())


def _ids(claims):
    return orjson.dumps([claim.id for claim in claims]).decode()


def _batch_rows(place_claims, actor_slug):
    """Rows of KnownSegment, ClaimEvidence and PreparedPlace for a batch of (place id, [ClaimFact]), in
    two queries."""
    places = Places(Place.objects.filter(id__in=[place for place, _ in place_claims])).rows
    citations = citations_by_claim(sorted({claim.id for _, claims in place_claims for claim in claims}))
    segments, evidence, heads = [], [], []
    for place, claims in place_claims:
        row = places[place]
        head = orjson.dumps(feature(row, place_properties(row)))[:-len(b"}}")].decode()  # open for the state's properties
        heads.append((place, head))

        def shown(state):
            properties = {**place_properties(row), **state_properties(state, actor_slug, {})}
            whole = orjson.dumps(feature(row, properties)).decode()
            assert whole.startswith(head), "the place's properties come first"
            return (orjson.dumps(state.actors()).decode(), whole[len(head):], _ids(state.claims),
                    orjson.dumps([[c.id for c in side.claims] for side in state.sides]).decode())

        segments.extend(known_rows(place, claims, shown))
        evidence.extend((claim.id, place, orjson.dumps(evidence_entries([claim], citations))[1:-1].decode()) for claim in claims)
    return segments, evidence, heads


SEGMENT_COLUMNS = "place_id, start, stop, known_from, known_until, precision, state, actors, tail, claims, side_claims"
EVIDENCE_COLUMNS = "claim_id, place_id, entries"


def _insert(cursor, table, columns, rows, conflict=""):
    """Rows into `table`: by COPY on PostgreSQL, unless a row may exist already (`conflict`: what
    an insert does then)."""
    if cursor.db.vendor == "postgresql" and not conflict:
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join(["%s"] * len(columns.split(", ")))
    cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks}){conflict}", rows)


def _write(places):
    """Replace the segments of `places` (None: every place; or a queryset of place ids)."""
    connection = _connection(write=True)
    actor_slug = Actors().slug
    place_filter, params = "", []
    # A claim moved to another place is written with its new place, whichever of the two is written first.
    conflict = " ON CONFLICT (claim_id) DO UPDATE SET place_id = excluded.place_id, entries = excluded.entries"
    if places is not None:
        sql, params = places.query.get_compiler(connection=connection).as_sql()
        place_filter = f" WHERE place_id IN ({sql})"
    else:
        conflict = ""  # every claim's evidence is gone
    adapt = connection.ops.adapt_datetimefield_value
    with gc_paused(), connection.cursor() as cursor:
        for table in ("api_knownsegment", "api_claimevidence", "api_preparedplace"):
            cursor.execute(f"DELETE FROM {table}{place_filter}", params)
        # Superseded claims too: known_rows() decides per moment which count.
        stream = records.iter_place_claims(places=places, ever_counting=True)
        written = 0
        while batch := [entry for _, entry in zip(range(BATCH), stream)]:
            segments, evidence, heads = _batch_rows(batch, actor_slug)
            _insert(cursor, "api_preparedplace", "place_id, head", heads)
            _insert(cursor, "api_knownsegment", SEGMENT_COLUMNS,
                    [(*row[:3], adapt(row[3]), adapt(row[4]), *row[5:]) for row in segments])
            _insert(cursor, "api_claimevidence", EVIDENCE_COLUMNS, evidence, conflict)
            written += len(segments)
    return written


def rebuild():
    """Resolve every place again (after a bulk change, or to catch up). Returns the segments written."""
    connection = _connection(write=True)
    with transaction.atomic(using=connection.alias):
        status = _locked_status()
        StalePlace.objects.all().delete()
        written = _write(None)
        status.complete, status.built_at = True, timezone.now()
        status.save()
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Fresh statistics for the readers' plans, and a visibility map, without which the timeline
        # cannot read its index alone (autovacuum would get there, minutes later).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) api_knownsegment")
            cursor.execute("VACUUM (ANALYZE) api_claimevidence")
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

def usable(cursor):
    cursor.execute("SELECT 1 FROM api_snapshotstatus WHERE id = 1 AND complete "
                   "AND NOT EXISTS (SELECT 1 FROM api_staleplace)")
    return cursor.fetchone() is not None


def snapshot_body(envelope, at, places=None, actor_ids=None, known_at=None, compact=False):
    """The JSON of the FeatureCollection `envelope` (its "features" last, and empty) with the
    prepared Features of every place with a known state on day `at`, as known at `known_at` (None:
    now), written in (in place slug order); None when the segments cannot be used (then resolve the
    claims).

    `places`: a queryset of place ids to keep; `actor_ids`: keep states naming one of them;
    `compact`: the Features without their evidence (api.evidence fills them otherwise).

    The database sorts the day's rows, and each Feature is written into the body with its evidence
    (api.evidence) as UTF-8 bytes (api.fastpath.stream_rows): a worker holds the body, the day's
    Features without evidence (at 50,000 places, 20 MB) and one chunk's evidence."""
    connection = _connection()
    place_filter, params = records.places_condition(places, connection)
    day = connection.ops.adapt_datefield_value(at)
    actor_filter, actor_params = _actors_condition(actor_ids, connection)
    moment = None if known_at is None else connection.ops.adapt_datetimefield_value(known_at)
    text = "h.head || s.tail" if connection.vendor == "postgresql" else "CAST(h.head || s.tail AS BLOB)"  # as bytes
    columns = text if compact else f"{text}, s.claims, s.side_claims"
    if connection.vendor == "postgresql":  # one scan of the GiST index on days and knowledge time
        # As known now: the rows still so, whose knowledge time alone reaches infinity.
        sql = (f"SELECT {columns} FROM api_knownsegment s JOIN geo_place p ON p.id = s.place_id "
               "JOIN api_preparedplace h ON h.place_id = s.place_id "
               "WHERE daterange(s.start, s.stop) @> %s::date AND tstzrange(s.known_from, s.known_until) @> %s::timestamptz"
               f'{place_filter}{actor_filter} ORDER BY p.slug COLLATE "C"')  # code point order, whatever the collation
        params = [day, "infinity" if moment is None else moment, *params, *actor_params]
    else:  # per place, one backward step on a (place, start) index; SQLite's BINARY is code point order
        known = ("{0}.known_until IS NULL" if moment is None
                 else "{0}.known_from <= %s AND ({0}.known_until IS NULL OR {0}.known_until > %s)")
        moments = [] if moment is None else [moment, moment]
        sql = (f"SELECT {columns} FROM geo_place p CROSS JOIN api_knownsegment s "
               "ON s.place_id = p.id AND s.start = (SELECT MAX(x.start) FROM api_knownsegment x "
               f"WHERE x.place_id = p.id AND x.start <= %s AND {known.format('x')}) "
               "JOIN api_preparedplace h ON h.place_id = p.id "
               f"WHERE (s.stop IS NULL OR s.stop > %s) AND {known.format('s')}{place_filter}{actor_filter} ORDER BY p.slug")
        params = [day, *moments, day, *moments, *params, *actor_params]
    head = orjson.dumps(envelope)
    assert head.endswith(b"[]}"), "the envelope's features come last, empty"
    body = io.BytesIO()  # grows in place, and getvalue() hands over its buffer: no copy of the body
    body.write(head[:-len(b"]}")])
    # One transaction (no savepoint inside another): the settings below last until it ends.
    with transaction.atomic(using=connection.alias, savepoint=False), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The planner takes a day for a quarter of the segments (it is a twentieth) and scans the
            # table: at L 70 ms where the GiST index reads the day in 10. The sort of the day's rows
            # stays in memory (at XL 40 MB; the default work_mem spills it to disk).
            cursor.execute("SELECT set_config('enable_seqscan', 'off', true), set_config('work_mem', '64MB', true)")
        if not usable(cursor):
            return None
        rows = stream_rows(cursor, sql, params)
        features = (evidence.without(feature) for feature, in rows) if compact else evidence.written(cursor, list(rows))
        write = body.write
        for index, feature in enumerate(features):
            if index:
                write(b",")
            write(feature)
    body.write(b"]}")
    return body.getvalue()


def _actors_condition(actor_ids, connection):
    """A condition keeping segments whose state names one of `actor_ids` (their `actors`: a JSON
    array of ids, "[3,5]")."""
    if not actor_ids:
        return "", []
    ids = sorted(actor_ids)
    if connection.vendor == "postgresql":
        return " AND translate(s.actors, '[]', '{}')::int[] && %s::int[]", [ids]
    return (f" AND EXISTS (SELECT 1 FROM json_each(s.actors) a WHERE a.value IN ({', '.join(['%s'] * len(ids))}))",
            ids)


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
        return _changes(connection, "SELECT place_id, start, precision, state FROM api_knownsegment "
                                    "WHERE known_until IS NULL ORDER BY place_id, start", [])
    moment = connection.ops.adapt_datetimefield_value(known_at)
    sql = ("SELECT place_id, start, precision, state FROM api_knownsegment WHERE known_from <= %s "
           "AND (known_until IS NULL OR known_until > %s) ORDER BY place_id, start")
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
