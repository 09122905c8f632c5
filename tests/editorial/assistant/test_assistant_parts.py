"""A phrase about part of a place (its words; the centre taken, a side still inside after "but"), or about a site in
it, leaves the place contested."""
import pytest

from conftest import SATURDAY, claims
from editorial.assistant import propose
from editorial.assistant.parts import PARTIAL, SITE_IN

IQ, IS = "iraqi-government", "islamic-state"


def test_words_of_a_part_make_the_phrase_about_part_of_the_place():
    assert not PARTIAL.search("raqqa is now 100 percent under sdf control") and not PARTIAL.search("100% liberated")
    assert PARTIAL.search("60 percent under sdf control")
    assert PARTIAL.search("much of mosul") and PARTIAL.search("نحو 50% من") and not PARTIAL.search("the district of")
    assert PARTIAL.search("the militia stormed the old city of") and not PARTIAL.search("the city of")
    assert PARTIAL.search("the rebels reached the southern fringes of")
    assert PARTIAL.search("من غالبيه مدينه الطبقه") and PARTIAL.search("اغلب احياء") and PARTIAL.search("علي الجزء الجنوبي من")
    assert PARTIAL.search("seized the majority of tal afar") and PARTIAL.search("three quarters of") and PARTIAL.search("ثلاثه ارباع تلعفر")
    assert PARTIAL.search("استولي المتشددون علي المزيد من مناطق الرمادي")  # more of the areas of Ramadi
    assert PARTIAL.search("يسيطر علي ثلث مساحتها") and PARTIAL.search("علي ثلثي المدينه")  # a third, two thirds
    # part of an operation, a campaign, a plan or a battle is no part of the place named after it
    assert not PARTIAL.search("هذا جزء من عمليه محاصره الرقة") and not PARTIAL.search("جزء من حملة لعزل الرقة")
    assert PARTIAL.search("سيطر الجيش علي جزء من الرقة") and PARTIAL.search("استعاد جزء من مدينه الرقة")
    assert PARTIAL.search("took near complete control of") and PARTIAL.search("almost-complete") and not PARTIAL.search("complete control")
    assert PARTIAL.search("still partly controlled by") and PARTIAL.search("the left bank of") and not PARTIAL.search("the bank of")
    assert PARTIAL.search("علي الشطر الشرقي من") and PARTIAL.search("للجانب الشرقي من") and PARTIAL.search("الساحل الايمن من")
    assert not PARTIAL.search("علي الجانب السوري من")
    # a side ("جهة") of the town, by a direction's adjective or its noun: "الجهة الشرقية من", "جهة الشمال من"
    assert PARTIAL.search("علي الجهه الشرقيه من") and PARTIAL.search("تسيطر علي جهه الشمال من")
    assert not PARTIAL.search("من جهه اخري")
    assert PARTIAL.search("captured a key district of the town of") and PARTIAL.search("حررت 27 حيا من اصل 29 بقضاء")
    assert not PARTIAL.search("liberated the rawa district") and not PARTIAL.search("القبض عليه حيا")


def test_a_site_named_before_the_place_it_is_in_is_part_of_the_place():
    assert SITE_IN.match("the old christian quarter of bab touma in")
    assert SITE_IN.match("the hospital of al salam in the city of")
    assert SITE_IN.match("the government compound in") and not SITE_IN.match("the town of")
    # the Levantine word for a hospital ("مشفى") as the standard one ("مستشفى"), in construct with the town or in it
    assert SITE_IN.match("انتزعت السيطرة على مشفي") and SITE_IN.match("مشفي الصداقه في")



@pytest.mark.parametrize("text", [
    "قال ضابط في الجيش العراقي إن تنظيم داعش سيطر يوم الجمعة على سوق الرطبة.",
    "قال ضابط في الجيش العراقي إن تنظيم داعش سيطر يوم الجمعة على شارع الزيتون وسط مدينة الرطبة.",
])
def test_an_arabic_market_or_street_of_a_town_is_part_of_it(names, text):
    """A town's market ("سوق الرطبة") or a street in it taken is a part taken: the town is fought over."""
    assert claims(text, names) == {("rutba", "contested", (IQ, IS), "2017-11-03")}

