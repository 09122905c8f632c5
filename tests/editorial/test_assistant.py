"""The article assistant: what it must and must not propose, on the seed article and on other outlets' styles."""
import datetime as dt
import json
from pathlib import Path

import pytest
from django.contrib.gis.geos import Point
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings, strategies as st

from editorial.assistant import (
    MAX_ARTICLE_BYTES, MAX_SENTENCE_TOKENS, ArticleTooLong, Gazetteer, analyse, load_gazetteer, propose, resolve_date,
)
from editorial.assistant.calibration import INDIRECT, MEASURED, NAMED_STATE, REPEATED
from geo.models import Actor, ActorRelation, Citation, Claim, Outlet, Place, Source

# What the assistant reads from each article, under any threshold: which readings are shown is
# proposals.ABSTAIN_BELOW's business, tested in assistant/test_assistant_calibration.py.
pytestmark = pytest.mark.usefixtures("every_reading")

ARTICLES = Path(__file__).parent / "articles"
SEED = Path(__file__).parents[2] / "seeds" / "000_2c37a26b265c7102.txt"
EXTRA_PLACES = [("damascus", "Damascus", "SY"), ("astana", "Astana", "KZ"), ("baghdad", "Baghdad", "IQ"),
                ("beirut", "Beirut", "LB"), ("tal-afar", "Tal Afar", "IQ"), ("mayadin", "Mayadin", "SY")]


@pytest.fixture
def gazetteer(seeded):
    for slug, name, country in EXTRA_PLACES:
        Place.objects.create(slug=slug, name=name, kind="city", country=country, point=Point(40, 35))
    return load_gazetteer()


def run(name, published, gazetteer):
    path = SEED if name == "seed" else ARTICLES / name
    return propose(path.read_text(encoding="utf-8"), dt.datetime.fromisoformat(published), gazetteer)


def found(proposals, place, status, holder=None, others=None, date=None, precision=None):
    return [
        p for p in proposals
        if p.place == place and p.status == status and (holder is None or p.holder == holder)
        and (others is None or set(p.others) == set(others)) and (date is None or p.date == dt.date.fromisoformat(date))
        and (precision is None or p.precision == precision)
    ]


def test_seed_article_yields_the_five_claims_it_supports(gazetteer):
    proposals = run("seed", "2017-11-03T10:08+03:00", gazetteer)
    held = found(proposals, "deir-el-zour", "controlled", "syrian-government", date="2017-11-03", precision="day")
    assert held and "liberated the long-contested eastern city of Deir el-Zour" in held[0].quote
    broken = found(proposals, "deir-el-zour", "contested", others={"syrian-government", "islamic-state"},
                   date="2017-09-01", precision="month")
    assert broken and "broke the militant group’s siege" in broken[0].quote
    divided = found(proposals, "deir-el-zour", "contested", others={"syrian-government", "islamic-state"},
                    precision="approximate")
    assert divided and dt.date(2014, 9, 1) <= divided[0].date <= dt.date(2014, 12, 31)
    assert found(proposals, "qaim", "contested", date="2017-11-03", precision="day")
    assert "islamic-state" in found(proposals, "qaim", "contested")[0].others
    assert found(proposals, "boukamal", "controlled", "islamic-state", date="2017-11-03")
    # Damascus (the dateline) and Astana (talks) are places here, yet no claim is made about them.
    assert not [p for p in proposals if p.place in {"damascus", "astana"}]
    # Mosul and Raqqa are only named as lost strongholds: the article does not say who holds them.
    assert not [p for p in proposals if p.place in {"mosul", "raqqa"}]
    for p in proposals:
        assert 0 <= p.confidence <= 1 and p.why and p.quote


