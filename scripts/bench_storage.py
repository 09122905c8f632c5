#!/usr/bin/env python
"""What the prepared data costs on PostgreSQL: the size on disk of every api_ table (heap, TOAST, each
index), a full rebuild's wall time, resolving one place again after a write (p50 of 10), and the answers
read from it, uncached: the snapshot as known now (p50 of distinct days), as known then (p50 of day and
moment pairs) and the timeline as known then; with a SHA-256 of each answer, to compare two versions.

Usage: DATABASE_URL=postgis://.../cm_<you>_l .venv/bin/python scripts/bench_storage.py [--no-rebuild]
Prints one JSON line. It rewrites every segment: run it on a copy of a bench database. To compare two
versions of the code, run it alternately from each checkout (with PYTHONPATH set to it), each on its
own copy (a copy of this script in the other checkout's scripts/ measures that checkout's code).
"""
import argparse
import hashlib
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "controlmap.settings")
for name, value in {"SECURE_SSL_REDIRECT": "0", "ALLOWED_HOSTS": "testserver", "SECRET_KEY": "bench-" + "x" * 50,
                    "API_THROTTLE_ANON": "100000000/minute", "API_THROTTLE_EXPENSIVE": "100000000/minute"}.items():
    os.environ.setdefault(name, value)

MB = 1024 * 1024
DAYS = [f"{year}-{month:02d}-{day:02d}" for year in (2015, 2016, 2017) for month in (2, 5, 8, 11) for day in (3, 17)]
# (day, moment): at the day's end, a month and a year later.
KNOWN_THEN = [(day, moment) for day in ("2015-05-03", "2016-08-17", "2017-11-03")
              for moment in (f"{day}T23:59:59Z", f"{day[:5]}{int(day[5:7]) % 12 + 1:02d}-01T00:00:00Z",
                             f"{int(day[:4]) + 1}{day[4:]}T12:00:00Z")]


def sizes(connection):
    """Per api_ table: heap, TOAST, each index and the total, in MiB; and the stored Features' (or
    their rests') average length, as written and as stored."""
    result = {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname FROM pg_class WHERE relkind = 'r' AND relname LIKE 'api\\_%%' ORDER BY 1")
        for (table,) in cursor.fetchall():
            cursor.execute("SELECT pg_relation_size(oid), COALESCE(pg_relation_size(NULLIF(reltoastrelid, 0)), 0), "
                           "pg_total_relation_size(oid) FROM pg_class WHERE oid = %s::regclass", [table])
            heap, toast, total = cursor.fetchone()
            cursor.execute("SELECT indexrelid::regclass::text, pg_relation_size(indexrelid) FROM pg_index "
                           "WHERE indrelid = %s::regclass ORDER BY 1", [table])
            indexes = {name: round(size / MB, 1) for name, size in cursor.fetchall()}
            result[table] = {"heap": round(heap / MB, 1), "toast": round(toast / MB, 1), "indexes": indexes,
                             "total": round(total / MB, 1)}
        cursor.execute("SELECT AVG(octet_length(feature)), AVG(pg_column_size(feature)) FROM api_snapshotsegment")
        written, stored = cursor.fetchone()
    result["total"] = round(sum(entry["total"] for entry in result.values()), 1)
    result["feature_bytes"] = {"written": round(float(written or 0)), "stored": round(float(stored or 0))}
    return result


def uncached_ms(client, paths, digests):
    """In-process time of each path with an empty response cache; each answer's digest into `digests`."""
    from django.core.cache import cache

    times = []
    for path in paths:
        cache.clear()
        started = time.perf_counter()
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
        assert response.get("X-Cache") != "hit"
        digests[path] = hashlib.sha256(body).hexdigest()
    return {"p50": round(statistics.median(times), 1), "min": round(min(times), 1), "max": round(max(times), 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-rebuild", action="store_true", help="measure sizes and speeds only")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from api import snapshots
    from api.models import StalePlace
    from geo.models import Place

    result = {"label": args.label, "load": [round(x, 2) for x in os.getloadavg()]}
    if not args.no_rebuild:
        started = time.perf_counter()
        result["segments"] = snapshots.rebuild()
        result["rebuild_s"] = round(time.perf_counter() - started, 1)
    result["sizes_mb"] = sizes(connection)
    rng = random.Random(21)
    with_claims = sorted(Place.objects.filter(claims__isnull=False).values_list("id", flat=True).distinct())
    refreshes = []
    for place_id in rng.sample(with_claims, min(10, len(with_claims))):
        StalePlace.objects.create(place_id=place_id)
        started = time.perf_counter()
        snapshots.refresh_stale()
        refreshes.append((time.perf_counter() - started) * 1000)
    result["refresh_place_ms"] = {"p50": round(statistics.median(refreshes), 1), "max": round(max(refreshes), 1)}
    client = Client()
    digests = {}
    uncached_ms(client, ["/api/v2/control/?at=2016-06-14"], {})  # the first request's imports and connection
    result["snapshot_now_ms"] = uncached_ms(client, [f"/api/v2/control/?at={day}" for day in rng.sample(DAYS, 11)], digests)
    result["snapshot_known_then_ms"] = uncached_ms(
        client, [f"/api/v2/control/?at={day}&known_at={moment}" for day, moment in KNOWN_THEN * 2], digests)
    result["timeline_known_then_ms"] = uncached_ms(
        client, [f"/api/v2/timeline/?known_at={moment}" for _, moment in KNOWN_THEN[::3]], digests)
    result["timeline_now_ms"] = uncached_ms(client, ["/api/v2/timeline/"] * 2, digests)
    result["digests"] = digests
    result["load_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
