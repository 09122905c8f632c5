"""The names the rules match: places and actors with their aliases, found by spaCy's PhraseMatcher.

Its own module because it is the assistant's one contact with the database (`load_gazetteer`): every
name comes from Place, PlaceName, Actor and ActorAlias rows (the seed fixture holds the spellings wire
copy uses); the rest reads only the Gazetteer it returns, so it runs without a database.

Names are matched on the words' normal forms (no case, diacritics or punctuation), longest first.
A place name's Arabic-style article is optional ("Al-Qaim", "Qaim", "AlQaim"; "Deir ez-Zor", "Deir
Zor", "Deir Ezzor"), and an Arabic word may carry a clitic ("وبالبوكمال"). A short capitalised alias
of at most three letters (IS, US, SDF) matches only as written, since "is" and "us" are words; a longer
one matches in any case ("Isis", "Isil"), as wire copy writes it both ways. A local name an article gives in
brackets after a place's ("Tal Abyad (Gire Spi)") names that place wherever the article uses it.

"Government forces" means the state force of the country of the place the sentence names: a state
force's country is read from its aliases (COUNTRY_WORDS), a place's from its row.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .descriptions import SideVocabulary
from .tokens import is_arabic, pipeline, read

GOVERNMENT = "@government"  # "the army", "government forces": the state force named last
INSURGENTS = "@insurgents"  # "the militants", "jihadists": the armed group named last
NAMED_BEFORE = "@named"  # "القوات" (the forces), "الفصائل" (the factions) alone: the side fighting IS named last

# Words that name "the government side" of whichever country the article is about, and the words
# that name "the armed group" the article is about.
GOVERNMENT_WORDS = ["government", "government forces", "pro-government forces", "pro-government allies", "army",
                    "army units", "the military", "military", "troops", "regime", "soldiers", "security forces",
                    "armed forces", "الجيش", "القوات الحكومية", "قوات النظام", "النظام", "القوات الامنية", "قوات الامن", "الحكومة",
                    "القوات المسلحة"]
# The singular is the adjective of a side's hold ("under militant control", "in jihadist hands").
INSURGENT_WORDS = ["militants", "the militants", "jihadists", "the jihadists", "militant", "jihadist", "insurgents",
                   "extremists", "terrorists", "gunmen", "the group", "the terrorist group", "المسلحين", "المسلحون",
                   "التنظيم", "المتشدد", "الارهابي", "الجهاديين", "الجهاديون", "المتشددين", "المتشددون", "الارهابيين",
                   "الارهابيون", "المتطرفين", "المتطرفون"]
# Arabic words that take up a side named before them ("قوات البيشمركة ... بسيطرة القوات على"), any side but the
# jihadists, whom wire copy calls by their own words (INSURGENT_WORDS).
NAMED_BEFORE_WORDS = ["القوات", "الفصائل"]
POSSESSED = "@possessed"  # "قواته", "قواتها" (its forces): the side that owns them
# Arabic writes "its forces" as one word, the owner a side named before it in its sentence ("أعلن الجيش السوري أن قواته
# سيطرت") or a state's body named there with its country ("أعلنت وزارة الدفاع العراقية أن قواتها حررت").
POSSESSED_WORDS = ["قواته", "قواتها", "قواتهم"]
# The words that tie a state force to its country ("Syrian army", "القوات العراقية"): an actor row has no
# country of its own, so a state force's country is the one its aliases name most.
COUNTRY_WORDS = {"SY": {"syria", "syrian", "syrias", "سوريا", "السوري", "السوريه", "السورى"},
                 "IQ": {"iraq", "iraqi", "iraqs", "العراق", "العراقي", "العراقيه"}}
# A side's name opened by a demonym is often written with the country's name ("Syria Democratic Forces").
_COUNTRY_OF_DEMONYM = {"syrian": "syria", "iraqi": "iraq"}
DEMONYM_ENDINGS = ("an", "ish", "ese")  # "Syrian", "Turkish", "Lebanese": a people's adjective, capitalised
# A country's name, which a headline may write for its state force ("Iraq retakes Tal Afar").
COUNTRY_NAMES = {"iraq": "IQ", "syria": "SY", "العراق": "IQ", "سوريا": "SY"}
# Another country's adjective after an Arabic generic word ("الجيش التركي", "القوات الأمريكية"): that country's force,
# not the government of the country the article is about.
_FOREIGN_NISBAS = {"تركي", "امريكي", "اميركي", "روسي", "ايراني", "فرنسي", "بريطاني", "اردني", "لبناني", "سعودي"}
_INSURGENT_STEMS = {"militant", "jihadist", "extremist", "terrorist", "insurgent"}
# Nouns of freeing a town ("the liberation of", "وتحرير"), which wire copy keeps for the side it counts as the
# town's own.
_LIBERATION = re.compile(r"(?:the |its )?liberation\b|[وف]?تحرير")
_ARTICLES = {"al", "el", "ez", "az", "as", "ar", "ad", "ash", "es", "ed", "ul"}
ARTICLE = "al"  # the one form every Arabic-style article is matched as
# A local name in brackets after a place's: one to three capitalised words, each with a lower-case letter.
_BRACKETED_NAME = re.compile(r"\s*\(((?:[A-Z][a-z][\w'-]*)(?: [A-Z][a-z][\w'-]*){0,2})\)(?!\s*[-—–:])")
SETTLEMENT_WORDS = ("قضاء", "مدينه", "بلده", "ناحيه", "قريه")  # district, city, town, subdistrict, village
_ARABIC_PREFIXES = ("وب", "وال", "ول", "فب", "و", "ف", "ب", "ل", "ك")


def foreign_after(norms, index):
    """Whether the word at `index` is another country's Arabic adjective, after a generic word ("الجيش التركي")."""
    return index < len(norms) and norms[index].removeprefix("ال").removesuffix("ه") in _FOREIGN_NISBAS