@pytest.mark.parametrize("name, published, must, must_not", [
    ("reuters_qaim.txt", "2017-11-03T14:00+03:00",
     [("qaim", "controlled", "iraqi-government", "2017-11-03", "day"), ("qaim", "controlled", "islamic-state", "2014-06-01", "month")],
     ["baghdad"]),
    ("sana_boukamal_ar.txt", "2017-11-09T18:00+03:00",  # Arabic spelling, Arabic sentence, a SANA dateline
     [("boukamal", "controlled", "syrian-government", "2017-11-09", "day")], ["damascus"]),
    ("guardian_raqqa_relative.txt", "2017-10-24T09:00+01:00",  # last week, since 2014, in July, earlier this year
     [("raqqa", "controlled", "sdf", None, "approximate"), ("raqqa", "controlled", "islamic-state", "2014-01-01", "year"),
      ("mosul", "controlled", "iraqi-government", "2017-07-01", "month"), ("tal-afar", "contested", None, "2017-01-01", "year")],
     []),
    ("ap_negations.txt", "2017-11-02T12:00+02:00",
     [("boukamal", "controlled", "islamic-state", "2017-11-02", "day")], ["mayadin", "astana", "beirut", "deir-el-zour"]),
])
def test_other_outlets_articles(gazetteer, name, published, must, must_not):
    proposals = run(name, published, gazetteer)
    for place, status, holder, date, precision in must:
        assert found(proposals, place, status, holder, date=date, precision=precision), (place, status, holder, proposals)
    assert not [p for p in proposals if p.place in must_not]


def test_relative_date_last_week_is_a_week_before_publication(gazetteer):
    [sdf] = found(run("guardian_raqqa_relative.txt", "2017-10-24T09:00+01:00", gazetteer), "raqqa", "controlled", "sdf")
    assert sdf.date == dt.date(2017, 10, 17)


def test_negations_propose_nothing_for_the_side_that_failed(gazetteer):
    proposals = run("ap_negations.txt", "2017-11-02T12:00+02:00", gazetteer)
    assert not found(proposals, "boukamal", "controlled", "syrian-government")
    relative = run("guardian_raqqa_relative.txt", "2017-10-24T09:00+01:00", gazetteer)
    assert not [p for p in relative if p.place == "raqqa" and p.date >= dt.date(2017, 10, 23)]  # "failed to capture"
    [hedged] = found(proposals, "boukamal", "controlled", "islamic-state")
    assert hedged.confidence == MEASURED[INDIRECT].rate and "hedged" in hedged.why


def test_a_claim_later_denied_is_not_proposed(gazetteer):
    proposals = run("afp_boukamal_denied.txt", "2017-11-11T16:00+01:00", gazetteer)
    assert not found(proposals, "boukamal", "controlled", "syrian-government", date="2017-11-09")
    [monitor] = found(proposals, "boukamal", "controlled", "islamic-state", date="2017-11-11")
    assert monitor.confidence >= 0.7 and "Syrian Observatory" in monitor.claimant


def test_places_are_found_by_any_spelling_ignoring_case_diacritics_and_arabic_clitics(gazetteer):
    published = dt.datetime(2017, 11, 3, 12, tzinfo=dt.timezone.utc)
    for spelling in ["DEIR EZ-ZOR", "Dayr az-Zawr", "Deir Ezzor", "Déir ël-Zöur", "دير الزور"]:
        text = f"The Syrian army captured {spelling} on Friday."
        assert found(propose(text, published, gazetteer), "deir-el-zour", "controlled", "syrian-government",
                     date="2017-11-03"), spelling
    arabic = "وسيطر الجيش السوري على مدينة بالبوكمال يوم الجمعة"
    assert found(propose(arabic, published, gazetteer), "boukamal", "controlled", "syrian-government", date="2017-11-03")


@pytest.mark.parametrize("alias", ["IS", "ISIS", "ISIL", "Daesh", "the Islamic State group"])
def test_every_name_of_islamic_state_means_islamic_state(gazetteer, alias):
    published = dt.datetime(2017, 11, 3, 12, tzinfo=dt.timezone.utc)
    text = f"{alias} militants seized Qaim on Friday."
    assert found(propose(text, published, gazetteer), "qaim", "controlled", "islamic-state")
    assert not found(propose("This is the town of Qaim, which is quiet.", published, gazetteer), "qaim", "controlled")


