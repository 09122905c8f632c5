"""geo.records: every way of reading claims makes the same ClaimFacts as the claims themselves say,
resolves to the same states as resolving every claim, and costs a number of queries that does not
grow with the record."""
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from geo import records, resolution
from geo.dates import parse_db_date, parse_db_moment
from geo.models import Claim, Place
from geo.synthetic import Generator

D = dt.date.fromisoformat
DAYS = ["2014-06-21", "2015-03-01", "2016-06-15", "2017-10-18", "2017-11-03", "2017-11-10", "2018-06-01"]
KNOWN = [None, dt.datetime(2017, 11, 10, 23, 59, 59, tzinfo=dt.timezone.utc),
         dt.datetime(2015, 1, 1, tzinfo=dt.timezone.utc)]


@pytest.fixture
def synthetic(seeded):
    """The seed and a small synthetic record: same-day conflicts, superseded claims, other actors."""
    return Generator(places=25, claims=700, seed=11).run()


def expected_facts():
    """{claim id: ClaimFact} made by hand from the model instances, not by geo.records."""
    claims = Claim.objects.prefetch_related("other_actors")
    return {
        c.id: resolution.ClaimFact(
            id=c.id, place=c.place_id, status=c.status, date=c.date, holder=c.holder_id,
            others=tuple(sorted((o.actor_id, o.role) for o in c.other_actors.all())), precision=c.precision,
            end=c.end, rank=c.rank, known_from=c.known_from, superseded_at=c.superseded_at,
            published=c.review == Claim.Review.PUBLISHED,
        )
        for c in claims
    }


def queries(read):
    with CaptureQueriesContext(connection) as sent:
        result = read()
    return result, len(sent)


def test_every_reading_makes_the_facts_the_claims_say(synthetic):
    expected = expected_facts()
    assert synthetic["superseded"] > 0 and any(fact.others for fact in expected.values())

    assert sorted(records.facts(Claim.objects.all()), key=lambda f: f.id) == sorted(expected.values(), key=lambda f: f.id)

    with_claims = records.facts(Claim.objects.filter(place__slug="qaim"), payload=True)
    assert with_claims and all(fact == expected[fact.id] and fact.payload.pk == fact.id for fact in with_claims)
    assert {fact.payload.place.slug for fact in with_claims} == {"qaim"}

    for known_at in KNOWN:
        counting = {i: f for i, f in expected.items() if f.counts(known_at)}
        streamed = list(records.iter_place_claims(known_at, chunk=53))  # chunks end inside places and claims
        assert [place for place, _ in streamed] == sorted({f.place for f in counting.values()})
        assert all(fact.place == place for place, facts in streamed for fact in facts)
        assert sorted((f for _, facts in streamed for f in facts), key=lambda f: f.id) == sorted(counting.values(), key=lambda f: f.id)
        for day in DAYS:
            assert all(fact == expected[fact.id] for fact in records.deciding_facts(D(day), known_at))


def test_the_facts_resolve_to_the_states_of_resolving_every_claim(synthetic):
    everything = list(expected_facts().values())
    for known_at in KNOWN:
        for day in DAYS:
            got, want = records.snapshot(D(day), known_at), resolution.snapshot(everything, D(day), known_at)
            assert {p: (s.key, s.since, sorted(c.id for c in s.claims)) for p, s in got.items()} == \
                   {p: (s.key, s.since, sorted(c.id for c in s.claims)) for p, s in want.items()}, (day, known_at)
        got, want = records.timeline(known_at), resolution.timeline(everything, known_at)
        assert {p: [(x.start, x.end, x.state.key) for x in periods] for p, periods in got.items()} == \
               {p: [(x.start, x.end, x.state.key) for x in periods] for p, periods in want.items()}


def test_a_place_with_its_claims_for_display(synthetic):
    qaim = Place.objects.get(slug="qaim")
    plain, shown = records.place_periods(qaim), records.place_periods(qaim, payload=True)
    assert [(p.start, p.state.key) for p in plain] == [(p.start, p.state.key) for p in shown]
    assert all(c.payload is None for p in plain for c in p.state.claims)
    assert all(c.payload.citations.exists() for p in shown for c in p.state.claims)


def test_the_number_of_queries_does_not_grow_with_the_record(seeded):
    def cost():
        return {
            "facts": queries(lambda: records.facts(Claim.objects.all()))[1],
            # for display: the claims of a few places (the last ten: the synthetic ones once generated)
            "facts with claims": queries(lambda: records.facts(
                Claim.objects.filter(place__in=Place.objects.order_by("-id")[:10]), payload=True))[1],
            "deciding": queries(lambda: records.deciding_facts(D("2017-11-04")))[1],
            "snapshot": queries(lambda: records.snapshot(D("2017-11-04"), KNOWN[1]))[1],
            "streamed": queries(lambda: list(records.iter_place_claims(chunk=50)))[1],
            "timeline": queries(lambda: records.timeline())[1],
        }

    small = cost()
    before = Claim.objects.count()
    Generator(places=40, claims=1200, seed=3).run()
    assert Claim.objects.count() == 1200 + before
    assert cost() == small
    assert small["facts"] == small["deciding"] == small["snapshot"] == 2 and small["streamed"] == small["timeline"] == 1


def test_the_database_text_of_dates_and_moments():
    assert parse_db_date("2017-11-03") == parse_db_date(dt.date(2017, 11, 3)) == dt.date(2017, 11, 3)
    utc = dt.datetime(2017, 11, 3, 7, 8, tzinfo=dt.timezone.utc)
    assert parse_db_moment("2017-11-03 07:08:00") == utc  # SQLite: UTC without an offset
    assert parse_db_moment("2017-11-03 10:08:00+03:00") == utc  # PostgreSQL's text
    assert parse_db_moment(dt.datetime(2017, 11, 3, 7, 8)) == utc
    assert parse_db_moment(utc) is utc
