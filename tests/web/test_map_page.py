"""The public map in real Chromium, on the seed data, with every non-local request blocked (so no tiles).

Few tests, each walking one page through several checks as a reader would.
"""
import json
import posixpath
import re

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from playwright.sync_api import expect

from geo.models import Actor, Citation, Place

pytestmark = pytest.mark.browser

NO_TILES = "Failed to load resource"  # tile requests are blocked on purpose


def js_errors(page):
    return [message for message in page.console_errors if NO_TILES not in message]


def open_map(page, live_server, query=""):
    page.goto(f"{live_server.url}/{query}")
    page.wait_for_selector("body[data-ready]", timeout=15000)
    return page


def row(page, slug):
    return page.locator(f'#text-view tr[data-place="{slug}"]')


def holder_of(page, slug):
    return row(page, slug).locator("td").nth(1)


def date_label(page):
    return page.locator("#timeline .tl-date")


def axe_violations(page, live_server):
    page.add_script_tag(url=f"{live_server.url}/static/web/vendor/axe.min.js")
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]


def test_map_page_serves_its_settings(client, settings, db):
    settings.TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.TILE_ATTRIBUTION = "Example tiles"
    response = client.get(reverse("web:map"))
    assert response.status_code == 200
    config = json.loads(re.search(rb'<script id="map-config" type="application/json">(.*?)</script>', response.content).group(1))
    assert config["tileUrl"] == settings.TILE_URL and config["tileAttribution"] == "Example tiles"
    assert config["outlineUrl"] == static("web/data/countries.geojson")
    with open(finders.find("web/data/countries.geojson"), encoding="utf-8") as outline:
        names = {f["properties"]["name"] for f in json.load(outline)["features"]}
    assert {"Syria", "Iraq", "Turkey", "Jordan"} <= names
    assert client.post(reverse("web:map")).status_code == 405


def imports(path, seen):
    """Every module `path` (a static path) imports, directly or not, read from the files themselves."""
    if path in seen:
        return seen
    seen.add(path)
    with open(finders.find(path), encoding="utf-8") as module:
        for target in re.findall(r'^import [^;]*?from "(\.{1,2}/[^"]+)";', module.read(), re.M | re.S):
            imports(posixpath.normpath(posixpath.join(posixpath.dirname(path), target)), seen)
    return seen


def test_the_map_page_asks_for_its_first_drawing_first_and_names_the_rest(client, db):
    """The map page preloads every module its first drawing needs (boot.js's graph), so the browser asks
    for all of them at once rather than level by level, a round trip each; the modules only the rest of
    the page needs (main.js's) are named in its settings, asked for once the places are drawn, and not
    before: on six connections, their requests queued before the timeline's."""
    first = imports("web/boot.js", set())
    rest = imports("web/main.js", set()) - first
    assert {"shared/scene.js", "shared/mapview.js", "shared/decode.js"} <= first
    assert {"web/main.js", "shared/timeline.js", "shared/panel.js", "web/share.js"} <= rest
    page = client.get("/").content.decode()
    preloaded = set(re.findall(r'<link rel="modulepreload" href="([^"]+)">', page))
    assert preloaded == {static(path) for path in first}
    config = json.loads(re.search(r'<script id="map-config" type="application/json">(.*?)</script>', page, re.S).group(1))
    assert config["entry"] == static("web/main.js")
    assert set(config["entryModules"]) == {static(path) for path in rest}
    assert re.findall(r'<script type="module"[^>]*src="([^"]+)"', page) == [static("web/boot.js")]
    assert f'<link rel="preload" href="{static("web/data/countries.geojson")}" as="fetch" crossorigin="anonymous">' in page


def test_the_widget_page_preloads_its_whole_module_graph(client, db):
    """The widget names every module its entry reaches, so the browser asks for all of them at once."""
    graph = imports("embed/embed.js", set())
    assert {"shared/scene.js", "shared/state.js", "shared/mapview.js", "shared/parameters.js", "embed/card.js"} <= graph
    page = client.get("/embed/").content.decode()
    preloaded = set(re.findall(r'<link rel="modulepreload" href="([^"]+)">', page))
    assert preloaded == {static(path) for path in graph}
    assert f'<script type="module" src="{static("embed/embed.js")}"></script>' in page
    assert f'<link rel="preload" href="{static("web/data/countries.geojson")}" as="fetch" crossorigin="anonymous">' in page


