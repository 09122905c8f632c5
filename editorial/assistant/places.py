"""Which place a control phrase is about: its object, the place before it, or what "the town" refers to.

Its own module because reading the place is a grammar of its own: the object of a verb of taking (not a place
named after "in" or "near"), a list's places (place_lists.py), "the town" resolved to a place named in apposition,
before, or just after (references.py), and an Arabic object pronoun ("تحريرها"). Sentence reads it as a mixin.
"""
import bisect
import re

from .arabic_objects import (LISTED, SETTLEMENT_NOUNS, after_ala, areas_of, behind_bi, object_after_ala, object_pronoun,
                             past_subject_and_date, relative_on_another_noun, unknown_settlement)
from .names import SETTLEMENT_WORDS
from .parts import ARABIC_DISTRICTS, DIRECTION_OF, SITE_IN
from .place_clauses import (AWAY_FROM, JOINED_TOWN, NEAR_OR_AWAY, PLACED_BY, RESUMPTIVE, ROUTE_END_BEFORE, ROUTE_ENDS,
                            PlaceClauseReading, past_date_and_source)
from .place_lists import PlaceListReading
from .references import ReferenceReading
from .rules import ARABIC_HOLDS, ARABIC_IMPOSES, ARABIC_WAS, CONTRAST, NOT_OBJECT, SIEGE_VERB
from .tokens import is_arabic

OBJECT_KINDS = {"capture", "entered", "noun"}  # phrases whose place is their object
_APPOSITION = re.compile(r"\s*,\s*an?\s")  # a noun phrase describing the place before it opens
_COORDINATED_KINDS = {"held_adj", "attempt", "siege_broken", "contested"}  # places: the first and those joined to it
_LANDMARK = {"near", "outside", "around", "nearby", "قرب", "حول"}  # "holds villages near Hajin": not Hajin
_EXPELS = re.compile(r"(?:drove|drive|drives|driving|expel\w*|ousted|flushed) out\b")  # "drove out IS from Baiji"
_FROM = re.compile(r"\b(?:from|out of)\b")
# "and" before a gerund opens another verb's phrase: "held it for months and clearing a road from Y" holds no Y.
_ANOTHER_VERB = re.compile(r"\band \w+ing\b")
_TOWN_OF = {"the city of", "the town of", "the village of", "the cities of", "the towns of", "the villages of"}
# "and" before a determiner joins a second object to the verb ("captured the dam and the city of Tabqa"), where
# "and" before a verb or a preposition starts another clause or phrase.
_SECOND_OBJECT = re.compile(r"\band (?=(?:the|a|an|its|their)\b)")
# An aside that places the subject by a province's capital, closed by a comma before the phrase: the subject, not it.
_PLACED_BY_CAPITAL = re.compile(DIRECTION_OF + r" the \S+ capital of$")
_ASIDE = re.compile(r"\s*,\s*(?:which|where|that) [^,;.]*")  # a relative clause set off by commas: its place no subject
# A verb of remaining before a state phrase opens its clause verb first, its subject after the phrase ("يبقى تحت
# سيطرة داعش الجيب", the pocket remains under Daesh's control); a place before it governed by a preposition is not it.
_REMAINS = {"يبقي", "تبقي", "بقي", "بقيت", "يظل", "تظل", "ظل", "ظلت"}
_GOVERNING = {"علي", "من", "الي", "عن"}
_CONTROL_VERB = re.compile(r"[وف]?[يت]?(?:سيطر|استولي)")  # verbs whose object follows "على", after their subject and time
# "توغلت القوات امس في الموصل" (went deep into), "تقدمت في اطراف الرقة" (advanced in): "في" leads to the object
_PENETRATE = re.compile(r"[وف]?(?:ال)?[يت]?(?:توغل|قدم|تقدم)")  # verb or noun ("التقدم"): "في" places it
_TOWARDS = {"باتجاه", "نحو", "صوب", "تجاه"}  # an advance's goal after them; "في" then places the goal, not the advance
_AXES = {"محور", "محاور", "محورين", "جهه", "جهات", "جهتين", "اتجاه", "اتجاهات", "جبهه", "جبهات"}  # the lines of an advance
_JOINED_AREAS = re.compile(r"\b(?:and|as well as) (?:\S+ ){0,4}?(?:areas|regions|pockets|villages|territory|territories)\b",
                           re.I)