def first_within(mentions, firsts, first, last):
    """The first of `mentions` (in token order, `firsts` their first tokens) starting in tokens [first, last]."""
    position = bisect.bisect_left(firsts, first)
    return mentions[position] if position < len(mentions) and mentions[position].first <= last else None


def words_of(name):
    return tuple(token.norm for token in read(name)[0])


def spellings(words):
    """The name's words, and the same with each Arabic-style article dropped or joined to its noun. A separate
    article is written as "al" (its assimilated forms "az", "ez", "ad" vary between transliterations of one
    name: "Deir az-Zour", "Deir al-Zour"), as `Gazetteer.match_form` writes the article's words."""
    variants = {words}
    for index, word in enumerate(words[:-1]):
        if word in _ARTICLES:
            for variant in list(variants):
                if len(variant) == len(words):
                    variants.add(variant[:index] + variant[index + 1:])
                    variants.add(variant[:index] + (word + variant[index + 1],) + variant[index + 2:])
    return {tuple(ARTICLE if w in _ARTICLES and i < len(v) - 1 else w for i, w in enumerate(v)) for v in variants if v}


def bracketed_names(text, tokens, norms, places, gazetteer):
    """(words, slug, token after them) of each local name an article gives in brackets right after a place's name
    ("Tal Abyad (Gire Spi)"): capitalised words that name no known place or side, not an acronym ("(AFP)"), nor a
    dateline's agency ("Raqqa (Reuters) -"). `places` are the (first, stop, slug) of the names found."""
    for _, stop, slug in places:
        match = _BRACKETED_NAME.match(text, tokens[stop - 1].end) if stop < len(tokens) else None
        if match is None:
            continue
        last = stop
        while last < len(tokens) and tokens[last].end <= match.end():
            last += 1
        words = tuple(norms[stop: last])
        if words and not any(gazetteer.find(list(words), matcher) for matcher in (gazetteer.place_matcher, gazetteer.actor_matcher)):
            yield words, slug, last


def bare_spellings(words, kind):
    """An Arabic name without its article. A district's name loses it in construct ("حيي الجبيلة وجمعيات
    الحزب"); a town's bare name is often a common word ("قريتين", two villages; "باب", a door; "قائم",
    standing), so it is matched only after a word that says it is a settlement ("مدينة باب")."""
    if len(words) != 1 or not words[0].startswith("ال") or len(words[0]) <= 4 or not is_arabic(words[0]):
        return set()
    bare = words[0][2:]
    return {(bare,)} if kind == "neighbourhood" else {(settlement, bare) for settlement in SETTLEMENT_WORDS}


def settled_spellings(words):
    """An Arabic name written without its long "ا" ("عنه" for "عانه"), as Arabic copy often writes it, after a
    word that says it is a settlement ("قضاء عنه", the district of Anah): alone, such a spelling is often a
    common word ("عنه", about him), so it is matched only with that word before it."""
    if len(words) != 1 or len(words[0]) < 4 or words[0][1] != "ا" or not is_arabic(words[0]):
        return set()
    short = words[0][0] + words[0][2:]
    return {(settlement, short) for settlement in SETTLEMENT_WORDS}


