"""Reading claims out of the database for geo.resolution, in a constant number of queries.

The database only narrows the claims down (published, known by D, dated by T, the latest date per
place); geo.resolution alone decides what they mean.
"""
from django.db.models import F, Max, Q, Window

from . import resolution
from .models import Claim, ClaimActor

ID_LIST_MAX = 20000  # well under SQLite's and PostgreSQL's limits on query parameters
FACT_FIELDS = ("id", "place_id", "status", "date", "holder_id", "precision", "end", "rank", "known_from", "superseded_at", "review")


def counting_filter(known_at=None):
    """The SQL form of ClaimFact.counts: published, sourced, known by `known_at`, not superseded by then."""
    condition = Q(review=Claim.Review.PUBLISHED, known_from__isnull=False)
    if known_at is None:
        return condition & ~Q(rank=Claim.Rank.SUPERSEDED)
    return condition & Q(known_from__lte=known_at) & (
        ~Q(rank=Claim.Rank.SUPERSEDED) | Q(superseded_at__gt=known_at)
    )


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
    """Only the claims that can decide on day `at`: each place's counting claims of its latest date.

    One pass over the counting claims dated by `at` (the partial (place, date) index), keeping per
    place those of the latest date: no claim after `at` is read.
    """
    counted = Claim.objects.filter(counting_filter(known_at), date__lte=at)
    if places is not None:
        counted = counted.filter(place__in=places)
    return counted.annotate(latest_date=Window(Max("date"), partition_by=[F("place_id")])).filter(date=F("latest_date"))


def snapshot(at, known_at=None, places=None, payload=False):
    """{place id: State} for every place with a known state on day `at`."""
    return resolution.snapshot(facts(deciding_claims(at, known_at, places), payload=payload), at, known_at)


def place_state(place, at, known_at=None, payload=True):
    return resolution.state_at(facts(deciding_claims(at, known_at, [place]), payload=payload), at, known_at)


def place_periods(place, known_at=None, payload=True):
    return resolution.periods(facts(Claim.objects.filter(place=place, review=Claim.Review.PUBLISHED), payload), known_at)


def timeline(known_at=None, payload=False):
    """{place id: [Period]} for every place, from every counting claim."""
    return resolution.timeline(facts(Claim.objects.filter(counting_filter(known_at)), payload=payload), known_at)
