"""Sides described rather than named: "Kurdish forces", "Iraqi ground forces", "فصائل سورية معارضة".

Wire copy often names a side by a head noun and its modifiers, in words no alias holds. Both come from
the sides' own aliases (the Actor and ActorAlias rows), so the vocabulary grows with the database,
not with this module:

- a head is a common noun that ends an English alias ("government forces", "Shiite militias",
  "rebel fighters") or begins an Arabic one ("قوات النظام", "فصائل المعارضة"), read by its stem
  ("militia" for "militias", "مقاتل" for "مقاتلون"); descriptions with a head a state force's aliases
  end with ("forces", "troops") or a noun of a state's armed bodies ("units", "commandos") may name that state
  force by its country alone ("Iraqi ground forces", "Iraqi special units");
- a modifier is a word beside the head (before it in English, after it in Arabic) whose stem is in
  some side's aliases (a lowercase word only a word its aliases write in lowercase, so that "commands"
  is not "Joint Operations Command"); one other lowercase word may stand between ("Iraqi ground
  forces"), and a name, a comma, a function word, a participle ("allied", "Turkish-backed": who backs it,
  not who it is) or another head ends the description;
- a country word ("Iraqi", "سورية") narrows the description to the sides of that country (a side's
  country is the one its aliases name, when they name only one); the other modifiers score each side
  by how few sides share them, a side's own name counting more than its aliases;
- a tie ("Kurdish forces": the Peshmerga and the SDF both have "Kurdish" aliases) goes to the side of
  the country of the place the sentence is about (the last one named before it when it names none);
  a side of another country than the place's is never read from a description; a tie that remains
  names nobody.

The reading is weaker than a name: a proposal whose side was described says so and has a lower
confidence.
"""
from __future__ import annotations

import functools
from collections import Counter
from typing import NamedTuple

from .tokens import is_arabic

# Closed-class words, which end a description: determiners, prepositions, conjunctions, pronouns.
FUNCTION_WORDS = frozenset({
    "the", "a", "an", "of", "and", "or", "in", "on", "by", "from", "to", "with", "for", "at", "as", "its", "their",
    "his", "her", "that", "which", "who", "than", "into", "against", "after", "before", "while",
    "من", "في", "على", "الى", "عن", "مع", "ضد", "التي", "الذي", "الذين", "او", "ثم", "بعد", "قبل",
})
MAX_GAP = 1  # lowercase words no alias holds, between a modifier and its head ("Iraqi ground forces")
MAX_MODIFIERS = 4  # the words read before (English) or after (Arabic) a head
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")
_ARABIC_SUFFIXES = ("يون", "يين", "ون", "ين", "ات", "يه", "ه", "ي", "و")
# Broken plurals of the words of sides' aliases, by the stem of their singular: "الاكراد" (the Kurds) is "كردي".
_BROKEN_PLURALS = {"اكراد": "كرد"}
# English nouns of a people that modify a head as its adjective does ("Syrian Kurd defenders", "Iraqi Kurd forces"): the
# adjective the aliases write.
_PEOPLE_NOUNS = {"kurd": "kurdish", "turk": "turkish"}
# Stems of a people many sides are of ("فصائل عربية", Arab factions: rebels, tribes, the SDF's Arab units), though one
# side's name holds it ("الجيش العربي السوري"): a modifier that names no side.
_PEOPLES = frozenset({"عرب", "arab"})
# Nouns of a side's part in a battle, which no alias ends with but wire copy names sides by ("the town's Kurdish
# defenders"): heads as an alias's last word is.
_ROLE_HEADS = frozenset({"defender"})
# Nouns of a state's armed bodies, which wire copy names by the country's adjective ("Iraqi special units", "Syrian
# commandos") though the state force's own aliases need not end with them: a state force's heads.
_STATE_HEADS = frozenset({"unit", "commando", "brigade", "battalion", "division"})
_HELD = frozenset({"controlled", "held"})
# The noun of a hold after the word before a people's adjective ("under Kurdish control", "in Kurdish hands"): the
# adjective names the holder as it does before "-held".
_HOLD_NOUNS = {"control": "under", "rule": "under", "hands": "in"}
# A people's plural after "the", which wire copy names a side by ("the Kurds overran the town"); not its possessive
# ("the Kurds' autonomous region"), a place of theirs.
_PEOPLE_PLURALS = frozenset({"kurds", "turks"})
# The same in Arabic, the article written on the word ("التي يسيطر عليها الأكراد", which the Kurds hold); not after a
# head, which it modifies ("المقاتلون الأكراد").
_ARABIC_PEOPLE_PLURALS = frozenset({"الاكراد", "والاكراد"})
_POSSESSIVE_MARKS = frozenset({"'", "’", "'s", "’s"})
_QUOTES = "\"«»“”"  # quotation marks round a name a description reads as one modifier


