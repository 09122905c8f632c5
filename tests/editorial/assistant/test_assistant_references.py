"""What "the town", "the area" and "it" refer to in a control phrase."""
import pytest

from conftest import SATURDAY, claims
from editorial.assistant import propose

pytestmark = pytest.mark.usefixtures("every_reading")  # what each phrase reads, under any threshold


def test_an_arabic_area_with_no_town_before_it_is_not_a_town_named_after_it(names):
    """"دخلت قوات الجيش العراقي المنطقة" after "جنوبي محافظة كركوك" (south of Kirkuk province): the area is that
    region, not Kirkuk city named in the next sentence; "المدينة" with no town before it is still the town named next."""
    text = ("أنزلت القوات العراقية أمس أعلاما كانت مرفوعة جنوبي محافظة كركوك. وقال ضابط إن قوات الجيش العراقي دخلت "
            "المنطقة. وكانت البيشمركة قد سيطرت على مدينة كركوك في 2014.")
    assert {(p.place, p.status) for p in propose(text, SATURDAY, names)} == {("kirkuk", "controlled")}
    text = "قال ضابط إن قوات الجيش العراقي دخلت المدينة أمس. وكانت البيشمركة قد سيطرت على مدينة كركوك في 2014."
    assert ("kirkuk", "contested") in {(p.place, p.status) for p in propose(text, SATURDAY, names)}


def test_it_after_the_town_passes_over_a_place_that_only_locates_the_town(names):
    text = ("The army advanced on Tal Afar. On Friday troops stormed the town, west of Mosul, and now say Iraqi forces "
            "are in control of it.")
    read = {(p.place, p.status, p.holder) for p in propose(text, SATURDAY, names)}
    assert not {r for r in read if r[0] == "mosul"}
    assert ("tal-afar", "controlled", "iraqi-government") in read


def test_the_arabic_village_and_subdistrict_refer_to_the_village_and_subdistrict_named_before(names):
    """"القرية" (the village) passes over a city named after the village, as "the village" does; "الناحية" (the
    subdistrict) is the one named before, but not in "من الناحية العسكرية" (militarily), an adjective after it."""
    text = "هاجم داعش قرية البشير جنوب مدينة كركوك. وسيطر التنظيم بالكامل على القرية يوم الجمعة."
    assert {(p.place, p.holder) for p in propose(text, SATURDAY, names)} == {("bashir", "islamic-state")}
    text = "قال مدير ناحية البغدادي يوم الجمعة إن داعش سيطر على معظم مساحة الناحية بعد معارك مع الجيش العراقي."
    assert {(p.place, p.status, p.others) for p in propose(text, SATURDAY, names)} == {
        ("baghdadi", "contested", ("iraqi-government", "islamic-state"))}
    text = ("زار مدير ناحية البغدادي بغداد. وقال يوم الجمعة إن داعش انتهى من الناحية العسكرية وسيطر الجيش العراقي "
            "على الطريق.")
    assert not propose(text, SATURDAY, names)


def test_an_arabic_settlement_noun_refers_to_the_last_place_named_with_it_past_a_city_named_since(names):
    """"الناحية" (the subdistrict) is the place last called "ناحية", not the city a later clause measures it from."""
    text = ("حاصر الجيش العراقي ناحية برطلة التي تبعد عشرة كيلومترات عن مدينة الموصل. "
            "وتمكن الجيش العراقي يوم الجمعة من تحرير الناحية بعد معارك مع داعش.")
    assert {(p.place, p.holder) for p in propose(text, SATURDAY, names) if p.status == "controlled"} == {
        ("bartella", "iraqi-government")}


def test_an_arabic_place_after_a_direction_right_after_another_place_only_locates_it(names):
    """"ناحية برطلة شرق مدينة الموصل" (Bartella, east of Mosul): Mosul locates Bartella, so "داخلها" (inside it) after
    them is never Mosul; Mosul named on its own is still what "it" means."""
    text = "استعادت القوات العراقية ناحية برطلة شرق مدينة الموصل. ورفعت القوات العلم العراقي فوق مبان داخلها أمس."
    assert "mosul" not in {p.place for p in propose(text, SATURDAY, names)}
    text = "اقتربت القوات العراقية من مدينة الموصل. ورفعت القوات العلم العراقي فوق مبان داخلها أمس."
    assert "mosul" in {p.place for p in propose(text, SATURDAY, names)}


def test_the_town_after_a_noun_with_its_own_article_starts_at_its_own_article(names):
    """"said in a statement the town had been freed": "the town" (Hit, named before), not "a statement the town" read
    as a town newly introduced and so the one named next."""
    text = ("Iraqi troops retook Hit from IS on Friday. The army said in a statement the town had been freed. "
            "IS still holds Mosul.")
    read = {(p.place, p.holder) for p in propose(text, SATURDAY, names)}
    assert ("mosul", "iraqi-government") not in read
    assert ("hit", "iraqi-government") in read


def test_the_description_right_after_a_place_and_a_comma_is_in_apposition_to_it_unless_a_verb_follows(names):
    """"... west of Raqqa, the IS stronghold now under siege": the stronghold is Raqqa, though Raqqa only locates the
    town the sentence is about; "Lying west of Raqqa, the small town was seized": the comma ends a phrase before the
    subject, which the story's other readings of "the town" resolve."""
    text = "Tabqa lies 50 km west of Raqqa, the IS stronghold now under siege by the Syrian Democratic Forces."
    assert {(p.place, p.status) for p in propose(text, SATURDAY, names)} == {("raqqa", "besieged")}
    text = "Islamic State fighters attacked Tabqa. Lying west of Raqqa, the small town was seized by IS in 2014."
    assert not [p for p in propose(text, SATURDAY, names) if "named right before it" in p.why]


