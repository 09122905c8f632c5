"""The map and the widget in Arabic and Sorani, right to left, on a phone and on a desktop: nothing
overflows or overlaps, the timeline's keys run time the way it is drawn, names and dates are the
reader's, and axe finds nothing serious. Screenshots of every page are kept in test-artifacts/."""
import itertools

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Day and names as each language writes them (Intl.DateTimeFormat in Latin digits, fixtures/names.json).
WORDS = {
    "ar": {"day": "3 نوفمبر 2017", "before": "2 نوفمبر 2017", "previous": "20 أكتوبر 2017", "after": "21 أكتوبر 2017", "government": "الحكومة السورية", "city": "دير الزور",
           "next": "التغيير التالي", "slider": "التاريخ", "pause": "إيقاف مؤقت", "play": "تشغيل"},
    "ckb": {"day": "3ی تشرینی دووەمی 2017", "before": "2ی تشرینی دووەمی 2017", "previous": "20ی تشرینی یەکەمی 2017",
            "after": "21ی تشرینی یەکەمی 2017", "government": "حکوومەتی سووریا",
            "city": "دێرەزوور", "next": "گۆڕانکاریی دواتر", "slider": "بەروار", "pause": "ڕاگرتن", "play": "لێدان"},
}
# Controls that must never cover one another, in groups that share a row or a corner.
GROUPS = [
    "#search-form > label, #search, #search-form > button, .known-switch, .since-switch, #compare-open, .filter, #language-switch, #share-open",
    ".tl-prev, .tl-play, .tl-next, .tl-date, .tl-speed, .tl-jump",
    ".leaflet-control-zoom, .leaflet-control-attribution",
]


def axe_violations(page, live_server):
    page.add_script_tag(url=f"{live_server.url}/static/web/vendor/axe.min.js")
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def overlaps(page, selector):
    boxes = [(index, box) for index, box in enumerate(page.locator(selector).evaluate_all(
        "nodes => nodes.filter(n => n.offsetParent !== null).map(n => { const r = n.getBoundingClientRect();"
        " return {x: r.x, y: r.y, w: r.width, h: r.height, name: n.id || n.className}; })"))]
    found = []
    for (_, a), (_, b) in itertools.combinations(boxes, 2):
        if a["x"] + a["w"] - 1 > b["x"] and b["x"] + b["w"] - 1 > a["x"] and a["y"] + a["h"] - 1 > b["y"] and b["y"] + b["h"] - 1 > a["y"]:
            found.append((a["name"], b["name"]))
    return found


def errors(page):
    return [message for message in page.console_errors if "Failed to load resource" not in message]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_map_right_to_left(live_server, live_seeded, new_page, language, width):
    words = WORDS[language]
    phone = width == 360
    page = new_page(viewport={"width": width, "height": 740 if phone else 900}, is_mobile=phone, has_touch=phone)
    page.goto(f"{live_server.url}/?lang={language}&at=2017-11-02")
    page.wait_for_selector("body[data-ready]", timeout=15000)
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [language, "rtl"]
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    for group in GROUPS:
        assert overlaps(page, group) == [], group
    # The zoom buttons in the top right corner, the attribution at the bottom left.
    zoom, attribution = page.locator(".leaflet-control-zoom").bounding_box(), page.locator(".leaflet-control-attribution").bounding_box()
    assert zoom["x"] > attribution["x"]

    # Time runs right to left: the first day at the right end of the track, ← steps forward in time.
    date = page.locator(".tl-date")
    expect(date).to_have_text(words["before"])
    handle = page.get_by_role("slider", name=words["slider"])
    track = page.locator(".tl-track").bounding_box()
    assert handle.bounding_box()["x"] < track["x"] + track["width"] / 2  # 2 Nov 2017 is late in the record
    handle.focus()
    page.keyboard.press("ArrowLeft")
    expect(date).to_have_text(words["day"])
    government = page.locator('#text-view tr[data-place="deir-el-zour"] td').nth(1)
    expect(government).to_have_text(words["government"])
    page.keyboard.press("ArrowRight")  # back to the change before: Raqqa, 20 October
    expect(date).to_have_text(words["previous"])
    page.keyboard.press("Shift+ArrowLeft")
    expect(date).to_have_text(words["after"])
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name=words["pause"])).to_be_visible()
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name=words["play"])).to_be_visible()
    assert f"lang={language}" in page.url

    # The place's name in the reader's language, the quotes in their source's.
    page.locator('#text-view tr[data-place="deir-el-zour"] button').click()
    expect(page.locator("#panel-title")).to_have_text(words["city"])
    quote = page.locator("#panel .evidence-quote").first
    expect(quote).to_have_attribute("lang", "en")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    assert axe_violations(page, live_server) == []
    assert errors(page) == []


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_share_dialog_right_to_left_keeps_the_language(live_server, live_seeded, new_page, language, width):
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(f"{live_server.url}/?lang={language}&at=2017-11-03")
    page.wait_for_selector("body[data-ready]", timeout=15000)
    page.locator("#share-open").click()
    dialog = page.locator("#share-dialog")
    expect(dialog).to_be_visible()
    assert f"lang={language}" in page.locator("#share-link").input_value()
    assert f"lang={language}" in page.locator("#share-code").input_value()
    box = dialog.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert overlaps(page, "#share-dialog .share-head > *") == []
    assert axe_violations(page, live_server) == []


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_widget_right_to_left(live_server, live_seeded, new_page, language, width):
    words = WORDS[language]
    page = new_page(viewport={"width": width, "height": 640})
    page.goto(f"{live_server.url}/embed/?lang={language}&at=2017-11-03&place=deir-el-zour")
    expect(page.locator(".tl-date")).to_have_text(words["day"], timeout=15000)
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [language, "rtl"]
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    expect(page.locator("#card-title")).to_have_text(words["city"])
    expect(page.locator("#card-state")).to_contain_text(words["government"])
    for group in GROUPS[1:]:
        assert overlaps(page, group) == [], group
    assert axe_violations(page, live_server) == []
    assert errors(page) == []


@pytest.mark.parametrize("language, ignored", [("ar", 'تم تجاهل at="2017-13-45": ليس تاريخاً'),
                                               ("ckb", 'at="2017-13-45" پشتگوێ خرا: بەروار نییە')])
def test_a_malformed_parameter_is_reported_in_the_reader_language(live_server, live_seeded, new_page, language, ignored):
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/?lang={language}&at=2017-13-45")
    page.wait_for_selector("body[data-ready]", timeout=15000)
    expect(page.locator("#notices")).to_contain_text(ignored)
