"""The map's first render in real Chromium on the seed data: what it waits for, and what follows it.

The first render is the moment the places are drawn (the page's `controlmap-first-render` mark, which
the benchmark times): the timeline is decoded and the addressed day drawn by a module of its own while
the others still arrive; the country outline, the places' names, the timeline control and the table
follow (the `controlmap-ready` mark)."""
import pytest
from playwright.sync_api import expect

from conftest import js_errors

pytestmark = pytest.mark.browser

REQUESTS = """() => {
  const mark = performance.getEntriesByName('controlmap-first-render')[0].startTime;
  return performance.getEntriesByType('resource').map((e) => ({
    path: new URL(e.name).pathname, before: e.responseEnd <= mark, type: e.initiatorType }));
}"""


def test_the_first_render_waits_for_the_timeline_alone_and_the_borders_and_names_follow(live_seeded, open_map):
    page = open_map("?at=2017-10-30")
    requests = page.evaluate(REQUESTS)
    # One request for the timeline: the module that decodes it takes the page's preload, and the page's
    # code awaits that module's answer rather than asking again.
    timelines = [r for r in requests if r["path"] == "/api/v2/timeline/"]
    assert len(timelines) == 1 and timelines[0]["before"]
    # No other data holds up the first picture: the places' areas and their histories come after it.
    assert [r["path"] for r in requests if r["before"] and r["path"].startswith("/api/")] == ["/api/v2/timeline/"]
    outlines = [r for r in requests if r["path"].endswith("/countries.geojson")]
    assert len(outlines) == 1

    # Drawn the frame after the places: the borders (and their credit) and the names of the largest places.
    expect(page.locator(".leaflet-control-attribution")).to_contain_text("Natural Earth")
    expect(page.locator(".map-labels .map-label", has_text="Deir el-Zour")).to_be_visible()
    # The places drawn are the day's: the table, listed after the first render, agrees with the map.
    expect(page.locator('#text-view tr[data-place="deir-el-zour"]')).to_be_visible()
    assert page.evaluate("document.body.dataset.ready") == "true"
    first_render, ready = page.evaluate("""() => ['controlmap-first-render', 'controlmap-ready']
        .map((name) => performance.getEntriesByName(name)[0].startTime)""")
    assert first_render <= ready
    assert js_errors(page) == []
