"""Which place a clause around a phrase names: "Mosul, where IS holds the western half", "Qaim that Iraqi forces
retook", "Jarabulus is a major IS-held city", "Bashir, 20 km south of Kirkuk, fell".

Its own module because these clauses are a grammar of their own: a "where", "that" or "which" clause, an Arabic
relative clause whose pronoun is the place ("الرقة التي يسيطر عليها داعش"), a predicate with "is a", said of the place
named right before it, or an aside that locates the subject by a landmark.
PlaceReading reads it as a mixin.
"""
import bisect
import re

from .names import SETTLEMENT_WORDS
from .parts import ARABIC_DIRECTIONS, DIRECTION_OF, PARTIAL
from .rules import ARABIC_HOLDS
from .tokens import is_arabic

# Words placing a place by another named after them: the other is a landmark, not what the sentence is about
# ("قرية تبعد سبعة كيلومترات إلى الشرق من كوباني", a village seven km east of Kobani; "بالقرب من", "على بعد").
# "the west of Manbij" names a part of it (parts.PARTIAL), where "to the west of Manbij" places another beside it, as
# "east of the town of Jarablus" does; a region named after a town ("Ayn Issa in northern Raqqa") is its province,
# unless a part of it comes before ("the neighbourhoods in northern Deir ez-Zor").
PLACED_BY = re.compile(r"\b(?:near|outside|(?:(?<!the )|(?<=to the ))"
                       + DIRECTION_OF + r"(?: the(?: \S+)? (?:capital|city|town) of)?)$"
                       r"|(?<!\S)(?!(?:neighbou?rhood|district|quarter|part|area)s?\b)\S+"
                       r" in (?:north|south)?(?:east|west)?ern$"
                       r"|(?:قرب|جنوب|شمال|شرق|غرب)(?:ي)?$")
# Arabic words that place what comes before away from the place after them, whatever the phrase ("غرب الموصل" may
# be west Mosul; "إلى الغرب من الموصل" is west of it; "القرى المجاورة لعين العرب", the villages neighbouring Kobani;
# "في محيط مدينة", around the city; "القرى المحيطة بمركز مدينة القيارة", the villages around Qayyarah's centre; "القرى
# على اطراف ناحية القيارة", "مشفى الحكمة الواقع على أطراف مدينة الباب": a village or a site on its outskirts; "جبل
# الشيخ عقيل المطل على مدينة الباب", a hill overlooking it); in English, villages or areas near, around or outside
# it, or a height overlooking it.
AWAY_FROM = re.compile(r"(?<!\S)(?:الي )?ال(?:جنوب|شمال|شرق|غرب)(?: ال(?:شرقي|غربي))? من$|"
                       r"(?<!\S)(?:ال)?مطل[هة]? علي(?: (?:مدينه|بلده|ناحيه|قضاء))?$|"
                       r"(?<!\S)(?:(?:ال)?واقع[هة]?|(?:ال)?(?:قري|قريه|قريتي|بلدات|مواقع|نقاط|تلال|تله))"
                       r" (?:علي|في) (?:ال)?اطراف(?: (?:مدينه|بلده|ناحيه|قضاء))?$|"
                       r"(?<!\S)(?:بالقرب|مقربه|علي بعد|[تي]بعد)(?: \S+){0,3} (?:من|عن)"
                       r"(?: (?:مدينه|بلده|قريه|ناحيه))?$|"
                       r"(?<!\S)(?:ال)?(?:مجاور|محاذي|محيط)\S*(?: (?:من|[بل]مركز))?(?: [بل]?(?:مدينه|بلده|ناحيه))?$|"
                       # English villages or areas near a town: "all 34 villages around Amerli are under the control of"
                       r"\b(?:villages|areas|towns|farms|hills|positions)(?: \S+)? (?:near|around|surrounding|outside)"
                       r"(?: the(?: \S+)? (?:city|town) of)?$|"
                       # villages in a town's region are outside the town: "ISIS-held villages in western Kirkuk"
                       r"\bvillages(?: \S+)? in(?: (?:north|south)?(?:east|west)?(?:ern)?)?$|"
                       # a town beside another: "retook a town next to the militant-held city of Tikrit"
                       r"\b(?:next|adjacent) to(?: the(?: \S+){0,3}? (?:city|town) of)?$|"
                       # a height over a town: "seized a hill overlooking the town of Kobani"
                       r"\boverlook(?:ing|s)(?: the(?: \S+)? (?:city|town|village) of)?$")
