"""Which place a clause around a phrase names: a "where", "that" or "which" clause, a predicate with "is a", an
apposition."""
import pytest

from conftest import claims
from editorial.assistant.place_clauses import PLACED_BY
from test_assistant_places import targets

pytestmark = pytest.mark.usefixtures("every_reading")  # what each phrase reads, under any threshold

IS, IQ = "islamic-state", "iraqi-government"
SATURDAY_DAY = "2017-11-04"


@pytest.mark.parametrize("text, expected", [
    # the object of a relative clause opened right after the place
    ("Officials toured Qaim, which Iraqi forces retook on Friday.", {("qaim", "controlled", IQ, "2017-11-03")}),
    # a place before "near" locates another: the relative clause is not about it
    ("Officials toured a village near Qaim which Iraqi forces retook on Friday.", set()),
])
def test_relative_clause_object(names, text, expected):
    assert claims(text, names) == expected


@pytest.mark.parametrize("text, expected", [
    # an aside of a distance locates the town before it: the town is the subject, the landmark is not
    ("Iraqi troops reached Baiji on Monday. The oil town, some 10 miles (16 km) from the edge of Tikrit, was seized by "
     "IS on Friday.", {("baiji", "controlled", IS, "2017-11-03")}),
    ("Hit, about 20 kilometers from Ramadi, was seized by IS on Friday.", {("hit", "controlled", IS, "2017-11-03")}),
])
def test_a_place_in_a_locating_aside_is_not_the_subject(names, text, expected):
    assert claims(text, names) == expected


@pytest.mark.parametrize("text, expected", [
    # a list of subjects runs on past an aside locating its first place, named landmark or not
    ("The town of Hit, some 150 km west of the capital, and the nearby town of Rutba are held by IS.",
     {"hit", "rutba"}),
    ("Hit, about 20 kilometers from Ramadi, and Rutba remain under IS control.", {"hit", "rutba"}),
    # an aside of another kind closes the list
    ("Hit, where fighting raged last year, and the town of Rutba are held by IS.", {"rutba"}),
])
def test_a_list_of_subjects_runs_on_past_an_aside_locating_its_first_place(names, text, expected):
    held = {place for place, status, holder, _ in claims(text, names) if (status, holder) == ("controlled", IS)}
    assert held == expected


def test_an_opening_aside_locates_the_subject_after_it_by_its_landmark(names):
    """"Located 20 km west of the old city of Ramadi, the town fell": "the town" (Hit, named before) fell, not
    Ramadi."""
    text = ("Hit lies on the Euphrates. Located 20 km west of the old city of Ramadi, the town was captured by IS "
            "on Friday.")
    made = claims(text, names)
    assert ("hit", "controlled", "islamic-state", "2017-11-03") in made
    assert not {m for m in made if m[0] == "ramadi"}


def test_an_arabic_list_after_which_are_names_what_a_state_phrase_holds(names, every_reading):
    """"بقيت بلدات قليلة تحت سيطرة الجيش، وهي بلدة عانة، وبلدة هيت غربي الرمادي" (few towns remained under the
    army's control, which are Anah, and Hit west of Ramadi): Anah and Hit, not Tikrit named before nor the landmark
    Ramadi."""
    text = "سيطر داعش على تكريت أمس، وبقيت بلدات قليلة تحت سيطرة الجيش، وهي بلدة عانة، وبلدة هيت غربي الرمادي"
    held = {place for place, status, holder, _ in claims(text, names) if holder == "iraqi-government"}
    assert held == {"anah", "hit"}


@pytest.mark.parametrize("text, expected", [
    ("Sinjar, a Kurdish-held town west of Mosul, came under mortar fire on Friday.",
     {("sinjar", "controlled", "peshmerga", "2017-11-03")}),
    ("Reporters reached Tikrit, an IS-held city on the Tigris, on Friday.",
     {("tikrit", "controlled", IS, "2017-11-03")}),
])
def test_a_held_adjective_in_an_apposition_describes_the_place_before_it(names, text, expected):
    """"Sinjar, a Kurdish-held town": the apposition says who holds Sinjar, as "Sinjar is a Kurdish-held town" does."""
    assert claims(text, names) == expected


@pytest.mark.parametrize("text", [
    # "Tel Afar lies west of Mosul, which is still in the hands of the group": Mosul is held, not Tel Afar
    "وتقع تلعفر غربي الموصل التي لا تزال تحت سيطرة داعش.",
    "وتقع تلعفر غربي الموصل وهي مدينة ما تزال تحت سيطرة داعش.",
])
def test_an_arabic_relative_clause_after_a_landmark_describes_the_landmark(names, text):
    made = claims(text, names)
    assert {(place, status, holder) for place, status, holder, _ in made} == {("mosul", "controlled", IS)}


