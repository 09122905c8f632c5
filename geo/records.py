"""Reading claims out of the database for geo.resolution, in a constant number of queries.

The database only narrows the claims down (published, known by D, dated by T, the latest date per
place); geo.resolution alone decides what they mean.

The two hot paths (the snapshot and the timeline) read plain rows with a raw cursor and build the
ClaimFacts directly: the ORM's per-value conversion (above all of datetimes on SQLite) cost more
than the query itself at 200,000 claims.
"""
import contextlib
import datetime as dt
import gc

from django.db import connections, router
from django.db.models import Q
from django.db.models.expressions import RawSQL

from . import resolution
from .models import Claim, ClaimActor

ID_LIST_MAX = 20000  # well under SQLite's and PostgreSQL's limits on query parameters
FACT_FIELDS = ("id", "place_id", "status", "date", "holder_id", "precision", "end", "rank", "known_from", "superseded_at", "review")
# Literal values (not parameters) so that SQLite, too, can see that the partial indexes on published
# claims apply when it prepares the statement.
PUBLISHED, SUPERSEDED = Claim.Review.PUBLISHED.value, Claim.Rank.SUPERSEDED.value


@contextlib.contextmanager
def gc_paused():
    """Builds hundreds of thousands of small acyclic objects without the cyclic garbage collector,
    whose full passes over them took half the time of the timeline; it runs again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def counting_filter(known_at=None):
    """The SQL form of ClaimFact.counts: published, sourced, known by `known_at`, not superseded by then."""
    condition = Q(review=Claim.Review.PUBLISHED, known_from__isnull=False)
    if known_at is None:
        return condition & ~Q(rank=Claim.Rank.SUPERSEDED)
    return condition & Q(known_from__lte=known_at) & (
        ~Q(rank=Claim.Rank.SUPERSEDED) | Q(superseded_at__gt=known_at)
    )


def _counting_sql(alias, connection, known_at):
    """counting_filter as SQL on the claim table aliased `alias`, with its parameters."""
    sql = f"{alias}.review = '{PUBLISHED}' AND {alias}.known_from IS NOT NULL"
    if known_at is None:
        return f"{sql} AND {alias}.rank <> '{SUPERSEDED}'", []
    moment = connection.ops.adapt_datetimefield_value(known_at)
    return (f"{sql} AND {alias}.known_from <= %s AND ({alias}.rank <> '{SUPERSEDED}' OR {alias}.superseded_at > %s)",
            [moment, moment])


def places_condition(places, connection, column="p.id"):
    """A condition on `column` (a place id) for `places`: None (all), ids, or a queryset of place ids."""
    if places is None:
        return "", []
    if hasattr(places, "query"):
        sql, params = places.query.get_compiler(connection=connection).as_sql()
        return f" AND {column} IN ({sql})", list(params)
    ids = [int(place) if not hasattr(place, "pk") else place.pk for place in places]
    if not ids:
        return " AND 1 = 0", []
    return f" AND {column} IN ({', '.join(['%s'] * len(ids))})", ids


def _columns(alias, connection):
    """FACT_FIELDS of the claim table `alias`. Datetimes (and on SQLite dates) are read as text, which
    fact_rows parses in C: the drivers' converters for them are regular expressions run in Python."""
    as_text = ("DateField", "DateTimeField") if connection.vendor == "sqlite" else ("DateTimeField",)
    columns = []
    for name in FACT_FIELDS:
        field = Claim._meta.get_field(name)
        column = f"{alias}.{connection.ops.quote_name(field.column)}"
        if field.get_internal_type() in as_text:
            column = f"CAST({column} AS TEXT)"
        columns.append(column)
    return ", ".join(columns)


