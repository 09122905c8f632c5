"""The embeddable widget's page and the oEmbed endpoint, over HTTP (the browser tests are in test_embed_browser.py)."""
import json
import re
from html import unescape
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from embed.parameters import widget_names, widget_params_of_map
from geo.models import Place

MAP_VIEW = "at=2017-11-03&place=deir-el-zour&lat=35.3&lng=40.1&zoom=8&actors=syrian-government,islamic-state&known=1"


def config_of(response):
    return json.loads(re.search(rb'<script id="embed-config" type="application/json">(.*?)</script>', response.content, re.S).group(1))


def policy(response):
    return {part.split()[0]: part.split()[1:] for part in response["Content-Security-Policy"].split("; ")}


def oembed(client, **query):
    return client.get("/oembed/", query)


def iframe_of(html):
    """The attributes of the one iframe in an oEmbed html."""
    match = re.fullmatch(r'<iframe ((?:[a-z]+="[^"]*" ?)+)loading="lazy"></iframe>', html)
    assert match, html
    return {name: unescape(value) for name, value in re.findall(r'([a-z]+)="([^"]*)"', match.group(1))}


def test_widget_page_sets_no_cookie_may_be_framed_and_holds_no_inline_script(client, seeded):
    response = client.get("/embed/?at=2017-11-03&known_at=2017-11-10&theme=dark")
    assert response.status_code == 200
    assert "Set-Cookie" not in response and not response.cookies
    assert "cookie" not in response.get("Vary", "").lower(), "the same page for everyone, whatever their cookies"
    assert policy(response)["frame-ancestors"] == ["*"] and "X-Frame-Options" not in response
    assert "public" in response["Cache-Control"]
    html = response.content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, f"inline script: {tag}"
    assert 'style="' not in html, "the policy forbids inline styles"
    config = config_of(response)
    # The one data request, for the knowledge date asked; the page preloads exactly that.
    assert config["timelineUrl"] == "/api/v2/timeline/?known_at=2017-11-10" and config["knownAt"] == "2017-11-10"
    assert f'<link rel="preload" href="{config["timelineUrl"]}" as="fetch" crossorigin="anonymous">' in html
    assert 'class="embed theme-dark"' in html
    assert client.get(config["timelineUrl"]).status_code == 200

    # A malformed knowledge date falls back to "as known today"; an unknown theme to light.
    fallback = client.get("/embed/?known_at=2017-13-40&theme=neon")
    assert fallback.status_code == 200
    assert config_of(fallback)["timelineUrl"] == "/api/v2/timeline/" and config_of(fallback)["knownAt"] is None
    assert 'class="embed theme-light"' in fallback.content.decode()
    assert client.post("/embed/").status_code == 405


def test_only_the_widget_may_be_framed(client, settings, seeded):
    main = client.get("/")
    assert main["X-Frame-Options"] == "DENY" and policy(main)["frame-ancestors"] == ["'none'"]
    assert policy(client.get("/oembed/?url=http://testserver/"))["frame-ancestors"] == ["'none'"]
    settings.EMBED_FRAME_ANCESTORS = ["https://news.example.org"]
    assert policy(client.get("/embed/"))["frame-ancestors"] == ["https://news.example.org"]


def test_oembed_for_a_map_view_is_the_iframe_of_that_view(client, seeded):
    answer = oembed(client, url=f"http://testserver/?{MAP_VIEW}", format="json")
    assert answer.status_code == 200 and answer["Content-Type"] == "application/json"
    data = answer.json()
    # Required by the specification for "rich", and the recommended ones.
    assert data["type"] == "rich" and data["version"] == "1.0"
    assert (data["width"], data["height"]) == (640, 480)
    assert data["provider_name"] == "ControlMap" and data["provider_url"] == "http://testserver/"
    name = Place.objects.get(slug="deir-el-zour").name
    assert data["title"] == f"ControlMap: territorial control map, \u2068{name}\u2069, 3 Nov 2017"  # the name isolated
    frame = iframe_of(data["html"])
    assert frame["title"] == data["title"] and (frame["width"], frame["height"]) == ("640", "480")
    src = urlsplit(frame["src"])
    assert (src.scheme, src.netloc, src.path) == ("http", "testserver", "/embed/")
    # The same view in the widget's words: centre for lat/lng, "as reported then" is known at that date.
    assert parse_qsl(src.query) == [
        ("at", "2017-11-03"), ("place", "deir-el-zour"), ("centre", "35.3,40.1"), ("zoom", "8"),
        ("actors", "syrian-government,islamic-state"), ("known_at", "2017-11-03"),
    ]
    assert client.get(frame["src"].replace("http://testserver", "")).status_code == 200

    # maxwidth and maxheight bound the size; format defaults to json.
    small = oembed(client, url="http://testserver/", maxwidth="400", maxheight="300").json()
    assert (small["width"], small["height"]) == (400, 300)
    assert (iframe_of(small["html"])["width"], iframe_of(small["html"])["height"]) == ("400", "300")
    assert iframe_of(small["html"])["src"] == "http://testserver/embed/"
    assert small["title"] == "ControlMap: territorial control map"
    assert oembed(client, url="http://testserver/", maxwidth="2000").json()["width"] == 640
    assert "cookie" not in answer.get("Vary", "").lower() and "public" in answer["Cache-Control"]


