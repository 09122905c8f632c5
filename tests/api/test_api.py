"""The public read API, on the seed data: the answers a reader, a newsroom script or the map relies on."""
import csv
import datetime as dt
import gzip
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.contrib.gis.geos import Point
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings

from api import versions
from geo import records, resolution
from geo.models import Actor, Citation, Claim, ClaimActor, Outlet, Place, Source

UTC = dt.timezone.utc


@pytest.fixture(scope="module")
def seed_once(django_db_setup, django_db_blocker):
    """The seed data, loaded once for this module in a transaction rolled back at its end; each test
    runs in a savepoint inside it (loading the seed per test costs seconds on PostGIS)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("load_seed", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def seeded(seed_once, db):
    """Overrides conftest's per-test seeding with the module's."""


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty response cache and fresh throttle counters."""
    cache.clear()
    yield
    cache.clear()


def get_json(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    return json.loads(response.content)


def feature_of(collection, slug):
    matches = [f for f in collection["features"] if f["id"] == slug]
    assert len(matches) == 1, [f["id"] for f in collection["features"]]
    return matches[0]


# --- control snapshot -----------------------------------------------------------------------------

def test_deir_el_zour_held_by_the_government_with_the_seed_article_quoted(client, seeded):
    body = get_json(client, "/api/v2/control/?at=2017-11-04")
    assert body["type"] == "FeatureCollection" and body["at"] == "2017-11-04"
    deir = feature_of(body, "deir-el-zour")
    assert deir["geometry"] == {"type": "Point", "coordinates": [40.15, 35.333]}
    props = deir["properties"]
    assert props["status"] == "controlled" and props["holder"] == "syrian-government"
    assert props["since"] == "2017-11-03" and props["since_label"] == "3 Nov 2017" and props["precision"] == "day"
    assert props["disputed"] is False and props["sides"] == []
    ap = [e for e in props["evidence"] if e["source_title"] == "Syria says it liberated Deir el-Zour city from ISIS militants"]
    assert ap and "full control of the city" in ap[0]["quote"]
    assert ap[0]["claim"] == "deir-el-zour-2017-11-03-full-control" and ap[0]["claimant"] == "Syrian army general command"
    assert ap[0]["published_at"].startswith("2017-11-03T07:08:00")  # 10:08 in Damascus, UTC+3


def test_boukamal_as_known_on_10_november_versus_as_known_now(client, seeded):
    then = feature_of(get_json(client, "/api/v2/control/?at=2017-11-10&known_at=2017-11-10"), "boukamal")
    assert then["properties"]["holder"] == "syrian-government"
    assert then["properties"]["evidence"][0]["claim"] == "boukamal-2017-11-09-army-declares-liberated"
    now = feature_of(get_json(client, "/api/v2/control/?at=2017-11-10"), "boukamal")
    assert now["properties"]["holder"] == "islamic-state"
    assert "boukamal-2017-11-09-army-declares-liberated" not in {e["claim"] for e in now["properties"]["evidence"]}


def test_qaim_on_3_november_2017_is_disputed_with_both_sides(client, seeded):
    qaim = feature_of(get_json(client, "/api/v2/control/?at=2017-11-03"), "qaim")["properties"]
    assert qaim["status"] == "disputed" and qaim["disputed"] is True and qaim["holder"] is None
    sides = {side["status"]: side for side in qaim["sides"]}
    assert set(sides) == {"controlled", "contested"}
    assert sides["controlled"]["holder"] == "iraqi-government"
    assert {o["actor"] for o in sides["contested"]["others"]} == {"iraqi-government", "popular-mobilization-forces", "islamic-state"}
    assert [e["claim"] for e in sides["controlled"]["evidence"]] == ["qaim-2017-11-03-retaken"]
    assert "chasing IS remnants inside the town of Qaim" in sides["contested"]["evidence"][0]["quote"]


def test_snapshot_equals_geo_records_for_every_place_and_many_days(client, seeded):
    """The API only reshapes geo.records: same status and holder for every place on every sampled day."""
    slugs = dict(Place.objects.values_list("id", "slug"))
    actors = dict(Actor.objects.values_list("id", "slug"))
    for day in ["2014-01-10", "2014-06-22", "2014-12-01", "2017-07-09", "2017-09-06", "2017-11-12", "2017-11-20"]:
        body = get_json(client, f"/api/v2/control/?at={day}")
        expected = records.snapshot(dt.date.fromisoformat(day))
        assert {f["id"]: (f["properties"]["status"], f["properties"]["holder"]) for f in body["features"]} == {
            slugs[place]: (state.status, actors.get(state.holder)) for place, state in expected.items()
        }


def test_month_and_approximate_dates_are_shown_as_precisely_as_known(client, seeded):
    siege = feature_of(get_json(client, "/api/v2/control/?at=2014-08-01"), "deir-el-zour")["properties"]
    assert (siege["status"], siege["since"], siege["since_label"], siege["precision"]) == ("besieged", "2014-07", "Jul 2014", "month")
    assert siege["others"] == [{"actor": "islamic-state", "role": "besieging"}]
    divided = feature_of(get_json(client, "/api/v2/control/?at=2014-12-01"), "deir-el-zour")["properties"]
    assert (divided["since"], divided["since_label"], divided["precision"]) == ("2014-11", "c. Nov 2014", "approximate")


def test_bbox_and_actor_filters(client, seeded):
    iraq_border = get_json(client, "/api/v2/control/?at=2017-11-20&bbox=40.9,34.3,41.2,34.5")
    assert {f["id"] for f in iraq_border["features"]} == {"boukamal", "qaim", "abu-kamal-qaim-crossing"}
    sdf = get_json(client, "/api/v2/control/?at=2017-11-20&actors=sdf")
    assert [f["id"] for f in sdf["features"]] == ["raqqa"]
    both = get_json(client, "/api/v2/control/?at=2017-11-20&actors=sdf,iraqi-government")
    assert {f["id"] for f in both["features"]} == {"raqqa", "qaim", "mosul"}


def test_snapshot_csv_is_a_spreadsheet_that_cannot_run_formulas(client, seeded):
    claim = Claim.objects.get(key="raqqa-2017-10-20-sdf-declares-victory")
    Citation.objects.filter(claim=claim).update(quote='=HYPERLINK("http://evil.example","click")')
    response = client.get("/api/v2/control/?at=2017-11-20&format=csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="control-2017-11-20.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_place = {row["place"]: row for row in rows}
    assert by_place["deir-el-zour"]["holder"] == "syrian-government"
    assert float(by_place["deir-el-zour"]["lon"]) == 40.15
    assert by_place["raqqa"]["quotes"] == '\'=HYPERLINK("http://evil.example","click")'
    assert by_place["qaim"]["status"] == "disputed"


# --- timeline -------------------------------------------------------------------------------------

def decode_timeline(payload):
    """What the map does: undo the delta encoding and look a place's state up on a day."""
    epoch = dt.date.fromisoformat(payload["epoch"])
    changes, day, per_place = payload["changes"], 0, {}
    for place, delta, state, precision in zip(changes["place"], changes["since"], changes["state"], changes["precision"]):
        day += delta
        per_place.setdefault(payload["places"]["slug"][place], []).append((epoch + dt.timedelta(days=day), state, precision))

    def state_on(slug, on):
        current = None
        for start, state, precision in per_place.get(slug, []):
            if start <= on:
                current = (payload["states"][state], payload["precisions"][precision])
        return current

    return per_place, state_on


def readable(payload, state):
    actors = payload["actors"]["slug"]
    return payload["statuses"][state["status"]], actors[state["holder"]] if state["holder"] >= 0 else None


def test_timeline_plays_back_the_same_states_as_geo_records(client, seeded):
    payload = get_json(client, "/api/v2/timeline/")
    assert payload["format"] == "controlmap-timeline/2" and payload["version"] == versions.current()[0]
    assert payload["first"] == "2014-01-06" and payload["last"] == "2017-11-19"
    assert payload["places"]["slug"] == sorted(Place.objects.values_list("slug", flat=True))
    deir = payload["places"]["slug"].index("deir-el-zour")
    assert payload["places"]["lon"][deir] == 40.15 and payload["places"]["lat"][deir] == 35.333
    assert payload["places"]["parent"][payload["places"]["slug"].index("jamiyat")] == deir
    gov = payload["actors"]["slug"].index("syrian-government")
    assert payload["actors"]["colour"][gov] == Actor.objects.get(slug="syrian-government").colour
    per_place, state_on = decode_timeline(payload)
    periods = records.timeline()
    slugs = dict(Place.objects.values_list("id", "slug"))
    actor_slugs = dict(Actor.objects.values_list("id", "slug"))
    for place, place_periods in periods.items():
        assert [start for start, _, _ in per_place[slugs[place]]] == [p.start for p in place_periods]
        for period in place_periods:
            for on in (period.start, period.start + dt.timedelta(days=1)):
                expected = resolution.state_from_periods(place_periods, on)
                state, precision = state_on(slugs[place], on)
                assert readable(payload, state) == (expected.status, actor_slugs.get(expected.holder))
    boukamal_then = state_on("boukamal", dt.date(2017, 11, 10))[0]
    assert readable(payload, boukamal_then) == ("controlled", "islamic-state")
    qaim = state_on("qaim", dt.date(2017, 11, 3))[0]
    assert readable(payload, qaim) == ("disputed", None) and len(qaim["sides"]) == 2
    assert state_on("deir-el-zour", dt.date(2014, 8, 1))[1] == "month"
    assert state_on("deir-el-zour", dt.date(2013, 1, 1)) is None  # before the first change: unknown


def test_timeline_known_at_counts_the_premature_claim(client, seeded):
    payload = get_json(client, "/api/v2/timeline/?known_at=2017-11-10")
    assert payload["known_at"] == "2017-11-10T23:59:59.999999+00:00"
    _, state_on = decode_timeline(payload)
    assert readable(payload, state_on("boukamal", dt.date(2017, 11, 10))[0]) == ("controlled", "syrian-government")


def test_timeline_payload_is_small(client, seeded):
    response = client.get("/api/v2/timeline/")
    raw = response.content
    changes = len(json.loads(raw)["changes"]["place"])
    assert len(gzip.compress(raw)) < 2500 and changes >= 20
    assert b" " not in raw.split(b'"states"')[1]  # compact separators in the numeric part


# --- places -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("query, slug", [
    ("deir", "deir-el-zour"), ("DEIR EZ-ZOR", "deir-el-zour"), ("deir ezzor", "deir-el-zour"),
    ("Dayr az-Zawr", "deir-el-zour"), ("دير الزور", "deir-el-zour"), ("Abu Kamal", "boukamal"),
    ("البوكمال", "boukamal"), ("al-qa’im", "qaim"), ("Mossul", "mosul"),
])
def test_place_search_by_any_name(client, seeded, query, slug):
    response = client.get("/api/v2/places/", {"q": query})
    assert response.status_code == 200
    body = json.loads(response.content)
    assert slug in [f["id"] for f in body["features"]], query


