"""The response cache's per-process copies (api.fastpath.bodies.LocalBodies): a process serves the bodies it
served last from its own memory, yet never an answer older than the record, in this process or in
another, never one the shared cache no longer holds, and never more bytes than the operator allowed."""
import datetime as dt
import json
import os
import secrets
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test import override_settings

from api.fastpath import local_bodies
from geo.models import Actor, Citation, Claim, Place, Source

ROOT = Path(__file__).resolve().parents[2]
URL = "/api/v2/control/?at=2017-11-20"


def publish_mosul_taken():
    """An editor publishes a claim that changes Mosul's holder on the snapshot's day."""
    with transaction.atomic():
        claim = Claim.objects.create(
            place=Place.objects.get(slug="mosul"), status="controlled", holder=Actor.objects.get(slug="islamic-state"),
            date=dt.date(2017, 11, 15), claimant="A test claimant", review="published",
        )
        Citation.objects.create(claim=claim, source=Source.objects.first(), quote="A test quote.")


def mosul_holder(body):
    return next(f for f in json.loads(body)["features"] if f["id"] == "mosul")["properties"]["holder"]


def redis_cache():
    """Redis as the shared cache, under a prefix of this test's own, as REDIS_URL configures it."""
    return {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0",
                        "KEY_PREFIX": f"test-{uuid.uuid4().hex}", "OPTIONS": {"IGNORE_EXCEPTIONS": True}}}


def empty_shared_cache():
    """What an operator's flush does (on Redis, only this test's keys: its clear() would flush the database)."""
    from django.core.cache import cache

    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    else:
        cache.clear()


@pytest.fixture(params=["local memory", "redis"])
def shared_cache(request):
    """Both shared caches the settings offer: local memory (the version read from the database) and
    Redis (the version read from it, as DATA_VERSION_CACHED does in production)."""
    if request.param == "local memory":
        yield
        return
    with override_settings(CACHES=redis_cache(), DATA_VERSION_CACHED=True):
        yield
        empty_shared_cache()


def test_a_publication_makes_the_next_answer_new_in_this_process(client, seeded, shared_cache,
                                                                 django_capture_on_commit_callbacks):
    first = client.get(URL)
    assert first.status_code == 200 and first["X-Cache"] == "miss" and mosul_holder(first.content) == "iraqi-government"
    hit = client.get(URL)
    assert hit["X-Cache"] == "hit" and hit.content == first.content and hit["ETag"] == first["ETag"]
    assert hit["Content-Type"] == first["Content-Type"] and hit["Vary"] == first["Vary"]
    with django_capture_on_commit_callbacks(execute=True):
        publish_mosul_taken()
    after = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200 and after["X-Cache"] == "miss" and after["ETag"] != first["ETag"]
    assert mosul_holder(after.content) == "islamic-state"
    again = client.get(URL)
    assert again["X-Cache"] == "hit" and again.content == after.content
    assert client.get(URL, HTTP_IF_NONE_MATCH=after["ETag"]).status_code == 304


def test_a_body_the_shared_cache_dropped_is_built_again(client, seeded, shared_cache):
    """Emptying the shared cache (or its expiry) is obeyed by every process, whatever copy it holds."""
    first = client.get(URL)
    assert client.get(URL)["X-Cache"] == "hit"
    empty_shared_cache()
    rebuilt = client.get(URL)
    assert rebuilt.status_code == 200 and rebuilt["X-Cache"] == "miss" and rebuilt.content == first.content


def test_redis_holds_each_body_as_it_was_sent(client, seeded):
    """A body is stored in Redis byte for byte (no pickled copy of megabytes), beside the headers it
    is served with, and both expire with the cache's timeout."""
    from django.core.cache import cache

    with override_settings(CACHES=redis_cache(), DATA_VERSION_CACHED=True, API_CACHE_LOCAL_BYTES=0):
        first = client.get(URL)
        assert first["X-Cache"] == "miss"
        redis = cache.client.get_client(write=True)
        (name,) = [cache.make_key(key) for key in cache.keys("controlmap:response:*") if not key.endswith(":headers")]
        assert redis.get(name) == first.content
        assert json.loads(redis.get(f"{name}:headers"))["Content-Type"] == first["Content-Type"] == "application/geo+json"
        assert 0 < redis.ttl(name) <= 24 * 3600 and 0 < redis.ttl(f"{name}:headers") <= 24 * 3600
        empty_shared_cache()


