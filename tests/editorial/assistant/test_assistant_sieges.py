"""Sieges: who is besieged and by whom, and whether a siege broken, nearly broken or entered stands."""
import pytest

from conftest import SATURDAY, claims
from editorial.assistant import propose

IS = "islamic-state"

pytestmark = pytest.mark.usefixtures("every_reading")  # what each phrase reads, under any threshold


def test_a_siege_a_side_plans_to_break_still_stands(names):
    text = "Iraqi forces are preparing to break the IS siege of the town of Amerli, officials said on Friday."
    assert all(status == "besieged" for _, status, _, _ in claims(text, names))


def test_a_siege_an_attack_aimed_at_breaking_still_stands(names):
    text = ("Amerli has been encircled by Iraqi troops for a week. On Friday the troops fought off a raid by IS gunmen "
            "aimed at breaking the siege on the town.")
    assert {c for c in claims(text, names) if c[3] == "2017-11-03"} == {("amerli", "besieged", IS, "2017-11-03")}


def test_the_side_in_a_relative_clause_after_the_broken_siege_imposed_it(names):
    # verb, subject, object ("كسر الجيش السوري الحصار"): the subject is inside the phrase
    made = propose("كسر الجيش السوري الحصار الذي فرضه تنظيم داعش على مدينة دير الزور", SATURDAY, names)
    assert [p.why.split(":")[0] for p in made] == ["'كسر الجيش السوري الحصار' → siege by islamic-state broken by syrian-government"]


@pytest.mark.parametrize("text", [
    "Kurdish-led fighters on Friday finished their encirclement of IS militants inside Tabqa.",
    "Short of food, IS militants encircled in Tabqa asked the SDF for safe passage on Friday.",
    "The SDF said on Friday it had encircled IS militants in Tabqa.",
])
def test_the_side_a_siege_names_as_besieged_holds_the_place(names, text):
    assert {c for c in claims(text, names) if c[0] == "tabqa"} == {("tabqa", "besieged", IS, "2017-11-03")}


@pytest.mark.parametrize("text", [
    # going into a town another side besieges relieves it: not contested
    "Iraqi troops entered the town of Amerli, besieged by IS for two months, on Friday.",
    # "the besieged town" is an adjective: its subject is not the besieger
    "Iraqi forces entered the besieged town of Amerli on Friday, breaking an IS siege.",
])
def test_an_entry_into_a_besieged_town_is_no_contest_and_the_enterer_no_besieger(names, text):
    made = claims(text, names)
    assert not [c for c in made if c[1] == "contested" or (c[1] == "besieged" and c[2] == "islamic-state")]


def test_an_arabic_siege_broken_with_its_subject_and_a_time_between_verb_and_siege(names):
    """"كسر الجيش السوري أمس حصار داعش" (the Syrian army yesterday broke Daesh's siege): the verb put first, its
    subject and the time before its object; the besieged town is no longer besieged."""
    made = propose("كسر الجيش السوري أمس حصار داعش المفروض على مدينة دير الزور", SATURDAY, names)
    assert [p.why.split(":")[0] for p in made] == [
        "'كسر الجيش السوري امس حصار' → siege by islamic-state broken by syrian-government"]



@pytest.mark.parametrize("text", [
    "Iraqi troops broke the IS siege of the town of Amerli on Friday.",
    # the side in construct with the siege, after a noun of its fighters, imposed it
    "تمكن الجيش العراقي يوم الجمعة من فك حصار عصابات داعش عن بلدة آمرلي",
    # a relative clause with no pronoun ("دام شهرين فرضه داعش", which lasted two months, Daesh imposed it)
    "تمكنت القوات العراقية يوم الجمعة من كسر حصار دام شهرين فرضه تنظيم داعش على بلدة آمرلي",
    # the siege's side after "الذي", in a relative clause on the breakers
    "وصل الوزير إلى القوات العراقية التي تمكنت من فك الحصار الذي فرضه داعش على بلدة آمرلي",
])
def test_a_broken_siege_relieves_a_town_for_the_breakers_side(names, text):
    """A siege rings a town whole: breaking it leaves the town held by the side it shut in, the breakers' side, and
    the side named with the siege after the verb is its besieger, never the breaker."""
    assert {c[:3] for c in claims(text, names)} == {("amerli", "controlled", "iraqi-government")}


