"""The article assistant: reads a news article and proposes draft claims of control.

Rule-based and pure (no database, no network) except `load_gazetteer`, which reads the place
names and actor aliases the rules match. An editor checks every proposal; the assistant only saves
typing and points at the supporting sentence, so it prefers missing a claim to inventing one:

- places are found by any name or alias, ignoring case, diacritics and punctuation (Arabic too),
  except in a dateline ("Damascus:") or as the name of a province ("the province of Deir el-Zour");
- actors by their aliases; "the army", "government forces", "the military" mean the state force
  most recently named, since an article about Iraq means Iraq's;
- a control phrase ("liberated", "in full control of", "chasing IS remnants inside", "broke the
  siege of", "racing to take") decides the status, its subject the holder, and a date expression
  of the same sentence ("on Friday", "in September", "for nearly three years") the date, resolved
  against the publication date;
- negations ("failed to capture") drop a proposal, hedges ("claimed", "reportedly") lower its
  confidence, and a later denial in the article lowers the proposals it denies.

It reads at most MAX_ARTICLE_BYTES (longer text raises ArticleTooLong, whoever calls it), and every
step is linear in the text: lookups by position are binary searches over lists built once, the phrase
rules read one sentence at a time, and a run of words with no sentence end is read in windows.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import NamedTuple

from geo.dates import iso_with_precision
from geo.text import normalize_name

CONTROLLED, CONTESTED, BESIEGED = "controlled", "contested", "besieged"
# The most the assistant reads, in bytes of UTF-8 (what a pasted article weighs on the wire and in the
# database); up to this size every input is analysed in well under a second.
MAX_ARTICLE_BYTES = 100_000
# A run of words with no sentence end is read in windows of this many tokens (the longest sentence of
# the real articles in tests/articles has 57): no rule looks further than its sentence.
MAX_SENTENCE_TOKENS = 150
GOVERNMENT = "@government"  # "the army", "government forces": the state force named last

# Names sources use for the seed's actors, on top of the aliases stored in the database.
DEFAULT_ALIASES = {
    "islamic-state": ["Islamic State", "Islamic State group", "IS", "ISIS", "ISIL", "Daesh", "Da'esh", "IS fighters",
                      "IS militants", "ISIS militants", "the militant group", "the extremist group", "the jihadist group",
                      "داعش", "تنظيم الدولة", "تنظيم داعش"],
    "syrian-government": ["Syrian army", "Syrian Arab Army", "SAA", "Syrian government", "Syrian government forces",
                          "Syrian troops", "Syrian soldiers", "pro-government gunmen", "regime forces", "Assad's forces",
                          "الجيش السوري", "الجيش العربي السوري", "القوات الحكومية السورية"],
    "sdf": ["SDF", "Syrian Democratic Forces", "Kurdish-led Syrian forces", "Kurdish-led forces", "US-backed forces",
            "Kurdish fighters", "قسد", "قوات سوريا الديمقراطية"],
    "iraqi-government": ["Iraqi forces", "Iraqi security forces", "Iraqi army", "Iraqi troops", "Iraqi government",
                         "Counter-Terrorism Service", "الجيش العراقي", "القوات العراقية"],
    "popular-mobilization-forces": ["Popular Mobilization Forces", "Popular Mobilisation Forces", "PMF", "Hashd al-Shaabi",
                                    "Shiite militiamen", "Shiite militias", "الحشد الشعبي"],
    "syrian-rebels": ["Syrian rebels", "rebels", "rebel fighters", "opposition fighters", "Free Syrian Army", "FSA",
                      "Nusra Front", "al-Nusra", "المعارضة"],
    "russia": ["Russia", "Russian", "Russian forces"],
    "iran": ["Iran", "Iranian"],
    "united-states": ["United States", "US", "U.S.", "American", "Americans"],
}
# Words that name "the government side" of whichever country the article is about.
GOVERNMENT_WORDS = ["government", "government forces", "pro-government forces", "pro-government allies", "army",
                    "army units", "the military", "military", "troops", "regime", "soldiers", "الجيش", "القوات الحكومية"]
CITY_KINDS = {"city", "town", "village", "base", "airport", "oil_field", "dam", "border_crossing"}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3}
MONTH_NAMES = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTH_NAMES.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTH_NAMES["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
WEEKDAYS.update({"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6})


# Tokens, mentions and spans are tuples: an article of 100 kB has tens of thousands of each, and a
# tuple is built, hashed and sorted in a fraction of a dataclass's time.
class Token(NamedTuple):
    text: str
    norm: str
    start: int
    end: int
    hyphen_before: bool  # joined to the previous token by "-" ("IS-held")


class Mention(NamedTuple):
    kind: str  # place or actor
    slug: str
    first: int  # token indexes, end exclusive
    stop: int
    start: int  # character offsets in the article
    end: int
    text: str
    role: str = ""  # actors: participant, backer; places: "" or "province" / "dateline" when ignored


class Span(NamedTuple):
    """A highlighted stretch of the article: place, actor, date, control, negation, hedge."""

    start: int
    end: int
    kind: str
    label: str


@dataclass(slots=True)
class Proposal:
    place: str
    status: str
    holder: str | None
    others: tuple[str, ...]
    date: dt.date
    precision: str
    quote: str
    confidence: float
    why: str
    claimant: str = ""
    quote_start: int = 0
    cue: str = ""

    @property
    def key(self):
        return (self.place, self.status, self.holder, self.others, self.date, self.precision)

    def as_json(self):
        return {
            "place": self.place, "status": self.status, "holder": self.holder, "others": list(self.others),
            "date": iso_with_precision(self.date, self.precision), "precision": self.precision, "quote": self.quote,
            "confidence": self.confidence, "why": self.why,
        }


@dataclass
class Analysis:
    proposals: list[Proposal]
    spans: list[Span]


@dataclass
class Gazetteer:
    """What the rules match: places (slug, name, kind, names) and actors (slug, name, kind, aliases)."""

    places: list[tuple[str, str, str, list[str]]]
    actors: list[tuple[str, str, str, list[str]]]
    place_names: dict[str, str] = field(init=False)  # compact normal form -> slug
    sorted_place_names: list[str] = field(init=False)
    place_kinds: dict[str, str] = field(init=False)
    actor_kinds: dict[str, str] = field(init=False)
    # First word -> (words, slug, exact text) of every alias starting with it, longest first.
    aliases_by_word: dict[str, list[tuple[tuple[str, ...], str, str | None]]] = field(init=False)
    generic_owner: dict[tuple[str, ...], str | None] = field(init=False)
    longest_place: int = field(init=False)

    def __post_init__(self):
        self.place_names, self.place_kinds = {}, {}
        self.longest_place = 1
        for slug, name, kind, names in self.places:
            self.place_kinds[slug] = kind
            for each in [name, *names]:
                normal = normalize_name(each)
                if normal:
                    self.place_names.setdefault(normal.replace(" ", ""), slug)
                    self.longest_place = max(self.longest_place, len(tokenize(each)))
        self.sorted_place_names = sorted(self.place_names)
        self.actor_kinds = {slug: kind for slug, _, kind, _ in self.actors}
        self.generic_owner = {}
        aliases = {}
        for slug, name, kind, names in self.actors:
            for alias in [name, *names, *DEFAULT_ALIASES.get(slug, [])]:
                words = tuple(t.norm for t in tokenize(alias))
                if words:
                    # Short capitals (IS, SDF, US) are matched as written: "is" and "us" are words.
                    exact = alias.replace(".", "") if alias.isupper() and len(alias.replace(".", "")) <= 3 else None
                    aliases.setdefault(words, (slug, exact))
        for alias in GOVERNMENT_WORDS:
            # Generic words follow the article's context; a stored alias only breaks a tie.
            words = tuple(t.norm for t in tokenize(alias))
            self.generic_owner[words] = aliases.get(words, (None, None))[0]
            aliases[words] = (GOVERNMENT, None)
        # Longest aliases first, so "Kurdish-led Syrian forces" wins over "Syrian forces"; indexed by the
        # first word, so each token is compared only with the aliases it can start.
        self.aliases_by_word = {}
        for words, (slug, exact) in sorted(aliases.items(), key=lambda alias: -len(alias[0])):
            self.aliases_by_word.setdefault(words[0], []).append((words, slug, exact))

    def starts_a_place_name(self, compact):
        position = bisect.bisect_left(self.sorted_place_names, compact)
        return position < len(self.sorted_place_names) and self.sorted_place_names[position].startswith(compact)

    def is_state_force(self, slug):
        return self.actor_kinds.get(slug) == "state_force" or slug.endswith("-government")


def load_gazetteer():
    """Read places and actors from the database (the only function here that does)."""
    from geo.models import Actor, Place

    places = [
        (p.slug, p.name, p.kind, [n.name for n in p.alternate_names.all()])
        for p in Place.objects.prefetch_related("alternate_names")
    ]
    actors = [(a.slug, a.name, a.kind, [a.short_name, *(x.name for x in a.aliases.all())])
              for a in Actor.objects.prefetch_related("aliases")]
    return Gazetteer(places, actors)


_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ARABIC_PREFIXES = ("وب", "وال", "ول", "فب", "و", "ف", "ب", "ل", "ك")
_ARABIC_PREFIX_STARTS = {prefix[:length] for prefix in _ARABIC_PREFIXES for length in range(1, len(prefix) + 1)}
_ARABIC = re.compile("[\u0600-\u06ff]")
_CLOSING = re.compile(r"[.!?؟\"'’”]*")
_SENTENCE_END = re.compile(r"\S*[.!?؟]")
_END_BEFORE_QUOTE = re.compile(r"[.!?؟]\s*[\"'’”–—-]?\s*$")
_PROVINCE_OF = re.compile(r"\b(province|governorate|region|countryside) of$")
_DATELINE_TAIL = re.compile(r"^\W{0,3}:|^\s*(?:,\s*[A-Z][\w ]{0,30})?\s*\([A-Za-z.]+\)|^\s*[—–]")
_CLAUSE_PUNCTUATION = re.compile(r"[,;()]")
_BACKED_BY = re.compile(r"\b(backed|supported|sponsored|armed|aided)\s+by\b|\bwith the (help|support|backing) of\b", re.I)


def tokenize(text):
    tokens, normal_forms = [], {}
    for match in _WORD.finditer(text):
        word, start = match.group(), match.start()
        norm = normal_forms.get(word)
        if norm is None:
            # ASCII letters and digits only change case; other words go through the full normalisation.
            norm = normal_forms[word] = word.lower() if word.isascii() else normalize_name(word)
        if not norm:
            continue
        hyphen = start > 0 and text[start - 1] == "-" and bool(tokens) and tokens[-1].end == start - 1
        for part in norm.split():  # a ligature or compatibility character may decompose into words
            tokens.append(Token(word, part, start, match.end(), hyphen))
    return tokens


def _is_arabic(word):
    return _ARABIC.search(word) is not None


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


class _Article:
    """The article as tokens, a normalised text for the phrase rules, sentences and mentions.

    Every lookup by position (sentence of a token, mentions of a sentence, the place before a token)
    is a binary search over lists built once, so no step rescans the article.
    """

    def __init__(self, text, gazetteer):
        self.text = text
        self.gazetteer = gazetteer
        self.tokens = tokenize(text)
        self.norms = [token.norm for token in self.tokens]
        parts, self.offsets = [], []
        position = 0
        for index, token in enumerate(self.tokens):
            if index:
                joiner = "-" if token.hyphen_before else " "
                parts.append(joiner)
                position += 1
            self.offsets.append(position)
            parts.append(token.norm)
            position += len(token.norm)
        self.norm = "".join(parts)
        self.sentences = self._sentences()
        self.sentence_starts = [first for first, _ in self.sentences]
        self.places = self._places()
        self.place_firsts = [m.first for m in self.places]
        self.actors = self._actors()
        self.actor_firsts = [m.first for m in self.actors]
        kinds = gazetteer.place_kinds
        self.antecedents = [m for m in self.places if not m.role and kinds.get(m.slug, "town") in CITY_KINDS]
        self.antecedent_firsts = [m.first for m in self.antecedents]

    # -- structure ---------------------------------------------------------------------------
    def _sentences(self):
        """(first token, last token) of each sentence; paragraphs and headings end sentences, and a
        sentence longer than MAX_SENTENCE_TOKENS is cut into windows of that length."""
        bounds = []
        first = 0
        for index, token in enumerate(self.tokens):
            following = self.text[token.end: self.tokens[index + 1].start] if index + 1 < len(self.tokens) else ""
            ends = following != " " and ("\n" in following or (
                _SENTENCE_END.match(following)
                and not (len(token.text) == 1 and token.text.isupper())  # U.S., initials
                and index + 1 < len(self.tokens)
                and (self.tokens[index + 1].text[:1].isupper() or not self.tokens[index + 1].text[:1].isalpha()
                     or _END_BEFORE_QUOTE.search(following.split("\n")[0]) is not None
                     and self.tokens[index + 1].text[:1].isupper())
            ))
            if ends or index + 1 == len(self.tokens) or index + 1 - first == MAX_SENTENCE_TOKENS:
                bounds.append((first, index + 1))
                first = index + 1
        return bounds

    def token_at(self, norm_offset):
        """The token index holding a character offset of the normalised text."""
        return max(0, bisect.bisect_right(self.offsets, norm_offset) - 1)

    def sentence_of(self, token_index):
        return bisect.bisect_right(self.sentence_starts, token_index) - 1

    def sentence_text(self, number):
        first, last = self.sentences[number]
        raw = self.text[self.tokens[first].start: self.tokens[last - 1].end]
        closing = _CLOSING.match(self.text, self.tokens[last - 1].end).group()
        return re.sub(r"\s+", " ", (raw + closing).replace("**", "")).strip()

    def places_in(self, first, stop):
        """Place mentions starting in tokens [first, stop)."""
        return self.places[bisect.bisect_left(self.place_firsts, first): bisect.bisect_left(self.place_firsts, stop)]

    def actors_in(self, first, stop):
        return self.actors[bisect.bisect_left(self.actor_firsts, first): bisect.bisect_left(self.actor_firsts, stop)]

    def antecedent(self, token):
        """The last town-like place named before token `token` (what "the city" refers to)."""
        position = bisect.bisect_left(self.antecedent_firsts, token)
        return self.antecedents[position - 1] if position else None

    # -- mentions ----------------------------------------------------------------------------
    def _places(self):
        """The longest place name spelled by the tokens from each position, written together
        ("deir" "el" "zour" spells "deirelzour"), with or without an Arabic clitic ("وال", "ب")."""
        gazetteer, norms, found = self.gazetteer, self.norms, []
        names, starts_a_name = gazetteer.place_names, gazetteer.starts_a_place_name
        width = gazetteer.longest_place + 2
        index = 0
        while index < len(norms):
            match, compact = None, ""
            for stop in range(index + 1, min(len(norms), index + width) + 1):
                compact += norms[stop - 1]
                candidates = [compact]
                if compact.startswith(_ARABIC_PREFIXES):
                    candidates += [compact[len(p):] for p in _ARABIC_PREFIXES if compact.startswith(p)]
                for candidate in candidates:
                    if candidate in names:
                        match = (names[candidate], stop)
                        break
                if not (compact in _ARABIC_PREFIX_STARTS or any(map(starts_a_name, candidates))):
                    break  # no name goes on from here
            if match:
                slug, stop = match
                found.append(self._mention("place", slug, index, stop, self._place_role(index, stop)))
                index = stop
            else:
                index += 1
        return found

    def _place_role(self, first, stop):
        before = " ".join(t.norm for t in self.tokens[max(0, first - 3): first])
        after = " ".join(t.norm for t in self.tokens[stop: stop + 1])
        if _PROVINCE_OF.search(before) or after in {"province", "governorate", "countryside"}:
            return "province"
        sentence = self.sentence_of(first)
        starts_sentence = self.sentences[sentence][0] == first
        tail = self.text[self.tokens[stop - 1].end: self.tokens[stop - 1].end + 40]
        written = self.text[self.tokens[first].start: self.tokens[stop - 1].end]
        if starts_sentence and (
            _DATELINE_TAIL.match(tail)
            or (written.isupper() and tail.startswith(","))
        ):
            return "dateline"
        return ""

    def _actors(self):
        """Actor mentions, the longest alias first; a generic word ("the army") means the state force
        named last, or else the next one named."""
        found, government = [], None
        index = 0
        while index < len(self.tokens):
            stop = index + 1
            if self.norms[index] not in self.gazetteer.aliases_by_word:
                index = stop
                continue
            for words, slug, _ in self._aliases_at(index):
                if slug == GOVERNMENT:
                    slug = government or self._next_government(index + len(words)) or self.gazetteer.generic_owner.get(words)
                    if slug is None:
                        continue
                stop = index + len(words)
                found.append(self._mention("actor", slug, index, stop, self._actor_role(index, stop)))
                if self.gazetteer.is_state_force(slug):
                    government = slug
                break
            index = stop
        return found

    def _aliases_at(self, index):
        """The aliases written from token `index` on, longest first."""
        for words, slug, exact in self.gazetteer.aliases_by_word.get(self.norms[index], ()):
            stop = index + len(words)
            if tuple(self.norms[index:stop]) == words and (exact is None or self._written(index, stop) == exact):
                yield words, slug, exact

    def _written(self, first, stop):
        """The tokens' text as written, without what separates them ("U.S." -> "US")."""
        return self.tokens[first].text if stop == first + 1 else "".join(t.text for t in self.tokens[first:stop])

    @functools.cached_property
    def _state_forces_named(self):
        """(token index, slug) of each state force named by its own alias, in order."""
        named = []
        for start in range(len(self.tokens)):
            slug = next((s for _, s, _ in self._aliases_at(start) if s != GOVERNMENT and self.gazetteer.is_state_force(s)), None)
            if slug:
                named.append((start, slug))
        return named

    def _next_government(self, index):
        """The first state force named from token `index` on, when none was named before it."""
        position = bisect.bisect_left(self._state_forces_named, (index,))
        return self._state_forces_named[position][1] if position < len(self._state_forces_named) else None

    def _actor_role(self, first, stop):
        after = self.tokens[stop] if stop < len(self.tokens) else None
        if after is not None and after.hyphen_before and after.norm in {"backed", "sponsored", "supported"}:
            return "backer"
        sentence_start = self.sentences[self.sentence_of(first)][0] if self.sentences else 0
        clause = self.text[self.tokens[max(sentence_start, first - 8)].start: self.tokens[first].start]
        clause = _CLAUSE_PUNCTUATION.split(clause)[-1]
        if _BACKED_BY.search(clause):
            return "backer"
        return "participant"

    def _mention(self, kind, slug, first, stop, role):
        start, end = self.tokens[first].start, self.tokens[stop - 1].end
        return Mention(kind, slug, first, stop, start, end, self.text[start:end], role)

    def norm_span(self, first, stop):
        return self.offsets[first], self.offsets[stop - 1] + len(self.tokens[stop - 1].norm)


