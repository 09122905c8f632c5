"""Compressed answers: a client that accepts gzip gets the same answer gzipped, compressed once per body
(in a thread of its own, after the body is stored) and kept beside the plain one (api.caching), so that
no request pays for compressing megabytes."""
import gzip
import uuid

import pytest
from django.core.cache import cache
from django.test import override_settings

from api.caching import GZIPPED, compressions
from api.fastpath import local_bodies, shared_bodies

TIMELINE = "/api/v2/timeline/"
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}  # what a browser sends


@pytest.fixture(params=["local memory", "redis"])
def shared_cache(request):
    """Both shared caches the settings offer: local memory, and Redis under a prefix of this test's own."""
    if request.param == "local memory":
        yield
        return
    redis = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0",
                         "KEY_PREFIX": f"test-{uuid.uuid4().hex}", "OPTIONS": {"IGNORE_EXCEPTIONS": True}}}
    with override_settings(CACHES=redis, DATA_VERSION_CACHED=True):
        yield
        cache.delete_pattern("*")


def test_the_request_that_builds_a_body_gets_it_plain_and_the_next_ones_gzipped(client, seeded, shared_cache):
    built = client.get(TIMELINE, **GZIP)
    assert built.status_code == 200 and built["X-Cache"] == "miss" and "Content-Encoding" not in built
    compressions.wait()
    compressed = client.get(TIMELINE, **GZIP)
    assert compressed["X-Cache"] == "hit" and compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == built.content
    assert len(compressed.content) < len(built.content) / 2
    assert compressed["Content-Type"] == built["Content-Type"]
    again = client.get(TIMELINE, **GZIP)
    assert again.content == compressed.content and again["ETag"] == compressed["ETag"]
    # A client without gzip still gets the plain body, from the cache.
    plain = client.get(TIMELINE)
    assert plain["X-Cache"] == "hit" and "Content-Encoding" not in plain and plain.content == built.content
    for answer in (built, compressed, plain):
        assert {"Accept", "Accept-Encoding"} <= {name.strip() for name in answer["Vary"].split(",")}


def test_each_representation_has_its_tag_and_either_revalidates(client, seeded, shared_cache):
    plain = client.get(TIMELINE)
    assert client.get(TIMELINE, **GZIP).get("Content-Encoding") is None  # a plain body's copy is made when first asked for
    compressions.wait()
    compressed = client.get(TIMELINE, **GZIP)
    assert compressed["Content-Encoding"] == "gzip" and compressed["ETag"] != plain["ETag"]
    revalidated = client.get(TIMELINE, HTTP_IF_NONE_MATCH=compressed["ETag"], **GZIP)
    assert revalidated.status_code == 304 and revalidated["ETag"] == compressed["ETag"]
    revalidated = client.get(TIMELINE, HTTP_IF_NONE_MATCH=plain["ETag"], **GZIP)
    assert revalidated.status_code == 304 and revalidated["ETag"] == plain["ETag"]
    assert client.get(TIMELINE, HTTP_IF_NONE_MATCH='"v1-0000-gzip"', **GZIP).status_code == 200


@override_settings(API_CACHE_LOCAL_BYTES=64 * 1024 * 1024)
def test_the_gzipped_copy_is_kept_for_every_process(client, seeded, shared_cache):
    client.get(TIMELINE, **GZIP)
    compressions.wait()
    compressed = client.get(TIMELINE, **GZIP)
    kept = [key for key in local_bodies.keys() if key.endswith(GZIPPED) and local_bodies.get(key)[0] == compressed.content]
    assert len(kept) == 1 and shared_bodies.has(kept[0])


def test_an_answer_naming_the_moment_asked_for_goes_out_plain(client, seeded):
    """An answer as known at a moment names that moment, written into the cached body per request."""
    url = "/api/v2/timeline/?known_at=2017-11-10"
    plain = client.get(url)
    compressions.wait()
    answer = client.get(url, **GZIP)
    assert answer.status_code == 200 and "Content-Encoding" not in answer and answer.content == plain.content
    assert answer["ETag"] == plain["ETag"]


def test_a_short_answer_goes_out_plain(client, seeded):
    client.get("/api/v2/places/boukamal/", **GZIP)
    compressions.wait()
    answer = client.get("/api/v2/places/boukamal/", **GZIP)
    assert answer.status_code == 200 and len(answer.content) < 1024 and "Content-Encoding" not in answer
