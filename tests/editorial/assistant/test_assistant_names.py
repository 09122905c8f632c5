"""Names from the database matched by spaCy's PhraseMatcher, and what generic words mean."""
import pytest

from conftest import claims

from editorial.assistant.article import Article
from editorial.assistant.names import Gazetteer, spellings, words_of


def mentions(text, names):
    article = Article(text, names)
    return [(m.slug, m.text) for m in article.places], [(m.slug, m.text, m.role) for m in article.actors]


@pytest.mark.parametrize("spelling", ["Deir ez-Zor", "DEIR EZ ZOR", "Deir Zor", "Deir Ezzor", "Déir ël-Zöur", "Dayr al-Zawr",
                                      "Deir Az Zor", "Deir e-Zor", "دير الزور"])
def test_a_place_is_found_by_any_spelling(names, spelling):
    assert mentions(f"Troops reached {spelling} today.", names)[0] == [("deir-el-zour", spelling)]


def test_a_local_name_in_brackets_after_a_place_names_it_later_in_the_article(names):
    places, _ = mentions("IS attacked Tabqa (Madinat Thawra) on Friday. The SDF held Madinat Thawra.", names)
    assert places == [("tabqa", "Tabqa"), ("tabqa", "Madinat Thawra")]
    places, _ = mentions("RAQQA (Reuters) - The SDF took Raqqa (SDF) on Friday, Reuters said.", names)
    assert places == [("raqqa", "RAQQA"), ("raqqa", "Raqqa")]  # a dateline's agency, an acronym: no local name


def test_an_arabic_style_article_is_optional_in_place_names():
    assert spellings(words_of("Al-Qaim")) == {("al", "qaim"), ("qaim",), ("alqaim",)}
    assert ("deir", "zor") in spellings(words_of("Deir ez-Zor"))


@pytest.mark.parametrize("spelling", ["Deir az-Zour", "Deir ad-Zor", "Deir es Zour"])
def test_an_arabic_style_article_matches_in_any_of_its_assimilated_forms(names, spelling):
    """Transliterations write the article as the sound it takes before the noun ("az-Zour", "al-Zour")."""
    assert mentions(f"Troops entered {spelling} on Friday.", names)[0] == [("deir-el-zour", spelling)]


def test_a_name_without_its_long_alef_is_a_place_only_after_a_settlement_word(names):
    assert mentions("أعلن الجيش تحرير قضاء عنه ومدينة عنه", names)[0] == [("anah", "قضاء عنه"), ("anah", "ومدينة عنه")]
    assert mentions("وقال الجيش عنه إنه انسحب", names)[0] == []


def test_a_name_without_its_long_alef_is_a_place_in_a_list_after_a_plural_settlement_word(names):
    """"the two districts of Qaim and Anah", "the districts of Anah, Hit": the plural says each name is a settlement."""
    assert [slug for slug, _ in mentions("حاصر الجيش قضائي القائم وعنه", names)[0]] == ["qaim", "anah"]
    assert [slug for slug, _ in mentions("يتقدم الجيش نحو أقضية عنه وهيت", names)[0]] == ["anah", "hit"]
    assert [slug for slug, _ in mentions('حاصر الجيش قضائي "القائم" و"عنه"', names)[0]] == ["qaim", "anah"]
    # "وعنه" after a place with no such word before it is still "and about him"
    assert [slug for slug, _ in mentions("تحدث القائد عن القائم وعنه", names)[0]] == ["qaim"]


def test_an_arabic_town_without_its_article_is_a_place_only_after_a_settlement_word(names):
    # "قريتين" (two villages) is a common word; the town is "القريتين", or "بلدة قريتين"
    assert mentions("سيطرت الفصائل على قريتين قرب حمص", names)[0] == []
    assert [slug for slug, _ in mentions("سيطرت الفصائل على بلدة قريتين", names)[0]] == ["qaryatain"]
    assert [slug for slug, _ in mentions("سيطرت الفصائل على القريتين", names)[0]] == ["qaryatain"]
    # a district's name loses its article in construct: "حيي الجبيلة وجمعيات الحزب"
    assert [slug for slug, _ in mentions("حررت القوات حي جمعيات الحزب", names)[0]] == ["jamiyat"]


def test_an_arabic_generic_force_with_another_countrys_adjective_is_not_the_government(names):
    actors = mentions("تقدم الجيش التركي نحو منبج بينما انسحب الجيش الأمريكي من الرقة", names)[1]
    assert [slug for slug, _, _ in actors] == []
    assert [slug for slug, _, _ in mentions("انسحب الجيش من الرقة", names)[1]] == ["syrian-government"]


def test_an_arabic_clitic_does_not_hide_a_place(names):
    assert mentions("وسيطر الجيش على بالبوكمال", names)[0] == [("boukamal", "بالبوكمال")]