# -- phrase rules (over the normalised text: lower case, no diacritics, "-" kept inside words) --
_CAPTURE = (r"liberat(?:ed|es|e|ing)|captur(?:ed|es|e|ing)|recaptur(?:ed|es|e|ing)|retook|retak(?:e|es|en|ing)|"
            r"seiz(?:ed|es|e|ing)|overr?an|overrun|took (?:full |complete |total )?control of|"
            r"tak(?:e|es|en|ing) (?:full |complete |total )?control of|took over|tak(?:e|es|en|ing) over|"
            r"took|taken|stormed|regained (?:control of)?|wrested (?:control of)?|drove \S+ out of|"
            r"drove out|expelled \S+ from|ousted \S+ from|cleared|"
            r"[وف]?(?:حرر\S*|تحرير|استعاد\S*|سيطر\S*|السيطره (?:الكامله )?على)")
RULES = [
    # kind, pattern, direction (where the place is: after / before the phrase)
    ("siege_broken", r"\b(?:broke|broken|breaking|break|breaks|lifted|lifting|lift|ended|ending|end|broke through)"
                     r" (?:\S+ ){0,4}?siege\b|(?:فك|كسر|فكت|كسرت|فك)\S* (?:ال)?حصار", "after"),
    ("attempt", r"\b(?:racing|race|races|raced|fight|fighting|battle|battling|push|pushing|pushed|bid|trying|tried|"
                r"attempt|attempting|attempted|aim|aiming|aims|seeking|seek|seeks|moving|offensive|drive|campaign|"
                r"operation|preparing|prepare|vowed|vow|plan|plans|planning|poised|expected) to (?:take|capture|"
                r"retake|recapture|seize|liberate|free|storm|enter)(?: control of)?\b|"
                r"\badvanc(?:e|ed|es|ing) (?:on|toward|towards|into|against)\b|\bclosing in on\b|"
                r"\boffensive (?:on|against|toward|towards)\b|\bmarch(?:ed|ing)? on\b|\bedg(?:e|ed|ing) closer to\b", "after"),
    ("contested", r"\b(?:chas(?:ing|ed|e) (?:\S+ ){0,3}?remnants|remnants|fighting|clashes|clashing|clashed|battles?|"
                  r"street fighting|street battles|pockets of resistance|holdouts) (?:inside|in|within)\b|"
                  r"اشتباكات|معارك (?:داخل|في)", "after"),
    ("divided", r"\b(?:divided|split) (?:between|into|among)\b|\b(?:is|are|was|were|remains|remained|still) contested\b|"
                r"\bcontested between\b|مقسم\S*", "before"),
    ("siege", r"\b(?:under siege|besieged by|encircled by|surrounded by)\b", "before"),
    ("siege", r"\b(?:siege of|besieg(?:ed|es|e|ing)|encircl(?:ed|es|e|ing)|surround(?:ed|s|ing)|encirclement of)\b|"
              r"حصار|محاصر\S*", "after"),
    ("passive", r"\b(?:was|were|been|being|is|are|has been|have been|had been) (?:fully |completely |now )?"
                r"(?:liberated|captured|recaptured|retaken|seized|overrun|taken|freed|cleared)\b|\bfell to\b|\bfalls to\b|"
                r"\bfallen to\b", "before"),
    ("under_control", r"\b(?:under (?:the )?(?:full |complete |total )?control of|in the hands of|remains? in the hands of)\b", "before"),
    ("under_control_of", r"\bunder (?:\S+ ){1,3}?control\b|\bremains? in (?:\S+ ){1,3}?hands\b", "before"),
    # From the start of a word only: one try per word, not one per character of a long hyphenated chain.
    ("held_adj", r"(?<!\S)\S+-(?:held|controlled|occupied)\b", "after"),
    ("hold", r"\b(?:in (?:full |complete |total |effective )?control of|controls|controlled|holds|held|holding|"
             r"hold|retains|kept control of|keeps control of|remains? in control of)\b", "after"),
    ("capture", r"\b(?:" + _CAPTURE + r")\b", "after"),
]
RULES = [(kind, re.compile(pattern), direction) for kind, pattern, direction in RULES]
ANY_RULE = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern, _ in RULES))  # skips most sentences at once
NEGATION = re.compile(r"\b(?:failed to|fail to|fails to|did not|didnt|does not|doesnt|has not|have not|had not|hasnt|"
                      r"havent|not|never|no longer|unable to|repelled|repulsed|thwarted|foiled|beat back|beaten back|"
                      r"denied|denies|deny|denying|rejected claims|dismissed claims|لم|فشل\S*|نفى|نفت)\b")
