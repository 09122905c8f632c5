"""Where an Arabic verb of control's object begins, and what after it is not its object.

Its own module because Arabic marks the object with a preposition ("سيطر على") and a place with a clitic ("بالرقة"),
where English puts the object right after the verb: the words after "على" are the object ("على مبنى القصر العدلي
وسط مدينة الرقة": a site in Raqqa), a settlement named there that the gazetteer does not know is the object, not a
town named later, a place behind "ب" (in) is where the object lies, the verb's subject and date come first, and a
list of places joined by "و" may hold a name the gazetteer does not know or a side of the next place, and a "ها"
(its) after the verb is the place's unless an object other than the town follows "على" or areas precede it.
places.PlaceReading calls it.
"""
import re

from .names import SETTLEMENT_WORDS
from .parts import ARABIC_DISTRICTS
from .rules import ANAPHOR
from .tokens import is_arabic

ALA = "علي"  # "على", as words are normalised
# The nouns of a settlement, with their duals and plurals: "بلدتي" (the two towns of), "قرى" (villages of).
_SEVERAL_SETTLEMENTS = {"بلدتي", "قريتي", "قري", "بلدات"}
SETTLEMENT_NOUNS = {*SETTLEMENT_WORDS, *_SEVERAL_SETTLEMENTS}
_NAMED_OBJECTS = {*SETTLEMENT_NOUNS, *ARABIC_DISTRICTS}  # the noun of a place its name follows: "حي الصناعة"
# Words of number before a plural noun: "عدة" (several), "عشرات" (dozens), "بعض" (some), "عدد من" (a number of).
_QUANTIFIERS = {"عده", "عشرات", "بعض", "العديد", "عدد"}
# What an object's list follows: "territory, including", "such as"; an Arabic plural of areas or towns and "منها" or
# "بينها" (among them) after it, with the province that places them: "يسيطر المسلحون على عدة مناطق بمحافظة الأنبار،
# بينها الفلوجة" (hold several areas in Anbar, among them Fallujah): the places listed are the objects, not Anbar.
# Villages are left out: a list of them names small places whose names the gazetteer's towns may share.
LISTED = re.compile(r"^.*\b(?:including|such as)\b ?|^.*(?<!\S)(?:ال)?(?:مناطق|مدن|بلدات|اقضيه|نواحي)(?!\S)"
                    r"(?: (?!علي(?!\S))\S+){0,6} (?:و?منها|و?(?:من )?بينها)(?!\S) ?")
# "مراكز الشرطة وغيرها" (and others): what "ها" is other than; "بعد أشهر من المعارك سيطرت خلالها على" (months of
# battles during which it took): a time "ها" stands for. Neither is the place.
_NOT_THE_PLACE = re.compile(r"[وف]?(?:غير|خلال)")
_RELATIVES = {"التي", "الذي", "والتي", "والذي"}
# A noun of a settlement or an area that "و" joins to the next place, and a province locating the place before it
# ("في محافظة كركوك", "بريف حلب الشمالي").
_JOINED_NOUNS = {*SETTLEMENT_WORDS, "منطقه"}
_LOCATING = re.compile(r"(?:في |ب)(?:محافظه|ريف) \S+(?: ال\S+)?")
# The noun of a settlement or area with its clitics: "للمدينة" (of the city), "والبلدة", "بالمنطقة".
# A side of the next place joined by "و": "والجانب الشرقي من" (and the eastern side of), "والساحل الأيسر من".
_PART_OF_NEXT = re.compile(r"وال(?:جانب|قسم|شطر|ساحل) ال\S+ من")
_AREAS_OF = re.compile(r"[وبل]?(?:مناطق|منطقه)")  # "مناطق سيطرتها" (the areas of its control), with a clitic
_NOUN_OF_TOWN = re.compile(r"[وف]?(?:لل|[بل]?(?:ال)?)(?:" + "|".join(SETTLEMENT_NOUNS) + r"|منطقه)")


def after_ala(norms, first, stop):
    """The first word after the last "على" in words [first, stop), where the object begins; `stop` without one."""
    alas = [index for index in range(first, stop) if norms[index] == ALA]
    return alas[-1] + 1 if alas else stop


def unknown_settlement(norms, first, place):
    """Whether the first "على" after word `first` leads to the noun of a settlement not named by `place` ("سيطرت على
    بلدة الكرامة، في طريقها لشن هجوم على مدينة الرقة": Karama, which the gazetteer does not know, not Raqqa), perhaps
    after a word of number ("على عدة قرى", several villages)."""
    if ALA not in norms[first: place.first]:
        return False
    noun = norms.index(ALA, first, place.first) + 1
    if norms[noun] in _QUANTIFIERS and noun + 2 < place.first:
        # "سيطرة مقاتليه على عدة قرى بمحيط مدينة منبج" (several villages around Manbij), "على عدد من القرى"
        noun += 1 + (norms[noun + 1] == "من")
        return noun < place.first - 1 and norms[noun].removeprefix("ال") in SETTLEMENT_NOUNS
    if norms[noun] in _SEVERAL_SETTLEMENTS and norms[place.first].startswith("و") and place.first - noun <= 4:
        return False  # "على قرى ومناطق الشعفة وهجين" (villages and areas of Shaafa and Hajin): the list names them
    return noun < place.first - 1 and norms[noun] in SETTLEMENT_NOUNS


