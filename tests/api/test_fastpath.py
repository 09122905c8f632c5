"""api.fastpath's touches of private parts of Django, DRF, psycopg and django-redis, each pinned:
the shape it relies on (an attribute, a method and its parameters), beside what it buys, so an
upgrade that moves one fails here by name rather than silently costing memory or speed."""
import gc
import inspect
import time
import uuid
import weakref

import psycopg
import pytest
import redis
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorDebugWrapper, CursorWrapper
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle

from api.fastpath import PublicThrottle, chunked_cursor, gc_paused, shared_bodies, stream_rows
from api.views import ControlView
from geo.models import Place


# ------------------------------------------------------------------ memory: DRF's cycles, Django's closers

def test_a_response_calls_its_closers_when_the_server_closes_it(db):
    """Django's HttpResponseBase keeps `_resource_closers`, a list it calls, then clears, on close()."""
    response = HttpResponse(b"body")
    called = []
    assert isinstance(response._resource_closers, list)
    response._resource_closers.append(lambda: called.append(True))
    response.close()
    assert called == [True] and response._resource_closers == []


def test_a_sent_answer_is_freed_at_once_not_at_the_next_collection(seeded):
    """DRF ties a view and its response together (view.response, the renderer context's "view" and
    "response"); once sent and closed, nothing keeps the response (its body, its data) alive, even
    with the cyclic collector off."""
    request = RequestFactory().get("/api/v2/control/", {"at": "2017-11-20"})
    gc.collect()
    gc.disable()
    try:
        response = ControlView.as_view()(request)
        assert response.status_code == 200 and response["X-Cache"] == "miss" and response.content
        view = response.renderer_context["view"]
        assert view.response is response and response.renderer_context["response"] is response
        del view
        sent = weakref.ref(response)
        response.close()
        del response
        assert sent() is None
    finally:
        gc.enable()


def test_gc_paused_pauses_the_collector_for_the_build_only():
    @gc_paused()
    def build():
        return gc.isenabled()

    assert gc.isenabled() and build() is False and gc.isenabled()
    gc.disable()
    try:
        assert build() is False and not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


# ------------------------------------------------------------------ streaming: psycopg through Django's cursor

def test_django_and_psycopg_offer_what_the_stream_goes_through():
    assert list(inspect.signature(CursorWrapper._execute_with_wrappers).parameters) == ["self", "sql", "params", "many", "executor"]
    assert list(inspect.signature(CursorDebugWrapper.debug_sql).parameters)[:3] == ["self", "sql", "params"]
    assert callable(BaseDatabaseWrapper.validate_no_broken_transaction)
    assert callable(BaseDatabaseWrapper.chunked_cursor)
    assert "size" in inspect.signature(psycopg.Cursor.stream).parameters
    assert callable(psycopg.adapt.Loader.load) and isinstance(psycopg.pq.version(), int)


def test_streamed_rows_go_through_the_wrappers_and_the_query_log(seeded):
    """The rows are those of a plain query (text as the bytes sent, on PostgreSQL), and the query is
    seen by execute wrappers and logged, as cursor.execute's are."""
    sql = "SELECT CAST(slug AS TEXT) FROM geo_place ORDER BY slug"
    slugs = sorted(Place.objects.values_list("slug", flat=True))
    seen = []

    def wrapper(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with CaptureQueriesContext(connection) as logged, connection.execute_wrapper(wrapper), connection.cursor() as cursor:
        assert isinstance(cursor, CursorDebugWrapper) and cursor.db.alias == connection.alias and cursor.cursor is not None
        rows = [slug for slug, in stream_rows(cursor, sql, [])]
    expected = [slug.encode() for slug in slugs] if connection.vendor == "postgresql" else slugs
    assert rows == expected and len(rows) > 1
    assert seen == [sql] and [query["sql"] for query in logged.captured_queries] == [sql]
    with connection.cursor() as cursor, pytest.raises(DatabaseError):  # Django's error, not the driver's
        list(stream_rows(cursor, "SELECT slug FROM no_such_table", []))


def test_a_chunked_cursor_reads_every_row(seeded):
    with chunked_cursor(connection) as cursor:
        cursor.execute("SELECT slug FROM geo_place ORDER BY slug")
        rows = []
        while chunk := cursor.fetchmany(3):
            rows.extend(slug for slug, in chunk)
    assert rows == sorted(Place.objects.values_list("slug", flat=True))


# ------------------------------------------------------------------ bodies: django-redis's raw client

def test_redis_bodies_go_through_django_redis_raw_client_under_djangos_key(db):
    """A body is stored as its bytes under Django's key for it (prefix included), through
    django-redis's client, and the cache's own delete_pattern reaches it."""
    caches = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0",
                          "KEY_PREFIX": f"test-{uuid.uuid4().hex}", "OPTIONS": {"IGNORE_EXCEPTIONS": True}}}
    with override_settings(CACHES=caches):
        client = cache.client.get_client(write=True)
        assert isinstance(client, redis.Redis)
        name = cache.make_key("body")
        assert name != "body" and name.endswith(":body")
        shared_bodies.put("body", b"\x00a body\xff", {"Content-Type": "application/json"}, 60)
        assert client.get(name) == b"\x00a body\xff"
        assert shared_bodies.has("body") and shared_bodies.get("body", whole_up_to=100) == (b"\x00a body\xff", {"Content-Type": "application/json"})
        cache.delete_pattern("*")
        assert not shared_bodies.has("body") and shared_bodies.get("body", whole_up_to=100) is None


# ------------------------------------------------------------------ throttles: DRF's SimpleRateThrottle

def test_drf_throttles_keep_the_attributes_the_fixed_window_counts_on():
    throttle = AnonRateThrottle()
    for name in ("rate", "num_requests", "duration", "cache", "timer", "scope"):
        assert hasattr(throttle, name), name
    assert list(inspect.signature(AnonRateThrottle.get_cache_key).parameters) == ["self", "request", "view"]


def test_a_client_costs_one_counter_per_window(db):
    request = Request(RequestFactory().get("/api/v2/actors/", REMOTE_ADDR="192.0.2.9"))
    with override_settings(REST_FRAMEWORK={"DEFAULT_THROTTLE_RATES": {"anon": "2/minute"}}):
        throttle = PublicThrottle()
        assert (throttle.num_requests, throttle.duration) == (2, 60)
        now = time.time()
        throttle.timer = lambda: now
        assert [throttle.allow_request(request, None) for _ in range(3)] == [True, True, False]
        counter = f"{throttle.get_cache_key(request, None)}:{int(now // 60)}"
        assert cache.get(counter) == 3
        assert 0 < throttle.wait() <= 60
