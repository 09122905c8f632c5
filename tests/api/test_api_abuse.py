"""The public API as an anonymous attacker would try it: junk and hostile parameters, many spellings
of one request, floods of expensive answers, a forged X-Forwarded-For, a flood of /healthz, names
that reorder text. Nothing may answer 500, mint new cache entries or cost one build per spelling."""
import json
import threading
import time
import urllib.request
import uuid
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from api import snapshots
from api.fastpath import coalescing as builds_module
from api.fastpath import local_bodies
from controlmap import health as health_module
from geo.models import Place

ENDPOINTS = {
    "/api/v2/control/": ["at", "known_at", "actors", "bbox", "format", "lang"],
    "/api/v2/areas/": ["at", "known_at", "actors", "bbox", "format"],
    "/api/v2/timeline/": ["known_at", "lang"],
    "/api/v2/places/": ["q", "page", "page_size", "format", "lang"],
    "/api/v2/place-areas/": ["format"],
    "/api/v2/places/qaim/": ["at", "known_at", "format", "lang"],
    "/api/v2/places/qaim/history/": ["known_at", "lang"],
    "/api/v2/actors/": ["lang"],
    "/api/v2/sources/": ["page", "page_size"],
    "/api/v2/claims/": ["place", "actor", "status", "date_from", "date_to", "source", "page", "page_size", "format"],
    "/feeds/changes/": ["lang"],
}
PLAIN_PAGES = {"/api/v2/docs/": ["lang"]}  # its words and direction in the reader's language
FSI, PDI, RLO = "\u2068", "\u2069", "\u202e"