def test_two_arabic_areas_in_a_side_of_a_town_are_part_of_it(names):
    """"منطقتي ... بشمال الرقة" (two areas in the north of Raqqa) are parts of the town: it is fought over."""
    assert SITE_IN.match("علي منطقتي البدو والمشلب بشمال") and SITE_IN.match("علي منطقتين في شرق مدينه")
    assert not SITE_IN.match("علي منطقتي البدو والمشلب شمال")  # north of the town: outside it
    text = "وقالت قوات سوريا الديمقراطية إن داعش لا يزال يسيطر أمس الجمعة على منطقتي البدو والمشلب بشمال الرقة"
    [made] = propose(text, SATURDAY, names)
    assert (made.place, made.status, made.holder) == ("raqqa", "contested", None)
    assert set(made.others) == {"islamic-state", "sdf"}


def test_a_hundred_percent_written_out_in_arabic_is_all_of_the_place(names, monkeypatch):
    """"مئة في المئة" (a hundred percent) in words or figures is the whole town, not a part; "تسعين في المئة" is a part."""
    monkeypatch.setattr("editorial.assistant.proposals.ABSTAIN_BELOW", 0)  # a state said in passing is shown under it
    assert not PARTIAL.search("اصبحت ميه في الميه تحت سيطره") and not PARTIAL.search("100 في الميه")
    assert PARTIAL.search("تسعين في الميه")
    [made] = propose("وقال المحافظ إن مدينة الرقة صارت مائة في المائة تحت سيطرة داعش", SATURDAY, names)
    assert (made.place, made.status, made.holder, made.date) == ("raqqa", "controlled", "islamic-state", SATURDAY.date())


def test_an_arabic_police_station_of_a_town_is_a_site_in_it(names):
    """"مركز شرطة الرمادي" (Ramadi's police station), "مخفر" (a police post): a site the town names, taken while the
    rest is fought over."""
    assert SITE_IN.match("علي مركز شرطه") and SITE_IN.match("اقتحم مخفر")
    [made] = propose("سيطرت القوات العراقية يوم الجمعة على مركز شرطة الرمادي بعد معارك مع داعش", SATURDAY, names)
    assert (made.place, made.status, made.holder) == ("ramadi", "contested", None)


def test_an_arabic_large_part_of_a_town_is_a_part(names, every_reading):
    """"قسماً كبيراً من المدينة" (a large part of the city) leaves the rest fought over; "القسم الأكبر" too."""
    assert PARTIAL.search("حررت القوات قسما كبيرا من المدينه") and PARTIAL.search("حررت قسما من الرقه")
    assert not PARTIAL.search("قسم الشرطه في الرقه")  # a police department, not a part
    [made] = propose("حررت القوات العراقية يوم الجمعة قسماً كبيراً من مدينة الرمادي من تنظيم داعش", SATURDAY, names)
    assert (made.place, made.status) == ("ramadi", "contested")


def test_arabic_parts_with_the_article_are_parts(names, every_reading):
    """"الأجزاء الشرقية من الرمادي بيد الجيش" (the eastern parts of Ramadi are in the army's hands): not all of it."""
    assert PARTIAL.search("لا تزال الاجزاء المهمه في المدينه") and PARTIAL.search("اجزاء من المدينه")
    text = "سيطر تنظيم داعش على احياء في الرمادي. ولا تزال الأجزاء الشرقية من الرمادي بيد الجيش"
    made = propose(text, SATURDAY, names)
    assert ("ramadi", "controlled", "iraqi-government") not in {(p.place, p.status, p.holder) for p in made}


