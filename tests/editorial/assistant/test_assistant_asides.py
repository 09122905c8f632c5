"""The side a description of a place names: before an unhyphenated "held", after an aside on the place."""
import pytest

from conftest import SATURDAY, claims

from editorial.assistant import propose

pytestmark = pytest.mark.usefixtures("every_reading")  # what each phrase reads, under any threshold


def test_an_unhyphenated_held_before_a_town_names_its_owner(names):
    """"the Islamic State (ISIS) held town of Hit": the side before "held" owns the town, not the subject, who
    attacks it."""
    made = claims("Iraqi troops are preparing to attack the Islamic State (ISIS) held town of Hit, officers said.",
                  names)
    assert made == {("hit", "controlled", "islamic-state", "2017-11-04")}


@pytest.mark.parametrize("text, expected", [
    # a preposition or a verb of taking before the side: it describes the place, and starts no clause
    ("Kurdish fighters pressed their drive to capture Islamic State controlled Hit on Monday.", "islamic-state"),
    ("Iraqi troops advance on IS held Hit", "islamic-state"),
    ("Kurdish fighters shelled positions near IS held Hit", "islamic-state"),
    # the side opening the clause holds the place by its verb
    ("The Peshmerga controlled Hit on Monday.", "peshmerga"),
])
def test_an_unhyphenated_held_between_a_side_and_a_place_describes_the_place(names, text, expected):
    """"the drive to capture Islamic State controlled Hit": IS holds Hit, not the subject of the drive; "IS held"
    in capitals is the group, not the auxiliary "is"."""
    assert {p.holder for p in propose(text, SATURDAY, names) if p.place == "hit"} == {expected}


def test_the_side_a_place_was_lost_to_follows_an_aside_describing_it(names):
    """"the loss of Raqqa, the capital of their caliphate, last month to the SDF": the SDF took it; a side named in
    the aside ("their caliphate", IS's) is not the taker, nor is one after a new clause."""
    made = claims("The militants' loss of Raqqa, the capital of their caliphate, last month to the Syrian Democratic "
                  "Forces was a blow.", names)
    assert made == {("raqqa", "controlled", "sdf", "2017-10-01")}
    made = claims("The militants' loss of Raqqa, the capital of IS, came as the SDF advanced.", names)
    assert not {m for m in made if m[0] == "raqqa" and m[2] in ("sdf", "islamic-state")}