def test_an_alliance_an_editor_records_keeps_the_allies_apart_from_each_others_adversaries(gazetteer):
    """The seed records the PMF as the Iraqi army's ally; a relation an editor adds is read the next time the
    assistant loads its names."""
    published = dt.datetime(2017, 11, 3, 12, tzinfo=dt.timezone.utc)
    assert gazetteer.alliances == {"iraqi-government": {"popular-mobilization-forces"},
                                   "popular-mobilization-forces": {"iraqi-government"}}
    text = "Iraqi troops and IS fought near Mosul. On Friday Shiite militiamen broke into Mosul."
    assert found(propose(text, published, gazetteer), "mosul", "contested",
                 others={"islamic-state", "popular-mobilization-forces"})
    text = "Iraqi troops and IS fought near Mosul. On Friday Peshmerga fighters broke into Mosul."
    assert propose(text, published, gazetteer) == []  # two sides it may fight, and no telling which
    ActorRelation.objects.create(actor=Actor.objects.get(slug="peshmerga"), kind="allied_with",
                                 other=Actor.objects.get(slug="iraqi-government"))
    assert found(propose(text, published, load_gazetteer()), "mosul", "contested",
                 others={"islamic-state", "peshmerga"})


PUBLISHED = dt.datetime(2017, 11, 3, 12, tzinfo=dt.timezone.utc)


def test_a_town_named_as_held_by_one_side_is_proposed_as_held_by_it(gazetteer):
    sentence = "Syrian troops entered the IS-held town of Boukamal."
    [held] = found(propose(sentence, PUBLISHED, gazetteer), "boukamal", "controlled")
    assert (held.place, held.status, held.holder, held.others) == ("boukamal", "controlled", "islamic-state", ())
    assert held.date == dt.date(2017, 11, 3) and held.precision == "day"  # no date in the sentence: publication day
    assert held.quote == sentence and held.confidence == MEASURED[NAMED_STATE].rate and "held by islamic-state" in held.why
    # Entering a town is no capture: nothing proposes Boukamal as the army's; the town is contested.
    assert not found(propose(sentence, PUBLISHED, gazetteer), "boukamal", "controlled", "syrian-government")
    [entered] = found(propose(sentence, PUBLISHED, gazetteer), "boukamal", "contested")
    assert set(entered.others) == {"syrian-government", "islamic-state"} and "went in" in entered.why


def test_each_held_adjective_describes_the_places_up_to_the_next_phrase(gazetteer):
    proposals = propose("Fighting raged between the IS-held town of Boukamal and SDF-held Raqqa.", PUBLISHED, gazetteer)
    assert {(p.place, p.holder) for p in proposals if p.status == "controlled"} == {
        ("boukamal", "islamic-state"), ("raqqa", "sdf")}
    # A capture reaches past the adjective to the town it describes.
    captured = propose("The Syrian army captured the IS-held town of Boukamal on Friday.", PUBLISHED, gazetteer)
    assert found(captured, "boukamal", "controlled", "syrian-government", date="2017-11-03")


def test_a_run_on_text_is_read_in_windows_and_quotes_only_its_window(gazetteer):
    filler = "and the convoy moved slowly along the road " * 200  # 1,800 words without a sentence end
    proposals = propose(filler + "as Syrian troops captured Boukamal on Friday " + filler, PUBLISHED, gazetteer)
    [taken] = found(proposals, "boukamal", "controlled", "syrian-government", date="2017-11-03")
    assert "Syrian troops captured Boukamal on Friday" in taken.quote
    assert len(taken.quote.split()) <= MAX_SENTENCE_TOKENS


