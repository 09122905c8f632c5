"""The editors' page "New source from an article": what the assistant proposes, and what it refuses."""
import pytest
from django.core.management import call_command
from django.test import Client

from geo.models import Outlet

PASSWORD = "a-long-test-passphrase-42"
PAGE = "/editorial/articles/new/"


@pytest.fixture
def editor(seeded):
    call_command("create_editor", "edna", "--role", "editor", "--password", PASSWORD, stdout=open("/dev/null", "w"))
    client = Client()
    assert client.login(username="edna", password=PASSWORD)
    return client


@pytest.fixture
def article_form():
    outlet = Outlet.objects.create(name="Test wire", slug="test-wire")
    return {"outlet": outlet.pk, "title": "", "url": "", "published_at": "2017-11-03T10:08+03:00", "seed_file": "",
            "analyse": "1"}


@pytest.mark.usefixtures("every_reading")  # a state named in passing is below the threshold
def test_the_page_proposes_the_town_an_article_calls_held(editor, article_form):
    sentence = "Syrian troops entered the IS-held town of Boukamal."
    response = editor.post(PAGE, {**article_form, "text": sentence})
    assert response.status_code == 200
    proposals = [form.initial for form in response.context["formset"].forms]
    [proposal] = [p for p in proposals if p["status"] == "controlled"]
    assert {p["status"] for p in proposals} == {"controlled", "contested"}  # entering: contested
    assert (proposal["place"], proposal["status"], proposal["holder"], proposal["quote"]) == (
        "boukamal", "controlled", "islamic-state", sentence)
    page = response.content.decode()
    assert '<mark class="hl-place" title="place: boukamal">Boukamal</mark>' in page
    assert "held by islamic-state" in page


def test_a_pasted_article_over_the_limit_is_refused_and_kept(editor, article_form):
    text = "the army " * 11_111 + "the army."  # 100,008 bytes
    response = editor.post(PAGE, {**article_form, "text": text})
    assert response.status_code == 200 and response.context["formset"] is None
    assert response.context["article"].errors["text"] == [
        "The article is 100,008 bytes of UTF-8 text; the assistant reads at most 100,000 bytes (100 kB). "
        "Paste only the part that reports who holds what."]
    page = response.content.decode()
    assert "The article is 100,008 bytes" in page
    assert text.strip() in page  # in the text area, to be cut down and sent again


def test_a_seed_file_over_the_limit_is_refused_by_name(editor, article_form, settings, tmp_path):
    (tmp_path / "long.txt").write_text("Syrian troops captured Qaim. " * 3_500, encoding="utf-8")  # 101,500 bytes
    settings.SEEDS_DIR = tmp_path
    response = editor.post(PAGE, {**article_form, "text": "", "seed_file": "long.txt"})
    assert response.context["formset"] is None
    [error] = response.context["article"].errors["seed_file"]
    assert error.startswith("The article is 101,500 bytes")
