"""The derived areas and the changes between two days, measured alone on one database at one size:

    DATABASE_URL=spatialite:///$PWD/data/bench-areas/l.sqlite3 .venv/bin/python scripts/bench_areas.py L

Prepares the database as the benchmark does (bench_database.prepare: seed, then synthetic data of the
size), then times builds with an empty response cache, cached answers and 304s through Django's test
client, in production settings, and prints the figures as JSON. Its own script so these figures can
be taken without the whole benchmark (bench.py restarts services).
"""
import datetime as dt
import gzip
import json
import os
import statistics
import sys
import time


from bench_common import AT, child_env, ms, percentile  # noqa: E402 (scripts/ is on the path when run)

DAYS = [AT, "2014-06-15", "2015-03-01", "2017-11-20", "2018-12-31"]  # early, middle, late in the synthetic record


def measure(size):
    import django

    django.setup()
    from bench_database import prepare
    from django.core.cache import cache
    from django.test import Client

    prepared = prepare(size)
    client = Client()

    def timed(path, **headers):
        started = time.perf_counter()
        response = client.get(path, **headers)
        assert response.status_code in (200, 304), (path, response.status_code, response.content[:300])
        return time.perf_counter() - started, response

    def built(path, runs=3):
        samples = []
        for _ in range(runs):
            cache.clear()
            seconds, response = timed(path)
            assert response["X-Cache"] == "miss"
            samples.append(seconds)
        return samples, response

    timed(f"/api/v1/control/?at={AT}")  # warms connections, imports and the database's buffers
    areas = {}
    for day in DAYS:
        samples, response = built(f"/api/v1/areas/?at={day}")
        body = response.content
        areas[day] = {"build_ms_median": ms(statistics.median(samples)), "build_ms_max": ms(max(samples)),
                      "features": len(json.loads(body)["features"]), "bytes": len(body),
                      "gzip_bytes": len(gzip.compress(body, 6))}
    url = f"/api/v1/areas/?at={AT}"
    timed(url)  # built and kept
    cached, not_modified = [], []
    for _ in range(20):
        seconds, hit = timed(url)
        assert hit["X-Cache"] == "hit"
        cached.append(seconds)
        seconds, answer = timed(url, HTTP_IF_NONE_MATCH=hit["ETag"])
        assert answer.status_code == 304
        not_modified.append(seconds)
    known, _ = built(f"{url}&known_at=2016-06-20")
    changes = {}
    start = dt.date.fromisoformat(AT)
    for label, first in (("a week", start - dt.timedelta(days=7)), ("a month", start - dt.timedelta(days=30)),
                         ("two years", start - dt.timedelta(days=730))):
        samples, response = built(f"/api/v1/changes/?from={first}&to={AT}")
        body = response.content
        changes[label] = {"build_ms_median": ms(statistics.median(samples)), "places": len(json.loads(body)["features"]),
                          "bytes": len(body), "gzip_bytes": len(gzip.compress(body, 6))}
    from django.db import connection
    from geo.models import Claim, Place

    return {
        "size": size, "engine": connection.vendor, "places": Place.objects.count(), "claims": Claim.objects.count(),
        "prepared": prepared, "areas": areas, "areas_cached_ms_p95": ms(percentile(cached, 0.95)),
        "areas_304_ms_p95": ms(percentile(not_modified, 0.95)),
        "areas_known_at_build_ms_median": ms(statistics.median(known)), "changes": changes,
    }


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:0] = [here, os.path.dirname(here)]  # this checkout's modules, whatever is installed
    os.environ.update(child_env(os.environ["DATABASE_URL"]))
    print(json.dumps(measure(sys.argv[1] if len(sys.argv) > 1 else "L"), indent=2))
