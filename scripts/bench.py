#!/usr/bin/env python
"""ControlMap's benchmark (issue 8): `make bench` writes BENCHMARKS.md and BENCHMARKS.json.

For each size (S: the seed; M, L, XL: synthetic data from `manage.py generate_synthetic`; L2: L's
places with twice the claims, to separate growth with claims from growth with places) on PostGIS,
and up to L on SpatiaLite, it measures in a fresh process per database:
  - the control snapshot at one date: server time (Django's test client, no network) uncached,
    cached and answered 304, bytes raw and gzipped, and the same SQL replayed raw (the lower bound);
  - the timeline payload: build time, bytes, bytes per change;
  - the place history: p50 and p95 over random places;
  - the query plans (EXPLAIN) of the deciding query.
Then, against a real gunicorn on loopback (2 workers, Redis cache when reachable): throughput and
p99 under wrk (bounded in time) for the snapshot uncached, cached and a static file of the same
size from the same server; the workers' peak resident memory; and at L the map in headless
Chromium: time to first render and playback frame times from requestAnimationFrame timestamps.

Bench data lives in its own databases (PostgreSQL cm_bench_<size>, SpatiaLite data/bench/<size>.sqlite3),
made on first use and kept: tests and the development database are never touched.

Usage: .venv/bin/python scripts/bench.py [--sizes S,M,L,L2,XL] [--engines postgis,spatialite]
                                         [--no-browser] [--no-load] [--quick]
       .venv/bin/python scripts/bench.py --browser-url http://127.0.0.1:8000 [--quick]
         (only the map in Chromium, against a server already running: to compare front-end changes)
"""
import argparse
import datetime as dt
import gc
import gzip
import json
import os
import platform
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
BENCH_DIR = ROOT / "data" / "bench"
SEED = 8  # the synthetic data set's seed (its rows are named syn8-...)
SIZES = {  # name: (places, claims) of synthetic data on top of the seed; None: the seed alone
    "S": None, "M": (1_000, 20_000), "L": (10_000, 200_000), "L2": (10_000, 400_000), "XL": (50_000, 1_000_000),
}
SQLITE_SIZES = {"S", "M", "L"}
AT = "2016-06-15"  # the snapshot date: mid-way through the synthetic record (2014-2018)
REDIS_BENCH_URL = "redis://127.0.0.1:6379/15"
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "SET LOCAL")


# ---------------------------------------------------------------- helpers shared by both sides

def percentile(values, fraction):
    """Nearest-rank percentile (the p95 of 20 samples is the 19th smallest)."""
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[max(0, min(len(ordered) - 1, int(round(fraction * len(ordered) + 0.5)) - 1))]


def ms(seconds):
    return round(seconds * 1000, 2)


