"""GET /api/v2/periods/ in every format, read back by real readers: GDAL (ogrinfo and Django's GDAL
bindings) for GeoPackage, FlatGeobuf and KML, Python's csv, and the edtf package for the dates."""
import csv
import datetime as dt
import io
import json
import subprocess

import pytest
from django.contrib.gis.gdal import DataSource
from django.core.cache import cache
from edtf import parse_edtf

from geo import records
from geo.models import Place


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def fetch(client, query, status=200):
    response = client.get(f"/api/v2/periods/?{query}")
    assert response.status_code == status, (query, response.status_code, response.content[:300])
    return response


def test_geojson_has_every_place_period_with_edtf_dates(client, seeded):
    collection = json.loads(fetch(client, "format=geojson").content)
    expected = sum(len(periods) for _, periods in records.iter_timeline())
    assert len(collection["features"]) == expected > 0
    for feature in collection["features"]:
        p = feature["properties"]
        assert str(parse_edtf(p["since_edtf"])) == p["since_edtf"]
        if p["end"]:
            assert p["end_edtf"] == p["end"] and str(parse_edtf(p["end_edtf"])) == p["end"]
            assert p["end"] > p["since_day"]
        assert p["claims"], p
    mosul = [f["properties"] for f in collection["features"] if f["id"] == "mosul"]
    assert mosul[0]["status"] == "controlled" and mosul[0]["holder"] == "islamic-state"
    assert mosul[0]["since_edtf"] == "2014-06-10" and mosul[0]["end"] == mosul[1]["since_day"]
    assert "mosul-2014-06-10-is-takes-city" in mosul[0]["claims"]


def test_filters_place_actors_bbox_known_at(client, seeded):
    only = json.loads(fetch(client, "place=qaim").content)["features"]
    assert {f["id"] for f in only} == {"qaim"}
    iraqi = json.loads(fetch(client, "actors=iraqi-government").content)["features"]
    assert iraqi and all("iraqi-government" in json.dumps(f["properties"]) for f in iraqi)
    boxed = json.loads(fetch(client, "bbox=42,36,44,37").content)["features"]
    assert {f["id"] for f in boxed} == {"mosul"}
    moment = dt.datetime(2014, 6, 30, 23, 59, 59, 999999, tzinfo=dt.timezone.utc)
    known = sum(len(periods) for _, periods in records.iter_timeline(moment))
    early = json.loads(fetch(client, "known_at=2014-06-30").content)["features"]
    assert len(early) == known < len(json.loads(fetch(client, "").content)["features"])
    error = json.loads(fetch(client, "place=atlantis", status=400).content)
    assert error["parameter"] == "place"
    assert json.loads(fetch(client, "format=shp", status=400).content)["parameter"] == "format"


def test_csv_reads_back_with_pythons_csv(client, seeded):
    response = fetch(client, "format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="control-periods.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    collection = json.loads(fetch(client, "format=geojson").content)
    assert len(rows) == len(collection["features"])
    first = rows[0]
    assert set(first) >= {"place", "since", "since_edtf", "end", "end_edtf", "status", "holder", "claims"}
    for row in rows:
        parse_edtf(row["since_edtf"])


def ogrinfo(path, *args):
    return subprocess.run(["ogrinfo", "-ro", *args, str(path)], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("format, driver", [("gpkg", "GPKG"), ("fgb", "FlatGeobuf")])
def test_geopackage_and_flatgeobuf_open_in_gdal(client, seeded, tmp_path, format, driver):
    response = fetch(client, f"format={format}")
    assert response["Content-Disposition"] == f'attachment; filename="control-periods.{format}"'
    path = tmp_path / f"periods.{format}"
    path.write_bytes(response.content)
    summary = ogrinfo(path, "-so", "-al")
    assert f"using driver `{driver}'" in summary and "control_periods" in summary
    assert "Geometry: Point" in summary and "EPSG" in summary and "4326" in summary
    collection = json.loads(fetch(client, "format=geojson").content)
    layer = DataSource(str(path))[0]
    assert layer.name == "control_periods" and len(layer) == len(collection["features"])
    if format == "gpkg":
        assert "since_day: Date" in summary and "end: Date" in summary
    by_place = {}
    for feature in layer:
        by_place.setdefault(feature.get("place"), []).append(feature)
    mosul = sorted(by_place["mosul"], key=lambda f: str(f.get("since_day")))[0]
    assert mosul.get("holder") == "islamic-state" and mosul.get("since_edtf") == "2014-06-10"
    assert round(mosul.geom.x, 2) == 43.13 and round(mosul.geom.y, 2) == 36.34


def test_kml_plays_in_time_with_a_style_per_state(client, seeded, tmp_path):
    response = fetch(client, "format=kml")
    assert response["Content-Type"].startswith("application/vnd.google-earth.kml+xml")
    path = tmp_path / "periods.kml"
    path.write_bytes(response.content)
    collection = json.loads(fetch(client, "format=geojson").content)
    layer = DataSource(str(path))[0]  # GDAL's KML reader
    assert len(layer) == len(collection["features"])
    listing = ogrinfo(path, "-al")  # GDAL's LIBKML reads the TimeSpans and the styles
    assert "using driver `LIBKML'" in listing
    assert "begin (DateTime) = 2014/06/10 00:00:00" in listing and "Style = @controlled-islamic-state" in listing
    text = response.content.decode()
    assert text.count("<TimeSpan>") == len(collection["features"])
    assert '<Style id="controlled-islamic-state">' in text and "<color>ff" in text
    assert "<begin>2014-06-10</begin>" in text
    month = [f["properties"] for f in collection["features"] if f["properties"]["precision"] == "month"]
    if month:
        assert f"<begin>{month[0]['since']}</begin>" in text


def test_answers_are_cached_and_revalidated(client, seeded):
    first = fetch(client, "format=gpkg")
    again = fetch(client, "format=gpkg")
    assert again["X-Cache"] == "hit" and again.content == first.content
    assert client.get("/api/v2/periods/?format=gpkg", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_prepared_segments_give_the_periods_resolution_gives(seeded):
    from api import periods, snapshots
    from django.db import connection

    with connection.cursor() as cursor:
        assert snapshots.usable(cursor)  # the seed's segments are built: the prepared path is read

    def shown(rows):
        return [(r.place, r.start, r.end, r.precision, r.state.key, sorted(r.claims)) for r in rows]

    prepared = shown(periods.iter_periods())
    assert prepared and prepared == shown(periods._resolved(None, None))
    qaim = Place.objects.filter(slug="qaim").values("id")
    assert shown(periods.iter_periods(places=qaim)) == [p for p in prepared if p[0] == qaim.get()["id"]]
