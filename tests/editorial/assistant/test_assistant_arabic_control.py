"""The Arabic words around "سيطرة" (control) that make or unmake a control phrase."""
import pytest

from conftest import claims
from editorial.assistant.article import Article
from editorial.assistant.rules import find_cues


def kinds(text, names):
    article = Article(text, names)
    return [(cue.kind, cue.text) for first, stop in article.sentences for cue in find_cues(article, first, stop)]


@pytest.mark.parametrize("text, expected", [
    ("أعلن الجيش السيطرة مساء أمس الخميس على المدينة", [("capture", "السيطره مساء امس الخميس علي")]),
    ("أعلن الجيش السيطرة، أول أمس الجمعة، على المدينة", [("capture", "السيطره اول امس الجمعه علي")]),
    ("تمكن الجيش من السيطرة تمامًا على المدينة", [("capture", "السيطره تماما علي")]),
    # the noun without "على" after it names no object
    ("قال الجيش إن السيطرة اليوم مهمة", []),
])
def test_a_time_or_manner_may_part_the_noun_of_control_from_its_object(text, expected, names):
    assert kinds(text, names) == expected


def test_control_taken_yesterday_evening_is_the_subjects_hold_of_the_town(names):
    """"تمكن داعش من السيطرة مساء أمس الخميس على ناحية جلولاء" (Daesh took control, yesterday evening, of Jalawla):
    the time between the noun and "على" leaves the subject the holder of the place after it."""
    text = "تمكن تنظيم داعش من السيطرة مساء أمس الخميس على ناحية جلولاء بعد اشتباكات مع الجيش."
    assert {c[:3] for c in claims(text, names)} >= {("jalawla", "controlled", "islamic-state")}


def test_control_taken_fully_is_the_subjects_hold_of_the_town(names):
    """"تمكن الجيش العراقي من السيطرة تمامًا على ناحية برطلة" (took full control of Bartella)."""
    text = "وتمكن الجيش العراقي، يوم أمس، من السيطرة تمامًا على ناحية برطلة جنوب شرق الموصل."
    assert {c[:3] for c in claims(text, names)} >= {("bartella", "controlled", "iraqi-government")}
