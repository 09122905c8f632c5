"""Who declares a place freed: its own state's official or force, or the side before "declared that"."""
import pytest

from conftest import SATURDAY, claims
from editorial.assistant import propose
from editorial.assistant.calibration import DATED, GRAMMAR, GUESSED, MEASURED

pytestmark = pytest.mark.usefixtures("every_reading")  # what each phrase reads, under any threshold


SDF, IQ = "sdf", "iraqi-government"


def test_a_side_declaring_a_place_freed_in_a_passive_clause_is_its_holder(names):
    """"X declared that Y had been liberated" says what "X declared Y liberated" says: the holder is read from the
    declaring clause's subject (calibration's grammar class); a side only named elsewhere in the sentence is a guess."""
    [declared] = propose("The SDF on Friday announced that Tabqa had been completely freed.", SATURDAY, names)
    assert (declared.place, declared.holder, declared.date.isoformat()) == ("tabqa", SDF, "2017-11-03")
    assert declared.confidence == MEASURED[DATED].rate
    text = "As the SDF ended its offensive, a monitor said on Friday that Tabqa had been completely freed."
    [guessed] = propose(text, SATURDAY, names)
    assert guessed.holder == SDF and guessed.confidence == MEASURED[GUESSED].rate


def test_a_town_freed_as_its_countrys_officials_say_was_freed_by_that_state(names):
    """No side named but the one driven out: the state whose official or body says so freed it, if the town is in its
    country; another country's official, or a speaker of no state, says nothing of who freed it."""
    text = "The town of Qaim has been freed from the jihadists, Iraq's defence ministry said on Friday."
    assert claims(text, names) == {("qaim", "controlled", IQ, "2017-11-03")}
    assert not claims("The town of Qaim has been freed from the jihadists, Syria's president said on Friday.", names)
    assert not claims("The town of Qaim has been freed from the jihadists, a local resident said on Friday.", names)


def test_a_states_official_announcing_a_liberation_in_its_country_reports_its_own_act(names):
    """"the liberation of X" its subject reports is only a guess at who holds it, unless the subject is the state of
    X's country speaking through its official: then the state's forces did it."""
    text = "Iraq's defence minister announced on Friday the liberation of the town of Qaim from the jihadists."
    assert claims(text, names) == {("qaim", "controlled", IQ, "2017-11-03")}
    assert "its official" in propose(text, SATURDAY, names)[0].why


def test_an_arabic_state_declaring_the_liberation_of_a_town_of_its_country_reports_its_own_act(names):
    """"أعلن الجيش العراقي الجمعة تحرير القائم" (the Iraqi army declared on Friday the liberation of Qaim): the noun the
    object of the state's own "أعلن", its act as in English (calibration's grammar class); another country's state,
    a non-state side, people freed "from" a town, or a clause after "أن" stay a guess at most."""
    [declared] = propose("أعلن الجيش العراقي يوم الجمعة تحرير مدينة القائم بالكامل", SATURDAY, names)
    assert (declared.place, declared.holder, declared.date.isoformat()) == ("qaim", IQ, "2017-11-03")
    assert declared.confidence == MEASURED[DATED].rate and "its state declares" in declared.why
    [foreign] = propose("أعلن الجيش السوري يوم الجمعة تحرير مدينة القائم بالكامل", SATURDAY, names)
    assert foreign.confidence == MEASURED[GUESSED].rate
    freed = propose("أعلن الجيش العراقي يوم الجمعة تحرير 200 مدني من مدينة القائم", SATURDAY, names)
    assert all(p.confidence == MEASURED[GUESSED].rate for p in freed)
    text = "أعلن العبادي يوم الجمعة تحرير راوة، مؤكدا أن ذلك خطوة مهمة نحو تحرير مدينة القائم"
    assert [p.confidence for p in propose(text, SATURDAY, names) if p.place == "qaim"] in ([], [MEASURED[GUESSED].rate])


def test_a_state_force_announcing_its_own_liberation_of_a_town_took_it(names):
    """"Iraqi security forces entered Qayyara on Tuesday and announced its complete liberation on Thursday": the
    state force of the town's country reports its own act, read from the grammar."""
    text = "Iraqi security forces entered Qayyara on Tuesday and announced its complete liberation on Thursday."
    [made] = [p for p in propose(text, SATURDAY, names) if p.status == "controlled"]
    assert (made.place, made.holder, made.date.isoformat(), made.reading) == (
        "qayyarah", "iraqi-government", "2017-11-02", GRAMMAR)
    # a confirmation is a declaration too
    [made] = propose("The Iraqi army on Thursday confirmed the capture of Hawija.", SATURDAY, names)
    assert (made.place, made.holder, made.date.isoformat(), made.reading) == (
        "hawija", "iraqi-government", "2017-11-02", GRAMMAR)


def test_a_town_its_state_says_was_freed_after_its_side_acted_there_was_taken_by_it(names):
    """"Iraq's forces raised the flag in Ramadi after the city was fully liberated, an Iraqi military spokesman said
    Monday": the one side named is the state's own, and the state says so: read from the grammar."""
    text = ("Iraq's counter terrorism forces raised the Iraqi flag above the central government complex in city of "
            "Ramadi after the city was \"fully liberated\" from ISIL, Iraqi military spokesman said Friday.")
    [made] = propose(text, SATURDAY, names)
    assert (made.place, made.holder, made.date.isoformat(), made.reading) == (
        "ramadi", "iraqi-government", "2017-11-03", GRAMMAR)


def test_a_regions_official_declaring_a_town_freed_speaks_for_no_state(names):
    """"Iraqi Kurdish President Massoud Barzani said" is a region's official: the Iraqi state did not free the town
    for his words, as "Iraq's prime minister said" would have it."""
    text = "Today Sinjar is liberated, Iraqi Kurdish President Massoud Barzani said on Friday."
    assert not any(holder == IQ for _, _, holder, _ in claims(text, names))
    text = "Today Sinjar is liberated, the Kurdistan Region's prime minister said on Friday."
    assert not any(holder == IQ for _, _, holder, _ in claims(text, names))
    assert claims("Today Sinjar is liberated, Iraq's prime minister said on Friday.", names) == {
        ("sinjar", "controlled", IQ, "2017-11-04")}
