"""Which place a clause around a phrase names: "Mosul, where IS holds the western half", "Qaim that Iraqi forces
retook", "Jarabulus is a major IS-held city".

Its own module because these clauses are a grammar of their own: a "where", "that" or "which" clause, or a predicate
with "is a", said of the place named right before it. PlaceReading reads it as a mixin.
"""
import bisect
import re

from .parts import PARTIAL

# Words placing a place by another named after them: the other is a landmark, not what the sentence is about
# ("قرية تبعد سبعة كيلومترات إلى الشرق من كوباني", a village seven km east of Kobani; "بالقرب من", "على بعد").
PLACED_BY = re.compile(r"\b(?:near|outside|(?:south|north|east|west)(?:east|west)?(?:ern)? of)$|(?:قرب|جنوب|شمال|شرق|غرب)(?:ي)?$")
_RELATIVE_OBJECT = {"that", "which"}
_AUXILIARIES = set("had has have was were is are later then finally eventually still now".split())
# What stands between a place and a held adjective said of it: "is a major", "and the surrounding area is one of
# the last pockets of".
_PREDICATE = re.compile(r"(?:and (?:the|its) surrounding (?:area|areas|region|countryside) )?(?:is|was|remains|remained) "
                        r"(?:an?(?: \S+){0,2}|one of(?: (?!(?:after|before|when|which|that|where|but)\b)\S+){1,5})")


class PlaceClauseReading:
    """The clause readings of PlaceReading (its places, players and article)."""

    def _part_held_where(self, cue):
        """The place a "where" clause right after it is about, when its verb of holding takes a part ("Deir al-Zor,
        where it controls an enclave", "Mosul, where IS still holds the western half"): the part is of that place."""
        before = bisect.bisect_left(self.place_firsts, cue.first)
        if not before or self.places[before - 1].first < self.first:
            return None
        place = self.places[before - 1]
        norms = self.article.norms
        if place.stop >= cue.first or norms[place.stop] != "where" or cue.first - place.stop > 5:
            return None
        return place if PARTIAL.search(self.norm_between(cue.stop, min(cue.stop + 3, self.last))) else None

    def _relative_object(self, cue):
        """The place a relative clause's verb takes when the clause opens right after it: "Qaim that Iraqi forces
        retook", "Mosul, which the army had seized" (the relative word, the subject or "they", whose side pronouns.py
        reads, perhaps an auxiliary, the verb); "a town east of Mosul which IS seized" describes the town, not Mosul."""
        before = bisect.bisect_left(self.place_firsts, cue.first)
        if not before:
            return None
        place, norms = self.places[before - 1], self.article.norms
        words = norms[place.stop: cue.first]
        if len(words) < 2 or words[0] not in _RELATIVE_OBJECT or words[-1] in _RELATIVE_OBJECT or (
                "," not in self.raw_between(place.stop - 1, place.stop + 1)
                and PLACED_BY.search(" ".join(norms[max(self.first, place.first - 3): place.first]))):
            return None
        opener = place.stop + 1 + (words[1] == "the")
        subject = self.player_from(opener, opener + 1)
        end = subject.stop if subject and subject.first == opener else opener + 1 if words[1] == "they" else None
        return place if end is not None and all(w in _AUXILIARIES for w in norms[end: cue.first]) else None

    def _predicated(self, cue):
        """The place a held adjective is said of with "is a" or "is one of" ("Jarabulus is a major IS-held city",
        "Tal Afar and the surrounding area is one of the last pockets of IS-held territory"), if any."""
        before = bisect.bisect_left(self.place_firsts, cue.first)
        if not before or self.places[before - 1].first < self.first:
            return None
        place = self.places[before - 1]
        words = " ".join(self.article.norms[place.stop: cue.first])
        return place if _PREDICATE.fullmatch(words) else None