DENIAL = re.compile(r"\b(?:denied|denies|deny|denying|dismissed|rejected (?:the )?claims?|false|untrue|نفى|نفت)\b")
HEDGE = re.compile(r"\b(?:claimed|claims|claiming|reportedly|allegedly|purportedly|unconfirmed|unverified|rumou?red|"
                   r"said to have|believed to|appears? to|appeared to|may have|might have|could not be (?:independently )?verified|"
                   r"زعم\S*|بحسب)\b")
ATTRIBUTION = re.compile(r"\b(?:denied|denies|said|says|announced|announces|statement|told|reported|reports|declared|declares|"
                         r"according to|quoted|اعلن\S*|قال\S*|ذكر\S*)\b")
ENDED = re.compile(r"\b(?:before (?:\S+ ){0,3}?(?:were|was|had been|being) (?:liberated|captured|retaken|taken|freed)|"
                   r"before (?:\S+ ){0,3}?fell|until|formerly|previously|once|former)\b")
NOW = re.compile(r"\b(?:now|today|this morning)\b")
PASSIVE_AUX = {"was", "were", "be", "been", "being", "is", "are"}
CLAUSE_BREAK = re.compile(r"\b(?:said|says|but|while|however|whereas|although|though)\b")
ANAPHOR = re.compile(r"\bthe (?:city|town|village|area|border town|provincial capital)s?\b(?! of)|\bits (?:part of )?the city\b|"
                     r"\bof their part of the city\b")