def test_a_claim_denied_again_and_again_is_not_proposed_even_when_repeated(gazetteer):
    text = "Syrian troops captured Boukamal on Friday. " * 3 + "The army denied it had taken Boukamal. " * 300
    assert not found(propose(text, PUBLISHED, gazetteer), "boukamal", "controlled", "syrian-government")


def test_a_claim_repeated_in_many_sentences_is_one_proposal_with_its_reasons_counted(gazetteer):
    [taken] = propose("Syrian troops captured Boukamal on Friday. " * 1000, PUBLISHED, gazetteer)
    assert (taken.place, taken.holder, taken.confidence) == ("boukamal", "syrian-government", MEASURED[REPEATED].rate)
    assert taken.why.count("also:") == 4 and "; and 995 more sentence(s) saying the same (said by more" in taken.why


def test_text_over_the_limit_is_refused_by_size_in_utf8_bytes(gazetteer):
    assert MAX_ARTICLE_BYTES == 100_000
    at_limit = "Syrian troops captured Boukamal on Friday. ".ljust(MAX_ARTICLE_BYTES, " ")
    assert found(propose(at_limit, PUBLISHED, gazetteer), "boukamal", "controlled", "syrian-government")
    with pytest.raises(ArticleTooLong, match=r"The article is 100,001 bytes .* at most 100,000 bytes"):
        analyse(at_limit + ".", PUBLISHED, gazetteer)
    # Arabic letters take two bytes each: 50,001 of them are over the limit, though fewer characters.
    with pytest.raises(ArticleTooLong, match="100,002 bytes"):
        propose("ب" * 50_001, PUBLISHED, gazetteer)
    assert propose("ب" * 50_000, PUBLISHED, gazetteer) == []


@pytest.mark.parametrize("expression, kind, groups, expected", [
    ("on Friday", "weekday", (None, "friday", None), (dt.date(2017, 11, 3), "day")),
    ("on Monday", "weekday", (None, "monday", None), (dt.date(2017, 10, 30), "day")),
    ("last Friday", "weekday", ("last ", "friday", None), (dt.date(2017, 10, 27), "day")),
    ("in September", "month", ("september", None), (dt.date(2017, 9, 1), "month")),
    ("in December", "month", ("december", None), (dt.date(2016, 12, 1), "month")),
    ("nearly three years", "duration", ("nearly", "three", "year"), (dt.date(2014, 11, 3), "approximate")),
    ("since 2015", "year", ("2015",), (dt.date(2015, 1, 1), "year")),
    ("last week", "last", ("last", "week"), (dt.date(2017, 10, 27), "approximate")),
    ("earlier this year", "last", ("earlier this", "year"), (dt.date(2017, 1, 1), "year")),
    ("last month", "last", ("last", "month"), (dt.date(2017, 10, 1), "month")),
    ("yesterday", "relative_day", ("yesterday",), (dt.date(2017, 11, 2), "day")),
])
def test_date_expressions_resolve_against_the_publication_day(expression, kind, groups, expected):
    assert resolve_date(kind, groups, dt.date(2017, 11, 3)) == expected


def test_cli_prints_json_and_saves_nothing(gazetteer, capsys):
    before = (Source.objects.count(), Claim.objects.count())
    call_command("propose_claims", str(SEED), "--published", "2017-11-03T10:08+03:00", "--json")
    printed = json.loads(capsys.readouterr().out)
    assert (Source.objects.count(), Claim.objects.count()) == before
    keys = {"place", "status", "holder", "others", "date", "precision", "quote", "confidence", "why"}
    assert printed and all(set(item) == keys for item in printed)
    assert {"place": "deir-el-zour", "status": "contested", "date": "2017-09", "precision": "month"}.items() <= next(
        p for p in printed if p["date"] == "2017-09").items()
    assert any(p["place"] == "boukamal" and p["holder"] == "islamic-state" and p["date"] == "2017-11-03" for p in printed)