# What a held adjective's noun lies near or away from, not in: "a Kurdish-held town west of Mosul", "IS-held villages
# in western Kirkuk".
NEAR_OR_AWAY = (PLACED_BY, AWAY_FROM)
# A place after a road or area "between" is an end of it, not what the phrase takes or besieges: "cut the supply roads
# between Raqqa and Mosul", "besieged IS units in the area between al-Mayadin and Kashmah", "قطع طرق الامداد بين الرقه
# والموصل"; so is a town a road runs through or into ("secured the highway through the city of Baiji"), and an Arabic
# road's destination: "سيطرت على الطريق الى منبج", "الطرق المؤديه لمنبج", "والطريق الآخر الذي
# يؤدي إلى القائم بيد الجيش" (the other road, which leads to Qaim, is in the army's hands).
ROUTE_ENDS = re.compile(r"(?:\b|(?<!\S)[وف])(?:roads?|routes?|highway|supply lines?|areas?|territory|stretch|"
                        r"(?:ال)?طر(?:يق|ق)|خطوط|خط)(?: \S+){0,2} "
                        r"(?:between|through|into|بين|الي|نحو|المؤديه|الموديه|(?:الذي|التي) [يت]ودي الي)\b")
ROUTE_END_BEFORE = re.compile(f"(?:{ROUTE_ENDS.pattern})$")  # the place right after: the road's end, not what is held
# An aside opening with a distance or a direction locates the place before it ("about 15 kilometers (nine miles) from
# the edge of Mosul", "20 km south of Kirkuk", "near Raqqa"): a place in it is a landmark.
_LOCATING_ASIDE = re.compile(r"(?:(?:about|some|around|nearly|roughly|just|only|less than|more than) )?"
                             r"(?:\d+|a few|two|three|four|five|ten) (?:km|kilomet(?:re|er)s|miles)\b|"
                             r"(?:near|outside|close to|" + DIRECTION_OF + r")\b")
# "، وهي" (which are) after a state phrase and its holder opens the list of what the noun before the phrase counts.
_WHICH_ARE = {"وهي", "وهما", "وهو"}
_RELATIVE_OBJECT = {"that", "which"}
# An Arabic relative word right after a landmark opens a clause about it: "شرقي الحويجة التي", "شرقي الحويجة وهي".
_LANDMARK_RELATIVES = {"التي", "الذي", "والتي", "والذي", "وهي", "وهو"}
# "في شرق سورية" (in eastern Syria), "غربي العراق" (west of Iraq), "الواقعة بشمال سوريا" (lying in northern Syria)
# between a place and a relative word locates the place: the clause after it is still about the place ("الميادين في
# شرق سورية التي يسيطر عليها داعش").
LOCATING_REGION = re.compile(r"^(?:(?:ال)?واقعه )?(?:في |ب)?(?:ال)?(?:شمال|جنوب|شرق|غرب)ي?(?: (?:ال)?(?:شرق|غرب)ي?)?"
                              r" (?:محافظه )?\S+ (?=\S)|"
                              # "تل أبيض السورية الحدودية مع تركيا والتي": its country's adjective, on the border
                              r"^(?:(?:ال)?(?:سوري|عراقي)ه? )?(?:ال)?حدوديه(?: مع \S+)? (?=\S)")