# The object of a gerund that a phrase after it describes: "further shrinking the territory controlled by IS" is about
# that territory, not a town named before.
_GERUND_OBJECT = re.compile(r"\b\w+ing (?:the|its|their) (?:\S+ ){0,2}?(?:territory|territories|lands?|areas?|"
                            r"regions?)$")
# "Another" settlement right before a phrase is what the phrase describes, and says it is not a place named before:
# "took back Palmyra, then captured another town controlled by IS".
_ANOTHER_SETTLEMENT = re.compile(r"\banother (?:\S+ ){0,2}?(?:town|city|village)$")
# An exception between a place and a phrase names what the phrase is about ("all of the west of Manbij except the
# prison which is still held by IS"): the rest of the place is another side's.
_EXCEPTED = re.compile(r"\b(?:except|excluding|apart from|other than|save for|but for|with the exception of)\b")
_PLURAL_SETTLEMENTS = {"towns", "cities", "villages"}
_SETTLEMENT_NOUNS = {"town", "city", "village"}  # a place of its own ("the neighbourhood of X" is part of one)
# Words opening another clause: a place after them is not the one a "-held" adjective describes.
# An apposition's words before its head noun: ", the last major city " in "Mosul, the last major city stronghold of IS".
_APPOSED_NOUN = re.compile(r"\s*,\s*(?:the|a|an|its|their)\b(?:\s+[\w'’-]+){0,4}\s*")
# "regained control" with no object: control of the place the sentence is about
_CONTROL_ALONE = re.compile(r"\bcontrol(?: in)?$")
_CLAUSE_OPENERS = {"after", "before", "when", "since", "while", "until", "which", "that", "where", "but"}