def test_an_arabic_centre_taken_leaves_the_town_contested(names):
    """"طردت ... من وسط تكريت" (drove IS from central Tikrit): the rest of the town is still fought over; "وسط"
    after the town ("وسط ترحيب الأهالي", amid the residents' welcome) says nothing of a part."""
    made = claims("طردت القوات العراقية مقاتلي داعش يوم الجمعة من وسط مدينة تكريت", names)
    assert made == {("tikrit", "contested", ("iraqi-government", "islamic-state"), "2017-11-03")}
    made = claims("طردت القوات العراقية مقاتلي داعش يوم الجمعة من تكريت وسط ترحيب الأهالي", names)
    assert made == {("tikrit", "controlled", "iraqi-government", "2017-11-03")}


def test_the_centre_of_a_town_taken_leaves_the_town_contested(names):
    """"seized the centre of X" takes a part; a flag raised "in the centre of X" is where, not what is taken."""
    made = claims("On Friday the Iraqi army seized the centre of the northern town of Tikrit from IS.", names)
    assert made == {("tikrit", "contested", ("iraqi-government", "islamic-state"), "2017-11-03")}
    made = claims("Kurdish fighters on Friday captured the city centre of Kobani from IS.", names)
    assert made == {("kobani", "contested", ("islamic-state", "sdf"), "2017-11-03")}
    made = claims("On Friday the Iraqi army seized Tikrit from IS and raised a flag in the centre of the town.", names)
    assert made == {("tikrit", "controlled", "iraqi-government", "2017-11-03")}


def test_a_towns_centre_after_its_possessive_taken_leaves_the_town_contested(names):
    """"retook Tikrit's city centre", "Tikrit's downtown": the centre taken, the rest still fought over."""
    made = claims("On Friday the Iraqi army retook Tikrit's city centre from IS.", names)
    assert made == {("tikrit", "contested", (IQ, IS), "2017-11-03")}
    made = claims("On Friday the Iraqi army said it had fully liberated Tikrit's downtown from IS.", names)
    assert made == {("tikrit", "contested", (IQ, IS), "2017-11-03")}


def test_the_centre_of_the_town_the_city_refers_to_held_leaves_it_contested(names, every_reading):
    """"The city's downtown remains in IS hands": a part of the town "the city" refers to, the rest fought over."""
    made = claims("Iraqi troops retook Tikrit from IS on Friday. The city's downtown remains in IS hands.", names)
    assert ("tikrit", "contested", (IQ, IS), "2017-11-04") in made


def test_a_side_still_inside_after_but_leaves_the_change_partial(names, every_reading):
    """"stormed Hit but IS fighters remained in the town": Hit is fought over; civilians who stay change nothing."""
    assert claims("Iraqi troops stormed Hit on Friday, but IS fighters were still holed up inside the town.", names) == {
        ("hit", "contested", (IQ, IS), "2017-11-03")}
    assert claims("Iraqi troops stormed Hit on Friday, but many civilians remained in the town.", names) == {
        ("hit", "controlled", IQ, "2017-11-03")}


def test_a_part_taken_by_the_next_verb_leaves_the_town_contested(names):
    """"stormed Hit ... and seized a district": the district is what was taken; villages taken next are other places."""
    made = claims("Iraqi troops stormed the western town of Hit on Friday and seized a district from IS.", names)
    assert made == {("hit", "contested", (IQ, IS), "2017-11-03")}
    made = claims("Iraqi troops stormed the western town of Hit on Friday and seized two villages from IS.", names)
    assert made == {("hit", "controlled", IQ, "2017-11-03")}


def test_nearly_the_whole_town_taken_leaves_it_contested(names):
    """"seized nearly the whole town of Hit": IS still holds the rest; "the whole town" is all of it."""
    made = claims("Iraqi troops seized nearly the whole town of Hit from IS on Friday.", names)
    assert made == {("hit", "contested", (IQ, IS), "2017-11-03")}
    made = claims("Iraqi troops seized the whole town of Hit from IS on Friday.", names)
    assert made == {("hit", "controlled", IQ, "2017-11-03")}


def test_a_district_with_a_long_name_in_a_town_is_part_of_it(names, every_reading):
    """A district named after a person ("the Omar Bin Abdul Aziz district in Tabqa") takes several words before its
    noun: going into it is still going into part of the town."""
    assert SITE_IN.match("the omar bin abdul aziz district in the northern part of")
    text = "The SDF pushed into the Omar Bin Abdul Aziz district in Tabqa on Friday, battling IS fighters."
    assert claims(text, names) == {("tabqa", "contested", ("islamic-state", "sdf"), "2017-11-03")}