@functools.lru_cache(maxsize=65536)
def stem(word):
    """A word's stem for matching descriptions to aliases: no English plural, no Arabic article, plural or
    gender ending ("militias" → "militia", "المعارضة" and "معارضون" → "معارض")."""
    if is_arabic(word):
        for prefix in _ARABIC_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix):]
                break
        if word in _BROKEN_PLURALS:
            return _BROKEN_PLURALS[word]
        for suffix in _ARABIC_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return _PEOPLE_NOUNS.get(word, word)


class Described(NamedTuple):
    first: int  # token indexes, end exclusive
    stop: int
    slug: str
    reason: str


class SideVocabulary:
    """The stems of every side's aliases: heads, modifiers, countries; built once per gazetteer.

    `actors` are (slug, name, kind, aliases) rows; `country_words` maps an ISO code to the normal forms of
    its names and adjectives; `words_of` turns an alias into its normal forms (names.words_of)."""

    def __init__(self, actors, country_words, governments, words_of):
        self.country_of_stem = {stem(w): country for country, words in country_words.items() for w in words}
        self.heads, self.government_heads, single = set(), {}, set()
        self.vocabulary, self.own_name = {}, {}
        self.country = {}
        for slug, name, _, aliases in actors:
            stems, named_countries = {}, Counter()
            for alias in [name, *aliases]:
                words = [w for w in alias.replace("-", " ").split() if w[:1].isalpha()]
                norms = words_of(alias)
                for word in words:
                    for norm in words_of(word):
                        # A word of a name ("Joint Operations Command") is matched only as a name, capitalised.
                        stems[stem(norm)] = stems.get(stem(norm), False) or word.islower() or is_arabic(norm)
                named_countries.update(self.country_of_stem[s] for s in map(stem, norms) if s in self.country_of_stem)
                if len(norms) == 1:
                    single.add(stem(norms[0]))
                if len(norms) >= 2 and len(words) >= 2:
                    head = self._head(words, norms)
                    if head:
                        self.heads.add(head)
                        if slug in governments.values():
                            self.government_heads.setdefault(slug, set()).add(head)
            self.vocabulary[slug] = stems
            self.own_name[slug] = {stem(n) for n in words_of(name)}
            self.country[slug] = next(iter(named_countries)) if len(named_countries) == 1 else None  # IS: Iraq and Syria
        self.heads -= single  # "rebels", "opposition": a name of their own, not a noun any side may take
        self.heads |= _ROLE_HEADS
        for government in governments.values():
            self.government_heads.setdefault(government, set()).update(_STATE_HEADS)
        # the heads that may name a state force by its country alone, though no alias ends with them
        self.country_heads = set().union(*self.government_heads.values()) - self.heads
        self.governments = governments
        self.lowercase = {s for stems in self.vocabulary.values() for s, lower in stems.items() if lower}
        sharing = Counter(s for stems in self.vocabulary.values() for s in stems)
        self.weight = {s: 1 / count for s, count in sharing.items()
                       if s not in self.heads and s not in self.country_of_stem and s not in FUNCTION_WORDS | _PEOPLES}
        # A head's stem as an Arabic adjective ("المقاتلة", fighting) says who as any other modifier does.
        self.weight.update({s: 1 / sharing[s] for s in self.heads if is_arabic(s) and sharing[s]})

    @staticmethod
    def _head(words, norms):
        """The head stem of a multi-word alias: its last word written in lowercase (English), its first (Arabic)."""
        if is_arabic(norms[0]):
            return stem(norms[0])
        return stem(norms[-1]) if words[-1].islower() else None

    def side(self, modifiers, head, place_country):
        """(slug, why) of the side a description names, or None when it names none or several."""
        countries = {self.country_of_stem[s] for s in modifiers if s in self.country_of_stem}
        if len(countries) > 1:
            return None
        country = next(iter(countries), None)
        scores = Counter()
        for s in () if head in self.country_heads else modifiers:
            for slug, stems in self.vocabulary.items():
                if s in self.weight and s in stems and (country is None or self.country[slug] in (None, country)):
                    scores[slug] += self.weight[s] * (1.5 if s in self.own_name[slug] else 1)
        if not scores:
            if any(s not in self.country_of_stem for s in modifiers):
                return None
            government = self.governments.get(country)
            if government and head in self.government_heads.get(government, ()):
                return government, "its country's state force"
            return None
        best = max(scores.values())
        candidates = [slug for slug, score in scores.items() if best - score < 1e-9]
        if len(candidates) > 1 and country:
            candidates = [slug for slug in candidates if self.country[slug] == country] or candidates
        why = "the side whose aliases share its words"
        if place_country:
            here = [slug for slug in candidates if self.country[slug] == place_country]
            if len(candidates) > 1 and here:
                why += f", the one of the place's country ({place_country})"
            candidates = here or [slug for slug in candidates if self.country[slug] is None]
        return (candidates[0], why) if len(candidates) == 1 else None


