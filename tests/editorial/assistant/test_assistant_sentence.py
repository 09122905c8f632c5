"""How a sentence makes its proposals: which readings stand on the grammar alone."""
import pytest

from conftest import SATURDAY
from editorial.assistant import propose

pytestmark = pytest.mark.usefixtures("every_reading")  # what each phrase reads, under any threshold


def readings(text, names):
    return {(p.place, p.status, p.holder, p.indirect) for p in propose(text, SATURDAY, names)}


def test_an_arabic_pronoun_for_the_object_its_sentence_names_is_read_from_the_grammar(names):
    """"اقتحمت القوات بلدة تكريت وفرضت السيطرة عليها": "عليها" is Tikrit, the object just named; in the next sentence
    it is a reference."""
    text = "اقتحمت القوات العراقية يوم الجمعة بلدة تكريت، وفرضت السيطرة الكاملة عليها بعد ساعات."
    assert ("tikrit", "controlled", "iraqi-government", False) in readings(text, names)
    text = "اقتحمت القوات العراقية يوم الجمعة بلدة تكريت. وفرضت القوات العراقية السيطرة الكاملة عليها يوم الجمعة."
    assert ("tikrit", "controlled", "iraqi-government", True) in readings(text, names)


def test_the_pronoun_of_an_arabic_relative_clause_is_the_place_before_it(names):
    """"تكريت التي يسيطر عليها داعش": the relative clause's pronoun is Tikrit, read from the grammar."""
    text = "قصفت الطائرات يوم الجمعة مدينة تكريت التي يسيطر عليها داعش."
    assert ("tikrit", "controlled", "islamic-state", False) in readings(text, names)


@pytest.mark.parametrize("text", [
    "تمكنت قوات الجيش العراقي يوم الجمعة بعد قتال شرس مع مجموعات مسلحة لداعش أن تطهر مدينة هيت.",
    "تمكنت قوات الجيش العراقي يوم الجمعة بعد قتال شرس مع خلايا لمسلحي داعش أن تطهر مدينة هيت.",
])
def test_an_arabic_side_behind_lam_in_a_prepositional_phrase_is_no_subject(names, text):
    """"مع مجموعات مسلحة لداعش" (with Daesh's armed groups): the phrase is the object of "مع", so the side its "ل"
    names is not who cleared the town; the army named before it is."""
    assert readings(text, names) == {("hit", "controlled", "iraqi-government", False)}


def test_towns_in_apposition_with_the_last_areas_a_side_holds_are_held_whole(names):
    """"Hit and Rawa, the last big areas held by IS": the towns are those areas; "the last areas of Hit" is a part."""
    made = readings("The army aims to retake Hit and Rawa, the last big areas held by IS in the province.", names)
    assert {(p, s, h) for p, s, h, _ in made} == {("hit", "controlled", "islamic-state"),
                                                  ("rawa", "controlled", "islamic-state")}
    made = readings("The army says IS still holds the last areas of Hit.", names)
    assert ("hit", "controlled", "islamic-state") not in {(p, s, h) for p, s, h, _ in made}


@pytest.mark.parametrize("text, held", [
    ("Islamic State fighters shelled villages near Kurdish-held Kirkuk on Friday.", {("kirkuk", "peshmerga")}),
    ("IS launched an assault on Friday just outside the government-controlled city of Deir ez-Zor.",
     {("deir-el-zour", "syrian-government")}),
    ("Iraqi forces on Friday shelled IS-held Hawija.", set()),
    # a distance or reach places the troops, as "near" does
    ("Iraqi troops came within ten kilometres of the IS-held town of Hawija on Friday.", {("hawija", "islamic-state")}),
    ("Kurdish fighters got within reach of Islamic State-held Hawija on Friday.", {("hawija", "islamic-state")}),
    ("Iraqi troops came 8 km from the IS-held town of Hawija on Friday.", {("hawija", "islamic-state")}),
])
def test_a_held_place_after_a_preposition_of_place_is_no_object_of_another_sides_verb(names, text, held):
    """"shelled villages near Kurdish-held Kirkuk": Kirkuk says where the attack was, so its holder stands; "shelled
    IS-held Hawija" acts on the town itself, and the state it was in is no claim."""
    assert {(place, holder) for place, status, holder, _ in readings(text, names) if status == "controlled"} == held


@pytest.mark.parametrize("text, held", [
    ("Kurdish commanders on Monday vowed to recapture Sinjar, the last IS bastion in the region.", True),
    ("Kurdish forces shelled Sinjar, the last IS bastion in the region, a day after seizing Kirkuk.", True),
    ("Kurdish forces seized Sinjar, the last IS bastion in the region, on Monday.", False),
])
def test_a_stronghold_stays_held_unless_the_sentence_changes_it(names, text, held):
    """"vowed to recapture Sinjar, the last IS bastion": a vow takes nothing, and a later clause's taking of Kirkuk
    is another place's; only the taking of Sinjar itself ends the stronghold."""
    assert (("sinjar", "controlled", "islamic-state", False) in readings(text, names)) is held


def test_a_held_place_an_intention_is_aimed_at_stays_held(names):
    """"vowed to attack IS-held Sinjar": another side's verb under an intention takes nothing, so the description
    stands as a state."""
    text = "Kurdish fighters vowed to attack IS-held Sinjar."
    assert ("sinjar", "controlled", "islamic-state", False) in readings(text, names)


@pytest.mark.parametrize("text", [
    "Kurdish fighters could not reach the IS-held town of Sinjar on Friday.",
    "Iraqi troops did not enter the IS-held town of Hawija.",
    "The army will never storm the IS-held town of Hawija.",
])
def test_a_held_place_another_side_did_not_reach_stays_held(names, text):
    """"could not reach the IS-held town of Sinjar": a negated verb of another side takes nothing, so the description
    stands."""
    place = "sinjar" if "Sinjar" in text else "hawija"
    assert (place, "controlled", "islamic-state") in {(p, s, h) for p, s, h, _ in readings(text, names)}


def test_a_side_of_a_place_listed_after_another_makes_only_that_place_contested(names):
    """"وما تبقى لها من سيطرة بلدة منبج والجانب الشرقي من الطبقة": the east side is a part of Tabqa alone, so Tabqa
    is fought over and Manbij is held whole."""
    text = ("قال مسؤول إن داعش يقاتل في ريف الرقة. وخسرت قوات سوريا الديمقراطية مواقع كثيرة، وما تبقى لها من سيطرة "
            "بلدة منبج والجانب الشرقي من الطبقة.")
    assert {(place, status) for place, status, _, _ in readings(text, names)} == {
        ("manbij", "controlled"), ("tabqa", "contested")}
