"""Where an Arabic verb of control's object begins, and what after it is not its object."""
from types import SimpleNamespace

from conftest import SATURDAY, claims
from editorial.assistant import propose
from editorial.assistant.arabic_objects import (
    LISTED, after_ala, behind_bi, part_conjunct, past_subject_and_date, relative_on_another_noun, unknown_settlement,
    unnamed_conjunct,
)
from editorial.assistant.article import Article
from editorial.assistant.rules import find_cues
from editorial.assistant.sentence import Sentence


def test_the_object_begins_after_the_last_ala(names):
    norms = Article("سيطر الجيش على مبنى البلدية وسط مدينة تكريت", names).norms
    assert norms[after_ala(norms, 1, len(norms))] == "مبني"
    assert after_ala(norms, 0, 2) == 2  # no "على": the end


def test_a_settlement_named_after_ala_is_the_object_unless_it_is_the_place(names):
    article = Article("سيطر الجيش على قرية السلام قبل التقدم نحو تكريت", names)
    assert unknown_settlement(article.norms, 1, article.places[0])
    article = Article("سيطر الجيش على مدينة تكريت", names)
    assert not unknown_settlement(article.norms, 1, article.places[0])
    # villages of a list that ends with a known town, joined by "و": the town is one of them
    article = Article("ما زال داعش يسيطر على قرى ومناطق السلام وتكريت", names)
    assert not unknown_settlement(article.norms, 3, article.places[0])
    article = Article("سيطر الجيش على قرى السلام قبل التقدم نحو تكريت", names)
    assert unknown_settlement(article.norms, 1, article.places[0])


def test_settlements_counted_after_ala_are_the_object_not_the_town_they_lie_around(names):
    """"سيطرة مقاتليه على عدة قرى بمحيط مدينة منبج" (its fighters' control of several villages around Manbij), "على
    عدد من القرى قرب مدينة منبج": the villages were taken, not Manbij."""
    for text in ("أعلن تنظيم داعش اليوم السبت سيطرة مقاتليه على عدة قرى بمحيط مدينة منبج عقب معارك مع قوات سوريا "
                 "الديمقراطية", "سيطر تنظيم داعش اليوم السبت على عدد من القرى قرب مدينة منبج بعد معارك مع قوات سوريا "
                 "الديمقراطية"):
        assert claims(text, names) == set()
    article = Article("سيطر الجيش على عدة أحياء في مدينة تكريت", names)
    assert not unknown_settlement(article.norms, 1, article.places[0])  # districts of the town are part of it


def test_a_place_behind_the_clitic_bi_is_where_the_object_lies(names):
    article = Article("قصفت الطائرات مواقع بتكريت وفي تكريت", names)
    first, second = article.places
    assert behind_bi(names, article.norms, first) and not behind_bi(names, article.norms, second)
    article = Article("سيطر الجيش على مدينة بتكريت", names)  # the city, Tikrit
    assert not behind_bi(names, article.norms, article.places[0])


def test_the_object_begins_after_the_verbs_subject_and_date(names, every_reading):
    # "the army forces entered the west of Mayadin on Friday": the direction is the object, part of the town
    text = "دخلت قوات الجيش اليوم الجمعة غرب مدينة الميادين بعد معارك مع داعش."
    assert {(p.place, p.status) for p in propose(text, SATURDAY, names)} == {("mayadin", "contested")}
    # a village west of the town is another place, and a side after the object is no subject
    text = "سيطرت قوات الجيش اليوم الجمعة على قرية الحسينية غرب مدينة الميادين بعد معارك مع داعش."
    assert not propose(text, SATURDAY, names)
    text = "استعاد داعش مساحات واسعة من قوات النظام غرب الميادين يوم الجمعة."
    assert not [p for p in propose(text, SATURDAY, names) if p.place == "mayadin"]


def test_past_subject_and_date_passes_only_what_follows_the_verb():
    # words: 0 "دخلت", 1 "قوات", 2-3 a side, 4-5 a date, 6 the object
    side, date = SimpleNamespace(first=2, stop=4), SimpleNamespace(start=4, text="اليوم الجمعه")
    assert past_subject_and_date(1, [side], [date]) == 6
    assert past_subject_and_date(1, [], [date]) == 1  # a date after another word is not passed
    assert past_subject_and_date(1, [SimpleNamespace(first=5, stop=7)], []) == 1  # nor a side further on


def test_one_definite_noun_joined_by_wa_between_listed_places_is_a_place_of_the_list():
    # "أحياء الجبيلية والعابد والجمعيات": العابد is a district the gazetteer does not name
    assert unnamed_conjunct(["والعابد"], "والجمعيات")
    assert not unnamed_conjunct(["ودخلت"], "والجمعيات")  # a verb
    assert not unnamed_conjunct(["والعابد", "القديم"], "والجمعيات")  # a phrase of several words
    assert not unnamed_conjunct(["والعابد"], "الجمعيات")  # the place not joined by "و"


