"""The side a description of a place names: before an unhyphenated "held", after an aside on the place."""
import pytest

from conftest import claims

pytestmark = pytest.mark.usefixtures("every_reading")  # what each phrase reads, under any threshold


def test_an_unhyphenated_held_before_a_town_names_its_owner(names):
    """"the Islamic State (ISIS) held town of Hit": the side before "held" owns the town, not the subject, who
    attacks it."""
    made = claims("Iraqi troops are preparing to attack the Islamic State (ISIS) held town of Hit, officers said.",
                  names)
    assert made == {("hit", "controlled", "islamic-state", "2017-11-04")}


def test_the_side_a_place_was_lost_to_follows_an_aside_describing_it(names):
    """"the loss of Raqqa, the capital of their caliphate, last month to the SDF": the SDF took it; a side named in
    the aside ("their caliphate", IS's) is not the taker, nor is one after a new clause."""
    made = claims("The militants' loss of Raqqa, the capital of their caliphate, last month to the Syrian Democratic "
                  "Forces was a blow.", names)
    assert made == {("raqqa", "controlled", "sdf", "2017-10-01")}
    made = claims("The militants' loss of Raqqa, the capital of IS, came as the SDF advanced.", names)
    assert not {m for m in made if m[0] == "raqqa" and m[2] in ("sdf", "islamic-state")}
