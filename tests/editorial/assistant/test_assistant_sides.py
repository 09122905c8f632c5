"""Which side a mention means: the generic words ("the army", "military") and when they name no side."""
import pytest

from test_assistant_roles import SDF, claims
from editorial.assistant.article import Article

pytestmark = pytest.mark.usefixtures("every_reading")  # what each phrase reads, under any threshold


def test_military_after_a_possessive_describes_that_sides_acts(names):
    text = "Kurdish-led SDF fighters pressed on with their military push and seized half of Raqqa on Friday."
    assert [m.slug for m in Article(text, names).actors] == [SDF]
    assert not {c for c in claims(text, names) if "syrian-government" in c[2]}
