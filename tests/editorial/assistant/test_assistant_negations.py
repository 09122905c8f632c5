"""The words that deny a control phrase or say it has not happened, and the reports they leave alone."""
import pytest



from conftest import claims
from editorial.assistant.hedges import HEDGE
from editorial.assistant.negations import DENIAL, NEGATION


def test_negations_denials_hedges():
    assert NEGATION.search("forces are close to breaking the siege") and NEGATION.search("الجيش لم يسيطر")
    assert DENIAL.search("russia refuted reports") and DENIAL.search("it was not true that")
    assert DENIAL.search("مقطع يدحض سيطره التنظيم") and DENIAL.search("ودحض الجيش الانباء")  # refutes, refuted
    assert not DENIAL.search("an official could neither confirm nor deny that the army was inside the town")
    assert not DENIAL.search("a local activist said he cannot confirm or deny the report")
    assert NEGATION.search("commanders drew plans to break the siege") and NEGATION.search("troops are preparing to enter")
    assert NEGATION.search("the rebels did nt hold the town") and not NEGATION.search("the nth brigade took it")
    assert HEDGE.search("the army reportedly took") and not HEDGE.search("the army took")


@pytest.mark.usefixtures("every_reading")  # what the phrase reads, under any threshold
def test_a_change_a_side_is_about_to_complete_has_not_happened(names):
    """"were about to complete liberation of the key town": not yet done, so nothing is proposed for the town."""
    assert NEGATION.search("the sdf fighters were about to complete liberation of")
    text = "Kurdish sources said on Saturday that the SDF fighters were about to complete the liberation of Manbij."
    assert {c for c in claims(text, names) if c[0] == "manbij"} == set()


def test_arabic_la_before_a_present_verb_negates_it_and_la_yazal_says_still(names):
    """"لا تسيطر" (does not control) and "لا يفصلها" negate the phrase after them; "لا تزال تسيطر" (still controls) is
    no negation."""
    assert NEGATION.search("قوات النظام لا") and NEGATION.search("القوات لا يفصلها عن رفع العلم")
    assert not NEGATION.search("قوات النظام لا تزال") and not NEGATION.search("ولا سيما")
    said = "{} اليوم السبت أن قوات النظام السوري {} على مدينة البوكمال"
    assert claims(said.format("وأكد تنظيم داعش", "لا تسيطر"), names) == set()
    assert claims(said.format("وقال المرصد", "لا تزال تسيطر"), names) == {
        ("boukamal", "controlled", "syrian-government", "2017-11-04")}


@pytest.mark.usefixtures("every_reading")  # what the phrase reads, under any threshold
def test_a_side_kept_from_an_act_has_not_done_it(names):
    """"the Peshmerga barred IS from entering Sinjar": the act the side is kept from has not happened; a verb after
    the act kept from ("prevented IS from advancing and retook Sinjar") still tells its own."""
    assert claims("The Peshmerga barred IS fighters from entering Sinjar on Friday.", names) == set()
    assert claims("The militants stopped the residents from leaving or entering Raqqa, activists said.", names) == set()
    text = "The Peshmerga stopped the advance on Friday and retook Sinjar."
    assert ("sinjar", "controlled", "peshmerga", "2017-11-03") in claims(text, names)


@pytest.mark.usefixtures("every_reading")  # what the phrase reads, under any threshold
def test_a_side_a_call_is_to_prevent_from_taking_a_town_has_not_taken_it(names):
    """"reinforcements to prevent the militants taking Sinjar": "prevent" and its object right before the act, no
    "from" between, keep the side from it; a verb after "and" is its own ("prevented an attack and retook Sinjar")."""
    assert claims("Officials urged troops to prevent IS fighters seizing Sinjar on Friday.", names) == set()
    text = "The Peshmerga prevented an attack on Friday and retook Sinjar."
    assert ("sinjar", "controlled", "peshmerga", "2017-11-03") in claims(text, names)
