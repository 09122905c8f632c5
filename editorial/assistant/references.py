"""What "the town", "the provincial capital" and "it" refer to in a control phrase.

Its own module because a reference is read from the article around the sentence, not from the phrase's
grammar: a place in apposition after it, the capital of a province named before, an unnamed town the sentence
introduces, or the town named last unless a site became the topic since. PlaceReading reads it as a mixin.
"""
import bisect
import re

from .rules import ANAPHOR, PASSIVE_AUX
from .names import SETTLEMENT_WORDS
from .parts import ARABIC_DIRECTIONS, DIRECTION_OF
from .place_clauses import LOCATING_REGION

_DEMONYM_ENDINGS = ("an", "i", "ish", "ese")
_COUNTRIES_ONLY = re.compile(r"(?:Syria|Iraq|Turkey|Jordan|Lebanon|Iran)(?:-(?:Syria|Iraq|Turkey|Jordan|Lebanon|Iran))*")
# Nouns of a site that "it" may stand for instead of the town named before them.
_SITE_WORDS = {"refinery", "dam", "airport", "airbase", "base", "oilfield", "field", "complex", "compound", "prison", "bridge",
               "crossing", "plant", "facility", "hospital"}
_UNNAMED_TOWN = {"مدينه", "بلده", "قريه"}  # indefinite, before an adjective: "مدينه نائيه" (a remote city)
# An Arabic noun of a kind of settlement with the article: "الناحية" is the place last named "ناحية ...".
_KIND_NOUNS = {"الناحيه": "ناحيه", "القضاء": "قضاء", "البلده": "بلده", "القريه": "قريه"}
# An Arabic town noun with the article: a relative clause after it describes the town it refers to.
_TOWN_NOUNS = {"المدينه", "البلده", "القريه", "الناحيه"}
# "the west of" before "the city": a side of it, away from it
_AWAY = re.compile(r"\b(?:the|an?) (?:\S+ )?" + DIRECTION_OF + " $")
# A place right after these words locates another ("the town, east of Mosul"): it is not what "it" after them means.
_LOCATING = re.compile(r"\b(?:near|outside|around|close to|" + DIRECTION_OF + ")$")
# A verb right after a description makes it its clause's subject, not an apposition to the place before it.
_VERBS_AFTER = PASSIVE_AUX | {"has", "had", "have"}
_ORDINALS = {"first", "second", "third", "next", "another", "other"}
# A town named as a road's end: "it" after "cut the road to Deir al-Zour" is the road, not the town.
_ROAD_TO = re.compile(r"\b(?:roads?|routes?|highways?|supply lines?) (?:\S+ )?(?:to|towards|into|linking|between)"
                      r"(?: the (?:city|town) of)?$")


