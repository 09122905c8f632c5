"""The assistant on real wire copy: recall and precision on the corpus (not timed).

tests/editorial/assistant/corpus holds 43 real excerpts (English and Arabic, 2014-2017, with URL,
outlet and publication time) and an editor's expectations, written before the assistant ran on any
of them, split by their order of writing into a development half (the rules were tuned on it) and a
held-out half (never tuned on; measured once, after the rules were written). The figures below are
those measurements: a change to the assistant that moves them must say so here.
"""
import pytest

import scoring
from editorial.assistant import load_gazetteer, propose


@pytest.fixture
def score(seeded):
    names = load_gazetteer()  # the seed's places and aliases, as the editors' page reads them
    return lambda part: scoring.score(scoring.load(part), lambda text, published: propose(text, published, names))


def test_the_corpus_is_real_short_and_split_in_halves():
    development, held_out = scoring.load("development"), scoring.load("held_out")
    assert len(development) + len(held_out) >= 30 and abs(len(development) - len(held_out)) <= 1
    assert not {e["id"] for e in development} & {e["id"] for e in held_out}
    for excerpt in development + held_out:
        assert excerpt["url"].startswith("http") and excerpt["outlet"] and excerpt["published_at"][10] == "T"
        assert len(excerpt["text"].split()) <= 160 and (excerpt["claims"] or excerpt["nothing_about"])
    assert {e["language"] for e in held_out} == {"en", "ar"}


def test_development_half(score):
    result = score("development")
    assert (result.met, result.expected, result.right, result.proposed) == (28, 29, 26, 26)  # 97% recall, 100% precision


def test_held_out_half(score):
    result = score("held_out")
    # 81% recall and 79% precision: below the 90% the assistant aims at (see README).
    assert (result.met, result.expected, result.right, result.proposed) == (26, 32, 23, 29)
