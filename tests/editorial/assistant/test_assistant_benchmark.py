"""The assistant on real wire copy: recall and precision on the corpus (not timed).

tests/editorial/assistant/corpus holds real excerpts (English and Arabic, 2014-2018, with URL, outlet
and publication time) and an editor's expectations, each written before the assistant ran on it.

- development.json (2,312 excerpts): the rules are tuned on it. It holds every excerpt of the earlier
  development and held-out sets: once a held-out set's errors have been read, it no longer measures
  anything unseen, so it becomes development data. Its towns beyond the seed's are read from
  places.json, as a newsroom's database would hold them.
- held_out.json (fresh sets 108 and 109: 32 excerpts, 16 English and 16 Arabic, 2014-2018, none used before, written
  by two people who did not read the assistant's code, one on Iraq's towns and one on Syria's, told to look beyond
  the wire stories, outlets and towns the corpus already holds): committed with its expectations before the
  assistant first ran on it, measured once (24/56 expectations met, 14/15 proposals right; with every measured class
  shown, 35/56 and 31/36), never tuned on. None shares 9% or more of its word 6-grams with another excerpt, the mark
  at which earlier sets' excerpts were dropped. Its towns were all in places.json already; no place name or actor
  alias was added for it. Earlier fresh sets, measured the same way and then folded into development, gave 68%/74%,
  62%/53%, 57%/72%, 64%/74%, 62%/66%, 70%/88%, 68%/88%, 66%/72%, 72%/85%, 65%/89%, 68%/83%, 65%/71%, 73%/82%,
  64%/78%, 58%/68%, 60%/88%, 56%/67%, 25%/79%, sets 19 and 20 together 48%/71%, set 21 44%/73%, sets 22 and 23
  together 50%/85%, sets 24 and 25 41%/82%, sets 26 and 27 51%/82%, sets 28 and 29 35%/77%, sets 30 and 31 46%/84%,
  sets 32 and 33 39%/80%, sets 34 and 35 50%/81%, sets 36 and 37 33%/80%, sets 38 and 39 43%/84%, sets 40 and 41
  41%/77%, sets 42 and 43 47%/92%, sets 44 and 45 49%/93%, sets 46 and 47 40%/59%, sets 48 and 49 37%/78%, sets 50
  and 51 38%/70%, sets 52 and 53 38%/73%, sets 54 and 55 36%/83%, sets 56 and 57 49%/79%, sets 58 and 59 41%/67%,
  sets 60 and 61 38%/79%, sets 62 and 63 40%/89%, sets 64 and 65 39%/62%, sets 66 and 67 47%/74%, sets 68 and 69
  49%/67%, sets 70 and 71 50%/67%, sets 72 and 73 33%/67%, sets 74 and 75 42%/62%, sets 76 and 77 26%/70%, sets 78
  and 79 26%/73%, sets 80 and 81 40%/83%, sets 82 and 83 42%/60%, sets 84 and 85 36%/92%, sets 86 and 87 58%/90%,
  sets 88 to 91 40%/88%, sets 92 and 93 39%/64%, sets 94 to 97 38%/76%, sets 98 and 99 44%/76%, sets 100 and 101
  46%/89%, sets 102 and 103 46%/88% and sets 104 to 107 40%/96% (expectations met / proposals right).

The figures below are those measurements: a change to the assistant that moves them must say so here.
"""
import pytest

import scoring
from editorial.assistant import Gazetteer, load_gazetteer, propose


@pytest.fixture
def score(seeded):
    seed = load_gazetteer()  # the seed's places, aliases and alliances, as the editors' page reads them
    towns = scoring.load("places")
    names = Gazetteer(seed.places + [(t["slug"], t["name"], t["kind"], [n["name"] for n in t["names"]]) for t in towns], seed.actors,
                      {**seed.place_countries, **{t["slug"]: t["country"] for t in towns}}, seed.alliances)
    return lambda part: scoring.score(scoring.load(part), lambda text, published: propose(text, published, names))


def test_the_corpus_is_real_short_and_held_out_apart():
    development, held_out = scoring.load("development"), scoring.load("held_out")
    assert (len(development), len(held_out)) == (2312, 32)
    everything = development + held_out
    assert [sum(e["language"] == language for e in held_out) for language in ("en", "ar")] == [16, 16]
    assert len({e["id"] for e in everything}) == len({e["url"] for e in everything}) == 2344
    for excerpt in everything:
        assert excerpt["url"].startswith("http") and excerpt["outlet"] and excerpt["published_at"][10] == "T"
        assert len(excerpt["text"].split()) <= 160 and (excerpt["claims"] or excerpt["nothing_about"])


def test_development_set(score):
    result = score("development")
    # Proposals under proposals.ABSTAIN_BELOW (readings through a reference, sieges, undated changes, states named in
    # passing, guessed sides) are left out: with every measured class shown (this test with conftest's every_reading
    # fixture) it is 2721/3924 met, 2574/2997 right.
    assert (result.met, result.expected, result.right, result.proposed) == (2003, 3924, 1451, 1506)


def test_held_out_set(score):
    result = score("held_out")
    # 43% recall and 93% precision on excerpts never seen: short of the 90% the assistant aims at (see README).
    # With every measured class shown (the every_reading fixture): 35/56 met, 31/36 right.
    assert (result.met, result.expected, result.right, result.proposed) == (24, 56, 14, 15)
