"""A proposal's confidence is the rate measured for its class on unseen copy, and below the threshold nothing is
proposed: what an editor sees is what such proposals turned out to be worth."""
import datetime as dt

import pytest

from conftest import SATURDAY
from editorial.assistant import propose
from editorial.assistant.calibration import (
    DATED, GRAMMAR, GUESSED, INDIRECT, MEASURED, NAMED_STATE, REPEATED, SIEGE, UNDATED, WENT_IN, calibrate, class_of,
)
from editorial.assistant.proposals import ABSTAIN_BELOW, Proposal, confident, merge

IQ, IS = "iraqi-government", "islamic-state"


def proposal(reading=GRAMMAR, event=True, undated=False, indirect=False, start=0):
    return Proposal("qaim", "controlled", IQ, (), SATURDAY.date(), "day", "quote", 0.0, "'x' → y", quote_start=start,
                    undated=undated, reading=reading, event=event, indirect=indirect)


def test_each_rate_is_its_count_and_the_counts_are_the_first_runs_of_sets_9_to_107():
    assert MEASURED[DATED].rate == 0.77 and MEASURED[UNDATED].rate == 0.6 and MEASURED[GUESSED].rate == 0.57
    assert MEASURED[SIEGE].rate == 0.49 and MEASURED[WENT_IN].rate == 0.64
    assert sum(m.proposed for m in MEASURED.values()) == 2522 and sum(m.right for m in MEASURED.values()) == 1759


@pytest.mark.parametrize(("made", "name"), [
    (proposal(), DATED),
    (proposal(event=False, undated=True), DATED),  # "IS holds Qaim": a present state, dated by publication
    (proposal(undated=True), UNDATED),  # "Iraqi forces captured Qaim": when, the article does not say
    (proposal(indirect=True), INDIRECT),  # "the town", "Kurdish forces", "reportedly"
    (proposal(undated=True, indirect=True), UNDATED),
    (proposal(reading=NAMED_STATE), NAMED_STATE),
    (proposal(reading=WENT_IN, undated=True), WENT_IN),
    (proposal(reading=SIEGE), SIEGE),
    (proposal(reading=GUESSED), GUESSED),
])
def test_a_proposal_gets_its_class_rate_and_says_so(made, name):
    assert class_of(made) == name
    calibrate([made])
    measured = MEASURED[name]
    assert made.confidence == measured.rate
    assert made.why == f"'x' → y ({name}: right {measured.right} of {measured.proposed} times on unseen copy)"


def test_a_reading_several_phrases_make_gets_the_repeated_rate_unless_denied():
    readings = [proposal(undated=True, start=start) for start in (0, 50)]
    calibrate(readings)
    [merged] = merge(readings)
    assert merged.confidence == MEASURED[REPEATED].rate > ABSTAIN_BELOW and "said by more than one phrase" in merged.why
    denied = [proposal(start=start) for start in (0, 50)]
    for made in denied:
        made.confidence = 0.25
    assert merge(denied)[0].confidence == 0.25


def test_a_proposal_under_the_threshold_is_not_proposed():
    sure, unsure = proposal(), proposal(undated=True, start=50)
    calibrate([sure, unsure])
    assert confident([sure, unsure]) == [sure]
    assert all(MEASURED[name].rate < ABSTAIN_BELOW for name in (SIEGE, UNDATED, NAMED_STATE, GUESSED, INDIRECT, WENT_IN))
    assert all(MEASURED[name].rate >= ABSTAIN_BELOW for name in (DATED, REPEATED))


def test_in_an_article_the_classes_under_the_threshold_are_left_out(names):
    [dated] = propose("Iraqi forces captured al-Qaim on Friday.", SATURDAY, names)
    assert (dated.place, dated.holder, dated.date, dated.confidence) == ("qaim", IQ, dt.date(2017, 11, 3), 0.77)
    assert "'captured' → controlled by iraqi-government" in dated.why and "right 468 of 604 times" in dated.why
    assert propose("Iraqi forces captured al-Qaim.", SATURDAY, names) == []  # undated: 243 of 405 right
    assert propose("Abadi hailed the liberation of al-Qaim on Friday.", SATURDAY, names) == []  # a guessed side
    assert propose("Jets struck Qaim, a town held by IS.", SATURDAY, names) == []  # a state named in passing
    [told_again] = propose("Iraqi forces captured al-Qaim. The army said it retook al-Qaim.", SATURDAY, names)
    assert told_again.holder == IQ and told_again.confidence == MEASURED[REPEATED].rate


