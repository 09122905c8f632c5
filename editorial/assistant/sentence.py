"""One sentence with control phrases: which place each phrase is about, who acts, when, who says so.

Its own module because it ties the readings into proposals: the grammar of who acts in a phrase's clause
(subject, agent, the side a place is taken from, negation, background) is clauses.py's, which place a
phrase governs places.py's, its date dating.py's, whether it takes only a part parts.py's (each a mixin of
Sentence), who says so attribution.py's, what each phrase then asserts roles.py's.
"""
import re

from geo.dates import iso_with_precision
from geo.text import normalize_name

from .attribution import find_claimant, said_date
from .clauses import ARABIC_FORCES, ClauseReading
from .dating import STATE_KINDS, PhraseDating
from .hedges import HEDGE, hedge_of
from .negations import DENIAL, NEGATION, NOT_YET, PREVENTED_IN_SENTENCE
from .parts import ALL_PARTS, DIRECTION_OF, LAST_PARTS, NAMED_PARTS, PARTIAL, SITE_IN, SITE_NOUNS_AFTER, PartReading
from .places import PlaceReading
from .proposals import Proposal, started
from .roles import CONTESTED, CONTROLLED, assertion
from .rules import ANAPHOR, CLAUSE_BREAK, ENDED, LAST, NOT_SUBJECT, NOW, REMAINED, SIEGE_VERB, SINCE, TIME_UNITS
from .sieges import siege_stands
from .tokens import is_arabic

EVENT_KINDS = {"capture", "passive", "expelled", "noun", "victory", "declared"}  # phrases that report a change at a moment
CHANGE_KINDS = EVENT_KINDS | {"entered"}
_AROUND = re.compile(r"(?<!\S)[وب]?(?:محيط|حول|قرب)(?: (?:ال)?(?:مدينه|بلده))?(?: \S+)?$")  # the surroundings of a place
# A relative clause describing a noun ("the city that was once the group's capital"): its "once" ends no state.
_DESCRIBING = re.compile(r"\b(?:that|which|who) (?:was|were|had been)\s*$")
# "purged it of ISIL elements", "rid the town of the militants": the side after "of" is the one removed, never the subject.
_RID_OF = re.compile(r"\b(?:clear|purg|rid|ridd|cleans|free|empt)\w* (?:\S+ ){0,3}?of(?: the)?$")
_POSSESSED = {"control", "hands", "rule"}
# A side before a noun of its acts ("collapsed in the face of IS attacks and withdrew") qualifies the noun: no subject.
_ACTS_OF = {"attack", "attacks", "offensive", "assault", "assaults", "onslaught", "advance", "advances", "shelling",
            "bombardment", "airstrikes", "strikes", "fire"}
# A side before a noun of what it holds ("we hit the last ISIS stronghold and freed the area") owns it: no subject.
_HOLDINGS_OF = {"stronghold", "strongholds", "bastion", "positions", "territory", "headquarters", "defensive",
                "defences", "defenses"}
_PAST_HOLD = {"controlled", "held"}
# A preposition of place or a distance right before a "-held" place ("launched an offensive outside Kurdish-controlled
# Kirkuk", "attacked troops near IS-held Mosul", "came within 25 miles of the IS-held city"): the place locates the
# act, it is not the object the act takes.
_LOCATING = re.compile(r"\b(?:near|outside|around|towards?|across|within (?:\S+ ){1,3}?of|"
                       r"(?:miles|kilometres|kilometers|km) (?:from|of)|" + DIRECTION_OF + ")"
                       r"(?: (?:the|an?))?(?: \S+)?$")
