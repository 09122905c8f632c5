"""GET /api/v2/areas/: areas derived from the snapshot's own states, naming their places and claims."""
import datetime as dt
import json

import pytest
from django.contrib.gis.geos import GEOSGeometry, MultiPolygon, Point, Polygon
from django.core.cache import cache

from api import versions
from geo.areas import KM_PER_DEGREE, MAX_DISTANCE_KM
from geo.models import Actor, Citation, Claim, Place, Source
from geo.synthetic import Generator

REACH = MAX_DISTANCE_KM / KM_PER_DEGREE
AREA_STATUSES = {"controlled", "contested", "besieged", "disputed"}


@pytest.fixture(autouse=True)
def generous(settings):
    """Every build of areas counts against the expensive rate: rates these tests never reach."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute", "anon_expensive": "1000000/minute"}}


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    return json.loads(response.content)


def evidence_claims(properties):
    return {entry["claim"] for entry in properties["evidence"]} | {
        entry["claim"] for side in properties["sides"] for entry in side["evidence"]}


def assert_areas_match_the_snapshot(client, query):
    """Each area holds the snapshot's state of each of its places, lists their deciding claims, covers
    their points, and overlaps no other area; no place is listed twice."""
    areas = get_json(client, f"/api/v2/areas/?{query}")
    snapshot = {feature["id"]: feature for feature in get_json(client, f"/api/v2/control/?{query}")["features"]}
    listed, shapes = [], []
    for area in areas["features"]:
        properties = area["properties"]
        if properties["source"] == "place":
            continue  # a stored area (test_a_place_with_a_stored_area_is_drawn_in_its_state)
        assert area["id"] == f"area-{properties['places'][0]}" and properties["status"] in AREA_STATUSES
        geometry = GEOSGeometry(json.dumps(area["geometry"]))
        assert geometry.geom_type in ("Polygon", "MultiPolygon") and geometry.valid
        polygons = [geometry] if geometry.geom_type == "Polygon" else list(geometry)
        assert all(polygon.exterior_ring.is_counterclockwise for polygon in polygons)  # RFC 7946
        claims = set()
        for slug in properties["places"]:
            shown = snapshot[slug]["properties"]
            for name in ("status", "holder", "others", "disputed"):
                assert properties[name] == shown[name], (slug, name)
            assert properties["sides"] == [{k: side[k] for k in ("status", "holder", "others")} for side in shown["sides"]]
            claims |= evidence_claims(shown)
            # Its cell touches its point, or is the part of it inside the place's country's outline.
            assert geometry.distance(Point(*snapshot[slug]["geometry"]["coordinates"], srid=4326)) < REACH
        assert properties["claims"] == sorted(claims)
        for other in shapes:
            assert geometry.intersection(other).area < 1e-9
        shapes.append(geometry)
        listed += properties["places"]
    assert len(listed) == len(set(listed))
    return areas, snapshot, listed


def test_areas_of_a_seed_day_carry_the_method_and_name_their_places_and_claims(client, seeded):
    response = client.get("/api/v2/areas/?at=2017-11-04")
    assert response.status_code == 200 and response["Content-Type"] == "application/geo+json"
    areas, snapshot, listed = assert_areas_match_the_snapshot(client, "at=2017-11-04")
    assert areas["type"] == "FeatureCollection" and areas["at"] == "2017-11-04" and areas["known_at"] is None
    method = areas["method"]
    assert method["derived"] is True and method["max_distance_km"] == MAX_DISTANCE_KM and "nearest" in method["description"]
    # Every place with a state to draw shapes an area (each lies inside its country's outline).
    assert sorted(listed) == sorted(slug for slug, f in snapshot.items() if f["properties"]["status"] != "unknown")
    deir = next(area for area in areas["features"] if "deir-el-zour" in area["properties"]["places"])
    assert deir["properties"]["places"] == ["deir-el-zour", "jabiliyeh", "jamiyat"]  # one state, neighbours: merged
    assert deir["properties"]["holder"] == "syrian-government"
    assert GEOSGeometry(json.dumps(deir["geometry"])).contains(Point(40.15, 35.333, srid=4326))
    assert "deir-el-zour-2017-11-03-full-control" in deir["properties"]["claims"]


def test_a_disputed_place_shapes_a_disputed_area_and_known_at_is_honoured(client, seeded):
    qaim = next(area for area in get_json(client, "/api/v2/areas/?at=2017-11-03")["features"]
                if area["properties"]["places"] == ["qaim"])["properties"]
    assert qaim["status"] == "disputed" and qaim["holder"] is None and len(qaim["sides"]) == 2
    assert qaim["claims"] == ["qaim-2017-11-03-chasing-remnants", "qaim-2017-11-03-retaken"]

    def boukamal(query):
        areas = get_json(client, f"/api/v2/areas/?{query}")
        return next(area["properties"] for area in areas["features"] if "boukamal" in area["properties"]["places"])

    then = boukamal("at=2017-11-10&known_at=2017-11-10")
    assert then["holder"] == "syrian-government" and "boukamal-2017-11-09-army-declares-liberated" in then["claims"]
    assert boukamal("at=2017-11-10")["holder"] == "islamic-state"
    assert_areas_match_the_snapshot(client, "at=2017-11-10&known_at=2017-11-10")


def test_actors_keep_the_areas_naming_them_and_bbox_cuts_them_to_the_box(client, seeded):
    everything = get_json(client, "/api/v2/areas/?at=2017-11-20")["features"]
    sdf = get_json(client, "/api/v2/areas/?at=2017-11-20&actors=sdf")["features"]
    assert sdf and all("sdf" in json.dumps(area["properties"]) for area in sdf)
    assert [area for area in everything if area["properties"]["holder"] == "sdf"] == sdf

    box = (40.0, 35.2, 40.3, 35.5)  # around Deir el-Zour
    boxed = get_json(client, "/api/v2/areas/?at=2017-11-20&bbox=" + ",".join(map(str, box)))["features"]
    assert [area["id"] for area in boxed] == ["area-deir-el-zour"]
    shape = GEOSGeometry(json.dumps(boxed[0]["geometry"]))
    assert shape.extent[0] >= box[0] and shape.extent[1] >= box[1] and shape.extent[2] <= box[2] and shape.extent[3] <= box[3]
    assert boxed[0]["properties"]["places"] == ["deir-el-zour", "jabiliyeh", "jamiyat"]


def test_a_place_with_a_stored_area_is_drawn_in_its_state(client, seeded):
    district = MultiPolygon(Polygon.from_bbox((42.9, 36.2, 43.4, 36.5)), srid=4326)  # around Mosul, clockwise below
    Place.objects.filter(slug="mosul").update(area=district)
    Place.objects.filter(slug="raqqa").update(area=MultiPolygon(Polygon.from_bbox((38.9, 35.9, 39.1, 36.0)), srid=4326))
    features = get_json(client, "/api/v2/areas/?at=2017-11-20")["features"]
    stored = [area for area in features if area["properties"]["source"] == "place"]
    assert [area["id"] for area in stored] == ["place-mosul", "place-raqqa"]
    mosul = stored[0]
    assert mosul["properties"]["holder"] == "iraqi-government" and mosul["properties"]["places"] == ["mosul"]
    assert mosul["properties"]["claims"] == ["mosul-2017-07-10-abadi-declares-victory"]
    shape = GEOSGeometry(json.dumps(mosul["geometry"]))
    assert shape.equals(district) and shape[0].exterior_ring.is_counterclockwise
    derived = next(area for area in features if area["id"] == "area-mosul")
    assert derived["properties"]["source"] == "derived"  # the derived area stays, drawn under the stored one

    assert get_json(client, "/api/v2/areas/?at=2017-11-20&actors=sdf")["features"][-1]["id"] == "place-raqqa"
    boxed = get_json(client, "/api/v2/areas/?at=2017-11-20&bbox=43.2,36.0,44.0,37.0")["features"]
    assert GEOSGeometry(json.dumps(boxed[-1]["geometry"])).extent == (43.2, 36.2, 43.4, 36.5)
    assert not [area for area in get_json(client, "/api/v2/areas/?at=2014-01-01")["features"]
                if area["properties"]["source"] == "place"]  # no state yet: nothing drawn


def test_a_day_before_any_claim_has_no_area(client, seeded):
    areas = get_json(client, "/api/v2/areas/?at=2010-01-01")
    assert areas["features"] == [] and areas["method"]["derived"] is True


@pytest.mark.parametrize("url, parameter", [
    ("/api/v2/areas/?at=2017-13-01", "at"),
    ("/api/v2/areas/?at=2017-11-04&known_at=soon", "known_at"),
    ("/api/v2/areas/?actors=syrian-government,martians", "actors"),
    ("/api/v2/areas/?bbox=40,36,41,35", "bbox"),
    ("/api/v2/areas/?format=csv", "format"),
    ("/api/v2/areas/?at=2017-11-04&junk=1", "junk"),
    ("/api/v2/areas/?at=2017-11-04&at=2017-11-05", "at"),
])
def test_bad_parameters_are_a_400_naming_them(client, seeded, url, parameter):
    body = get_json(client, url, status=400)
    assert body["parameter"] == parameter and body["detail"] and body["accepted"]


def test_areas_answer_conditional_requests_and_follow_a_publication(client, seeded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        versions.bump()
    url = "/api/v2/areas/?at=2017-11-20"
    first = client.get(url)
    assert first["X-Cache"] == "miss" and "must-revalidate" in first["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    again = client.get(url)
    assert again["X-Cache"] == "hit" and again.content == first.content
    with django_capture_on_commit_callbacks(execute=True):
        claim = Claim.objects.create(
            place=Place.objects.get(slug="mosul"), status="controlled", holder=Actor.objects.get(slug="islamic-state"),
            date=dt.date(2017, 11, 15), claimant="A test claimant", review="published")
        Citation.objects.create(claim=claim, source=Source.objects.first(), quote="A test quote.")
        claim.refresh_known_from()
    second = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and second["ETag"] != first["ETag"]
    mosul = next(area for area in json.loads(second.content)["features"] if area["properties"]["places"] == ["mosul"])
    assert mosul["properties"]["holder"] == "islamic-state" and claim.key in mosul["properties"]["claims"]


def test_synthetic_areas_match_the_snapshot_on_many_days(client, seeded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Generator(places=80, claims=1600, seed=14).run()
    merged = 0
    for offset in range(0, 5 * 365, 146):
        day = dt.date(2014, 1, 1) + dt.timedelta(days=offset)
        cache.clear()
        areas, _, listed = assert_areas_match_the_snapshot(client, f"at={day}")
        merged += len(listed) - len(areas["features"])
    assert merged > 0  # neighbours of one state do merge