# -- dates ------------------------------------------------------------------------------------
_NUM = r"(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)"
DATE_RULES = [
    ("iso", re.compile(r"\b(\d{4}) (\d{2}) (\d{2})\b")),
    ("day_month", re.compile(r"\b(\d{1,2}) (" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r")(?: (\d{4}))?\b")),
    ("month_day", re.compile(r"\b(" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r") (\d{1,2})(?: (\d{4}))?\b(?! \d)")),
    ("month", re.compile(r"\b(?:in|since|by|during|early|late|mid|until|of|from) (?:early |late |mid )?("
                         + "|".join(sorted((m for m in MONTH_NAMES if len(m) > 3 or m == "may"), key=len, reverse=True))
                         + r")(?: (\d{4}))?\b")),
    ("duration", re.compile(r"\b(nearly|almost|about|around|some|more than|over|roughly|close to|at least|less than)? ?"
                            + _NUM + r" (day|week|month|year)s?(?: ago| earlier)?\b(?!-)")),
    ("last", re.compile(r"\b(last|this|earlier this|late last|early last|earlier in the|past) (week|month|year)\b")),
    ("weekday", re.compile(r"\b(?:on |last |يوم )?(" + "|".join(WEEKDAYS) + r")\b")),
    ("relative_day", re.compile(r"\b(today|yesterday|tonight|this morning|this afternoon|this evening|on the same day)\b")),
    ("year", re.compile(r"\b(?:in|since|by|during|early|late|mid|until|from|of) (\d{4})\b")),
]