def test_pausing_playback_brings_the_table_and_the_changes_up_to_the_day_shown(live_server, live_seeded, new_page):
    """While playing, the table and the list of changes follow the map a few times a second (rewriting
    them every frame cost more than drawing the map); the moment playback pauses both show the day on
    the timeline, as a fresh page at the same URL does."""
    islamic_state = Actor.objects.get(slug="islamic-state").name
    page = open_map(new_page(viewport={"width": 1280, "height": 900}), live_server, "?at=2014-06-01")
    expect(holder_of(page, "boukamal")).not_to_have_text(islamic_state)
    page.get_by_label("Speed").select_option(label="1 week per second")
    # Pause from within the page on the first frame past 1 July 2014 (when Islamic State takes
    # Boukamal), and read the page in the same turn: no timer has had a chance to run.
    paused = page.evaluate("""() => new Promise((resolve) => {
        const label = document.querySelector('#timeline .tl-date');
        const play = document.querySelector('#timeline .tl-play');
        const watch = () => {
            if (!label.textContent.includes('Jul 2014')) return requestAnimationFrame(watch);
            play.click();
            resolve({
                label: label.textContent, playing: play.getAttribute('aria-label') === 'Pause',
                heading: document.querySelector('#text-view-date').textContent,
                boukamal: document.querySelector('#text-view tr[data-place="boukamal"] td:nth-of-type(2)').textContent,
                rows: [...document.querySelectorAll('#text-view tbody tr')].map((row) => row.textContent),
                changes: document.querySelector('#changes').textContent,
                changesTitle: document.querySelector('#changes-title').textContent,
            });
        };
        play.click();
        requestAnimationFrame(watch);
    })""")
    assert not paused["playing"]
    assert paused["heading"] == paused["label"]
    assert paused["boukamal"] == islamic_state
    assert paused["changesTitle"] == "Changes while playing" and f"Boukamal now held by {islamic_state}" in paused["changes"]
    # Paused, the "why" of each listed change is fetched.
    expect(page.locator("#changes li", has_text=f"Boukamal now held by {islamic_state}").locator(".why")).not_to_be_empty()
    expect(page).to_have_url(re.compile(r"at=2014-07-"))
    again = open_map(new_page(viewport={"width": 1280, "height": 900}), live_server, page.url.split("/", 3)[3])
    assert again.evaluate("[...document.querySelectorAll('#text-view tbody tr')].map((row) => row.textContent)") == paused["rows"]
    assert js_errors(page) == [] and js_errors(again) == []


