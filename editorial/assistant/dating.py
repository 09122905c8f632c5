"""Which date expression of its sentence dates a phrase: the nearest one of the phrase's own clause.

Its own module because it is grammar, not date reading (dates finds and resolves the expressions): a date
belongs to the clause it stands in, so one across another phrase, a contrast, ", and" with a new subject, a
relative clause or a later clause ("after", "when") dates that clause, not the phrase; a span back from the news
("a month after", "بعد ستة اسابيع من") dates what follows it; a "since" date only starts a state said now.
"""
import bisect
import re

from .dates import ARABIC_PART_OF_MONTH
from .negations import NEGATION
from .rules import ARABIC_HOLDS, CONTRAST, OTHER_EVENT, RULES
from .tokens import is_arabic

ARABIC_RELATIVE = {"التي", "الذي", "الذين"}  # a date right after one and its verb ("التي بدأتها في") dates that clause
_COORDINATED = re.compile(r", and\b|، و")
_PART_OF_YEAR = re.compile(ARABIC_PART_OF_MONTH)  # "منتصف", "مطلع", "اواخر": the middle, start, end of
_TIMES_OF_DAY = ("صباح", "مساء", "فجر", "ظهر", "ليل", "ليله")  # morning, evening, dawn, noon, night
# a clause of its own, after a state or an attempt, with its own date ("بعد ظهر", afternoon, is a time of day)
_LATER_CLAUSE = re.compile(r"\b(?:after|before|when|until)\b|(?<!\S)(?:بعد(?! ظهر)|عقب|عندما|حين)(?!\S)")
# A superlative or "first" before "since": the date is the last event of its kind ("the biggest attack since May")
_FIRST_OF_ITS_KIND = re.compile(r"\b(?:first|biggest|largest|worst|heaviest|deadliest|fiercest|strongest|greatest)\b")
# A span back from the news to what follows it: "a month after", "بعد اكثر من اربعه اشهر من".
_SPAN_AFTER = re.compile(r"\bafter$|^بعد .* من$")
_OUTCOME = re.compile(r"\b(?:managed|succeeded|was able|were able)\b|(?<!\S)[وف](?:تمكن|تمكنت|نجح|نجحت|استطاع|استطاعت)(?!\S)")
# "منذ انطلاق العمليات العسكرية في" (since the launch of the operations on): a date after it is the launch's; the
# phrase before tells what was done in the span up to the news
_SINCE_LAUNCH = re.compile(r"(?<!\S)(?:منذ|مع) (?:ال)?(?:انطلاق|انطلاقه|بدء|بدايه|اطلاق)(?: \S+){0,6}?(?: في| يوم)?$")
# a verb of launching with its object pronoun right after an indefinite noun ("بعد هجوم عنيف بدأته", after a fierce
# attack it began): a relative clause with no "التي", whose date is the attack's
_LAUNCHED = re.compile(r"^و?(?:بدا|شن|اطلق)(?:ت|وا)?(?:ه|ها|وه|وها)$")
# "كما فعل مع" (as it did with): a comparison with another event, whose date a date after it is
_COMPARED = re.compile(r"(?<!\S)كما (?:فعل|فعلت|فعلوا|حدث|حصل|جري)(?!\S)")
# "ثم" (then) opens the next step of a sequence: "سيطر داعش عليها في 2015، ثم استعادها الجيش في مارس 2016"
_THEN = re.compile(r"\bthen\b|(?<!\S)ثم(?!\S)")
# after "التي", words ending as a feminine past verb that tell a state, not an event: copulas, and "تحت" (under)
_NOT_EVENTS = {"كانت", "باتت", "اصبحت", "ظلت", "بقيت", "صارت", "مازالت", "لازالت", "ليست", "تحت"}
# A date closing a report's title: "November 20, 2017:", "20 November 2017:"
_TITLE_DATE = re.compile(r"(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})\s*:")
_RELATIVE_PRONOUNS = {"which", "who", "whom", "whose", "where"}  # an English relative clause has its own date
# What may stand between "has"/"have" and a verb of taking in the present perfect ("have now fully retaken").
_PERFECT_ADVERBS = {"now", "fully", "completely", "entirely", "finally", "already", "just", "largely", "also", "been"}
# phrases of a state, not a change
_SIEGE_BROKEN = next(pattern for kind, pattern, _ in RULES if kind == "siege_broken")  # "broke the siege", "relieved"
# phrases of a change at a moment, which a "since" date after them only bounds
_CHANGES = {"capture", "passive", "expelled", "noun", "entered", "forced_out"}
STATE_KINDS = {"hold", "held_adj", "under_control", "under_control_of", "in_control", "stronghold", "held_for"}


