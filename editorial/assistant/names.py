"""The names the rules match: places and actors with their aliases, found by spaCy's PhraseMatcher.

Its own module because it is the assistant's one contact with the database (`load_gazetteer`): every
name comes from Place, PlaceName, Actor and ActorAlias rows (the seed fixture holds the spellings wire
copy uses); the rest reads only the Gazetteer it returns, so it runs without a database.

Names are matched on the words' normal forms (no case, diacritics or punctuation), longest first.
A place name's Arabic-style article is optional ("Al-Qaim", "Qaim", "AlQaim"; "Deir ez-Zor", "Deir
Zor", "Deir Ezzor"), and an Arabic word may carry a clitic ("وبالبوكمال"). A short capitalised alias
(IS, US, SDF) matches only as written, since "is" and "us" are words.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .tokens import pipeline, read

GOVERNMENT = "@government"  # "the army", "government forces": the state force named last
INSURGENTS = "@insurgents"  # "the militants", "jihadists": the armed group named last

# Words that name "the government side" of whichever country the article is about, and the words
# that name "the armed group" the article is about.
GOVERNMENT_WORDS = ["government", "government forces", "pro-government forces", "pro-government allies", "army",
                    "army units", "the military", "military", "troops", "regime", "soldiers", "security forces",
                    "armed forces", "الجيش", "القوات الحكومية", "قوات النظام", "النظام"]
INSURGENT_WORDS = ["militants", "the militants", "jihadists", "the jihadists", "insurgents", "extremists", "terrorists",
                   "gunmen", "the group", "the terrorist group", "المسلحين", "المسلحون", "التنظيم", "المتشدد", "الارهابي"]
_ARTICLES = {"al", "el", "ez", "az", "as", "ar", "ad", "ash", "es", "ed", "ul"}
_ARABIC_PREFIXES = ("وب", "وال", "ول", "فب", "و", "ف", "ب", "ل", "ك")


def words_of(name):
    return tuple(token.norm for token in read(name)[0])


def spellings(words):
    """The name's words, and the same with each Arabic-style article dropped or joined to its noun."""
    variants = {words}
    for index, word in enumerate(words[:-1]):
        if word in _ARTICLES:
            for variant in list(variants):
                if len(variant) == len(words):
                    variants.add(variant[:index] + variant[index + 1:])
                    variants.add(variant[:index] + (word + variant[index + 1],) + variant[index + 2:])
    if len(words) == 1 and words[0].startswith("ال") and len(words[0]) > 4:
        variants.add((words[0][2:],))
    return {v for v in variants if v}


@dataclass
class Gazetteer:
    """What the rules match: places (slug, name, kind, names) and actors (slug, name, kind, aliases)."""

    places: list[tuple[str, str, str, list[str]]]
    actors: list[tuple[str, str, str, list[str]]]
    place_kinds: dict[str, str] = field(init=False)
    actor_kinds: dict[str, str] = field(init=False)
    generic_owner: dict[tuple[str, ...], str | None] = field(init=False)
    known_words: set[str] = field(init=False)
    exact: dict[tuple[str, ...], str] = field(init=False)  # words -> the first word as it must be written

    def __post_init__(self):
        self.place_kinds = {slug: kind for slug, _, kind, _ in self.places}
        self.actor_kinds = {slug: kind for slug, _, kind, _ in self.actors}
        place_names, actor_names, self.exact, self.generic_owner = {}, {}, {}, {}
        for slug, name, _, names in self.places:
            for each in [name, *names]:
                for variant in spellings(words_of(each)):
                    place_names.setdefault(variant, slug)
        for slug, name, _, names in self.actors:
            for alias in [name, *names]:
                words = words_of(alias)
                if words:
                    actor_names.setdefault(words, slug)
                    first = alias.split()[0].split("-")[0].replace(".", "")
                    if first.isupper() and len(first) <= 4:
                        self.exact[words] = first
        for generic, owner in ((GOVERNMENT_WORDS, GOVERNMENT), (INSURGENT_WORDS, INSURGENTS)):
            for alias in generic:
                # Generic words follow the article's context; a stored alias only breaks a tie.
                words = words_of(alias)
                self.generic_owner[words] = actor_names.get(words)
                actor_names[words] = owner
        self.known_words = {w for names in (place_names, actor_names) for words in names for w in words}
        nlp = pipeline("en")
        self.vocab = nlp.vocab
        from spacy.matcher import PhraseMatcher  # spaCy is imported when first used, as in tokens.pipeline

        self.place_matcher, self.actor_matcher = PhraseMatcher(nlp.vocab), PhraseMatcher(nlp.vocab)
        for matcher, names in ((self.place_matcher, place_names), (self.actor_matcher, actor_names)):
            by_slug = {}
            for words, slug in names.items():
                by_slug.setdefault(slug, []).append(words)
            for slug, all_words in by_slug.items():
                matcher.add(slug, [self._doc(words) for words in all_words])

    def _doc(self, words):
        from spacy.tokens import Doc

        return Doc(self.vocab, words=list(words))

    def match_form(self, norm):
        """The word the matcher sees: a known word, a known word behind an Arabic clitic, or a placeholder
        (so that the shared vocabulary never learns the article's other words)."""
        if norm in self.known_words:
            return norm
        if norm.startswith(_ARABIC_PREFIXES):
            for prefix in _ARABIC_PREFIXES:
                if norm.startswith(prefix) and norm[len(prefix):] in self.known_words:
                    return norm[len(prefix):]
                if norm.startswith(prefix) and "ال" + norm[len(prefix):] in self.known_words:
                    return "ال" + norm[len(prefix):]
        return "_"

    def find(self, norms, matcher):
        """(first, stop, label) of the longest non-overlapping names in the words `norms`."""
        if not norms:
            return []
        from spacy.tokens import Span
        from spacy.util import filter_spans

        doc = self._doc([self.match_form(n) for n in norms])
        spans = filter_spans([Span(doc, first, stop, label=match_id) for match_id, first, stop in matcher(doc)])
        return [(s.start, s.end, s.label_) for s in sorted(spans, key=lambda s: s.start)]

    def is_state_force(self, slug):
        return self.actor_kinds.get(slug) == "state_force" or slug.endswith("-government")

    def is_armed_group(self, slug):
        return self.actor_kinds.get(slug) == "armed_group"


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