def test_places_list_is_geojson_with_names(client, seeded):
    response = client.get("/api/v2/places/")
    assert response["Content-Type"] == "application/geo+json"
    body = json.loads(response.content)
    assert body["type"] == "FeatureCollection" and body["count"] == Place.objects.count()
    qaim = feature_of(body, "qaim")
    assert qaim["geometry"]["coordinates"] == [41.0945, 34.3688]
    assert "القائم" in qaim["properties"]["names"] and qaim["properties"]["country"] == "IQ"
    assert feature_of(body, "jamiyat")["properties"]["parent"] == "deir-el-zour"


def test_place_detail_is_one_feature_with_its_state(client, seeded):
    qaim = get_json(client, "/api/v2/places/qaim/?at=2017-11-03")
    assert qaim["type"] == "Feature" and qaim["id"] == "qaim" and qaim["properties"]["status"] == "disputed"
    today = get_json(client, "/api/v2/places/boukamal/")
    assert today["properties"]["holder"] == "syrian-government" and today["properties"]["since"] == "2017-11-19"
    before = get_json(client, "/api/v2/places/boukamal/?at=2000")
    assert before["properties"]["status"] == "unknown" and before["properties"]["evidence"] == []
    missing = get_json(client, "/api/v2/places/atlantis/", status=404)
    assert "atlantis" in missing["detail"]