class PhraseDating:
    """Which date expression of its sentence dates a phrase (a mixin of Sentence: its dates, cues and words)."""

    def date(self, cue):
        """The nearest date expression of the phrase's own clause: none with another phrase between, and none for a
        state held since it ("still held by IS since 2014": held when it is said)."""
        found = self._nearest(cue)
        return None if found is not None and self._held_since(cue, found) else found

    def since_start(self, cue):
        """The date an English state in the present perfect began, when "since" gives it ("has been held by ISIL since
        May", "has been under IS control since July of 2014"): the article tells both the start and the state now."""
        # "Since July of 2014, the village has been under IS control": a "since" opening the sentence starts its state
        opening = next((d for d in self.dates if d.start <= self.first + 1 and self._since(d)), None)
        found = self._nearest(cue) or opening
        if found is None or cue.kind not in STATE_KINDS or is_arabic(cue.text) or not self._since(found) or (
                found.precision == "year"):
            return None  # "held by IS since 2014": a year bounds the start, seldom the date the editor records
        return found if self._held_since(cue, found) else None

    def _nearest(self, cue):
        """The nearest date expression of the phrase's own clause, whatever the phrase is."""
        # Only the nearest date on either side can qualify: a phrase between blocks the farther ones too.
        position = bisect.bisect_left(self.date_starts, cue.first)
        best = None
        for found in self.dates[max(0, position - 1): position + 1]:
            low, high = sorted((found.start, cue.first))
            between = bisect.bisect_left(self.date_blocks, high) - bisect.bisect_right(self.date_blocks, low)
            if between and found.start < cue.first and self._verb_before(cue):
                between -= 1  # "واستعاد السيطره علي": the verb and its "control over" are one phrase
            if between and found.start < cue.first and self._simultaneous(cue):
                between = 0  # "On Thursday, the army declared victory as it liberated Albu Kamal": one moment
            if between and found.start < cue.first and self._outcome_of_attempt(found, cue):
                between = 0  # "attacked yesterday to retake Jalawla, and managed to take most of it": its outcome
            if between or OTHER_EVENT.search(self.norm_between(low, high)) or CONTRAST.search(self.norm_between(low, high)):
                continue
            # (up to the phrase's own first word, whose clitic "و" may join it: "الجمعة من قبضة داعش، وسيطر")
            if found.start < cue.first and _COORDINATED.search(self.raw_between(found.start, cue.first + 1)) and not (
                    found.start > self.first and "," in self.raw_between(found.start - 1, found.start + 1)
                    and not self.subject_from(found.start + 1, cue.first - 1)) and not _OUTCOME.search(
                    self.norm_between(found.start, cue.first)):
                # "overran Mosul in 2014, and captured Ramadi": the clause before's; ", on Friday, and took": both's;
                # "took Mosul, in July, and Syrian forces retook Mayadeen": a new subject opens a clause of its own;
                # "attacked in August, and managed to take Zumar" ("وتمكن من"): the outcome of that clause, at its time
                continue
            if found.start < cue.first and _THEN.search(self.norm_between(found.start, cue.first)) and any(
                    self.first <= block < found.start for block in self.date_blocks):
                # "held by IS in 2015, then retaken by the army in March 2016": the date ends the step before, whose
                # phrase it follows ("on Friday, the army entered, then took it" dates both)
                continue
            if found.start < cue.first and self._in_aside(found, cue):
                continue  # "Mosul, captured by IS in June 2014, was retaken on Friday": the capture's date
            if found.start < cue.first and self._title_date(found):
                continue  # "Syrian War Report – November 20, 2017: Troops Liberated Al-Bukamal": the day
            if found.start < cue.first and found.text.startswith("for "):
                continue  # "Baiji, which had been out of control for months, lies on the road to IS-held Mosul": how long
                # the state before it lasted
            if found.text.startswith("since ") and _FIRST_OF_ITS_KIND.search(
                    self.norm_between(max(self.first, found.start - 5), found.start)):
                continue  # "taken in the militants' first major offensive since May": May was the one before
            if found.start > cue.stop and cue.kind in _CHANGES and self._since(found) and not is_arabic(found.text):
                continue  # "the fourth town to fall to IS since Friday": it fell within the span, not on its first day
            if found.start > cue.first and _SPAN_AFTER.search(found.text):
                continue  # "took Kobani, after more than four months of fighting": it dates what follows "after"
            if found.text.startswith("بعد") and cue.kind in STATE_KINDS | {"contested", "siege", "divided", "percent"}:
                continue  # "بعد ستة ايام من بدء القتال": dates the change it names, not fighting or a state
            if found.start < cue.first and self._since(found) and re.search(r"[,،]", self.raw_between(found.start, cue.first)):
                continue  # "التي يسيطر عليها داعش منذ يونيو 2014، فقد اعلنت ... تحرير": the span of the clause before
            if found.start < cue.first and ARABIC_RELATIVE.intersection(
                    self.article.norms[max(found.start + 1, cue.first - 3): cue.first]):
                continue  # "اندلعت الاشتباكات الاربعاء ... على عين عيسى، التي تسيطر عليها قسد": the main clause's date
            if found.start < cue.first and self._in_arabic_relative_clause(found):
                continue  # "حملتها التي بدأتها في 26 من الشهر الماضي ... ودخلت": the relative clause's date, not the entry's
            if found.start > cue.stop and self._in_arabic_relative_clause(found, cue.stop, own_verb=True):
                # "سيطرته على دابق ... عملية درع الفرات التي بدأتها تركيا قبل نحو شهرين": the operation's start ("التي
                # كانت خاضعة لسيطرة الاكراد امس" has no verb of its own: the date is the main clause's)
                continue
            if found.start > cue.stop and self._after_launch(cue.stop, found):
                continue  # "سيطرت على الشدادي بعد هجوم عنيف بدأته فجر الاربعاء": the attack began then, not the capture
            if found.start > cue.stop and self._since(found) and self._after_arabic_relative(cue.stop, found):
                continue  # "انسحبت من قرقوش والتى كانت تخضع لسيطرة القوات الكردية منذ 2003": the state's start
            if found.start > cue.stop and self._in_relative_clause(max(self.first, cue.first - 4), cue.first) and "," in \
                    self.raw_between(cue.stop - 1, found.start + 1):
                continue  # "Baiji, which has been freed by the army, a source said on Sunday": the main clause's date
            if found.start > cue.stop and self._in_relative_clause(cue.stop, found.start):
                continue  # "recaptured Rutba after fighters who had occupied it for two years": that clause's date
            if found.start > cue.stop and cue.kind in STATE_KINDS | {"attempt"} and _LATER_CLAUSE.search(
                    self.norm_between(cue.stop, found.start)):
                continue  # "IS-held territory after victory was declared in July": the state (or the attempt under way)
                # is the news's
            if found.start > cue.stop and _SINCE_LAUNCH.search(self.norm_between(cue.stop, found.start)):
                continue  # "استعادت ثلث المدينة منذ انطلاق العمليات في 19 شباط": the launch's date, not the change's
            if found.start > cue.stop and _COMPARED.search(self.norm_between(cue.stop, found.start)):
                continue  # "تم السيطرة على الرطبة كما فعل مع كركوك يوم الجمعة": Friday was Kirkuk's
            if found.start > cue.stop and self._arabic_since(found):
                found = self._span_end(found) or found  # "امتدت منذ مساء امس حتى صباح اليوم": done when the span ends
            key = (abs(found.start - cue.first), found.start < cue.first)
            if best is None or key < best[0]:
                best = (key, found)
        return best[1] if best else None

    def _title_date(self, found):
        """Whether a date names a report in the article's first line, a colon after it ("Syrian War Report – November
        20, 2017: ..."): the day of the issue, which reports what happened before it."""
        start = self.article.tokens[found.start].start
        line = self.article.text[start:].split("\n", 1)[0]
        return "\n" not in self.article.text[:start] and bool(_TITLE_DATE.match(line))

    def _held_since(self, cue, found):
        """Whether a state is said to hold now from the date on ("still held by IS since 2014", "under IS control
        since mid-2014", "يسيطر عليها داعش منذ 2014", "has been under IS control for two years"): 2014 only its start
        ("had held", "had been under IS control", "كان يسيطر": a past state)."""
        # a siege is a state too: "يحاصرها التنظيم منذ شهرين" (it has besieged it for two months) still holds, and so
        # does "يسيطر" or "يبسط سيطرته" (holds, extends its control); "فكت الحصار المفروض منذ أغسطس" (broke the siege
        # imposed since August) dates the siege's start, not its break
        state = (cue.kind in STATE_KINDS | {"siege", "siege_broken"} or ARABIC_HOLDS.match(cue.text)
                 or self.holds_now(cue))
        before = self.article.norms[max(self.first, cue.first - 2): cue.first]
        return bool(state and (self._since(found) or self._lasted_until_now(cue, found)) and before[-1:] not in (
            ["had"], ["كان"], ["كانت"]) and before != ["had", "been"])

    def listed_date(self, cue, place, targets):
        """The date right after a place a phrase lists after another, before the next one ("declared victory in Mosul
        in July and in Tal Afar the following month"): each place of the list takes its own, past the phrase's."""
        following = [t.first for t in targets if t.first > place.first]
        if place is targets[0] or place.first < cue.first:
            return None
        stop = min([place.stop + 4, *following])
        return next((d for d in self.dates if place.stop <= d.start < stop), None)

    def _simultaneous(self, cue):
        """Whether "as" opens the phrase's clause right before it ("as it liberated", "as troops retook"): it happens
        at the time of the clause before."""
        norms = self.article.norms
        return any(norms[index] == "as" for index in range(max(self.first, cue.first - 3), cue.first)) and not any(
            norms[index] in ("well", "such", "soon") for index in range(max(self.first, cue.first - 4), cue.first))

    def _outcome_of_attempt(self, found, cue):
        """Whether only attempts or entries stand between a date and the phrase, which tells their outcome ("شنت فجر امس
        هجوما لاستعادة السيطرة على جلولاء، وتمكنت من السيطرة على اغلب مناطقها", "اقتحمت صباح اليوم البلدة، وتمكنت من فرض
        السيطرة عليها"): it happened in the time of the attempt or the storming."""
        attempts = [c for c in self.cues if found.start < c.first < cue.first and c.first in self.date_blocks]
        return bool(attempts) and all(c.kind in ("attempt", "entered") for c in attempts) and bool(
            _OUTCOME.search(self.norm_between(attempts[-1].stop, cue.first)))

    def _in_aside(self, found, cue):
        """Whether a date before the phrase stands, past a comma, in a phrase of its own that commas set off."""
        raw = self.raw_between
        return "," in raw(found.start, cue.first + 1) and any(
            self.first < other.first and other.stop <= found.start and "," not in raw(other.first, found.start)
            and "," in raw(other.first - 1, other.first + 1) for other in self.cues if other is not cue)

    def _since(self, found):
        """Whether a date expression starts a span: "since 2014", or "since" before it ("since mid-2014"), or before
        the part of it or the event that "of" or "in" opens ("since the middle of 2014", "since the group's emergence
        in 2014") or an Arabic part of the year ("منذ منتصف عام 2014", since the middle of 2014)."""
        words = self.article.norms[max(self.first, found.start - 5): found.start]
        since = found.start - len(words) + words.index("since") if "since" in words[:-1] else None
        if since is not None and found.text.startswith(("of ", "in ")) and not re.search(
                r"[,;(—–-]", self.raw_between(since, found.start)) and not any(
                since < c.first < found.start for c in self.cues):
            # "since the middle of 2014", "since the early days of 2014", "since the group's emergence in 2014"; not a
            # clause of its own ("since the group took Palmyra in May" dates the taking)
            return True
        if words[-2:-1] == ["منذ"] and _PART_OF_YEAR.fullmatch(words[-1] + " "):
            return True
        return found.text.lower().startswith(("since", "منذ")) or self._word_before(found.start) in ("since", "منذ")

    def _arabic_since(self, found):
        """Whether "منذ" (since) opens an Arabic date, perhaps with a time of day between ("منذ مساء امس")."""
        words = self.article.norms[max(self.first, found.start - 2): found.start]
        return words[-1:] == ["منذ"] or (len(words) == 2 and words[0] == "منذ" and words[1] in _TIMES_OF_DAY)

    def _span_end(self, found):
        """The date right after "حتى" (until), perhaps with a time of day, that closes the span a date after "منذ"
        (since) opens, or None."""
        stop = found.start + len(found.text.split())
        return next((d for d in self.dates if d.start > found.start and self.article.norms[stop: d.start] in (
            ["حتي"], *(["حتي", time] for time in _TIMES_OF_DAY))), None)

    def present_result(self, cue):
        """Whether an English change is told in the present perfect ("Syrian rebels have reclaimed Jarablus", "Hit has
        been liberated"): its result holds when it is said, as "now" tells, not a past event of unknown date."""
        norms = self.article.norms
        if norms[cue.first] in ("has", "have"):
            return True  # the passive phrase: "has been retaken"
        for index in range(cue.first - 1, max(self.first, cue.first - 4) - 1, -1):
            if norms[index] in ("has", "have"):
                return True
            if norms[index] not in _PERFECT_ADVERBS:
                return False
        return False

    def _lasted_until_now(self, cue, found):
        """Whether a counted duration after a hold in the present perfect tells how long it has lasted ("has been under
        IS control for two years"), not when a past hold began ("held it for two years"). A vague one ("for days") is
        read about a month either side of its start, which covers the present already; a siege "for two months" is
        dated by its span in a story of its break ("has been besieged for two months" as the news ends it), and holds
        now in one that breaks no siege, or only fights to ("battles to lift the siege")."""
        norms = self.article.norms
        counted = re.match(r"for (?!(?:day|week|month)s\b)", found.text)
        text = " ".join(norms)
        # a break fought for ("battles to lift the siege") has not ended it: the siege holds now
        broken = cue.kind == "siege" and any(
            not NEGATION.search(" ".join(text[:found.start()].split()[-6:])) for found in _SIEGE_BROKEN.finditer(text))
        return not broken and found.start > cue.first and counted is not None and any(
            norms[index] in ("has", "have") for index in range(max(self.first, cue.first - 3), cue.first + 1))

    def _in_arabic_relative_clause(self, found, opened_after=0, own_verb=False):
        """Whether an Arabic date stands in a relative clause opened at most eight words before it (and not before
        token `opened_after`), with no comma; with `own_verb`, one whose verb takes the noun as its object right
        after the pronoun ("التي بدأتها", which it began)."""
        for index in range(found.start - 1, max(self.first, opened_after, found.start - 8) - 1, -1):
            if self.article.norms[index] in ARABIC_RELATIVE:
                if own_verb and not (self._takes_object(index + 1) or self._feminine_perfect(index)):
                    return False
                tokens = self.article.tokens
                return not re.search(r"[,،]", self.article.text[tokens[index].start: tokens[found.start].start])
        return False

    def _after_arabic_relative(self, first, found):
        """Whether an Arabic relative pronoun, perhaps joined by "و" ("والتي"), stands between token `first` and a date
        with no comma: the date is the relative clause's."""
        norms, tokens, text = self.article.norms, self.article.tokens, self.article.text
        return any(norms[index].removeprefix("و") in ARABIC_RELATIVE
                   and not re.search(r"[,،]", text[tokens[index].start: tokens[found.start].start])
                   for index in range(first, found.start))

    def _feminine_perfect(self, index):
        """Whether "التي" at token `index` opens a clause with a past verb of its own ("التي سقطت", which fell; "التي
        شهدت", which saw): it tells its own event, unlike a state after a copula ("التي كانت خاضعة", which was subject
        to)."""
        norms = self.article.norms
        verb = norms[index + 1] if index + 1 < len(norms) else ""
        return norms[index] == "التي" and len(verb) > 2 and verb.endswith("ت") and verb not in _NOT_EVENTS

    def _after_launch(self, opened_after, found):
        """Whether an Arabic date follows, within three words and no comma, a verb of launching that takes an
        indefinite noun before it as its object ("هجوم بدأته فجر الاربعاء", an attack it began at dawn on Wednesday)."""
        norms, tokens = self.article.norms, self.article.tokens
        for index in range(found.start - 1, max(self.first, opened_after, found.start - 3) - 1, -1):
            if _LAUNCHED.match(norms[index]) and not norms[index - 1].startswith("ال"):
                return not re.search(r"[,،]", self.article.text[tokens[index].start: tokens[found.start].start])
        return False

    def _takes_object(self, index):
        """Whether the relative clause's verb at token `index` has the noun as its object: "بدأتها" (which it began), or
        after "كان" an imperfect verb with its pronoun ("الذي كان يفرضه", which it was imposing)."""
        norms = self.article.norms
        if norms[index] in ("كان", "كانت") and index + 1 < len(norms):
            return norms[index + 1].startswith(("ي", "ت")) and norms[index + 1].endswith(("ه", "ها", "هم"))
        return norms[index].endswith(("ها", "هم"))

    def _in_relative_clause(self, start, token):
        """Whether token `token` stands in an English relative clause opened after token `start` and not closed
        by a comma before it ("the SDF, which fights IS, on Friday": Friday is the main clause's)."""
        opened = [i for i in range(start, token) if self.article.norms[i] in _RELATIVE_PRONOUNS]
        tokens = self.article.tokens
        return bool(opened) and "," not in self.article.text[tokens[opened[-1]].start: tokens[token].start]

    def _verb_before(self, cue):
        """Whether a verb phrase ends right before this one ("استعاد" before "السيطره علي")."""
        position = bisect.bisect_left(self.cue_firsts, cue.first)
        return position > 0 and cue.first - self.cues[position - 1].stop <= 0 and self.cues[position - 1].kind == "capture"
