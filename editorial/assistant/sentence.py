"""One sentence with a control phrase turned into proposals: which places, which holder, which date.

Its own module because it holds the judgement: whose phrase it is, what it asserts, whether it is
negated or hedged, and who says so.
"""
import bisect
import re

from geo.dates import iso_with_precision

from .rules import ANAPHOR, ATTRIBUTION, CLAUSE_BREAK, DENIAL, ENDED, HEDGE, NEGATION, NOW, PASSIVE_AUX
from .proposals import Proposal
from .tokens import is_arabic

CONTROLLED, CONTESTED, BESIEGED = "controlled", "contested", "besieged"


class Sentence:
    """One sentence and what it names; what every phrase of it asks (its subject, its date, the sides
    it names) is found by binary search over lists built once per sentence."""

    def __init__(self, article, number, first, last, places, actors, dates, cues, participants, day, claimant):
        self.article, self.number, self.first, self.last = article, number, first, last
        self.places, self.actors, self.dates, self.cues = places, actors, dates, cues
        self.participants, self.day, self.default_claimant = participants, day, claimant
        self.norm = article.norm[slice(*article.norm_span(first, last))] if first < last else ""
        self.norm_start = article.offsets[first] if first < last else 0
        self.quote_start = article.tokens[first].start
        self.players = [a for a in actors if a.role == "participant"]
        self.sides = {a.slug for a in self.players}
        # The players that can be a subject: "from X" names where fighters came from, not who acts.
        self.subjects = [a for a in self.players if not self._after_from(a)]
        self.place_firsts = [p.first for p in places]
        self.player_firsts = [a.first for a in self.players]
        self.subject_firsts = [a.first for a in self.subjects]
        self.date_starts = [d.start for d in dates]
        self.cue_firsts = [c.first for c in cues]
        self.clause_firsts = [c.first for c in cues if c.kind != "held_adj"]  # what ends a phrase's reach
        self.anaphor = ANAPHOR.search(self.norm)
        self.hedge = HEDGE.search(self.norm)
        self.says_now = NOW.search(self.norm) is not None
        self.ended_from = _last_match_start(ENDED, self.norm)
        self.may_negate = NEGATION.search(self.norm) is not None or DENIAL.search(self.norm) is not None
        self._quote = self._claimant = None

    @property
    def quote(self):
        if self._quote is None:
            self._quote = self.article.sentence_text(self.number)
        return self._quote

    def _after_from(self, mention):
        return mention.first > self.first and self.article.tokens[mention.first - 1].norm == "from"

    def _norm_between(self, first, stop):
        if first >= stop:
            return ""
        return self.article.norm[slice(*self.article.norm_span(first, stop))]

    def _offset(self, token):
        """Where token `token` starts in this sentence's normalised text."""
        return self.article.offsets[token] - self.norm_start

    # -- who and where --------------------------------------------------------------------------
    def _targets(self, cue):
        """The places a phrase is about: after it up to the next phrase, or the nearest before.

        "IS-held" describes the places up to the next phrase of any kind; other phrases reach past
        such adjectives ("captured the IS-held town of Boukamal").
        """
        if cue.direction == "after":
            limits = self.cue_firsts if cue.kind == "held_adj" else self.clause_firsts
            position = bisect.bisect_left(limits, cue.stop)
            limit = limits[position] if position < len(limits) else self.last
            targets = self.places[bisect.bisect_left(self.place_firsts, cue.stop): bisect.bisect_left(self.place_firsts, limit)]
            if targets:
                return targets, ""
            anaphor = ANAPHOR.search(self._norm_between(cue.stop, limit))
            if anaphor:
                place = self.article.antecedent(cue.first)
                return ([place] if place else []), f"'{anaphor.group()}' read as {place.text}" if place else ""
            return [], ""
        before = bisect.bisect_left(self.place_firsts, cue.first)
        if before:
            return [self.places[before - 1]], ""
        # The sentence's first "the city", if it ends before the phrase.
        anaphor = self.anaphor if self.anaphor and cue.first > self.first and self.anaphor.end() < self._offset(cue.first) else None
        if anaphor:
            place = self.article.antecedent(cue.first)
            return ([place] if place else []), f"'{anaphor.group()}' read as {place.text}" if place else ""
        return [], ""

    def _subject(self, cue):
        """The nearest actor before the phrase, skipping "from X" and backers."""
        position = bisect.bisect_left(self.subject_firsts, cue.first)
        if position:
            return self.subjects[position - 1]
        if is_arabic(cue.text):  # Arabic puts the verb first: "سيطر الجيش السوري على ..."
            return self._player_from(cue.stop, cue.stop + 1)
        return None

    def _player_from(self, first, last):
        """The first player starting in tokens [first, last]."""
        position = bisect.bisect_left(self.player_firsts, first)
        if position < len(self.players) and self.players[position].first <= last:
            return self.players[position]
        return None

    def _agent_after(self, cue):
        """X in "fell to X", "besieged by X", "under the control of X"."""
        return self._player_from(cue.stop - 1, cue.stop + 2)

    def _adversary(self, exclude):
        """The side most named in the article apart from `exclude` and foreign backers."""
        kinds = self.article.gazetteer.actor_kinds
        ranked = [(slug, n) for slug, n in self.participants.most_common() if slug not in exclude and kinds.get(slug) != "foreign_state"]
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None  # no side stands out: better no guess
        return ranked[0][0]

    def _holder_between(self, cue):
        return self._player_from(cue.first, cue.stop - 1)

    def _holder_of(self, cue):
        """The player the phrase's first word belongs to: IS in "IS-held"."""
        position = bisect.bisect_right(self.player_firsts, cue.first) - 1
        if position >= 0 and cue.first < self.players[position].stop:
            return self.players[position]
        return None

    def _date(self, cue):
        """The date expression nearest the phrase; at equal distance the one after it."""
        if not self.dates:
            return None
        position = bisect.bisect_left(self.date_starts, cue.first)
        nearest = self.dates[max(0, position - 1): position + 1]
        return min(nearest, key=lambda d: (abs(d.start - cue.first), d.start < cue.first))

    def _negated(self, cue):
        if not self.may_negate:  # the windows below are parts of the sentence
            return False
        window = self._norm_between(max(self.first, cue.first - 6), cue.first)
        if NEGATION.search(CLAUSE_BREAK.split(window)[-1]) or NEGATION.search(cue.text):
            return True
        # "denied that the army had captured X" reaches further back, but not past "and said ...".
        window = self._norm_between(max(self.first, cue.first - 12), cue.first)
        return bool(DENIAL.search(CLAUSE_BREAK.split(window)[-1]))

    @property
    def claimant(self):
        """(who speaks, the attribution word): the words before "said" (back to a comma), or after "according to"."""
        if self._claimant is None:
            self._claimant = self._find_claimant()
        return self._claimant

    def _find_claimant(self):
        match = ATTRIBUTION.search(self.norm)
        if not match:
            return self.default_claimant, ""
        position = self.article.token_at(self.norm_start + match.start())
        tokens = self.article.tokens
        if match.group().startswith("according"):
            start = position + 2
            stop = start
            while stop < self.last and stop - start < 8 and not re.search(r"[,;.]", self.article.text[tokens[stop - 1].end: tokens[stop].start] if stop > start else ""):
                stop += 1
        else:
            stop, start = position, position
            while start > self.first and position - start < 8 and not re.search(
                r"[,;:–—(]", self.article.text[tokens[start - 1].end: tokens[start].start]
            ):
                start -= 1
        if start >= stop:
            return self.default_claimant, match.group()
        words = self.article.text[tokens[start].start: tokens[stop - 1].end]
        words = re.sub(r"^(?:(?:but|and|on \w+day|in a statement|also|the|a|an)\s+)+", "", words, flags=re.I).strip()
        if not words or words.lower() in {"it", "he", "she", "they", "we", "i"}:
            return self.default_claimant, match.group()
        return words[:200], match.group()

    # -- proposals -------------------------------------------------------------------------------
    def propose(self, cue):
        targets, anaphora = self._targets(cue)
        if not targets or self._negated(cue):
            return []
        made = self._assertion(cue)
        if made is None:
            return []
        status, holder, others, confidence, reason = made
        date = self._date(cue)
        if date is None:
            when, precision = self.day, "day"
            dated = "no date in the sentence: as of publication"
            if cue.kind in ("capture", "passive") and not self.says_now:
                confidence *= 0.7
                dated += " (a past event: check the date)"
        else:
            when, precision = date.date, date.precision
            dated = f"'{date.text}' → {iso_with_precision(date.date, date.precision)} ({date.precision})"
        claimant, attribution = self.claimant
        notes = [f"'{cue.text}' → {reason}", dated]
        if anaphora:
            notes.append(anaphora)
            confidence *= 0.9
        if self.hedge:
            confidence *= 0.6
            notes.append(f"hedged ('{self.hedge.group()}')")
        elif attribution:
            notes.append(f"as {claimant or 'a source'} {attribution}")
        return [
            Proposal(
                place=place.slug, status=status, holder=holder, others=others, date=when, precision=precision,
                quote=self.quote, confidence=round(min(confidence, 0.95), 2), why="; ".join(notes),
                claimant=claimant, quote_start=self.quote_start, cue=cue.kind,
            )
            for place in targets
        ]

    def _assertion(self, cue):
        """(status, holder, others, confidence, reason) for one phrase, or None when it asserts no state."""
        kind = cue.kind
        if kind in ("hold", "held_adj") and self.ended_from >= self._offset(max(self.first, cue.first - 2)):
            return None  # "IS-held neighbourhoods ... before they were liberated": a past state
        if kind == "capture":
            subject = self._subject(cue)
            return (CONTROLLED, subject.slug, (), 0.8, f"controlled by {subject.slug} (subject '{subject.text}')") if subject else None
        if kind == "hold":
            if cue.text == "held" and cue.first > self.first and self.article.tokens[cue.first - 1].norm in PASSIVE_AUX:
                return None  # "talks were held in Astana"
            subject = self._subject(cue)
            return (CONTROLLED, subject.slug, (), 0.8, f"held by {subject.slug} (subject '{subject.text}')") if subject else None
        if kind == "held_adj":
            holder = self._holder_of(cue)
            return (CONTROLLED, holder.slug, (), 0.7, f"held by {holder.slug}") if holder else None
        if kind == "passive":
            agent = self._agent_after(cue)
            if agent is None:
                sides = {a.slug for a in self.subjects}
                if len(sides) != 1:
                    return None
                return CONTROLLED, sides.pop(), (), 0.6, "controlled by the only side the sentence names"
            return CONTROLLED, agent.slug, (), 0.75, f"controlled by {agent.slug} ('{agent.text}')"
        if kind in ("under_control", "under_control_of"):
            agent = self._agent_after(cue) if kind == "under_control" else self._holder_between(cue)
            return (CONTROLLED, agent.slug, (), 0.75, f"held by {agent.slug}") if agent else None
        if kind == "attempt":
            subject = self._subject(cue)
            holder = self._adversary(self.sides)
            if holder is None:
                return None
            who = f"'{subject.text}'" if subject else "its attackers"
            return (CONTROLLED, holder, (), 0.5,
                    f"{who} still trying to take it, so held by the other side: {holder} (the side the article names most)")
        if kind in ("contested", "divided"):
            sides = sorted(self.sides)
            if len(sides) == 1:
                adversary = self._adversary(set(sides))
                sides = sorted(sides + [adversary]) if adversary else sides
            if not sides:
                return None
            return CONTESTED, None, tuple(sides), 0.7 if kind == "contested" else 0.65, f"contested between {', '.join(sides)}"
        if kind == "siege_broken":
            subject = self._subject(cue)
            besieger = self._holder_between(cue)
            if subject is None:
                return None
            besieger_slug = besieger.slug if besieger and besieger.slug != subject.slug else self._adversary({subject.slug})
            if besieger_slug is None:
                return None
            sides = tuple(sorted({subject.slug, besieger_slug}))
            return (CONTESTED, None, sides, 0.7,
                    f"siege by {besieger_slug} broken by {subject.slug}: the place stays contested between them")
        if kind == "siege":
            besieger = self._agent_after(cue) if cue.direction == "before" else (self._holder_between(cue) or self._subject(cue))
            if besieger is None:
                return None
            holder = self._adversary({besieger.slug})
            if holder is None:
                return None
            return BESIEGED, holder, (besieger.slug,), 0.6, f"held by {holder}, besieged by {besieger.slug}"
        return None

    def denied(self):
        """(places, sides) a denial in this sentence is about: the places it names (or "the city"'s),
        and the sides named in the denying clause."""
        places = {p.slug for p in self.places}
        if not places:
            antecedent = self.article.antecedent(self.first) if self.anaphor else None
            places = {antecedent.slug} if antecedent else set()
        denial = DENIAL.search(self.norm)
        start = self.article.token_at(self.norm_start + denial.start())
        clause = CLAUSE_BREAK.split(self._norm_between(start, self.last))[0]
        clause_end = start + len(clause.split())
        return places, {a.slug for a in self.players if start <= a.first <= clause_end}


def _last_match_start(pattern, text):
    """Where the last match of `pattern` in `text` starts, overlapping matches included; -1 if none."""
    last, position = -1, 0
    while (match := pattern.search(text, position)) is not None:
        last, position = match.start(), match.start() + 1
    return last