def test_a_government_centre_or_a_facility_in_a_town_is_a_site_of_it():
    """"seized the Government Centre in Fallujah", "a water facility in Hit": a site taken, the town still fought
    over; "the city centre" alone is the town's centre, which other rules read."""
    assert SITE_IN.match("the government centre in") and SITE_IN.match("the main water facility in")
    assert not SITE_IN.match("the city centre in")


def test_a_government_centre_taken_from_a_side_leaves_the_town_contested(names):
    text = "Iraqi troops seized the Government Center in Fallujah from IS on Friday."
    assert claims(text, names) == {("fallujah", "contested", (IQ, IS), "2017-11-03")}


def test_an_arabic_direction_that_locates_another_place_names_no_part_of_the_landmark(names, every_reading):
    """"west of Mosul" after a town, or after a distance, locates by Mosul: a state phrase about Mosul holds all of it,
    where "غرب الموصل" alone (west Mosul) is a part."""
    located = claims("وتقع تلعفر غربي الموصل التي لا تزال تحت سيطرة داعش.", names)
    assert {(place, status) for place, status, _, _ in located} == {("mosul", "controlled")}
    distant = claims("يقع المعبر على بعد عشرين كيلومترا جنوب غرب الموصل التي لا تزال تحت سيطرة داعش.", names)
    assert {(place, status) for place, status, _, _ in distant} == {("mosul", "controlled")}
    part = claims("ما زال غرب الموصل تحت سيطرة داعش بعد معارك مع الجيش العراقي.", names)
    assert {(place, status) for place, status, _, _ in part} == {("mosul", "contested")}


def test_arabic_positions_or_points_inside_a_town_are_part_of_it(names):
    """"مواقع داخل مدينة" (positions inside the city) and "نقاط عدة في" (several points in) are parts of the town: it
    is fought over. Further off, "في" may locate something else named after the points ("نقاط قريبة من تلة في")."""
    for part in ("مواقع داخل مدينة الرقة", "نقاط عدة في مدينة الرقة"):
        text = f"سيطرت قوات سوريا الديمقراطية أمس الجمعة على {part} بعد معارك مع داعش"
        assert claims(text, names) == {("raqqa", "contested", ("islamic-state", "sdf"), "2017-11-03")}, text
    assert SITE_IN.match("علي نقاط عده داخل") and not SITE_IN.match("علي نقاط عسكريه قريبه من تله في")


def test_an_arabic_side_before_a_bare_town_noun_is_a_region_not_a_part(names, every_reading):
    """"في الجهة الغربية فقط ناحية البغدادي" (in the west, only the subdistrict of Baghdadi): the side locates the
    town in a region, so the town is held whole; "والجانب الغربي من" (and the west side of) is still a part."""
    assert not PARTIAL.search("في الجهه الغربيه فقط ناحيه") and not PARTIAL.search("في الجانب الشرقي مدينه")
    assert PARTIAL.search("والجانب الغربي من") and PARTIAL.search("الجانب الشرقي لمدينه")
    text = "قصف الطيران مواقع داعش. وخسر داعش معظم مواقعه، وما تبقى له من سيطرة في الجهة الغربية فقط ناحية البغدادي."
    assert {(place, status) for place, status, _, _ in claims(text, names)} == {("baghdadi", "controlled")}


def test_the_direction_of_a_place_is_part_of_it_where_to_the_direction_of_it_places_another():
    assert PARTIAL.search("sdf now control all of the west of") and PARTIAL.search("the southeast of")
    assert not PARTIAL.search("a town to the east of") and not PARTIAL.search("villages west of")