def behind_bi(gazetteer, norms, place):
    """Whether a place's first word carries the clitic "ب" (in): "مواقع يسيطر عليها داعش بالرقة" (positions in
    Raqqa), as "في الرقة" would be, is where the object lies, not the object; after the noun of a settlement
    ("مدينة بالبوكمال") it names that settlement."""
    norm = norms[place.first]
    if place.first and norms[place.first - 1] in SETTLEMENT_NOUNS:
        return False
    rest = norm.removeprefix("و").removeprefix("ب")
    return rest != norm.removeprefix("و") and gazetteer.match_form(norm) in (rest, "ال" + rest)


def past_subject_and_date(start, sides, dates):
    """The word after the subject and the date that follow an Arabic verb from word `start`, where its object begins:
    "دخلت قوات الجيش اليوم الجمعة غرب مدينة الميادين" enters the west of the town, not a place west of it. The subject
    is a side named from the verb's next word or the one after (its head noun: "قوات"); only what stands right after
    the verb is passed, not a side the object names ("مساحات من قوات الأسد غربي دير الزور": areas west of it)."""
    ends = {side.first: side.stop for side in sides}
    dated = {date.start: date.start + len(date.text.split()) for date in dates}
    index = dated.get(start, start)
    index = next((ends[first] for first in (index, index + 1) if first in ends), index)
    return dated.get(index, index)


def unnamed_conjunct(between, place_word):
    """Whether one definite noun joined by "و" stands between two places joined by "و": a place of the list the
    gazetteer does not name ("أحياء الجبيلية والعابد والجمعيات"), not a verb ("ودخلت") nor a phrase of several words."""
    return len(between) == 1 and between[0].startswith("وال") and place_word.startswith("و")


def settlement_conjunct(between, gap):
    """Whether "و" and a noun of a settlement or an area join the next place ("بلدة راوه ومدينة القائم", "ومنطقة
    القائم"), perhaps after a province locating the first and "،" ("الحويجة في محافظة كركوك، ومنطقة القائم")."""
    if len(between) > 1 and _LOCATING.fullmatch(" ".join(between[:-1])) and "،" in gap:
        between = between[-1:]
    return len(between) == 1 and between[0][:1] == "و" and between[0][1:] in _JOINED_NOUNS


def part_conjunct(between):
    """Whether the words between two places join a part of the second to the first ("تسيطر على منبج والجانب الشرقي
    من الطبقة"): the second is an object too, and the part makes it contested."""
    return bool(_PART_OF_NEXT.fullmatch(" ".join(between)))


def areas_of(sentence, cue):
    """Whether areas stand in construct before the phrase ("مناطق سيطرتها في دير الزور", the areas under its control
    in Deir ez-Zor; "مناطق سيطرتها بين شرق المدينة وغربها"): its "ها" is the side's, and the areas are some of a place,
    never the place the phrase takes or holds."""
    return cue.first > sentence.first and _AREAS_OF.fullmatch(sentence.article.norms[cue.first - 1]) is not None


def object_after_ala(sentence, cue):
    """Whether "على" and an object other than the town follow the phrase ("أحكمت سيطرتها على المجمع", "على ريف
    المحافظة"): its "ها" is then the side whose control it is, not the place ("سيطرتها على البلدة" still names the
    town)."""
    words = sentence.article.norms[cue.stop: min(sentence.last, cue.stop + 3)]
    if "علي" not in words:
        return False
    ala = cue.stop + words.index("علي")
    # a province or a site named there is an object other than the town: "سيطرتها على ريف دير الزور"
    named = any(ala < p.first <= ala + 3 and not p.role
                for p in sentence.article.places_in(ala, min(sentence.last, ala + 4)))
    return not named and not ANAPHOR.search(" ".join(sentence.article.norms[ala + 1: ala + 2]))


def object_pronoun(sentence, cue):
    """An Arabic noun ending in "ها" (its) within four words after the phrase ("نصف مساحتها"), other than
    the prepositions that carry it ("عليها", "منها", "فيها"); none after a district or settlement named as the object
    ("السيطرة على حي الصناعة، وتبعها": the "ها" of the next verb is that district's)."""
    if not is_arabic(cue.text) or _NAMED_OBJECTS.intersection(sentence.article.norms[cue.stop: cue.stop + 1]):
        return None
    for index in range(cue.stop, min(sentence.last, cue.stop + 4)):
        word = sentence.article.norms[index]
        if word.endswith("ها") and len(word) > 4 and not word.startswith(("علي", "من", "في", "ال")) and (
                not _NOT_THE_PLACE.match(word)):
            return index
    return None


def relative_on_another_noun(sentence, cue):
    """Whether the phrase's "ها" is the pronoun of a relative clause on a noun that is no place ("أكبر مصفاة في البلاد،
    والتي استعادها الجيش": the refinery the army retook): a relative pronoun within three words before the phrase with
    neither a place nor the noun of a settlement in the three words before it, where "بلدة بيجي الاستراتيجية التي
    استعادها" is Baiji's."""
    norms, first = sentence.article.norms, sentence.first
    relative = next((index for index in range(cue.first - 1, max(first, cue.first - 4) - 1, -1)
                     if norms[index] in _RELATIVES), None)
    if relative is None or re.search(r"[,،.]", sentence.raw_between(relative, cue.first)):
        return False
    head = max(first, relative - 3)
    town = any(_NOUN_OF_TOWN.fullmatch(word) for word in norms[head: relative])
    return not (town or sentence.article.places_in(head, relative))