@dataclass
class Gazetteer:
    """What the rules match: places (slug, name, kind, names) and actors (slug, name, kind, aliases)."""

    places: list[tuple[str, str, str, list[str]]]
    actors: list[tuple[str, str, str, list[str]]]
    place_countries: dict[str, str] = field(default_factory=dict)  # place slug -> ISO country code
    alliances: dict[str, set[str]] = field(default_factory=dict)  # actor slug -> the sides recorded as its allies
    government_of: dict[str, str] = field(init=False)  # ISO country code -> its one state force
    place_kinds: dict[str, str] = field(init=False)
    actor_kinds: dict[str, str] = field(init=False)
    generic_owner: dict[tuple[str, ...], str | None] = field(init=False)
    known_words: set[str] = field(init=False)
    exact: dict[tuple[str, ...], str] = field(init=False)  # words -> the first word as it must be written
    insurgents: set[str] = field(init=False)  # the armed groups "the militants" may mean
    side_vocabulary: SideVocabulary = field(init=False)  # what describes a side ("Kurdish forces")

    def __post_init__(self):
        self.place_kinds = {slug: kind for slug, _, kind, _ in self.places}
        self.actor_kinds = {slug: kind for slug, _, kind, _ in self.actors}
        place_names, actor_names, self.exact, self.generic_owner = {}, {}, {}, {}
        for slug, name, kind, names in self.places:
            for each in [name, *names]:
                words = words_of(each)
                for variant in spellings(words) | settled_spellings(words) | bare_spellings(words, kind):
                    place_names.setdefault(variant, slug)
        for slug, name, _, names in self.actors:
            for alias in [name, *names]:
                words = words_of(alias)
                if words:
                    actor_names.setdefault(words, slug)
                    if len(words) > 1 and words[0] in _COUNTRY_OF_DEMONYM:  # "Syria Democratic Forces", "Iraq army"
                        actor_names.setdefault((_COUNTRY_OF_DEMONYM[words[0]], *words[1:]), slug)
                    first = alias.split()[0].split("-")[0].replace(".", "")
                    if first.isupper() and len(first) < 4:
                        self.exact[words] = first
        self.government_of = self._governments()
        self.side_vocabulary = SideVocabulary(self.actors, COUNTRY_WORDS, self.government_of, words_of)
        self.insurgents = {slug for slug, name, kind, names in self.actors if kind == "armed_group" and any(
            w.rstrip("s") in _INSURGENT_STEMS for alias in [name, *names] for w in words_of(alias))}
        for generic, owner in ((GOVERNMENT_WORDS, GOVERNMENT), (INSURGENT_WORDS, INSURGENTS),
                               (NAMED_BEFORE_WORDS, NAMED_BEFORE), (POSSESSED_WORDS, POSSESSED)):
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

    def _governments(self):
        """Each country's state force: the one whose aliases name the country most (none when two tie)."""
        ranked = {country: [] for country in COUNTRY_WORDS}
        for slug, name, _, names in self.actors:
            if self.is_state_force(slug):
                words = [w for alias in [name, *names] for w in words_of(alias)]
                for country, country_words in COUNTRY_WORDS.items():
                    if count := sum(w in country_words for w in words):
                        ranked[country].append((count, slug))
        governments = {}
        for country, forces in ranked.items():
            forces.sort(reverse=True)
            if forces and (len(forces) == 1 or forces[0][0] > forces[1][0]):
                governments[country] = forces[0][1]
        return governments

    def _doc(self, words):
        from spacy.tokens import Doc

        return Doc(self.vocab, words=list(words))

    def match_form(self, norm):
        """The word the matcher sees: a known word, a known word behind an Arabic clitic, or a placeholder
        (so that the shared vocabulary never learns the article's other words)."""
        if norm in _ARTICLES:
            return ARTICLE
        if norm in self.known_words:
            return norm
        if norm.startswith("لل") and "ال" + norm[2:] in self.known_words:
            return "ال" + norm[2:]  # "للنظام": ل + النظام, whose alef is not written
        if norm.startswith(_ARABIC_PREFIXES):
            for prefix in _ARABIC_PREFIXES:  # the article's form first: "والحويجه" is "الحويجه", not "حويجه"
                rest = norm[len(prefix):]
                if not norm.startswith(prefix):
                    continue
                # "وقوات" is "قوات", not "القوات": the article is restored only where the clitic took it
                for form in (("ال" + rest, rest) if prefix.endswith("ال") else (rest, "ال" + rest)):
                    if form in self.known_words:
                        return form
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

    def is_insurgent(self, slug):
        """Whether "the militants", "jihadists" may mean this armed group: one whose own aliases use such a word
        ("IS militants", "the jihadist group"), not the Kurdish-led or rebel forces; any armed group when no
        alias uses one."""
        return self.is_armed_group(slug) and (not self.insurgents or slug in self.insurgents)

    def may_have_done(self, slug, noun):
        """Whether a noun of taking may name this side's act: a "liberation" ("تحرير") is what wire copy says of a
        state or its allies, never of an insurgent group, which "seizes" or "captures"."""
        return not (_LIBERATION.match(noun) and self.is_insurgent(slug))

    def is_armed_group(self, slug):
        return self.actor_kinds.get(slug) == "armed_group"


def load_gazetteer():
    """Read places and actors from the database (the only function here that does)."""
    from geo.models import Actor, ActorRelation, Place

    places = [
        (p.slug, p.name, p.kind, [n.name for n in p.alternate_names.all()])
        for p in Place.objects.prefetch_related("alternate_names")
    ]
    actors = [(a.slug, a.name, a.kind, [a.short_name, *(x.name for x in a.aliases.all())])
              for a in Actor.objects.prefetch_related("aliases")]
    countries = dict(Place.objects.values_list("slug", "country"))
    alliances = {}
    for actor, other in ActorRelation.objects.filter(kind=ActorRelation.Kind.ALLIED_WITH).values_list(
            "actor__slug", "other__slug"):
        alliances.setdefault(actor, set()).add(other)
        alliances.setdefault(other, set()).add(actor)
    return Gazetteer(places, actors, countries, alliances)