def test_oembed_knows_the_site_by_its_allowed_hosts(client, settings, seeded):
    settings.ALLOWED_HOSTS = ["testserver", ".example.org"]
    data = oembed(client, url="https://maps.example.org/?at=2017-11-09").json()
    assert iframe_of(data["html"])["src"] == "https://maps.example.org/embed/?at=2017-11-09"
    assert oembed(client, url="https://example.net/?at=2017-11-09").status_code == 404
    settings.ALLOWED_HOSTS = ["*"]  # any host may serve the site, yet only the one asked is surely this site
    assert oembed(client, url="https://example.net/?at=2017-11-09").status_code == 404
    assert oembed(client, url="http://testserver/?at=2017-11-09").status_code == 200


def test_oembed_for_a_widget_keeps_its_parameters_in_order(client, seeded):
    query = "theme=dark&controls=timeline&at=2017-11-09&from=2017-11-01&to=2017-11-20&autoplay=1&loop=1&speed=day&tracking=x"
    data = oembed(client, url=f"http://testserver/embed/?{query}").json()
    src = urlsplit(iframe_of(data["html"])["src"])
    assert src.query == "at=2017-11-09&from=2017-11-01&to=2017-11-20&autoplay=1&speed=day&loop=1&controls=timeline&theme=dark"
    assert data["title"] == "ControlMap: territorial control map, 9 Nov 2017"


@pytest.mark.parametrize("query, status, parameter", [
    ({"url": "http://testserver/", "format": "xml"}, 501, None),
    ({"url": "http://testserver/", "format": "yaml"}, 501, None),
    ({"url": "https://evil.example.com/?at=2017-11-03"}, 404, None),
    ({"url": "http://testserver/admin/"}, 404, None),
    ({"url": "http://testserver/api/v2/timeline/"}, 404, None),
    ({"url": "ftp://testserver/"}, 404, None),
    ({"url": "javascript:alert(1)//testserver/"}, 404, None),
    ({}, 400, "url"),
    ({"url": "http://testserver/", "maxwidth": "wide"}, 400, "maxwidth"),
    ({"url": "http://testserver/", "maxheight": "0"}, 400, "maxheight"),
])
def test_oembed_refusals_follow_the_specification(client, seeded, query, status, parameter):
    response = oembed(client, **query)
    assert response.status_code == status
    body = response.json()
    assert body["detail"]
    if parameter:
        assert body["parameter"] == parameter


def test_map_and_widget_pages_carry_the_oembed_discovery_link(client, seeded):
    for page in (f"/?{MAP_VIEW}", "/embed/?at=2017-11-09&theme=dark"):
        html = client.get(page).content.decode()
        link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', html)
        assert link, page
        href = urlsplit(unescape(link.group(1)))
        assert dict(parse_qsl(href.query)) == {"url": f"http://testserver{page}", "format": "json"}
        data = client.get(f"{href.path}?{href.query}").json()
        assert data["type"] == "rich" and "/embed/?at=" in data["html"]
    assert client.post("/oembed/?" + urlencode({"url": "http://testserver/"})).status_code == 405


def test_the_widget_parameters_python_reads_are_the_ones_the_browser_declares():
    """embed.parameters reads static/shared/parameters.js, the declaration the browser's schemas are built from:
    the names in the order the Share dialog writes them, and the map address translated as mapToEmbed does."""
    assert widget_names() == ("at", "from", "to", "place", "places", "centre", "zoom", "bbox", "actors", "known_at",
                              "autoplay", "speed", "loop", "controls", "theme", "lang")
    full = dict(parse_qsl(MAP_VIEW))
    assert widget_params_of_map(full) == {"at": "2017-11-03", "place": "deir-el-zour", "centre": "35.3,40.1", "zoom": "8",
                                          "actors": "syrian-government,islamic-state", "known_at": "2017-11-03"}
    # centre needs both coordinates; "as reported then" needs the flag on and a date.
    assert widget_params_of_map({"lat": "35.3", "at": "2017-11-03", "known": "0"}) == {"at": "2017-11-03"}
    assert widget_params_of_map({"known": "true"}) == {}
    assert widget_params_of_map({"at": "2017-11-03", "known": "true"})["known_at"] == "2017-11-03"
