"""The workspace speaks the formats users hold: an ACLED upload makes drafts, and the claim form
takes its effective date in EDTF."""
import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from editing import change_url, claim_post, draft
from geo.models import Claim, Place

SAMPLE = Path(__file__).parent.parent / "geo" / "files" / "acled-sample.csv"


@pytest.fixture
def place(seeded):
    return Place.objects.get(slug="boukamal")


def upload(client, content, name="acled.csv"):
    return client.post("/editorial/acled/", {"file": SimpleUploadedFile(name, content, content_type="text/csv")})


def test_acled_upload_makes_drafts_and_lists_unusable_rows(editor):
    assert 'href="/editorial/acled/"' in editor.get("/admin/geo/source/").content.decode()
    response = upload(editor, SAMPLE.read_bytes())
    page = response.content.decode()
    assert response.status_code == 200 and "5 new drafts" in page and "2 other events skipped" in page
    assert ('<td>8</td><td><bdi>SYR1006</bdi></td><td lang="en" dir="ltr">actor1 &#x27;Jaysh al-Thuwar&#x27; is no known actor'
            in page)  # the reasons name the file's own columns and values, in English
    drafts = Claim.objects.filter(key__startswith="acled-")
    assert drafts.count() == 5 and not drafts.exclude(review="draft").exists()
    assert {c.editor.username for c in drafts} == {"edna"}
    assert "0 new drafts, 0 updated, 5 unchanged" in upload(editor, SAMPLE.read_bytes()).content.decode()
    refused = upload(editor, b"id,date\n1,2017-11-03\n").content.decode()
    assert "Nothing imported: not an ACLED export" in refused


def test_acled_upload_needs_an_editor(client, seeded):
    response = upload(client, SAMPLE.read_bytes())
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Claim.objects.filter(key__startswith="acled-").exists()


@pytest.mark.parametrize("typed, date, precision", [
    ("2017-09", dt.date(2017, 9, 1), "month"),
    ("2014", dt.date(2014, 1, 1), "year"),
    ("2017-11-12~", dt.date(2017, 11, 12), "approximate"),
    ("2017-11-12", dt.date(2017, 11, 12), "day"),
])
def test_claim_form_takes_edtf_and_stores_the_precision_it_implies(editor, place, typed, date, precision):
    claim = draft(place)
    assert 'value="2017-11-09"' in editor.get(change_url(claim)).content.decode()
    response = editor.post(change_url(claim), claim_post(claim, date=typed, precision="day"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    claim.refresh_from_db()
    assert (claim.date, claim.precision) == (date, precision)
    assert f'value="{typed}"' in editor.get(change_url(claim)).content.decode()


@pytest.mark.parametrize("typed, precision, message", [
    ("2017-09", "year", "The date 2017-09 is of month precision, not year"),
    ("2017-11-12T10:00:00", "day", "has a time of day"),
    ("2017-09?", "day", "is uncertain"),
    ("2014-09/2015-01", "day", "is an interval"),
])
def test_claim_form_refuses_what_a_claim_cannot_hold(editor, place, typed, precision, message):
    claim = draft(place)
    response = editor.post(change_url(claim), claim_post(claim, date=typed, precision=precision))
    assert response.status_code == 200 and message in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).revision == 1