def test_history_lists_periods_and_every_claim_with_superseded_ones_marked(client, seeded):
    qaim = get_json(client, "/api/v2/places/qaim/history/")
    assert qaim["place"]["place"] == "qaim" and qaim["place"]["country"] == "IQ"
    keys = [c["key"] for c in qaim["claims"]]
    assert {"qaim-2017-11-03-retaken", "qaim-2017-11-03-chasing-remnants"} <= set(keys[:2])
    assert [p["status"] for p in qaim["periods"]] == ["controlled", "disputed"]
    assert qaim["periods"][0]["holder"] == "islamic-state" and qaim["periods"][0]["end"] == "2017-11-03"
    denial = next(c for c in qaim["claims"] if c["key"] == "qaim-2014-06-21-army-denial")
    assert denial["superseded"] is True and denial["superseded_by"] == "qaim-2014-06-20-is-takes-qaim"
    boukamal = get_json(client, "/api/v2/places/boukamal/history/")
    premature = next(c for c in boukamal["claims"] if c["key"] == "boukamal-2017-11-09-army-declares-liberated")
    assert premature["superseded"] is True and premature["rank"] == "superseded"
    assert premature["rank_reason"].startswith("Premature") and premature["superseded_by"] == "boukamal-2017-11-11-is-recaptured"
    assert premature["evidence"][0]["outlet"] and premature["evidence"][0]["quote"]
    dates = [c["since"] for c in boukamal["claims"]]
    assert dates == sorted(dates, reverse=True)
    as_known = get_json(client, "/api/v2/places/boukamal/history/?known_at=2017-11-10")
    premature_then = next(c for c in as_known["claims"] if c["key"] == "boukamal-2017-11-09-army-declares-liberated")
    assert premature_then["superseded"] is False
    assert "boukamal-2017-11-19-army-retakes" not in {c["key"] for c in as_known["claims"]}
    assert as_known["periods"][-1]["holder"] == "syrian-government" and as_known["periods"][-1]["since"] == "2017-11-09"