def test_an_arabic_relative_clause_describes_the_place_named_just_before_it(names):
    assert targets("تقع راوة في منطقة يسيطر عليها داعش منذ العام 2014.", names) == [(["rawa"], "'عليها' read as راوة")]
    assert targets("يذكر أن الرطبة، التي سيطر عليها داعش، تقع في غرب الأنبار.", names) == [([], "")]  # past, undated
    assert targets("استعاد الجيش البوكمال آخر مدينة يسيطر عليها داعش.", names)[1] == ([], "")  # what the change ended
    # "السيطرة عليها" ends the phrase: in a relative clause its pronoun is the clause's noun, never the town named last
    assert targets("هاجم داعش راوة. وقصف الجيش المواقع التي فرض التنظيم السيطرة عليها أمس.", names, 1) == [([], "")]
    assert targets("هاجم داعش راوة. وتمكن الجيش أمس من فرض السيطرة الكاملة عليها.", names, 1) == [
        (["rawa"], "'السيطره الكامله عليها' read as راوة")]


def test_an_arabic_relative_clause_after_a_noun_joined_to_the_place_describes_that_noun(names):
    # "the crossings that Daesh holds", joined to Boukamal by "و": Daesh holds the crossings, not the town
    text = "تدور معارك بين الجيش الحر وداعش في البوكمال والمعابر التي تسيطر عليها داعش منذ يوم الأحد."
    assert not {c for c in claims(text, names) if c[1] == "controlled"}
    text = "هاجم الجيش الحر مدينة البوكمال التي تسيطر عليها داعش منذ يوم الأحد."
    assert ("boukamal", "controlled", "islamic-state", "2017-11-04") in claims(text, names)


def test_an_arabic_relative_clause_after_a_region_locating_the_place_describes_the_place(names):
    """"الرقة في شمال سوريا التي يسيطر عليها داعش" (Raqqa in northern Syria, which IS holds): the region locates Raqqa
    and the clause is still about it, set off by commas or not."""
    assert targets("قصفت الطائرات مدينة الرقة في شمال سوريا التي يسيطر عليها داعش.", names) == [
        (["raqqa"], "'عليها' read as الرقة")]
    assert targets("نزح الأهالي من بلدة هيت، في غرب العراق، التي يسيطر عليها المسلحون.", names) == [
        (["hit"], "'عليها' read as هيت")]


def test_an_arabic_relative_clause_after_an_apposition_describes_the_place(names):
    """"دير الزور كبرى مدن الشرق التي يسيطر عليها داعش" (Deir ez-Zor, the largest city of the east, which IS
    holds): the clause after a noun set in apposition to the place is about the place; after a comma, about the
    noun a preposition in the aside governs."""
    assert targets("قصفت الطائرات مدينة دير الزور كبرى مدن الشرق التي يسيطر عليها داعش.", names) == [
        (["deir-el-zour"], "'عليها' read as دير الزور")]
    assert targets("قصفت الطائرات بلدة هيت، أكبر البلدات في المنطقة التي يسيطر عليها داعش.", names) == [([], "")]
    # an aside naming what the place is, with no preposition before its relative word: the clause is the place's
    assert targets("قصفت الطائرات بلدة هيت، أبرز المدن العراقية التي يسيطر عليها داعش.", names) == [
        (["hit"], "'عليها' read as هيت")]


def test_an_arabic_relative_clause_after_a_place_in_brackets_describes_the_place_before_them(names):
    """"بلدة هيت (70 كم غرب الرمادي) التي يسيطر عليها داعش": the bracketed place locates Hit, which the clause
    describes; a bracketed place after a noun the gazetteer lacks leaves the clause no place, and brackets after the
    place itself ("هيت (غرب العراق) التي") still leave it the clause's."""
    assert targets("قصفت الطائرات بلدة هيت، (70 كم غرب الرمادي)، التي يسيطر عليها داعش.", names) == [
        (["hit"], "'عليها' read as هيت")]
    assert targets("قصفت الطائرات قرية صغيرة (70 كم غرب الرمادي) التي يسيطر عليها داعش.", names) == [([], "")]
    assert targets("قصفت الطائرات بلدة هيت (غرب العراق) التي يسيطر عليها داعش.", names) == [
        (["hit"], "'عليها' read as هيت")]