def find_descriptions(article, named, place_country_at):
    """Described sides of the article, outside the names `named` ((first, stop, slug) of each alias found).

    `place_country_at(token)` is the country of the place the sentence of that token is about."""
    vocabulary = article.gazetteer.side_vocabulary
    tokens, norms = article.tokens, article.norms
    inside = set()
    for first, stop, _ in named:
        inside.update(range(first, stop))
    found, readings, countries = [], {}, {}  # a flood of one description is read once
    for index, norm in enumerate(norms):
        if norm in _HELD and index and tokens[index].hyphen_before and index - 1 not in inside:
            found.extend(_holder_described(article, index - 1, place_country_at))
            continue
        if index > 1 and norms[index - 2] == _HOLD_NOUNS.get(norm) and index - 1 not in inside:
            found.extend(_holder_described(article, index - 1, place_country_at))
            continue
        if norm in _PEOPLE_PLURALS and index and norms[index - 1] == "the" and index not in inside and not (
                index + 1 < len(norms) and tokens[index + 1].text in _POSSESSIVE_MARKS):
            found.extend(_holder_described(article, index, place_country_at))
            continue  # "the Kurds advanced": the people's side in the place's country, as "Kurdish-held" names it
        if norm in _ARABIC_PEOPLE_PLURALS and index not in inside and not (
                index and stem(norms[index - 1]) in vocabulary.heads):
            found.extend(_holder_described(article, index, place_country_at))
            continue
        if index in inside or (stem(norm) not in vocabulary.heads and stem(norm) not in vocabulary.country_heads):
            continue
        if not (_common_noun(tokens[index]) or _title_case(article, index)):
            continue
        step = 1 if _arabic(norm) else -1
        first_of_sentence, stop_of_sentence = article.sentences[article.sentence_of(index)]
        if step == -1 and index - 1 in inside and _joined(article, index - 1, index):
            continue  # "IS fighters", "Iraqi government troops": the name says who
        if step == 1 and _adjective_of_noun_before(article, index, first_of_sentence):
            continue  # "التحالف الدولي" (the international coalition): "الدولي" describes the noun before it
        modifiers, edge, gap = [], index, 0
        for position in range(index + step, index + step * (MAX_MODIFIERS + MAX_GAP + 1), step):
            if not first_of_sentence <= position < stop_of_sentence or position in inside:
                break
            word, token = norms[position], tokens[position]
            if step == -1 and _coordinated_people(norms, position):
                continue  # "Kurdish and Arab militias": a people many sides are of leaves "Kurdish" to say who
            if word in FUNCTION_WORDS or not _joined(article, *sorted((position, position - step))):
                break
            stemmed = stem(word)
            if step == -1 and token.hyphen_before and norms[position - 1] == "anti":
                modifiers = []
                break  # "anti-IS forces", "anti-government fighters": that side's enemies, not the side
            if step == -1 and word.endswith("ed"):
                break  # "Turkish-backed", "allied", "armed": who backs or arms it, not who it is
            if step == 1 and word.startswith("وال"):
                break  # "والشعب": the next of a list, not a modifier
            if stemmed in vocabulary.heads and step == 1 and _agrees(norm, word):
                # a word agreeing with an Arabic head is its adjective, not a noun it governs: "الفصائل السورية
                # المقاتلة", "فصائل سورية مقاتلة" (fighting Syrian factions)
                modifiers.append(stemmed)
                edge, gap = position, 0
                continue
            if stemmed in vocabulary.heads:
                break  # another noun: "the rebel faction said fighters"
            lowercase = not _arabic(word) and token.text.islower()
            if stemmed in vocabulary.weight and lowercase and stemmed not in vocabulary.lowercase:
                # "commands", "regional": a word of a name ("Joint Operations Command", "Kurdistan Regional
                # Government") written as a common word says nothing of the side, but may stand between
                if gap >= MAX_GAP:
                    break
                gap += 1
            elif stemmed in vocabulary.weight or stemmed in vocabulary.country_of_stem:
                modifiers.append(stemmed)
                edge, gap = position, 0
            elif gap < MAX_GAP and (_arabic(word) or token.text.islower()):
                gap += 1
            else:
                break
        if not modifiers:
            continue
        first, stop = (edge, index + 1) if step == -1 else (index, edge + 1)
        if first_of_sentence not in countries:
            countries[first_of_sentence] = place_country_at(index)
        key = (tuple(modifiers), stem(norm), countries[first_of_sentence])
        if key not in readings:
            readings[key] = vocabulary.side(*key)
        side = readings[key]
        if side:
            slug, why = side
            text = article.text[tokens[first].start: tokens[stop - 1].end]
            found.append(Described(first, stop, slug, f"'{text}' read as {slug}: a description, not a name ({why})"))
    return found


