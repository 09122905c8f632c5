"""The names the rules match: places and actors with their aliases, indexed for lookups by word.

Its own module because it is the assistant's one contact with the database (`load_gazetteer`); the
rest reads only the Gazetteer it returns, so it runs without a database (the speed tests build one).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from geo.text import normalize_name

from .tokens import tokenize

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