def deciding_sql(at, known_at=None, places=None, connection=None, columns=None):
    """SQL for the counting claims of each place's latest date by `at`, with its parameters.

    It is driven by the places: for each one, a backward scan of the (place, date) index of published
    claims stops at the latest counting date by `at`. The cost grows with the number of places, not
    with the number of claims, and no claim dated after `at` (or any older one) is read.
    """
    connection = connection or connections[router.db_for_read(Claim)]
    columns = columns or _columns("c", connection)
    counting, counting_params = _counting_sql("c", connection, known_at)
    place_filter, place_params = places_condition(places, connection)
    day = connection.ops.adapt_datefield_value(at)
    if connection.vendor == "postgresql":
        # WITH TIES keeps every claim of the latest date: a same-day conflict stays a dispute.
        sql = (f"SELECT {columns} FROM geo_place p CROSS JOIN LATERAL (SELECT * FROM geo_claim c "
               f"WHERE c.place_id = p.id AND c.date <= %s AND {counting} "
               f"ORDER BY c.date DESC FETCH FIRST 1 ROWS WITH TIES) c WHERE TRUE{place_filter}")
        return sql, [day, *counting_params, *place_params]
    # SQLite has no LATERAL: each place is joined to its claims of the date a correlated subquery finds
    # on the same index. CROSS JOIN keeps the places as the outer loop (SQLite's join-order hint).
    latest_counting, latest_params = _counting_sql("l", connection, known_at)
    sql = (f"SELECT {columns} FROM geo_place p CROSS JOIN geo_claim c ON c.place_id = p.id AND c.date = "
           f"(SELECT l.date FROM geo_claim l WHERE l.place_id = p.id AND l.date <= %s AND {latest_counting} "
           f"ORDER BY l.date DESC LIMIT 1) WHERE {counting}{place_filter}")
    return sql, [day, *latest_params, *counting_params, *place_params]