_arabic = functools.lru_cache(maxsize=65536)(is_arabic)


def _holder_described(article, index, place_country_at):
    """The side a people's adjective before "-controlled", "-held" or a hold's noun names ("the Kurdish-controlled city
    of Kirkuk", "under Kurdish control"):
    read as a description with no head, by the place's country; capitalised, so not a common word ("long-held")."""
    word = article.tokens[index]
    if not (is_arabic(word.text) or word.text[:1].isupper()):
        return []
    modifier = stem(word.norm)
    if modifier not in article.gazetteer.side_vocabulary.weight:
        return []
    side = article.gazetteer.side_vocabulary.side((modifier,), None, place_country_at(index))
    if side is None:
        return []
    slug, why = side
    return [Described(index, index + 1, slug, f"'{word.text}' read as {slug}: a description, not a name ({why})")]


def _coordinated_people(norms, position):
    """Whether the English word at `position` is a people's word many sides are of, or the "and" that joins one to a
    modifier ("Kurdish and Arab militias", "Arab and Kurdish fighters"): the description reads on past both."""
    if stem(norms[position]) in _PEOPLES:
        return True
    return norms[position] == "and" and (stem(norms[position + 1]) in _PEOPLES
                                         or position > 0 and stem(norms[position - 1]) in _PEOPLES)


def _agrees(head, word):
    """Whether an Arabic word after a head agrees with it as an adjective: both definite (a head governing a noun drops
    its article), or both indefinite with the feminine ending an adjective of a plural of groups takes."""
    if head.lstrip("وف").startswith("ال"):
        return word.startswith("ال")
    return not word.startswith("ال") and word.endswith("ه")


def _common_noun(token):
    return _arabic(token.norm) or token.text[:1].islower()


def _adjective_of_noun_before(article, index, first_of_sentence):
    """Whether the Arabic word at `index` follows a definite noun with nothing between: an adjective agrees with
    its noun and follows it ("التحالف الدولي", "المجتمع الدولي"), while a side's head opens its own noun phrase."""
    if index - 1 < first_of_sentence or not _joined(article, index - 1, index):
        return False
    before = article.norms[index - 1]
    return (before.startswith("ال") and len(before) > 4 and before not in FUNCTION_WORDS
            and stem(before) not in article.gazetteer.side_vocabulary.heads)


def _title_case(article, index):
    """Whether the sentence of token `index` is a headline in title case ("Kurdish Forces Free Sinjar"), where a
    capital says nothing about a name."""
    first, stop = article.sentences[article.sentence_of(index)]
    words = [t.text for t in article.tokens[first:min(stop, first + 20)] if t.text[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _joined(article, left, right):
    """Whether tokens `left` and `right` are adjacent with only spaces, a hyphen or quotation marks between them: a
    quoted name is a modifier as it stands ("قوات عملية «درع الفرات»", the forces of the Euphrates Shield operation)."""
    between = article.text[article.tokens[left].end: article.tokens[right].start]
    return between.strip().strip(_QUOTES) in ("", "-") and "\n" not in between

