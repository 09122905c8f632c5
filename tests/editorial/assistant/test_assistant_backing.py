"""A side named after a backing phrase backs the subject: it never takes the place itself."""
import pytest

from conftest import SATURDAY
from editorial.assistant import propose
from editorial.assistant.article import Article


def roles(text, names):
    return [(m.text, m.role) for m in Article(text, names).actors]


@pytest.mark.parametrize("text, backers", [
    ("Peshmerga fighters with backing from the US and the Iraqi army captured Jalawla on Friday.", ["US", "Iraqi army"]),
    ("The SDF, with air support from the coalition, took Tabqa.", ["the coalition"]),
    ("US-backed Iraqi forces took Hit.", ["US"]),
    ("Iranian-trained militias took Hit.", ["Iranian"]),
    ("سيطر الجيش العراقي مدعوما بقوات من الحشد الشعبي على عنه", ["الحشد الشعبي"]),
    ("سيطر الجيش العراقي بعد معارك عنيفة وبمساندة الحشد الشعبي على عنه", ["الحشد الشعبي"]),
    # a verb of support with the pronoun of the side before: its subject right after it backs, not a side further on
    ("قال مصدر إن قوات عراقية تساندها فصائل الحشد الشعبي سيطرت على عنه", ["الحشد الشعبي"]),
    ("قال مصدر إن مقاتلين تدعمهم الولايات المتحدة ومن بينهم قوات البيشمركة سيطروا على زمار", []),
])
def test_every_side_after_a_backing_phrase_in_its_clause_is_a_backer(names, text, backers):
    assert [name for name, role in roles(text, names) if role == "backer"] == backers


def test_the_subject_before_a_list_of_backers_takes_the_place(names):
    found = propose("Peshmerga fighters with backing from the US and the Iraqi army captured Jalawla on Friday.", SATURDAY, names)
    assert [(p.place, p.holder) for p in found] == [("jalawla", "peshmerga")]


def test_the_leader_of_a_backing_group_backs_too(names):
    text = "تمكنت قوات البيشمركة بمساندة جوية من مقاتلين عشائريين بقيادة الحشد الشعبي من دخول مركز سنجار"
    assert roles(text, names) == [("البيشمركة", "participant"), ("الحشد الشعبي", "backer")]