# --- actors, sources, claims ----------------------------------------------------------------------------

def test_actors_and_sources(client, seeded):
    actors = {a["slug"]: a for a in get_json(client, "/api/v2/actors/")}
    assert len(actors) == Actor.objects.count()
    assert actors["islamic-state"]["colour"] == Actor.objects.get(slug="islamic-state").colour
    assert "Daesh" in actors["islamic-state"]["aliases"]
    sources = get_json(client, "/api/v2/sources/?page_size=100")
    assert sources["count"] == Source.objects.count()
    published = [s["published_at"] for s in sources["results"]]
    assert published == sorted(published, reverse=True)


def test_claims_filters(client, seeded):
    qaim = get_json(client, "/api/v2/claims/?place=qaim")
    assert qaim["count"] == 4
    on_day = get_json(client, "/api/v2/claims/?date_from=2017-11-03&date_to=2017-11-03")
    assert {c["place"] for c in on_day["results"]} == {"deir-el-zour", "jamiyat", "jabiliyeh", "qaim", "boukamal"}
    november = get_json(client, "/api/v2/claims/?place=boukamal&date_from=2017-11&date_to=2017-11")
    assert [c["since"] for c in november["results"]] == ["2017-11-19", "2017-11-11", "2017-11-09", "2017-11-03"]
    pmf = get_json(client, "/api/v2/claims/?actor=popular-mobilization-forces")
    assert [c["key"] for c in pmf["results"]] == ["qaim-2017-11-03-chasing-remnants"]
    contested = get_json(client, "/api/v2/claims/?status=contested&place=deir-el-zour")
    assert {c["status"] for c in contested["results"]} == {"contested"} and contested["count"] == 3
    ap = get_json(client, "/api/v2/claims/?source=ap-2017-11-03-deir-el-zour-liberated")
    assert "qaim-2017-11-03-chasing-remnants" in {c["key"] for c in ap["results"]}
    page = client.get("/api/v2/claims/?page_size=5&page=2")
    body = json.loads(page.content)
    assert len(body["results"]) == 5 and body["count"] == Claim.objects.filter(review="published").count()
    assert 'rel="next"' in page["Link"] and 'rel="prev"' in page["Link"]


def test_claims_csv(client, seeded):
    response = client.get("/api/v2/claims/?place=boukamal&format=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Disposition"] == 'attachment; filename="claims.csv"'
    premature = next(r for r in rows if r["key"] == "boukamal-2017-11-09-army-declares-liberated")
    assert premature["superseded"] == "true" and premature["rank_reason"].startswith("Premature")
    assert premature["outlets"] == "RT"


def test_drafts_are_not_public(client, seeded):
    Claim.objects.filter(key="boukamal-2017-11-19-army-retakes").update(review="draft")
    assert "boukamal-2017-11-19-army-retakes" not in {c["key"] for c in get_json(client, "/api/v2/claims/?place=boukamal")["results"]}
    assert get_json(client, "/api/v2/places/boukamal/")["properties"]["holder"] == "islamic-state"