def test_the_longest_name_wins_and_a_crossing_is_one_place(names):
    assert mentions("Iraqi forces took the Albukamal-Qaim crossing.", names)[0] == [
        ("abu-kamal-qaim-crossing", "Albukamal-Qaim crossing")]


def test_short_capitals_match_only_as_written(names):
    assert mentions("IS fighters fled; this is us.", names)[1] == [("islamic-state", "IS fighters", "participant")]
    assert mentions("U.S.-backed forces and US troops", names)[1][0][0] == "sdf"


def test_an_arabic_clitic_before_the_article_does_not_hide_an_actor(names):
    assert mentions("الإعلام التابع للنظام في دير الزور", names)[1][0][0] == "syrian-government"


def test_an_arabic_clitic_before_a_word_without_the_article_adds_none(names):
    """"وقوات سوريا الديمقراطية" (and the SDF) is "قوات ...", not "القوات ...": the clitic took no article."""
    assert [m[0] for m in mentions("بين داعش وقوات سوريا الديمقراطية", names)[1]] == ["islamic-state", "sdf"]


@pytest.mark.parametrize("name", ["قوات الأسد", "قوات النظام السوري", "Assad's forces", "regime forces",
                                  "forces loyal to President Bashar al-Assad"])
def test_the_seed_names_the_syrian_government_as_the_opposition_press_does(names, name):
    assert mentions(f"سيطرت {name} على الميادين", names)[1][0][0] == "syrian-government"


def test_anti_before_a_name_is_not_that_side(names):
    assert mentions("Anti-government fighters", names)[1] == []


def test_longer_aliases_match_in_any_case(names):
    assert [slug for slug, _, _ in mentions("Isis and Isil and isis fighters", names)[1]] == ["islamic-state"] * 3


def test_government_forces_are_those_of_the_country_of_the_place_named(names):
    assert names.government_of == {"SY": "syrian-government", "IQ": "iraqi-government"}
    _, actors = mentions("Iraqi forces took Qaim. Government forces entered Deir ez-Zor. Government forces advanced.", names)
    assert [slug for slug, _, _ in actors] == ["iraqi-government", "syrian-government", "syrian-government"]


def test_generic_words_mean_the_side_named_last_or_next(names):
    _, actors = mentions("The army advanced. Syrian troops and Iraqi forces met. The army said", names)
    assert [slug for slug, _, _ in actors] == ["syrian-government", "syrian-government", "iraqi-government", "iraqi-government"]
    _, actors = mentions("ISIS captured the town from other rebels. It fell to the militants.", names)
    assert actors[-1][:2] == ("islamic-state", "the militants")  # not the rebels it was taken from


def test_generic_words_fall_back_on_the_side_a_place_was_taken_from(names):
    _, actors = mentions("Iraqi forces liberated the town from the Islamic State group. The militants still control Hawija.", names)
    assert actors[-1][:2] == ("islamic-state", "The militants")  # the only armed group the article names


def test_the_militant_adjective_means_the_armed_group_named_before(names):
    # "under militant control", "in jihadist hands": the adjective names the side as its plural does
    assert claims("Islamic State fighters shelled Tikrit. Baiji is under militant control.", names) == {
        ("baiji", "controlled", "islamic-state", "2017-11-04")}
    assert claims("Islamic State fighters shelled Tikrit. Hawija is still in jihadist hands.", names) == {
        ("hawija", "controlled", "islamic-state", "2017-11-04")}


def test_militants_the_article_never_names_are_no_side(names):
    assert mentions("Mosul falls to militants.", names)[1] == []


def test_matching_teaches_the_vocabulary_no_word_of_the_article():
    names = Gazetteer([("qaim", "Qaim", "town", [])], [("islamic-state", "Islamic State", "armed_group", ["IS"])])
    before = len(names.vocab.strings)
    assert names.find(["zyxwv", "qaim", "qwertyuiop"], names.place_matcher) == [(1, 2, "qaim")]
    assert len(names.vocab.strings) == before


def test_the_seed_spells_the_sdf_as_arabic_copy_does(names):
    assert mentions("القوى الديمقراطية السورية تسيطر على منبج", names)[1][0][:2] == ("sdf", "القوى الديمقراطية السورية")