def test_cli_save_creates_the_source_and_drafts_with_citations(gazetteer, capsys):
    outlet = Outlet.objects.create(name="Wire test", slug="wire-test")
    call_command("propose_claims", str(ARTICLES / "reuters_qaim.txt"), "--published", "2017-11-03T14:00+03:00",
                 "--save", "--outlet", "wire-test", "--url", "https://example.org/qaim-retaken")
    source = Source.objects.get(url="https://example.org/qaim-retaken")
    assert source.outlet == outlet and source.title.startswith("Iraqi forces retake al-Qaim")
    claims = Claim.objects.filter(citations__source=source)
    assert claims.count() == 2 and set(claims.values_list("review", flat=True)) == {"draft"}
    retaken = claims.get(holder__slug="iraqi-government")
    assert retaken.date == dt.date(2017, 11, 3) and retaken.claimant == "Prime Minister Haider al-Abadi"
    assert Citation.objects.get(claim=retaken).quote.startswith("BAGHDAD (Reuters) - Iraqi forces retook")
    with pytest.raises(CommandError, match="already exists"):  # the same URL twice: nothing half-written
        call_command("propose_claims", str(ARTICLES / "reuters_qaim.txt"), "--published", "2017-11-03T14:00+03:00",
                     "--save", "--outlet", "wire-test", "--url", "https://example.org/qaim-retaken")
    assert Source.objects.filter(outlet=outlet).count() == 1


def test_cli_proposes_the_town_an_article_calls_held(gazetteer, tmp_path, capsys):
    article = tmp_path / "entered.txt"
    article.write_text("Syrian troops entered the IS-held town of Boukamal.\n", encoding="utf-8")
    call_command("propose_claims", str(article), "--published", "2017-11-03T10:08+03:00", "--json")
    [printed] = [p for p in json.loads(capsys.readouterr().out) if p["status"] == "controlled"]
    assert {"place": "boukamal", "status": "controlled", "holder": "islamic-state", "date": "2017-11-03"}.items() <= printed.items()


def test_cli_refuses_an_article_over_the_limit_by_name_and_size(gazetteer, tmp_path):
    article = tmp_path / "long.txt"
    article.write_bytes(b"the army " * 11_112)  # 100,008 bytes
    with pytest.raises(CommandError, match=r"long\.txt: The article is 100,008 bytes .* at most 100,000 bytes"):
        call_command("propose_claims", str(article), "--published", "2017-11-03T10:08+03:00", "--json")


@pytest.mark.parametrize("args, message", [
    (["--published", "yesterday"], "--published"),
    (["--published", "2017-11-03"], "time and offset|date and time"),
    (["--published", "2017-11-03T10:08+03:00", "--save"], "--outlet"),
])
def test_cli_bad_input_is_named(gazetteer, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("propose_claims", str(SEED), *args)


GAZETTEER = Gazetteer(
    [("deir-el-zour", "Deir el-Zour", "city", ["دير الزور", "Deir ez-Zor"]), ("qaim", "Qaim", "town", ["Al-Qa'im"])],
    [("islamic-state", "Islamic State", "armed_group", ["IS"]), ("syrian-government", "Syrian government", "state_force", []),
     ("russia", "Russia", "foreign_state", [])],
)
WORDS = st.sampled_from(["Deir el-Zour", "Qaim", "IS", "the army", "captured", "failed to", "siege", "broke the",
                         "in September", "nearly three years", "on Friday", "denied", "دير الزور", "-held", ",", ".",
                         "\n", "the city", "claimed", "since 2015", "31 February", "99 days ago", "fighting inside"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=40).map(" ".join)),
       st.datetimes(min_value=dt.datetime(1950, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.timezone.utc)))
def test_random_text_never_crashes(text, published):
    for proposal in propose(text, published, GAZETTEER):
        assert proposal.place in {"deir-el-zour", "qaim"} and 0 <= proposal.confidence <= 1
        assert proposal.status in {"controlled", "contested", "besieged"} and proposal.quote
        assert (proposal.holder is None) == (proposal.status == "contested")
