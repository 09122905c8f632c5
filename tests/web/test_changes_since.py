"""Changes since a date against the real GET /api/v2/changes/ (api.changes), in real Chromium on the seed
data: the places whose state differs are ringed and listed with both states and the deciding claim, and
the choice is in the URL."""
import re

import pytest
from playwright.sync_api import expect

from conftest import js_errors
from geo.models import Actor

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_changes_in_the_last_month_are_listed_with_both_states_and_restored_from_the_url(live_seeded, open_map, axe, width):
    government = Actor.objects.get(slug="syrian-government").name
    islamic_state = Actor.objects.get(slug="islamic-state").name
    page = open_map("?at=2017-11-20", width=width)
    expect(page.locator("#since")).to_be_hidden()
    page.get_by_label("Mark changes").select_option(label="in the last month")
    expect(page).to_have_url(re.compile(r"changes=month"))
    page.wait_for_selector("body[data-changes]")
    since = page.locator("#since")
    expect(since.get_by_role("heading")).to_have_text("Changed since 21 Oct 2017 (to 20 Nov 2017)")
    boukamal = since.locator("li", has_text="Boukamal")
    expect(boukamal).to_contain_text(f"held by {islamic_state} → held by {government}")
    expect(boukamal.locator(".why")).not_to_be_empty()
    count = int(page.locator("body").get_attribute("data-changes"))
    assert count == since.locator("ol > li").count() >= 3
    assert axe(page) == []
    boukamal.get_by_role("button", name="Boukamal").click()
    expect(page.locator("#panel").get_by_role("heading", name="Boukamal")).to_be_visible()

    # A chosen date, restored from the URL; a date after the one shown is explained.
    again = open_map("?at=2017-11-20&changes=2017-11-04", width=width)
    expect(again.get_by_label("Mark changes")).to_have_value("date")
    expect(again.get_by_label("Changes since this date")).to_have_value("2017-11-04")
    again.wait_for_selector("body[data-changes]")
    expect(again.locator("#since li", has_text="Boukamal")).to_have_count(1)
    expect(again.locator("#since li", has_text="Deir el-Zour")).to_have_count(0)  # it changed on 3 November
    again.get_by_label("Changes since this date").fill("2017-12-01")
    expect(again.locator("#since")).to_contain_text("Choose a date before 20 Nov 2017")
    assert js_errors(page) == [] and js_errors(again) == []