def test_a_body_larger_than_a_process_keeps_is_sent_from_redis_in_pieces(client, seeded, monkeypatch):
    """A hit on a body too large for this process's copies is read out of Redis piece by piece as it
    is sent (a 57 MB snapshot at XL): the reader gets every byte, with its length announced."""
    from api.fastpath.bodies import SharedBodies

    monkeypatch.setattr(SharedBodies, "PIECE", 1000)
    with override_settings(CACHES=redis_cache(), DATA_VERSION_CACHED=True, API_CACHE_LOCAL_BYTES=100):
        first = client.get(URL)
        hit = client.get(URL)
        assert hit["X-Cache"] == "hit" and hit.streaming and local_bodies.keys() == []
        assert hit["Content-Length"] == str(len(first.content)) and hit["Content-Type"] == first["Content-Type"]
        pieces = list(hit.streaming_content)
        assert len(pieces) == -(-len(first.content) // 1000) and b"".join(pieces) == first.content
        assert hit["ETag"] == first["ETag"]

        # The key goes (an operator's flush) while the answer is being sent: it fails, never ends short.
        hit = client.get(URL)
        stream = iter(hit.streaming_content)
        assert len(next(stream)) == 1000
        empty_shared_cache()
        with pytest.raises(RuntimeError, match="left the shared cache while being sent"):
            list(stream)
        assert client.get(URL)["X-Cache"] == "miss"
        empty_shared_cache()


def test_an_unreachable_redis_costs_speed_not_answers(client, seeded, caplog):
    unreachable = redis_cache()
    unreachable["default"]["LOCATION"] = f"redis://127.0.0.1:{free_port()}/0"
    with override_settings(CACHES=unreachable, API_CACHE_LOCAL_BYTES=0):
        answers = [client.get(URL) for _ in range(2)]
    assert [answer.status_code for answer in answers] == [200, 200]
    assert [answer["X-Cache"] for answer in answers] == ["miss", "miss"]
    assert answers[0].content == answers[1].content and mosul_holder(answers[0].content) == "iraqi-government"
    assert "shared cache unreachable" in caplog.text


def test_local_copies_stay_within_the_byte_bound(client, seeded):
    urls = [f"/api/v2/control/?at=2017-11-0{day}" for day in range(1, 5)]
    with override_settings(API_CACHE_LOCAL_BYTES=0):  # 0 keeps nothing: this process starts with no copies
        bodies = {url: client.get(url).content for url in urls}
        assert local_bodies.size == 0 and local_bodies.keys() == []
        assert client.get(urls[0])["X-Cache"] == "hit"
    empty_shared_cache()
    bound = len(bodies[urls[2]]) + len(bodies[urls[3]])  # room for the last two snapshots, not three
    with override_settings(API_CACHE_LOCAL_BYTES=bound):
        for url in urls:
            response = client.get(url)
            assert response["X-Cache"] == "miss" and response.content == bodies[url]
            assert local_bodies.size <= bound
        assert local_bodies.size == bound and len(local_bodies.keys()) == 2
        # The bodies no longer held here still come from the shared cache, unchanged.
        for url in urls:
            response = client.get(url)
            assert response["X-Cache"] == "hit" and response.content == bodies[url]
            assert local_bodies.size <= bound
    with override_settings(API_CACHE_LOCAL_BYTES=100):  # a body larger than the bound is not kept here
        assert client.get("/api/v2/control/?at=2017-11-05")["X-Cache"] == "miss"
        assert local_bodies.size == 0 and local_bodies.keys() == []
        assert client.get("/api/v2/control/?at=2017-11-05")["X-Cache"] == "hit"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"spatialite:///{s['NAME']}"
    return f"postgis://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def get(url, **headers):
    request = urllib.request.Request(url, headers={"Accept": "application/geo+json", **headers})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_a_publication_makes_the_next_answer_new_in_another_process(live_seeded):
    """The production server (one gunicorn worker, so every request reaches the process holding the
    copy) keeps the snapshot in its memory; an editor publishes from another process; the server's
    next answer is the new one."""
    env = {key: value for key, value in os.environ.items()
           if key not in {"TEST_DATABASE_NAME", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(DATABASE_URL=database_url(), DEBUG="0", SECRET_KEY=secrets.token_urlsafe(64), SECURE_SSL_REDIRECT="0",
               ALLOWED_HOSTS="127.0.0.1")
    port = free_port()
    server = subprocess.Popen([str(ROOT / ".venv/bin/gunicorn"), "controlmap.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1",
                               "--timeout", "60"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if get(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        status, first_headers, first = get(base + URL)
        assert status == 200 and first_headers["X-Cache"] == "miss" and mosul_holder(first) == "iraqi-government"
        status, headers, body = get(base + URL)
        assert status == 200 and headers["X-Cache"] == "hit" and body == first
        publish_mosul_taken()
        status, headers, body = get(base + URL, **{"If-None-Match": first_headers["ETag"]})
        assert status == 200 and headers["ETag"] != first_headers["ETag"] and headers["X-Cache"] == "miss"
        assert mosul_holder(body) == "islamic-state"
    finally:
        server.terminate()
        server.wait(timeout=30)
