"""Which words join two sides named as one clause's subject, so that the first of them leads."""
import pytest

from conftest import SATURDAY, claims
from editorial.assistant import propose
from editorial.assistant.conjuncts import conjoined

pytestmark = pytest.mark.usefixtures("every_reading")  # what each phrase reads, under any threshold


@pytest.mark.parametrize("between", [
    ["and"],  # "the army and the YPG"
    ["militia", "and", "smaller"],  # "the Kurdish YPG militia and smaller Syrian rebel groups"
    ["known", "as", "the"],  # "Shiite paramilitary groups known as the PMU"
    ["forces", ",", "as", "well", "as", "local"],  # "Iraqi forces, as well as local Sunni tribesmen"
    ["s", "4th", "armoured", "division", "and", "allied"],  # "the Syrian army's 4th Armoured Division and allied ..."
    ["والشرطه", "الاتحاديه", "والرد", "السريع"],  # "الجيش والشرطة الاتحادية والرد السريع والحشد": unnamed forces
])
def test_words_joining_two_sides(between):
    assert conjoined(between)


@pytest.mark.parametrize("between", [
    ["said", "on", "friday", "that"],  # "the army said on Friday that the YPG ...": another clause
    ["and", "fought", "against"],  # "the army and fought against the YPG": the second side an object
    ["s", "spokesman", "and"],  # "the army's spokesman and the YPG": a person, not a unit
    ["s", "4th", "division", "said", "and", "the"],  # a clause between them
    ["وسيطر", "علي", "البلده", "والحقت"],  # "الجيش وسيطر على البلدة وألحقت ...": a verb and its object
])
def test_words_that_do_not_join_two_sides(between):
    assert not conjoined(between)


def test_a_sides_unit_before_and_leads_the_subject(names):
    # the possessor of the unit named first leads the subject; the side joined after it went in with it
    text = "The Iraqi army's elite 1st Brigade and paramilitary Hashd Shaabi units entered Hit on Friday, fighting IS."
    assert claims(text, names) == {
        ("hit", "contested", ("iraqi-government", "islamic-state", "popular-mobilization-forces"), "2017-11-03")}
    assert "'Iraqi army' went in" in propose(text, SATURDAY, names)[0].why


def test_sides_joined_as_the_subject_of_going_in_all_fight_for_the_place(names):
    """"Iraqi troops and PMF fighters entered Hit": both went in, so both fight IS for it; "Iraqi troops entered Hit
    ... as the PMF watched" puts the PMF in another clause."""
    made = claims("Iraqi troops and PMF fighters entered Hit on Friday in heavy fighting with IS.", names)
    assert made == {("hit", "contested", ("iraqi-government", "islamic-state", "popular-mobilization-forces"),
                     "2017-11-03")}
    made = claims("Iraqi troops entered Hit on Friday in heavy fighting with IS as the PMF watched.", names)
    assert made == {("hit", "contested", ("iraqi-government", "islamic-state"), "2017-11-03")}


def test_arabic_forces_no_name_matched_join_the_sides_around_them(names):
    # "forces of the army, the federal police, rapid response and the PMF stormed Tikrit's centre and are in clashes
    # with Daesh"
    text = ("وقال القائد إن قوات من الجيش والشرطة الاتحادية والرد السريع والحشد الشعبي اقتحمت مركز تكريت"
            " وتخوض مواجهات مع داعش.")
    assert {(p.place, p.status, tuple(sorted(p.others))) for p in propose(text, SATURDAY, names)} >= {
        ("tikrit", "contested", ("iraqi-government", "islamic-state", "popular-mobilization-forces"))}


def test_arabic_sides_joined_after_a_verb_put_first_all_go_in(names):
    # "the Iraqi forces and the PMF stormed Tikrit on Friday and are fighting Daesh": with the verb first, the sides
    # joined by "و" before the town all went in; a side named after the town is not one of them
    text = "دخلت القوات العراقية والحشد الشعبي مدينة تكريت يوم الجمعة وتخوض مواجهات مع داعش."
    assert claims(text, names) == {
        ("tikrit", "contested", ("iraqi-government", "islamic-state", "popular-mobilization-forces"), "2017-11-03")}
    text = "دخلت القوات العراقية مدينة تكريت يوم الجمعة والحشد الشعبي يخوض مواجهات مع داعش."
    assert all("popular-mobilization-forces" not in p.others for p in propose(text, SATURDAY, names))


def test_allies_going_in_with_no_adversary_named_contest_nothing(names):
    # "Iraqi troops and PMF fighters entered Hit on Friday": no side fights them there, so no contest between allies
    assert not claims("Iraqi troops and PMF fighters entered Hit on Friday.", names)


def test_an_arabic_unit_noun_joined_by_wa_joins_the_side_it_names(names):
    # "the Iraqi forces and the PMF's units stormed Tikrit": "ووحدات" (and the units of) joins the PMF to the army
    text = "اقتحمت القوات العراقية ووحدات الحشد الشعبي مدينة تكريت يوم الجمعة وتخوض مواجهات مع داعش."
    assert claims(text, names) == {
        ("tikrit", "contested", ("iraqi-government", "islamic-state", "popular-mobilization-forces"), "2017-11-03")}


def test_an_arabic_joint_force_leads_the_members_listed_after_it(names):
    # "a joint force of the army, the federal police (of the interior ministry) and the PMF liberated Baiji on
    # Friday": the joint force liberated it, not the last member named; going in, every member fights for it
    text = ("وقال القائد إن قوة مشتركة من الجيش والشرطة الاتحادية (تابعة للداخلية) والحشد الشعبي حررت بيجي"
            " يوم الجمعة من سيطرة داعش.")
    assert claims(text, names) == {("baiji", "controlled", "iraqi-government", "2017-11-03")}
    text = ("وقال القائد إن قوات مشتركة من الجيش، والشرطة الاتحادية (تابعة للداخلية)، والحشد الشعبي، اقتحمت"
            " مدينة بيجي يوم الجمعة وتخوض مواجهات مع داعش.")
    assert claims(text, names) == {
        ("baiji", "contested", ("iraqi-government", "islamic-state", "popular-mobilization-forces"), "2017-11-03")}
