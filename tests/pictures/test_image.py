"""GET /image.png: the map's view as a PNG drawn on the server (pictures/)."""
import json

import pytest

from picture_checks import alike, close, image_of, leaflet_pixel, matches_reference, reference

BOUKAMAL = (34.4536, 40.9367)
MOSUL = (36.34, 43.13)
VIEW = {"at": "2017-11-09", "lat": "35.4", "lng": "41.5", "zoom": "7"}


def test_the_picture_has_the_size_asked_and_the_share_card_size_by_default(client, seeded):
    assert image_of(client.get("/image.png", VIEW)).size == (1200, 630)
    picture = image_of(client.get("/image.png", {**VIEW, "width": "640", "height": "480"}))
    assert picture.format == "PNG" and picture.size == (640, 480)


def test_a_held_place_is_drawn_where_the_map_puts_it_in_its_holders_colour(client, seeded):
    size = (900, 700)
    picture = image_of(client.get("/image.png", {**VIEW, "width": size[0], "height": size[1]})).convert("RGB")
    x, y = leaflet_pixel(*MOSUL, (35.4, 41.5), 7, size)
    assert close(picture.getpixel((x, y)), "#c2528b")  # Iraqi government forces hold Mosul
    assert close(picture.getpixel((x - 4, y + 3)), "#c2528b")
    x, y = leaflet_pixel(*BOUKAMAL, (35.4, 41.5), 7, size)
    assert close(picture.getpixel((x, y)), "#1a1a1a")  # Islamic State holds Boukamal, as known now
    # As reported on that day, the government had taken it.
    reported = image_of(client.get("/image.png", {**VIEW, "width": size[0], "height": size[1], "known": "1"})).convert("RGB")
    assert close(reported.getpixel((x, y)), "#d62728")


def test_the_selected_place_is_ringed(client, seeded):
    picture = image_of(client.get("/image.png", {**VIEW, "place": "mosul"})).convert("RGB")
    x, y = leaflet_pixel(*MOSUL, (35.4, 41.5), 7, (1200, 630))
    ring = 13 + 3.5  # size 5: radius 13, the ring 3.5 beyond (static/shared/symbols.js)
    assert close(picture.getpixel((x + round(ring), y)), "#0047ab", 40)
    assert close(picture.getpixel((x, y)), "#c2528b")


def test_date_panel_and_legend_match_the_references(client, seeded):
    picture = image_of(client.get("/image.png", {**VIEW, "place": "boukamal"}))
    assert matches_reference(picture, "date-boukamal-2017-11-09", (0, 0, 460, 90))
    assert matches_reference(picture, "legend-2017-11-09", (0, 630 - 180, 250, 630))
    other = image_of(client.get("/image.png", {**VIEW, "at": "2017-11-10", "place": "boukamal"}))
    assert not alike(other.convert("RGB").crop((0, 0, 460, 90)), reference("date-boukamal-2017-11-09"))


@pytest.mark.parametrize("at, label", [("2017-09-01", "Sep 2017"), ("2014-11-15", "c. Nov 2014"), ("2017-11-03", "3 Nov 2017"),
                                       ("2017-09-02", "2 Sep 2017")])
def test_the_date_is_labelled_as_precisely_as_the_changes_on_it(seeded, at, label):
    import datetime as dt

    from pictures.scene import scene_of

    day = dt.date.fromisoformat(at)
    assert scene_of({"at": day}, 1200, 630, today=None).date_label == label


def test_as_reported_then_is_said_on_the_picture(client, seeded):
    picture = image_of(client.get("/image.png", {**VIEW, "known": "1"}))
    assert matches_reference(picture, "date-reported-2017-11-09", (0, 0, 460, 90))


@pytest.mark.parametrize("query, parameter", [
    ({"width": "5000"}, "width"), ({"height": "10"}, "height"), ({"width": "wide"}, "width"),
    ({"zoom": "21"}, "zoom"), ({"lat": "95", "lng": "40"}, "lat"), ({"lat": "35"}, "lng"),
    ({"at": "2017-02-30"}, "at"), ({"at": "2017-11-03T10:00Z"}, "at"), ({"known": "maybe"}, "known"),
    ({"place": "<b>"}, "place"), ({"place": "atlantis"}, "place"), ({"actors": "martians"}, "actors"),
    ({"lang": "not a tag"}, "lang"), ({"style": "dark"}, "style"), ({"at": ["2017", "2018"]}, "at"),
])
def test_bad_parameters_are_a_400_naming_them(client, seeded, query, parameter):
    response = client.get("/image.png", query)
    assert response.status_code == 400, response.content[:200]
    assert response.json()["parameter"] == parameter and response.json()["accepted"]


