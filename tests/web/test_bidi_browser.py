"""Names in right-to-left script or carrying a right-to-left override (U+202E) on the public pages, in
real Chromium: each is shown inside an isolating element (`<bdi>` or `dir="auto"`), and the words and
dates after it still read left to right, after it, as a reader sees them.

Without isolation an override in an actor's name runs on past the name: "Held by ‮Front, since 20 Nov
2017." shows the date backwards, and an Arabic name pulls the digits after it into its own run."""
import datetime as dt

import pytest
from django.contrib.gis.geos import Point
from playwright.sync_api import expect

from geo.models import Actor, Citation, Claim, Outlet, Place, Source

pytestmark = pytest.mark.browser

RLO = "\u202e"
PLACE = f"البوكمال {RLO}Tell"
ACTOR = f"{RLO}Front جبهة"
OUTLET = f"وكالة {RLO}News"
CLAIMANT = f"{RLO}Spokesman المتحدث"
TITLE = f"تقرير {RLO}Report"
QUOTE = f"{RLO}They took the town قالوا"
NAMES = [PLACE, ACTOR, OUTLET, CLAIMANT, TITLE, QUOTE]
DAY = dt.date(2017, 11, 20)
LAT, LNG = 33.6, 39.2  # open desert: no seed place near it

# Every text node holding right-to-left or override characters: the nearest isolating element around
# it and whether that element holds exactly one of the names. Then, for each isolating element
# followed by words on the same line, whether those words' characters run left to right after it.
READ_PAGE = """
(names) => {
  const RTL = /[\\u0590-\\u08ff\\u202a-\\u202e]/;
  const report = { unisolated: [], mixed: [], names: [], checked: [], scrambled: [] };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const isolators = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // The language switch names the languages in their own scripts, each option isolated (dir=auto).
    if (!RTL.test(node.data) || node.parentElement.closest("script, style, #language-switch")) continue;
    const isolator = node.parentElement.closest("bdi, [dir=auto]");
    if (!isolator) { report.unisolated.push(node.data); continue; }
    const text = isolator.textContent.trim();
    if (!names.includes(text)) report.mixed.push(text);
    report.names.push(text);
    isolators.add(isolator);
  }
  const charRect = (node, i) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return range.getBoundingClientRect();
  };
  for (const isolator of isolators) {
    const after = isolator.nextSibling ?? (isolator.parentElement.childNodes.length === 1 ? isolator.parentElement.nextSibling : null);
    if (!after || after.nodeType !== Node.TEXT_NODE || !/[A-Za-z0-9]/.test(after.data)) continue;
    const boxes = isolator.getClientRects();
    if (!boxes.length) continue;  // not shown
    const end = boxes[boxes.length - 1];
    const letters = [...after.data].map((c, i) => [c, i]).filter(([c]) => /[A-Za-z0-9]/.test(c))
      .map(([c, i]) => ({ c, rect: charRect(after, i) })).filter(({ rect }) => Math.abs(rect.top - end.top) < 2);
    if (letters.length < 2) continue;  // the words wrapped onto the next line
    report.checked.push(`${isolator.textContent.trim()} | ${after.data.trim()}`);
    const inOrder = letters.every((letter, i) => i === 0 || letter.rect.left >= letters[i - 1].rect.left);
    if (!inOrder || letters[0].rect.left < end.right - 1) report.scrambled.push(`${isolator.textContent.trim()} | ${after.data}`);
  }
  return report;
}
"""


@pytest.fixture
def bidi_record(live_seeded):
    actor = Actor.objects.create(name=ACTOR, short_name="Front", slug="bidi-front", colour="#2a7f62",
                                 kind=Actor.Kind.ARMED_GROUP)
    place = Place.objects.create(name=PLACE, slug="bidi-town", point=Point(LNG, LAT, srid=4326), country="SY",
                                 size_class=Place.Size.CITY)
    outlet = Outlet.objects.create(name=OUTLET, slug="bidi-news")
    source = Source.objects.create(outlet=outlet, title=TITLE, key="bidi-source",
                                   published_at=dt.datetime(2017, 11, 20, 9, tzinfo=dt.timezone.utc), full_text=QUOTE)
    claim = Claim.objects.create(place=place, status=Claim.Status.CONTROLLED, holder=actor, date=DAY,
                                 claimant=CLAIMANT, review=Claim.Review.PUBLISHED)
    Citation.objects.create(claim=claim, source=source, quote=QUOTE)
    return claim


