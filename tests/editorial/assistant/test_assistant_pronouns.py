"""The side a pronoun stands for: an English "they" before a verb of taking, an Arabic possessive of control."""
import pytest

from conftest import claims

pytestmark = pytest.mark.usefixtures("every_reading")  # what each phrase reads, under any threshold


@pytest.mark.parametrize("text, expected", [
    # the side that opens the sentence before, when the pronoun's own sentence opens with none
    ("Kurdish Peshmerga units shelled the area for a week. On Friday they finally captured Zumar.",
     {("zumar", "controlled", "peshmerga", "2017-11-03")}),
    # the side that opens the pronoun's own sentence
    ("Peshmerga units rested in Zumar, which they had captured on Friday.",
     {("zumar", "controlled", "peshmerga", "2017-11-03")}),
    # going in, as taking
    ("Peshmerga units shelled Zumar for a week. They entered the town on Friday, fighting IS.",
     {("zumar", "contested", ("islamic-state", "peshmerga"), "2017-11-03")}),
    # the side opening the last main clause of the sentence before, after "but"
    ("IS shelled the area for weeks but Kurdish Peshmerga units held the line. On Friday they captured Zumar.",
     {("zumar", "controlled", "peshmerga", "2017-11-03")}),
    # a sentence before that opens with no side: nobody
    ("Residents of the area waited for news. On Friday they captured Zumar.", set()),
])
def test_they_before_a_verb_of_taking_is_the_side_opening_its_sentence_or_the_one_before(names, text, expected):
    assert {c for c in claims(text, names) if c[1] != "besieged"} == expected


@pytest.mark.parametrize("text, expected", [
    # "بين الطرفين" (between the two sides): the two sides of the sentence before
    ("هاجمت قوات سوريا الديمقراطية أمس مواقع داعش قرب الطبقة. وتدور اشتباكات بين الطرفين داخل مدينة الطبقة.",
     {("tabqa", "contested", ("islamic-state", "sdf"), "2017-11-04")}),
    # a sentence before with one side only: nobody
    ("قصفت قوات سوريا الديمقراطية أمس قرى قرب الطبقة. وتدور اشتباكات بين الطرفين داخل مدينة الطبقة.", set()),
])
def test_the_two_sides_are_those_of_the_sentence_before(names, text, expected):
    assert claims(text, names) == expected


def test_an_arabic_possessive_of_control_is_the_side_named_before(names):
    # "اللتين تخضعان لسيطرته" (which are subject to its control): the side named last before it holds them
    text = "استهدفت غارات عراقية مقرات لتنظيم داعش في الموصل وتكريت شمالي بغداد، اللتين تخضعان لسيطرته."
    read = claims(text, names)
    assert ("mosul", "controlled", "islamic-state", "2017-11-04") in read
    assert all(claim[2] == "islamic-state" for claim in read)
    # a sentence with no side before the phrase: nobody
    assert claims("قال سكان إن الموصل وتكريت تخضعان لسيطرته.", names) == set()


def test_an_arabic_place_under_its_control_is_held_by_the_side_named_before(names):
    # "Daesh attacked Baiji on Thursday and half the city fell under its control on Friday": Daesh holds a part of it
    text = "هاجم تنظيم داعش مدينة بيجي الخميس ووقع نصف المدينة تحت سيطرته الجمعة قبل أن يتدخل الجيش العراقي."
    assert ("baiji", "contested", ("iraqi-government", "islamic-state"), "2017-11-03") in claims(text, names)
    # the whole town "under its control": held by the side named before, and by no one when none is named
    text = "هاجم تنظيم داعش مدينة بيجي، التي باتت تحت سيطرته بالكامل."
    assert {claim[:3] for claim in claims(text, names)} == {("baiji", "controlled", "islamic-state")}
    assert claims("قال سكان إن مدينة بيجي باتت تحت سيطرته.", names) == set()


@pytest.mark.parametrize("text, expected", [
    # a stronghold in apposition to the place, the one side named before the possessive its owner
    ("As IS fighters dig in, families leaving Tabqa, its northern stronghold, describe hunger, a doctor said.",
     {("tabqa", "controlled", "islamic-state", "2017-11-04")}),
    # the place the possessive's noun phrase names
    ("IS fighters shelled the farming villages just north of their Hawija stronghold, a tribal elder said.",
     {("hawija", "controlled", "islamic-state", "2017-11-04")}),
    # two sides before the possessive: whose stronghold it is stays unread
    ("IS fighters ambushed Peshmerga units closing in on their Hawija stronghold, a tribal elder said.", set()),
])
def test_its_stronghold_is_held_by_the_one_side_named_before(names, text, expected):
    assert {c for c in claims(text, names) if c[1] == "controlled"} == expected