@pytest.mark.parametrize("article", [
    "Iraqi forces liberate al-Qaim\nResidents began returning to their homes.",  # the headline
    "Iraqi forces liberated al-Qaim, the last town held by the militants in Anbar.\nResidents began returning.",  # the lead
    "Residents began returning to their homes.\nAid convoys arrived.\nIraqi forces liberated al-Qaim.",  # the body
])
def test_an_undated_change_is_measured_alike_in_the_headline_the_lead_and_the_body(article, names, monkeypatch):
    # On the fresh sets' first runs an undated change was right 30 of 41 times in a headline or lead and 31 of 52
    # times later: leaving each set out in turn, splitting the class by position predicts no better than noise.
    assert propose(article, SATURDAY, names) == []
    monkeypatch.setattr("editorial.assistant.proposals.ABSTAIN_BELOW", 0.0)
    [taken] = propose(article, SATURDAY, names)
    assert (taken.place, taken.holder, taken.date) == ("qaim", IQ, SATURDAY.date())
    assert taken.confidence == MEASURED[UNDATED].rate and f"({UNDATED}:" in taken.why


def test_a_siege_is_measured_under_the_threshold_and_shown_only_when_every_reading_is(names, monkeypatch):
    # 80 of 162 sieges were right on the fresh sets' first runs (1 of 5 on sets 19 and 20, 3 of 9 on 22 and 23, 3 of
    # 7 on 24 and 25, 2 of 4 on 26 and 27, 2 of 7 on 28 and 29, 1 of 2 on 30 and 31, 2 of 5 on 32 and 33, 1 of 1 on
    # 34 and 35, 5 of 8 on 36 and 37, 0 of 1 on 38 and 39, 1 of 4 on 40 and 41, 0 of 1 on 42 and 43, 3 of 6 on 44
    # and 45, 2 of 5 on 46 and 47, 3 of 6 on 48 and 49, 2 of 4 on 50 and 51, 1 of 1 on 52 and 53, 2 of 3 on 54 and
    # 55, 2 of 6 on 56 and 57, 2 of 2 on 58 and 59, 1 of 2 on 60 and 61, 3 of 4 on 62 and 63, 0 of 1 on 64 and 65, 1
    # of 3 on 66 and 67, 3 of 8 on 68 and 69, 1 of 3 on 70 and 71, 3 of 5 on 72 and 73, 1 of 1 on 74 and 75, 2 of 5
    # on 78 and 79, 0 of 2 on 82 and 83, 1 of 3 on 84 and 85, 0 of 1 on 86 and 87, 1 of 4 on 92 and 93, 6 of 7 on 94
    # to 97, 2 of 2 on 98 and 99, 0 of 2 on 102 and 103, 2 of 3 on 104 to 107).
    article = "Raqqa was surrounded by the SDF, which fights IS, on Friday."
    assert propose(article, SATURDAY, names) == []
    monkeypatch.setattr("editorial.assistant.proposals.ABSTAIN_BELOW", 0.0)
    [besieged] = propose(article, SATURDAY, names)
    assert (besieged.place, besieged.status, besieged.holder) == ("raqqa", "besieged", IS)
    assert besieged.date == dt.date(2017, 11, 3)
    assert besieged.confidence == MEASURED[SIEGE].rate and f"({SIEGE}: right 80 of 162" in besieged.why


@pytest.mark.parametrize("article", [
    "ويسيطر داعش على بلدة راوة في غرب الأنبار",  # "and Daesh holds the town of Rawa"
    "ولا يزال مقاتلو داعش يسيطرون على راوة",  # "Daesh fighters still hold Rawa"
])
def test_an_arabic_present_of_holding_is_a_state_dated_by_publication(article, names):
    # Arabic tells a past change with the past ("سيطر"): the present ("يسيطر") says who holds the place now.
    [held] = propose(article, SATURDAY, names)
    assert (held.place, held.status, held.holder, held.date) == ("rawa", "controlled", IS, SATURDAY.date())
    assert held.confidence == MEASURED[DATED].rate and "a past event" not in held.why


def test_an_arabic_present_after_kana_is_a_past_state_not_one_said_now(names, monkeypatch):
    monkeypatch.setattr("editorial.assistant.proposals.ABSTAIN_BELOW", 0.0)
    [held] = propose("وكان مقاتلو داعش يسيطرون على راوة", SATURDAY, names)  # "Daesh fighters were holding Rawa"
    assert held.confidence == MEASURED[UNDATED].rate


def test_an_arabic_present_of_holding_since_a_date_yields_to_the_change_the_article_reports(names):
    article = ("استعاد الجيش العراقي يوم الجمعة بلدة راوة. "
               "ويسيطر التنظيم على راوة الواقعة على نهر الفرات غرب الأنبار، منذ حزيران 2014.")
    [taken] = propose(article, SATURDAY, names)
    assert (taken.place, taken.holder, taken.date) == ("rawa", IQ, dt.date(2017, 11, 3))
