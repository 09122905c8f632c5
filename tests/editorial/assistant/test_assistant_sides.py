"""Which side a mention means: the generic words ("the army", "military") and when they name no side."""
import pytest

from test_assistant_roles import SDF, claims
from editorial.assistant.article import Article

pytestmark = pytest.mark.usefixtures("every_reading")  # what each phrase reads, under any threshold


def test_military_after_a_possessive_describes_that_sides_acts(names):
    text = "Kurdish-led SDF fighters pressed on with their military push and seized half of Raqqa on Friday."
    assert [m.slug for m in Article(text, names).actors] == [SDF]
    assert not {c for c in claims(text, names) if "syrian-government" in c[2]}


def test_a_description_stored_as_a_name_of_another_countrys_side_is_read_as_a_description(names):
    """SDF's alias "Kurdish fighters" in an Iraqi town means Iraq's Kurdish side; in a Syrian one, still the SDF."""
    assert {c[2] for c in claims("Kurdish fighters seized Sinjar from IS on Friday.", names)} == {"peshmerga"}
    assert {c[2] for c in claims("Kurdish fighters seized Tabqa from IS on Friday.", names)} == {SDF}
    text = "Syrian government troops seized Palmyra from IS on Friday, as Iraqi forces fought in Mosul."
    assert {c[2] for c in claims(text, names) if c[0] == "palmyra"} == {"syrian-government"}


def test_arabic_the_forces_alone_take_up_the_side_named_before_other_than_the_jihadists(names):
    """"القوات" (the forces) alone is the side last named that fights IS, never IS itself; with an adjective after
    it ("القوات التركية") it is a description of its own; with no side named before it, nobody."""
    text = "هاجمت قوات البيشمركة مواقع داعش أمس. وقال مصدر إن القوات سيطرت يوم الجمعة على ناحية بعشيقة"
    assert [m.slug for m in Article(text, names).actors] == ["peshmerga", "islamic-state", "peshmerga"]
    assert claims(text, names) == {("bashiqa", "controlled", "peshmerga", "2017-11-03")}
    text = "هاجمت قوات البيشمركة داعش. ودخلت القوات التركية القرية"
    assert [m.slug for m in Article(text, names).actors][:2] == ["peshmerga", "islamic-state"]
    assert "peshmerga" not in [m.slug for m in Article(text, names).actors][2:]
    assert claims("قال مصدر إن الفصائل سيطرت يوم الجمعة على بلدة دابق", names) == set()
    # a word with the article after it that is its object or a day is no adjective: the forces are still the side
    # named before ("the forces regained control of Bashiqa on Friday", "the forces went in on Friday")
    text = "هاجمت قوات البيشمركة مواقع داعش أمس. واستعادت القوات السيطرة على ناحية بعشيقة يوم الجمعة"
    assert claims(text, names) == {("bashiqa", "controlled", "peshmerga", "2017-11-03")}
    text = "هاجمت قوات البيشمركة مواقع داعش أمس. ودخلت القوات الجمعة ناحية بعشيقة"
    assert ("bashiqa", "contested", ("islamic-state", "peshmerga"), "2017-11-03") in claims(text, names)


def test_a_side_named_before_a_monitor_or_an_activist_is_no_side_in_the_fighting(names):
    text = "A Syrian opposition monitoring group said on Friday that army troops had entered Palmyra, held by IS."
    assert [m.slug for m in Article(text, names).actors] == ["syrian-government", "islamic-state"]
    assert {(c[0], c[1]) for c in claims(text, names)} == {("palmyra", "contested")}


def test_a_side_a_reporting_source_sympathises_with_is_no_side_in_the_fighting(names):
    # "a pro-opposition watchdog", "pro-government media": the source's leaning; IS is the only side, so it overran it
    text = ("A pro-opposition watchdog said Islamic State militants held civilians from Palmyra, which was overrun "
            "on Friday.")
    assert [m.slug for m in Article(text, names).actors] == ["islamic-state"]
    assert ("palmyra", "controlled", "islamic-state", "2017-11-03") in claims(text, names)
    assert [m.slug for m in Article("Pro-government media said troops entered Palmyra.", names).actors] == [
        "syrian-government"]


def test_a_lede_naming_no_place_is_about_the_place_named_next(names):
    """Kurdish defenders in a lede before any place is named are the side of the country of the place named next."""
    text = ("IS fighters pushed into a besieged border town on Friday, battling its Kurdish defenders. "
            "IS holds half of Kobani.")
    assert [(m.text, m.slug) for m in Article(text, names).actors if m.described] == [("Kurdish defenders", SDF)]


def test_a_generic_word_after_a_possessive_is_the_force_of_the_side_named_before_it(names):
    """"its troops" after the Peshmerga are the Peshmerga's, not the army of the place's country; in a sentence of
    its own, with no side named before, "its troops" stay the country's army."""
    text = "The Peshmerga ministry said on Friday that its troops had freed Qaim."
    assert claims(text, names) == {("qaim", "controlled", "peshmerga", "2017-11-03")}
    text = "The ministry said on Friday that its troops had freed Qaim."
    assert claims(text, names) == {("qaim", "controlled", "iraqi-government", "2017-11-03")}


def test_arabic_sides_joined_by_the_clitic_wa_are_allies_not_adversaries(names):
    """"قوات الحشد الشعبي والجيش العراقي": the "و" on the second name joins one subject, after the adjective that ends
    the first name; a word without the article between them ("أمس") or "بين" (between) before them parts them."""
    text = "اقتحمت قوات الحشد الشعبي والجيش العراقي مدينة بيجي يوم الجمعة."
    assert Article(text, names).allies == {"popular-mobilization-forces": {"iraqi-government"},
                                           "iraqi-government": {"popular-mobilization-forces"}}
    assert not {c for c in claims(text, names) if c[2] == ("iraqi-government", "popular-mobilization-forces")}
    assert Article("تقدمت قوات الحشد أمس والجيش العراقي ينتظر عند مدخل بيجي.", names).allies == {}
    assert Article("دارت اشتباكات بين الجيش العراقي وتنظيم داعش في بيجي.", names).allies == {}