ANY_DATE = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in DATE_RULES))


@dataclass(frozen=True, slots=True)
class DateFound:
    date: dt.date
    precision: str
    start: int  # token index
    text: str


def _add_months(day, months):
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _latest_month(month, published):
    return dt.date(published.year if month <= published.month else published.year - 1, month, 1)


def resolve_date(kind, groups, published):
    """The (date, precision) a date expression means, read on the publication day; None if it means none."""
    if kind == "iso":
        return dt.date(int(groups[0]), int(groups[1]), int(groups[2])), "day"
    if kind in ("day_month", "month_day"):
        day, month, year = (groups[0], groups[1], groups[2]) if kind == "day_month" else (groups[1], groups[0], groups[2])
        month = MONTH_NAMES[month]
        if year:
            return dt.date(int(year), month, int(day)), "day"
        candidate = dt.date(published.year, month, int(day))
        return (candidate if candidate <= published else candidate.replace(year=published.year - 1)), "day"
    if kind == "month":
        month = MONTH_NAMES[groups[0]]
        return (dt.date(int(groups[1]), month, 1) if groups[1] else _latest_month(month, published)), "month"
    if kind == "year":
        return dt.date(int(groups[0]), 1, 1), "year"
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[groups[0]]) % 7
        return published - dt.timedelta(days=back), "day"
    if kind == "relative_day":
        return published - dt.timedelta(days=1 if groups[0] == "yesterday" else 0), "day"
    if kind == "last":
        which, unit = groups
        offset = 0 if which in ("this", "earlier this", "earlier in the") else 1
        if unit == "week":
            return published - dt.timedelta(days=7 * offset or 3), "approximate"
        if unit == "month":
            return _add_months(published.replace(day=1), -offset), "month"
        return dt.date(published.year - offset, 1, 1), "year"
    if kind == "duration":
        qualifier, amount, unit = groups
        amount = int(amount) if amount.isdigit() else NUMBERS[amount]
        if unit == "day":
            return published - dt.timedelta(days=amount), "approximate" if qualifier else "day"
        if unit == "week":
            return published - dt.timedelta(weeks=amount), "approximate"
        months = amount * (12 if unit == "year" else 1)
        return _add_months(published, -months), "approximate"
    return None


