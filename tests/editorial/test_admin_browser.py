"""One editorial round trip in real Chromium: an editor drafts, a reviewer publishes, the map shows it."""
import pytest
from django.contrib.gis.geos import Point
from django.core.management import call_command
from playwright.sync_api import expect

from geo.models import Claim, Place

pytestmark = pytest.mark.browser
PASSWORD = "a-long-test-passphrase-42"


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text(username)


def autocomplete(page, field_id, text):
    """Pick `text` in a select2 autocomplete, as an editor does: open, type, choose."""
    page.locator(f"#{field_id} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def test_editor_drafts_reviewer_publishes_map_shows_history_names_both(live_server, live_seeded, live_roles, new_page):
    Place.objects.create(slug="mayadin", name="Mayadin", kind="town", country="SY", point=Point(40.45, 35.02))
    for username, role in (("edna", "editor"), ("rita", "reviewer")):
        call_command("create_editor", username, "--role", role, "--password", PASSWORD, stdout=open("/dev/null", "w"))

    editor = new_page()
    log_in(editor, live_server, "edna")
    editor.goto(f"{live_server.url}/admin/geo/source/add/")
    autocomplete(editor, "id_outlet", "Reuters")
    editor.fill("#id_title", "Syrian army retakes Mayadin from Islamic State")
    editor.fill("#id_url", "https://example.org/mayadin-retaken")
    editor.fill("#id_published_at_0", "2017-10-14")
    editor.fill("#id_published_at_1", "18:00:00")
    editor.click("input[name=_save]")
    expect(editor.locator(".messagelist")).to_contain_text("was added successfully")

    editor.goto(f"{live_server.url}/admin/geo/claim/add/")
    autocomplete(editor, "id_place", "Mayadin")
    editor.select_option("#id_status", "controlled")
    autocomplete(editor, "id_holder", "Syrian government")
    editor.fill("#id_date", "2017-10-14")
    editor.fill("#id_claimant", "Syrian army general command")
    autocomplete(editor, "id_citations-0-source", "Mayadin")
    editor.fill("#id_citations-0-quote", "The Syrian army said it had retaken Mayadin on Saturday.")
    editor.click("input[name=_save]")
    expect(editor.locator(".messagelist")).to_contain_text("was added successfully")
    claim = Claim.objects.get(place__slug="mayadin")
    assert claim.review == "draft" and claim.editor.username == "edna"
    # The editor has no publish action.
    editor.goto(f"{live_server.url}/admin/geo/claim/?q=mayadin")
    assert editor.locator("select[name=action] option[value=publish_claims]").count() == 0

    reviewer = new_page()
    log_in(reviewer, live_server, "rita")
    reviewer.goto(f"{live_server.url}/admin/geo/claim/?q=mayadin")
    reviewer.locator(f"input[name=_selected_action][value='{claim.pk}']").check()
    reviewer.select_option("select[name=action]", "publish_claims")
    reviewer.click("button[name=index]")
    expect(reviewer.locator(".messagelist")).to_contain_text("1 claim published.")

    # The public map, at the claim's date, shows the new holder of Mayadin.
    public = new_page(viewport={"width": 1280, "height": 900})
    public.goto(f"{live_server.url}/?at=2017-10-14&place=mayadin")
    public.wait_for_selector("body[data-ready]", timeout=15000)
    expect(public.get_by_text("Held by Syrian government forces, since 14 Oct 2017").first).to_be_visible()
    expect(public.get_by_text("The Syrian army said it had retaken Mayadin on Saturday.").first).to_be_visible()

    # The history shows both edits with their authors.
    reviewer.goto(f"{live_server.url}/admin/geo/claim/{claim.pk}/history/")
    rows = reviewer.locator("#change-history tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("rita")
    expect(rows.nth(0)).to_contain_text("draft")
    expect(rows.nth(1)).to_contain_text("edna")


def test_an_editors_change_to_a_published_quote_reaches_the_map_only_when_a_reviewer_publishes(
        live_server, live_seeded, live_roles, new_page):
    for username, role in (("edna", "editor"), ("rita", "reviewer")):
        call_command("create_editor", username, "--role", role, "--password", PASSWORD, stdout=open("/dev/null", "w"))
    claim = Claim.objects.get(key="boukamal-2017-11-19-army-retakes")
    published_quote = claim.citations.get().quote
    new_quote = "State media said the army had taken the whole town."

    editor = new_page()
    log_in(editor, live_server, "edna")
    editor.goto(f"{live_server.url}/admin/geo/claim/{claim.pk}/change/")
    expect(editor.locator("#needs-review")).to_be_visible()
    editor.fill("#id_citations-0-quote", new_quote)
    editor.click("input[name=_save]")
    expect(editor.locator(".messagelist")).to_contain_text("pending review")

    public = new_page(viewport={"width": 1280, "height": 900})
    public.goto(f"{live_server.url}/?at=2017-11-25&place=boukamal")
    public.wait_for_selector("body[data-ready]", timeout=15000)
    expect(public.get_by_text(published_quote).first).to_be_visible()
    assert public.get_by_text(new_quote).count() == 0

    reviewer = new_page()
    log_in(reviewer, live_server, "rita")
    reviewer.goto(f"{live_server.url}/admin/editorial/pendingchange/")
    reviewer.locator("#result_list a", has_text="#").first.click()
    expect(reviewer.locator("#pending-diff del")).to_contain_text(published_quote)
    expect(reviewer.locator("#pending-diff ins")).to_contain_text(new_quote)
    reviewer.click("#publish-change")
    expect(reviewer.locator(".messagelist")).to_contain_text("published: readers see it now")

    public.goto(f"{live_server.url}/?at=2017-11-25&place=boukamal")
    public.wait_for_selector("body[data-ready]", timeout=15000)
    expect(public.get_by_text(new_quote).first).to_be_visible()
