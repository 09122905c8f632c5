"""Reading claims out of the database for geo.resolution, in a constant number of queries.

The database only narrows the claims down (published, known by D, dated by T, the latest date per
place); geo.resolution alone decides what they mean.
"""
from django.db.models import Max, OuterRef, Q, Subquery

from . import resolution
from .models import Claim, ClaimActor

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
    """ClaimFacts for the claims of `queryset` (two queries whatever its size).

    With payload=True each fact carries its Claim instance (place, holder, citations and sources
    prefetched) for display.
    """
    if payload:
        rows = list(
            queryset.select_related("place", "holder", "superseded_by").prefetch_related(
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
    rows = list(queryset.values_list(*FACT_FIELDS))
    others: dict[int, list] = {}
    if rows:
        for claim_id, actor_id, role in ClaimActor.objects.filter(claim__in=queryset).values_list("claim_id", "actor_id", "role"):
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

    Asking for one date never reads every claim ever made: the correlated subquery walks the
    (place, date) index.
    """
    counted = Claim.objects.filter(counting_filter(known_at), date__lte=at)
    if places is not None:
        counted = counted.filter(place__in=places)
    latest = (
        Claim.objects.filter(counting_filter(known_at), date__lte=at, place=OuterRef("place"))
        .values("place")
        .annotate(latest=Max("date"))
        .values("latest")
    )
    return counted.filter(date=Subquery(latest))


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
