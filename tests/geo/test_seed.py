"""The seed data answers the questions of the record, on whichever database DATABASE_URL names."""
import datetime as dt

import pytest
from django.core.management import call_command
from django.db.models.expressions import RawSQL

from geo import records, resolution
from geo.dates import parse_known_at
from geo.models import Actor, Citation, Claim, Place, Source

D = dt.date.fromisoformat


def place_state(place, at, known_at=None):
    """The state of one place, its deciding claims carrying their Claim instances."""
    deciding = Claim.objects.filter(id__in=RawSQL(*records.deciding_sql(at, known_at, [place], columns="c.id")))
    return resolution.state_at(records.facts(deciding, payload=True), at, known_at)


def state(slug, day, known_at=None):
    place = Place.objects.get(slug=slug)
    return place_state(place, D(day), parse_known_at(known_at) if known_at else None)


def holder(found):
    return Actor.objects.get(pk=found.holder).slug if found.holder else None


def actor_slugs(pairs):
    slugs = dict(Actor.objects.values_list("pk", "slug"))
    return {(slugs[actor], role) for actor, role in pairs}


pytestmark = pytest.mark.usefixtures("seeded")


def test_deir_el_zour_government_after_3_november_2017_and_besieged_in_2016():
    found = state("deir-el-zour", "2017-11-04")
    assert (found.status, holder(found)) == ("controlled", "syrian-government")
    seed_quotes = [citation.quote for fact in found.claims for citation in fact.payload.citations.all()]
    assert any("now in full control of the city" in quote for quote in seed_quotes)
    earlier = state("deir-el-zour", "2016-06-01")
    assert earlier.status == "besieged" and holder(earlier) == "syrian-government"
    assert actor_slugs(earlier.others) == {("islamic-state", "besieging")}


def test_boukamal_changes_hands_as_the_claims_say():
    assert holder(state("boukamal", "2017-11-15")) == "islamic-state"
    assert holder(state("boukamal", "2017-11-20")) == "syrian-government"


def test_boukamal_on_10_november_as_known_then_and_as_known_today():
    as_then = state("boukamal", "2017-11-10", known_at="2017-11-10")
    assert holder(as_then) == "syrian-government"
    assert [fact.payload.claimant for fact in as_then.claims] == ["Syrian army general command (via RT)"]
    as_now = state("boukamal", "2017-11-10")
    assert as_now.status == "controlled" and holder(as_now) != "syrian-government"


def test_raqqa_and_mosul():
    assert holder(state("raqqa", "2015-06-01")) == "islamic-state"
    assert holder(state("raqqa", "2017-12-01")) == "sdf"
    assert state("raqqa", "2017-10-18").disputed
    assert holder(state("mosul", "2015-06-01")) == "islamic-state"
    assert holder(state("mosul", "2017-08-01")) == "iraqi-government"


def test_qaim_islamic_state_in_2016_and_both_3_november_claims_in_its_history():
    assert holder(state("qaim", "2016-01-01")) == "islamic-state"
    periods = records.place_periods(Place.objects.get(slug="qaim"), payload=True)
    last = periods[-1]
    assert last.start == D("2017-11-03") and last.state.disputed
    claims = {fact.payload.claimant: fact.payload for fact in last.state.claims}
    assert set(claims) == {"Iraqi Prime Minister Haider al-Abadi", "AP"}
    assert claims["AP"].citations.get().source.title == "Syria says it liberated Deir el-Zour city from ISIS militants"
    assert "reuters.com" in claims["Iraqi Prime Minister Haider al-Abadi"].citations.get().source.url


def test_the_conflicting_reports_are_all_kept():
    superseded = Claim.objects.get(key="boukamal-2017-11-09-army-declares-liberated")
    assert superseded.rank == "superseded" and "recaptured" in superseded.rank_reason
    assert superseded.superseded_by.key == "boukamal-2017-11-11-is-recaptured"
    siege_starts = Claim.objects.filter(place__slug="deir-el-zour", status="besieged").order_by("date")
    assert [(c.date, c.precision) for c in siege_starts] == [(D("2014-07-01"), "month"), (D("2015-01-01"), "month")]
    qaim_june = Claim.objects.filter(place__slug="qaim", date__year=2014).order_by("date")
    assert [c.date.day for c in qaim_june] == [20, 21]


def test_every_place_is_unknown_before_its_first_claim():
    for place in Place.objects.all():
        first = Claim.objects.filter(place=place, review="published").order_by("date").first()
        if first is None:
            continue
        assert place_state(place, first.date - dt.timedelta(days=1)).status == "unknown", place.slug


def test_every_published_claim_quotes_a_source_and_the_seed_article_is_quoted_verbatim():
    article = Source.objects.get(seed_file="000_2c37a26b265c7102.txt")
    assert "Deir el-Zour" in article.full_text
    assert article.published_at == dt.datetime(2017, 11, 3, 7, 8, tzinfo=dt.timezone.utc)
    for claim in Claim.objects.filter(review="published"):
        assert claim.citations.exists(), claim.key
        assert claim.known_from is not None
    for citation in Citation.objects.filter(source=article):
        assert citation.quote in article.full_text and not citation.quote_is_paraphrase


def test_places_and_names():
    deir = Place.objects.get(slug="deir-el-zour")
    assert (round(deir.point.y, 3), round(deir.point.x, 3)) == (35.333, 40.15)
    assert {"Deir ez-Zor", "دير الزور"} <= set(deir.alternate_names.values_list("name", flat=True))
    assert set(Place.objects.filter(parent=deir).values_list("slug", flat=True)) == {"jamiyat", "jabiliyeh"}
    assert Place.objects.get(slug="abu-kamal-qaim-crossing").kind == "border_crossing"
    assert set(Actor.objects.values_list("slug", flat=True)) >= {
        "syrian-government", "islamic-state", "sdf", "iraqi-government", "syrian-rebels", "russia", "iran", "united-states"}
    assert set(Actor.objects.get(slug="islamic-state").aliases.values_list("name", flat=True)) >= {"IS", "ISIS", "ISIL", "Daesh"}


def test_database_prefilter_agrees_with_resolving_every_claim():
    everything = records.facts(Claim.objects.all())
    for day in ["2014-06-21", "2014-12-01", "2016-06-01", "2017-09-03", "2017-10-18", "2017-11-03", "2017-11-10", "2018-01-01"]:
        for known_at in [None, parse_known_at("2017-11-10"), parse_known_at("2014-06-21")]:
            expected = resolution.snapshot(everything, D(day), known_at)
            got = records.snapshot(D(day), known_at)
            assert {p: s.key for p, s in got.items()} == {p: s.key for p, s in expected.items()}, (day, known_at)


def test_snapshot_query_count_does_not_grow_with_places(django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        records.snapshot(D("2017-11-04"))
    with django_assert_max_num_queries(2):
        records.timeline()


def test_loading_the_seed_twice_changes_nothing():
    tables = [Place, Actor, Source, Claim, Citation, Claim.history.model, Place.history.model]
    before = {model.__name__: model.objects.count() for model in tables}
    call_command("load_seed", verbosity=0)
    assert {model.__name__: model.objects.count() for model in tables} == before