def find_dates(article, first, last, published):
    """Date expressions in the tokens [first, last), resolved; impossible dates are skipped."""
    if first >= last:
        return []
    start, end = article.norm_span(first, last)
    segment = article.norm[start:end]
    if not ANY_DATE.search(segment):
        return []
    found, taken = [], bytearray(len(segment))  # taken: 1 on each character an earlier rule matched
    for kind, pattern in DATE_RULES:
        for match in pattern.finditer(segment):
            if taken.find(1, match.start(), match.end()) != -1:
                continue
            try:
                resolved = resolve_date(kind, match.groups(), published)
            except (ValueError, OverflowError, KeyError):
                continue
            if resolved is None or resolved[0] > published or resolved[0].year < 1900:
                continue
            taken[match.start():match.end()] = b"\1" * (match.end() - match.start())
            found.append(DateFound(resolved[0], resolved[1], article.token_at(start + match.start()), match.group()))
    return sorted(found, key=lambda d: d.start)


# -- the analysis ---------------------------------------------------------------------------------
@dataclass(slots=True)
class _Cue:
    kind: str
    direction: str
    first: int
    stop: int
    text: str


def _cues(article, first, last):
    start, end = article.norm_span(first, last)
    segment = article.norm[start:end]
    if not ANY_RULE.search(segment):
        return []
    cues, taken = [], bytearray(len(segment))
    for kind, pattern, direction in RULES:
        for match in pattern.finditer(segment):
            if taken.find(1, match.start(), match.end()) != -1:
                continue
            taken[match.start():match.end()] = b"\1" * (match.end() - match.start())
            cue_first = article.token_at(start + match.start())
            cue_stop = article.token_at(start + match.end() - 1) + 1
            if kind == "contested" and match.group().startswith("contested") and article.tokens[cue_first].hyphen_before:
                continue  # "long-contested": an epithet, not a report of fighting
            cues.append(_Cue(kind, direction, cue_first, cue_stop, match.group()))
    return sorted(cues, key=lambda c: c.first)