def test_to_the_direction_of_a_place_places_another_where_the_direction_of_it_is_a_part():
    assert PLACED_BY.search("a small town to the east of") and PLACED_BY.search("villages west of")
    assert not PLACED_BY.search("all of the west of")


@pytest.mark.parametrize("text, expected", [
    # a singular verb after the last of two places: the state is said of that place alone
    ("Convoys use the road linking Tikrit and Hawija, which is held by IS.",
     {("hawija", "controlled", IS, SATURDAY_DAY)}),
    ("Convoys use the road linking Tikrit and Hawija, which remains under IS control.",
     {("hawija", "controlled", IS, SATURDAY_DAY)}),
    # a plural one says it of every listed place
    ("Hit, Rawa and Qaim are held by IS.", {(p, "controlled", IS, SATURDAY_DAY) for p in ("hit", "rawa", "qaim")}),
])
def test_a_singular_verb_after_listed_places_says_the_state_of_the_last(names, text, expected):
    assert claims(text, names) == expected


@pytest.mark.parametrize("text, expected", [
    # "الواقعة بشمال سوريا" (lying in northern Syria) locates the place; "والتي" still opens its clause
    ("قصفت المدفعية بلدة الباب الواقعة بشمال سوريا والتي يسيطر عليها تنظيم داعش.",
     {("al-bab", "controlled", IS, SATURDAY_DAY)}),
    ("زار الصحفيون مدينة الباب والتي يسيطر عليها تنظيم داعش منذ عامين.", {("al-bab", "controlled", IS, SATURDAY_DAY)}),
    # after a direction the place is a landmark: the clause is about the town it locates, here unnamed
    ("عاد السكان إلى بلدتهم الواقعة جنوب الموصل والتي يسيطر عليها تنظيم داعش.", set()),
    # so does "السورية الحدودية مع تركيا" (the Syrian town on the border with Turkey)
    ("انفجرت عبوة في بلدة الباب السورية الحدودية مع تركيا والتي يسيطر عليها تنظيم داعش.",
     {("al-bab", "controlled", IS, SATURDAY_DAY)}),
    ("انفجرت عبوة في بلدة الباب الحدودية التي يسيطر عليها تنظيم داعش.", {("al-bab", "controlled", IS, SATURDAY_DAY)}),
])
def test_an_arabic_relative_clause_opened_by_and_which(names, text, expected):
    assert claims(text, names) == expected


def test_an_arabic_relative_clause_may_put_the_subject_before_its_pronoun(names):
    # "التي سيطر داعش عليها": the verb, its subject (perhaps with an adjective), then the pronoun of the town
    assert claims("قصفت الطائرات هيت التي سيطر داعش عليها يوم الجمعة.", names) == {
        ("hit", "controlled", IS, "2017-11-03")}
    assert claims("قصفت الطائرات هيت التي سيطر داعش الإرهابي عليها يوم الجمعة.", names) == {
        ("hit", "controlled", IS, "2017-11-03")}


@pytest.mark.parametrize("text, expected", [
    # "والتي" after a landmark goes on describing the town the landmark locates
    ("قصفت المدفعية بلدة بعشيقة شمال شرقي الموصل، والتي يسيطر عليها مقاتلو داعش.",
     {("bashiqa", "controlled", IS, SATURDAY_DAY)}),
    # a bare "التي" right after the landmark stays with the landmark
    ("قصفت المدفعية بلدة بعشيقة شمال شرقي الموصل التي يسيطر عليها مقاتلو داعش.",
     {("mosul", "controlled", IS, SATURDAY_DAY)}),
])
def test_an_arabic_clause_joined_after_a_landmark_describes_the_place_it_locates(names, text, expected):
    assert claims(text, names) == expected


@pytest.mark.parametrize("text", [
    "All 34 villages around Amerli are under the control of ISIS but the small town is holding out.",
    "Villages near Mosul are held by ISIS.",
    "The villages surrounding Amerli were captured by ISIS on Friday.",
    "IS attacked the Syrian Arab Army (SAA) held areas near the key city of Al-Mayadeen on Friday.",
])
def test_villages_around_a_town_are_not_the_town(names, text):
    """The villages or areas near, around or outside a town are what the phrase holds or takes: the town only locates
    them."""
    assert claims(text, names) == set()


