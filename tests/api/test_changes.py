"""GET /api/v2/changes/: exactly the difference of two snapshots, with both states and the new one's claims."""
import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings
from hypothesis import strategies as st

from api import versions
from geo.synthetic import Generator

PLACE_FIELDS = ("place", "name", "kind", "size")
UNKNOWN = {"status": "unknown", "holder": None, "others": [], "since": None, "since_edtf": None, "since_label": "",
           "precision": None, "disputed": False, "sides": [], "evidence": []}


@pytest.fixture(autouse=True)
def generous(settings):
    """Every build of changes counts against the expensive rate: rates these tests never reach."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute", "anon_expensive": "1000000/minute"}}


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    return json.loads(response.content)


def looks(state):
    """What a reader sees of a state: the snapshot's fields without dates and evidence."""
    return (state["status"], state["holder"], state["others"],
            [{k: side[k] for k in ("status", "holder", "others")} for side in state["sides"]])


def expected_changes(client, start, end, known=""):
    """The difference of the two snapshots, as the changes endpoint should give it."""
    def snapshot(day):
        return {f["id"]: f for f in get_json(client, f"/api/v2/control/?at={day}{known}")["features"]}

    before, after = snapshot(start), snapshot(end)
    changes = {}
    for slug in sorted(before.keys() | after.keys()):
        old, new = before.get(slug), after.get(slug)
        old_state = {k: v for k, v in old["properties"].items() if k not in PLACE_FIELDS} if old else UNKNOWN
        new_state = {k: v for k, v in new["properties"].items() if k not in PLACE_FIELDS} if new else UNKNOWN
        if looks(old_state) != looks(new_state):
            shown = new or old
            changes[slug] = {"geometry": shown["geometry"], "from": old_state, "to": new_state,
                             "place": {k: shown["properties"][k] for k in PLACE_FIELDS}}
    return changes


def assert_changes_are_the_snapshots_difference(client, start, end, known=""):
    answer = get_json(client, f"/api/v2/changes/?from={start}&to={end}{known}")
    expected = expected_changes(client, start, end, known)
    assert [feature["id"] for feature in answer["features"]] == list(expected)
    for feature in answer["features"]:
        wanted, properties = expected[feature["id"]], feature["properties"]
        assert feature["geometry"] == wanted["geometry"]
        assert {k: properties[k] for k in PLACE_FIELDS} == wanted["place"]
        assert properties["from"] == wanted["from"] and properties["to"] == wanted["to"]
        new = properties["to"]
        assert properties["claims"] == sorted({e["claim"] for e in new["evidence"]} | {
            e["claim"] for side in new["sides"] for e in side["evidence"]})
    return answer


def test_changes_on_the_seed_list_both_states_and_the_deciding_claims(client, seeded):
    answer = assert_changes_are_the_snapshots_difference(client, "2017-11-01", "2017-11-20")
    assert (answer["type"], answer["from"], answer["to"], answer["known_at"]) == ("FeatureCollection", "2017-11-01", "2017-11-20", None)
    changed = {feature["id"]: feature["properties"] for feature in answer["features"]}
    assert "mosul" not in changed  # held by the Iraqi government throughout
    assert changed["deir-el-zour"]["from"]["status"] == "contested" and changed["deir-el-zour"]["to"]["holder"] == "syrian-government"
    assert changed["jamiyat"]["from"] == UNKNOWN  # no claim before 3 November
    assert changed["boukamal"]["claims"] == ["boukamal-2017-11-19-army-retakes"]
    # Repeated evidence of an unchanged state is no change (Boukamal still held by IS on 3 November).
    assert "boukamal" not in {f["id"] for f in get_json(client, "/api/v2/changes/?from=2017-11-01&to=2017-11-05")["features"]}
    assert get_json(client, "/api/v2/changes/?from=2017-11-05&to=2017-11-05")["features"] == []


def test_known_at_gives_the_changes_as_then_known(client, seeded):
    then = assert_changes_are_the_snapshots_difference(client, "2017-11-08", "2017-11-10", "&known_at=2017-11-10")
    boukamal = next(f["properties"] for f in then["features"] if f["id"] == "boukamal")
    assert boukamal["claims"] == ["boukamal-2017-11-09-army-declares-liberated"]
    now = get_json(client, "/api/v2/changes/?from=2017-11-08&to=2017-11-10")
    assert "boukamal" not in {f["id"] for f in now["features"]}  # the claim was superseded since


@pytest.mark.parametrize("url, parameter", [
    ("/api/v2/changes/?to=2017-11-20", "from"),
    ("/api/v2/changes/?from=2017-11-01", "to"),
    ("/api/v2/changes/?from=2017-11-20&to=2017-11-01", "to"),
    ("/api/v2/changes/?from=2017-11-31&to=2017-12-01", "from"),
    ("/api/v2/changes/?from=2017-11-01&to=2017-12-01&known_at=later", "known_at"),
    ("/api/v2/changes/?from=2017-11-01&to=2017-12-01&format=csv", "format"),
    ("/api/v2/changes/?from=2017-11-01&to=2017-12-01&since=2017", "since"),
])
def test_bad_parameters_are_a_400_naming_them(client, seeded, url, parameter):
    body = get_json(client, url, status=400)
    assert body["parameter"] == parameter and body["detail"] and body["accepted"]


def test_changes_answer_conditional_requests(client, seeded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        versions.bump()
    url = "/api/v2/changes/?from=2017-11-01&to=2017-11-20"
    first = client.get(url)
    assert first.status_code == 200 and first["Content-Type"] == "application/geo+json" and first["X-Cache"] == "miss"
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    again = client.get(url)
    assert again["X-Cache"] == "hit" and again.content == first.content


DAYS = st.integers(0, 5 * 365 + 60).map(lambda offset: dt.date(2013, 12, 1) + dt.timedelta(days=offset))


def test_changes_equal_the_difference_of_two_snapshots_on_synthetic_data(client, seeded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Generator(places=30, claims=700, seed=15).run()
    seen = []

    @hypothesis_settings(max_examples=25, deadline=None, database=None, derandomize=True,
                         suppress_health_check=list(HealthCheck))
    @given(DAYS, DAYS, st.one_of(st.none(), DAYS))
    def check(first, second, known_at):
        start, end = sorted((first, second))
        known = f"&known_at={known_at}" if known_at else ""
        seen.append(len(assert_changes_are_the_snapshots_difference(client, start, end, known)["features"]))

    check()
    assert len(seen) >= 25 and sum(count >= 10 for count in seen) >= 5  # many places changed in many spans
