"""The article read once: tokens, a normalised text, sentences, and the place and actor mentions.

Its own module because every later step asks it questions by position (the sentence of a token, the
mentions of a sentence, the place "the city" refers to), each a binary search over lists built once.
"""
import bisect
import functools
import re
from typing import NamedTuple

from .gazetteer import GOVERNMENT
from .tokens import tokenize

# A run of words with no sentence end is read in windows of this many tokens (the longest sentence of
# the real articles in tests/editorial/articles has 57): no rule looks further than its sentence.
MAX_SENTENCE_TOKENS = 150
CITY_KINDS = {"city", "town", "village", "base", "airport", "oil_field", "dam", "border_crossing"}


# Mentions are tuples, for the reason Token is one.
class Mention(NamedTuple):
    kind: str  # place or actor
    slug: str
    first: int  # token indexes, end exclusive
    stop: int
    start: int  # character offsets in the article
    end: int
    text: str
    role: str = ""  # actors: participant, backer; places: "" or "province" / "dateline" when ignored


_ARABIC_PREFIXES = ("وب", "وال", "ول", "فب", "و", "ف", "ب", "ل", "ك")
_ARABIC_PREFIX_STARTS = {prefix[:length] for prefix in _ARABIC_PREFIXES for length in range(1, len(prefix) + 1)}
_CLOSING = re.compile(r"[.!?؟\"'’”]*")
_SENTENCE_END = re.compile(r"\S*[.!?؟]")
_END_BEFORE_QUOTE = re.compile(r"[.!?؟]\s*[\"'’”–—-]?\s*$")
_PROVINCE_OF = re.compile(r"\b(province|governorate|region|countryside) of$")
_DATELINE_TAIL = re.compile(r"^\W{0,3}:|^\s*(?:,\s*[A-Z][\w ]{0,30})?\s*\([A-Za-z.]+\)|^\s*[—–]")
_CLAUSE_PUNCTUATION = re.compile(r"[,;()]")
_BACKED_BY = re.compile(r"\b(backed|supported|sponsored|armed|aided)\s+by\b|\bwith the (help|support|backing) of\b", re.I)


class Article:
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