def child_env(database_url, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_REPLICA_URLS", "TEST_DATABASE_NAME")}
    env.update({
        "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "controlmap.settings", "PYTHONPATH": str(ROOT),
        "DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(64), "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost", "API_THROTTLE_ANON": "100000000/minute",
        "LOG_LEVEL": "ERROR", "CONN_MAX_AGE": "600",
    })
    env.update(extra)
    return env


def database_url(size, engine, postgis_base):
    if engine == "spatialite":
        return f"spatialite:///{BENCH_DIR / (size.lower() + '.sqlite3')}"
    parts = urlsplit(postgis_base)
    return urlunsplit(parts._replace(path=f"/cm_bench_{size.lower()}"))


# ---------------------------------------------------------------- child: prepare one database

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
    url = f"/api/v1/control/?at={AT}"
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
    builds, record_builds = [], []
    for _ in range(1 if size in ("XL",) or quick else 3):
        cache.clear()
        seconds, response = timed("/api/v1/timeline/")
        assert response.status_code == 200
        builds.append(seconds)
        started = time.perf_counter()
        records.timeline()
        record_builds.append(time.perf_counter() - started)
    payload = response.content
    changes = len(json.loads(payload)["changes"]["place"])
    cached_timeline = [timed("/api/v1/timeline/")[0] for _ in range(10)]
    gz = len(gzip.compress(payload, 6))
    result["timeline"] = {
        "build_ms": ms(statistics.median(builds)), "records_timeline_ms": ms(statistics.median(record_builds)),
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
        seconds, response = timed(f"/api/v1/places/{slug}/history/")
        assert response.status_code == 200, (slug, response.status_code)
        history.append(seconds)
    result["history"] = {"places": len(picked), "p50_ms": ms(statistics.median(history)), "p95_ms": ms(percentile(history, 0.95))}
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
    size_sql = ("SELECT pg_total_relation_size('api_snapshotsegment')" if connection.vendor == "postgresql"
                else "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE '%snapshotsegment%'")
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


# ---------------------------------------------------------------- parent: servers, load, browser

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_available():
    try:
        import redis

        client = redis.Redis.from_url(REDIS_BENCH_URL, socket_timeout=2)
        client.flushdb()  # the bench's own Redis database: versions of different bench databases would collide
        return True
    except Exception:
        return False


class Server:
    """gunicorn on loopback with 2 sync workers (one per core), the bench's Redis cache if there is one."""

    def __init__(self, url, workers=2):
        self.port = free_port()
        self.redis = redis_available()
        env = child_env(url, **({"REDIS_URL": REDIS_BENCH_URL} if self.redis else {}))
        env["BENCH_STATIC_DIR"] = str(BENCH_DIR / "static")
        self.process = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "--chdir", str(ROOT), "--pythonpath", str(ROOT / "scripts"),
             "--workers", str(workers), "--bind", f"127.0.0.1:{self.port}", "--timeout", "300", "--log-level", "warning",
             "bench_wsgi:application"],
            env=env, cwd=ROOT, start_new_session=True,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def peak_rss_mb(self):
        """The largest peak resident size (VmHWM) among the workers."""
        peaks = []
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
        return round(max(peaks), 1) if peaks else None

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


UNCACHED_LUA = """
-- Each request asks for another day, so none is answered from the response cache.
local thread_id = 0
local counter = 0
function setup(thread) thread:set("thread_id", thread_id); thread_id = thread_id + 1 end
function request()
  counter = counter + 1
  local day = os.date("!%Y-%m-%d", 1388534400 + ((counter * 2 + thread_id) % 1800) * 86400)
  return wrk.format("GET", "/api/v1/control/?at=" .. day)
end
"""


def wrk(url, seconds, connections=4, script=None):
    """Requests per second and latency percentiles (ms) from wrk, or None without wrk."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "--latency"]
    if script:
        path = BENCH_DIR / "uncached.lua"
        path.write_text(script)
        command += ["-s", str(path)]
    try:
        output = subprocess.run(command + [url], capture_output=True, text=True, timeout=seconds + 120).stdout
    except FileNotFoundError:
        return None
    unit = {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}

    def latency(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        return round(float(match.group(1)) * unit[match.group(2)], 2) if match else None

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    requests = re.search(r"(\d+) requests in", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": float(rps.group(1)) if rps else 0.0, "requests": int(requests.group(1)) if requests else 0,
            "p50_ms": latency("50"), "p99_ms": latency("99"), "errors": int(errors.group(1)) if errors else 0,
            "connections": connections, "seconds": seconds}


def load_test(server, size, quick):
    import urllib.request

    seconds = 5 if quick else 10
    snapshot = f"{server.base}/api/v1/control/?at={AT}"
    with urllib.request.urlopen(snapshot, timeout=300) as response:  # fills the cache
        body = response.read()
    static_name = f"same-size-{size.lower()}.json"
    (BENCH_DIR / "static" / static_name).write_bytes(body)
    result = {"bytes": len(body), "cache": "redis" if server.redis else "locmem (per worker)", "workers": 2}
    result["static"] = wrk(f"{server.base}/bench-static/{static_name}", seconds)
    result["cached"] = wrk(snapshot, seconds)
    result["uncached"] = wrk(f"{server.base}/api/v1/control/", seconds * 2, connections=2, script=UNCACHED_LUA)
    if result["static"] and result["cached"] and result["static"]["rps"]:
        result["cached_to_static"] = round(result["cached"]["rps"] / result["static"]["rps"], 2)
    return result


def browser_test(server, quick):
    """First render and playback frame times at L in headless Chromium (the tests' flags, local only)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_conftest", ROOT / "tests" / "conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    from playwright.sync_api import sync_playwright

    result = {"loads": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=conftest.CHROMIUM, args=conftest.CHROMIUM_ARGS, headless=True)
        try:
            for attempt in range(3 if quick else 5):
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                context.route("**/*", conftest.block_non_local)
                page = context.new_page()
                page.goto(f"{server.base}/?at=2014-01-01", wait_until="commit")
                page.wait_for_selector("body[data-ready='true']", timeout=120_000)
                timing = page.evaluate("""() => ({
                    mark: performance.getEntriesByName('controlmap-first-render')[0]?.startTime,
                    module: Number(document.body.dataset.firstRenderMs) })""")
                result["loads"].append({"navigation_to_render_ms": round(timing["mark"], 1), "module_to_render_ms": timing["module"]})
                if attempt < (2 if quick else 4):
                    context.close()
            # Playback at the default speed, frames timed by requestAnimationFrame.
            for label, speed_index in (("default", None), ("fastest", -1)):
                if speed_index is not None:
                    options = page.locator(".tl-speed-select option")
                    page.select_option(".tl-speed-select", options.nth(options.count() - 1).get_attribute("value"))
                page.evaluate("""() => { window.__frames = []; const tick = (t) => { window.__frames.push(t);
                    if (window.__recording) requestAnimationFrame(tick); }; window.__recording = true; requestAnimationFrame(tick); }""")
                page.click(".tl-play")
                page.wait_for_timeout(4000 if quick else 8000)
                frames = page.evaluate("() => { window.__recording = false; return window.__frames; }")
                if page.get_attribute(".tl-play", "aria-label") == "Pause":
                    page.click(".tl-play")
                page.wait_for_timeout(300)
                gaps = [b - a for a, b in zip(frames, frames[1:])][1:]  # the first gap includes the click
                result[f"playback_{label}"] = {
                    "frames": len(gaps), "p50_ms": round(statistics.median(gaps), 2), "p95_ms": round(percentile(gaps, 0.95), 2),
                    "max_ms": round(max(gaps), 2),
                }
                page.goto(f"{server.base}/?at=2014-01-01", wait_until="commit")
                page.wait_for_selector("body[data-ready='true']", timeout=120_000)
            context.close()
        finally:
            browser.close()
    renders = [load["navigation_to_render_ms"] for load in result["loads"]]
    result["first_render_cold_ms"] = renders[0]
    result["first_render_warm_p50_ms"] = round(statistics.median(renders[1:]), 1)
    return result


# ---------------------------------------------------------------- parent: orchestration and report

def run_child(command, size, engine, url, **env):
    output = subprocess.run([str(PYTHON), str(Path(__file__).resolve()), command, size, engine] + (["--quick"] if ARGS.quick else []),
                            env=child_env(url, **env), cwd=ROOT, capture_output=True, text=True)
    if output.returncode != 0:
        raise RuntimeError(f"{command} {size} {engine} failed:\n{output.stdout[-2000:]}\n{output.stderr[-4000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def ensure_postgres_database(postgis_base, name):
    import psycopg

    parts = urlsplit(postgis_base)
    admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(urlunsplit(parts._replace(scheme="postgresql", path=f"/{name}")), autocommit=True) as connection:
        connection.execute("SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS postgis")


def ensure_shared_buffers(postgis_base):
    """PostgreSQL's buffer cache at a quarter of the memory (at most 4 GB), the manual's starting
    point for a database server; Debian's default of 128 MB holds none of XL's snapshot segments
    (1.3 GB), so every snapshot would copy 48,000 pages in from the kernel's cache. Raised (and the
    local cluster restarted) only when lower. Returns the setting in MB."""
    import psycopg

    with open("/proc/meminfo") as meminfo:
        total_mb = int(meminfo.readline().split()[1]) // 1024
    wanted_mb = min(total_mb // 4, 4096)
    conninfo = urlunsplit(urlsplit(postgis_base)._replace(scheme="postgresql"))
    with psycopg.connect(conninfo, autocommit=True) as connection:
        pages = int(connection.execute("SELECT setting FROM pg_settings WHERE name = 'shared_buffers'").fetchone()[0])
        if pages * 8 // 1024 >= wanted_mb:
            return pages * 8 // 1024
        connection.execute(f"ALTER SYSTEM SET shared_buffers = '{wanted_mb}MB'")
    version = sorted(os.listdir("/etc/postgresql"), key=lambda v: [int(x) for x in v.split(".")])[-1]
    log(f"PostgreSQL {version}: shared_buffers raised to {wanted_mb} MB; restarting the cluster")
    restart = ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"]
    subprocess.run(restart if os.geteuid() == 0 else ["sudo", *restart], check=True)
    subprocess.run([str(ROOT / "scripts" / "postgis.sh")], capture_output=True, check=True)  # waits until it answers
    return wanted_mb


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def machine():
    load = os.getloadavg()
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "load_average_at_start": [round(x, 2) for x in load],
            "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}


def main():
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    sizes = [s.strip().upper() for s in ARGS.sizes.split(",") if s.strip()]
    engines = [e.strip() for e in ARGS.engines.split(",") if e.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        sys.exit(f"--sizes: unknown size(s) {unknown}; choose from {', '.join(SIZES)}")
    postgis_base = subprocess.run([str(ROOT / "scripts" / "postgis.sh")], capture_output=True, text=True, check=True).stdout.strip()
    report = {"machine": machine(), "at": AT, "seed": SEED, "results": [], "servers": {}}
    if "postgis" in engines:
        report["machine"]["postgres_shared_buffers_mb"] = ensure_shared_buffers(postgis_base)
    # The response cache as in production: Redis (the bench's own database), else local memory.
    measure_env = {"REDIS_URL": REDIS_BENCH_URL} if redis_available() else {}
    report["machine"]["response_cache"] = "redis" if measure_env else "local memory"
    for engine in engines:
        for size in sizes:
            if engine == "spatialite" and size not in SQLITE_SIZES:
                continue
            url = database_url(size, engine, postgis_base)
            if engine == "postgis":
                ensure_postgres_database(postgis_base, f"cm_bench_{size.lower()}")
            log(f"{size} on {engine}: preparing")
            prepared = run_child("_prepare", size, engine, url)
            log(f"{size} on {engine}: measuring" + (f" (generated in {prepared['seconds']} s)" if prepared.get("generated") else ""))
            if measure_env:
                redis_available()  # empties the bench's Redis database: another size's data version is not this one's
            result = run_child("_measure", size, engine, url, **measure_env)
            result["generated"] = prepared
            report["results"].append(result)
            log(f"{size} on {engine}: snapshot p50 {result['snapshot']['uncached_ms']['p50']} ms, "
                f"timeline {result['timeline']['build_ms']} ms")
    for size in [s for s in ("L", "XL") if s in sizes and "postgis" in engines]:
        if ARGS.no_load and (ARGS.no_browser or size != "L"):
            continue
        server = Server(database_url(size, "postgis", postgis_base))
        entry = report["servers"][size] = {}
        try:
            import urllib.request

            for _ in range(2):  # the timeline first: the workers' memory peak from building it, alone
                with urllib.request.urlopen(server.base + "/api/v1/timeline/", timeout=900) as response:
                    response.read()
            entry["peak_worker_rss_after_timeline_mb"] = server.peak_rss_mb()
            if not ARGS.no_load:
                log(f"{size}: load test against gunicorn")
                entry["load"] = load_test(server, size, ARGS.quick)
            if size == "L" and not ARGS.no_browser:
                log("L: map in headless Chromium")
                entry["browser"] = browser_test(server, ARGS.quick)
            for _ in range(2):  # the snapshot, uncached then cached, whatever the load test did
                with urllib.request.urlopen(server.base + f"/api/v1/control/?at={AT}", timeout=900) as response:
                    response.read()
            entry["peak_worker_rss_mb"] = server.peak_rss_mb()
        finally:
            server.stop()
    (ROOT / "BENCHMARKS.json").write_text(json.dumps(report, indent=1) + "\n")
    (ROOT / "BENCHMARKS.md").write_text(markdown(report))
    log("wrote BENCHMARKS.md and BENCHMARKS.json")


def markdown(report):
    from bench_report import render

    return render(report)


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] in ("_prepare", "_measure"):
        command, size, engine = sys.argv[1:4]
        sys.path.insert(0, str(ROOT))
        output = prepare(size) if command == "_prepare" else measure(size, engine, "--quick" in sys.argv)
        print(json.dumps(output))
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="S,M,L,L2,XL")
    parser.add_argument("--engines", default="postgis,spatialite")
    parser.add_argument("--no-browser", action="store_true", help="skip the map in Chromium")
    parser.add_argument("--no-load", action="store_true", help="skip the gunicorn load test")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    parser.add_argument("--browser-url", help="only measure the map in Chromium against this running server; print JSON")
    ARGS = parser.parse_args()
    if ARGS.browser_url:
        print(json.dumps(browser_test(argparse.Namespace(base=ARGS.browser_url.rstrip("/")), ARGS.quick), indent=1))
        sys.exit(0)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the servers on the way out
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