def analyse(text, published, gazetteer, claimant=""):
    """Proposals and highlights for one article; `published` is an aware datetime (or a date).

    Raises ArticleTooLong for a text over MAX_ARTICLE_BYTES.
    """
    text = text or ""
    check_size(text)
    day = published.date() if isinstance(published, dt.datetime) else published
    article = _Article(text, gazetteer)
    spans = [Span(m.start, m.end, "place", m.slug) for m in article.places if not m.role]
    spans += [Span(m.start, m.end, "actor", m.slug) for m in article.actors]
    participants = Counter(m.slug for m in article.actors if m.role == "participant")
    proposals: list[Proposal] = []
    denials = _Denials()
    for number, (first, last) in enumerate(article.sentences):
        places = [m for m in article.places_in(first, last) if not m.role]
        actors = article.actors_in(first, last)
        dates = find_dates(article, first, last, day)
        spans += [Span(article.tokens[d.start].start, article.tokens[d.start].end, "date", d.date.isoformat()) for d in dates]
        cues = _cues(article, first, last)
        sentence_norm = article.norm[slice(*article.norm_span(first, last))] if first < last else ""
        for pattern, kind in ((NEGATION, "negation"), (HEDGE, "hedge")):
            for match in pattern.finditer(sentence_norm):
                token = article.token_at(article.norm_span(first, last)[0] + match.start())
                spans.append(Span(article.tokens[token].start, article.tokens[token].end, kind, match.group()))
        for cue in cues:
            spans.append(Span(article.tokens[cue.first].start, article.tokens[cue.stop - 1].end, "control", cue.kind))
        denies = DENIAL.search(sentence_norm) is not None
        if not (cues or denies):
            continue
        context = _Sentence(article, number, first, last, places, actors, dates, cues, participants, day, claimant)
        if denies:
            denials.add(context)
        for cue in cues:
            proposals.extend(context.propose(cue))
    denials.apply(proposals)
    return Analysis(_merge(proposals), sorted(set(spans)))