def test_a_town_introduced_is_not_a_place_the_next_sentence_locates_it_by(names):
    """"captured a key town ... The town lies west of Raqqa": Raqqa locates the town, named in the headline, so "a key
    town" is the headline's town, not Raqqa; a town named next on its own is still the one introduced."""
    text = ("Kurdish fighters take Tabqa\nThe SDF said on Friday it had captured a key town from IS. "
            "The town lies 40 km west of the IS stronghold Raqqa.")
    read = {(p.place, p.holder) for p in propose(text, SATURDAY, names) if p.status == "controlled"}
    assert ("raqqa", "sdf") not in read and ("tabqa", "sdf") in read
    text = ("Kurdish fighters advance\nThe SDF said on Friday it had captured a key town from IS. "
            "Tabqa lies on the Euphrates.")
    assert ("tabqa", "sdf") in {(p.place, p.holder) for p in propose(text, SATURDAY, names) if p.status == "controlled"}


def test_a_town_introduced_in_a_region_of_a_place_goes_unnamed(names, every_reading):
    """"raided a village in southern Kirkuk": Kirkuk names the province the village lies in, and a town named in a
    later sentence is no more the village; a town introduced with no region after it is still the one named next."""
    text = ("IS fighters seized a village in southern Kirkuk on Friday, a police officer said. "
            "Iraqi troops are still fighting in Hawija.")
    assert {(p.place, p.status) for p in propose(text, SATURDAY, names)} == {("hawija", "contested")}
    text = "IS fighters seized a village on Friday, a police officer said. Bashir lies south of Kirkuk."
    assert ("bashir", "islamic-state") in {(p.place, p.holder) for p in propose(text, SATURDAY, names)}


def test_the_city_after_a_town_located_to_the_north_of_another_is_that_town(names):
    """"مركز قضاء بيجي معقل داعش إلى الشمال من تكريت" (Baiji, Daesh's stronghold, to the north of Tikrit): Tikrit
    only locates Baiji, so "المدينة" in the next sentence is Baiji and no reading is about Tikrit."""
    text = ("اقتحمت قوات الجيش العراقي أمس مركز قضاء بيجي معقل تنظيم داعش إلى الشمال من تكريت. "
            "وقال بيان إن القوات اقتحمت المدينة من الجهة الجنوبية.")
    assert {(p.place, p.status) for p in propose(text, SATURDAY, names)} == {("baiji", "contested")}


def test_a_town_introduced_is_not_a_city_named_next_by_its_own_noun(names):
    """"a desert town" is the town named later as "the town of Rutba", not "the city of Mosul" named before it."""
    text = ("Iraqi forces on Friday recaptured a desert town that militants had stormed days earlier. "
            "The militants sought to divert troops from the battle for the city of Mosul by raiding the town of Rutba.")
    taken = {(p.place, p.holder) for p in propose(text, SATURDAY, names) if p.status == "controlled"}
    assert ("rutba", "iraqi-government") in taken and ("mosul", "iraqi-government") not in taken


@pytest.mark.parametrize("text, expected", [
    # "the town" before the relative clause is the town named before it
    ("قصف الطيران مدينة الباب ليلا. وتطوق قوات المعارضة منذ أيام البلدة التي يسيطر عليها تنظيم داعش.",
     {("al-bab", "controlled", "islamic-state", "2017-11-04")}),
    # so is "the town" a region locates before "والتي" (and which)
    ("قصف الطيران مدينة الباب ليلا. وتطوق قوات المعارضة البلدة الواقعة بشمال سوريا والتي يسيطر عليها تنظيم داعش.",
     {("al-bab", "controlled", "islamic-state", "2017-11-04")}),
    # another noun before it is no town
    ("قصف الطيران مدينة الباب ليلا. وتطوق قوات المعارضة منذ أيام المواقع التي يسيطر عليها تنظيم داعش.", set()),
    ("قصف الطيران مدينة الباب ليلا. وتطوق قوات المعارضة المواقع الواقعة بشمال سوريا والتي يسيطر عليها تنظيم داعش.",
     set()),
    # a town named only after a direction locates another: "the town" is not sure to be it
    ("اقتحم الجيش بلدة قريبة جنوب غرب مدينة كركوك. ويحاصر الجيش منذ أيام المدينة التي يسيطر عليها تنظيم داعش.", set()),
])
def test_an_arabic_relative_clause_on_the_town_describes_the_town_referred_to(names, every_reading, text, expected):
    assert {c for c in claims(text, names) if c[1] == "controlled" and c[2] == "islamic-state"} == expected


@pytest.mark.parametrize("text, expected", [
    # "the IS-held town" names no town after it: the town it refers to holds the state
    ("Syrian troops advanced on Sukhna on Friday. The army shelled the last IS-held town on Saturday.",
     {("sukhnah", "controlled", "islamic-state", "2017-11-04")}),
    # "an IS-held town" after "is" says what its subject is
    ("Syrian troops advanced on Palmyra on Friday. Sukhna is an IS-held town.",
     {("sukhnah", "controlled", "islamic-state", "2017-11-04")}),
])
def test_the_side_held_town_refers_to_the_town_named_before(names, text, expected):
    assert claims(text, names) == expected
