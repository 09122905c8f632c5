"""The derived areas (/api/v2/areas/) and the changes between two days (/api/v2/changes/), measured.

`figures` is the benchmark's part for them (bench_database.measure calls it at every size); run as a
script, it measures them alone on one database at one size, without the rest of the benchmark
(bench.py restarts services):

    DATABASE_URL=spatialite:///$PWD/data/bench-areas/l.sqlite3 .venv/bin/python scripts/bench_areas.py L

which prepares the database as the benchmark does (seed, then the size's synthetic data), then
prints the figures as JSON: builds with an empty response cache, cached answers and 304s, through
Django's test client in production settings.
"""
import datetime as dt
import gzip
import json
import os
import statistics
import sys
import time

DAYS = ["2014-06-15", "2015-03-01", "2016-06-15", "2017-11-20", "2018-12-31"]  # across the synthetic record (2014-2018)
SPANS = {"a week": 7, "a month": 30, "two years": 730}  # changes up to the benchmark's day, from this many days before


def figures(timed, cache, at, quick=False):
    """Areas on DAYS (built, then cached and 304 on `at`), as known then, and changes over SPANS up to
    `at`. `timed(path, **headers)` gives (seconds, response)."""
    from bench_common import ms, percentile

    runs = 1 if quick else 3

    def built(path):
        """Wall time, and this process's CPU time (what other work on the machine does not inflate;
        on PostgreSQL without the database server's share)."""
        samples, cpu = [], []
        for _ in range(runs):
            cache.clear()
            started = time.process_time()
            seconds, response = timed(path)
            cpu.append(time.process_time() - started)
            assert response.status_code == 200 and response["X-Cache"] == "miss", (path, response.status_code)
            samples.append(seconds)
        body = response.content
        return {"build_ms": ms(statistics.median(samples)), "build_ms_max": ms(max(samples)),
                "build_cpu_ms": ms(statistics.median(cpu)),
                "features": len(json.loads(body)["features"]), "bytes": len(body), "gzip_bytes": len(gzip.compress(body, 6))}

    result = {"days": {day: built(f"/api/v2/areas/?at={day}") for day in DAYS}}
    url = f"/api/v2/areas/?at={at}"
    timed(url)  # built and kept
    cached, not_modified = [], []
    for _ in range(10 if quick else 20):
        seconds, hit = timed(url)
        assert hit["X-Cache"] == "hit"
        cached.append(seconds)
        seconds, answer = timed(url, HTTP_IF_NONE_MATCH=hit["ETag"])
        assert answer.status_code == 304
        not_modified.append(seconds)
    result["cached_ms"] = {"p50": ms(statistics.median(cached)), "p95": ms(percentile(cached, 0.95))}
    result["not_modified_ms"] = {"p50": ms(statistics.median(not_modified)), "p95": ms(percentile(not_modified, 0.95))}
    result["known_at"] = built(f"{url}&known_at={at}T23:59:59Z")
    day = dt.date.fromisoformat(at)
    result["changes"] = {label: built(f"/api/v2/changes/?from={day - dt.timedelta(days=days)}&to={at}")
                         for label, days in SPANS.items()}
    return result


def measure(size):
    import django

    django.setup()
    from bench_common import AT
    from bench_database import prepare
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from geo.models import Claim, Place

    prepared = prepare(size)
    client = Client()

    def timed(path, **headers):
        started = time.perf_counter()
        response = client.get(path, **headers)
        return time.perf_counter() - started, response

    timed(f"/api/v2/control/?at={AT}")  # warms connections, imports and the database's buffers
    return {"size": size, "engine": connection.vendor, "places": Place.objects.count(), "claims": Claim.objects.count(),
            "prepared": prepared, "areas": figures(timed, cache, AT)}


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:0] = [here, os.path.dirname(here)]  # this checkout's modules, whatever is installed
    from bench_common import child_env

    os.environ.update(child_env(os.environ["DATABASE_URL"]))
    print(json.dumps(measure(sys.argv[1] if len(sys.argv) > 1 else "L"), indent=2))
