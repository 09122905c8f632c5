"""The derived control-area layer against the real GET /api/v2/areas/ (api.areas), in real Chromium on the
seed data: off until the reader turns it on, said to be derived and not reported on the map and in the
legend with the method the answer states, each area listing the places and claims that shaped it."""
import re

import pytest
from playwright.sync_api import expect

from conftest import js_errors

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 360])
def test_derived_areas_are_labelled_listed_and_open_their_places(live_seeded, open_map, axe, width):
    # Centred just off Deir el-Zour: the middle of the view is in the area its place shapes.
    page = open_map("?at=2017-11-03&lat=35.2&lng=40.35&zoom=9", width=width)
    switch = page.get_by_role("checkbox", name="Control areas")
    expect(switch).not_to_be_checked()
    assert page.locator("body").get_attribute("data-derived") in (None, "0")
    switch.check()
    page.wait_for_selector("body[data-derived]:not([data-derived='0'])")
    expect(page).to_have_url(re.compile(r"areas=1"))
    # Said on the map and in the legend, with the method as the answer states it.
    expect(page.locator("#map .derived-note")).to_contain_text("derived from the nearest sourced places, not reported")
    legend = page.locator(".derived-legend")
    expect(legend).to_be_visible()
    expect(legend.get_by_role("heading")).to_contain_text("derived, not reported")
    expect(legend).to_contain_text("Voronoi")
    expect(legend).to_contain_text("max distance km")
    # A click in the area lists the places and the deciding claims that shaped it; a place opens its panel.
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    popup = page.locator(".derived-popup")
    expect(popup.get_by_role("heading", name="Derived area, not reported")).to_be_visible()
    expect(popup.locator(".derived-claims li").first).to_be_visible()
    place = popup.get_by_role("button", name="Deir el-Zour")
    expect(place).to_be_visible()
    expect(page.locator(".leaflet-popup")).to_have_css("opacity", "1")  # faded in: axe reads the final colours
    assert axe(page) == []
    place.click()
    expect(page.locator("#panel").get_by_role("heading", name="Deir el-Zour")).to_be_visible()
    expect(page.locator("#panel")).to_contain_text("Deciding claims")
    # The view is a link: opened again, the layer is on.
    again = open_map(page.url.split("/", 3)[3], width=width)
    again.wait_for_selector("body[data-derived]:not([data-derived='0'])")
    expect(again.get_by_role("checkbox", name="Control areas")).to_be_checked()
    # Turned off, nothing derived is drawn or said.
    again.get_by_role("checkbox", name="Control areas").uncheck()
    expect(again.locator("#map .derived-note")).to_have_count(0)
    expect(again.locator(".derived-legend")).to_be_hidden()
    assert again.locator("body").get_attribute("data-derived") == "0"
    assert js_errors(page) == [] and js_errors(again) == []
