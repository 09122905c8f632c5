"""Date steps in bursts, in real Chromium on the seed data: what a step leaves off its frame (the URL
within a burst, the table's rows) catches up once the date rests, and a held key
makes one history entry."""
import re

import pytest
from playwright.sync_api import expect

from conftest import js_errors
from geo.models import Actor

pytestmark = pytest.mark.browser

BURST = """(count) => {
  const handle = document.querySelector('.tl-handle');
  for (let i = 0; i < count; i++) {
    handle.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', shiftKey: true, bubbles: true, cancelable: true}));
  }
  return history.length;
}"""


def test_a_burst_of_steps_is_one_history_entry_and_everything_catches_up(live_seeded, open_map):
    government = Actor.objects.get(slug="syrian-government").name
    page = open_map("?at=2017-10-30")
    holder = page.locator('#text-view tr[data-place="deir-el-zour"] td').nth(1)
    expect(holder).not_to_have_text(government)
    before = page.evaluate("history.length")

    # Five days in one burst: the first writes the URL (a new entry), the last is written once it rests.
    assert page.evaluate(BURST, 5) == before + 1
    expect(page.locator(".tl-date")).to_have_text("4 Nov 2017")
    expect(page).to_have_url(re.compile(r"at=2017-11-04"))
    assert page.evaluate("history.length") == before + 1
    # The table follows the map once the date rests.
    expect(holder).to_have_text(government)
    expect(page.locator("#text-view-date")).to_have_text("4 Nov 2017")

    # Back leaves the burst as a whole.
    page.go_back()
    expect(page.locator(".tl-date")).to_have_text("30 Oct 2017")
    expect(holder).not_to_have_text(government)

    # Steps apart are entries apart.
    page.evaluate(BURST, 1)
    expect(page).to_have_url(re.compile(r"at=2017-10-31"))
    page.wait_for_timeout(500)
    page.evaluate(BURST, 1)
    expect(page).to_have_url(re.compile(r"at=2017-11-01"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"at=2017-10-31"))
    assert js_errors(page) == []
