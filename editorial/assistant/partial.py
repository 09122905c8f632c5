"""Whether a control phrase takes only a part of its place: a district, the centre, a part named, a side still inside.

Its own module because a part taken is read from words around the place, not from who acts: a district noun between
the phrase and the town, the centre as the verb's object, a direction or a part's noun with the place, a side said to
stay inside after "but", a part named as the object of the subject's next verb. Sentence reads it as a mixin; a
part taken leaves the place contested.
"""
import re

from .names import SETTLEMENT_WORDS
from .parts import ARABIC_DIRECTIONS, ARABIC_DISTRICTS, ARABIC_PART_AFTER, DIRECTIONS, PART_AFTER, PART_NOUNS_AFTER
from .tokens import is_arabic

_CENTRE = {"central", "downtown"}
# The centre as the verb's object, the place named after it: "seized the centre of X", "the city centre of the town
# of X", "the center of the IS stronghold X".
_CENTRE_OF = re.compile(r"^(?:the )?(?:city |town )?cent(?:er|re) of(?:(?: \S+){0,4}? (?:city|town|stronghold|bastion)"
                        r"(?: of)?)?$")
_ARABIC_CENTRE = {"وسط", "بوسط"}  # "طردت داعش من وسط تكريت" (drove IS from central Tikrit)
_ARABIC_OBJECT_BEFORE = {"من", "علي"}  # "من وسط", "على وسط": the centre the verb takes, not where a flag flies
# A side still inside after "but" makes the change partial: "stormed Qaraqosh but IS fighters remained in the town".
_STILL_INSIDE = re.compile(r"\b(?:but|though|although|while)\b(?: \S+){1,5}? (?:remained|remain|remains|stayed|"
                           r"(?:are|were|was|is) still|still) (?:holed up |present )?(?:in|inside|within)\b")
# A second verb of the same subject, after the place, takes a part of it: what the first verb took is that part
# ("stormed the town of X on Monday and seized a district from the Kurds", "entered X and took control of parts of it").
_PART_TAKEN_AFTER = re.compile(r"^(?:(?!(?:but|while|which|who|after|before)\b)\S+ ){0,10}?and (?:then )?"
                               r"(?:captured|seized|took|overran|retook|recaptured|(?:took|gained|seized) control of)"
                               r"(?: \S+){0,3}? (?:neighbou?rhoods?|districts?|quarters?|parts?|areas|sections?)\b")
_PLACE_PREPOSITIONS = {"in", "at", "over", "inside", "into"}  # "raised the flag in central Rutba": where, not what


class PartReading:
    """The part readings of Sentence (its places, players, cues, tokens and article)."""

    def _district_of(self, cue, place):
        """Whether an Arabic district noun stands between the phrase and a town: the district taken is part of it
        ("حررت حي الصحة الثانية بالجانب الأيمن لمدينة الموصل"), unless the place is itself the district ("حيي الجبيلة")."""
        kind = self.article.gazetteer.place_kinds.get(place.slug, "town")
        return kind != "neighbourhood" and bool(ARABIC_DISTRICTS.intersection(self.article.norms[cue.stop: place.first]))

    def _still_inside(self, cue, holder):
        """Whether another side is said to stay in the place after the change, in a clause after "but" ("Federal forces
        stormed Qaraqosh on Tuesday but IS fighters remained in the town"): the change took part of it."""
        match = _STILL_INSIDE.search(self.norm_between(cue.stop, self.last))
        if match is None:
            return False
        first = self.article.token_at(self.norm_start + self.offset(cue.stop) + match.start())
        stop = self.article.token_at(self.norm_start + self.offset(cue.stop) + match.end() - 1)
        return any(first <= a.first < stop and a.slug != holder for a in self.players)

    def _part_taken_after(self, cue, place):
        """Whether the subject's next verb, joined by "and" after the place, takes a part of it ("stormed X on Monday
        and seized a district from the Kurds"): the first verb names the town the part is in, not all it took."""
        return place.first >= cue.stop and _PART_TAKEN_AFTER.match(self.norm_between(place.stop, self.last)) is not None

    def _centre_taken(self, cue, place):
        """Whether a verb takes the centre of the place as its object ("the SDF liberated central Hajin", "the centre of
        Hajin", "طردت داعش من وسط تكريت"): the rest is still fought over. A flag raised "in central Rutba" marks the
        whole town, so only the object counts."""
        norms = self.article.norms
        if is_arabic(cue.text):
            centre = place.first - 1 - (norms[place.first - 1] in SETTLEMENT_WORDS)  # "وسط مدينة تكريت"
            return (cue.stop <= centre and norms[centre] in _ARABIC_CENTRE
                    and (centre == cue.stop or norms[centre - 1] in _ARABIC_OBJECT_BEFORE))
        return norms[cue.stop - 1] not in _PLACE_PREPOSITIONS and (
            (place.first - 1 == cue.stop and norms[cue.stop] in _CENTRE)
            or _CENTRE_OF.match(self.norm_between(cue.stop, place.first)) is not None)

    def _named_as_part(self, place):
        """Whether the place is named as a part of it, where it or the place "the city" refers to is named: a direction
        before it ("eastern Mosul", "غرب الموصل"), a part of it after a possessive ("Mosul's eastern side"), an Arabic
        adjective of a part after it ("مدينة الموصل القديمة", the old city of Mosul) or a part's noun it modifies
        ("a large Mosul neighbourhood")."""
        article = self.article
        before = article.norms[place.first - 1] if place.first and article.sentence_of(
            place.first - 1) == article.sentence_of(place.first) else ""  # "... in the country's east. Al-Sukhna is"
        after = " ".join(self.article.norms[place.stop: place.stop + 3])
        return (before in DIRECTIONS or before in ARABIC_DIRECTIONS or PART_AFTER.match(after) is not None
                or after.split(" ", 1)[0] in ARABIC_PART_AFTER | PART_NOUNS_AFTER)