def assert_isolated(page, where, expected, order_checks):
    report = page.evaluate(READ_PAGE, NAMES)
    assert not report["unisolated"], f"{where}: right-to-left text outside any <bdi> or dir=auto: {report['unisolated']}"
    assert not report["mixed"], f"{where}: an isolating element holds more than one name: {report['mixed']}"
    assert set(expected) <= set(report["names"]), f"{where}: not shown: {set(expected) - set(report['names'])}"
    assert not report["scrambled"], f"{where}: the words after a name are reordered: {report['scrambled']}"
    assert len(report["checked"]) >= order_checks, f"{where}: words after names checked: {report['checked']}"
    return report


def test_names_are_isolated_on_the_map_panel_table_changes_and_search(live_server, bidi_record, new_page):
    page = new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{live_server.url}/?at={DAY.isoformat()}&place=bidi-town&lat={LAT}&lng={LNG}&zoom=9")
    page.wait_for_selector("body[data-ready]", timeout=15000)
    expect(page.locator("#panel .evidence-quote").first).to_have_text(QUOTE)
    expect(page.locator('#text-view tr[data-place="bidi-town"]')).to_contain_text(ACTOR)
    expect(page.locator("#changes")).to_contain_text(PLACE)
    expect(page.locator("#changes .why")).to_contain_text(CLAIMANT)
    page.locator("details.filter summary").click()
    report = assert_isolated(page, "map", NAMES, order_checks=4)
    # The checked lines: the claimant's date, the holder's "since", the outlet's publication date, the change's date.
    assert any(line.startswith(f"{CLAIMANT} | (20 Nov 2017)") for line in report["checked"]), report["checked"]
    assert any(line.startswith(f"{ACTOR} | , since") for line in report["checked"]), report["checked"]
    assert any(line.startswith(f"{OUTLET} | , published 20 Nov 2017") for line in report["checked"]), report["checked"]
    assert any(line.startswith(f"{ACTOR} | (20 Nov 2017)") for line in report["checked"]), report["checked"]
    # The row reads place, status, holder, since in that order, left to right.
    row = page.locator('#text-view tr[data-place="bidi-town"]')
    cells = [row.locator("th, td").nth(i).bounding_box()["x"] for i in range(4)]
    assert cells == sorted(cells) and row.locator("td").last.inner_text() == "20 Nov 2017"

    # The marker's tooltip: the place sits at the centre of the map.
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2 + 1, box["y"] + box["height"] / 2 + 1)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator(".leaflet-tooltip bdi")).to_have_text(PLACE)

    page.fill("#search", "Tell")
    expect(page.locator("#search-results")).to_contain_text(PLACE)
    assert_isolated(page, "search results", [PLACE], order_checks=0)
    assert page.locator("#search-results bdi").first.inner_text() == PLACE

    page.locator("#share-open").click()
    code = page.locator("#share-code").input_value()
    assert f'title="ControlMap: territorial control map, \u2068{PLACE}\u2069, 20 Nov 2017"' in code


def test_names_are_isolated_in_the_embed(live_server, bidi_record, new_page):
    page = new_page(viewport={"width": 1000, "height": 900})
    page.goto(f"{live_server.url}/embed/?at={DAY.isoformat()}&place=bidi-town")
    page.wait_for_selector("body[data-ready]", timeout=15000)
    expect(page.locator("#card-title")).to_have_text(PLACE)
    page.locator("#legend-box summary").click()
    page.locator("#table-box summary").click()
    report = assert_isolated(page, "embed card", [PLACE, ACTOR], order_checks=1)
    assert any(line.startswith(f"{ACTOR} | , since 20 Nov 2017.") for line in report["checked"]), report["checked"]
    page.locator("#card-sources").click()
    expect(page.locator("#panel .evidence-quote").first).to_have_text(QUOTE)
    assert_isolated(page, "embed panel", NAMES, order_checks=3)


def test_names_are_isolated_on_the_source_page(live_server, bidi_record, new_page):
    page = new_page(viewport={"width": 1200, "height": 900})
    page.goto(f"{live_server.url}/sources/bidi-source/")
    report = assert_isolated(page, "source page", [TITLE, OUTLET, PLACE, QUOTE], order_checks=1)
    assert any(line.startswith(f"{OUTLET} | ,") for line in report["checked"]), report["checked"]
    assert page.locator("q").get_attribute("dir") == "auto"
    assert page.title() == f"\u2068{TITLE}\u2069 — ControlMap source"  # no <bdi> in a title: isolate marks
