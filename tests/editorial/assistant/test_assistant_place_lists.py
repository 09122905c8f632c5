"""Which places of a list a control phrase is about: the first, those joined to it, not a place that only locates
another."""
from conftest import claims
from test_assistant_places import targets


def test_a_place_a_direction_locates_after_the_object_is_no_object(names):
    """"Sinjar, west of Mosul": Mosul only places the town the militia holds."""
    assert targets("The militia is now in control of the town of Sinjar, west of Mosul, officials said.", names)[0] == (
        ["sinjar"], "")


def test_places_joined_by_and_are_taken_together(names):
    assert targets("سيطرت قوات النظام على حيي الجبيلة والجمعيات", names) == [(["jabiliyeh", "jamiyat"], "")]


def test_places_joined_by_and_with_a_settlement_word(names):
    # "بلدة راوه ومدينة القائم" (the town of Rawa and the city of Qaim): both are held
    text = "يسيطر داعش على بلدة راوه ومدينة القائم"
    assert targets(text, names) == [(["rawa", "qaim"], "")]
    # "ومنطقة" (and the area of) joins too, also after a province that locates the first place and "،"
    assert targets("لا يزال داعش يسيطر على الحويجة ومنطقة القائم", names) == [(["hawija", "qaim"], "")]
    text = "لا يزال داعش يسيطر على ناحية الحويجة بمحافظة كركوك، ومنطقة القائم غربي البلاد"
    assert claims(text, names) >= {("hawija", "controlled", "islamic-state", "2017-11-04"),
                                   ("qaim", "controlled", "islamic-state", "2017-11-04")}


def test_places_joined_by_a_lone_and_before_a_quoted_name(names):
    # "«راوة» و«عنه»" (Rawa and Anah, each in quotes): "و" stands apart from the name and still joins it
    assert targets("استولى داعش أمس على بلدات «راوة» و«عنه» و«الرطبة»", names) == [(["rawa", "anah", "rutba"], "")]
    assert targets("استولى داعش أمس على مدينة « الموصل » و « تكريت »", names) == [(["mosul", "tikrit"], "")]
    # a clause after "و" is not joined: the second town is another sentence part's
    assert targets("استولى داعش أمس على «راوة» و قال إن «عنه» هادئة", names) == [(["rawa"], "")]


def test_a_place_named_with_its_possessor_is_the_possessed_one(names):
    assert targets("The army retook Anbar's Rawa district on Friday.", names) == [(["rawa"], "")]
    assert targets("Kurdish fighters captured the northern Raqqa's Tabqa town.", names) == [(["tabqa"], "")]


def test_a_list_of_places_after_a_verb_is_all_its_objects(names):
    """"seized Anah, Rawa and Qaim": every place of the list the "and" ends; "seized Qaim, Rawa," names one."""
    assert targets("IS seized the towns of Anah, Rawa and Qaim on Friday.", names) == [(["anah", "rawa", "qaim"], "")]
    assert targets("IS-held Anah, Rawa and Qaim were bombed.", names) == [(["anah", "rawa", "qaim"], "")]
    assert targets("IS seized Qaim, Rawa, on Friday.", names) == [(["qaim"], "")]


def test_an_arabic_list_of_places_set_apart_by_commas_or_dashes_is_taken_together(names):
    """"تل أبيض، عين عيسى والرقة": the places before the list's "و" are set apart by "،"; three or more by "-" alone.
    Two places set apart by "،" with no "و" after are two clauses' places, not a list."""
    listed = [(["tel-abyad", "ain-issa", "raqqa"], "")]
    assert targets("حررت قوات سوريا الديمقراطية تل أبيض، عين عيسى والرقة", names) == listed
    assert targets("يسيطر داعش على تل أبيض - عين عيسى - الرقة", names) == listed
    assert targets("حررت قوات سوريا الديمقراطية تل أبيض، الرقة", names) == [(["tel-abyad"], "")]

def test_a_listed_town_after_villages_or_territory_in_it_only_locates_them(names, every_reading):
    """"holds Anah, Rawa and dozens of villages in Kirkuk": the villages are held, not Kirkuk; so is territory in a
    town, a share the sentence does not tell."""
    text = "Islamic State still holds Anah, Rawa and dozens of villages in Kirkuk, a commander said."
    assert targets(text, names) == [(["anah", "rawa"], "")]
    assert {place for place, *_ in claims(text, names)} == {"anah", "rawa"}
    assert targets("IS holds Qaim, Rawa and pockets of territory in Hit.", names) == [(["qaim", "rawa"], "")]
    # the first place after the verb is its object, whatever comes before it
    assert targets("IS holds villages in Kirkuk and Hawija.", names)[0][0] == ["kirkuk", "hawija"]
