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
size from the same server; the workers' peak resident memory; and at L and XL the map in headless
Chromium, read through nginx in front of that gunicorn as deployed (HTTPS with HTTP/2, static files from
nginx, DEPLOY.md): time to first render and the bytes fetched before it, the cost of a one-day step and of
a 30-day jump (the date changed, then the next frame drawn; as known now and "As reported then"), and
playback frame times.

Bench data lives in its own databases (PostgreSQL cm_bench_<size>, SpatiaLite data/bench/<size>.sqlite3),
made on first use and kept: tests and the development database are never touched.

Usage: .venv/bin/python scripts/bench.py [--sizes S,M,L,L2,XL] [--engines postgis,spatialite]
                                         [--no-browser] [--no-load] [--quick]
       .venv/bin/python scripts/bench.py --browser-url http://127.0.0.1:8000 [--quick]
         (only the map in Chromium, against a server already running: to compare front-end changes)
The parts: bench_database (one database, in a child process), bench_load (gunicorn under wrk),
bench_browser (the map in Chromium), bench_report (BENCHMARKS.md), bench_common (what they share).
"""
import argparse
import datetime as dt
import json
import os
import platform
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench_browser import browser_test
from bench_common import AT, BENCH_DIR, PYTHON, REDIS_BENCH_URL, ROOT, SEED, SIZES, SQLITE_SIZES, child_env, database_url, log
from bench_database import measure, prepare
from bench_load import Front, Server, load_test, redis_available


# ---------------------------------------------------------------- orchestration and report

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
        if ARGS.no_load and ARGS.no_browser:
            continue
        server = Server(database_url(size, "postgis", postgis_base))
        entry = report["servers"][size] = {}
        try:
            import urllib.request

            for _ in range(2):  # the timeline first: the workers' memory peak from building it, alone
                with urllib.request.urlopen(server.base + "/api/v2/timeline/", timeout=900) as response:
                    response.read()
            entry["peak_worker_rss_after_timeline_mb"] = server.peak_rss_mb()
            if not ARGS.no_load:
                log(f"{size}: load test against gunicorn")
                entry["load"] = load_test(server, size, ARGS.quick)
            if not ARGS.no_browser:
                log(f"{size}: map in headless Chromium, through nginx (HTTPS, HTTP/2) in front of gunicorn")
                front = Front(server)
                try:
                    entry["browser"] = {**browser_test(front, ARGS.quick), "served_by": "nginx over HTTPS and HTTP/2 in front of gunicorn"}
                finally:
                    front.stop()
            for _ in range(2):  # the snapshot, uncached then cached, whatever the load test did
                with urllib.request.urlopen(server.base + f"/api/v2/control/?at={AT}", timeout=900) as response:
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
