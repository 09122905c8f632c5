"""Which place a clause around a phrase names: a "where", "that" or "which" clause, or a predicate with "is a"."""
import pytest

from conftest import claims

pytestmark = pytest.mark.usefixtures("every_reading")  # what each phrase reads, under any threshold

IS, IQ = "islamic-state", "iraqi-government"


@pytest.mark.parametrize("text, expected", [
    # the object of a relative clause opened right after the place
    ("Officials toured Qaim, which Iraqi forces retook on Friday.", {("qaim", "controlled", IQ, "2017-11-03")}),
    # a place before "near" locates another: the relative clause is not about it
    ("Officials toured a village near Qaim which Iraqi forces retook on Friday.", set()),
])
def test_relative_clause_object(names, text, expected):
    assert claims(text, names) == expected
