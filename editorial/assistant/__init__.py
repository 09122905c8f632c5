"""The article assistant: reads a news article and proposes draft claims of control.

Rule-based over a real NLP base, and pure (no database, no network) except `load_gazetteer`, which
reads the place names and actor aliases the rules match. No trained model: spaCy's blank English or
Arabic pipeline gives tokens and sentences, its PhraseMatcher the names. An editor checks every
proposal; the assistant saves typing and points at the sentence and the rule, so it prefers missing
a claim to inventing one:

- places are found by any name or alias, ignoring case, diacritics, punctuation and Arabic-style
  articles and clitics, except in a dateline ("Damascus:"), as a province ("the provinces of ...") or as
  a facility ("the Qayyara airbase"); "the town", "the city", "it", "تحريرها" mean the place named in
  apposition, named last or, when none is, the one named next;
- actors by their aliases; "the army" means the state force named last (not another country's: "the US
  military"), "the militants" the armed group named last that its aliases call so, not one a place was
  taken "from";
- a control phrase (rules.RULES: verbs, passives, "fell to", nouns such as "the liberation of",
  "declared victory in", "X declared the city liberated", sieges, fighting inside, "IS-held") is read
  with its grammar (sentence, places, roles): the subject (a relative pronoun's antecedent, the first
  of coordinated sides, the Arabic verb-first subject), the agent after "by" or "to", the side after
  "from" or "من يد", its object place; about part of a place ("half the city", "eastern Mosul") it is
  contested;
- a date of the phrase's own clause (dates: patterns, then dateparser, with the precision) dates it; a
  state reported on a day ("said on Wednesday that IS holds 5 percent") holds on that day; a headline
  with none takes the date the story gives the same event (a change at a place named nowhere else, the day of the
  lead's change of a place it does not name); a line that is only a date heads the next, and the last "said on
  Monday" a quotation after it; a dateline ("BAGHDAD, Oct. 4 (Reuters) -") gives the day dates are read from;
- a proposal's confidence is how often proposals of its class were right on copy the assistant had
  never seen (calibration: how the holder was read, a change undated, a reference, a hedge, several
  phrases agreeing);
- negations, attempts and "on the verge of" drop a proposal, a later denial in the article lowers
  the proposals it denies below the confidence at which nothing is proposed (proposals.ABSTAIN_BELOW),
  and an undated change "after" which the news came, or in a relative clause, is background.

It reads at most MAX_ARTICLE_BYTES (longer text raises ArticleTooLong, whoever calls it), and every
step is linear in the text: lookups by position are binary searches over lists built once, the phrase
rules read one sentence at a time, a run of words with no sentence end is read in windows, and
dateparser reads at most dates.MAX_PARSED expressions an article.

Here are the entry points; the steps live in tokens (words and sentences), names (the names matched,
from the database), article (mentions and what "the town" refers to), sides (which side a mention means),
backing (which sides back another), rules (the phrase rules), dates (one date expression), chronology (a
sentence's dates, and those told from another), dating (which date a phrase takes), sentence (the grammar
of one sentence), places (which place a phrase is about), references (what "the town" and "it" refer to),
attribution (who says so, and when), roles (what a phrase asserts), pronouns (the side "they" stands for),
withdrawals (what a side leaving leaves), calibration (confidence), proposals (dating by event, merging,
denials) and aims (an Arabic noun of taking that is only an aim).
"""
from __future__ import annotations

import datetime as dt
import gc
from collections import Counter

from .article import MAX_SENTENCE_TOKENS, Article
from .attribution import opens_quotation, said_on
from .hedges import HEDGE
from .negations import CORRECTED, DENIAL, NEGATION, STILL_UNDER_WAY
from .rules import find_cues
from .chronology import find_dates
from .dates import dateline_day, resolve_date
from .names import Gazetteer, load_gazetteer
from .calibration import calibrate
from .proposals import Analysis, Denials, Proposal, Span, confident, date_events, merge, superseded
from .sentence import EVENT_KINDS, Sentence

__all__ = [
    "MAX_ARTICLE_BYTES", "MAX_SENTENCE_TOKENS", "Analysis", "ArticleTooLong", "Gazetteer", "Proposal", "Span", "analyse",
    "check_size", "load_gazetteer", "propose", "resolve_date",
]

# The most the assistant reads, in bytes of UTF-8 (what a pasted article weighs on the wire and in the
# database); up to this size every input is analysed in well under a second.
MAX_ARTICLE_BYTES = 100_000


class ArticleTooLong(ValueError):
    """The text is longer than the assistant reads (MAX_ARTICLE_BYTES)."""