# An adverb of degree right before the verb makes the change partial: "IS almost completely ousted from Manbij".
_ALMOST = re.compile(r"\b(?:almost|nearly|virtually|largely|mostly)(?: (?:completely|fully|entirely|totally))?$")
_RELATIVE_WORDS = {"which", "that", "الذي", "التي", "الذين"}
# Nouns of districts, which name a neighbourhood itself rather than part of it ("استعاد أحياء الجبيلية والجمعيات",
# "retook the districts of Jubaylah and Jamiyat").
_DISTRICT_NOUNS = re.compile(r"(?<!\S)(?:ال)?(?:احياء|حيين|حيي|حي)(?!\S)|\b(?:districts|neighbou?rhoods)\b")
# "Rawa and Qaim, the last populated areas held by IS" are those areas, whole; "the last areas of Mosul" are a part.
_ONE_OF = re.compile(r"\b(?:(?:one of|among) (?:\S+ ){0,3}?(?:pockets|areas|districts|parts|enclaves)|"
                     r"the (?:last|only|final|remaining)(?: \S+){0,3}? (?:pockets|areas|enclaves)"
                     r"(?! (?:of|in|inside)\b))\b")
# A place listed after "including" or "such as" is one of the pockets or areas named before, whole: "controls other
# pockets of territory, including the town of Hawija"; "يسيطر على مناطق عدة ... وخصوصاً على منبج" (holds several areas,
# particularly Manbij); "على عدة مناطق بمحافظة الأنبار، بينها الفلوجة" (several areas, among them Fallujah), where
# "أجزاء منها" (parts of it), with no comma, names a part.
_LISTED_AFTER = re.compile(
    r"^.*(?:\b(?:including|such as|among them|notably|و?خصوصا|وخاص[ةه]|و?لا سيما|بما فيها|من بينها)"
    r"|[,،] ?و?(?:بينها|منها))\b", re.S)


