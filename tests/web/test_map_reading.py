"""What makes the map read at a glance, in real Chromium on the seed data (no tiles): place names on the
map, a dated timeline axis, places' areas, the changes since a date and two dates compared."""
import re

import pytest
from playwright.sync_api import expect

from conftest import js_errors

pytestmark = pytest.mark.browser

LABEL_BOXES = """() => [...document.querySelectorAll('#map .map-label')].map((label) => {
    const box = label.getBoundingClientRect();
    return {name: label.textContent, x: box.x, y: box.y, w: box.width, h: box.height};
})"""


def overlapping(boxes):
    return [(a["name"], b["name"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]]


@pytest.mark.parametrize("width", [1280, 360])
def test_place_names_are_text_on_the_map_biggest_first_and_never_overlap(live_seeded, open_map, axe, width):
    page = open_map("?at=2017-11-03", width=width, height=800 if width == 360 else 900)
    names = page.locator("#map .map-label")
    expect(names.filter(has_text="Deir el-Zour")).to_have_count(1)
    expect(names.filter(has_text="Mosul")).to_have_count(1)
    boxes = page.evaluate(LABEL_BOXES)
    assert overlapping(boxes) == []
    map_box = page.locator("#map").bounding_box()
    assert all(map_box["x"] <= b["x"] and b["x"] + b["w"] <= map_box["x"] + map_box["width"] + 0.5 for b in boxes)
    # Jamiyat and Jabiliyeh are sites beside Deir el-Zour: named only once the map zooms in on them.
    assert "Jamiyat" not in [b["name"] for b in boxes]
    page.goto(page.url.split("?")[0] + "?at=2017-11-03&lat=35.34&lng=40.15&zoom=12")
    page.wait_for_selector("body[data-ready]")
    expect(names.filter(has_text="Jamiyat")).to_have_count(1)
    assert overlapping(page.evaluate(LABEL_BOXES)) == []
    # Clicks go through a name to the place under it.
    page.locator("#map .map-label", has_text="Deir el-Zour").click(force=True, position={"x": -20, "y": 8})
    expect(page.locator("#panel").get_by_role("heading", name="Deir el-Zour")).to_be_visible()
    assert axe(page) == []
    assert js_errors(page) == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_timeline_is_a_dated_axis_lined_up_with_its_ticks(live_seeded, open_map, width):
    page = open_map("?at=2017-11-03", width=width)
    axis = page.locator("#timeline .tl-axis")
    years = axis.locator(".tl-year").all_text_contents()
    assert years and all(year.isdigit() for year in years)
    assert "2015" in years or width == 360 and "2016" in years
    # Each year's name starts at the first day of its year: where the handle stands on 1 January.
    track = page.locator("#timeline .tl-track").bounding_box()
    year = years[-1]
    page.get_by_label("Go to date").fill(f"{year}-01-01")
    page.get_by_role("button", name="Go", exact=True).click()
    handle = page.locator("#timeline .tl-handle").bounding_box()
    name = axis.locator(".tl-year", has_text=year).bounding_box()
    assert abs((handle["x"] + handle["width"] / 2) - name["x"]) <= 2
    assert track["x"] <= name["x"] <= track["x"] + track["width"]
    # Named years never overlap.
    boxes = [axis.locator("span").nth(i).bounding_box() for i in range(axis.locator("span").count())]
    boxes.sort(key=lambda box: box["x"])
    assert all(a["x"] + a["width"] <= b["x"] + 0.5 for a, b in zip(boxes, boxes[1:]))


def test_a_short_span_names_its_months(live_server, live_seeded, new_page):
    """The widget playing four months names the months on its axis, and still its year."""
    page = new_page(viewport={"width": 800, "height": 600})
    page.goto(f"{live_server.url}/embed/?from=2017-09-01&to=2017-12-31&controls=timeline")
    page.wait_for_selector("body[data-ready]", timeout=15000)
    axis = page.locator("#timeline .tl-axis")
    assert axis.locator(".tl-month").all_text_contents() == ["Oct", "Nov", "Dec"]
    assert axis.locator(".tl-year").all_text_contents() == ["2017"]
    assert js_errors(page) == []


PIXEL_AT_CENTRE = """() => {
    const canvas = document.querySelector('#map .leaflet-overlay-pane canvas');
    const map = document.querySelector('#map').getBoundingClientRect();
    const box = canvas.getBoundingClientRect();
    const ratio = canvas.width / box.width;
    const x = Math.round((map.x + map.width / 2 - box.x) * ratio), y = Math.round((map.y + map.height / 2 - box.y) * ratio);
    return [...canvas.getContext('2d').getImageData(x, y, 1, 1).data];
}"""


def rgb(hex_colour):
    return [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]


PIXEL_AT_OFFSET = """([dx, dy]) => {
    const canvas = document.querySelector('#map .leaflet-overlay-pane canvas');
    const map = document.querySelector('#map').getBoundingClientRect();
    const box = canvas.getBoundingClientRect();
    const ratio = canvas.width / box.width;
    const x = Math.round((map.x + map.width / 2 + dx - box.x) * ratio), y = Math.round((map.y + map.height / 2 + dy - box.y) * ratio);
    return [...canvas.getContext('2d').getImageData(x, y, 1, 1).data];
}"""


def near(pixel, hex_colour, tolerance=2):
    return pixel[3] == 255 and all(abs(c - h) <= tolerance for c, h in zip(pixel[:3], rgb(hex_colour)))


def test_a_place_is_drawn_in_its_holders_colour_names_itself_under_the_pointer_and_opens_ringed(live_seeded, open_map, axe):
    from geo.models import Actor, Place

    boukamal = Place.objects.get(slug="boukamal")
    islamic_state, government = Actor.objects.get(slug="islamic-state"), Actor.objects.get(slug="syrian-government")
    page = open_map(f"?at=2017-11-18&lat={boukamal.point.y}&lng={boukamal.point.x}&zoom=10")
    page.wait_for_timeout(100)  # the canvas repaints on the next frame
    assert near(page.evaluate(PIXEL_AT_OFFSET, [0, 0]), islamic_state.colour), page.evaluate(PIXEL_AT_OFFSET, [0, 0])
    # The next day the army holds the town, and its symbol is redrawn in the army's colour.
    page.get_by_label("Go to date").fill("2017-11-19")
    page.get_by_role("button", name="Go", exact=True).click()
    page.wait_for_timeout(100)
    assert near(page.evaluate(PIXEL_AT_OFFSET, [0, 0]), government.colour), page.evaluate(PIXEL_AT_OFFSET, [0, 0])
    # Under the pointer the symbol names its place; a click opens it, ringed on the map.
    map_box = page.locator("#map").bounding_box()
    centre = (map_box["x"] + map_box["width"] / 2, map_box["y"] + map_box["height"] / 2)
    radius = 3 + 2 * min(5, max(1, boukamal.size_class))  # symbols.js radiusOf
    ring = [page.evaluate(PIXEL_AT_OFFSET, [radius + offset, 0]) for offset in (3, 4)]
    assert not any(near(pixel, "#0047ab", 40) for pixel in ring), ring
    page.mouse.move(centre[0] + 1, centre[1] + 1)
    page.mouse.move(*centre)
    expect(page.locator(".leaflet-tooltip bdi")).to_have_text(boukamal.name)
    page.mouse.click(*centre)
    expect(page.locator("#panel").get_by_role("heading", name=boukamal.name)).to_be_visible()
    page.wait_for_timeout(100)
    ring = [page.evaluate(PIXEL_AT_OFFSET, [radius + offset, 0]) for offset in (3, 4)]
    assert any(near(pixel, "#0047ab", 40) for pixel in ring), ring
    assert near(page.evaluate(PIXEL_AT_OFFSET, [0, 0]), government.colour)
    # Off the symbol, the pointer names nothing.
    page.mouse.move(centre[0] + radius + 40, centre[1] + radius + 40)
    expect(page.locator(".leaflet-tooltip")).to_have_count(0)
    assert js_errors(page) == [] and axe(page) == []


@pytest.mark.parametrize("width", [1280, 360])
def test_a_place_with_an_area_is_drawn_in_its_state_and_opens_on_a_click(live_seeded, open_map, axe, width):
    from django.contrib.gis.geos import MultiPolygon, Polygon

    from geo.models import Actor, Place

    ring = ((38.6, 35.6), (39.4, 35.6), (39.4, 36.3), (38.6, 36.3), (38.6, 35.6))
    Place.objects.filter(slug="raqqa").update(area=MultiPolygon(Polygon(ring), srid=4326))
    # The middle of the view lies inside Raqqa's area, clear of its symbol and its name.
    page = open_map("?at=2016-01-01&lat=35.75&lng=39.2&zoom=9", width=width)
    page.wait_for_selector("body[data-areas='1']")
    page.wait_for_timeout(100)  # the canvas repaints on the next frame
    held_by_is = page.evaluate(PIXEL_AT_CENTRE)
    colour = rgb(Actor.objects.get(slug="islamic-state").colour)
    assert held_by_is[3] > 40 and all(abs(c - h) <= 2 for c, h in zip(held_by_is[:3], colour)), held_by_is
    # On another date the area takes the new holder's colour, as the symbol does.
    page.get_by_label("Go to date").fill("2017-12-01")
    page.get_by_role("button", name="Go", exact=True).click()
    page.wait_for_timeout(100)
    held_by_sdf = page.evaluate(PIXEL_AT_CENTRE)
    colour = rgb(Actor.objects.get(slug="sdf").colour)
    assert all(abs(c - h) <= 2 for c, h in zip(held_by_sdf[:3], colour)), held_by_sdf
    # A click inside the area opens the place and its claims.
    map_box = page.locator("#map").bounding_box()
    page.mouse.click(map_box["x"] + map_box["width"] / 2, map_box["y"] + map_box["height"] / 2)
    expect(page.locator("#panel").get_by_role("heading", name="Raqqa")).to_be_visible()
    expect(page.locator("#panel")).to_contain_text("Deciding claims")
    assert axe(page) == []
    assert js_errors(page) == []


NAME_IN_MAP = """(map) => Object.fromEntries([...document.querySelectorAll(`${map} .map-label`)].map((label) => {
    const box = label.getBoundingClientRect(), frame = document.querySelector(map).getBoundingClientRect();
    return [label.textContent, [Math.round(box.x - frame.x), Math.round(box.y - frame.y)]];
}))"""


@pytest.mark.parametrize("width", [1280, 360])
def test_two_dates_side_by_side_are_restored_from_the_url_and_move_together(live_seeded, open_map, axe, width):
    page = open_map("?at=2017-11-20&compare=2014-06-01&lat=35.2&lng=40.6&zoom=7", width=width)
    expect(page.locator("#compare-map")).to_be_visible()
    expect(page.locator("#compare-map .map-caption")).to_have_text("1 Jun 2014")
    expect(page.locator("#map .map-caption")).to_have_text("20 Nov 2017")
    expect(page.get_by_label("Compared with")).to_have_value("2014-06-01")
    # The same view on both: every name at the same place in its map, after a zoom on either.
    assert page.evaluate(NAME_IN_MAP, "#compare-map") == page.evaluate(NAME_IN_MAP, "#map") != {}
    page.locator("#map").get_by_role("button", name="Zoom in").click()
    expect(page).to_have_url(re.compile(r"zoom=8"))
    page.wait_for_timeout(400)
    assert page.evaluate(NAME_IN_MAP, "#compare-map") == page.evaluate(NAME_IN_MAP, "#map")
    # A click on a place of the compared map opens it too.
    assert axe(page) == []
    # Another compared date, then no comparison: the URL says so each time.
    page.get_by_label("Compared with").fill("2015-01-01")
    expect(page).to_have_url(re.compile(r"compare=2015-01-01"))
    expect(page.locator("#compare-map .map-caption")).to_have_text("1 Jan 2015")
    page.get_by_role("button", name="Close the comparison").click()
    expect(page.locator("#compare-map")).to_be_hidden()
    assert "compare=" not in page.url
    page.get_by_role("button", name="Compare two dates").click()
    expect(page).to_have_url(re.compile(r"compare=2016-11-20"))
    expect(page.locator("#compare-map")).to_be_visible()
    page.go_back()
    expect(page.locator("#compare-map")).to_be_hidden()
    expect(page.get_by_label("Compared with")).to_be_hidden()
    assert js_errors(page) == []
