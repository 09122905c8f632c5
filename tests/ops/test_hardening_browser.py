"""Hostile content in real Chromium: names, quotes, titles and URLs carrying HTML or script show as
plain text on every page that displays them, and no script of theirs runs.

The content is written through the models, as an editor's form or an import would store it. Each page
is opened with a listener for dialogs (alert) and for Content-Security-Policy violations (which would
mean escaping failed and only the policy stopped the script); `window.__pwned` stays undefined.
"""
import datetime as dt
import json
from xml.etree import ElementTree

import pytest
from django.contrib.auth.models import User
from django.contrib.gis.geos import Point
from playwright.sync_api import expect

from geo.models import Actor, Citation, Claim, Outlet, Place, PlaceName, Source

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-passphrase-42"
RLO = "\u202e"
PLACE = f"</script><script>window.__pwned='place'</script><img src=x onerror=\"window.__pwned='place-img'\"> Tell {RLO}exe.gnp"
ALIAS = "\"><svg onload=alert('alias')>"
ACTOR = "<img src=x onerror=\"window.__pwned='actor'\">Hostile Front"
OUTLET = "<img src=x onerror=alert('outlet')>Outlet"
TITLE = "\"><img src=x onerror=\"window.__pwned='title'\"> Report"
URL = "https://example.org/report?q=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E&r=\"><script>alert('url')</script>"
QUOTE = f"</script><img src=x onerror=\"window.__pwned='quote'\"> {RLO}They took it{RLO} javascript:alert('quote')"
CLAIMANT = "<a href=\"javascript:window.__pwned='claimant'\">Spokesman</a>"
DAY = dt.date(2017, 11, 20)
ATOM = "{http://www.w3.org/2005/Atom}"

WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def hostile_record():
    actor = Actor.objects.create(name=ACTOR, short_name="<b>HF</b>", slug="hostile-front", colour="#123456",
                                 kind=Actor.Kind.ARMED_GROUP, description=QUOTE)
    place = Place.objects.create(name=PLACE, slug="hostile-town", point=Point(40.6, 34.6, srid=4326), country="SY",
                                 size_class=Place.Size.CITY, notes=QUOTE)
    PlaceName.objects.create(place=place, name=ALIAS, language="en")
    outlet = Outlet.objects.create(name=OUTLET, slug="hostile-outlet", homepage="https://example.org/")
    source = Source.objects.create(outlet=outlet, url=URL, title=TITLE, key="hostile-source",
                                   published_at=dt.datetime(2017, 11, 21, 9, tzinfo=dt.timezone.utc), full_text=QUOTE)
    claim = Claim.objects.create(place=place, status=Claim.Status.CONTROLLED, holder=actor, date=DAY,
                                 claimant=CLAIMANT, review=Claim.Review.PUBLISHED, notes=QUOTE)
    Citation.objects.create(claim=claim, source=source, quote=QUOTE)
    return claim