class Sentence(ClauseReading, PlaceReading, PhraseDating, PartReading):
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
        # An actor right after a verb of taking is its object: "took IS's stronghold", "cleared IS fighters from".
        objects = {end for c in cues if c.kind == "capture" and not is_arabic(c.text) for end in (c.first + 1, c.stop)}
        self.subjects = [a for index, a in enumerate(self.players)
                         if not self._after(a, NOT_SUBJECT) and not self._apposition(index) and not self._object(a, objects)
                         and not _RID_OF.search(self.norm_between(max(first, a.first - 5), a.first))
                         and not _behind_lam(article, a, first)
                         and (a.stop >= last or article.norms[a.stop] not in _ACTS_OF | _HOLDINGS_OF)]
        self.place_firsts = [p.first for p in places]
        self.player_firsts = [a.first for a in self.players]
        self.subject_firsts = [a.first for a in self.subjects]
        self.date_starts = [d.start for d in dates]
        self.cue_firsts = [c.first for c in cues]
        self.clause_firsts = [c.first for c in cues if c.kind not in ("held_adj", "stronghold")]  # what ends a phrase's reach
        # What separates a phrase from a date: another phrase, but not a description ("the town held by IS").
        self.date_blocks = [c.first for c in cues if c.kind not in ("held_adj", "under_control", "under_control_of", "stronghold")]
        self.hedge = HEDGE.search(self.norm)
        self.says_now = NOW.search(self.norm) is not None
        self.ended_from = _last_match_start(ENDED, self.norm, _DESCRIBING)
        self.may_negate = any(p.search(self.norm) for p in (NEGATION, DENIAL, PREVENTED_IN_SENTENCE))
        self._quote = self._claimant = None
        self.heading = heading  # the date a heading line above gives ("14 January, 2014" in a timeline)
        self.events = []  # (place or None, holder or None, DateFound, status) of changes reported with a date

    @property
    def quote(self):
        if self._quote is None:
            self._quote = self.article.sentence_text(self.number)
        return self._quote

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

    # -- when, and is it said -------------------------------------------------------------------
    def _word_before(self, token):
        """The normalised word before token `token` in this sentence ("" at its start)."""
        return self.article.norms[token - 1] if token > self.first else ""

    def _describes_a_change(self, cue):
        """Whether a state phrase describes the place a change in the sentence is about: "captured the last town
        held by IS", "took areas of IS-held Mayadin": what the change ended, not a state to propose."""
        events = [c for c in self.cues if c.kind in EVENT_KINDS]  # going in ("entered") ends no one's hold
        if cue.kind == "stronghold":  # "took Dabiq, one of IS's strongholds": what the sentence's other phrase is about
            return self._stronghold_changed(cue)
        if events and self._last(cue):
            return True
        return cue.kind == "held_adj" and any(0 <= cue.first - c.stop <= 4 and "," not in self.raw_between(c.stop, cue.first)
                                              for c in events)

    def _stronghold_changed(self, cue):
        """Whether a change in the sentence is about the stronghold ("took Dabiq, one of IS's strongholds"), or about
        a place it does not find. An attempt changes nothing ("plans to retake Hawija, the last IS bastion"), nor does
        a later clause's change of another place ("Hawija, the last IS bastion, a day after recapturing Tal Afar"). A
        change told before it ("after the fall of Mosul in July, Tal Afar became its last stronghold") made it one,
        on a day the sentence does not give."""
        described = {p.slug for p in self.targets(cue)[0]}
        for other in self.cues:
            if other.kind in STATE_KINDS or other.kind == "attempt":
                continue
            changed = {p.slug for p in self.targets(other)[0]}
            if other.first < cue.first or not changed or changed & described:
                return True
        return False

    def _retaken_after(self, cue):
        """Whether going in is told in a relative clause on the object of a change ("استعاد داعش كافة المناطق التي
        تقدمت فيها قوات سوريا الديمقراطية", "retook the areas the SDF had entered"): the change undid it."""
        norms = self.article.norms
        for index in range(cue.first - 1, max(self.first, cue.first - 3) - 1, -1):
            if norms[index] in _RELATIVE_WORDS and "," not in self.raw_between(index, cue.first).replace("،", ","):
                return any(c.kind in EVENT_KINDS and 0 <= index - c.stop <= 15
                           and "," not in self.raw_between(c.stop, index).replace("،", ",") for c in self.cues)
        return False

    def _done_by_another(self, cue):
        """Whether a "-held" description names the object of another side's verb ("Iraqi forces stormed Friday
        the center of the IS-held town of Qaim"): the clause reports a change, so the state before it is no claim
        to propose."""
        if cue.kind != "held_adj":
            return False
        adjectives = [c for c in self.cues if c.kind == "held_adj"]
        subjects = [a for a in self.subjects if a.stop <= cue.first  # "IS-held Boukamal and SDF-held Raqqa": no subject
                    and not any(c.first <= a.first < c.stop for c in adjectives)
                    and self.article.norms[a.stop] not in _POSSESSED]  # "out of government control": whose, not who acts
        holders = {a.slug for a in self.players if cue.first - 4 <= a.first <= cue.first}
        if not subjects or not holders or subjects[-1].slug in holders:
            return False
        between = self.norm_between(subjects[-1].stop, cue.first)
        acts = [c for c in self.cues if subjects[-1].stop <= c.first < cue.first]
        if _LOCATING.search(between) and not acts:
            return False  # "IS launched an offensive outside Kurdish-held Kirkuk": where it acts, not what it took
        if NOT_YET.search(between) or NEGATION.search(between):
            return False  # "the SDF vowed to attack IS-held Raqqa", "could not reach IS-held Sinjar": nothing taken
        # a change the rules read ("invaded", "captured") ends the state as well, unless it takes a part ("captured
        # the western outskirts of the IS-held city"): the side holds the rest
        return not any(c.kind not in CHANGE_KINDS or PARTIAL.search(self.norm_between(c.stop, cue.first)) for c in acts)

    def _last(self, cue):
        """Whether "last", "final" or "remaining" qualifies the state phrase ("the last town held by IS", "was the
        last in Iraq still under ISIS control", "one of the last remaining territories in the country still held
        by IS"), not a time ("last week")."""
        norms = self.article.norms
        return any(norms[index] in LAST and (index + 1 >= len(norms) or norms[index + 1] not in TIME_UNITS)
                   for index in range(max(self.first, cue.first - 6), cue.first + 1))

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
            date = self.date(cue) if cue.kind in EVENT_KINDS else None
            if date is not None:  # "seized a strategic town on Monday": the town the article names later
                self.events.append((None, None, date, CONTROLLED))
            return []
        standing = False  # a break of a siege that has not happened yet: the siege stands
        if self.negated(cue):
            if cue.kind != "siege_broken" or not NOT_YET.search(self.norm_between(max(self.first, cue.first - 6), cue.stop)):
                return []
            standing = True
        if cue.kind in STATE_KINDS and (self._describes_a_change(cue) or self._done_by_another(cue)):
            return []
        if cue.kind == "entered" and self._retaken_after(cue):
            return []
        if cue.kind == "contested" and self._prior(cue, 8):
            return []  # "after a week of fighting in the city": the fighting before the news
        if cue.kind == "contested" and _AROUND.search(normalize_name(window)):
            return []  # "تدور الاشتباكات في محيط المدينة" (in the surroundings of the city): fighting outside it
        proposals = []
        for index, place in enumerate(targets):
            if index and is_arabic(cue.text):  # "الحويجة والجانب الأيسر من الشرقاط": a part of Shirqat alone
                window = self.raw_between(max(targets[index - 1].stop, place.first - 4), place.first)
            if set(self.article.norms[place.stop: place.stop + 1]) & SITE_NOUNS_AFTER or self._by_fire(cue, place):
                continue  # "the Husaybah border post": a site the town names, not the town; "نارياً": by fire only
            made = siege_stands(self, cue, place) if standing else assertion(self, cue, place)
            if made is None:
                date = self.date(cue)
                if date is not None and cue.kind in EVENT_KINDS:  # "a splinter group seized Mosul yesterday"
                    self.events.append((place.slug, None, date, CONTROLLED))
                continue
            status, holder, others, reading, reason = made
            notes = [f"'{cue.text}' → {reason}"]
            # "Hawija, one of two pockets (or enclaves) still under IS control" is all of Hawija, and so is a place
            # listed after "including" or among the areas a list names (parts.NAMED_PARTS).
            window = _LISTED_AFTER.sub("", _ONE_OF.sub("", NAMED_PARTS.sub("", window).lower()))
            if self.article.gazetteer.place_kinds.get(place.slug) == "neighbourhood":
                window = _DISTRICT_NOUNS.sub("", normalize_name(window))
            # "the government compound in Ramadi"; in Arabic a site in construct right before the town, after the subject
            # a verb-first sentence puts between ("حررت قوات البيشمركة ظهر اليوم قائممقامية قضاء سنجار")
            site = SITE_IN.match(normalize_name(window)) or (
                is_arabic(cue.text) and SITE_IN.match(" ".join(normalize_name(window).split()[-3:])))
            if cue.direction == "before" and not site:  # the subject a site of the place: "the compound in Ramadi fell"
                site = SITE_IN.search(normalize_name(self.raw_between(max(self.first, place.first - 6), place.first)))
            partial = (PARTIAL.search(window) or PARTIAL.search(normalize_name(window)) or PARTIAL.search(cue.text) or site
                       or self._district_of(cue, place) or self._centre_taken(cue, place)
                       or (cue.kind in EVENT_KINDS and self._part_taken_after(cue, place))
                       or _ALMOST.search(self.norm_between(max(self.first, cue.first - 2), cue.first))
                       or (cue.kind in EVENT_KINDS and self._still_inside(cue, holder)))
            if partial and (ALL_PARTS.search(normalize_name(window)) or (
                    cue.kind in EVENT_KINDS and LAST_PARTS.search(normalize_name(window)))):
                partial = site = None  # "retook the last remaining areas of the town", "اخر معاقل داعش في الطبقة": all of it
            whole = self._described_whole(place, cue)  # "غرب هيت التي سيطر عليها داعش": said of all of it
            if status == CONTROLLED and (partial or self._named_as_part(place, reference)) and not whole:
                loser = self.loser(cue, place) if cue.kind == "capture" else None  # the side the part was taken from
                camp = self._holders_camp(holder)
                opponent = loser.slug if loser else self.adversary(camp, place, cue) or self.sole_enemy(camp)
                if site and opponent is None:
                    continue  # a site taken, and no side known to fight for the rest of the place
                sides = tuple(sorted({holder} | ({opponent} - {None})))
                status, holder, others = CONTESTED, None, sides
                notes.append("about part of the place: contested")
            if status == CONTESTED and len(set(others) - {None}) < 2:
                continue  # a part held, and no second side named or known: whom it is contested with is not understood
            date = self.listed_date(cue, place, targets) or self.date(cue) or self.heading
            word_before = self._word_before(cue.first)
            if cue.kind in STATE_KINDS and (date is None or date.start < cue.first) and (
                    word_before == "had" or (word_before == "who" and cue.text in _PAST_HOLD)):
                continue  # "IS, who had controlled the town", "battles with the Peshmerga who controlled the area": a
                # past state the sentence does not date
            if cue.kind in EVENT_KINDS | {"entered"} and (date is None or date.start < cue.first) and (
                    self._prior(cue) or (self._relative_antecedent(cue) is not None and not self.holds_now(cue))):
                continue  # "after driving out IS", "IS, which seized it", not "which holds": an earlier change
            if cue.kind == "siege" and SIEGE_VERB.match(cue.text) and self._prior(cue):
                continue  # "took the town after first surrounding it": a siege the taking ended
            # A state reported on a day ("said on Wednesday that IS holds 5 percent") holds on that day.
            # a side gone in unopposed ("دخلت ... بعد انسحاب") took the place at a moment, as a capture does
            taken = cue.kind in EVENT_KINDS or (cue.kind == "entered" and status == CONTROLLED)
            event = taken and not self.holds_now(cue)
            now = self.says_now or self.present_result(cue)
            said = said_date(self) if date is None and (status != CONTROLLED or not event) else None
            if said is not None:
                when, precision = said.date, said.precision
                dated = f"as reported '{said.text}' → {iso_with_precision(said.date, said.precision)} ({said.precision})"
            elif date is None:
                when, precision, dated = self.day, "day", "no date in the sentence: as of publication"
                if event and not now:
                    dated += " (a past event: check the date)"
            else:
                when, precision = date.date, date.precision
                dated = f"'{date.text}' → {iso_with_precision(date.date, date.precision)} ({date.precision})"
            notes.append(dated)
            if reference:
                notes.append(reference)
            described = self.described({holder, *others})
            if described:
                notes.append(described)
            claimant, attribution = self.claimant
            hedge = hedge_of(self, cue)
            if hedge:
                notes.append(f"hedged ('{hedge.group()}')")
            elif attribution:
                notes.append(f"as {claimant or 'a source'} {attribution}")
            if cue.kind in EVENT_KINDS and date is not None:  # a part taken dates the other reports of a part taken
                self.events.append((place.slug, holder, date, status))
            proposals.append(Proposal(
                place=place.slug, status=status, holder=holder, others=others, date=when, precision=precision,
                quote=self.quote, confidence=0.0, why="; ".join(notes),  # calibration.calibrate sets it
                claimant=claimant, quote_start=self.quote_start, undated=date is None and said is None,
                cue=self._proposal_cue(cue, date), reading=reading, event=event and not now,
                indirect=bool((reference and not self._object_named_before(cue, place)) or described or hedge),
            ))
            start = self.since_start(cue) if date is None and said is None and status == CONTROLLED else None
            if start is not None:  # "has been held by ISIL since May": it began in May, and holds now
                proposals.append(started(proposals[-1], start))
        return proposals

    def _object_named_before(self, cue, place):
        """Whether an Arabic reference points back to the object another phrase of its sentence names ("اقتحمت
        القوات بلدة القريتين، وفرضت السيطرة عليها": stormed Qaryatain and took control of it), or is the pronoun of a
        relative clause on the place before it ("القريتين التي يسيطر عليها داعش"): read as that place, not as a
        reference."""
        return is_arabic(cue.text) and (self._resumptive(cue) is place or any(
            other.stop <= cue.first and place in (found := self.targets(other))[0] and not found[1]
            for other in self.cues))

    def _holders_camp(self, holder):
        """The sides a part taken by `holder` is not contested with: a state force or militia takes a district from
        the insurgents when the article names one ("قطعات الحشد والقوات الأمنية تحرر حيا في تلعفر": not from each
        other), an insurgent from the others."""
        insurgent = self.article.gazetteer.is_insurgent
        if not any(insurgent(slug) != insurgent(holder) for slug in self.participants):
            return {holder}
        return {holder} | {slug for slug in self.participants if insurgent(slug) == insurgent(holder)}

    def _proposal_cue(self, cue, date):
        """The phrase's kind as proposals.superseded reads it: a state of "the last town held by IS", a state held
        "since" ("held by IS since 2014", "يسيطر عليها داعش منذ 2014": its start is no date of it), or the kind."""
        present = self.holds_now(cue)  # "ويسيطر التنظيم على راوة": a state, as "holds" is
        state = cue.kind in STATE_KINDS or present or self._resumptive(cue) is not None
        if state and self._last(cue):
            return "last_held"
        if cue.kind == "held_for" or (state and self._word_before(cue.first) in REMAINED):
            return "held_since"  # "remained under government control": held until a change the article may report
        # "سيطر على الطبقة منذ ..." (has held Tabqa since a date it does not read) is a state held since, too
        since = SINCE.search(self.norm_between(cue.stop, min(self.last, cue.stop + 6))) or (
            present and any(found.start > cue.stop and self._since(found) for found in self.dates))  # "ويسيطر ... منذ مايو"
        if (state or cue.kind == "capture") and date is None and since:
            return "held_since"
        return "hold" if present else cue.kind

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
        if denial is None:
            return places, set()  # an operation still under way, a correction: no side denies, the claim is untrue
        start = self.article.token_at(self.norm_start + denial.start())
        clause = CLAUSE_BREAK.split(self.norm_between(start, self.last))[0]
        clause_end = start + len(clause.split())
        return places, {a.slug for a in self.players if start <= a.first <= clause_end}


def _behind_lam(article, side, first):
    """Whether an Arabic side stands behind the preposition "ل" (of) in a noun phrase a preposition governs, on its
    own first word ("بعد قتال مع مجاميع مسلحة لداعش", after fighting with Daesh's armed groups) or on its forces'
    noun ("مع عناصر مسلحة لمسلحي التنظيم"): the whole phrase is the preposition's object, so its possessor is no
    subject, as a side right after "مع" is none."""
    norms = article.norms
    lam = side.first - 1 if side.first and norms[side.first - 1][1:] in ARABIC_FORCES else side.first
    word = norms[lam]
    if not word.startswith("ل") or (lam == side.first and article.gazetteer.match_form(word) not in (
            word[1:], "ال" + word[2:])):
        return False
    return any(w in NOT_SUBJECT for w in norms[max(first, lam - 3): lam - 1])


def _last_match_start(pattern, text, unless_after=None):
    """Where the last match of `pattern` in `text` starts, overlapping matches included, but none right after
    `unless_after`; -1 if none."""
    last, position = -1, 0
    while (match := pattern.search(text, position)) is not None:
        if unless_after is None or not unless_after.search(text, 0, match.start()):
            last = match.start()
        position = match.start() + 1
    return last
