"""Share cards on the map and widget pages, and the oEmbed thumbnail (pictures/cards.py)."""
import html
import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from picture_checks import image_of


def tags(page):
    found = {}
    for kind, name, content in re.findall(r'<meta (property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)">', page):
        found[name] = html.unescape(content)
    return found


@pytest.mark.parametrize("url", ["/?at=2017-11-09&place=boukamal&lat=34.5&lng=40.9&zoom=9",
                                 "/embed/?at=2017-11-09&place=boukamal&centre=34.5,40.9&zoom=9"])
def test_map_and_widget_pages_carry_a_card_of_their_own_view(client, seeded, url):
    card = tags(client.get(url).content.decode())
    assert card["twitter:card"] == "summary_large_image"
    assert card["og:title"] == "Boukamal, 9 Nov 2017: ControlMap"
    assert card["og:description"].startswith("Boukamal on 9 Nov 2017: held by Islamic State since 3 Nov 2017.")
    image = urlsplit(card["og:image"])
    assert image.scheme == "http" and image.netloc == "testserver" and image.path == "/image.png"
    assert dict(parse_qsl(image.query)) == {"at": "2017-11-09", "place": "boukamal", "lat": "34.5", "lng": "40.9", "zoom": "9"}
    assert (card["og:image:width"], card["og:image:height"]) == ("1200", "630")
    picture = image_of(client.get(f"{image.path}?{image.query}"))
    assert picture.size == (1200, 630)


def test_the_card_says_as_reported_then_and_leaves_out_what_the_page_ignores(client, seeded):
    card = tags(client.get("/?at=2017-11-09&place=boukamal&known=1&zoom=99&lat=35").content.decode())
    assert card["og:description"].startswith("Boukamal on 9 Nov 2017, as reported then: held by Syrian government forces")
    assert dict(parse_qsl(urlsplit(card["og:image"]).query)) == {"at": "2017-11-09", "place": "boukamal", "known": "1"}
    widget = tags(client.get("/embed/?at=2017-11-09&known_at=2017-11-09").content.decode())
    assert dict(parse_qsl(urlsplit(widget["og:image"]).query)) == {"at": "2017-11-09", "known": "1"}
    plain = tags(client.get("/").content.decode())
    assert plain["og:title"].startswith("Territorial control on ") and plain["og:image"] == "http://testserver/image.png"


def test_oembed_answers_carry_the_thumbnail_of_the_view(client, seeded):
    answer = client.get("/oembed/", {"url": "http://testserver/?at=2017-11-09&place=qaim&lat=34.4&lng=41&zoom=8"}).json()
    assert (answer["thumbnail_width"], answer["thumbnail_height"]) == (1200, 630)
    thumbnail = urlsplit(answer["thumbnail_url"])
    assert dict(parse_qsl(thumbnail.query)) == {"at": "2017-11-09", "place": "qaim", "lat": "34.4", "lng": "41", "zoom": "8"}
    small = client.get("/oembed/", {"url": "http://testserver/embed/?at=2017-11-09", "maxwidth": "600"}).json()
    assert (small["thumbnail_width"], small["thumbnail_height"]) == (600, 315)
    picture = image_of(client.get(urlsplit(small["thumbnail_url"]).path + "?" + urlsplit(small["thumbnail_url"]).query))
    assert picture.size == (600, 315)
    tiny = client.get("/oembed/", {"url": "http://testserver/", "maxwidth": "100"}).json()
    assert "thumbnail_url" not in tiny


def test_a_place_or_side_the_record_does_not_know_is_left_out_of_the_picture(client, seeded):
    card = tags(client.get("/?at=2017-11-09&place=atlantis&actors=sdf,martians").content.decode())
    image = urlsplit(card["og:image"])
    assert dict(parse_qsl(image.query)) == {"at": "2017-11-09", "actors": "sdf"}
    assert image_of(client.get(f"{image.path}?{image.query}")).size == (1200, 630)
    answer = client.get("/oembed/", {"url": "http://testserver/?place=atlantis&actors=martians"}).json()
    assert answer["thumbnail_url"] == "http://testserver/image.png"