def test_a_broken_siege_of_a_city_leaves_it_contested(names):
    """A city's siege rings an enclave of it: broken, the rest still held by the besiegers, the city is contested."""
    text = "Syrian troops on Friday broke the IS siege of their enclave in the city of Deir ez-Zor."
    assert claims(text, names) == {("deir-el-zour", "contested", ("islamic-state", "syrian-government"), "2017-11-03")}

def test_the_side_whose_enclaves_a_passive_siege_names_is_besieged(names):
    """"Syrian government enclaves ... were besieged by IS": the enclaves' side holds the place, whoever else the
    article names more often."""
    text = "Syrian government enclaves in Deir Ezzor were besieged by IS on Friday, a monitor said."
    assert claims(text, names) == {("deir-el-zour", "besieged", "syrian-government", "2017-11-03")}


def test_the_side_of_a_held_adjective_after_besieged_is_the_besieged(names):
    """"the besieged Islamic State-held city of Fallujah": IS holds the town and is besieged there, by its adversary."""
    text = "Residents of the besieged Islamic State-held city of Fallujah suffer, the Iraqi army said."
    assert ("fallujah", "besieged", IS, "2017-11-04") in claims(text, names)
    assert [p.others for p in propose(text, SATURDAY, names) if p.status == "besieged"] == [("iraqi-government",)]


@pytest.mark.parametrize("text", [
    "شنت قوات الجيش العراقي عملية عسكرية كبيرة السبت لفك حصار بلدة آمرلي الذي يفرضه تنظيم داعش",
    "بدأ الجيش العراقي السبت عمليات فك الحصار الذي يفرضه تنظيم داعش على بلدة آمرلي",
])
def test_an_arabic_break_of_a_siege_only_set_out_for_leaves_the_siege_standing(names, text):
    """"لفك حصار" (to break the siege) under the lām of purpose, and "عمليات فك الحصار" (the operations to break
    it): the besieged town is still held by its side and besieged on that day."""
    assert claims(text, names) == {("amerli", "besieged", "iraqi-government", "2017-11-04")}


@pytest.mark.parametrize("text", [
    # the army's attempts to besiege the group's fighters: "لمحاصرة" under the lām of purpose is an aim
    ("قال المرصد اليوم السبت إن تنظيم داعش تراجع، وسط محاولات من قوات الجيش السوري لمحاصرة عناصر التنظيم في مدينة "
     "البوكمال"),
    # civilians trapped in Rawa name no besieged side
    ("أعلن قائد عسكري اليوم السبت هروب عناصر تنظيم داعش من راوة، داعيا المدنيين المحاصرين في راوة إلى التعاون مع "
     "القوات العراقية"),
])
def test_an_arabic_siege_only_aimed_at_or_of_civilians_besieges_no_side(names, text):
    assert not any(status == "besieged" for _, status, _, _ in claims(text, names))


@pytest.mark.parametrize("text", [
    "Syrian government troops in Deir Ezzor have been besieged by IS, officials said on Friday.",
    "Syrian government troops in Deir Ezzor are encircled by IS, officials said on Friday.",
])
def test_the_subject_of_a_passive_of_siege_is_the_besieged(names, text):
    assert ("deir-el-zour", "besieged", "syrian-government", "2017-11-03") in claims(text, names)


def test_a_passive_of_siege_in_a_relative_clause_does_not_besiege_the_main_subject(names):
    """"Iraqi forces ... free Amerli, a town that has been besieged by IS": the relative clause's subject is the town,
    so the forces are not read as besieged."""
    text = "Iraqi forces launched an operation on Friday to free Amerli, a town that has been besieged by IS."
    assert not [p for p in propose(text, SATURDAY, names) if "' besieged)" in p.why]