def test_answered_like_the_api_etag_304_and_one_build_per_key(client, seeded):
    first = client.get("/image.png", VIEW)
    assert first.status_code == 200 and first["X-Cache"] == "miss" and first["ETag"]
    assert first["Content-Type"] == "image/png"
    again = client.get("/image.png", {**VIEW, "lat": "35.40"})  # the same meaning, spelt otherwise
    assert again["X-Cache"] == "hit" and again.content == first.content
    assert client.get("/image.png", VIEW, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_new_data_version_draws_anew(client, seeded):
    from api import versions

    first = client.get("/image.png", VIEW)
    versions.bump()
    second = client.get("/image.png", VIEW)
    assert second["ETag"] != first["ETag"] and second["X-Cache"] == "miss"


def test_pictures_respect_the_anonymous_limits(client, seeded, settings, monkeypatch):
    from django.core.cache import cache

    from api.fastpath import PublicThrottle

    # The counts are per minute under way: a clock that stays in one minute keeps them from restarting mid-test,
    # and an empty cache starts them at nought (another test may have counted in that minute).
    monkeypatch.setattr(PublicThrottle, "timer", lambda self: 1_800_000_015.5)
    cache.clear()
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "anon_expensive": "100/minute"}}
    codes = [client.get("/image.png", {**VIEW, "width": str(300 + n)}).status_code for n in range(4)]
    assert codes == [200, 200, 200, 429]
    cache.clear()  # a new window
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100/minute", "anon_expensive": "1/minute"}}
    assert client.get("/image.png", {**VIEW, "width": "400"}).status_code == 200
    assert client.get("/image.png", {**VIEW, "width": "400"}).status_code == 200  # cached: no build counted
    response = client.get("/image.png", {**VIEW, "width": "401"})
    assert response.status_code == 429 and int(response["Retry-After"]) >= 1


def test_lang_names_places_in_that_language_where_the_record_has_it(client, seeded):
    import datetime as dt

    from geo.models import Place, PlaceName
    from pictures.scene import scene_of

    values = {"at": dt.date(2017, 11, 9), "lat": 35.4, "lng": 41.5, "zoom": 7}
    labels = {mark.slug: mark.label for mark in scene_of({**values, "lang": "ar"}, 1200, 630, today=None).marks}
    assert labels["boukamal"] == "البوكمال" and labels["deir-el-zour"] == "دير الزور"
    assert labels["abu-kamal-qaim-crossing"] == "معبر البوكمال – القائم"  # of its Arabic names, the preferred one
    assert image_of(client.get("/image.png", {**VIEW, "lang": "ar"})).size == (1200, 630)


def test_only_reads_are_answered(client, seeded):
    assert client.post("/image.png", VIEW).status_code == 405
    assert client.post("/animation.gif").status_code == 405
    head = client.head("/image.png", VIEW)
    assert head.status_code == 200 and head["Content-Type"] == "image/png"


def test_areas_shade_the_land_the_area_layer_derives_in_its_holders_colour(client, seeded):
    """areas=1: the derived areas of /api/v2/areas/ drawn under the symbols, translucent; the legend says so."""
    import shapely

    size = (900, 700)
    areas = client.get("/api/v2/areas/", {"at": VIEW["at"]}).json()["features"]
    mosul = next(a for a in areas if "mosul" in a["properties"]["places"] and a["properties"]["source"] == "derived")
    assert mosul["properties"]["status"] == "controlled" and mosul["properties"]["holder"] == "iraqi-government"
    shape = shapely.from_geojson(json.dumps(mosul["geometry"]))
    lat, lng = MOSUL[0] + 0.2, MOSUL[1]  # land 22 km from Mosul, clear of its symbol
    assert shape.contains(shapely.Point(lng, lat))
    x, y = leaflet_pixel(lat, lng, (35.4, 41.5), 7, size)
    plain = image_of(client.get("/image.png", {**VIEW, "width": size[0], "height": size[1]})).convert("RGB")
    shaded = image_of(client.get("/image.png", {**VIEW, "width": size[0], "height": size[1], "areas": "1"})).convert("RGB")
    land, tinted = plain.getpixel((x, y)), shaded.getpixel((x, y))
    holder = (0xc2, 0x52, 0x8b)
    # Between the land and the holder's colour: the holder's hue, the land showing through.
    assert all(min(a, h) - 2 <= t <= max(a, h) + 2 for a, t, h in zip(land, tinted, holder)) and tinted != land
    assert not close(tinted, holder, 20)
    legend = shaded.crop((0, size[1] - 260, 520, size[1]))
    assert legend != plain.crop((0, size[1] - 260, 520, size[1]))  # the "derived, not reported" line
