"""Which hedge qualifies a control phrase: one before it or a claim anywhere, not an adverb in a clause after it."""
import pytest

from conftest import SATURDAY
from editorial.assistant import propose

pytestmark = pytest.mark.usefixtures("every_reading")  # what each phrase reads, under any threshold


@pytest.mark.parametrize("text, hedged", [
    ("The SDF reportedly captured Tabqa on Friday.", True),
    ("The SDF captured Tabqa on Friday, the group claimed.", True),
    ("The SDF captured Tabqa on Friday, a gain that could not be independently verified.", True),
    # a report said to be one of several, or raised ("are reported to have"), is not yet the editor's fact
    ("Tabqa is reported to have been taken by the SDF on Friday.", True),
    ("There are also reports that the SDF captured Tabqa on Friday.", True),
    ("The SDF captured Tabqa on Friday, though there are conflicting reports as to whether IS fought.", True),
    ("While initial reports were that the SDF had taken Tabqa on Friday, IS fought back.", True),
    # the adverb qualifies the verb of another clause after the phrase
    ("The SDF captured Tabqa on Friday as fleeing families reportedly headed north.", False),
    ("The SDF captured Tabqa on Friday, chasing out IS fighters who may have fled to the desert.", False),
    ("The SDF captured Tabqa on Friday, but IS is believed to hold villages nearby.", False),
    # "يبدو أن" (it appears that) in a relative clause after the phrase qualifies that clause's verb
    ("سيطرت قوات سوريا الديمقراطية يوم الجمعة على الطبقة بعد معارك مع التنظيم الذي يبدو أنه انسحب إلى الصحراء.", False),
    ("يبدو أن قوات سوريا الديمقراطية سيطرت يوم الجمعة على الطبقة.", True),
])
def test_a_hedge_in_a_clause_after_the_phrase_qualifies_that_clause(names, text, hedged):
    [made] = [p for p in propose(text, SATURDAY, names) if p.place == "tabqa"]
    assert ("hedged" in made.why) is hedged and made.indirect is hedged
