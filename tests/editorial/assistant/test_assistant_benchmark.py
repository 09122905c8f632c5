"""The assistant on real wire copy: recall and precision on the corpus (not timed).

tests/editorial/assistant/corpus holds real excerpts (English and Arabic, 2014-2017, with URL, outlet
and publication time) and an editor's expectations, each written before the assistant ran on it.

- development.json (43 excerpts): the rules are tuned on it. It holds the first development half and
  the first held-out half, whose errors were read and fixed once measured: that half no longer
  measures anything unseen, so it is development data now.
- held_out.json (22 excerpts, 15 English and 7 Arabic, none used before): written after the last rule
  change, measured once and never tuned on. One rule changed after that run, for a failing test of the
  seed article, not for the held-out set: an attempt ("racing to take Boukamal") again proposes the
  defender when the attacker is named. The held-out figures were the same before and after it; the
  development figures too (56/61 met, 52/54 right).

The figures below are those measurements: a change to the assistant that moves them must say so here.
"""
import pytest

import scoring
from editorial.assistant import load_gazetteer, propose


@pytest.fixture
def score(seeded):
    names = load_gazetteer()  # the seed's places and aliases, as the editors' page reads them
    return lambda part: scoring.score(scoring.load(part), lambda text, published: propose(text, published, names))


def test_the_corpus_is_real_short_and_held_out_apart():
    development, held_out = scoring.load("development"), scoring.load("held_out")
    assert (len(development), len(held_out)) == (43, 22)
    assert not {e["id"] for e in development} & {e["id"] for e in held_out}
    assert not {e["url"] for e in development} & {e["url"] for e in held_out}
    for excerpt in development + held_out:
        assert excerpt["url"].startswith("http") and excerpt["outlet"] and excerpt["published_at"][10] == "T"
        assert len(excerpt["text"].split()) <= 160 and (excerpt["claims"] or excerpt["nothing_about"])
    assert {e["language"] for e in held_out} == {"en", "ar"}


def test_development_set(score):
    result = score("development")
    assert (result.met, result.expected, result.right, result.proposed) == (56, 61, 52, 54)  # 92% recall, 96% precision


def test_held_out_set(score):
    result = score("held_out")
    # 68% recall and 74% precision on excerpts never seen: below the 90% the assistant aims at (see README).
    assert (result.met, result.expected, result.right, result.proposed) == (25, 37, 29, 39)