def test_day_steps_keyboard_history_panel_and_shared_url(live_server, live_seeded, new_page):
    government = Actor.objects.get(slug="syrian-government").name
    page = open_map(new_page(viewport={"width": 1280, "height": 900}), live_server, "?at=2017-11-02")
    expect(date_label(page)).to_have_text("2 Nov 2017")
    expect(holder_of(page, "deir-el-zour")).not_to_have_text(government)

    # Step to the next change: the army takes the city on 3 November.
    page.get_by_role("button", name="Next change").click()
    expect(date_label(page)).to_have_text("3 Nov 2017")
    expect(holder_of(page, "deir-el-zour")).to_have_text(government)
    assert "at=2017-11-03" in page.url
    expect(page.locator("#changes")).to_contain_text("Deir el-Zour")

    # Back and forward move through the steps.
    page.go_back()
    expect(date_label(page)).to_have_text("2 Nov 2017")
    expect(holder_of(page, "deir-el-zour")).not_to_have_text(government)
    page.go_forward()
    expect(holder_of(page, "deir-el-zour")).to_have_text(government)

    # The keyboard works while the timeline has focus: arrows step, Shift+arrow one day, Space plays.
    slider = page.get_by_role("slider", name="Date")
    slider.focus()
    page.keyboard.press("ArrowLeft")
    expect(holder_of(page, "deir-el-zour")).not_to_have_text(government)
    page.keyboard.press("ArrowRight")
    expect(date_label(page)).to_have_text("3 Nov 2017")
    page.keyboard.press("Shift+ArrowRight")
    expect(date_label(page)).to_have_text("4 Nov 2017")
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Play")).to_be_visible()
    page.locator("#search").focus()
    page.keyboard.press("Space")  # outside the timeline, Space types
    expect(page.get_by_role("button", name="Play")).to_be_visible()
    page.locator("#search").fill("")

    # Jump to a typed date; a bad one is explained.
    page.get_by_label("Go to date").fill("3 November")
    page.get_by_role("button", name="Go", exact=True).click()
    expect(page.locator(".tl-error")).to_contain_text("not a date")
    page.get_by_label("Go to date").fill("2017-11-03")
    page.get_by_role("button", name="Go", exact=True).click()
    expect(date_label(page)).to_have_text("3 Nov 2017")

    # The panel quotes the seed article and links to its source.
    row(page, "deir-el-zour").get_by_role("button", name="Deir el-Zour").click()
    panel = page.locator("#panel")
    expect(panel.get_by_role("heading", name="Deir el-Zour")).to_be_focused()
    seed_citation = Citation.objects.filter(claim__place__slug="deir-el-zour", claim__date="2017-11-03").exclude(source__seed_file="").select_related("source").first()
    assert seed_citation is not None, "the seed data cites the seed article for the fall of Deir el-Zour"
    now = panel.locator(".panel-now")
    expect(now).to_contain_text(seed_citation.quote[:60])
    source_link = now.get_by_role("link", name=seed_citation.source.title)
    expect(source_link).to_be_visible()
    if seed_citation.source.url:
        expect(source_link).to_have_attribute("href", seed_citation.source.url)
    expect(panel.locator(".panel-history")).to_contain_text("Control history")
    assert "place=deir-el-zour" in page.url
    assert axe_violations(page, live_server) == []

    # Zoom in; the URL now holds the whole view, and opening it elsewhere shows the same map.
    page.get_by_role("button", name="Zoom in").click()
    expect(page).to_have_url(re.compile(r"zoom=\d+"))
    page.mouse.move(5, 5)
    shared = page.url
    assert all(f"{key}=" in shared for key in ("at", "place", "lat", "lng", "zoom"))
    again = open_map(new_page(viewport={"width": 1280, "height": 900}), live_server, shared.split("/", 3)[3])
    expect(again.locator("#panel").get_by_role("heading", name="Deir el-Zour")).to_be_visible()
    expect(date_label(again)).to_have_text("3 Nov 2017")
    assert again.url == shared
    page.wait_for_timeout(300)  # let both canvases settle
    assert again.locator("#map").screenshot(animations="disabled") == page.locator("#map").screenshot(animations="disabled")
    assert js_errors(page) == [] and js_errors(again) == []

    # The source link leads to the article: its original address, or the stored copy when that was not kept.
    if not seed_citation.source.url:
        source_link.click()
        expect(page.get_by_role("heading", level=1)).to_have_text(seed_citation.source.title)
        expect(page.locator(".source-text")).to_contain_text(seed_citation.quote)


