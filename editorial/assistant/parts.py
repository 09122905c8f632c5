"""Whether a control phrase is about part of a place, or about a site in or beside it: a part taken leaves the
place contested.

Its own module because these words are one vocabulary, read by the rules that weigh a phrase (sentence.py), by
those that find its place (places.py) and by what it asserts (roles.py); and because a part taken is read from
words around the place, not from who acts: a district noun between the phrase and the town, the centre as the
verb's object, a direction or a part's noun with the place, a side said to stay inside after "but", a part named as
the object of the subject's next verb (PartReading, which Sentence reads as a mixin).
"""
import re

from .names import SETTLEMENT_WORDS
from .tokens import is_arabic

# Words that make a phrase about part of a place: contested, not held ("90 percent of Raqqa", "half the city", "a third
# of Kobani", "portions of Baiji", "قسماً كبيراً من المدينة", a large part of the city); "100 percent", "مئة في
# المئة" is all of it, and "the third of" an ordinal (the third of its bases), no share. A side named before a bare
# town noun is a region the town lies in, not a part of it ("في الجهة الشمالية فقط قضاء الحويجة": in the north, only
# the district of Hawija). A suburb, points or positions in a town ("الضاحية الشرقية لمدينة تل أبيض", "عدة نقاط وسط
# مدينة الباب") are part of it too.
PARTIAL = re.compile(r"\b(?:half|parts?|(?<!100 )(?:percent|per cent)|enclaves?|districts|neighbou?rhoods|areas|pockets?|sections?|"
                     r"quarters|outskirts|suburbs|much of|most of|almost all|nearly all|almost entirely|شبه كامل|"
                     r"large swathes?|swathes?|(?:a|an|large|small) (?:\S+ )?area of|(?:the )?(?:majority|bulk) of|"
                     r"(?:near|nearly|almost|virtually)[ -](?:complete|full|total)|quarter of|"
                     r"(?<!the )thirds? of|portions? of|"
                     r"(?:nearly|almost|virtually) (?:the )?(?:whole|entire)|"
                     r"(?:city|town)(?: s)? (?:cent(?:er|re)|downtown)|"
                     r"partly|partially|edges?|fringes?|old city of|نسبه|مساحات|(?:ال)?قسم (?:ال)?اكبر|"
                     r"قسما(?: \S+)? من|"
                     r"(?:eastern|western|northern|southern|east|west|north|south|left|right) (?:side|bank|half|sector)|"
                     # "the west of Manbij" is a part of it, where "(to the) west of Manbij" places one outside it
                     r"(?<!to )the (?:(?:north|south)(?:east|west)?|east|west) of|"
                     r"(?:a|an|one|another) (?:\S+ )?(?:district|neighbou?rhood|quarter) of|"
                     r"(?:ال)?ضاحيه|نقاط|(?:ال)?مواقع|"
                     r"نصف|ثلث|ثلثي|ثلثا|(?:ال)?جزء(?! من (?:ال)?(?:عملي|حمل|خط|معرك)[هة])|(?:ال)?اجزاء|(?:ال)?احياء|(?:احيا|اجزا)[ءي](?:ها|ه)|قلب|مناطق|المزيد من|\d+ حيا|(?:ال)?حيين|(?:ال)?اطراف|اراضي?|(?:ال)?مداخل|مدخل|معظم|غالبيه|اغلب|ارباع|ربع|(?<!100 )(?<!100 في )(?<!ميه في )(?<!مايه في )(?:بالمايه|بالميه|المايه|الميه)|جزئي\S*|"
                     r"(?:و?(?:لل|[بل]?ال))?(?:(?:شطر|جانب|ساحل|قسم|ضفه|قطاع|جهه) "
                     r"(?:ال)?(?:شرقي|غربي|شمالي|جنوبي|ايمن|ايسر)ه?|جهه (?:ال)?(?:شمال|جنوب|شرق|غرب))"
                     r"(?! (?:فقط )?(?:قضاء|اقضيه|مدينه|مدن|ناحيه|نواحي|بلده|بلدات)(?!\S)))\b|(?<!100)(?<!100 )%")
