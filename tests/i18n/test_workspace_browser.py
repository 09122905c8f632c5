"""An editor's workspace page in Arabic in real Chromium, on a phone and on a desktop: right to left,
nothing wider than the screen, the assistant's findings and drafts laid out, and axe finds nothing
serious. Screenshots are kept in test-artifacts/."""
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from test_languages_browser import axe_violations, errors

pytestmark = pytest.mark.browser
PASSWORD = "a-long-test-passphrase-42"

# The page's own width first, then each element reaching past the screen's edge, so that a failure names it.
WIDER_THAN_SCREEN = """(screen) => {
    if (document.scrollingElement.scrollWidth <= screen) return [];
    const wide = [...document.body.querySelectorAll("*")].filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.left < -0.5 || box.right > screen + 0.5);
    });
    const name = (element) => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
        + [...element.classList].map((one) => "." + one).join("");
    return [`page ${document.scrollingElement.scrollWidth} px on a ${screen} px screen`,
            ...wide.slice(0, 10).map((element) => `${name(element)}: ${element.getBoundingClientRect().width} px`)];
}"""


def wider_than_screen(page, width):
    return page.evaluate(WIDER_THAN_SCREEN, width)


@pytest.mark.parametrize("width", [360, 1280])
def test_new_source_from_an_article_in_arabic(live_server, live_seeded, live_roles, new_page, width):
    call_command("create_editor", "edna", "--role", "editor", "--password", PASSWORD, stdout=open("/dev/null", "w"))
    page = new_page(viewport={"width": width, "height": 800}, is_mobile=width == 360, has_touch=width == 360)
    page.goto(f"{live_server.url}/admin/login/?lang=ar&next=/editorial/articles/new/")
    page.fill("#id_username", "edna")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/editorial/articles/new/")  # past the sign-in page
    page.wait_for_load_state()
    expect(page.locator("#content h1")).to_have_text("مصدر جديد من مقال")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    assert wider_than_screen(page, width) == []
    assert axe_violations(page, live_server) == []

    page.select_option("#id_outlet", label="Reuters")
    page.fill("#id_published_at", "2017-11-03T10:08+03:00")
    page.select_option("#id_seed_file", "000_2c37a26b265c7102.txt")
    page.get_by_role("button", name="حلّل المقال").click()
    expect(page.get_by_role("heading", name="مسودات الروايات المقترحة")).to_be_visible()
    page.wait_for_load_state()  # the answer's stylesheets laid out before its width is measured
    expect(page.locator("#proposals tbody tr").first).to_be_visible()
    expect(page.locator("#id_p-0-place option:checked")).to_have_text("دير الزور")  # as the map names it in Arabic
    assert wider_than_screen(page, width) == []
    assert axe_violations(page, live_server) == []
    assert errors(page) == []
