"""The article page in real Chromium: its colours come from a stylesheet the Content-Security-Policy allows."""
import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from geo.models import Outlet

pytestmark = pytest.mark.browser
PASSWORD = "a-long-test-passphrase-42"
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) =>
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""


def test_editor_sees_the_findings_in_colour_with_no_csp_violation(live_server, live_seeded, live_roles, new_page,
                                                                  every_reading):
    call_command("create_editor", "edna", "--role", "editor", "--password", PASSWORD, stdout=open("/dev/null", "w"))
    Outlet.objects.create(name="Test wire", slug="test-wire")
    page = new_page()
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.goto(f"{live_server.url}/admin/login/?next=/editorial/articles/new/")
    page.fill("#id_username", "edna")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#article-form")).to_be_visible()

    page.select_option("#id_outlet", label="Test wire")
    page.fill("#id_published_at", "2017-11-03T10:08+03:00")
    page.fill("#id_text", "Syrian troops entered the IS-held town of Boukamal.")
    page.click("input[name=analyse]")

    place = page.locator("#highlighted mark.hl-place")
    expect(place).to_have_text("Boukamal")
    expect(place).to_have_css("background-color", "rgb(207, 232, 255)")  # #cfe8ff
    expect(page.locator("#highlighted mark.hl-actor").first).to_have_css("background-color", "rgb(255, 224, 179)")
    expect(page.locator("#proposals select[name=p-0-place]")).to_have_value("boukamal")
    assert page.evaluate("window.cspViolations") == []
    assert not [message for message in page.console_errors if "Content Security Policy" in message]