# A part's noun that is not the place's part: areas whose names a list gives ("controlled the areas of Qaratapa,
# Jabbara, Jalula and Saadiya": each area named is held whole) or a district of the country the place is ("in
# control of only one district of Iraq - the city of Hawija").
NAMED_PARTS = re.compile(r"\b(?:areas|districts|regions) of [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?"
                         r"(?:, [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)+,?(?: and)?\s*$|"
                         r"\b(?:a|an|one|another) (?:\S+ )?(?:district|region|area) of (?:Iraq|Syria|the country)\b")
# The last parts of a place taken complete it: "retook the last remaining areas of the town", "اخر احياء المدينه".
LAST_PARTS = re.compile(r"\b(?:last|final|remaining) (?:remaining )?(?:parts?|enclaves?|districts|neighbou?rhoods|areas|"
                        r"pockets?|sections?|quarters)\b|(?<!\S)(?:اخر|ما تبقي من|باقي) (?:(?:ال)?(?:احياء|معاقل)|احيا[ءي](?:ها|ه))(?!\S)")
# All the parts of a place are all of it, for a change or a state: "holds all areas of the town", "جميع مناطق الناحية".
ALL_PARTS = re.compile(r"\ball (?:of )?(?:the |its )?(?:\d+ )?(?:districts|neighbou?rhoods|areas|parts|sections|quarters)\b|"
                       r"(?<!\S)(?:جميع|كافه|كامل|كل) (?:ال)?(?:احياء|مناطق|اجزاء|ارجاء|اراضي|اطراف)(?!\S)")
# Words right after a place that make the phrase about part of it: "Mosul's eastern side", "Mosul's old city",
# "Tal Afar's town centre" (the rest still fought over).
PART_AFTER = re.compile(r"^s (?:(?:eastern|western|northern|southern|east|west|north|south|left|right|old) "
                        r"(?:side|bank|half|sector|city|districts?|neighbou?rhoods?|parts?)|outskirts|suburbs|"
                        r"(?:(?:city|town) )?cent(?:er|re)|downtown)\b")
# A noun of a part right after the place's name, the name its modifier: "retake large Mosul neighbourhood",
# "capture Tal Afar center" (the town's centre, the rest still fought over).
PART_NOUNS_AFTER = {"neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "suburb", "suburbs", "center",
                    "centre"}
# Arabic nouns of a district: one between a verb and the place names a part of it ("حررت حي الصحة الثانية
# بالجانب الأيمن لمدينة الموصل", "اقتحمت حيي الموصل الجديدة والأغوات": a district named after the town).
ARABIC_DISTRICTS = {"حي", "حيي", "حيين", "احياء", "حيا"}
# Nouns of a site right after a town's name, where no place of the gazetteer is named so: the phrase is about the
# site ("the Husaybah border post on the edge of al-Qaim", "Tabqa airbase", "the Palmyra citadel", "Heet Island", a
# height over the town: "a strategic Kobani hill") or an area around it ("the Deir Ezzor pocket"), not the town.
SITE_NOUNS_AFTER = {"border", "airport", "airbase", "airfield", "dam", "refinery", "prison", "checkpoint", "bridge", "highway",
                    "oilfield", "crossing", "post", "base", "headquarters", "compound", "hospital", "university", "stadium",
                    "mountain", "mountains", "hill", "hills", "hilltop", "pocket", "military", "air", "citadel",
                    "island"}
