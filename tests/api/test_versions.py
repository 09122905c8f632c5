"""Version 2 names one thing once; version 1 still answers, with its old names beside the new,
says it is deprecated, and its schema marks the old names."""
import csv
import io

import pytest

from api import legacy

pytestmark = pytest.mark.django_db

BOUKAMAL_HISTORY = "places/boukamal/history/"


def get(client, version, path):
    response = client.get(f"/api/{version}/{path}")
    assert response.status_code == 200, response.content[:300]
    return response


def test_v2_speaks_one_vocabulary_and_v1_keeps_the_old_names_readable(seeded, client):
    new = get(client, "v2", BOUKAMAL_HISTORY).json()
    old = get(client, "v1", BOUKAMAL_HISTORY).json()
    period, claim = new["periods"][-1], new["claims"][0]
    assert {"since", "since_label"} <= period.keys() and not {"start", "label"} & period.keys()
    assert {"since", "since_label", "evidence"} <= claim.keys() and not {"date", "date_label", "citations"} & claim.keys()
    old_period, old_claim = old["periods"][-1], old["claims"][0]
    assert old_period["start"] == old_period["since"] == period["since"] and old_period["label"] == period["since_label"]
    assert old_claim["date"] == claim["since"] and old_claim["date_label"] == claim["since_label"]
    assert old_claim["citations"] == old_claim["evidence"] == claim["evidence"]

    feature = get(client, "v2", "control/?at=2017-11-20").json()["features"]
    entry = next(f for f in feature if f["id"] == "boukamal")["properties"]["evidence"][0]
    assert "since" in entry and "date" not in entry
    old_entry = next(f for f in get(client, "v1", "control/?at=2017-11-20").json()["features"]
                     if f["id"] == "boukamal")["properties"]["evidence"][0]
    assert old_entry["date"] == old_entry["since"] == entry["since"]


def test_the_timeline_format_is_versioned(seeded, client):
    new = get(client, "v2", "timeline/").json()
    old = get(client, "v1", "timeline/").json()
    assert new["format"] == "controlmap-timeline/2" and old["format"] == "controlmap-timeline/1"
    assert "short" not in new["actors"] and "day" not in new["changes"]
    assert old["actors"]["short"] == old["actors"]["short_name"] == new["actors"]["short_name"]
    assert old["changes"]["day"] == old["changes"]["since"] == new["changes"]["since"]


def test_v1_says_it_is_deprecated_on_every_answer(seeded, client):
    first = get(client, "v1", "claims/?place=qaim&page_size=2")
    again = client.get("/api/v1/claims/?place=qaim&page_size=2")  # from the response cache
    revalidated = client.get("/api/v1/claims/?place=qaim&page_size=2", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and revalidated.status_code == 304
    for response in (first, again, revalidated):
        assert response["Deprecation"] == f"@{int(legacy.DEPRECATED_SINCE.timestamp())}"
        assert '</api/v2/claims/?place=qaim&page_size=2>; rel="successor-version"' in response["Link"]
    assert 'rel="next"' in first["Link"]  # pagination links are kept beside it
    assert not get(client, "v2", "claims/?place=qaim").has_header("Deprecation")


def test_claims_csv_headers_follow_the_version(seeded, client):
    def header(version):
        return next(csv.reader(io.StringIO(get(client, version, "claims/?format=csv").content.decode())))

    assert {"since", "since_label"} <= set(header("v2")) and "date" not in header("v2")
    assert {"date", "date_label"} <= set(header("v1")) and "since" not in header("v1")


def test_the_v1_schema_marks_its_operations_and_old_names_deprecated(client):
    v1 = get(client, "v1", "schema/?format=json").json()
    v2 = get(client, "v2", "schema/?format=json").json()
    assert all(op["deprecated"] for ops in v1["paths"].values() for op in ops.values())
    assert all(path.startswith("/api/v1/") for path in v1["paths"]) and all(path.startswith("/api/v2/") for path in v2["paths"])
    assert not any(op.get("deprecated") for ops in v2["paths"].values() for op in ops.values())
    for component, renamed in legacy.RENAMED.items():
        for old, new in renamed.items():
            def properties(schema):
                return next(p for p in schema["allOf"] if "properties" in p)["properties"] if "allOf" in schema else schema["properties"]
            assert properties(v1["components"]["schemas"][component])[old]["deprecated"] is True
            assert old not in properties(v2["components"]["schemas"][component])
            assert new in properties(v2["components"]["schemas"][component])
    assert "deprecated" in v2["info"]["description"] and "`day` for `since`" in v2["info"]["description"]


def test_an_unknown_version_is_a_json_404(client):
    response = client.get("/api/v3/control/")
    assert response.status_code == 404 and "/api/v2/docs/" in response.json()["detail"]