# --- feed and docs --------------------------------------------------------------------------------------

def test_atom_feed_of_newly_published_claims(client, seeded):
    response = client.get("/feeds/changes/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    assert response.has_header("ETag")
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    entries = ET.fromstring(response.content).findall("atom:entry", ns)
    assert len(entries) == min(50, Claim.objects.filter(review="published").count())
    titles = [e.find("atom:title", ns).text for e in entries]
    # Names isolated for bidirectional text (FSI ... PDI): Atom titles are plain text.
    premature = f"\u2068Boukamal\u2069: controlled by \u2068{Actor.objects.get(slug='syrian-government').name}\u2069 from 9 Nov 2017"
    assert premature in titles
    summary = entries[titles.index(premature)]
    assert "Superseded: Premature" in summary.find("atom:summary", ns).text


def test_docs_page_uses_only_local_static_files(client, db):
    response = client.get("/api/v2/docs/")
    html = response.content.decode()
    assert response.status_code == 200 and "/static/api/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "https://" not in html and "http://" not in html
    schema = client.get("/api/v2/schema/?format=json")
    document = json.loads(schema.content)
    assert document["openapi"].startswith("3.") and "/api/v2/control/" in document["paths"]
    assert "delta-encoded" in document["components"]["schemas"]["Timeline"]["description"]


# --- bad input --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, parameter", [
    ("/api/v2/control/?at=garbage", "at"),
    ("/api/v2/control/?at=2017-13-45", "at"),
    ("/api/v2/control/?at=2017-02-30", "at"),
    ("/api/v2/control/?known_at=2017-11-10T10:00", "known_at"),
    ("/api/v2/control/?bbox=40,34,41", "bbox"),
    ("/api/v2/control/?bbox=41,34,40,35", "bbox"),
    ("/api/v2/control/?bbox=a,b,c,d", "bbox"),
    ("/api/v2/control/?bbox=40,34,200,35", "bbox"),
    ("/api/v2/control/?bbox=40,36,41,35", "bbox"),
    ("/api/v2/control/?bbox=nan,34,41,35", "bbox"),
    ("/api/v2/control/?actors=syrian-government,martians", "actors"),
    ("/api/v2/control/?format=xml", "format"),
    ("/api/v2/timeline/?known_at=yesterday", "known_at"),
    ("/api/v2/places/qaim/history/?known_at=2017-99", "known_at"),
    ("/api/v2/places/?q=!!!", "q"),
    ("/api/v2/places/?page_size=1001", "page_size"),
    ("/api/v2/claims/?page_size=501", "page_size"),
    ("/api/v2/claims/?page_size=0", "page_size"),
    ("/api/v2/claims/?page=0", "page"),
    ("/api/v2/claims/?page=99", "page"),
    ("/api/v2/claims/?status=winning", "status"),
    ("/api/v2/claims/?actor=martians", "actor"),
    ("/api/v2/claims/?place=atlantis", "place"),
    ("/api/v2/claims/?source=nowhere", "source"),
    ("/api/v2/claims/?date_from=2017-11-05&date_to=2017-11-01", "date_to"),
    ("/api/v2/claims/?date_from=last+week", "date_from"),
    ("/api/v2/claims/?format=csv&date_to=soon", "date_to"),
])
def test_bad_input_is_a_400_naming_the_parameter(client, seeded, url, parameter):
    response = client.get(url)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["parameter"] == parameter and body["detail"] and body["accepted"]