def test_the_seed_spells_sides_and_a_deir_ezzor_district_as_arabic_wire_copy_does(names):
    """AFP's "الفصائل المقاتلة" (the fighting factions) for Syria's rebels; "الجبيلية" beside "الجبيلة"; "البشمركة"; the
    Iraqi federal police, "قوات الحشد" for the PMF, the Nusra Front."""
    assert mentions("تقدمت الفصائل المقاتلة نحو مدينة الباب", names)[1][0][:2] == ("syrian-rebels", "الفصائل المقاتلة")
    assert mentions("اقتحم الجيش حي الجبيلية", names)[0] == [("jabiliyeh", "الجبيلية")]
    assert mentions("دخلت قوات البشمركة سنجار", names)[1][0][:2] == ("peshmerga", "البشمركة")  # beside "البيشمركة"
    assert [m[:2] for m in mentions("تقدمت الشرطة الاتحادية وقوات الحشد نحو تلعفر", names)[1]] == [
        ("iraqi-government", "الشرطة الاتحادية"), ("popular-mobilization-forces", "وقوات الحشد")]
    assert mentions("قاتلت جبهة النصرة في إدلب", names)[1][0][:2] == ("syrian-rebels", "جبهة النصرة")


@pytest.mark.parametrize("generic", ["الجهاديين", "المتشددون", "الإرهابيين"])
def test_arabic_plural_generic_words_mean_the_armed_group_named_before(names, generic):
    assert mentions(f"سيطر تنظيم داعش على الموصل، وقال {generic} إن", names)[1][-1][:2] == ("islamic-state", generic)


@pytest.mark.parametrize("text, side", [("YPG troops entered Manbij in Syria.", "sdf"),
                                        ("Peshmerga soldiers reached Sinjar in Iraq.", "peshmerga")])
def test_a_generic_force_noun_after_a_name_is_that_side(names, text, side):
    assert [slug for slug, _, _ in mentions(text, names)[1]] == [side]


def test_a_generic_force_noun_after_punctuation_is_read_on_its_own(names):
    assert [slug for slug, _, _ in mentions("The Peshmerga withdrew; troops entered Mosul.", names)[1]] == [
        "peshmerga", "iraqi-government"]


def test_a_generic_force_noun_before_of_and_a_name_is_that_side(names):
    assert [slug for slug, _, _ in mentions("Soldiers of the Peshmerga reached Sinjar in Iraq.", names)[1]] == ["peshmerga"]
    assert [slug for slug, _, _ in mentions("Troops of the SDF entered Manbij in Syria.", names)[1]] == ["sdf"]


def test_a_side_named_with_its_country_for_its_demonym_is_found(names):
    assert mentions("The Syria Democratic Forces took Tabqa.", names)[1][0][:2] == ("sdf", "Syria Democratic Forces")


def test_a_clitic_before_the_article_leaves_the_name_with_its_article(names):
    # "والحويجة" is "و" + "الحويجة": the town, though its bare form "حويجة" is a word of other spellings
    assert [slug for slug, _ in mentions("والحويجة تخضع لسيطرة داعش", names)[0]] == ["hawija"]


def test_a_name_does_not_run_from_a_headline_into_the_lede(names):
    _, actors = mentions("Troops advance in Iraq\n\nKurdish forces took the town of Sinjar on Friday.", names)
    assert ("peshmerga", "Kurdish forces", "participant") in actors


def test_arabic_iraqi_forces_without_the_article_are_named_as_with_it(names):
    """"قوات عراقية" (Iraqi forces), as "القوات العراقية", names the Iraqi state force, not a description of it."""
    _, actors = mentions("استعادت قوات عراقية مدعومة من التحالف قرية البشير.", names)
    assert actors[0][:2] == ("iraqi-government", "قوات عراقية")
    article = Article("استعادت قوات عراقية مدعومة من التحالف قرية البشير.", names)
    assert not article.actors[0].described


def test_us_backed_troops_alone_are_the_sdf_but_us_backed_iraqi_troops_are_not(names):
    """Wire copy calls the SDF "U.S.-backed troops" as it calls them "U.S.-backed forces"; a country's adjective before
    the noun names that country's troops instead."""
    assert mentions("U.S.-backed troops entered Raqqa.", names)[1] == [("sdf", "U.S.-backed troops", "participant")]
    assert "sdf" not in {slug for slug, _, _ in mentions("US-backed Iraqi troops entered Mosul.", names)[1]}


def test_us_backed_militias_are_the_sdf(names):
    assert mentions("US-backed militias entered Raqqa.", names)[1] == [("sdf", "US-backed militias", "participant")]


def test_a_towns_military_council_is_the_sdf_not_the_army(names):
    """The SDF's local councils carry a town's name ("Manbij Military Council"): neither the army nor the town."""
    assert mentions("Fighters of the Manbij Military Council entered the town.", names)[1] == [
        ("sdf", "Manbij Military Council", "participant")]


def test_a_liberation_may_be_any_sides_but_the_insurgents(names):
    assert names.may_have_done("iraqi-government", "تحرير") and names.may_have_done("sdf", "liberation of")
    assert not names.may_have_done("islamic-state", "وتحرير")
    assert not names.may_have_done("islamic-state", "the liberation of")
    assert names.may_have_done("islamic-state", "capture of")  # a capture is anyone's
