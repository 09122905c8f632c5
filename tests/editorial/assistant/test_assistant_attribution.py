"""Who says so, and on which day: the claimant of a sentence and the date of its reporting verb."""
import datetime as dt

from conftest import SATURDAY
from editorial.assistant import propose
from editorial.assistant.article import Article
from editorial.assistant.attribution import find_claimant, said_date
from editorial.assistant.chronology import find_dates
from editorial.assistant.sentence import Sentence


def sentence(text, names, claimant=""):
    article = Article(text, names)
    first, last = article.sentences[0]
    day = SATURDAY.date()
    return Sentence(article, 0, first, last, [m for m in article.places_in(first, last) if not m.role],
                    article.actors_in(first, last), find_dates(article, first, last, day), [], {}, day, claimant)


def test_the_speaker_is_before_said_or_after_according_to(names):
    assert find_claimant(sentence("Iraqi forces took Qaim, the Joint Operations Command said.", names)) == (
        "Joint Operations Command", "said")
    assert find_claimant(sentence("Iraqi forces took Qaim, according to state television, on Friday.", names)) == (
        "state television", "according to")


def test_a_sentence_without_attribution_keeps_the_articles_claimant(names):
    assert find_claimant(sentence("Iraqi forces took Qaim.", names, "Reuters")) == ("Reuters", "")
    assert find_claimant(sentence("Qaim was taken, he said.", names, "Reuters")) == ("Reuters", "said")


def test_the_day_of_a_reporting_verb(names):
    found = said_date(sentence("The SDF said on Wednesday that IS holds 5 percent of Raqqa.", names))
    assert (found.date, found.precision) == (dt.date(2017, 11, 1), "day")
    assert said_date(sentence("The SDF took Raqqa on Wednesday.", names)) is None



def test_a_passive_reporting_verb_is_an_event_of_its_own_not_a_saying(names):
    passive = sentence("Tal Afar is one of the last IS-held towns in Iraq after victory was declared in July in Mosul.", names,
                       "AP")
    assert said_date(passive) is None
    assert find_claimant(passive) == ("AP", "")


def test_a_state_reported_on_a_day_holds_that_day(names, every_reading):
    text = "The SDF said on Wednesday that in its push to take Raqqa from IS its fighters hold 80 percent of the city."
    [proposal] = propose(text, SATURDAY, names)
    assert (proposal.status, proposal.date, proposal.others) == ("contested", dt.date(2017, 11, 1), ("islamic-state", "sdf"))
    assert "as reported 'on wednesday' → 2017-11-01 (day)" in proposal.why


def test_a_quotation_after_a_dated_saying_holds_on_the_day_it_was_said(names, monkeypatch):
    monkeypatch.setattr("editorial.assistant.proposals.ABSTAIN_BELOW", 0)  # a state named in passing is shown under it
    text = ("Troops left their last base in the town, the agency quoted an officer as saying on Thursday.\n\n"
            "\u201cHit is now entirely under IS control.\u201d")
    held = [(p.status, p.holder, p.date) for p in propose(text, SATURDAY, names) if p.place == "hit"]
    assert held == [("controlled", "islamic-state", dt.date(2017, 11, 2))]
    unquoted = text.replace("\u201c", "").replace("\u201d", "")  # the reporter's own words: as of publication
    assert [p.date for p in propose(unquoted, SATURDAY, names) if p.place == "hit"] == [SATURDAY.date()]


def test_a_quotation_further_on_holds_on_the_day_the_article_last_says_something_was_said(names, monkeypatch):
    monkeypatch.setattr("editorial.assistant.proposals.ABSTAIN_BELOW", 0)  # a state named in passing is shown under it
    text = ("The army has abandoned its last base near the town, a provincial official said on Thursday.\n\n"
            "Residents fled towards the river.\n\n"
            "\u201cHit is under the control of IS,\u201d the official said.")
    held = [(p.status, p.holder, p.date) for p in propose(text, SATURDAY, names) if p.place == "hit"]
    assert held == [("controlled", "islamic-state", dt.date(2017, 11, 2))]
