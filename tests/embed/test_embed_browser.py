"""The embeddable widget in real Chromium, framed by a host page served from another origin (another port),
and the Share dialog of the main map. Every non-local request is blocked, so no tiles load.
"""
import functools
import gzip
import json
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect

from geo.models import Actor

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
NO_TILES = "Failed to load resource"  # tile requests are blocked on purpose


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def host_site(tmp_path):
    """A news site on another origin: write(name, html) publishes a page and returns its address."""
    server = ThreadingHTTPServer(("localhost", 0), functools.partial(QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def write(name, html):
        (tmp_path / name).write_text(f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>News</title></head><body>{html}</body></html>")
        return f"http://localhost:{server.server_address[1]}/{name}"

    yield write
    server.shutdown()
    server.server_close()


def js_errors(page):
    return [message for message in page.console_errors if NO_TILES not in message]


def axe_violations(page, live_server):
    page.add_script_tag(url=f"{live_server.url}/static/web/vendor/axe.min.js")
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def ready(frame):
    frame.locator("body[data-ready]").wait_for(timeout=15000)
    return frame


def frame_height(page, selector="#widget"):
    return page.locator(selector).evaluate("frame => frame.getBoundingClientRect().height")


def test_host_page_embeds_the_widget_which_loads_plays_and_resizes(live_server, live_seeded, new_page, host_site):
    government = Actor.objects.get(slug="syrian-government").name
    islamic_state = Actor.objects.get(slug="islamic-state").name
    widget = f"{live_server.url}/embed/?from=2017-11-08&to=2017-11-20&at=2017-11-08&place=boukamal&speed=week"
    host = host_site("story.html", f"""
        <h1>A story about Boukamal</h1><p style="height: 400px">Before the map.</p>
        <iframe id="widget" src="{widget}" title="Map" width="600" height="200" style="border: 0"></iframe>
        <script async src="{live_server.url}/static/embed/loader.js"></script>
        <p style="height: 2000px">After the map.</p>""")
    page = new_page(viewport={"width": 1000, "height": 800})
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(host)
    frame = ready(page.frame_locator("#widget"))
    boukamal = frame.locator('#text-view tr[data-place="boukamal"] td').nth(1)
    expect(boukamal).to_have_text(islamic_state)
    expect(frame.locator("#card-title")).to_have_text("Boukamal")

    # Resized through the loader script: from the fixed 200 px to what the widget asks for, no inner scrolling.
    page.wait_for_function("document.querySelector('#widget').getBoundingClientRect().height > 300", timeout=5000)
    height = frame_height(page)
    inner = page.frame(url=lambda url: url.startswith(f"{live_server.url}/embed/"))
    assert inner.evaluate("document.documentElement.scrollHeight <= innerHeight + 1")
    frame.get_by_text("Legend", exact=True).click()
    page.wait_for_function(f"document.querySelector('#widget').getBoundingClientRect().height > {height + 40}", timeout=5000)
    assert inner.evaluate("document.documentElement.scrollHeight <= innerHeight + 1")
    grown = frame_height(page)
    # Messages that are not the widget's are ignored: from the host's own origin, or of the wrong shape.
    page.evaluate("window.postMessage({type: 'controlmap:resize', height: 2500}, '*')")
    inner.evaluate("parent.postMessage({type: 'controlmap:resize', height: '2500'}, '*')")
    inner.evaluate("parent.postMessage({type: 'resize', height: 2500}, '*')")
    page.wait_for_timeout(300)
    assert frame_height(page) == grown

    # The page scrolls over the map until the reader clicks it; then the wheel zooms the map.
    link = frame.get_by_role("link", name="View the full map")
    zoom = lambda: dict(parse_qsl(urlsplit(link.get_attribute("href")).query)).get("zoom")  # noqa: E731
    before = zoom()
    page.evaluate("window.scrollTo(0, 0)")
    map_box = frame.locator("#map").bounding_box()
    corner = (map_box["x"] + map_box["width"] - 40, map_box["y"] + 40)  # no control, no place there
    page.mouse.move(*corner)
    page.mouse.wheel(0, 300)
    page.wait_for_function("window.scrollY > 0")
    expect(frame.locator("#map-hint")).to_be_visible()
    expect(frame.locator("#map-hint")).to_contain_text("Click the map")
    assert zoom() == before
    corner = (map_box["x"] + map_box["width"] - 40, frame.locator("#map").bounding_box()["y"] + 40)
    page.mouse.click(*corner)
    scrolled = page.evaluate("window.scrollY")
    page.mouse.wheel(0, -300)
    expect(link).not_to_have_attribute("href", re.compile(f"zoom={before}(&|$)"))
    assert page.evaluate("window.scrollY") == scrolled

    # It plays: Boukamal passes to the army on 19 November, and playback stops at the end of the window.
    frame.get_by_role("button", name="Play").click()
    expect(boukamal).to_have_text(government, timeout=10000)
    expect(frame.get_by_role("button", name="Play")).to_be_visible(timeout=10000)
    expect(frame.locator("#timeline .tl-date")).to_have_text("20 Nov 2017")
    expect(frame.locator("#card-state")).to_contain_text(f"Held by {government}")

    # The view the reader reached opens on the main site.
    shown = dict(parse_qsl(urlsplit(link.get_attribute("href")).query))
    assert shown["at"] == "2017-11-20" and shown["place"] == "boukamal" and shown["zoom"] != before
    assert link.get_attribute("target") == "_blank"

    # No cookie, no session; the data in one request besides the page.
    assert page.context.cookies() == []
    ours = [r for r in responses if r.url.startswith(live_server.url)]
    assert all("set-cookie" not in r.response().all_headers() for r in ours)
    api = [r.url for r in ours if "/api/" in r.url]
    assert api == [f"{live_server.url}/api/v2/timeline/"], api
    record_transfer(ours, live_server.url, ready_ms=int(inner.evaluate("document.body.dataset.readyMs")))
    assert js_errors(page) == []


def record_transfer(requests, origin, **figures):
    """The widget's weight without tiles: bytes on the wire (this test server does not compress) and gzipped."""
    rows = []
    for request in requests:
        response = request.response()
        sizes = request.sizes()
        body = response.body()
        rows.append({
            "url": request.url.removeprefix(origin), "status": response.status,
            "bytes": sizes["responseBodySize"] + sizes["responseHeadersSize"],
            "body": len(body), "gzip": len(gzip.compress(body, 6)),
        })
    total = {key: sum(row[key] for row in rows) for key in ("bytes", "body", "gzip")}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "embed-transfer.json").write_text(json.dumps({"requests": len(rows), "total": total, **figures, "rows": rows}, indent=1))
    assert total["bytes"] > 0 and len(rows) >= 3


def test_main_page_refuses_to_be_framed_and_the_widget_obeys_the_allow_list(live_server, live_seeded, new_page, host_site, settings):
    host = host_site("frames.html", f"""
        <iframe id="main" src="{live_server.url}/?at=2017-11-03" title="Main map" width="600" height="300"></iframe>
        <iframe id="widget" src="{live_server.url}/embed/?at=2017-11-03" title="Widget" width="600" height="300"></iframe>""")
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(host)
    ready(page.frame_locator("#widget"))
    main = page.frame_locator("#main")
    page.wait_for_timeout(500)
    assert main.locator("#map").count() == 0 and main.locator("#timeline").count() == 0
    blocked = page.frame(name=None, url=lambda url: not url.startswith(live_server.url) and url != host)
    assert blocked is not None and blocked.url.startswith("chrome-error://"), [f.url for f in page.frames]

    # An allow-list that names another site: Chromium refuses to show the widget here too.
    settings.EMBED_FRAME_ANCESTORS = ["https://news.example.org"]
    page.reload()
    page.wait_for_timeout(1000)
    assert page.frame_locator("#widget").locator("#map").count() == 0
    settings.EMBED_FRAME_ANCESTORS = [host.rsplit("/", 1)[0]]
    page.reload()
    ready(page.frame_locator("#widget"))


def test_bad_parameters_fall_back_and_are_reported_in_the_console(live_server, live_seeded, new_page):
    page = new_page(viewport={"width": 700, "height": 600})
    warnings = []
    page.on("console", lambda message: message.type == "warning" and warnings.append(message.text))
    bad = ("at=2017-13-45&zoom=99&controls=timeline,bogus&theme=neon&speed=-1&bbox=44,33,38,37&centre=north"
           "&places=atlantis&actors=martians&autoplay=maybe&loop=2&known_at=yesterday&from=2018-01-01&to=2017-01-01&utm_source=x")
    page.goto(f"{live_server.url}/embed/?{bad}")
    ready(page)
    text = "\n".join(warnings)
    for name in ("at", "zoom", "controls", "theme", "speed", "bbox", "centre", "autoplay", "loop", "known_at"):
        assert f'{name}="' in text, (name, text)
    for what in ("“atlantis”", "“martians”", "“utm_source”", "from is after to"):
        assert what in text, (what, text)
    # The defaults: every control, the light theme, the last change, every place.
    expect(page.locator("#timeline")).to_be_visible()
    expect(page.locator("#legend-box")).to_be_visible()
    assert page.locator("body").get_attribute("class") == "embed theme-light"
    expect(page.locator("#timeline .tl-date")).not_to_be_empty()
    assert page.locator("#text-view tbody tr").count() >= 8
    assert page.locator("body").get_attribute("data-view") == ""
    page.get_by_text("Legend", exact=True).click()
    page.get_by_text("Places as a table").click()
    page.locator('#text-view tr[data-place="deir-el-zour"] button').click()
    expect(page.locator("#card-title")).to_have_text("Deir el-Zour")
    page.get_by_role("button", name="Sources and history").click()
    expect(page.locator("#panel .panel-history")).to_contain_text("Control history", timeout=15000)  # one more request, on a busy machine
    expect(page.locator("#panel .evidence-quote").first).not_to_be_empty()
    assert axe_violations(page, live_server) == []
    assert js_errors(page) == []

    # Some places, framed by a box, played in a loop with only the timeline shown.
    page.goto(f"{live_server.url}/embed/?places=boukamal,qaim&bbox=40.5,34,41.5,35&from=2017-11-18&to=2017-11-20"
              "&autoplay=1&loop=1&speed=month&controls=timeline")
    ready(page)
    page.evaluate("""() => {
        window.dates = [];
        const label = document.querySelector('#timeline .tl-date');
        new MutationObserver(() => window.dates.push(label.textContent)).observe(label, {childList: true, subtree: true});
    }""")
    page.wait_for_function("() => window.dates.indexOf('20 Nov 2017') >= 0 && window.dates.lastIndexOf('18 Nov 2017') > window.dates.indexOf('20 Nov 2017')", timeout=6000)
    assert sorted(page.locator("#text-view tbody tr").evaluate_all("rows => rows.map(r => r.dataset.place)")) == ["boukamal", "qaim"]
    expect(page.locator("#legend-box")).to_be_hidden()
    full = dict(parse_qsl(urlsplit(page.get_by_role("link", name="View the full map").get_attribute("href")).query))
    assert float(full["lat"]) == pytest.approx(34.5, abs=0.3) and float(full["lng"]) == pytest.approx(41.0, abs=0.3)
    assert js_errors(page) == []


def test_share_dialog_embed_parameters_round_trip(live_server, live_seeded, new_page):
    view = "?at=2017-11-03&place=deir-el-zour&lat=35.3&lng=40.1&zoom=8&actors=syrian-government,islamic-state&known=1"
    page = new_page(viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{live_server.url}/{view}")
    page.wait_for_selector("body[data-ready]", timeout=15000)
    page.get_by_role("button", name="Share").click()
    dialog = page.get_by_role("dialog", name="Share this view")
    expect(dialog).to_be_visible()

    # The link is the current view; copying puts it on the clipboard.
    expect(dialog.get_by_label("Link to this view")).to_have_value(f"{live_server.url}/{view}")
    dialog.get_by_role("button", name="Copy link").click()
    expect(dialog.get_by_role("status")).to_have_text("Link copied.")
    assert page.evaluate("navigator.clipboard.readText()") == f"{live_server.url}/{view}"

    # With the default options the embed code is the oEmbed answer for that link, plus the loader script.
    code = dialog.get_by_label("Embed code")
    dialog.get_by_label("Fit the height to the content").uncheck()
    answer = page.request.get(f"{live_server.url}/oembed/", params={"url": f"{live_server.url}/{view}"}).json()
    expect(code).to_have_value(answer["html"])
    dialog.get_by_label("Fit the height to the content").check()
    expect(code).to_have_value(f'{answer["html"]}\n<script async src="{live_server.url}/static/embed/loader.js"></script>')
    default_src = iframe_src(code.input_value())

    # The live preview shows that view; its "full map" link leads back to exactly the view shared.
    preview = dialog.locator("iframe.share-preview")
    expect(preview).to_have_attribute("src", default_src)
    inner = ready(page.frame_locator("iframe.share-preview"))
    expect(inner.locator("#card-title")).to_have_text("Deir el-Zour")
    expect(inner.locator("#embed-note")).to_have_text("As reported by 3 Nov 2017")
    expect(inner.get_by_role("link", name="View the full map")).to_have_attribute("href", f"{live_server.url}/{view}")

    # Every option as a toggle: the widget reads back exactly what the dialog wrote.
    dialog.get_by_label("Legend").uncheck()
    dialog.get_by_label("Dark theme").check()
    dialog.get_by_label("Loop").check()
    dialog.get_by_label("Playback speed").select_option(label="1 day per second")
    dialog.get_by_label("Play from").fill("2017-10-01")
    dialog.get_by_label("to", exact=True).fill("2017-11-20")
    dialog.get_by_label("Play on load").check()
    src = iframe_src(code.input_value())
    query = dict(parse_qsl(urlsplit(src).query))
    assert query == {"at": "2017-11-03", "from": "2017-10-01", "to": "2017-11-20", "place": "deir-el-zour",
                     "centre": "35.3,40.1", "zoom": "8", "actors": "syrian-government,islamic-state",
                     "known_at": "2017-11-03", "autoplay": "1", "speed": "1", "loop": "1",
                     "controls": "timeline,panel", "theme": "dark"}, query
    expect(preview).to_have_attribute("src", src)
    inner = page.frame_locator("iframe.share-preview")
    expect(inner.locator("body")).to_have_attribute("data-view", f"?{urlsplit(src).query}", timeout=15000)
    assert "theme-dark" in inner.locator("body").get_attribute("class")
    expect(inner.locator("#legend-box")).to_be_hidden()
    expect(inner.locator("#timeline")).to_be_visible()
    expect(inner.get_by_label("Speed")).to_have_value("1")
    expect(inner.get_by_role("button", name="Pause")).to_be_visible()  # playing on load

    # The same code opened on its own (not framed) is the same widget.
    assert axe_violations(page, live_server) == []
    dialog.get_by_role("button", name="Copy embed code").click()
    assert page.evaluate("navigator.clipboard.readText()") == code.input_value()
    alone = new_page(viewport={"width": 640, "height": 480})
    alone.goto(src)
    ready(alone)
    assert alone.locator("body").get_attribute("data-view") == f"?{urlsplit(src).query}"
    alone.get_by_role("button", name="Pause").click()
    assert axe_violations(alone, live_server) == []  # the dark theme too
    dialog.get_by_role("button", name="Close the Share dialog").click()
    expect(dialog).to_be_hidden()
    assert js_errors(page) == [] and js_errors(alone) == []


def iframe_src(code):
    match = re.match(r'<iframe src="([^"]+)" title="[^"]+" width="640" height="480"', code)
    assert match, code
    return match.group(1).replace("&amp;", "&")


def test_on_a_phone_one_finger_scrolls_the_story_and_two_fingers_move_the_map(live_server, live_seeded, new_page, host_site):
    host = host_site("phone.html", f"""
        <p style="height: 200px">Before the map.</p>
        <iframe id="widget" src="{live_server.url}/embed/?centre=35.33,40.15&zoom=8" title="Map" width="340" height="420"></iframe>
        <p style="height: 2000px">After the map.</p>""")
    page = new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(host)
    frame = ready(page.frame_locator("#widget"))
    link = frame.get_by_role("link", name="View the full map")
    before = link.get_attribute("href")
    box = frame.locator("#map").bounding_box()
    x, y = box["x"] + box["width"] - 40, box["y"] + box["height"] / 2  # clear of the controls
    touch = page.context.new_cdp_session(page)

    def gesture(*fingers_path):
        """Moves fingers from their first to their last points in a few steps."""
        steps = len(fingers_path[0])
        for index in range(steps):
            kind = "touchStart" if index == 0 else "touchMove"
            touch.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": path[index][0], "y": path[index][1]} for path in fingers_path]})
            page.wait_for_timeout(30)
        touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

    # One finger drags the story up, not the map, and the hint says how to move the map.
    gesture([(x, y - 25 * step) for step in range(6)])
    page.wait_for_function("() => window.scrollY > 50")
    expect(frame.locator("#map-hint")).to_contain_text("two fingers")
    assert link.get_attribute("href") == before

    # Two fingers move the map, and the story stays where it is (once the one-finger scroll has come to rest).
    scrolled = None
    for _ in range(50):
        previous, scrolled = scrolled, page.evaluate("window.scrollY")
        if scrolled == previous:
            break
        page.wait_for_timeout(100)
    box = frame.locator("#map").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    gesture([(x - 40, y + 40 - 15 * step) for step in range(6)], [(x + 40, y + 40 - 15 * step) for step in range(6)])
    expect(link).not_to_have_attribute("href", before)
    assert page.evaluate("window.scrollY") == scrolled
    assert js_errors(page) == []
