"""One sentence with control phrases: which place each phrase is about, who acts, when, who says so.

Its own module because it holds the grammar the rules read: the subject (a relative pronoun's
antecedent, the first of coordinated sides, not an actor after "from", "over" or "against" nor the
object of a verb of taking), the agent after "by" or "to", the date of the phrase's own clause,
negation and background ("after ...", a relative clause). Which place a phrase governs is places.py's
(a mixin of Sentence), who says so attribution.py's, what each phrase then asserts roles.py's.
"""
import bisect
import re

from geo.dates import iso_with_precision
from geo.text import normalize_name

from .attribution import find_claimant, said_date
from .dates import STATE_KINDS, PhraseDating
from .places import PlaceReading
from .proposals import Proposal
from .roles import CONTESTED, CONTROLLED, assertion, siege_stands
from .rules import (
    ANAPHOR, ARABIC_FROM_CONTROL, CLAUSE_BREAK, DENIAL, DIRECTIONS, ENDED, HEDGE, LAST, NEGATION, NOT_SUBJECT, NOT_YET, NOW,
    PARTIAL, PRIOR, SIEGE_VERB,
)
from .tokens import is_arabic

EVENT_KINDS = {"capture", "passive", "noun", "victory", "declared"}  # phrases that report a change at a moment
_ARABIC_NOUNS = ("تحرير", "استعاده", "السيطره", "سيطره", "دخول", "اقتحام", "سقوط", "اعاده", "انتزاع", "استيلاء", "تطويق", "النصر", "نصر")
_AGENT_NOUNS = ("دخول", "سيطره", "السيطره")  # a verbal noun whose agent follows it: "دخول القوات" (the forces' entry)
_EXPULSION = ("طرد", "دحر", "اخراج")  # "طرد داعش": the side right after is the one expelled
_RELATIVE = {"which", "who", "الذي", "التي", "الذين"}
_TIME_OF_DAY = {"ظهر", "الظهر", "منتصف", "noon", "midnight", "dawn"}  # "بعد ظهر امس": yesterday afternoon, not "after"
_CONJUNCTIONS = {"and", "و"}
_ONE_OF = re.compile(r"\bone of (?:\S+ ){0,3}?(?:pockets|areas|districts|parts)\b")
_CLAUSE_WORDS = {"said", "says", "which", "who", "that", "after", "before", "while", "but", "from", "against"}
_PARTITIVE = {"وحدات", "عناصر", "قوات", "افراد", "مقاتلي", "مقاتلو", "عدد", "مجموعه", "كتايب", "اغلبهم", "معظمهم", "بعض"}
_TAKEN_FROM = {"from", "of", "من", "يد", "قبضه", "سيطره"}  # "من يد داعش": from the hand of Daesh


