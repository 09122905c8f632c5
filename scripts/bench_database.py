"""The benchmark of one database, run in a fresh child process per size and engine (bench.py starts it):
prepare the bench database, then measure the snapshot, the timeline, the place history and the query plans.

Its own module because it runs inside Django (set up by the child), while the parent never imports Django.
"""
import datetime as dt
import gc
import gzip
import json
import random
import statistics
import time

from bench_common import AT, BENCH_DIR, SEED, SIZES, TRANSACTION_CONTROL, ms, percentile


def prepare(size):
    import django

    django.setup()
    from django.core.management import call_command
    from geo.models import Actor, Claim, Place

    call_command("migrate", verbosity=0, interactive=False)
    if not Actor.objects.exists():
        call_command("load_seed", verbosity=0)
    result = {"generated": False}
    if SIZES[size] is not None:
        places, claims = SIZES[size]
        prefix = f"syn{SEED}-"
        have = (Place.objects.filter(slug__startswith=prefix).count(), Claim.objects.filter(key__startswith=prefix).count())
        if have != (places, claims):
            started = time.perf_counter()  # generation, then the prepared snapshots of the new places
            call_command("generate_synthetic", places=places, claims=claims, seed=SEED, replace=True, verbosity=0)
            result = {"generated": True, "seconds": round(time.perf_counter() - started, 1)}
    call_command("refresh_snapshots", verbosity=0)
    from django.db import connection

    if connection.vendor == "postgresql":  # what autovacuum does minutes after a bulk load
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) api_snapshotsegment")
    return result


# ---------------------------------------------------------------- child: measure one database