# An Arabic adverb that makes control only by fire ("سيطرت على المدينة نارياً", controls the town by fire: within
# range, not taken): no control of the place.
_BY_FIRE = {"ناريا", "بالنار"}
# An Arabic adjective after the place's name that makes it a part: "مدينة الموصل القديمة" (the old city of Mosul).
ARABIC_PART_AFTER = {"القديمه", "القديم"}
# An Arabic direction before the place's name ("غرب الموصل", west Mosul), as DIRECTIONS is for English.
ARABIC_DIRECTIONS = {"شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي"}
# A direction that places something away from a place ("west of Mosul", "northeast of"), for the landmark patterns.
DIRECTION_OF = r"(?:south|north|east|west)(?:east|west)?(?:ern)? of"
# A site inside a place, taken "in" it ("the main government compound in Ramadi", "the neighbourhood of Tajnid in
# Jalawla"): part of the place, contested.
SITE_IN = re.compile(r"(?:^|\b)(?:\S+ ){0,4}?(?:compound|headquarters|complex|building|government cent(?:er|re)|"
                     r"facility|neighbou?rhood|quarter|palace|citadel|"
                     r"hospital|university|prison|refinery|mosque|museum)s?(?: of(?: \S+){1,3}?)? (?:in|inside|of|at)(?: the (?:city|town) of| central| (?:east|west|north|south)(?:ern)?)?$|"
                     # a part of a place as a verb's object, located "in" it ("seized two districts in Mosul", "captured more
                     # territory from IS in the northern town of Tabqa"): the part is taken, the rest still fought over
                     r"^(?:\S+ ){0,5}?(?:districts?|neighbou?rhoods?|areas|regions|territory|ground|parts|sections?|"
                     r"quarters|pockets)"
                     r"(?: (?!(?:in|inside|within|and|which|that|where)\b)\S+){0,6}? (?:in|inside|within)"
                     r"(?: the(?: \S+){0,2}? (?:city|town|village|side|bank|part|edge|outskirts|"
                     r"(?:north|south)?(?:east|west)|north|south|cent(?:er|re)) of|"
                     r" (?:east|west|north|south)(?:ern)?)?$|"
                     r"^(?:\S+ ){0,4}?(?:ال)?(?:حي|حيين|احياء|مناطق|منطقتي|منطقتين|اراضي?|اطراف|معاقل|مبني|مجمع|مقر|"
                     # in it, or in a side of it ("منطقتي الجغيفي والجولان بشمال الفلوجة"; "شمال الفلوجة" is outside), a
                     # market or a street in it ("شارع الزيتون وسط مدينة الرطبة")
                     r"قلعه|مستشفي|مشفي|جامعه|سجن|مصفاه|جامع|متحف|مفرق|جسر|سوق|شارع)(?: \S+){0,5} "
                     # or within its bounds ("مفرق جسر ... وهي ضمن الحدود البلدية لمركز ناحية الشرقاط")
                     r"(?:في|داخل|من|وسط|ضمن(?: (?:ال)?حدود(?: \S+)?)?|(?:في |ب)(?:ال)?(?:شمال|جنوب|شرق|غرب)(?:ي)?)"
                     r"(?: ل?(?:ال)?مركز)?(?: (?:مدينه|بلده|قضاء|ناحيه|قريه))?$|"
                     # positions or points in it, with a word at most between: "نقاط عدة داخل مدينة الباب" (several
                     # points inside al-Bab); further off, the place may locate a site listed after them
                     r"^(?:\S+ ){0,4}?(?:ال)?(?:مواقع|نقاط)(?: \S+)? (?:في|داخل)(?: (?:مدينه|بلده|قضاء|ناحيه|قريه))?$|"
                     # an Arabic site in construct with the town, right before it: "مستشفى تلعفر", "مطار دير الزور"
                     r"^(?:\S+ ){0,4}?(?:مبني|مجمع|مقر|قلعه|مستشفي|مشفي|جامعه|سجن|مصفاه|جامع|متحف|مطار|معبر|سد|قاعده|"
                     # its market or a street ("سوق الرطبة"), the district's seat of government ("قائممقامية بيجي",
                     # "سراي"), a police station ("مركز شرطة"); a site of "the city" it refers to
                     r"سوق|شارع|قايم ?\S*قاميه|سراي|مركز شرطه|مخفر)(?: (?:ال)?(?:مدينه|بلده|قضاء|ناحيه))?$")
