"""Which places of a list a control phrase is about: the first, those joined to it, not a place that only
locates another.

Its own module because a list is read from its marks and joining words, not from the phrase: "and" or "و" closing a
list set apart by commas, a possessor naming where the next place lies ("Anbar's Rawa"), a direction before a later
member ("Sinjar, west of Mosul") or villages or territory "in" it ("and some villages in Kirkuk"), which make that
member a landmark. PlaceReading reads it as a mixin.
"""
import re

from .arabic_objects import part_conjunct, settlement_conjunct, unnamed_conjunct
from .place_clauses import PLACED_BY
from .rules import ARABIC_ALSO
from .tokens import is_arabic

_LIST_MARK = re.compile(r"\s*[,،-]\s*")  # what sets apart a list's places before its "and" or "و"
_POSSESSIVE = re.compile(r"['’]s\s+")
# A later member after villages or territory "in" it only locates them: "holds Ana, Rawa and some five hundred villages
# in Kirkuk", "segments of territories in Rutba" (the province around the town, or an unsaid share of it).
_LOCATES_LISTED = re.compile(r"\b(?:villages|territory|territories)(?: \S+)? in"
                             r"(?: (?:north|south)?(?:east|west)?(?:ern)?)?$")


class PlaceListReading:
    """The list readings of Sentence (its places, tokens and article)."""

    def listed_objects(self, cue, places):
        """The first place after a phrase, and those after it that are not landmarks: in English, a direction before
        a later place ("in control of the town of Sinjar, west of Mosul") or villages or territory "in" it ("holds
        Ana, Rawa and some villages in Kirkuk") places what comes before, not one more object."""
        if is_arabic(cue.text):
            return places
        return places[:1] + [p for p in places[1:] if not (
            PLACED_BY.search(self.norm_between(max(self.first, p.first - 4), p.first))
            or _LOCATES_LISTED.search(self.norm_between(max(self.first, p.first - 5), p.first)))]

    def _possessed(self, places):
        """Places without a possessor naming where the next one lies ("Mosul's Sinjar district", "Anbar's Rawa"):
        the possessed place is the one the phrase is about."""
        kept = []
        for place, following in zip(places, places[1:] + [None]):
            gap = self.article.text[place.end: following.start] if following is not None else ""
            if not _POSSESSIVE.fullmatch(gap):
                kept.append(place)
        return kept

    def coordinated(self, places):
        """The first place, and those joined to it by "and", "و" ("the Jbeileh and Jamiyat districts", "ومدينة") or an
        Arabic word of adding ("فضلا عن"); places set apart by "," or "،" when "and" or "و" closes their list ("seized
        Anah, Rawa and Qaim", "عانة، راوة والقائم"), not a place in apposition ("Qaim, 20 km from Rawa"), and a list of
        three or more set apart by "-" alone ("منبج - الباب - جرابلس")."""
        chosen, listed = places[:1], []  # listed: places after a list's mark, joined once the list closes or runs on
        for place in places[1:]:
            last = (listed or chosen)[-1]
            between = self.article.norms[last.stop: place.first]
            # "و" stands alone before a quoted name: "«راوة» و«عنه»", "« الموصل » و « تكريت »"
            joined = all(w in ("and", "و") for w in between) and (between or self.article.norms[place.first][0] == "و")
            if not between and not joined and _LIST_MARK.fullmatch(self.article.text[last.end: place.start]):
                listed.append(place)
                continue
            if not (joined or settlement_conjunct(between, self.article.text[last.end: place.start])
                    or unnamed_conjunct(between, self.article.norms[place.first]) or part_conjunct(between)
                    or ARABIC_ALSO.search(" ".join(between))):
                break  # "بلدة راوه ومدينة القائم" (the town of Rawa and the city of Qaim) is joined too
            chosen += listed + [place]
            listed = []
        runs_on = len(listed) >= 2 and all(self.article.text[a.end: b.start].strip() == "-"
                                           for a, b in zip(chosen[-1:] + listed, listed))
        return chosen + listed if runs_on else chosen