def test_unknown_actor_is_named(client, seeded):
    body = get_json(client, "/api/v2/control/?actors=syrian-government,martians", status=400)
    assert "'martians'" in body["detail"] and "syrian-government" not in body["detail"]
    bbox = get_json(client, "/api/v2/control/?bbox=170,-10,-170,10", status=400)
    assert "antimeridian is not supported" in bbox["detail"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_write_methods_are_not_allowed(client, seeded, method):
    for url in ["/api/v2/control/", "/api/v2/claims/", "/api/v2/places/qaim/", "/api/v2/actors/", "/api/v2/timeline/"]:
        response = getattr(client, method)(url, data="{}", content_type="application/json")
        assert response.status_code == 405, (method, url)
        assert "POST" not in response["Allow"]
    assert Claim.objects.filter(review="published").exists()


def test_place_areas_are_the_outlines_of_the_places_that_have_one(client, seeded):
    from django.contrib.gis.geos import MultiPolygon, Polygon

    square = MultiPolygon(Polygon(((40.1, 35.3), (40.2, 35.3), (40.2, 35.4), (40.1, 35.4), (40.1, 35.3))), srid=4326)
    Place.objects.filter(slug="deir-el-zour").update(area=square)
    response = client.get("/api/v2/place-areas/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/geo+json")
    body = response.json()
    assert body["type"] == "FeatureCollection" and [f["id"] for f in body["features"]] == ["deir-el-zour"]
    feature = body["features"][0]
    assert feature["properties"] == {"place": "deir-el-zour"} and feature["geometry"]["type"] == "MultiPolygon"
    assert feature["geometry"]["coordinates"][0][0][:2] == [[40.1, 35.3], [40.2, 35.3]]


# --- HTTP caching, throttling, CORS --------------------------------------------------------------------

PUBLIC_URLS = [
    "/api/v2/control/?at=2017-11-04", "/api/v2/control/?at=2017-11-04&format=csv", "/api/v2/timeline/", "/api/v2/place-areas/",
    "/api/v2/places/", "/api/v2/places/qaim/", "/api/v2/places/qaim/history/", "/api/v2/actors/",
    "/api/v2/sources/", "/api/v2/claims/", "/api/v2/schema/", "/api/v2/docs/", "/feeds/changes/",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_public_get_answers_conditional_requests(client, seeded, url, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        versions.bump()
    first = client.get(url)
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert "public" in first["Cache-Control"] and "must-revalidate" in first["Cache-Control"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=f'"other", {etag}')
    assert not_modified.status_code == 304 and not_modified["ETag"] == etag and not not_modified.content
    again = client.get(url)
    assert again["X-Cache"] == "hit" and again.content == first.content and again["Content-Type"] == first["Content-Type"]
    assert client.get(url, HTTP_IF_NONE_MATCH='"v0-stale"').status_code == 200


def test_publication_changes_the_validators_and_the_answer(client, seeded, django_capture_on_commit_callbacks):
    url = "/api/v2/control/?at=2017-11-20"
    first = client.get(url)
    assert feature_of(json.loads(first.content), "mosul")["properties"]["holder"] == "iraqi-government"
    with django_capture_on_commit_callbacks(execute=True):
        claim = Claim.objects.create(
            place=Place.objects.get(slug="mosul"), status="controlled", holder=Actor.objects.get(slug="islamic-state"),
            date=dt.date(2017, 11, 15), claimant="A test claimant", review="published",
        )
        Citation.objects.create(claim=claim, source=Source.objects.first(), quote="A test quote.")
    second = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200 and second["ETag"] != first["ETag"] and second["X-Cache"] == "miss"
    assert feature_of(json.loads(second.content), "mosul")["properties"]["holder"] == "islamic-state"


def test_anonymous_clients_are_throttled_with_retry_after(client, seeded, monkeypatch):
    """3 a minute: counted per client in the minute under way, whose end Retry-After names."""
    from api.fastpath import PublicThrottle

    now = [1_800_000_015.5]  # 15.5 s into a minute
    monkeypatch.setattr(PublicThrottle, "timer", lambda self: now[0])
    with override_settings(REST_FRAMEWORK={"DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}):
        statuses = [client.get("/api/v2/actors/").status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        throttled = client.get("/api/v2/control/")
        assert throttled.status_code == 429 and throttled["Retry-After"] == "45"
        assert "throttled" in json.loads(throttled.content)["detail"]
        another = client.get("/api/v2/actors/", REMOTE_ADDR="192.0.2.7")
        assert another.status_code == 200  # another client has its own count
        now[0] += 45  # the next minute
        assert [client.get("/api/v2/actors/").status_code for _ in range(4)] == [200, 200, 200, 429]


def test_cors_is_open_for_reads_only(client, seeded):
    response = client.get("/api/v2/control/", HTTP_ORIGIN="https://news.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options("/api/v2/claims/", HTTP_ORIGIN="https://news.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")
    assert "POST" not in preflight["Access-Control-Allow-Methods"] and "GET" in preflight["Access-Control-Allow-Methods"]
    feed = client.get("/feeds/changes/", HTTP_ORIGIN="https://news.example")
    assert feed["Access-Control-Allow-Origin"] == "*"
    admin = client.get("/admin/login/", HTTP_ORIGIN="https://news.example")
    assert not admin.has_header("Access-Control-Allow-Origin")


# --- query counts stay constant as the record grows ------------------------------------------------------

def grow(places, start=0):
    """More places, each with a history of sourced claims naming several actors."""
    outlet = Outlet.objects.create(name=f"Wire {start}", slug=f"wire-{start}")
    gov, isis, sdf = (Actor.objects.get(slug=s) for s in ("syrian-government", "islamic-state", "sdf"))
    for n in range(start, start + places):
        place = Place.objects.create(name=f"Village {n}", slug=f"village-{n}", point=Point(38 + n / 100, 35), country="SY")
        for day, status, holder in ((1, "controlled", isis), (40, "contested", None), (90, "besieged", gov)):
            claim = Claim.objects.create(place=place, status=status, holder=holder, date=dt.date(2016, 1, 1) + dt.timedelta(days=day),
                                         claimant="Wire", review="published")
            if holder is None or status == "besieged":
                ClaimActor.objects.create(claim=claim, actor=sdf, role="contesting" if holder is None else "besieging")
            for k in range(2):
                source = Source.objects.create(outlet=outlet, title=f"Report {n}-{day}-{k}", url=f"https://wire.example/{n}/{day}/{k}",
                                               published_at=dt.datetime(2016, 1, 1, tzinfo=UTC) + dt.timedelta(days=day + k))
                Citation.objects.create(claim=claim, source=source, quote=f"Quote {n} {day} {k}")


COUNTED_URLS = [
    "/api/v2/control/?at=2016-06-01", "/api/v2/control/?at=2016-06-01&format=csv",
    "/api/v2/control/?at=2016-06-01&known_at=2016-07-01", "/api/v2/timeline/?known_at=2016-07-01",
    "/api/v2/control/?at=2016-06-01&bbox=30,30,45,40&actors=sdf", "/api/v2/timeline/", "/api/v2/places/",
    "/api/v2/places/village-1/", "/api/v2/places/village-1/history/", "/api/v2/actors/", "/api/v2/sources/",
    "/api/v2/claims/?actor=sdf", "/api/v2/claims/?format=csv", "/feeds/changes/",
]


def count_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def test_query_count_does_not_grow_with_the_data(client, seeded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the prepared snapshots follow the writes
        grow(3)
    small = {url: count_queries(client, url) for url in COUNTED_URLS}
    with django_capture_on_commit_callbacks(execute=True):
        grow(12, start=3)
    large = {url: count_queries(client, url) for url in COUNTED_URLS}
    assert large == small
    # Prepared (as known now: data version, actors, a check, the day's segments) and resolved from
    # the claims (as known then, with the moments at which knowledge changed, read once per data version
    # to find which cached answer the moment shares).
    assert small["/api/v2/control/?at=2016-06-01"] <= 4 and small["/api/v2/timeline/"] <= 5
    assert small["/api/v2/control/?at=2016-06-01&known_at=2016-07-01"] <= 7
    # A cached or revalidated answer costs one query: the data version.
    assert count_queries(client, "/api/v2/timeline/") and _cached_queries(client, "/api/v2/timeline/") == 1


def _cached_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url)["X-Cache"] == "hit"
    return len(queries)


def test_a_state_of_today_is_revalidated_after_midnight(client, seeded, django_capture_on_commit_callbacks):
    """Without ?at= the answer depends on the day, so midnight counts as a change."""
    from django.utils.http import parse_http_date

    with django_capture_on_commit_callbacks(execute=True):
        versions.bump()
    changed_at = versions.current()[1]
    midnight = dt.datetime.combine(dt.datetime.now(UTC).date(), dt.time(), tzinfo=UTC)
    today = client.get("/api/v2/places/boukamal/")
    assert parse_http_date(today["Last-Modified"]) == int(max(changed_at, midnight).timestamp())
    dated = client.get("/api/v2/places/boukamal/?at=2017-11-20")
    assert parse_http_date(dated["Last-Modified"]) == int(changed_at.timestamp())
    yesterday = (midnight - dt.timedelta(seconds=1)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert client.get("/api/v2/control/", HTTP_IF_MODIFIED_SINCE=yesterday).status_code == 200
    assert client.get("/api/v2/control/", HTTP_IF_MODIFIED_SINCE=today["Last-Modified"]).status_code == 304