def check_size(text):
    """Refuses a text over MAX_ARTICLE_BYTES, naming its size and the limit, so the editor can cut it."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_ARTICLE_BYTES:
        raise ArticleTooLong(
            f"The article is {size:,} bytes of UTF-8 text; the assistant reads at most {MAX_ARTICLE_BYTES:,} bytes "
            "(100 kB). Paste only the part that reports who holds what."
        )


def analyse(text, published, gazetteer, claimant=""):
    """Proposals and highlights for one article; `published` is an aware datetime (or a date).

    Raises ArticleTooLong for a text over MAX_ARTICLE_BYTES.
    """
    text = text or ""
    check_size(text)
    # The cyclic garbage collector is paused while an article is read: it builds some hundred thousand
    # tuples and no reference cycles, and the collector's passes over them took up to half the time of a
    # 100 kB article (0.57 s of processor time with it, 0.32 s without, on "tiny sentences" of
    # tests/editorial/test_assistant_speed.py).
    # What is dropped is freed by reference counting all the same.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _analyse(text, published, gazetteer, claimant)
    finally:
        if collecting:
            gc.enable()


def _analyse(text, published, gazetteer, claimant):
    day = dateline_day(text, published.date() if isinstance(published, dt.datetime) else published)
    article = Article(text, gazetteer)
    spans = [Span(m.start, m.end, "place", m.slug) for m in article.places if not m.role]
    spans += [Span(m.start, m.end, "actor", m.slug) for m in article.actors]
    participants = Counter(m.slug for m in article.actors if m.role == "participant")
    proposals: list[Proposal] = []
    events = {}  # place -> dated reports of a change
    denials = Denials()
    parsed = [0]  # dateparser calls so far
    latest = None  # the last date a sentence gave: "later the same day" in a sentence after it is that date
    heading = None  # a line that is only a date ("14 January, 2014" in a timeline) dates the sentence after it
    reported = None  # the day a sentence before last says something was said ("quoted him as saying on Monday")
    for number, (first, last) in enumerate(article.sentences):
        places = [m for m in article.places_in(first, last) if not m.role]
        actors = article.actors_in(first, last)
        dates = find_dates(article, first, last, day, parsed, latest)
        latest = dates[-1] if dates else latest
        # a quotation with no date of its own was said on the day the article last says something was said ("as saying
        # on Monday.", "an official said on Monday" sentences before): "now" in it is Monday
        quoted = not dates and opens_quotation(article, first)
        above, heading = heading or (reported if quoted else None), (
            dates[0] if len(dates) == 1 and last - first <= len(dates[0].text.split()) else None)
        reported = said_on(article, first, dates) or reported
        spans += [Span(article.tokens[d.start].start, article.tokens[d.start].end, "date", d.date.isoformat()) for d in dates]
        cues = find_cues(article, first, last)
        sentence_norm = article.norm[slice(*article.norm_span(first, last))] if first < last else ""
        for pattern, kind in ((NEGATION, "negation"), (HEDGE, "hedge")):
            for match in pattern.finditer(sentence_norm):
                token = article.token_at(article.norm_span(first, last)[0] + match.start())
                spans.append(Span(article.tokens[token].start, article.tokens[token].end, kind, match.group()))
        for cue in cues:
            spans.append(Span(article.tokens[cue.first].start, article.tokens[cue.stop - 1].end, "control", cue.kind))
        denies = any(pattern.search(sentence_norm) is not None for pattern in (DENIAL, STILL_UNDER_WAY, CORRECTED))
        if not (cues or denies):
            continue
        context = Sentence(article, number, first, last, places, actors, dates, cues, participants, day, claimant, above)
        if denies:
            denials.add(context)
        made = [proposal for cue in cues for proposal in context.propose(cue)]
        changed = {(p.place, p.holder) for p in made if p.cue in EVENT_KINDS and p.holder}
        for proposal in made:
            if proposal.cue in _STATES and any(place == proposal.place and holder != proposal.holder for place, holder in changed):
                continue  # "captured the IS-held town": the state before the change
            proposals.append(proposal)
        for place, holder, date, status in context.events:
            events.setdefault(place, []).append((context.quote_start, holder, date, status))
    calibrate(proposals)  # before date_events: a change its own sentence does not date is measured as such
    date_events(proposals, events)
    proposals = superseded(proposals)
    denials.apply(proposals)
    return Analysis(confident(merge(proposals)), sorted(set(spans)))


_STATES = {"hold", "held_adj", "under_control", "under_control_of"}


def propose(text, published, gazetteer, claimant=""):
    return analyse(text, published, gazetteer, claimant).proposals