def strings(value):
    """Every string in a JSON document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def watched(page):
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(WATCH)
    return page


def assert_no_script_ran(page, where):
    assert page.evaluate("window.__pwned") is None, f"{where}: hostile script ran"
    assert page.dialogs == [], f"{where}: a dialog opened: {page.dialogs}"
    assert page.evaluate("window.__violations") == [], f"{where}: only the CSP stopped something"


@pytest.fixture
def hostile(live_seeded, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return hostile_record()


def test_hostile_content_is_plain_text_in_the_admin(live_server, hostile, new_page):
    User.objects.create_superuser("root", "root@example.org", PASSWORD)
    page = watched(new_page())
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    pages = {
        "/admin/geo/claim/?q=hostile": [PLACE, CLAIMANT],
        "/admin/geo/place/?q=tell": [PLACE],
        "/admin/geo/source/": [TITLE],
        "/admin/geo/actor/": [ACTOR],
        "/admin/geo/outlet/": [OUTLET],
        f"/admin/geo/claim/{hostile.pk}/change/": [QUOTE, CLAIMANT],
        f"/admin/geo/claim/{hostile.pk}/history/": [],
    }
    for url, texts in pages.items():
        page.goto(live_server.url + url)
        for text in texts:
            shown = page.evaluate("document.body.innerText + [...document.querySelectorAll('input, textarea')].map(e => e.value).join('\\n')")
            assert text in shown, f"{url}: {text!r} not shown literally"
        assert_no_script_ran(page, url)
    # The place form runs the admin's map widget through the CSP nonce: the map draws, nothing else runs.
    page.goto(f"{live_server.url}/admin/geo/place/{hostile.place_id}/change/")
    expect(page.locator("#id_point-map.leaflet-container")).to_be_visible()
    assert page.input_value("#id_name") == PLACE and page.input_value("#id_alternate_names-0-name") == ALIAS
    assert_no_script_ran(page, "place change form")


def test_hostile_content_is_plain_text_on_the_map_source_page_api_and_docs(live_server, hostile, new_page):
    page = watched(new_page(viewport={"width": 1280, "height": 900}))
    page.goto(f"{live_server.url}/?at={DAY.isoformat()}&place=hostile-town")
    page.wait_for_selector("body[data-ready]", timeout=15000)
    expect(page.locator('#text-view tr[data-place="hostile-town"]')).to_contain_text(PLACE)
    expect(page.locator("#panel")).to_contain_text(PLACE)
    expect(page.locator("#panel")).to_contain_text(QUOTE)
    expect(page.locator("#legend")).to_contain_text(ACTOR)
    page.fill("#search", "tell")
    page.press("#search", "Enter")
    expect(page.locator("#search-results")).to_contain_text(PLACE)
    assert_no_script_ran(page, "map")

    page.goto(f"{live_server.url}/sources/hostile-source/")
    expect(page.locator("body")).to_contain_text(TITLE)
    expect(page.locator("body")).to_contain_text(QUOTE)
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))")
    assert URL in hrefs and not any(href.lower().startswith("javascript:") for href in hrefs)
    assert_no_script_ran(page, "source page")

    page.goto(f"{live_server.url}/api/v2/places/hostile-town/history/")
    history = json.loads(page.inner_text("body"))
    assert history["place"]["name"] == PLACE and {PLACE, QUOTE, TITLE, URL, CLAIMANT} <= set(strings(history))
    page.goto(f"{live_server.url}/api/v2/control/?at={DAY.isoformat()}")
    features = {f["properties"]["place"]: f["properties"] for f in json.loads(page.inner_text("body"))["features"]}
    assert features["hostile-town"]["name"] == PLACE
    assert features["hostile-town"]["evidence"][0]["quote"] == QUOTE
    assert features["hostile-town"]["evidence"][0]["url"] == URL
    assert_no_script_ran(page, "API JSON")

    page.goto(f"{live_server.url}/api/v2/docs/")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    opblock = page.locator(".opblock", has_text="/api/v2/places/{slug}/history/").first
    opblock.locator(".opblock-summary").click()
    opblock.get_by_role("button", name="Try it out").click()
    opblock.locator("input[placeholder=slug]").fill("hostile-town")
    opblock.get_by_role("button", name="Execute").click()
    expect(opblock.locator(".live-responses-table td.response-col_description").last).to_contain_text(
        "<script>window.__pwned='place'</script><img src=x onerror=", timeout=15000)
    assert_no_script_ran(page, "API docs")


def test_hostile_content_is_plain_text_in_the_feed_and_in_a_feed_reader(live_server, hostile, new_page):
    page = watched(new_page())
    page.goto(f"{live_server.url}/feeds/changes/")
    assert_no_script_ran(page, "feed")
    # A feed reader shows each entry's title as text and its summary (type="html") as HTML: both
    # must come out as the literal words, with nothing run.
    feed = ElementTree.fromstring(page.request.get(f"{live_server.url}/feeds/changes/").body())
    entry = next(e for e in feed.iter(f"{ATOM}entry") if "Tell" in e.findtext(f"{ATOM}title"))
    assert PLACE in entry.findtext(f"{ATOM}title") and entry.find(f"{ATOM}title").get("type", "text") == "text"
    summary = entry.find(f"{ATOM}summary")
    reader = watched(new_page())
    reader.goto("about:blank")
    reader.evaluate("(s) => { const d = document.createElement(s.type === 'html' ? 'div' : 'pre');"
                    " if (s.type === 'html') d.innerHTML = s.text; else d.textContent = s.text;"
                    " document.body.append(d); }", {"type": summary.get("type", "text"), "text": summary.text})
    reader.wait_for_timeout(300)  # an injected <img onerror> fires asynchronously
    assert reader.evaluate("window.__pwned") is None and reader.dialogs == [], "the feed summary runs script in a reader"
    assert QUOTE in reader.inner_text("body")



def test_hostile_content_is_plain_text_in_the_embed(live_server, hostile, new_page):
    page = watched(new_page())
    response = page.goto(f"{live_server.url}/embed/?at={DAY.isoformat()}&place=hostile-town")
    assert response.status == 200, "the embed (issue 7) is not served"
    page.wait_for_selector("body[data-ready]", timeout=15000)
    expect(page.locator("body")).to_contain_text(PLACE)
    assert_no_script_ran(page, "embed")


def test_an_editor_locked_out_after_mistyping_sees_when_to_retry(live_server, transactional_db, new_page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.AXES_FAILURE_LIMIT = 2
    User.objects.create_user("edna", "edna@example.org", PASSWORD, is_staff=True)
    page = watched(new_page())
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    shown = []
    for password in ("wrong", "wrong", PASSWORD):  # the right password, once locked, is refused the same way
        page.fill("#id_username", "ｅｄｎａ")  # full-width letters: the same account
        page.fill("#id_password", password)
        with page.expect_navigation():
            page.click("input[type=submit]")
        shown.append(page.locator(".errornote").inner_text())
    assert "Please enter the correct username and password" in shown[0]
    assert shown[1] == shown[2]
    assert "Too many failed sign-in attempts" in shown[2] and "try again in 15 minutes" in shown[2]
    assert page.url.startswith(f"{live_server.url}/admin/login/")
    assert_no_script_ran(page, "/admin/login/")