def test_an_arabic_junction_within_a_towns_bounds_is_a_site_of_it(names):
    # "the forces took the junction of the X bridge, which lies within the municipal bounds of Baiji's centre": a
    # site, not the town
    assert SITE_IN.match("مفرق جسر الفتحه وهي ضمن الحدود البلديه لمركز ناحيه")
    text = "وقال القائد إن القوات سيطرت على مفرق جسر الفتحة وهي ضمن الحدود البلدية لمركز قضاء بيجي يوم الجمعة."
    assert [p for p in propose(text, SATURDAY, names) if p.status == "controlled"] == []


def test_a_towns_military_airport_or_air_base_is_a_site_not_the_town(names, every_reading):
    """"the Raqqa military airport", "the Mosul air base": a site the town names, which says nothing of the town."""
    text = "Syrian troops still hold the Raqqa military airport, a pro-government activist said on Friday."
    assert not {c for c in claims(text, names) if c[0] == "raqqa"}
    text = "Iraqi troops now control the Mosul air base on its southern edge."
    assert not {c for c in claims(text, names) if c[0] == "mosul"}


def test_an_arabic_relative_clause_on_a_place_is_about_all_of_it(names):
    # "غرب هيت التي سيطر عليها داعش": the direction locates the fighting; the clause is said of the whole town
    assert claims("وتدور المعارك غرب هيت التي سيطر عليها داعش يوم الجمعة.", names) == {
        ("hit", "controlled", IS, "2017-11-03")}
    # after a comma the clause is another's: "غرب هيت، التي" may go on about the west of the town
    assert ("hit", "controlled", IS, "2017-11-03") not in claims(
        "وتدور المعارك غرب هيت، التي سيطر عليها داعش يوم الجمعة.", names)


def test_control_of_an_arabic_town_by_fire_takes_nothing(names, every_reading):
    """"سيطرت ... على مدينة الباب نارياً" (controlled al-Bab by fire): in range of the side, not taken; without the
    adverb the town is taken."""
    text = "سيطرت فصائل المعارضة يوم الجمعة على مدينة الباب نارياً بعد معارك مع داعش."
    assert not propose(text, SATURDAY, names)
    text = "قصف الطيران مدينة الباب. وسيطرت فصائل المعارضة على المدينة نارياً بعد معارك مع داعش."
    assert not propose(text, SATURDAY, names)
    assert claims("سيطرت فصائل المعارضة يوم الجمعة على مدينة الباب بعد معارك مع داعش.", names) == {
        ("al-bab", "controlled", "syrian-rebels", "2017-11-03")}


def test_a_part_held_in_an_article_naming_no_other_side_is_contested_with_the_jihadists(names):
    """"the army now holds 60 percent of Ramadi" with no other side named: the rest is the jihadists'; a part the
    jihadists hold, with no other side named, is contested with nobody known, so nothing is proposed."""
    made = claims("قال مصدر أمني السبت إن الجيش العراقي بات يسيطر على 60% من مدينة الرمادي.", names)
    assert made == {("ramadi", "contested", (IQ, IS), "2017-11-04")}
    assert claims("The army now holds 60 percent of Ramadi, an officer said on Saturday.", names) == {
        ("ramadi", "contested", (IQ, IS), "2017-11-04")}
    assert claims("قال مصدر أمني السبت إن داعش بات يسيطر على 60% من مدينة الرمادي.", names) == set()


def test_a_third_or_portions_of_a_town_taken_leave_it_contested(names):
    """"more than a third of the town of Kobani", "portions of Baiji": a share taken, the rest still fought over; "the
    third of" is an ordinal, no share."""
    assert PARTIAL.search("gained control of more than a third of the kurdish town of")
    assert PARTIAL.search("two-thirds of")
    assert PARTIAL.search("have now seized portions of") and not PARTIAL.search("the third of")
    text = ("Islamic State fighters have gained control of more than a third of the town of Kobani from the Kurdish "
            "YPG, a monitor said on Friday.")
    assert claims(text, names) == {("kobani", "contested", ("islamic-state", "sdf"), "2017-11-03")}


@pytest.mark.parametrize("text", [
    "Syrian forces have taken control of the ancient Palmyra citadel from ISIS, the report said on Friday.",
    "The security forces launched a military operation to liberate Heet Island from ISIS on Friday.",
])
def test_a_citadel_or_an_island_named_by_its_town_is_a_site_not_the_town(names, text):
    """"the ancient Palmyra citadel", "Heet Island", as "the Tabqa airbase": the site is fought for, not the town it is
    named for."""
    assert claims(text, names) == set()