class Sentence(PlaceReading, PhraseDating):
    """One sentence and what it names; what every phrase of it asks is found by binary search over
    lists built once per sentence."""

    def __init__(self, article, number, first, last, places, actors, dates, cues, participants, day, claimant, heading=None):
        self.article, self.number, self.first, self.last = article, number, first, last
        self.places, self.actors, self.dates, self.cues = places, actors, dates, cues
        self.participants, self.day, self.default_claimant = participants, day, claimant
        self.norm = article.norm[slice(*article.norm_span(first, last))] if first < last else ""
        self.norm_start = article.offsets[first] if first < last else 0
        self.quote_start = article.tokens[first].start
        self.players = [a for a in actors if a.role == "participant"]
        self.sides = {a.slug for a in self.players}
        objects = {c.stop for c in cues if c.kind == "capture" and not is_arabic(c.text)}
        self.subjects = [a for index, a in enumerate(self.players)
                         if not self._after(a, NOT_SUBJECT) and not self._apposition(index) and not self._object(a, objects)]
        self.place_firsts = [p.first for p in places]
        self.player_firsts = [a.first for a in self.players]
        self.subject_firsts = [a.first for a in self.subjects]
        self.date_starts = [d.start for d in dates]
        self.cue_firsts = [c.first for c in cues]
        self.clause_firsts = [c.first for c in cues if c.kind != "held_adj"]  # what ends a phrase's reach
        # What separates a phrase from a date: another phrase, but not a description ("the town held by IS").
        self.date_blocks = [c.first for c in cues if c.kind not in ("held_adj", "under_control", "under_control_of")]
        self.hedge = HEDGE.search(self.norm)
        self.says_now = NOW.search(self.norm) is not None
        self.ended_from = _last_match_start(ENDED, self.norm)
        self.may_negate = NEGATION.search(self.norm) is not None or DENIAL.search(self.norm) is not None
        self._quote = self._claimant = None
        self.heading = heading  # the date a heading line above gives ("14 January, 2014" in a timeline)
        self.events = []  # (place, holder or None, DateFound) of changes reported with a date

    @property
    def quote(self):
        if self._quote is None:
            self._quote = self.article.sentence_text(self.number)
        return self._quote

    def _apposition(self, index):
        """Whether player `index` repeats the one before it in brackets ("from Islamic State (IS)"): it takes
        that one's role, not a subject's."""
        if not index:
            return False
        before, mention = self.players[index - 1], self.players[index]
        return before.slug == mention.slug and self.article.text[before.end: mention.start].strip(' "»') in ("(", "")

    def _object(self, mention, verb_ends):
        """Whether an actor is the object of an English verb of taking ("drive out IS and retake the city")."""
        before = mention.first - (1 if mention.first > self.first and self.article.norms[mention.first - 1] == "the" else 0)
        return before in verb_ends

    def _after(self, mention, words):
        """Whether the word before the mention (or before its "the") is one of `words`; "من" after a word of
        number ("وحدات من الجيش", units of the army) is partitive, not "from"."""
        before = mention.first - 1
        norms = self.article.norms
        if before > self.first and norms[before] == "the":
            before -= 1
        if before > self.first and norms[before] in ARABIC_FROM_CONTROL and norms[before - 1] == "من":
            before -= 1  # "من سيطره داعش": from Daesh's control
        if before > self.first and norms[before] == "من" and {norms[before - 1], norms[before - 1][1:]} & _PARTITIVE:
            return False
        return before >= self.first and norms[before] in words

    def norm_between(self, first, stop):
        if first >= stop:
            return ""
        return self.article.norm[slice(*self.article.norm_span(first, stop))]

    def raw_between(self, first, stop):
        if first >= stop:
            return ""
        return self.article.text[self.article.tokens[first].start: self.article.tokens[stop - 1].end]

    def offset(self, token):
        """Where token `token` starts in this sentence's normalised text."""
        return self.article.offsets[token] - self.norm_start

    # -- who ------------------------------------------------------------------------------------
    def subject(self, cue):
        """The actor a relative pronoun before the phrase stands for ("IS, which seized ..."), else the nearest
        actor before the phrase that can be a subject; for an Arabic verb, the one after it."""
        relative = self._relative_antecedent(cue)
        if relative is not None:
            return relative
        position = bisect.bisect_left(self.subject_firsts, cue.first)
        if is_arabic(cue.text) and position and self.subjects[0].first == self.first and self.subjects[0].stop == cue.first:
            return self.subjects[0]  # a headline's subject first: "الجيش العراقي يسيطر على الرطبة"
        after = self.subject_from(cue.stop, cue.stop + 4) if is_arabic(cue.text) and not self._shares_subject(cue) else None
        word = cue.text.lstrip("وف")
        noun = word.startswith(_ARABIC_NOUNS) or word in _EXPULSION
        if after is not None and not noun and position and self.subjects[0].first == self.first and after.first > cue.stop:
            return self.subjects[0]  # opened by its subject, the object after the verb: "قسد المؤلفة من ... طردت عناصر داعش"
        if after is not None and (not noun or (after.first == cue.stop and self._agent_follows(word, after))):
            # Arabic puts the verb first ("سيطر الجيش السوري على ..."), and some verbal nouns' agent right after
            # them ("دخول القوات العراقية القائم", the Iraqi forces' entry into Qaim).
            return after
        if position:
            return self._first_conjunct(position - 1)
        return None if noun else after

    def _shares_subject(self, cue):
        """Whether an Arabic verb joined by "و" to an earlier phrase of the sentence shares its subject ("وحدات
        الجيش استعادت ... وطوقت داعش": the army encircled Daesh)."""
        return self.article.norms[cue.first].startswith("و") and any(c.first < cue.first for c in self.cues) and bool(
            self.subject_firsts) and self.subject_firsts[0] < cue.first

    def _agent_follows(self, word, after):
        """Whether the actor right after an Arabic verbal noun is its agent: after "دخول" (entry) or "السيطره"
        (control), or when "السيطره" follows it ("استعاده المسلحين السيطره", the militants' regaining of control)."""
        norms = self.article.norms
        return word.startswith(_AGENT_NOUNS) or (after.stop < self.last and norms[after.stop] == "السيطره")

    def _relative_antecedent(self, cue):
        """The actor right before "which", "who", "الذي" (or one word before: "داعش الجهادي الذين") up to three words
        before the phrase, with no other actor between: "تنظيم داعش الذي بسط سيطرته" (Daesh, which extended its control)."""
        norms = self.article.norms
        for index in range(cue.first - 1, max(self.first, cue.first - 4) - 1, -1):
            if norms[index] in _RELATIVE:
                if {",", "،"} & set(self.article.text[self.article.tokens[index].end: self.article.tokens[cue.first].start]):
                    return None  # "الفصائل التي تدعمها تركيا، الخميس، سيطرتها": the relative clause has ended
                position = bisect.bisect_left(self.player_firsts, index)
                between = position < len(self.players) and self.players[position].first < cue.first
                before = self.players[position - 1] if position else None
                return before if before is not None and index - 1 <= before.stop <= index and not between else None
        return None

    def subject_from(self, first, last):
        """The first possible subject starting in tokens [first, last]."""
        position = bisect.bisect_left(self.subject_firsts, first)
        if position < len(self.subjects) and self.subjects[position].first <= last:
            return self.subjects[position]
        return None

    def _first_conjunct(self, position):
        """The first of coordinated subjects, who leads: "Iraqi forces and Shiite militias", "القوات الامنيه
        والعشائر والحشد الشعبي" (words joined by "and" or the clitic "و" between them)."""
        norms = self.article.norms
        while position:
            previous, current = self.subjects[position - 1], self.subjects[position]
            between = norms[previous.stop: current.first]
            joined = norms[current.first].startswith("و") or (between and between[-1] == "and")
            if not joined or not self._conjoined(between):
                break
            position -= 1
        return self.subjects[position]

    def _conjoined(self, between):
        """Whether the words between two subjects join them: "and", "و", or up to ten words with "as well as"
        listing more of the same side ("Iraqi army and police forces, as well as volunteers and Iran-backed Shiite militias")."""
        if len(between) <= 3 and all(w in _CONJUNCTIONS or w.startswith("و") for w in between):
            return True
        return len(between) <= 10 and "as well as" in " ".join(between) and not _CLAUSE_WORDS.intersection(between)

    def player_from(self, first, last):
        """The first player starting in tokens [first, last]."""
        position = bisect.bisect_left(self.player_firsts, first)
        if position < len(self.players) and self.players[position].first <= last:
            return self.players[position]
        return None

    def agent_after(self, cue):
        """X in "fell to X", "under the control of X" (right after the phrase), or "was taken by X" (after
        "by", up to six words on: "was seized from Daesh by the SDF")."""
        agent = self.player_from(cue.stop, cue.stop + 1)
        if agent is not None and (agent.first == cue.stop or self.article.norms[cue.stop] == "the"):
            return agent
        for index in range(cue.stop, min(self.last, cue.stop + 7)):
            if self.article.norms[index] == "by":
                return self.player_from(index + 1, index + 2)
        return None

    def loser(self, cue, place):
        """Y in "took X from Y", "drove Y out of X", "طرد Y من X"."""
        if cue.text.lstrip("وف").startswith(_EXPULSION):
            expelled = self.player_from(cue.stop, cue.stop)
            if expelled is not None:
                return expelled
        for actor in self.players:
            if cue.stop <= actor.first <= place.stop + 3 and self._after(actor, _TAKEN_FROM):
                return actor
        return None

    def adversary(self, exclude, place=None):
        """The side most named in the article apart from `exclude`, foreign backers, and a state force of
        another country than the place's (Iraq's army holds no Syrian town)."""
        gazetteer = self.article.gazetteer
        kinds, country = gazetteer.actor_kinds, gazetteer.place_countries.get(place.slug) if place else None
        foreign = {force for code, force in gazetteer.government_of.items() if country and code != country}
        ranked = [(slug, n) for slug, n in self.participants.most_common()
                  if slug not in exclude and kinds.get(slug) != "foreign_state" and slug not in foreign]
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None  # no side stands out: better no guess
        return ranked[0][0]

    def holder_between(self, cue):
        return self.player_from(cue.first, cue.stop - 1)

    def holder_of(self, cue):
        """The player the phrase's first word belongs to: IS in "IS-held"."""
        position = bisect.bisect_right(self.player_firsts, cue.first) - 1
        if position >= 0 and cue.first < self.players[position].stop:
            return self.players[position]
        return None

    # -- when, and is it said -------------------------------------------------------------------
    def _word_before(self, token):
        """The normalised word before token `token` in this sentence ("" at its start)."""
        return self.article.norms[token - 1] if token > self.first else ""

    def _describes_a_change(self, cue):
        """Whether a state phrase describes the place a change in the sentence is about: "captured the last town
        held by IS", "took areas of IS-held Mayadin": what the change ended, not a state to propose."""
        events = [c for c in self.cues if c.kind in EVENT_KINDS]  # going in ("entered") ends no one's hold
        if events and self._last(cue):
            return True
        return cue.kind == "held_adj" and any(0 <= cue.first - c.stop <= 4 and "," not in self.raw_between(c.stop, cue.first)
                                              for c in events)

    def _last(self, cue):
        """Whether "last", "final" or "remaining" qualifies the state phrase ("the last town held by IS")."""
        return bool(LAST.intersection(self.article.norms[max(self.first, cue.first - 3): cue.first + 1]))

    def _prior(self, cue, reach=3):
        """Whether "after" or "بعد" stands at most `reach` words before the phrase, in its clause ("after driving
        out IS", "بعد ايام من استعاده المسلحين"): an earlier change, not the one the sentence dates."""
        tokens, norms = self.article.tokens, self.article.norms
        start = cue.first
        for before in reversed(self.cues):  # "بعد ايام من استعاده المسلحين السيطره علي": one phrase, its verbal noun first
            if before.kind == "capture" and before.stop <= start and start - before.stop <= 2:
                start = before.first
        for index in range(start - 1, max(self.first, start - reach) - 1, -1):
            if norms[index] in PRIOR and norms[index + 1] not in _TIME_OF_DAY:
                return True
            if re.search(r"[,;،؛]", self.article.text[tokens[index].end: tokens[index + 1].start]):
                return False
        return False

    def negated(self, cue):
        if not self.may_negate:  # the windows below are parts of the sentence
            return False
        window = self.norm_between(max(self.first, cue.first - 6), cue.first)
        if NEGATION.search(CLAUSE_BREAK.split(window)[-1]) or NEGATION.search(cue.text):
            return True
        # "denied that the army had captured X" reaches further back, but not past "and said ...".
        window = self.norm_between(max(self.first, cue.first - 12), cue.first)
        return bool(DENIAL.search(CLAUSE_BREAK.split(window)[-1]))

    @property
    def claimant(self):
        """(who speaks, the attribution word): the words before "said" (back to a comma), or after "according to"."""
        if self._claimant is None:
            self._claimant = find_claimant(self)
        return self._claimant

    # -- proposals -------------------------------------------------------------------------------
    def propose(self, cue):
        """The proposals one phrase makes, each with its quote and its reasons."""
        targets, reference, window = self.targets(cue)
        if not targets:
            return []
        standing = False  # a break of a siege that has not happened yet: the siege stands
        if self.negated(cue):
            if cue.kind != "siege_broken" or not NOT_YET.search(self.norm_between(max(self.first, cue.first - 6), cue.stop)):
                return []
            standing = True
        if cue.kind in STATE_KINDS and self._describes_a_change(cue):
            return []
        if cue.kind == "contested" and self._prior(cue, 8):
            return []  # "after a week of fighting in the city": the fighting before the news
        proposals = []
        for place in targets:
            made = siege_stands(self, cue, place) if standing else assertion(self, cue, place)
            if made is None:
                date = self.date(cue)
                if date is not None and cue.kind in EVENT_KINDS:  # "a splinter group seized Mosul yesterday"
                    self.events.append((place.slug, None, date))
                continue
            status, holder, others, confidence, reason = made
            notes = [f"'{cue.text}' → {reason}"]
            # "Hawija, one of two pockets of territory still under IS control" is all of Hawija.
            window = _ONE_OF.sub("", window.lower())
            partial = PARTIAL.search(window) or PARTIAL.search(normalize_name(window)) or PARTIAL.search(cue.text)
            # "eastern Mosul", where the place or the mention "the city" refers to is named
            if status == CONTROLLED and (partial or (place.first and self.article.norms[place.first - 1] in DIRECTIONS)):
                loser = self.loser(cue, place) if cue.kind == "capture" else None  # the side the part was taken from
                opponent = loser.slug if loser else self.adversary({holder}, place)
                sides = tuple(sorted({holder} | ({opponent} - {None})))
                status, holder, others, confidence = CONTESTED, None, sides, confidence * 0.9
                notes.append("about part of the place: contested")
            date = self.date(cue) or self.heading
            if cue.kind in STATE_KINDS and self._word_before(cue.first) == "had" and (date is None or date.start < cue.first):
                continue  # "IS, who had controlled the town": a past state the sentence does not date
            if cue.kind in EVENT_KINDS | {"entered"} and (date is None or date.start < cue.first) and (
                    self._prior(cue) or self._relative_antecedent(cue) is not None):
                continue  # "after driving out IS", "IS, which seized it": an earlier change the sentence does not date
            if cue.kind == "siege" and SIEGE_VERB.match(cue.text) and self._prior(cue):
                continue  # "took the town after first surrounding it": a siege the taking ended
            # A state reported on a day ("said on Wednesday that IS holds 5 percent") holds on that day.
            said = said_date(self) if date is None and (status != CONTROLLED or cue.kind not in EVENT_KINDS) else None
            if said is not None:
                when, precision = said.date, said.precision
                dated = f"as reported '{said.text}' → {iso_with_precision(said.date, said.precision)} ({said.precision})"
            elif date is None:
                when, precision, dated = self.day, "day", "no date in the sentence: as of publication"
                if cue.kind in EVENT_KINDS and not self.says_now:
                    confidence *= 0.7
                    dated += " (a past event: check the date)"
            else:
                when, precision = date.date, date.precision
                dated = f"'{date.text}' → {iso_with_precision(date.date, date.precision)} ({date.precision})"
            notes.append(dated)
            if reference:
                notes.append(reference)
                confidence *= 0.85
            described = self.described({holder, *others})
            if described:
                notes.append(described)
                confidence *= 0.8
            claimant, attribution = self.claimant
            if self.hedge:
                confidence *= 0.6
                notes.append(f"hedged ('{self.hedge.group()}')")
            elif attribution:
                notes.append(f"as {claimant or 'a source'} {attribution}")
            if cue.kind in EVENT_KINDS and date is not None and status == CONTROLLED:  # not a part taken back
                self.events.append((place.slug, holder, date))
            proposals.append(Proposal(
                place=place.slug, status=status, holder=holder, others=others, date=when, precision=precision,
                quote=self.quote, confidence=round(min(confidence, 0.95), 2), why="; ".join(notes),
                claimant=claimant, quote_start=self.quote_start, undated=date is None and said is None,
                cue="last_held" if cue.kind in STATE_KINDS and self._last(cue) else cue.kind,
            ))
        return proposals

    def described(self, sides):
        """How a side of the proposal was read from a description ("Kurdish forces"), when the sentence does not
        also name it."""
        named = {a.slug for a in self.actors if not a.described}
        return next((a.described for a in self.actors if a.described and a.slug in sides - named), "")

    def denied(self):
        """(places, sides) a denial in this sentence is about: the places it names (or "the city"'s),
        and the sides named in the denying clause."""
        places = {p.slug for p in self.places}
        if not places and ANAPHOR.search(self.norm):
            antecedent = self.article.antecedent(self.first)
            places = {antecedent.slug} if antecedent else set()
        denial = DENIAL.search(self.norm)
        start = self.article.token_at(self.norm_start + denial.start())
        clause = CLAUSE_BREAK.split(self.norm_between(start, self.last))[0]
        clause_end = start + len(clause.split())
        return places, {a.slug for a in self.players if start <= a.first <= clause_end}


def _last_match_start(pattern, text):
    """Where the last match of `pattern` in `text` starts, overlapping matches included; -1 if none."""
    last, position = -1, 0
    while (match := pattern.search(text, position)) is not None:
        last, position = match.start(), match.start() + 1
    return last