def propose(text, published, gazetteer, claimant=""):
    return analyse(text, published, gazetteer, claimant).proposals


MAX_REASONS = 5  # pooled in one proposal's "why"; the others are counted (the page posts "why" back)


def _merge(proposals):
    """One proposal per assertion: the most confident keeps its quote, the reasons are pooled."""
    merged: dict[tuple, Proposal] = {}
    reasons: dict[tuple, deque] = {}  # the best proposal's reason first, then the others'
    for proposal in proposals:
        key = proposal.key
        existing = merged.get(key)
        if existing is None:
            merged[key], reasons[key] = proposal, deque([proposal.why])
            continue
        if proposal.confidence > existing.confidence:
            best = merged[key] = proposal
            reasons[key].appendleft(proposal.why)
        else:
            best = existing
            reasons[key].append(proposal.why)
        best.confidence = round(min(0.95, best.confidence + 0.05), 2)
    for key, best in merged.items():
        pooled = list(reasons[key])
        best.why = "; also: ".join(pooled[:MAX_REASONS])
        if len(pooled) > MAX_REASONS:
            best.why += f"; and {len(pooled) - MAX_REASONS} more sentence(s) saying the same"
    return sorted(merged.values(), key=lambda p: (p.quote_start, p.place, p.date))


class _Denials:
    """Denials in the article ("the army denied taking Boukamal"), indexed by place and by side.

    A denial lowers every earlier proposal for a place it names, when it names no side or names the
    proposal's holder or one of its sides; the note quotes the first such denial after the proposal.
    """

    def __init__(self):
        self.by_place_and_side: dict[tuple[str, str | None], list[tuple[int, str]]] = {}  # -> (sentence start, quote)

    def add(self, sentence):
        places, sides = sentence.denied()
        for place in places:
            for side in sides or {None}:
                self.by_place_and_side.setdefault((place, side), []).append((sentence.quote_start, sentence.quote))

    def apply(self, proposals):
        for proposal in proposals:
            sides = {None, proposal.holder, *proposal.others}
            later = []
            for side in sides:
                denials = self.by_place_and_side.get((proposal.place, side), [])
                position = bisect.bisect_right(denials, proposal.quote_start, key=lambda denial: denial[0])
                if position < len(denials):
                    later.append(denials[position])
            if later:
                _, quote = min(later)
                proposal.confidence = min(proposal.confidence, 0.25)
                proposal.why += f"; denied later in the article: \"{quote[:160]}\""


class _Sentence:
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
        if _is_arabic(cue.text):  # Arabic puts the verb first: "سيطر الجيش السوري على ..."
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
