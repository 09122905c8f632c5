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


def test_each_rate_is_its_count_and_the_counts_are_the_first_runs_of_sets_9_to_17():
    assert MEASURED[DATED].rate == 0.90 and MEASURED[UNDATED].rate == 0.69 and MEASURED[GUESSED].rate == 0.50
    assert sum(m.proposed for m in MEASURED.values()) == 354 and sum(m.right for m in MEASURED.values()) == 275


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
    assert all(measured.rate < ABSTAIN_BELOW for measured in (MEASURED[UNDATED], MEASURED[NAMED_STATE], MEASURED[GUESSED]))
    assert all(MEASURED[name].rate >= ABSTAIN_BELOW for name in (DATED, INDIRECT, REPEATED, WENT_IN, SIEGE))


def test_in_an_article_the_classes_under_the_threshold_are_left_out(names):
    [dated] = propose("Iraqi forces captured al-Qaim on Friday.", SATURDAY, names)
    assert (dated.place, dated.holder, dated.date, dated.confidence) == ("qaim", IQ, dt.date(2017, 11, 3), 0.90)
    assert "'captured' → controlled by iraqi-government" in dated.why and "right 82 of 91 times" in dated.why
    assert propose("Iraqi forces captured al-Qaim.", SATURDAY, names) == []  # undated: 44 of 64 right
    assert propose("Abadi hailed the liberation of al-Qaim on Friday.", SATURDAY, names) == []  # a guessed side
    assert propose("Qaim is held by IS.", SATURDAY, names) == []  # a state named in passing
    [told_again] = propose("Iraqi forces captured al-Qaim. The army said it retook al-Qaim.", SATURDAY, names)
    assert told_again.holder == IQ and told_again.confidence == MEASURED[REPEATED].rate