def test_arabic_its_forces_are_the_owners_the_side_before_them_or_a_states_body_with_its_country(names):
    """"قواته" (its forces) is the side named before it in its sentence, not one after a preposition; with none, the
    army of the one country a state's body just before it names; a foreign body's forces are nobody here."""
    text = "وفي المعارك مع داعش، قالت قوات البيشمركة إن قواتها سيطرت يوم الجمعة على ناحية بعشيقة"
    assert claims(text, names) == {("bashiqa", "controlled", "peshmerga", "2017-11-03")}
    text = "وفي المعارك مع داعش، أعلنت وزارة الداخلية العراقية الجمعة أن قواتها دخلت ناحية بعشيقة"
    assert [m.slug for m in Article(text, names).actors] == ["islamic-state", "iraqi-government"]
    text = "أعلنت وزارة الدفاع الروسية الجمعة أن قواتها سيطرت على مدينة تدمر"
    assert claims(text, names) == set()


def test_sides_the_database_records_as_allies_are_never_each_others_adversary(names):
    """The PMF fight beside the Iraqi army (the seed's allied_with): a PMF entry is contested with IS, never with the
    army the article also names; with no adversary named, nothing is guessed."""
    text = "Iraqi troops and IS fought near Tikrit. On Friday Shiite militiamen broke into Tikrit."
    assert claims(text, names) == {
        ("tikrit", "contested", ("islamic-state", "popular-mobilization-forces"), "2017-11-03")}
    text = "The Iraqi army shelled the town. On Friday the Popular Mobilization Forces entered Baiji."
    assert claims(text, names) == set()
    assert claims("Shiite militiamen surrounded Baiji on Friday. Iraqi troops fought in Tikrit.", names) == set()


def test_a_countrys_adjective_sharing_a_sides_head_noun_is_its_state_force(names):
    # "Syrian and Russian troops": the Syrian army and the Russians, the Syrian army leading
    text = "Syrian and Russian troops recaptured Palmyra on Friday."
    assert [m.slug for m in Article(text, names).actors] == ["syrian-government", "russia"]
    assert {c[2] for c in claims(text, names)} == {"syrian-government"}


def test_between_before_a_sides_full_name_parts_it_from_the_side_after_its_abbreviation(names):
    """"between the People's Protection Units (YPG) and IS": "between" opens the full name, not the abbreviation
    after it, so the two sides fight each other rather than stand together as one subject."""
    text = "Heavy fighting broke out on Monday between the Kurdish People's Protection Units (YPG) and Islamic State."
    assert Article(text, names).allies == {}
    assert Article("The Kurdish People's Protection Units (YPG) and the Syrian army pushed on.", names).allies == {
        "sdf": {"syrian-government"}, "syrian-government": {"sdf"}}


def test_the_sdf_named_without_its_forces_word_is_the_sdf(names):
    """Arabic copy names the SDF "سوريا الديمقراطية" in quotes, without "قوات" (forces): the side, not Syria."""
    assert claims('وقالت مصادر محلية إن "سوريا الديمقراطية" سيطرت أمس على مدينة منبج بعد انسحاب داعش.', names) == {
        ("manbij", "controlled", "sdf", "2017-11-03")}


def test_the_arabic_organisation_in_an_article_naming_no_armed_group_is_the_one_group_called_so(names):
    """"التنظيم" (the organisation) with no armed group named is the one group the gazetteer calls by such words;
    in an article naming the Free Syrian Army it may be another group, and stays nobody's."""
    made = claims("سيطر التنظيم الجمعة على بلدة قرقوش.", names)
    assert made == {("qaraqosh", "controlled", "islamic-state", "2017-11-03")}
    text = "سيطر التنظيم الجمعة على بلدة قرقوش. وقال مصدر إن التنظيم قريب من الجيش السوري الحر."
    assert not {c for c in claims(text, names) if c[2] == "islamic-state"}
    # "المتطرفون" (the extremists) are the armed group named last, or with none named, that one group
    made = claims("سيطر المتطرفون الجمعة على بلدة قرقوش.", names)
    assert made == {("qaraqosh", "controlled", "islamic-state", "2017-11-03")}


def test_arabic_jihadists_in_an_article_naming_no_armed_group_are_the_one_group_called_so(names):
    """"لاستعادتها من الجهاديين" (to retake it from the jihadists) with no armed group named: the side the army
    fights is the one group the gazetteer calls by such words, so going in contests the town between them. Extremists
    in an article naming the Free Syrian Army may be its allies, and gunmen may be anyone's: both stay nobody's."""
    text = "دخل الجيش العراقي، صباح الجمعة، بلدة قرقوش لاستعادتها من الجهاديين بعد يومين من بدء الهجوم."
    assert ("qaraqosh", "contested", ("iraqi-government", "islamic-state"), "2017-11-03") in claims(text, names)
    text = "سيطر المتشددون الجمعة على بلدة قرقوش. وقال مصدر إن المتشددين قريبون من الجيش السوري الحر."
    assert not {c for c in claims(text, names) if c[2] == "islamic-state"}
    assert not {c for c in claims("سيطر المسلحون الجمعة على بلدة قرقوش.", names) if c[2] == "islamic-state"}
