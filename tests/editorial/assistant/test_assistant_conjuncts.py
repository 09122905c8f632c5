"""Which words join two sides named as one clause's subject, so that the first of them leads."""
import pytest

from editorial.assistant.conjuncts import conjoined


@pytest.mark.parametrize("between", [
    ["and"],  # "the army and the YPG"
    ["militia", "and", "smaller"],  # "the Kurdish YPG militia and smaller Syrian rebel groups"
    ["known", "as", "the"],  # "Shiite paramilitary groups known as the PMU"
    ["forces", ",", "as", "well", "as", "local"],  # "Iraqi forces, as well as local Sunni tribesmen"
])
def test_words_joining_two_sides(between):
    assert conjoined(between)


@pytest.mark.parametrize("between", [
    ["said", "on", "friday", "that"],  # "the army said on Friday that the YPG ...": another clause
    ["and", "fought", "against"],  # "the army and fought against the YPG": the second side an object
])
def test_words_that_do_not_join_two_sides(between):
    assert not conjoined(between)