# The head of a noun phrase set in apposition to a place ("الموصل كبرى مدن الشمال", "الموصل عاصمة محافظة نينوى"): a
# relative clause after the phrase may still be about the place ("... وأولى المناطق التي سيطر عليها التنظيم").
_APPOSITION_HEADS = {"كبري", "اكبر", "عاصمه", "مركز", "معقل", "ثاني", "ثانيه", "اولي", "اول", "اخر", "اهم", "ابرز"}
# A preposition between an aside's head and its relative word: the clause is about the noun it governs ("هجين، أكبر
# البلدات في الجيب الأخير الذي يسيطر عليه": the pocket), not the head's.
_GOVERNED = re.compile(r"(?<!\S)(?:في|من|علي|الي|داخل|ضمن|ب\S+)(?!\S)")
RESUMPTIVE = {"عليها", "عليه"}  # an Arabic relative clause's pronoun for what it describes ("held over it")
# A town, a city or a village is feminine in Arabic ("مدينة", "بلدة", "قرية"): a masculine pronoun ("الطريق الدولي
# الذي يسيطر عليه التنظيم", the highway the group holds) describes a masculine noun named with it, a road, an airport,
# a district, never the town.
_MASCULINE = {"عليه"}
_FEMININE_KINDS = {"city", "town", "village"}
# A battle named by its town ("معركة الرقة الكبرى التي ...", the great battle of Raqqa, which ...): an adjective after
# the town agrees with the battle, and the relative clause after it goes on describing the battle, not the town.
_BATTLE_HEADS = {"معركه", "معارك"}
_AUXILIARIES = set("had has have was were is are later then finally eventually still now".split())
# What stands between a place and a held adjective said of it: "is a major", "and the surrounding area is one of
# the last pockets of".
_PREDICATE = re.compile(r"(?:and (?:the|its) surrounding (?:area|areas|region|countryside) )?"
                        r"(?:is|was|remains|remained) "
                        r"(?:an?(?: \S+){0,2}|one of(?: (?!(?:after|before|when|which|that|where|but)\b)\S+){1,5})")
# A singular verb between the last of listed places and a state phrase ("between Palmyra and Deir ez-Zor, which is
# held by IS"): the state is said of that place alone, where "Annah, Qaim and Rawa are held by IS" says it of all three.
_SINGULAR_VERBS = {"is", "was", "remains", "has"}
# A town noun joining the next place of a list ("Rawa and the nearby town of Anah are held by IS"): one more place.
JOINED_TOWN = re.compile(r"and (?:the )?(?:[a-z]+ )?(?:city|town|village) of")
# An apposition opening with an article right before a held adjective: "Jalawla, a Kurdish-controlled town".
_APPOSITION = re.compile(r"\s*,\s*an?(?:\s+[a-z]+){0,2}\s+")