@pytest.mark.parametrize("text", [
    "Kurdish fighters recapture key Kobani hilltop from IS",
    "The army retook two Palmyra hills on Friday.",
])
def test_a_hill_named_by_its_town_is_a_site_not_the_town(names, every_reading, text):
    """"a key Kobani hilltop": a height over the town is taken, not the town."""
    assert claims(text, names) == set()


@pytest.mark.parametrize("text, place, sides", [
    ("سيطر تنظيم داعش اليوم السبت على الضاحية الشرقية لمدينة تل أبيض بعد معارك مع وحدات حماية الشعب", "tel-abyad",
     (IS, "sdf")),
    ("سيطرت فصائل درع الفرات اليوم السبت على عدة نقاط وسط مدينة الباب بعد اشتباكات مع تنظيم داعش", "al-bab",
     (IS, "syrian-rebels")),
])
def test_an_arabic_suburb_or_points_of_a_town_taken_leave_it_contested(names, text, place, sides):
    """"الضاحية الشرقية لمدينة تل أبيض" (the eastern suburb of Tal Abyad), "عدة نقاط وسط مدينة الباب" (several points
    in central al-Bab): a part of the town taken, the rest still fought over."""
    assert claims(text, names) == {(place, "contested", sides, "2017-11-04")}


def test_an_arabic_definite_adjective_of_control_right_after_the_town_is_said_of_all_of_it(names, every_reading):
    """"الأحياء السكنية في مدينة الرقة الخاضعة لسيطرة تنظيم الدولة" (the residential districts of Raqqa, which is under
    IS control): the adjective right after the town describes the town, the districts only locate the news."""
    text = ("تعرضت الأحياء السكنية في مدينة الرقة الخاضعة لسيطرة تنظيم الدولة ليلة الجمعة لقصف من قبل طائرات التحالف "
            "الدولي وقوات النظام السوري")
    assert claims(text, names) == {("raqqa", "controlled", IS, "2017-11-03")}


@pytest.mark.parametrize("text, place", [
    ("Clashes broke out on Sunday in Shaddadi's suburbs between IS and the SDF. The city remained under the control of "
     "the SDF.", "shaddadi"),
    ("IS fighters attacked villages on Manbij's outskirts on Friday. The town is still held by the SDF.", "manbij"),
])
def test_the_city_of_a_later_sentence_is_all_of_the_town_named_by_a_part(names, every_reading, text, place):
    """"Clashes broke out in Shaddadi's suburbs ... The city remained under the control of the SDF": "the city" names
    the whole town again, held by the SDF, not the suburbs the sentence before spoke of."""
    assert claims(text, names) == {(place, "controlled", "sdf", "2017-11-04")}


@pytest.mark.parametrize("text, place, holder", [
    ("Peshmerga forces now control the areas of Wana, Mahmudiya, Zumar and Rabia, a commander said on Friday.", "zumar",
     "peshmerga"),
    ("IS now holds only one district of Syria - the town of Hajin, the SDF said on Friday.", "hajin", IS),
])
def test_a_part_noun_naming_its_areas_or_a_district_of_the_country_leaves_the_place_whole(names, text, place, holder):
    """"the areas of Wana, Mahmudiya, Zumar and Rabia": a list names each area, held whole; "one district of Syria":
    the country's district, the town itself. "the areas of Zumar" and "one district of Raqqa" stay parts of the town."""
    assert claims(text, names) == {(place, "controlled", holder, "2017-11-03")}
    assert claims("Peshmerga forces now control the areas of Zumar, a commander said on Friday.", names) == {
        ("zumar", "contested", (IS, "peshmerga"), "2017-11-03")}
    assert claims("IS now holds only one district of Raqqa, the SDF said on Friday.", names) == {
        ("raqqa", "contested", (IS, "sdf"), "2017-11-03")}