def parse_db_date(value):
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def parse_db_moment(value):
    """A datetime from a database's text (PostgreSQL's has an offset, SQLite's is UTC without one)."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def fact_rows(sql, params, id_subquery=None, connection=None):
    """ClaimFacts from raw rows of FACT_FIELDS (two queries): the rows, then the claims' other actors.

    `id_subquery` (SQL, params) selects the same claims' ids, used instead of a long id list."""
    connection = connection or connections[router.db_for_read(Claim)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        others: dict[int, list] = {}
        if rows:
            ids = [row[0] for row in rows]
            select = "SELECT claim_id, actor_id, role FROM geo_claimactor WHERE claim_id"
            if connection.vendor == "postgresql":  # one array parameter, not thousands of placeholders
                cursor.execute(f"{select} = ANY(%s)", [ids])
            elif len(ids) > ID_LIST_MAX and id_subquery is not None:
                cursor.execute(f"{select} IN ({id_subquery[0]})", id_subquery[1])
            else:
                cursor.execute(f"{select} IN ({', '.join(['%s'] * len(ids))})", ids)
            for claim_id, actor_id, role in cursor.fetchall():
                others.setdefault(claim_id, []).append((actor_id, role))
    fact, date, moment, published = resolution.ClaimFact, parse_db_date, parse_db_moment, PUBLISHED
    empty = ()
    return [
        fact(cid, place, status, date(day), holder, tuple(sorted(others[cid])) if cid in others else empty, precision,
             date(end) if end is not None else None, rank, moment(known_from) if known_from is not None else None,
             moment(superseded_at) if superseded_at is not None else None, review == published)
        for cid, place, status, day, holder, precision, end, rank, known_from, superseded_at, review in rows
    ]


def facts(queryset, payload=False):
    """ClaimFacts for the claims of `queryset`, in two queries whatever its size.

    With payload=True each fact carries its Claim instance (place, holder, citations and sources
    prefetched) for display.
    """
    if payload:
        # By id: select_related on a window-filtered queryset misreads geometry columns on SpatiaLite.
        ids = list(queryset.order_by().values_list("id", flat=True))
        rows = list(
            Claim.objects.filter(id__in=ids).select_related("place", "holder", "superseded_by").prefetch_related(
                "citations__source__outlet", "other_actors__actor"
            )
        )
        others = {claim.id: tuple(sorted((o.actor_id, o.role) for o in claim.other_actors.all())) for claim in rows}
        return [
            resolution.ClaimFact(
                id=c.id, place=c.place_id, status=c.status, date=c.date, holder=c.holder_id, others=others[c.id],
                precision=c.precision, end=c.end, rank=c.rank, known_from=c.known_from, superseded_at=c.superseded_at,
                published=c.review == Claim.Review.PUBLISHED, payload=c,
            )
            for c in rows
        ]
    queryset = queryset.order_by()  # resolution sorts; the default ordering would join places
    rows = list(queryset.values_list(*FACT_FIELDS))
    others: dict[int, list] = {}
    ids = [row[0] for row in rows]
    # A few ids go by value (the queryset may be costly to run twice); many go by subquery.
    related = ClaimActor.objects.filter(claim_id__in=ids if len(ids) <= ID_LIST_MAX else queryset.values("id"))
    if ids:
        for claim_id, actor_id, role in related.values_list("claim_id", "actor_id", "role"):
            others.setdefault(claim_id, []).append((actor_id, role))
    return [
        resolution.ClaimFact(
            id=cid, place=place, status=status, date=date, holder=holder, others=tuple(sorted(others.get(cid, ()))),
            precision=precision, end=end, rank=rank, known_from=known_from, superseded_at=superseded_at,
            published=review == Claim.Review.PUBLISHED,
        )
        for cid, place, status, date, holder, precision, end, rank, known_from, superseded_at, review in rows
    ]


def deciding_claims(at, known_at=None, places=None):
    """Only the claims that can decide on day `at`: each place's counting claims of its latest date
    (a queryset, e.g. to read their citations; see deciding_sql)."""
    connection = connections[router.db_for_read(Claim)]
    return Claim.objects.filter(id__in=RawSQL(*deciding_sql(at, known_at, places, connection, columns="c.id")))


def deciding_facts(at, known_at=None, places=None):
    """ClaimFacts of deciding_claims, read in two queries without the ORM's per-value conversions."""
    connection = connections[router.db_for_read(Claim)]
    sql, params = deciding_sql(at, known_at, places, connection)
    return fact_rows(sql, params, deciding_sql(at, known_at, places, connection, columns="c.id"), connection)


def snapshot(at, known_at=None, places=None, payload=False):
    """{place id: State} for every place with a known state on day `at`."""
    with gc_paused():
        claims = facts(deciding_claims(at, known_at, places), payload=True) if payload else deciding_facts(at, known_at, places)
        return resolution.snapshot(claims, at, known_at)


def place_state(place, at, known_at=None, payload=True):
    claims = facts(deciding_claims(at, known_at, [place]), payload=True) if payload else deciding_facts(at, known_at, [place])
    return resolution.state_at(claims, at, known_at)


def place_periods(place, known_at=None, payload=True):
    return resolution.periods(facts(Claim.objects.filter(place=place, review=Claim.Review.PUBLISHED), payload), known_at)


def iter_place_claims(known_at=None, places=None, chunk=10000):
    """(place id, [ClaimFact]) for every place with a counting claim, in place id order, streamed.

    One query (the claims with their other actors joined, read in chunks through a server-side
    cursor on PostgreSQL); only one place's claims are held at a time, so a caller that keeps just
    what it needs of each place stays small however many claims there are. `places`: as for
    deciding_sql (None: every place).
    """
    connection = connections[router.db_for_read(Claim)]
    counting, params = _counting_sql("c", connection, known_at)
    place_filter, place_params = places_condition(places, connection, "c.place_id")
    sql = (f"SELECT {_columns('c', connection)}, a.actor_id, a.role FROM geo_claim c "
           f"LEFT JOIN geo_claimactor a ON a.claim_id = c.id WHERE {counting}{place_filter} "
           f"ORDER BY c.place_id, c.date, c.id")
    date, moment, published, fact = parse_db_date, parse_db_moment, PUBLISHED, resolution.ClaimFact
    with gc_paused(), connection.chunked_cursor() as cursor:
        cursor.execute(sql, params + place_params)
        place, claims = None, []
        row = previous = None
        others = []

        def flush_claim():
            cid, place_id, status, day, holder, precision, end, rank, known_from, superseded_at, review = previous[:11]
            claims.append(fact(
                cid, place_id, status, date(day), holder, tuple(sorted(others)), precision,
                date(end) if end is not None else None, rank, moment(known_from) if known_from is not None else None,
                moment(superseded_at) if superseded_at is not None else None, review == published,
            ))

        while rows := cursor.fetchmany(chunk):
            for row in rows:
                if previous is not None and row[0] == previous[0]:  # the same claim, another of its actors
                    others.append((row[11], row[12]))
                    continue
                if previous is not None:
                    flush_claim()
                if row[1] != place and claims:
                    yield place, claims
                    claims = []
                place, previous = row[1], row
                others = [(row[11], row[12])] if row[11] is not None else []
        if previous is not None:
            flush_claim()
            yield place, claims


def iter_timeline(known_at=None, chunk=10000):
    """(place id, [Period]) for every place with a counting claim, in place id order, streamed."""
    for place, claims in iter_place_claims(known_at, chunk=chunk):
        place_periods = resolution.periods(claims, known_at)
        if place_periods:
            yield place, place_periods


def timeline(known_at=None, payload=False):
    """{place id: [Period]} for every place, from every counting claim."""
    if payload:
        return resolution.timeline(facts(Claim.objects.filter(counting_filter(known_at)), payload=True), known_at)
    return dict(iter_timeline(known_at))