class PlaceClauseReading:
    """The clause readings of PlaceReading (its places, players and article)."""

    def said_of_last_alone(self, place, cue):
        """Whether a singular verb tells that a state phrase after listed places is said of the last one alone."""
        return not is_arabic(cue.text) and bool(_SINGULAR_VERBS.intersection(self.article.norms[place.stop: cue.first]))

    def _listed_after_which(self, cue):
        """The places a list after "، وهي" names right after a state phrase and its holder ("لم يتبق إلا عدد قليل من
        المدن تحت سيطرة الجيش، وهي مدينة الحبانية شرقي الرمادي، ومدينة هيت"): the noun before the phrase counts them,
        not a place named before it; a place a direction locates ("شرقي الرمادي") is a landmark."""
        norms = self.article.norms
        which = next((i for i in range(cue.stop, min(self.last, cue.stop + 6)) if norms[i] in _WHICH_ARE), None)
        if which is None:
            return []
        listed = [p for p in self.places[bisect.bisect_left(self.place_firsts, which):] if p.first < self.last
                  and not PLACED_BY.search(self.norm_between(max(self.first, p.first - 1), p.first))]
        return self.coordinated(listed) if listed else []

    def _describes_landmark(self, place, cue):
        """Whether the phrase stands in an Arabic relative clause opening right after the landmark `place` ("وتقع
        كركوك شرقي الحويجة وهي جيب ما يزال تحت سيطرة التنظيم", Kirkuk lies east of Hawija, a pocket still under the
        group's control): the clause describes the landmark, not the place the landmark locates."""
        norms = self.article.norms
        if not (is_arabic(cue.text) and place.stop < cue.first and norms[place.stop] in _LANDMARK_RELATIVES):
            return False
        # after a comma, "وهي" may go back to the sentence's subject: "وتقع منطقة ... لمدينة دير الزور، وهي واحدة من"
        return not re.search(r"[,،]", self.article.text[place.end: self.article.tokens[place.stop].start])

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
                and PLACED_BY.search(" ".join(norms[max(self.first, place.first - 4): place.first]))):
            return None
        opener = place.stop + 1 + (words[1] == "the")
        subject = self.player_from(opener, opener + 1)
        end = subject.stop if subject and subject.first == opener else opener + 1 if words[1] == "they" else None
        return place if end is not None and all(w in _AUXILIARIES for w in norms[end: cue.first]) else None

    def _predicated(self, cue):
        """The place a held adjective is said of with "is a" or "is one of" ("Jarabulus is a major IS-held city",
        "Tal Afar and the surrounding area is one of the last pockets of IS-held territory"), or in an apposition
        to ("Jalawla, a Kurdish-controlled town"), if any."""
        before = bisect.bisect_left(self.place_firsts, cue.first)
        if not before or self.places[before - 1].first < self.first:
            return None
        place = self.places[before - 1]
        words = " ".join(self.article.norms[place.stop: cue.first])
        apposed = _APPOSITION.fullmatch(self.article.text[place.end: self.article.tokens[cue.first].start])
        return place if _PREDICATE.fullmatch(words) or apposed else None

    def _located_subject(self, place, cue):
        """The subject a place in an aside right before the phrase locates ("The small town, about 15 km from the
        edge of Mosul, was captured", "Bashir, 20 km south of Kirkuk, fell"): the place or "the town" before the
        aside, never the landmark. None when the place is in no such aside."""
        tokens, text = self.article.tokens, self.article.text
        if text[place.end: tokens[cue.first].start].strip() != ",":
            return self._subject_after_opening_aside(place, cue)
        opening = self._aside_opening(place)
        if opening is None:
            return None
        located = self.located_by_aside(place)
        if located is not None:
            return [located], "", self.raw_between(max(self.first, located.first - 4), cue.first)
        anaphor = self._anaphor(self.norm_between(self.first, opening), 0)
        if anaphor is None:
            return [], "", ""
        return self._referred(self.article.token_at(self.norm_start + anaphor.start()), f"'{anaphor.group()}'", "")

    def _aside_opening(self, place):
        """Where an aside opening with a distance or a direction ("some 275 km northwest of Baghdad") starts, when
        `place` is its landmark; None when it is in no such aside."""
        tokens, text = self.article.tokens, self.article.text
        opening = next((index + 1 for index in range(place.first - 1, max(self.first, place.first - 12) - 1, -1)
                        if "," in text[tokens[index].end: tokens[index + 1].start]), None)
        if opening is None or not _LOCATING_ASIDE.match(self.norm_between(opening, place.first)):
            return None
        return opening

    def located_by_aside(self, landmark):
        """The place right before the aside a landmark stands in ("Rawa, some 275 km northwest of Baghdad,"): the
        place the aside locates, or None."""
        opening = self._aside_opening(landmark)
        if opening is None:
            return None
        return next((p for p in self.places if p.stop == opening and p.first >= self.first), None)

    def past_locating_aside(self, earlier, later):
        """The words between two places of a list, past an aside set off by commas that locates the first ("Rawa,
        some 275 km northwest of Baghdad, and the city of Anah": "and the city of")."""
        tokens, text = self.article.tokens, self.article.text
        commas = [index for index in range(earlier.stop, later.first)
                  if "," in text[tokens[index - 1].end: tokens[index].start]]
        if len(commas) == 2 and commas[0] == earlier.stop and _LOCATING_ASIDE.match(
                self.norm_between(commas[0], commas[1])):
            return self.article.norms[commas[1]: later.first]
        return self.article.norms[earlier.stop: later.first]

    def _subject_after_opening_aside(self, place, cue):
        """"Located 16 miles south of Kirkuk, the village was captured": an aside opening the sentence locates the
        subject after its comma by the place in it, so "the village" is what the phrase is about, not the landmark.
        None when the sentence does not open so."""
        tokens, text = self.article.tokens, self.article.text
        gap = text[place.end: tokens[cue.first].start]
        if not gap.startswith(",") or "," in text[tokens[self.first].start: place.end]:
            return None
        if not _LOCATING_ASIDE.search(self.norm_between(self.first, place.first)):
            return None
        anaphor = self._anaphor(self.norm_between(place.stop, cue.first), self.offset(place.stop))
        if anaphor is None or anaphor.start() > 0:
            return None
        return self._referred(self.article.token_at(self.norm_start + self.offset(place.stop) + anaphor.start()),
                              f"'{anaphor.group()}'", "")

    def after_direction(self, place):
        """Whether a direction stands right before an Arabic place, or before its settlement noun ("جنوب الموصل",
        "شرق مدينة الرقة"): the place locates another."""
        norms, index = self.article.norms, place.first - 1
        if index > self.first and norms[index] in SETTLEMENT_WORDS:
            index -= 1
        return index >= self.first and norms[index].removeprefix("ال") in ARABIC_DIRECTIONS

    def _joined_relative(self, first, stop):
        """Whether the relative word between tokens `first` and `stop` is joined by "و" ("والتي") or follows a comma."""
        norms = self.article.norms
        return any(norms[i] in ("والتي", "والذي") or norms[i] in ("التي", "الذي") and re.search(
            r"[,،]\s*$", self.article.text[:self.article.tokens[i].start]) for i in range(first, stop))

    def resumptive_pronoun(self, cue):
        """Where the pronoun of an Arabic relative clause on a place stands after its verb, if it does: right after
        it ("التي يسيطر عليها داعش"), after "السيطرة" ("استعادة السيطرة عليها"), ending the phrase ("التي فرضت السيطرة
        عليها"), or after the verb's subject and an adjective of it ("التي سيطر التنظيم الإرهابي عليها"); else None."""
        norms = self.article.norms
        if not is_arabic(cue.text):
            return None
        pronoun = cue.stop + (cue.stop + 1 < self.last and norms[cue.stop] == "السيطره")  # "استعاده السيطره عليها"
        if norms[cue.stop - 1] in RESUMPTIVE:
            pronoun = cue.stop - 1  # the phrase ends with it: "التي فرضت السيطرة عليها"
        if pronoun < self.last and norms[pronoun] in RESUMPTIVE:
            return pronoun
        subject = self.player_from(cue.stop, cue.stop)
        if subject is None:
            return None
        # the subject, perhaps one adjective of it ("الإرهابي"), then the pronoun, with no comma between
        pronoun = next((i for i in range(subject.stop, min(subject.stop + 2, self.last)) if norms[i] in RESUMPTIVE
                        and (i == subject.stop or norms[subject.stop].startswith("ال"))), None)
        return pronoun if pronoun is not None and not re.search(r"[,،.]", self.raw_between(cue.first, pronoun)) \
            else None

    def pronoun_after_verb(self, cue):
        """The relative clause's pronoun when it stands right after the verb or after the verb's subject ("التي
        سيطر التنظيم عليها"), where a place named after it is not the verb's object; else None."""
        pronoun = self.resumptive_pronoun(cue)
        return pronoun if pronoun is not None and pronoun >= cue.stop and self.article.norms[cue.stop] != "السيطره" \
            else None

    def _resumptive(self, cue):
        """The place an Arabic relative clause describes when its verb's object is the clause's pronoun
        ("منطقة يسيطر عليها داعش", an area Daesh holds): the place named at most three words before the verb, not
        after another phrase of the sentence ("استعاد البوكمال، آخر مدينة يسيطر عليها داعش": what that change ended),
        unless "التي" opens the clause after the place or a region locating it ("تدمر التي استعادتها قوات النظام"),
        not after a noun joined to it ("البوكمال والمعابر التي تسيطر عليها داعش": the crossings), though "والتي" opens
        it too ("الباب الواقعة بشمال سوريا والتي يسيطر عليها داعش"), unless a direction before the place makes it a
        landmark ("قراقوش الواقعة جنوب الموصل والتي": Qaraqosh, named or not); a past verb only dated ("التي سيطر عليها
        داعش في 2014"; else background)."""
        norms = self.article.norms
        pronoun = self.resumptive_pronoun(cue)
        if pronoun is None:
            return None
        position = bisect.bisect_left(self.place_firsts, cue.first)
        place = self.places[position - 1] if position else None
        if place and position > 1 and self.after_direction(place) and self._joined_relative(place.stop, cue.first):
            # "بلدة بعشيقة شمال شرقي الموصل، والتي يسيطر عليها": a clause joined by "و" or set off by a comma after a
            # landmark goes on describing the place the landmark locates
            head = self.places[position - 2]
            if head.first >= self.first and LOCATING_REGION.match(self.norm_between(head.stop, cue.first)):
                place, position = head, position - 1
        opener = place.stop if place else 0
        located = LOCATING_REGION.match(self.norm_between(opener, cue.first)) if place else None
        if located:
            opener += len(located.group().split())
        if place and norms[opener] in _APPOSITION_HEADS:
            # the relative word after the apposition ("جرابلس، آخر أهم المعابر الحدودية التي يسيطر عليها داعش":
            # Jarablus, the last major border crossing Daesh holds), unless a preposition governs a noun between
            relative_word = next((i for i in range(opener, cue.first) if norms[i] in ("التي", "الذي")), None)
            aside = re.search(r"[,،]", self.article.text[place.end: self.article.tokens[opener].start])
            if relative_word is not None and not (aside and _GOVERNED.search(self.norm_between(opener, relative_word))):
                opener = relative_word
        relative = set(norms[opener: opener + 2 - norms[opener].startswith("و")]) if place else set()
        if place and not self.after_direction(place):
            relative = {word.removeprefix("و") for word in relative}  # "والتي" opens the clause on the place
        if place is None or not (cue.first - place.stop <= 9 and {"التي", "الذي"} & relative
                                 and not re.search(r"[,،]", self.raw_between(opener, cue.first))) and (
                self.cues[0] is not cue or cue.first - place.stop > 3):
            town = self._relative_on_town(cue)  # "البلدة التي يسيطر عليها": the town, named before
            return town if town is not None and ARABIC_HOLDS.match(cue.text) else None
        bracket = self.article.text.rfind("(", 0, self.article.tokens[opener].start)
        if 0 <= bracket < place.start and ")" in self.article.text[place.end: self.article.tokens[opener].start]:
            # a place in brackets locates the noun before them, which the clause describes ("قرية البشير، (25 كم جنوبي
            # كركوك)، التي سيطروا عليها": the village, not Kirkuk): the place named right before the bracket, if any
            place = next((p for p in self.places[:position - 1][::-1]
                          if re.fullmatch(r"[\s,،]*", self.article.text[p.end: bracket])), None)
            if place is None:
                return None
        if place.first > self.first and norms[place.first - 1] in _BATTLE_HEADS and norms[opener].startswith("ال") \
                and norms[opener] not in ("التي", "الذي"):
            return None
        if norms[pronoun] in _MASCULINE and self.article.gazetteer.place_kinds.get(place.slug) in _FEMININE_KINDS:
            return None
        return place if ARABIC_HOLDS.match(cue.text) or self.date(cue) is not None else None


def past_date_and_source(norms, start, sides, dates):
    """The word after the dates and the side taken from that follow an English verb from word `start`, where its
    object begins: "took over on Thursday, August 25, Qayyarah", "recaptured from IS the town of Hit". Only a
    side right after "from" (or "from the") is passed: "from" before a place still places it ("entered from Qaim");
    "of" after a date makes the word a noun ("the recapture in July of Mosul"), whose object is read elsewhere."""
    ends = {side.first: side.stop for side in sides}
    dated = {date.start: date.start + len(date.text.split()) for date in dates}
    index = start
    while index in dated:
        index = dated[index]
    if index < len(norms) and norms[index] == "of":
        return start
    if index < len(norms) and norms[index] == "from":
        side = next((first for first in (index + 1, index + 2) if first in ends), None)
        if side is not None and (side == index + 1 or norms[index + 1] == "the"):
            index = ends[side]
            while index in dated:
                index = dated[index]
    return index