def test_boukamal_playback_as_known_today_and_as_reported_then(live_server, live_seeded, new_page):
    government = Actor.objects.get(slug="syrian-government").name
    islamic_state = Actor.objects.get(slug="islamic-state").name
    page = open_map(new_page(viewport={"width": 1280, "height": 900}), live_server, "?at=2017-11-08")
    expect(holder_of(page, "boukamal")).to_have_text(islamic_state)

    # Record every value Boukamal's holder cell takes during playback, with the date shown.
    page.evaluate("""() => {
        window.seen = [];
        const cell = document.querySelector('#text-view tr[data-place="boukamal"] td:nth-of-type(2)');
        const label = document.querySelector('#timeline .tl-date');
        new MutationObserver(() => window.seen.push([label.textContent, cell.textContent]))
            .observe(cell, {childList: true, characterData: true, subtree: true});
    }""")
    page.get_by_label("Speed").select_option(label="1 week per second")
    page.get_by_role("button", name="Play").click()
    expect(page.get_by_role("button", name="Play")).to_be_visible(timeout=10000)  # stops at the last change
    expect(date_label(page)).to_have_text("19 Nov 2017")
    expect(holder_of(page, "boukamal")).to_have_text(government)  # the table follows the map within 0.5 s
    seen = page.evaluate("window.seen")
    # As known today the 9 November claim is superseded: IS holds the town until the army takes it on the 19th.
    assert seen == [["19 Nov 2017", government]], seen
    changes = page.locator("#changes")
    expect(changes).to_contain_text(f"Boukamal now held by {government}")
    expect(changes.locator("li", has_text="Boukamal").locator(".why")).to_contain_text("SANA")

    # As reported then: the army's 9 November claim was the news until IS retook the town. One payload
    # serves every date: no timeline is asked for per knowledge date.
    timelines = []
    page.on("request", lambda request: timelines.append(request.url) if "/timeline/" in request.url else None)
    page.get_by_label("As reported then").check()
    expect(page).to_have_url(re.compile("known=1"))
    for day, holder in [("2017-11-08", islamic_state), ("2017-11-09", government), ("2017-11-10", government),
                        ("2017-11-11", islamic_state), ("2017-11-18", islamic_state), ("2017-11-19", government)]:
        page.get_by_label("Go to date").fill(day)
        page.get_by_role("button", name="Go", exact=True).click()
        expect(holder_of(page, "boukamal")).to_have_text(holder)
        expect(page.locator("#known-status")).to_have_text(f"Showing what was reported by {date_label(page).text_content()}.")
    assert len(timelines) == 1 and "/api/v2/timeline/reported/?v=" in timelines[0], timelines
    page.get_by_label("As reported then").uncheck()
    page.get_by_label("Go to date").fill("2017-11-10")
    page.get_by_role("button", name="Go", exact=True).click()
    expect(holder_of(page, "boukamal")).to_have_text(islamic_state)

    # The panel strikes the superseded claim through and says why.
    row(page, "boukamal").get_by_role("button", name="Boukamal").click()
    superseded = page.locator("#panel .claim.superseded")
    expect(superseded.locator("del").first).to_be_visible()
    expect(superseded.locator(".claim-reason").first).to_contain_text("Superseded")
    assert js_errors(page) == []


def test_small_screen_search_bad_parameters_and_html_in_names(live_server, live_seeded, new_page):
    Place.objects.create(name='<img src=x onerror="window.pwned=1">Tell <b>Abyad</b>', slug="tell-abyad", point="POINT(38.95 36.7)", country="SY")
    page = open_map(new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True), live_server,
                    "?at=2017-13-45&place=deir-el-zour&zoom=99")
    notices = page.locator("#notices")
    expect(notices).to_contain_text('at="2017-13-45" was ignored')
    expect(notices).to_contain_text('zoom="99" was ignored')
    expect(page.locator("#panel").get_by_role("heading", name="Deir el-Zour")).to_be_visible()

    # Names are text, never markup.
    expect(row(page, "tell-abyad").locator("th")).to_have_text('<img src=x onerror="window.pwned=1">Tell <b>Abyad</b>')
    assert page.evaluate("window.pwned") is None

    # Nothing overflows 360 px; the panel is a bottom sheet; the timeline folds away.
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 360
    box = page.locator("#panel").bounding_box()
    assert box["y"] + box["height"] == pytest.approx(740, abs=1) and box["width"] == pytest.approx(360, abs=1)
    assert axe_violations(page, live_server) == []
    page.get_by_role("button", name="Close place panel").click()
    expect(page.locator("#panel")).to_be_hidden()
    toggle = page.get_by_role("button", name="Timeline")
    toggle.click()
    expect(page.get_by_role("slider", name="Date")).to_be_hidden()
    toggle.click()
    expect(page.get_by_role("slider", name="Date")).to_be_visible()

    # Search by an Arabic name finds the place and opens its panel.
    page.get_by_label("Find a place").fill("دير الزور")
    page.locator("#search-results").get_by_role("button", name="Deir el-Zour").click()
    expect(page.locator("#panel").get_by_role("heading", name="Deir el-Zour")).to_be_visible()
    assert js_errors(page) == []