@pytest.fixture
def generous(settings):
    """Rates no test here reaches unless it means to."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute", "anon_expensive": "1000000/minute"}}


def rates(settings, anon="1000000/minute", expensive="1000000/minute"):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"anon": anon, "anon_expensive": expensive}}


def refusal(response, parameter):
    assert response.status_code == 400, (response.status_code, response.content[:300])
    body = response.json()
    assert body["parameter"] == parameter and body["detail"] and body["accepted"], body
    return body


# --- every parameter parsed: unknown, repeated, empty, non-ASCII digits -------------------------------

@pytest.mark.parametrize("url", [*ENDPOINTS, *PLAIN_PAGES])
def test_an_unknown_parameter_is_a_400_naming_it_and_listing_the_accepted_ones(client, seeded, url):
    body = refusal(client.get(url, {"junk": "1"}), "junk")
    assert "'junk'" in body["detail"]
    accepted = {**ENDPOINTS, **PLAIN_PAGES}.get(url)
    for name in accepted or []:
        assert name in body["accepted"]
    if not accepted:
        assert body["accepted"] == "no query parameters"


@pytest.mark.parametrize("url, name, value", [
    (url, name, value) for url, names in ENDPOINTS.items() for name in names[:2]
    for value in ["json" if name == "format" else "2017-11-03" if "at" in name or "date" in name else "1" if "page" in name else "qaim"]
])
def test_a_repeated_or_empty_parameter_is_a_400_naming_it(client, seeded, url, name, value):
    body = refusal(client.get(url, {name: [value, value]}), name)
    assert "given 2 times" in body["detail"]
    body = refusal(client.get(url, {name: ""}), name)
    assert "empty" in body["detail"]


@pytest.mark.parametrize("url, parameter", [
    ("/api/v2/claims/?page=%C2%B2", "page"),                                      # ² (superscript two)
    ("/api/v2/claims/?page_size=%D9%A3", "page_size"),                            # ٣ (Arabic-Indic three)
    ("/api/v2/control/?at=%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%97", "at"),           # ２０１７ (full-width)
    ("/api/v2/timeline/?known_at=%D9%A2%D9%A0%D9%A1%D9%A7-11-03", "known_at"),
    ("/api/v2/timeline/?known_at=0001-01-01T00:00:00%2B14:00", "known_at"),       # before year 1 in UTC
    ("/api/v2/control/?at=2017-11-03&known_at=9999-12-31T23:59:59-14:00", "known_at"),  # after 9999 in UTC
    ("/api/v2/claims/?page=" + "9" * 5000, "page"),
    ("/api/v2/claims/?place=qa%00im", "place"),
    ("/oembed/?url=http://testserver/&maxwidth=%C2%B2", "maxwidth"),
    ("/oembed/?url=http://testserver/&theme=dark", "theme"),
])
def test_what_used_to_be_a_500_or_a_silent_reading_is_a_400_naming_the_parameter(client, seeded, generous, url, parameter):
    refusal(client.get(url), parameter)


def test_the_schema_lists_exactly_the_parameters_each_endpoint_accepts():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    assert "at most once and not empty" in schema["info"]["description"]
    for path, operations in schema["paths"].items():
        view = resolve(path.replace("{slug}", "qaim")).func.view_class
        documented = {p["name"] for p in operations["get"].get("parameters", ()) if p["in"] == "query"}
        assert documented == set(view.query.names), path
        assert all(p["schema"].get("minLength") == 1 for p in operations["get"].get("parameters", ())
                   if p["in"] == "query" and p["schema"].get("type") == "string"), path


# --- cache keys from meanings --------------------------------------------------------------------------

def test_junk_parameters_mint_no_cache_entries(client, seeded, generous):
    before = len(local_bodies.keys())
    answers = [client.get("/api/v2/control/", {"at": "2017-11-03", "junk": n}) for n in range(20)]
    assert {a.status_code for a in answers} == {400}
    assert len(local_bodies.keys()) == before


@pytest.mark.parametrize("base, spellings", [
    ("/api/v2/control/?at=2017-11-05&", ["known_at=2017-11-03T10:00%2B03:00", "known_at=2017-11-03T07:00:00Z",
                                         "known_at=2017-11-03T07:00:00.000%2B00:00", "known_at=2017-11-03 07:00Z"]),
    ("/api/v2/control/?", ["at=2017-11", "at=2017-11-01", "at=2017-11-01T12:00:00-05:00"]),
    ("/api/v2/claims/?", ["date_to=2017-11&place=boukamal", "place=boukamal&date_to=2017-11-30"]),
    ("/api/v2/control/?at=2017-11-05&", ["actors=islamic-state,syrian-government", "actors=syrian-government,islamic-state",
                                         "actors=syrian-government,islamic-state,syrian-government"]),
])
def test_spellings_of_one_request_share_one_answer(client, seeded, generous, base, spellings):
    answers = [client.get(base + spelling) for spelling in spellings]
    assert [a.status_code for a in answers] == [200] * len(spellings)
    assert [a["X-Cache"] for a in answers] == ["miss"] + ["hit"] * (len(spellings) - 1)
    assert len({a.content for a in answers}) == 1 and len({a["ETag"] for a in answers}) == 1


def test_a_different_meaning_is_a_different_answer(client, seeded, generous):
    """date_to=2017-11 means up to 30 November; date_to=2017-11-01 only up to the 1st."""
    month = client.get("/api/v2/claims/?place=boukamal&date_to=2017-11")
    first = client.get("/api/v2/claims/?place=boukamal&date_to=2017-11-01")
    assert first["X-Cache"] == "miss" and first.json()["count"] < month.json()["count"]


def test_moments_between_two_publications_share_one_build_and_each_names_its_own_moment(client, seeded, generous, monkeypatch):
    built = []
    timeline_changes = snapshots.timeline_changes  # read from the segments over knowledge time
    monkeypatch.setattr(snapshots, "timeline_changes", lambda known_at=None: built.append(known_at) or timeline_changes(known_at))
    moments = ["2017-11-03T07:00:01Z", "2017-11-03T07:03:00Z", "2017-11-03T07:07:59.5Z"]  # the next one is 07:08
    answers = [client.get("/api/v2/timeline/", {"known_at": m}) for m in moments]
    assert len(built) == 1 and [a["X-Cache"] for a in answers] == ["miss", "hit", "hit"]
    assert [a.json()["known_at"] for a in answers] == ["2017-11-03T07:00:01+00:00", "2017-11-03T07:03:00+00:00",
                                                       "2017-11-03T07:07:59.500000+00:00"]
    assert len({a["ETag"] for a in answers}) == 3  # each its own representation
    for moment, shared in zip(moments, answers):
        cache.clear()
        fresh = client.get("/api/v2/timeline/", {"known_at": moment})
        assert fresh["X-Cache"] == "miss" and fresh.content == shared.content
    after = client.get("/api/v2/timeline/", {"known_at": "2017-11-03T07:08:00Z"})  # a publication: another record
    assert after.json()["known_at"] == "2017-11-03T07:08:00+00:00"


# --- floods: expensive builds, forged addresses ----------------------------------------------------------

def test_expensive_builds_have_their_own_lower_limit_and_cached_answers_do_not_count(client, seeded, settings):
    rates(settings, expensive="2/minute")
    first = client.get("/api/v2/timeline/?known_at=2015-01-01")
    assert first.status_code == 200 and client.get("/api/v2/control/?at=2017-11-05&known_at=2017-11-20").status_code == 200
    refused = client.get("/api/v2/timeline/?known_at=2017-11-10")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert client.get("/api/v2/timeline/?known_at=2015-01-01")["X-Cache"] == "hit"  # built already: no limit
    assert client.get("/api/v2/control/?at=2017-11-05&format=csv").status_code == 429  # the whole map as CSV
    assert client.get("/api/v2/control/?at=2017-11-06", HTTP_ACCEPT="text/csv").status_code == 429
    for url in ["/api/v2/control/?at=2017-11-05", "/api/v2/timeline/", "/api/v2/claims/?format=csv"]:
        assert client.get(url).status_code == 200, url
    assert client.get("/api/v2/timeline/?known_at=2017-11-10", REMOTE_ADDR="192.0.2.9").status_code == 200


def test_a_forged_x_forwarded_for_does_not_reset_the_anonymous_limit(client, seeded, settings):
    rates(settings, anon="3/minute")
    answers = [client.get("/api/v2/actors/", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}") for n in range(5)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429, 429]
    assert client.get("/api/v2/actors/", REMOTE_ADDR="192.0.2.7").status_code == 200  # another client counts apart


# --- concurrent identical builds: one builds, the others wait for its body ----------------------------

@pytest.fixture
def slow_builds(monkeypatch):
    """Each timeline build takes half a second more, so concurrent requests overlap for sure."""
    built = []
    timeline_changes = snapshots.timeline_changes

    def slow(known_at=None):
        built.append(known_at)
        time.sleep(0.5)
        return timeline_changes(known_at)

    monkeypatch.setattr(snapshots, "timeline_changes", slow)
    return built


def fetch(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.status, response.headers["X-Cache"], response.read()


@pytest.mark.parametrize("concurrent", [8])
def test_concurrent_identical_requests_cause_one_build(live_seeded, live_server, generous, slow_builds, concurrent):
    urls = [f"{live_server.url}/api/v2/timeline/?known_at=2017-11-10T12:00:00Z"] * concurrent
    # Spellings and moments of one record too: they share the build.
    urls += [f"{live_server.url}/api/v2/timeline/?known_at=2017-11-10T{h:02d}:30:00%2B03:00" for h in range(13, 17)]
    start = builds_module.builds.started
    with ThreadPoolExecutor(len(urls)) as pool:
        answers = list(pool.map(fetch, urls))
    assert [status for status, _, _ in answers] == [200] * len(urls)
    assert len(slow_builds) == 1 and builds_module.builds.started - start == 1
    assert sorted(cached for _, cached, _ in answers) == ["hit"] * (len(urls) - 1) + ["miss"]
    assert len({body for _, _, body in answers[:concurrent]}) == 1


def redis_cache():
    return {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0",
                        "KEY_PREFIX": f"test-{uuid.uuid4().hex}", "OPTIONS": {"IGNORE_EXCEPTIONS": True}}}


def test_another_process_waits_for_the_build_on_redis_and_builds_itself_if_it_fails(db):
    """Two Builds are two processes' views of one Redis: the second waits for the first's body."""
    with override_settings(CACHES=redis_cache()):
        first, second = builds_module.Builds(), builds_module.Builds()
        for outcome in ("body", None):
            key = f"test:{uuid.uuid4().hex}"
            answer, lease = first.lease(key, lambda: cache.get(key))
            assert answer is None and lease is not None
            waited = {}
            waiter = threading.Thread(target=lambda: waited.update(result=second.lease(key, lambda: cache.get(key))))
            waiter.start()
            time.sleep(0.3)
            assert waiter.is_alive()  # waiting, not building
            if outcome:
                cache.set(key, outcome)
            lease.release()
            waiter.join(10)
            answer, second_lease = waited["result"]
            if outcome:
                assert answer == "body" and second_lease is None
            else:  # the builder ended without a body: the waiter builds
                assert answer is None and second_lease is not None
                second_lease.release()
        cache.delete_pattern("*")


def test_an_unreachable_shared_cache_makes_nobody_wait(db):
    cache_settings = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0",
                                  "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2}}}
    with override_settings(CACHES=cache_settings):
        started = time.monotonic()
        answer, lease = builds_module.Builds().lease("test:any", lambda: None)
        assert answer is None and lease is not None and time.monotonic() - started < 2
        lease.release()


# --- no 500 on any parameter: hostile values on every endpoint ---------------------------------------

DIGITS = "0123456789²³¹٠١٢٣٤٥٦٧٨٩０１２３４５６７８９۱۲߂"
HOSTILE = st.one_of(
    st.text(st.sampled_from(DIGITS), min_size=1, max_size=12),
    st.builds("{}-{}-{}T{}:59:59{}{}".format, st.sampled_from(["0001", "9999", "0000", "2017", "١٩٩٩"]),
              st.sampled_from(["01", "12", "13", "00", "٠٢"]), st.sampled_from(["01", "31", "29", "32"]),
              st.sampled_from(["00", "23", "24"]), st.sampled_from(["", ".999999", ".0000001", ",5"]),
              st.sampled_from(["Z", "+14:00", "-14:00", "+23:59", "-23:59", "+24:00", "", "+00:00"])),
    st.sampled_from(["0001", "9999", "9999-12", "0001-01-01", "9999-12-31", "10000-01-01", "-2017", "2017-02-29"]),
    st.integers(-10 ** 30, 10 ** 30).map(str),
    st.sampled_from(["9" * 5000, "nan", "inf", "-0", "1e309", "0x10", "1_000", " 1", "+1", "-180,-90,180,90", "1e400,0,0,0",
                     "a,,b", ",", "\u202eqaim", "qaim\u0000", "%", "'; --", "\ufeff2017"]),
    st.just(""),
    st.text(max_size=20),
)


@pytest.mark.parametrize("url", list(ENDPOINTS))
def test_hostile_values_on_every_parameter_are_never_a_server_error(client, seeded, generous, url):
    names = ENDPOINTS[url] + ["junk"]

    @hypothesis_settings(max_examples=120, deadline=None, database=None, derandomize=True,
                         suppress_health_check=list(HealthCheck))
    @given(query=st.dictionaries(st.sampled_from(names), st.lists(HOSTILE, min_size=1, max_size=2), min_size=1, max_size=3))
    def check(query):
        response = client.get(url, query)
        assert response.status_code < 500, (query, response.content[:500])
        if response.status_code == 400:
            body = json.loads(response.content)
            assert body["parameter"] in query and body["detail"], (query, body)

    check()


# --- /healthz -------------------------------------------------------------------------------------------

def test_healthz_tells_anonymous_callers_only_up_or_down_and_a_flood_costs_no_queries(client, seeded, monkeypatch):
    monkeypatch.setattr(health_module, "health", health_module.Health())
    with CaptureQueriesContext(connection) as queries:
        answers = [client.get("/healthz") for _ in range(100)]
    assert {a.status_code for a in answers} == {200}
    assert answers[0].json() == {"status": "up", "version": health_module.VERSION}
    assert len(queries) == 1 and health_module.health.checks == 1
    monkeypatch.setattr(health_module, "HEALTH_CACHE_SECONDS", 0.1)
    time.sleep(0.15)
    client.get("/healthz")
    assert health_module.health.checks == 2  # checked again once the answer is a few seconds old
    forged = client.get("/healthz", HTTP_COOKIE="sessionid=forged")
    assert forged.json() == {"status": "up", "version": health_module.VERSION}


def test_healthz_gives_staff_the_details_and_other_users_only_up_or_down(client, seeded, django_user_model):
    editor = django_user_model.objects.create_user("writer", password="x" * 20)
    client.force_login(editor)
    assert set(client.get("/healthz").json()) == {"status", "version"}
    editor.is_staff = True
    editor.save()
    body = client.get("/healthz").json()
    assert body["status"] == "up" and body["database"] == "reachable" and body["counts"]["places"] == 8


# --- the Atom feed: names isolated for bidirectional text ---------------------------------------------

def test_a_right_to_left_override_in_a_name_cannot_scramble_a_feed_title(client, seeded):
    Place.objects.filter(slug="boukamal").update(name=f"Bou{RLO}kamal")
    response = client.get("/feeds/changes/")
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    entries = ET.fromstring(response.content).findall("atom:entry", ns)
    titles = [entry.find("atom:title", ns).text for entry in entries]
    scrambling = [title for title in titles if RLO in title]
    assert scrambling
    for title in scrambling:
        assert title.startswith(f"{FSI}Bou{RLO}kamal{PDI}: ")  # the override ends with the isolate around the name
    for entry in entries:
        title = entry.find("atom:title", ns).text
        assert title.count(FSI) == title.count(PDI) >= 1
        assert entry.find("atom:author/atom:name", ns).text.startswith(FSI)
