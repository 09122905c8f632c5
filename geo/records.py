"""Reading claims out of the database for geo.resolution, in a constant number of queries.

The database only narrows the claims down (published, known by D, dated by T, the latest date per
place); geo.resolution alone decides what they mean.

Every read goes through plain rows of FACT_FIELDS, fetched with a raw cursor, and `claim_facts`
alone turns them into ClaimFacts: the ORM's per-value conversion (above all of datetimes on SQLite)
cost more than the query itself at 200,000 claims. Dates as the database returns them are read by
geo.dates.
"""
import contextlib
import dataclasses
import gc

from django.db import connections, router

from . import resolution
from .dates import parse_db_date, parse_db_moment
from .models import Claim

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


def _counting_sql(alias, connection, known_at):
    """The SQL form of ClaimFact.counts on the claim table aliased `alias`, with its parameters:
    published, sourced, known by `known_at`, not superseded by then."""
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


def claim_facts(rows, others):
    """ClaimFacts from rows of FACT_FIELDS: the one place database rows become what resolution reads.

    Dates and datetimes come as the database's text (parsed here, in C) or as the driver made them;
    `others` maps a claim's id to its (actor id, role) pairs, in any order."""
    fact, date, moment, published, empty = resolution.ClaimFact, parse_db_date, parse_db_moment, PUBLISHED, ()
    return [
        fact(cid, place, status, date(day), holder, tuple(sorted(others[cid])) if cid in others else empty, precision,
             date(end) if end is not None else None, rank, moment(known_from) if known_from is not None else None,
             moment(superseded_at) if superseded_at is not None else None, review == published)
        for cid, place, status, day, holder, precision, end, rank, known_from, superseded_at, review in rows
    ]


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
    return claim_facts(rows, others)


def facts(queryset, payload=False):
    """ClaimFacts for the claims of `queryset`, in two queries whatever its size.

    With payload=True each fact carries its Claim instance (place, holder, citations and sources
    prefetched) for display, in a constant number of queries more.
    """
    queryset = queryset.order_by()  # resolution sorts; the default ordering would join places
    connection = connections[queryset.db]
    sql, params = queryset.values_list(*FACT_FIELDS).query.get_compiler(connection=connection).as_sql()
    id_subquery = queryset.values("id").query.get_compiler(connection=connection).as_sql()
    found = fact_rows(sql, params, id_subquery, connection)
    if not payload:
        return found
    # By id: select_related on a window-filtered queryset misreads geometry columns on SpatiaLite.
    claims = Claim.objects.filter(id__in=[fact.id for fact in found]).select_related(
        "place", "holder", "superseded_by").prefetch_related("citations__source__outlet", "other_actors__actor")
    by_id = {claim.id: claim for claim in claims}
    return [dataclasses.replace(fact, payload=by_id[fact.id]) for fact in found]


def deciding_facts(at, known_at=None, places=None):
    """ClaimFacts of the claims that can decide on day `at` (see deciding_sql), in two queries."""
    connection = connections[router.db_for_read(Claim)]
    sql, params = deciding_sql(at, known_at, places, connection)
    return fact_rows(sql, params, deciding_sql(at, known_at, places, connection, columns="c.id"), connection)


def snapshot(at, known_at=None, places=None):
    """{place id: State} for every place with a known state on day `at`."""
    with gc_paused():
        return resolution.snapshot(deciding_facts(at, known_at, places), at, known_at)


def place_periods(place, known_at=None, payload=False):
    """The periods of one place; with payload=True its claims carry their Claim instances (see facts)."""
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
    with gc_paused(), connection.chunked_cursor() as cursor:
        cursor.execute(sql, params + place_params)
        place, rows, others = None, [], {}
        while chunk_rows := cursor.fetchmany(chunk):
            for row in chunk_rows:
                if row[1] != place:
                    if rows:
                        yield place, claim_facts(rows, others)
                    place, rows, others = row[1], [], {}
                if not rows or rows[-1][0] != row[0]:  # else the same claim again, with another of its actors
                    rows.append(row[:11])
                if row[11] is not None:
                    others.setdefault(row[0], []).append((row[11], row[12]))
        if rows:
            yield place, claim_facts(rows, others)


def iter_timeline(known_at=None, chunk=10000, places=None):
    """(place id, [Period]) for every place (of `places`, see deciding_sql) with a counting claim, in
    place id order, streamed."""
    for place, claims in iter_place_claims(known_at, places, chunk=chunk):
        place_periods = resolution.periods(claims, known_at)
        if place_periods:
            yield place, place_periods


def timeline(known_at=None):
    """{place id: [Period]} for every place, from every counting claim."""
    return dict(iter_timeline(known_at))
