"""What a side withdrawing, fleeing or forced out leaves, and a place gone into after another side's withdrawal."""
import datetime as dt

import pytest

from conftest import claims

pytestmark = pytest.mark.usefixtures("every_reading")  # what each phrase reads, under any threshold


SDF, IS, IQ = "sdf", "islamic-state", "iraqi-government"


@pytest.mark.parametrize("text, expected", [
    # "forcing the army to withdraw" leaves the place named before to the subject; not residents fleeing, nor a place
    # the attack was near
    ("IS fighters stormed Ramadi on Friday, forcing Iraqi troops to withdraw.", {("ramadi", "controlled", IS, "2017-11-03")}),
    ("IS attacked Hit on Friday, forcing residents to flee.", set()),
    ("IS attacked positions near Mosul on Friday, forcing the Iraqi army to pull out.", set()),
])
def test_a_side_forced_to_withdraw_leaves_the_place_named_before_to_the_subject(names, text, expected):
    assert claims(text, names) == expected


def test_a_side_withdrawing_from_a_place_with_a_long_noun_phrase_leaves_it(names):
    text = "IS militants pulled out of the strategic northern border town of Tabqa on Friday as the SDF advanced."
    assert claims(text, names) == {("tabqa", "controlled", SDF, "2017-11-03")}


def test_a_side_withdrawing_from_towns_named_by_a_plural_noun_leaves_them(names):
    text = "As the SDF advanced, IS militants did withdraw from the Euphrates towns of Tabqa and Mansoura on Friday."
    assert ("tabqa", "controlled", SDF, "2017-11-03") in claims(text, names)


def test_a_side_that_withdraws_from_a_place_leaves_it_to_the_side_it_fights(names):
    assert claims("هاجم تنظيم داعش المدينة. وانسحبت قوات النظام من مدينة تدمر الجمعة", names) == {
        ("palmyra", "controlled", IS, "2017-11-03")}
    # where a side withdrew towards ("باتجاه") is not a place it left
    assert claims("هاجم الجيش السوري داعش. وانسحب عناصر التنظيم الجمعة باتجاه مدينة الرقة", names) == set()
    # nor is where it withdrew to ("إلى"), though the place it left before it is
    assert claims("هاجم الجيش السوري داعش. وانسحب عناصر التنظيم الجمعة من مدينة تدمر إلى مدينة الرقة", names) == {
        ("palmyra", "controlled", "syrian-government", "2017-11-03")}


def test_an_arabic_side_withdrawing_as_the_other_sides_operation_begins_leaves_the_place_to_no_one_yet(names):
    # "IS fighters withdrew from Palmyra on Friday as the Syrian army's operation to retake the city began": the army
    # is only starting to take it
    text = ("هاجم الجيش السوري داعش. وانسحب عناصر التنظيم الجمعة من مدينة تدمر"
            " مع بدء عملية للجيش السوري لاستعادة المدينة")
    assert {c for c in claims(text, names) if c[0] == "palmyra"} == set()
    # after fighting it, the side withdrawing leaves the place to the army
    text = "هاجم الجيش السوري داعش. وانسحب عناصر التنظيم الجمعة من مدينة تدمر بعد معارك مع الجيش السوري"
    assert {c for c in claims(text, names) if c[0] == "palmyra"} == {
        ("palmyra", "controlled", "syrian-government", "2017-11-03")}


@pytest.mark.parametrize("text, expected", [
    ("The Iraqi army fought IS for weeks. IS fighters fled the town of Hit on Friday.", {("hit", "controlled", IQ, "2017-11-03")}),
    ("The Iraqi army fought IS for weeks. Hit is quiet. IS fighters fled the town on Friday.", {("hit", "controlled", IQ, "2017-11-03")}),
    ("The Iraqi army fought IS for weeks. IS fighters withdrew from Hit on Friday.", {("hit", "controlled", IQ, "2017-11-03")}),
    # where a side went, or a place that only locates what it left, is not what it left
    ("The Iraqi army fought IS for weeks. IS fighters fled from villages near Hit on Friday.", set()),
    ("The Iraqi army fought IS for weeks. IS fighters retreated from Baghdadi, 50 km from Hit, on Friday.", set()),
    ("The Iraqi army fought IS for weeks. IS has no plans to withdraw from Hit.", set()),
])
def test_a_side_that_withdrew_or_fled_left_the_place_to_the_other(names, text, expected):
    assert {c for c in claims(text, names) if c[0] == "hit"} == expected