class PlaceReading(ReferenceReading, PlaceClauseReading, PlaceListReading):
    """The place readings of Sentence (its places, tokens and article)."""

    def targets(self, cue):
        """(places, note, words): the places a phrase is about: after it up to the next phrase (its object,
        for a verb of taking), the nearest before it, or the place named last; "the town" is resolved.
        `words` are those between the phrase and the place (or "the town"), where "half" or "90 percent" tell
        that it is about part of the place."""
        if cue.direction == "none":
            before = self.places[:bisect.bisect_left(self.place_firsts, cue.first)]
            if before:
                return before[-1:], "", self.raw_between(max(self.first, before[-1].first - 4), cue.first)
            return self._referred(cue.first, "the place named last", "")
        if cue.direction == "inside":  # "declared the city liberated"
            inside = self.places[bisect.bisect_left(self.place_firsts, cue.first): bisect.bisect_left(self.place_firsts, cue.stop)]
            if inside:
                return inside[:1], "", ""
            anaphor = self._anaphor(self.norm_between(cue.first, cue.stop), self.offset(cue.first))
            return self._referred(cue.first, f"'{anaphor.group()}'", "") if anaphor else ([], "", "")
        if cue.direction == "after" and cue.kind == "stronghold" and not is_arabic(cue.text):
            described = self._stronghold_in_apposition(cue)
            if described is not None:  # "Mosul, the last major stronghold of IS": the place the noun describes
                return [described], "", self.raw_between(described.stop, cue.first)
        if cue.direction == "after" and (pronoun := self.pronoun_after_verb(cue)) is not None:
            # "تكريت التي يسيطر عليها داعش، والموصل": the pronoun after the verb is its object, not a place after
            described = self._resumptive(cue)
            if described is not None:
                return [described], f"'{self.article.tokens[pronoun].text}' read as {described.text}", ""
        if cue.direction == "after":
            limits = self.cue_firsts if cue.kind == "held_adj" else self.clause_firsts
            position = bisect.bisect_left(limits, cue.stop)
            limit = limits[position] if position < len(limits) else self.last
            targets = self.places[bisect.bisect_left(self.place_firsts, cue.stop): bisect.bisect_left(self.place_firsts, limit)]
            ends = [p for p in targets if ROUTE_ENDS.search(self.norm_between(cue.stop, p.first))]
            if ends and len(ends) == len(targets):
                return [], "", ""  # "besieged IS units in the area between Mayadin and Kashmah": the area, no town
            targets = [p for p in targets if p not in ends]
            if self._unknown_object(cue, targets):
                return [], "", ""  # "in full control of the town of Siniya and about to recapture Baiji": not Baiji
            targets = self.listed_objects(cue, self._possessed(targets))
            landmark = targets and targets[0].first > self.first and self.article.norms[targets[0].first - 1] in _LANDMARK
            if cue.kind == "hold" and landmark:
                return [], "", ""
            if targets and self._placed_by_another(cue, targets[0]):
                # "القتال مستمر في العياضية ... شمال غربي تلعفر": fighting in a place near Tal Afar; "سيطروا على
                # قرية تبعد سبعة كيلومترات إلى الشرق من كوباني": a village east of Kobani taken; "Sinjar, a
                # Kurdish-held town west of Mosul": the apposition's place, read below
                if cue.kind != "held_adj":
                    return [], "", ""
                targets = []
            if cue.kind == "held_adj" and targets and _CLAUSE_OPENERS.intersection(
                    self.article.norms[cue.stop: targets[0].first]):
                targets = []  # "IS-held territory in Iraq after victory was declared in Mosul": another clause's place
            if cue.kind == "hold" and targets and re.search(r",\s*(?:which|where)\b", self.article.text[
                    self.article.tokens[cue.stop - 1].end: targets[0].start]):
                targets = []  # "holds the town, which it uses as a conduit to Raqqa": the clause's place, not held
            if cue.kind == "hold" and len(targets) > 1 and _APPOSITION.match(self.article.text, targets[0].end):
                targets = targets[:1]  # "control most of Zumar, a town on the road to Mosul": not Mosul
            if cue.kind in _COORDINATED_KINDS or (cue.kind == "siege" and SIEGE_VERB.match(cue.text)):
                # "encircled Tel Abyad, ... the capital of Raqqa": Tel Abyad; "فك الحصار عن دير الزور، عبر التقدم من
                # محاور جنوب شرق الرقة" (broke Deir ez-Zor's siege, advancing from south-east of Raqqa): Deir ez-Zor
                targets = self.coordinated(targets)
            sites = []
            if cue.kind in OBJECT_KINDS:
                # "the government compound in Ramadi": the place a site is in, when no place is the object
                sites = [p for p in targets[:1] if SITE_IN.match(self._before_object(cue, p))]
                objects = [p for p in targets if not (NOT_OBJECT.search(self._before_object(cue, p))
                                                      or behind_bi(self.article.gazetteer, self.article.norms, p))
                           or self._district_in(cue, p)]
                # "the towns of Zumar and Sinjar": a place joined to the object by "and" is an object too
                targets = self.coordinated(targets[targets.index(objects[0]):]) if objects else sites
            if targets:
                start = max(self.first, min(cue.stop, targets[0].first - 4))  # never before the sentence
                if sites and targets[0] is sites[0] and _CONTROL_VERB.match(cue.text):
                    # the site from "على" on: "على مبنى القصر العدلي وسط مدينة الرقة"
                    start = max(start, after_ala(self.article.norms, cue.stop, targets[0].first))
                return targets, "", self.raw_between(start, targets[0].first)
            where = self._part_held_where(cue) if cue.kind == "hold" else None
            if where is not None:  # "in the city of Deir al-Zor, where it controls an enclave"
                return [where], "", self.raw_between(cue.stop, min(cue.stop + 3, self.last))
            relative = self._relative_object(cue) if cue.kind in OBJECT_KINDS | {"hold"} else None
            if relative is not None:  # "the border town of Qaim that Iraqi forces retook"
                return [relative], "", ""
            if cue.stop < self.last and self.article.norms[cue.stop] == "it":
                return self._pronoun_referent(cue.stop)
            described = self._resumptive(cue)
            if described is not None:  # "تقع راوة في منطقة يسيطر عليها داعش": Rawa lies in an area Daesh holds
                pronoun = next(t for t in self.article.tokens[cue.stop - 1: self.last] if t.norm in RESUMPTIVE)
                return [described], f"'{pronoun.text}' read as {described.text}", ""
            if self.article.norms[cue.stop - 1] in RESUMPTIVE and {"التي", "الذي"} & set(
                    self.article.norms[max(self.first, cue.first - 7): cue.first]):
                return [], "", ""  # "التي تمكنت القوات من السيطرة عليها": its noun, no place _resumptive found
            its = is_arabic(cue.text) and cue.text.endswith("ها")  # "تحريرها": liberating it
            if its and (relative_on_another_noun(self, cue) or areas_of(self, cue)):
                return [], "", ""
            if its and not object_after_ala(self, cue):
                return self._referred(cue.first, f"'{cue.text}'", "")
            pronoun = object_pronoun(self, cue)
            if pronoun is not None:  # "السيطره علي نحو نصف مساحتها": about half of its area
                return self._referred(cue.first, f"'{self.article.tokens[pronoun].text}'",
                                      self.raw_between(cue.stop, pronoun + 1))
            opening = self._definite_before(cue) if cue.kind == "held_adj" else cue.stop  # "the IS-held town"
            between = self.norm_between(opening, limit)
            anaphor = self._anaphor(between, self.offset(opening)) if between else None
            if anaphor and not (cue.kind in OBJECT_KINDS and (NOT_OBJECT.search(between[:anaphor.start()])
                                                              or self._beyond_clause(cue, anaphor))
                                or _ANOTHER_VERB.search(between[:anaphor.start()])
                                or self._province_object(cue, anaphor)):
                # the words as written, where "50%" still reads as a part ("وتحرر 50% من المدينة")
                last = self.article.token_at(self.article.norm_span(opening, limit)[0] + anaphor.end() - 1)
                return self._referred(cue.first, f"'{anaphor.group()}'", self.raw_between(cue.stop, last + 1))
            named_before = self.places[:bisect.bisect_left(self.place_firsts, cue.first)]
            if cue.kind == "capture" and _CONTROL_ALONE.search(cue.text) and named_before:
                # "X was taken by IS in August, but the Peshmerga regained control in November": control of X
                return named_before[-1:], "", ""
            subject = self._predicated(cue) if cue.kind == "held_adj" else None
            return ([subject], "", "") if subject else ([], "", "")
        if listed := self._listed_after_which(cue) if cue.kind == "under_control" and is_arabic(cue.text) else []:
            return listed, "", ""
        before = bisect.bisect_left(self.place_firsts, cue.first)
        if before and self._reaches_back(self.places[before - 1], cue):
            place = self.places[before - 1]
            located = self._located_subject(place, cue)
            if located is not None:  # "The small town, about 15 km from Mosul, was captured": not Mosul
                return located
            if (AWAY_FROM.search(self.norm_between(max(self.first, place.first - 5), place.first))
                    and not re.search(r"[,،]", self.article.text[place.end: self.article.tokens[cue.first].start])):
                # "القرى المجاورة لمدينة القيارة اصبحت تحت سيطرة": the villages it locates, not it; after a comma the
                # phrase may describe the landmark ("60 كيلومترا الى الجنوب من الموصل، آخر اكبر معاقل")
                return [], "", ""
            prior = self.places[before - 2] if before > 1 else None
            aside = prior and _ASIDE.fullmatch(self.article.text[prior.end: place.start])
            if self._describes_landmark(place, cue):  # "شرقي الحويجة وهي ... تحت سيطرة": Hawija, its direction no part
                return [place], "", self.raw_between(place.stop, cue.first)
            closed = "," in self.raw_between(place.first, cue.first + 1)
            if prior and (PLACED_BY.search(self.norm_between(max(self.first, place.first - 4), place.first))
                          or aside and closed
                          or closed and _PLACED_BY_CAPITAL.search(self.norm_between(max(self.first, place.first - 6),
                                                                                    place.first))):
                # "Bashir, 20 km south of Kirkuk, fell to IS", "Bashir, which lies near Kirkuk, fell", "Hit, a town
                # west of the provincial capital of Ramadi, is held by IS"
                return [prior], "", self.raw_between(max(self.first, prior.first - 4), cue.first)
            listed = [place]
            for earlier in reversed([] if self.said_of_last_alone(place, cue) else self.places[:before - 1]):
                if any(earlier is other for other in listed):
                    continue  # the place a landmark's aside located, listed already
                if self.article.text[earlier.end: listed[-1].start].lstrip().startswith(","):
                    # "Rawa, 20 km from Mosul, and Anah are held": Rawa is listed, not the landmark Mosul
                    earlier = self.located_by_aside(earlier) or earlier
                between = self.past_locating_aside(earlier, listed[-1])
                gap = self.article.text[earlier.end: listed[-1].start]
                joined = between in ([], ["and"]) or JOINED_TOWN.fullmatch(" ".join(between))
                # "في الموصل وتكريت اللتين تخضعان لسيطرته": Arabic "و" (and) is written onto the place after it
                and_onto = not between and self.article.norms[listed[-1].first].startswith("و")
                if not (joined and ("," in gap or between or and_onto)):
                    break
                listed.append(earlier)
            # "The Rawa district and few far away desert areas still remain under ISIS control": areas joined to the
            # place by "and" are more of what is held, not a part of the place
            # "one percent of the city of Mosul left in the hands of": the part before "the city of" too; before a list,
            # what its first place follows ("parts of the cities of Ramadi and Fallujah")
            first = listed[-1].first
            reach = 7 if self.norm_between(max(self.first, first - 3), first) in _TOWN_OF else 4
            window = self.raw_between(max(self.first, first - reach), cue.first)
            return listed, "", _JOINED_AREAS.sub("", window)
        between = self.norm_between(self.first, cue.first)
        anaphor = self._anaphor(between, 0)
        if anaphor is None:
            return [], "", ""
        # "the town" refers back from where it stands, not from a place named after it ("في المدينة ... الطريق الذي
        # يؤدي إلى القائم بيد الجيش": the town before, not Qaim)
        token = self.article.token_at(self.norm_start + self.offset(self.first) + anaphor.start())
        return self._referred(token, f"'{anaphor.group()}'", between)

    def holds_now(self, cue):
        """Whether an Arabic verb of taking is the present of holding ("ويسيطر التنظيم على راوة", "لا يزال مسلحو داعش
        يسيطرون على البوكمال", "منطقة يسيطر عليها داعش"): a state when it is said, not a change. Arabic tells a past
        change with the past ("سيطر"); "كان" before the present and its subject makes it a past state ("وكان مقاتلو
        داعش يسيطرون"); "يبسط التنظيم سيطرته على" (the group extends its control over) holds as the verb does."""
        words = self.article.norms[max(self.first, cue.first - 5): cue.first]
        present = ARABIC_HOLDS.match(cue.text) or (
            cue.text.startswith("سيطرت") and any(ARABIC_IMPOSES.match(word) for word in words[-4:]))
        return bool(present) and not any(word.lstrip("وف") in ARABIC_WAS for word in words)

    def _before_object(self, cue, place):
        """The words between a verb of taking and a place; after "drove out IS militants", "from" leads to the
        place taken, "and the" to a second object ("captured the dam and the city of Tabqa"), and in Arabic "على"."""
        # "captured swathes of territory in Iraq, including the cities of Mosul and Tikrit": a place listed is an object
        if self._listed_after_plural(cue.stop, place.first):
            return ""
        # before the object, a subject and date ("دخلت قوات الجيش اليوم غرب مدينة الميادين") or the side taken from
        first = (past_subject_and_date(cue.stop, self.players, self.dates) if is_arabic(cue.text)
                 else past_date_and_source(self.article.norms, cue.stop, self.players, self.dates))
        between = LISTED.sub("", _SECOND_OBJECT.sub("", self.norm_between(first, place.first)))
        words = between.split()
        # "سيطر مقاتلو داعش، في وقت متأخر، على تدمر": "على" leads to the object
        if _CONTROL_VERB.match(cue.text) and "علي" in words:
            return " ".join(words[len(words) - words[::-1].index("علي"):])
        if _PENETRATE.match(cue.text):
            # an advance with no "في" or "داخل" ("تقدم الجيش نحو البوكمال") went into no place: read as "towards"
            inside = "في" if "في" in words else "داخل"
            if inside in words and _TOWARDS.intersection(words[:words.index(inside)]):
                return "towards " + between  # "يتقدم باتجاه قاعدة عسكرية في دير الزور": "في" places the goal
            origin = words[1: words.index(inside)] if inside in words and words[0] == "من" else []
            if origin and not _AXES.intersection(w.removeprefix("ال") for w in origin):
                # "تقدمت اليوم من قاعدة عين الاسد في منطقة البغدادي نحو هيت": "من" right after the verb, its subject
                # and date sets out an origin that "في" places; "تقدمت من عدة محاور في اطراف الرقة" (on several axes)
                # advanced in Raqqa
                return "from " + between
            return " ".join(words[words.index(inside) + 1:]) if inside in words else "towards " + between
        return _FROM.sub("", between) if _EXPELS.match(cue.text) else between

    def _listed_after_plural(self, start, place):
        """Whether the place ends a list of names after "the towns of" or "the cities of" from token `start` ("entered
        the towns of Saadiya and Jalula"): an object as the first name is, which the gazetteer may not know."""
        norms, tokens = self.article.norms, self.article.tokens
        index = start + (norms[start:start + 1] == ["the"])
        if norms[index + 1: index + 2] != ["of"] or norms[index] not in _PLURAL_SETTLEMENTS:
            return False
        if "and" not in norms[index:place]:
            return False
        names = tokens[index + 2:place]
        return bool(names) and all(t.text[:1].isupper() or t.norm == "and" for t in names) and all(
            self.article.text[a.end: b.start].strip() in ("", ",") for a, b in zip(names, tokens[index + 3:place + 1]))

    def _district_in(self, cue, place):
        """Whether an Arabic verb takes districts the words after them place in the town ("حررت حيي القادسية شمال غرب
        تلعفر", "اقتحمت ثلاثة احياء في الساحل الايمن غربي مدينة الموصل"): the town is what the districts are part of."""
        words = self.article.norms[cue.stop: place.first]
        district = next((index for index, word in enumerate(words) if word in ARABIC_DISTRICTS), None)
        return (is_arabic(cue.text) and district is not None and not _LANDMARK.intersection(words)
                and not any(w.lstrip("و") in SETTLEMENT_WORDS for w in words[district:-1])  # "قرية" between; "مدينة الموصل"
                and not AWAY_FROM.search(" ".join(words)))

    def _beyond_clause(self, cue, anaphor):
        """Whether an English verb's "the town" stands past a comma ("seizing the eastern neighbourhood, he said, adding
        that they could not retake the whole town"): the verb's object came before it, and the town is another clause's."""
        if is_arabic(cue.text):
            return False
        stop = self.article.token_at(self.norm_start + self.offset(cue.stop) + anaphor.start())
        return bool(re.search(r"[,;]", self.article.text[self.article.tokens[cue.stop - 1].end: self.article.tokens[stop].start]))

    def _province_object(self, cue, anaphor):
        """Whether a province stands between an Arabic phrase and a later "the city" ("يسيطر داعش على محافظة دير الزور
        ... من جهة المدينة"): the province is the phrase's object, and the city belongs to another clause. English
        copy's "the city" after a province is its capital ("holding the whole province of Deir al-Zor, with the
        exception of pockets in the city center")."""
        if not is_arabic(cue.text):
            return False
        stop = self.article.token_at(self.norm_start + self.offset(cue.stop) + anaphor.start())
        return any(m.role == "province" for m in self.article.places_in(cue.stop, stop))

    def _placed_by_another(self, cue, place):
        """Whether the place only locates another one named between the phrase and it ("in Ayadiya, 11 km north-west
        of Tal Afar", "the town adjacent to Tikrit"): a direction or "near" before it, not right after the phrase
        ("fighting in west Mosul"). A direction alone may name part of the place ("تقدمت في غرب الموصل"), so it places
        only fighting, holding, or the noun a held adjective qualifies. The words read reach a distance's "على بعد"
        (at a distance of): "على بعد 25 كيلومترا من مدينة الرقة"."""
        between = self.norm_between(max(cue.stop, place.first - 7), place.first)
        if cue.kind == "held_adj" and place.first - 1 > cue.stop and any(p.search(between) for p in NEAR_OR_AWAY):
            return True  # "a Kurdish-held town west of Mosul", "IS-held villages in western Kirkuk": near it, not it
        return (place.first - 3 > cue.stop and AWAY_FROM.search(between) is not None) or (
            place.first - 4 > cue.stop and cue.kind in ("contested", "hold") and PLACED_BY.search(between) is not None)

    def _stronghold_in_apposition(self, cue):
        """The place "the stronghold of" a side describes in apposition right after it ("Mosul, the last major city
        stronghold of Islamic State"); None when a place, not a side, follows "of" ("the IS stronghold of Manbij")."""
        norms = self.article.norms
        start = cue.stop + (cue.stop < self.last and norms[cue.stop] == "the")
        before = bisect.bisect_left(self.place_firsts, cue.first)
        if self.player_from(start, start) is None or not before:
            return None
        place = self.places[before - 1]
        gap = self.article.text[place.end: self.article.tokens[cue.first].start]
        return place if _APPOSED_NOUN.fullmatch(gap) else None

    def _reaches_back(self, place, cue):
        """Whether a phrase after a place is about it: not across "but" ("Baiji fell to IS, but the refinery
        remained contested"), nor from a gerund's object ("shrinking the territory held by") or "another town", nor
        across a province or a facility named between them, nor from a road's end ("الطريق الذي يؤدي إلى القائم بيد
        الجيش": the road), nor past what an exception names."""
        between = self.norm_between(place.stop, cue.first)
        # "Ein Issa, another town under IS control": in apposition, the town is the place
        text, tokens, norms = self.article.text, self.article.tokens, self.article.norms
        another = _ANOTHER_SETTLEMENT.search(between) and not any(
            norms[i] == "another" and "," in text[tokens[i - 1].end: tokens[i].start]
            for i in range(place.stop, cue.first))
        if (CONTRAST.search(between) or _GERUND_OBJECT.search(between) or another or _EXCEPTED.search(between)
                or ROUTE_END_BEFORE.search(self.norm_between(max(self.first, place.first - 6), place.first))):
            return False
        if place.first > self.first and norms[place.first - 1] in _GOVERNING and cue.first - 1 > place.first and (
                norms[cue.first - 1].lstrip("وف") in _REMAINS):
            return False  # "بالسيطرة على البوكمال يبقى تحت سيطرة داعش الجيب": a preposition's object is no subject
        return not any(m.role in ("province", "facility") for m in self.article.places_in(place.stop, cue.first))

    def _unknown_object(self, cue, targets):
        """Whether the phrase's object is a settlement the gazetteer does not know ("the town of Siniya", in Arabic
        after "على" or right after a verb's subject and date), named before any place it knows: a place later in the
        sentence is another clause's."""
        norms, tokens = self.article.norms, self.article.tokens
        end = min(cue.stop + 5, targets[0].first if targets else self.last)
        for index in range(cue.stop, end - 2):
            if norms[index] in _SETTLEMENT_NOUNS and norms[index + 1] == "of" and tokens[index + 2].text[:1].isupper():
                return True
        if targets and is_arabic(cue.text) and cue.kind == "capture" and not _CONTROL_VERB.match(cue.text):
            # a direct object after the subject and date: "استعادت القوات السبت ناحية الرمانة من داعش ... وقضاء راوة"
            start = past_subject_and_date(cue.stop, self.players, self.dates)
            return norms[start] in SETTLEMENT_NOUNS and targets[0].first - start > 4
        return bool(targets) and bool(_CONTROL_VERB.match(cue.text)) and unknown_settlement(norms, cue.stop, targets[0])