def measure(size, engine, quick):
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from geo import records
    from geo.models import Claim, Place

    runs = {"S": 20, "M": 20, "L": 10, "L2": 10, "XL": 5}[size]
    if quick:
        runs = max(3, runs // 3)
    client = Client()
    result = {"size": size, "engine": engine, "places": Place.objects.count(), "claims": Claim.objects.count()}
    counting_sql, counting_params = records._counting_sql("c", connection, None)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM geo_claim c WHERE {counting_sql}", counting_params)
        result["counting_claims"] = cursor.fetchone()[0]

    def timed(path, **headers):
        """As timeit does: the cyclic collector is off while a sample runs (a collection of earlier
        samples' garbage is not this one's cost) and runs between samples. No forced collection just
        before a sample: it empties the interpreter's free lists and caches, which added a millisecond
        to a request of one or two milliseconds, a cost no server pays."""
        gc.disable()
        try:
            started = time.perf_counter()
            response = client.get(path, **headers)
            if response.streaming:  # a large cached body, read out of Redis as it is sent: send it all
                for _ in response.streaming_content:
                    pass
            return time.perf_counter() - started, response
        finally:
            gc.enable()

    def uncached_samples(path):
        """`runs` server times of `path` with an empty response cache before each, and the last answer."""
        samples = []
        for _ in range(runs):
            cache.clear()
            seconds, response = timed(path)
            assert response.status_code == 200, response.content[:300]
            samples.append(seconds)
        return samples, response

    # Snapshot: uncached (empty response cache before each), cached, 304.
    url = f"/api/v2/control/?at={AT}"
    timed(url)  # warms connections, imports and the database's buffers
    uncached, response = uncached_samples(url)
    body = response.content
    cached, not_modified = [], []
    for _ in range(max(runs, 20)):
        seconds, hit = timed(url)
        assert hit.status_code == 200 and hit["X-Cache"] == "hit", hit.status_code
        cached.append(seconds)
        seconds, answer = timed(url, HTTP_IF_NONE_MATCH=hit["ETag"])
        assert answer.status_code == 304, answer.status_code
        not_modified.append(seconds)
    def queries_of(**headers):
        """Statements one request sends (an execute wrapper: the debug query log is capped)."""
        sent = []
        with connection.execute_wrapper(lambda execute, sql, *rest: (sent.append(sql), execute(sql, *rest))[1]):
            client.get(url, **headers)
        return len(sent)

    hit_queries, conditional_queries = queries_of(), queries_of(HTTP_IF_NONE_MATCH=hit["ETag"])

    # The same SQL, replayed raw: every statement of one uncached request, parameters as sent.
    statements = []

    def capture(execute, sql, params, many, context):
        if not sql.lstrip().upper().startswith(TRANSACTION_CONTROL):  # the replay runs in autocommit
            statements.append((sql, params))
        return execute(sql, params, many, context)

    cache.clear()
    with connection.execute_wrapper(capture):
        client.get(url)
    replay = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            started = time.perf_counter()
            for sql, params in statements:
                cursor.execute(sql, params)
                if cursor.description:
                    cursor.fetchall()
            replay.append(time.perf_counter() - started)
    at = dt.date.fromisoformat(AT)
    deciding, deciding_params = records.deciding_sql(at, connection=connection)
    deciding_times = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            started = time.perf_counter()
            cursor.execute(deciding, deciding_params)
            deciding_rows = len(cursor.fetchall())
            deciding_times.append(time.perf_counter() - started)
    features = json.loads(body)["features"]
    result["snapshot"] = {
        "url": url, "features": len(features), "deciding_claims": deciding_rows, "runs": runs,
        "uncached_ms": {"p50": ms(statistics.median(uncached)), "p95": ms(percentile(uncached, 0.95))},
        "cached_ms": {"p50": ms(statistics.median(cached)), "p95": ms(percentile(cached, 0.95))},
        "not_modified_ms": {"p50": ms(statistics.median(not_modified)), "p95": ms(percentile(not_modified, 0.95))},
        "queries_when_cached": hit_queries, "queries_when_304": conditional_queries,
        "queries_uncached": len(statements),
        "bytes": len(body), "gzip_bytes": len(gzip.compress(body, 6)),
        "raw_sql_ms": {"p50": ms(statistics.median(replay)), "p95": ms(percentile(replay, 0.95))},
        "deciding_sql_ms": {"p50": ms(statistics.median(deciding_times)), "p95": ms(percentile(deciding_times, 0.95))},
    }
    result["snapshot"]["ratio_to_raw_sql"] = round(statistics.median(uncached) / statistics.median(replay), 2)
    (BENCH_DIR / "static").mkdir(parents=True, exist_ok=True)
    (BENCH_DIR / "static" / f"snapshot-{size.lower()}-{engine}.json").write_bytes(body)

    # The same day as known then (?known_at=): resolved from the claims, as every snapshot was before
    # api.snapshots prepared them.
    resolved, _ = uncached_samples(f"{url}&known_at={AT}T23:59:59Z")
    result["snapshot"]["resolved_ms"] = {"p50": ms(statistics.median(resolved)), "p95": ms(percentile(resolved, 0.95))}

    segment_sql = next(sql for sql, _ in statements if "api_snapshotsegment s" in sql)
    segment_params = next(params for sql, params in statements if sql == segment_sql)

    # Query plans of the day's segments (as known now) and of the deciding query (as known then).
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {deciding}", deciding_params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {deciding}", deciding_params)
        plan_rows = cursor.fetchall()
    if connection.vendor == "postgresql":
        plan = [row[0] for row in plan_rows]
    else:
        depth = {0: -1}
        plan = []
        for node, parent, _, detail in plan_rows:
            depth[node] = depth.get(parent, -1) + 1
            plan.append("  " * depth[node] + detail)
    result["explain"] = {"sql": connection.ops.compose_sql(deciding, deciding_params) if connection.vendor == "postgresql"
                         else deciding, "plan": plan}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {segment_sql}", segment_params)
            result["explain_segments"] = [row[0] for row in cursor.fetchall()]
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {segment_sql}", segment_params)
            result["explain_segments"] = [row[3] for row in cursor.fetchall()]

    # Timeline: built uncached, then served from the cache.
    builds, record_builds, known_builds = [], [], []
    for _ in range(1 if size in ("XL",) or quick else 3):
        cache.clear()
        seconds, known = timed(f"/api/v2/timeline/?known_at={AT}")  # from the segments over knowledge time
        assert known.status_code == 200
        known_builds.append(seconds)
        cache.clear()
        seconds, response = timed("/api/v2/timeline/")
        assert response.status_code == 200
        builds.append(seconds)
        started = time.perf_counter()
        records.timeline()
        record_builds.append(time.perf_counter() - started)
    payload = response.content
    changes = len(json.loads(payload)["changes"]["place"])
    cached_timeline = [timed("/api/v2/timeline/")[0] for _ in range(10)]
    gz = len(gzip.compress(payload, 6))
    result["timeline"] = {
        "build_ms": ms(statistics.median(builds)), "records_timeline_ms": ms(statistics.median(record_builds)),
        "known_at_build_ms": ms(statistics.median(known_builds)),
        "cached_ms": ms(statistics.median(cached_timeline)), "bytes": len(payload), "gzip_bytes": gz,
        "changes": changes, "gzip_bytes_per_change": round(gz / changes, 2) if changes else None,
    }

    # Place history over random places that have claims.
    rng = random.Random(SEED)
    slugs = list(Place.objects.filter(claims__review="published").values_list("slug", flat=True).distinct().order_by("slug"))
    picked = rng.sample(slugs, min(len(slugs), 30 if not quick else 10))
    history = []
    for slug in picked:
        cache.clear()
        seconds, response = timed(f"/api/v2/places/{slug}/history/")
        assert response.status_code == 200, (slug, response.status_code)
        history.append(seconds)
    result["history"] = {"places": len(picked), "p50_ms": ms(statistics.median(history)), "p95_ms": ms(percentile(history, 0.95))}

    # Derived areas and changes between two days (bench_areas).
    from bench_areas import figures

    result["areas"] = figures(timed, cache, AT, quick)
    # What keeping the prepared snapshots costs: a full rebuild (after a bulk load), and resolving one
    # place again (after a publication, when its transaction commits). Last: it rewrites every segment.
    from api import snapshots
    from api.models import StalePlace

    started = time.perf_counter()
    segments = snapshots.rebuild()
    rebuild_seconds = time.perf_counter() - started
    refreshes = []
    with_claims = sorted(Place.objects.filter(claims__isnull=False).values_list("id", flat=True).distinct())
    for place_id in random.Random(SEED).sample(with_claims, min(10, len(with_claims))):
        StalePlace.objects.create(place_id=place_id)
        started = time.perf_counter()
        snapshots.refresh_stale()
        refreshes.append(time.perf_counter() - started)
    # Every table the prepared answers are read from, with its indexes (and TOAST on PostgreSQL).
    prepared = ("api_snapshotsegment", "api_knownsegment", "api_segmentplace", "api_segmentstate")
    if connection.vendor == "postgresql":
        size_sql = "SELECT " + " + ".join(f"pg_total_relation_size('{table}')" for table in prepared)
    else:
        size_sql = ("SELECT SUM(d.pgsize) FROM dbstat d JOIN sqlite_master m ON m.name = d.name "
                    f"WHERE m.tbl_name IN ({', '.join(repr(table) for table in prepared)})")
    with connection.cursor() as cursor:
        try:
            cursor.execute(size_sql)
            stored = cursor.fetchone()[0]
        except Exception:  # SQLite built without the dbstat table
            stored = None
    result["prepared"] = {
        "segments": segments, "stored_bytes": stored, "rebuild_s": round(rebuild_seconds, 2),
        "refresh_place_ms": {"p50": ms(statistics.median(refreshes)), "p95": ms(percentile(refreshes, 0.95))},
    }
    import resource

    result["measuring_process_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result