def test_an_arabic_side_gone_in_after_the_other_side_withdrew_holds_the_place(names):
    """"دخلت ... بعد انسحاب" (went in after the withdrawal of another side): the place was left to it, not fought over;
    an entry with no withdrawal, or after its own side's, stays contested."""
    sunday = dt.datetime(2017, 11, 19, 12, tzinfo=dt.timezone.utc)
    text = "دخلت القوات العراقية الجمعة مدينة القائم بعد انسحاب مسلحي داعش منها"
    assert claims(text, names, sunday) == {("qaim", "controlled", IQ, "2017-11-17")}
    text = "دخلت القوات العراقية الجمعة مدينة القائم وسط اشتباكات مع داعش"
    assert claims(text, names, sunday) == {("qaim", "contested", (IQ, IS), "2017-11-17")}
    text = "دخلت القوات العراقية الجمعة مدينة القائم بعد انسحاب الجيش العراقي من مواقعه، وتقاتل داعش"
    assert {status for _, status, _, _ in claims(text, names, sunday)} == {"contested"}


def test_a_side_that_moved_in_following_the_other_sides_withdrawal_holds_the_place(names):
    """"moved into X ... following the withdrawal of" another side: X was left to it; an entry with no withdrawal, or
    a withdrawal in another clause, stays contested."""
    text = "IS fighters moved into Qaim and nearby villages on Friday following the withdrawal of Iraqi troops."
    assert claims(text, names) == {("qaim", "controlled", IS, "2017-11-03")}
    text = "IS fighters moved into Qaim on Friday, days after the withdrawal of Iraqi troops from Rawa."
    assert {status for place, status, _, _ in claims(text, names) if place == "qaim"} == {"contested"}


@pytest.mark.parametrize("text, expected", [
    # a side "forced to withdraw from" a place left it to the side it fights; after "since being", the side forced is
    # the main clause's subject, not the side named between
    ("Iraqi troops were forced to withdraw from Hit by IS fighters in June.",
     {("hit", "controlled", IS, "2017-06-01")}),
    ("The army has lost ground to the SDF since being forced to pull out of Tabqa in March.",
     {("tabqa", "controlled", SDF, "2017-03-01")}),
])
def test_a_side_forced_to_withdraw_from_a_place_left_it(names, text, expected):
    assert claims(text, names) == expected


def test_a_side_that_went_in_after_the_other_side_withdrew_holds_the_place(names):
    """"entered X after the militants withdrew": the withdrawal a clause of its own, X was left to the side going in;
    an entry after the other side attacked stays contested."""
    text = "Iraqi troops entered Rawa on Friday after IS fighters withdrew without resistance."
    assert claims(text, names) == {("rawa", "controlled", IQ, "2017-11-03")}
    text = "Iraqi troops entered Rawa on Friday after IS fighters had pulled out overnight."
    assert claims(text, names) == {("rawa", "controlled", IQ, "2017-11-03")}
    text = "Iraqi troops entered Rawa on Friday after IS fighters attacked their convoy."
    assert {status for _, status, _, _ in claims(text, names)} == {"contested"}


def test_two_sides_joined_before_an_arabic_dual_withdrawal_both_left(names):
    """"اللواء الرابع التابع للجيش العراقي وقوات البيشمركة انسحبا" (the army's brigade and the Peshmerga, the two,
    withdrew): the town is left to the side they fight, not to either of them."""
    text = ("اقترب مقاتلو تنظيم داعش من سهل نينوى. وقال سكان إن اللواء الرابع التابع للجيش العراقي وقوات البيشمركة "
            "انسحبا فجر السبت من بلدة قرقوش.")
    assert claims(text, names) == {("qaraqosh", "controlled", IS, "2017-11-04")}


def test_a_town_after_a_direction_locates_the_place_an_arabic_side_withdrew_from(names):
    # "من مدينة الطبقة شمال غرب الرقة" (from Tabqa, north-west of Raqqa): Raqqa only locates the town left
    text = "هاجم الجيش السوري داعش. وانسحب عناصر التنظيم الجمعة من مدينة الطبقة شمال غرب الرقة"
    assert claims(text, names) == {("tabqa", "controlled", "syrian-government", "2017-11-03")}


@pytest.mark.parametrize("text, expected", [
    # the side named only after a second retreat ("and fell back before the army in the Homs countryside") is that
    # retreat's foe elsewhere, not the side the place was left to
    ("انسحب تنظيم داعش من مدينة تدمر الجمعة وتراجع أمام الجيش السوري في ريف حمص", set()),
    # named before the second retreat, it is the side the place was left to
    ("انسحب تنظيم داعش من مدينة تدمر الجمعة أمام الجيش السوري وتراجع نحو الصحراء",
     {("palmyra", "controlled", "syrian-government", "2017-11-03")}),
])
def test_an_arabic_withdrawal_leaves_no_place_to_the_foe_of_a_second_retreat(names, text, expected):
    assert claims(text, names) == expected