def test_the_pronoun_of_a_relative_clause_on_another_noun_is_not_the_town(names):
    # "the army took Baiji yesterday; near it lies the largest power plant in the province, which the army has retaken
    # since June": the plant, so one taking of Baiji, yesterday's
    text = "سيطر الجيش على بيجي أمس، وتقع قربها أكبر محطة للكهرباء في المحافظة، والتي استعادها الجيش منذ يونيو الماضي."
    assert len(propose(text, SATURDAY, names)) == 1
    # the same relative clause on the town, or on "the city" after a clitic, is the town's
    text = "دخل الجيش بلدة تكريت الاستراتيجية التي استعادها في مايو."
    assert {(p.place, p.holder) for p in propose(text, SATURDAY, names)} == {("tikrit", "iraqi-government")}
    before = "دخل الجيش تكريت، ويتقدم الجنود من البوابات الغربية"
    assert not _last_phrase_on_another_noun(f"{before} للمدينة التي اقتحموها أمس.", names)
    assert _last_phrase_on_another_noun(f"{before} للمصفاة التي اقتحموها أمس.", names)


def _last_phrase_on_another_noun(text, names):
    article = Article(text, names)
    first, last = article.sentences[0]
    cues = find_cues(article, first, last)
    sentence = Sentence(article, 0, first, last, article.places_in(first, last), article.actors_in(first, last), [],
                        cues, {}, SATURDAY.date(), "")
    return relative_on_another_noun(sentence, cues[-1])


def test_control_over_a_province_after_ala_is_the_sides_not_a_town_named_later(names):
    # "the SDF had announced its full control of the Deir ez-Zor countryside, while activists said Daesh still holds
    # villages of Mayadin and Boukamal": the "ها" of "سيطرتها" is the SDF's, Mayadin stays Daesh's
    text = ("وكانت قسد قد أعلنت قبل يومين سيطرتها الكاملة على ريف دير الزور الشرقي، في حين قال ناشطون إن داعش ما زال"
            " يسيطر على قرى الميادين والبوكمال.")
    assert {(p.place, p.holder) for p in propose(text, SATURDAY, names)} == {
        ("mayadin", "islamic-state"), ("boukamal", "islamic-state")}


def test_a_side_of_the_next_place_joins_it_to_the_list():
    assert part_conjunct(["والساحل", "الايسر", "من"])  # "and the left bank of"
    assert not part_conjunct(["وتقدمت", "نحو"])  # "and advanced towards": another clause
    assert not part_conjunct(["الجانب", "الشرقي", "من"])  # no "و": the first place's own side, not a list


def test_a_side_of_a_second_place_held_makes_that_place_contested(names):
    # "the Peshmerga hold Sinjar and the eastern side of Bashiqa, while Daesh holds the rest": Bashiqa contested
    text = "وتسيطر قوات البيشمركة على سنجار والجانب الشرقي من بعشيقة، فيما يسيطر داعش على بقية البلدة."
    made = claims(text, names)
    assert ("sinjar", "controlled", "peshmerga", "2017-11-04") in made
    assert ("bashiqa", "contested", ("islamic-state", "peshmerga"), "2017-11-04") in made


def test_places_listed_among_areas_are_the_objects_not_the_province(names, every_reading):
    # "holds several towns in Salahuddin province, among them Tikrit and Baiji": the towns, whole
    text = "يسيطر تنظيم داعش حاليا على عدة مدن في محافظة صلاح الدين، منها تكريت وبيجي."
    assert claims(text, names) == {("tikrit", "controlled", "islamic-state", "2017-11-04"),
                                   ("baiji", "controlled", "islamic-state", "2017-11-04")}
    assert LISTED.sub("", "عده مناطق بمحافظه الانبار غربي العراق وبينها ") == ""
    # "parts of it" and villages of a list keep their words: a part, and small places whose names towns share
    assert LISTED.sub("", "اجزاء منها ") == "اجزاء منها "
    assert LISTED.sub("", "قري في بعشيقه من بينها ") == "قري في بعشيقه من بينها "


def test_a_pronoun_after_a_district_named_as_the_object_is_not_the_town_before(names):
    """"أعلنت السيطرة على حي الصناعة، وتبعها السيطرة على حيي العمال" (took the Sinaa district, and after it the
    Ummal districts): the "ها" of the next verb is the district's, so the town named before is not taken."""
    text = ("وكانت قوات الأسد أطبقت الحصار على تنظيم الدولة في مدينة دير الزور، إلى أن أعلنت السيطرة، أول أمس الجمعة، "
            "على حي الصناعة، وتبعها السيطرة على حيي العمال والعرفي.")
    assert not {c for c in claims(text, names) if c[:3] == ("deir-el-zour", "controlled", "syrian-government")}


def test_the_areas_of_a_sides_control_name_no_town_it_holds(names, every_reading):
    # "regime forces let civilians leave the areas under their control in Deir ez-Zor": the "ها" of "مناطق سيطرتها"
    # is the regime's, which holds some areas of the city, not the city; "announced its control of the city" still
    # names it
    fought = "قاتلت قوات النظام السوري تنظيم داعش قرب مدينة دير الزور. "
    areas = fought + "وتسمح قوات النظام السوري بخروج المدنيين من مناطق سيطرتها في مدينة دير الزور."
    assert not [p for p in propose(areas, SATURDAY, names) if p.status == "controlled"]
    # "the regime's forces reached their areas of control between the east of the city and its west": "وغربها" is
    # no object either
    between = fought + "ووصلت قوات النظام السوري مناطق سيطرتها بين شرق المدينة وغربها."
    assert not [p for p in propose(between, SATURDAY, names) if p.status == "controlled"]
    town = fought + "وأعلنت قوات النظام السوري سيطرتها على المدينة."
    assert ("deir-el-zour", "controlled", "syrian-government", "2017-11-04") in claims(town, names)
