"""Whether a phrase takes only a part of its place: the centre taken, a side still inside after "but"."""
from conftest import claims

IQ, IS = "iraqi-government", "islamic-state"


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