class ReferenceReading:
    """The readings of references of PlaceReading (its sentence's places, tokens and article)."""

    def _anaphor(self, normalised, offset):
        """The first "the town" in normalised words starting at `offset` of the sentence, unless a name
        stands in it ("the Rawa district" is another place; "the Syrian city" is an anaphor)."""
        for match in ANAPHOR.finditer(normalised):
            first = self.article.token_at(self.norm_start + offset + match.start())
            stop = self.article.token_at(self.norm_start + offset + match.end() - 1)
            # a side's name describes the town ("an Islamic State-held town"), where a place's name names another
            sides = {index for side in self.article.actors_in(first, stop) for index in range(side.first, side.stop)}
            inner = [t.text for index, t in enumerate(self.article.tokens[first + 1: stop], first + 1) if index not in sides]
            if _ORDINALS.intersection(w.lower() for w in inner) or _AWAY.search(normalised[:match.start()]):
                continue  # "the first area" of an operation is not the town, nor is "the west of the city"
            if not any(w[:1].isupper() and not w.endswith(_DEMONYM_ENDINGS) and not _COUNTRIES_ONLY.fullmatch(w)
                       for w in inner):
                return match  # "the Syria-Turkey border town" describes a town; "the Rawa district" names one
        return None

    def _definite_before(self, cue):
        """The "the" at most three words before a phrase, which opens the town it refers to ("the last IS-held
        town"), or the phrase's end: "Hit is an IS-held town" is a predicate, about its subject."""
        norms = self.article.norms
        return next((i for i in range(cue.first - 1, max(self.first, cue.first - 4) - 1, -1) if norms[i] == "the"),
                    cue.stop)

    def _referred(self, token, words, window):
        if "provincial capital" in words:  # the capital of a province named before, or none
            province = self.article.province_before(token)
            return ([province], f"{words} read as the capital of {province.text}", window) if province else ([], "", "")
        place = self._apposition_after(token)
        if place is not None:
            return [place], f"{words} read as {place.text}, named after it", window
        place = self._apposition_before(token, len(words.strip("'").split())) if words.startswith("'the ") else None
        if place is not None:
            return [place], f"{words} read as {place.text}, named right before it", window
        if words.startswith(("'a ", "'an ")) and words.endswith(("area'", "region'")):
            return [], "", ""  # "seized a key area surrounding the airbase": an area of its own, no town named next
        called = self._last_called(token, words.strip("'"))
        if called is not None:  # "ناحية برطلة ... قرب الموصل ... تحرير الناحية": the subdistrict, not the city
            return [called], f"{words} read as {called.text}, the last place called so", window
        introduced = words.startswith(("'a ", "'an ")) or self._unnamed_town_before(token)
        small = words.endswith(("town'", "village'", "قريه'"))
        noun = words.strip("'").split()[-1] if words.strip("'") else ""
        place, how = self.article.referent(token, introduced=introduced, small=small, noun=noun)
        if place is not None and "منطقه" in words and how.startswith("read as the place named next"):
            return [], "", ""  # "دخلت المنطقة" with no town before it: the area the text spoke of, not a town after it
        return ([place], f"{words} {how} {place.text}", window) if place else ([], "", "")

    def _relative_on_town(self, cue):
        """The town an Arabic relative clause on "the town" describes, its pronoun the object of the clause's verb
        ("يحاصرون البلدة التي يسيطر عليها داعش": the town referred to, or "المدينة الواقعة بشمال سوريا والتي", the
        city lying in northern Syria, which); None on another noun ("المواقع التي")."""
        norms = self.article.norms
        relative = next((i for i in range(cue.first - 1, max(self.first, cue.first - 4) - 1, -1)
                         if norms[i].removeprefix("و") in ("التي", "الذي")), None)
        if relative is None or relative == self.first:
            return None
        noun = next((i for i in range(relative - 1, max(self.first, relative - 7) - 1, -1)
                     if norms[i] in _TOWN_NOUNS), None)
        located = noun is not None and LOCATING_REGION.match(self.norm_between(noun + 1, relative + 1))
        if noun is None or relative - noun - 1 != (len(located.group().split()) if located else 0):
            return None
        places = self._referred(noun, f"'{norms[noun]}'", "")[0]
        if not places:
            return None
        # a town named after a direction only locates another ("جنوب غرب مدينة كركوك"): the noun is not sure to be it
        before = places[0].first - 1 - (norms[places[0].first - 1] in SETTLEMENT_WORDS)
        return None if norms[before].removeprefix("ال") in ARABIC_DIRECTIONS else places[0]

    def _last_called(self, token, word):
        """The last town-like place before token `token` named after the noun of its kind that the Arabic `word` is
        with the article ("ناحية برطلة", "وقضاء تلعفر"); None for another word or when no place is named so."""
        noun, article = _KIND_NOUNS.get(word), self.article
        position = bisect.bisect_left(article.antecedent_firsts, token)
        return next((m for m in reversed(article.antecedents[:position]) if noun and m.first
                     and article.norms[m.first - 1].removeprefix("و").removeprefix("ب") == noun), None)

    def _unnamed_town_before(self, token):
        """Whether the sentence introduces an unnamed town before token `token` ("في مدينة نائية بغرب العراق", in a
        remote city in western Iraq): "المدينة" after it is that town, named next, not one named before."""
        norms = self.article.norms
        named = {p.first for p in self.article.places_in(self.first, token)}
        return any(norms[index] in _UNNAMED_TOWN and not norms[index + 1].startswith("ال") and index + 1 not in named
                   for index in range(self.first, token - 1))

    def _pronoun_referent(self, token):
        """"it" points back to the town named last, unless a site was named after that town ("The Baiji refinery ...
        Iraqi forces retook it"): then it is the site. A pronoun never points to a place named after it. A town its
        sentence names without a name before it ("pushed IS from a key town ..., days after starting an operation to
        retake it") is nearer than any named before the sentence: "it" is that town, past a place that only locates it
        ("have entered the town, east of Mosul, and are now in control of it")."""
        described = self._anaphor(self.norm_between(self.first, token), 0)
        if described is not None:
            first = self.article.token_at(self.norm_start + described.start())
            between = [p for p in self.article.places_in(first, token) if not self._locates(p)]
            if not between and not self.article.places_in(self.first, first):
                places, note, _ = self._referred(first, f"'{described.group()}'", "")
                return places, f"'it' is {note}" if places else "", ""
        town = self.article.antecedent(token)
        if town is None:
            return [], "", ""
        between = self.article.norms[town.stop: token]
        if _ROAD_TO.search(" ".join(self.article.norms[max(0, town.first - 6): town.first])):
            return [], "", ""
        if _SITE_WORDS.intersection(between) or any(m.role == "facility" for m in self.article.places_in(town.stop, token)):
            return [], "", ""
        if self._site_is_topic(token):
            return [], "", ""
        return [town], f"'it' read as {town.text}", ""

    def _locates(self, place):
        """Whether a place is named only to locate another ("east of Mosul", "near Raqqa")."""
        return _LOCATING.search(" ".join(self.article.norms[max(self.first, place.first - 3): place.first])) is not None

    def _site_is_topic(self, token):
        """Whether the sentence of token `token`, or the one before it, opens with a site as its subject ("The Baiji
        refinery produced ... when IS seized it at the same time as the city of Mosul. Iraqi forces retook it"): a
        pronoun keeps to the topic, not to a town named in passing."""
        sentence = self.article.sentence_of(token)
        for number in (sentence, sentence - 1):
            if number < 0:
                continue
            first, _ = self.article.sentences[number]
            opening = self.article.norms[first: min(token, first + 4)]
            if _SITE_WORDS.intersection(opening) or any(
                    m.role == "facility" for m in self.article.places_in(first, min(token, first + 4))):
                return True
        return False

    def _apposition_after(self, token):
        """A place named in apposition later in the sentence ("the last town held by IS in Syria, Albu
        Kamal, ..."): after a comma, within ten words, ending the sentence or followed by a comma."""
        text = self.article.text
        for place in self.places[bisect.bisect_right(self.place_firsts, token):]:
            if place.first - token > 10:
                break
            before = text[self.article.tokens[place.first - 1].end: place.start]
            after = text[place.end: place.end + 2].lstrip()[:1]
            if before.strip() == "," and (place.stop >= self.last or after in {",", ".", ";", ""}):
                return place
        return None

    def _apposition_before(self, token, length):
        """The place named right before a definite description of `length` words, a comma between ("105 miles
        southeast of Mosul, the IS stronghold under siege"): the description is in apposition to it, even where the
        place only locates another, unless a verb follows it ("Located south of Kirkuk, the village was taken": the
        comma ends a phrase before the subject)."""
        position = bisect.bisect_left(self.place_firsts, token) - 1
        if position < 0 or _VERBS_AFTER.intersection(self.article.norms[token + length: token + length + 1]):
            return None
        place = self.places[position]
        between = self.article.text[place.end: self.article.tokens[token].start]
        return place if place.stop == token and between.strip() == "," else None