# A direction right before the place's name makes it part of the place: "eastern Mosul", "west Mosul".
DIRECTIONS = {"eastern", "western", "northern", "southern", "east", "west", "north", "south"}

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
_WHOLE_RELATIVES = {"التي", "الذي"}  # a relative word on a place: its clause is about the place, not a part before it
# "the city" or "the town" of a later sentence names the whole town, whatever part of it was named before.
_WHOLE_TOWN_REFERENCES = ("'the city'", "'the town'")
_PLACE_PREPOSITIONS = {"in", "at", "over", "inside", "into"}  # "raised the flag in central Rutba": where, not what


class PartReading:
    """The part readings of Sentence (its places, players, cues, tokens and article)."""

    def _district_of(self, cue, place):
        """Whether an Arabic district noun stands between the phrase and a town: the district taken is part of it
        ("حررت حي الصحة الثانية بالجانب الأيمن لمدينة الموصل"), unless the place is itself the district ("حيي الجبيلة")."""
        kind = self.article.gazetteer.place_kinds.get(place.slug, "town")
        return kind != "neighbourhood" and bool(ARABIC_DISTRICTS.intersection(self.article.norms[cue.stop: place.first]))

    def _by_fire(self, cue, place):
        """Whether "نارياً" (by fire) follows the place or the verb's subject and object ("سيطرت فصائل المعارضة على
        المدينة نارياً"): the place is within range of the side, not taken."""
        norms = self.article.norms
        return bool(_BY_FIRE & {*norms[place.stop: place.stop + 1], *norms[cue.stop: min(cue.stop + 6, self.last)]})

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

    def _described_whole(self, place, cue):
        """Whether the phrase stands in an Arabic relative clause opening right after the place ("غرب عين عيسى التي
        سيطر عليها داعش", west of Ain Issa, which Daesh took): the clause is said of the whole place, a part named
        with it before the relative word only locates where the sentence's other news is; so is a definite adjective
        of control right after the place ("الأحياء السكنية في مدينة الرقة الخاضعة لسيطرة التنظيم")."""
        article = self.article
        if is_arabic(cue.text) and place.stop == cue.first and article.norms[cue.first].startswith("الخاضع"):
            return True
        return (is_arabic(cue.text) and place.stop < cue.first <= place.stop + 4
                and article.norms[place.stop] in _WHOLE_RELATIVES
                and not re.search(r"[,،.]", article.text[place.end: article.tokens[cue.first].start]))

    def _named_as_part(self, place, reference=""):
        """Whether the place is named as a part of it, where it or the place an Arabic "المدينة" refers to is named:
        a direction before it ("eastern Mosul", "غرب الموصل"), a part of it after a possessive ("Mosul's eastern
        side"), an Arabic adjective of a part after it ("مدينة الموصل القديمة", the old city of Mosul) or a part's noun
        it modifies ("a large Mosul neighbourhood"). An Arabic direction right after another place locates that place
        by this one ("كركوك شرقي الحويجة", Kirkuk, east of Hawija), as a distance does ("ثلاثين كيلومترا شمال غرب
        الحويجة"): no part of it. An English "the city" naming a town of an earlier sentence is the whole town
        again ("ISIS recaptured a village in Shaddadi suburb. The city remained under the control of the SDF"): the
        part named before is not it."""
        if place.first < self.first and reference.startswith(_WHOLE_TOWN_REFERENCES):
            return False
        article = self.article
        before = article.norms[place.first - 1] if place.first and article.sentence_of(
            place.first - 1) == article.sentence_of(place.first) else ""  # "... in the country's east. Al-Sukhna is"
        after = " ".join(self.article.norms[place.stop: place.stop + 3])
        located = before in ARABIC_DIRECTIONS and article.locates_another(place, by_distance=True)
        return (before in DIRECTIONS or (before in ARABIC_DIRECTIONS and not located)
                or PART_AFTER.match(after) is not None
                or after.split(" ", 1)[0] in ARABIC_PART_AFTER | PART_NOUNS_AFTER)