@pytest.mark.parametrize("text", [
    "The Peshmerga launched an assault against ISIS-held villages in western Kirkuk on Friday.",
    "Coalition jets struck IS-held villages in Kirkuk on Friday.",
    "Several villages in southern Mosul were captured by ISIS on Friday.",
])
def test_villages_in_a_town_s_region_are_not_the_town(names, every_reading, text):
    """Villages "in western Kirkuk" lie in the town's countryside: a town holds no villages, so the phrase holds or
    takes them, and the town only locates them."""
    assert claims(text, names) == set()


def test_districts_in_a_town_are_still_part_of_it(names, every_reading):
    """Districts, unlike villages, are in the town: taking them leaves it contested."""
    text = "Iraqi forces captured two districts in western Mosul from IS on Friday."
    assert claims(text, names) == {("mosul", "contested", ("iraqi-government", IS), "2017-11-03")}


@pytest.mark.parametrize("text", [
    "The YPG now controls the border from the northeast to east of the town of Jarablus.",
    "IS holds the villages north of the city of Manbij.",
])
def test_a_direction_of_a_named_town_places_another(names, every_reading, text):
    """"east of the town of Jarablus" places what the phrase holds beside the town, as "east of Jarablus" does: the
    town is a landmark, not held."""
    assert claims(text, names) == set()


@pytest.mark.parametrize("text", [
    "Iraqi security forces on Friday retook a town next to the militant-held city of Tikrit.",
    "Iraqi forces on Friday gained full control of the town adjacent to Tikrit.",
])
def test_a_town_next_to_another_is_not_it(names, every_reading, text):
    """A town "next to" or "adjacent to" another is what the phrase takes: the other only locates it."""
    assert all(place != "tikrit" for place, *_ in claims(text, names))


@pytest.mark.parametrize("text", [
    "Syrian troops seized a ridge overlooking the town of Palmyra from IS on Friday.",
    "A hill overlooking Tabqa was captured by the SDF on Friday, a commander said.",
    "The army took the mountain of Jabal Bishri, which overlooks Sukhna, on Friday.",
])
def test_a_height_overlooking_a_town_is_not_the_town(names, every_reading, text):
    """A ridge or hill "overlooking" a town is what the phrase takes: the town only locates it."""
    assert claims(text, names) == set()


@pytest.mark.parametrize("text", [
    "Iraqi army troops secured the highway through the Islamic State-occupied city of Baiji on Friday.",
    "The army captured a road into Tikrit on Friday.",
])
def test_a_road_through_or_into_a_town_is_not_the_town(names, every_reading, text):
    """A road the phrase takes runs through or into the town: the town is its end, not what was taken."""
    assert not any(status == "controlled" and holder == IQ for _, status, holder, _ in claims(text, names))


def test_a_region_named_after_a_town_is_its_province(names, every_reading):
    """"Ayn Issa in northern Raqqa": Raqqa names the province the town lies in, not a second place held."""
    held = claims("Kurdish forces are in full control of Ayn Issa in northern Raqqa.", names)
    assert {place for place, *_ in held} == {"ain-issa"}


@pytest.mark.parametrize("text, expected", [
    # a masculine pronoun describes the masculine noun named with the town: the road Daesh holds, not Raqqa
    ("قال سكان إن الطريق الدولي إلى مدينة الرقة الذي يسيطر عليه تنظيم داعش مقطوع منذ أيام", set()),
    # a feminine pronoun agrees with the town itself
    ("قال سكان إن مدينة الرقة التي يسيطر عليها تنظيم داعش محاصرة منذ أيام",
     {("raqqa", "controlled", IS, SATURDAY_DAY)}),
])
def test_an_arabic_relative_pronoun_agrees_with_the_town_or_not(names, text, expected):
    """A town, a city or a village is feminine in Arabic: "عليه" (masculine) resumes another noun, "عليها" the town."""
    assert {c for c in claims(text, names) if c[1] == "controlled"} == expected


@pytest.mark.parametrize("text, expected", [
    # an adjective after the town agrees with the battle: the clause after it describes the battle, not Mosul
    ("تتواصل معركة الموصل الحاسمة التي يسيطر عليها الجيش العراقي منذ أسابيع", set()),
    # with no adjective between, the clause may be on the town, as after any noun
    ("قال سكان إن معركة الموصل التي يسيطر عليها تنظيم داعش لم تبدأ بعد",
     {("mosul", "controlled", IS, SATURDAY_DAY)}),
])
def test_an_arabic_clause_after_a_battle_and_its_adjective_describes_the_battle(names, text, expected):
    """"معركة الرقة الكبرى التي ..." (the great battle of Raqqa, which ...): the adjective ends the battle's
    phrase."""
    assert {c for c in claims(text, names) if c[1] == "controlled"} == expected
