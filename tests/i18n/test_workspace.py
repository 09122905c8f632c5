"""The editors' workspace, the API documentation page and the error pages in Arabic and Sorani: the
editor's language from `?lang=` or Django's language cookie, right to left, every word of ours translated."""
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from editorial import pending
from geo.models import Claim, Place

pytestmark = pytest.mark.usefixtures("seeded")
PASSWORD = "a-long-test-passphrase-42"


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def signed_in(username, role):
    call_command("create_editor", username, "--role", role, "--password", PASSWORD, stdout=open("/dev/null", "w"))
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def page_of(response):
    assert response.status_code == 200, (response.status_code, response.content[:300])
    return response.content.decode()


def document_language(page):
    return re.search(r'<html lang="([^"]+)" dir="([^"]+)"', page).groups()


def test_a_claim_page_in_arabic_for_an_editor():
    editor = signed_in("edna", "editor")
    claim = Claim.objects.filter(place__slug="boukamal", review=Claim.Review.PUBLISHED).first()
    page = page_of(editor.get(f"/admin/geo/claim/{claim.pk}/change/", {"lang": "ar"}, follow=True))
    assert document_language(page) == ("ar", "rtl")
    for words in ("عرض على الخريطة في هذا التاريخ", "حالة المراجعة:", "منشورة", "يكتب المحررون المسودات؛ وينشرها مراجع.",
                  "يرى القرّاء هذا السجل", "تاريخ السريان", '<option value="controlled" selected>تحت السيطرة</option>'):
        assert words in page, words
    for english in ("View on the map at this date", "Review state:", "editors write drafts", "Effective date"):
        assert english not in page, english


def test_the_claims_list_and_its_filters_in_sorani_for_a_reviewer():
    reviewer = signed_in("rita", "reviewer")
    page = page_of(reviewer.get("/admin/geo/claim/", {"lang": "ckb"}, follow=True))
    assert document_language(page) == ("ckb", "rtl")
    for words in ("لە ناکۆکیدا", "لەگەڵ ڕاپۆرتێکی تر ناکۆکە", "بڵاوکردنەوەی ڕاپۆرتە هەڵبژێردراوەکان (هەمووی یان هیچ)",
                  "بینین لەسەر نەخشە لەم بەروارەدا", "خاوەنی ڕاپۆرت"):
        assert words in page, words


def test_a_reviewer_publishes_in_arabic_and_is_told_in_arabic():
    reviewer = signed_in("rita", "reviewer")
    claim = Claim.objects.filter(review=Claim.Review.PUBLISHED).first()
    Claim.objects.filter(pk=claim.pk).update(review=Claim.Review.DRAFT)
    page = page_of(reviewer.post(f"/admin/geo/claim/{claim.pk}/publish/?lang=ar", follow=True))
    assert "نُشرت رواية واحدة (1)." in page


def test_the_language_cookie_carries_the_editor_from_page_to_page():
    editor = signed_in("edna", "editor")
    editor.cookies[settings.LANGUAGE_COOKIE_NAME] = "ckb"
    page = page_of(editor.get("/admin/geo/source/"))
    assert document_language(page) == ("ckb", "rtl")
    assert "سەرچاوەی نوێ لە وتارێکەوە" in page and "هاوردەکردنی ڕووداوەکانی ACLED" in page
    article = page_of(editor.get("/editorial/articles/new/"))
    assert document_language(article) == ("ckb", "rtl")
    assert "شیکردنەوەی وتارەکە" in article and "کاتی بڵاوکردنەوە" in article
    upload = page_of(editor.get("/editorial/acled/"))
    assert "فایلی هەناردەکراوی ACLED (CSV)" in upload and "هاوردەکردن وەک ڕەشنووس" in upload


def test_a_pending_change_reads_as_a_diff_in_arabic():
    signed_in("edna", "editor")
    reviewer = signed_in("rita", "reviewer")
    place = Place.objects.get(slug="boukamal")
    proposed = pending.snapshot(place)
    proposed["fields"]["notes"] = "Border town on the Euphrates."
    change = pending.propose(Place, place, proposed, get_user_model().objects.get(username="edna"))
    page = page_of(reviewer.get(f"/admin/editorial/pendingchange/{change.pk}/change/", {"lang": "ar"}, follow=True))
    assert document_language(page) == ("ar", "rtl")
    for words in (f"التعديل رقم {change.pk} على", "بانتظار المراجعة", "المنشور الآن", "المقترح", "انشر هذا التعديل",
                  "ارفض هذا التعديل", "سبب الرفض؛ يُحفظ في ملاحظات السجل وتاريخه."):
        assert words in page, words
    queue = page_of(reviewer.get("/admin/editorial/pendingchange/"))  # the cookie keeps the language
    assert "تعديلات معلّقة" in queue and "ما يتغيّر" in queue


@pytest.mark.parametrize("language, title", [("ar", "توثيق واجهة ControlMap البرمجية"),
                                             ("ckb", "بەڵگەنامەکانی API ی ControlMap")])
def test_the_api_documentation_page_speaks_the_language_and_keeps_the_schema_left_to_right(client, language, title):
    page = page_of(client.get("/api/v2/docs/", {"lang": language}))
    assert document_language(page) == (language, "rtl")
    assert f"<title>{title}</title>" in page
    assert '<div id="swagger-ui" lang="en" dir="ltr"' in page
    english = page_of(client.get("/api/v2/docs/"))
    assert document_language(english) == ("en", "ltr") and "<title>ControlMap API documentation</title>" in english


@pytest.mark.parametrize("language, heading", [("ar", "الصفحة غير موجودة"), ("ckb", "پەڕەکە نەدۆزرایەوە")])
def test_a_missing_page_says_so_in_the_reader_language(client, settings, language, heading):
    settings.DEBUG = False
    response = client.get("/no-such-page/", {"lang": language})
    assert response.status_code == 404
    page = response.content.decode()
    assert document_language(page) == (language, "rtl") and f"<h1>{heading}</h1>" in page
    by_header = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE=language)
    assert f"<h1>{heading}</h1>" in by_header.content.decode()
