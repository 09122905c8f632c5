#!/usr/bin/env python
"""What the prepared data costs on PostgreSQL: the size of api_snapshotsegment and api_knownsegment
on disk (table, TOAST, each index), a full rebuild's wall time, resolving one place again after a write
(p50 of 10), and the snapshot as known now, uncached (p50 of distinct days).

Usage: DATABASE_URL=postgis://.../cm_<you>_l DEBUG=1 .venv/bin/python scripts/bench_storage.py [--no-rebuild]
Prints one JSON line. It rewrites every segment: run it on a copy of a bench database. To compare two
versions of the code, run it alternately from each checkout (with PYTHONPATH set to it), each on its
own copy (a copy of this script in the other checkout's scripts/ measures that checkout's code).
"""
import argparse
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

TABLES = ("api_snapshotsegment", "api_knownsegment")
MB = 1024 * 1024


def sizes(connection):
    """Per table: heap, TOAST, each index and the total, in MiB; and the stored Features' average
    length (as written, and as stored)."""
    result = {}
    with connection.cursor() as cursor:
        for table in TABLES:
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
    result["feature_bytes"] = {"written": round(float(written or 0)), "stored": round(float(stored or 0))}
    result["total"] = round(sum(result[table]["total"] for table in TABLES), 1)
    return result


def snapshot_ms(client, days):
    """In-process time of each uncached snapshot as known now (a distinct day each)."""
    times = []
    for day in days:
        started = time.perf_counter()
        response = client.get(f"/api/v2/control/?at={day}")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return times


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
    result["refresh_place_ms_p50"] = round(statistics.median(refreshes), 1)
    client = Client()
    snapshot_ms(client, ["2016-06-14"])  # the first request's imports and connection
    days = [f"{year}-{month:02d}-{day:02d}" for year in (2015, 2016, 2017) for month in (2, 5, 8, 11) for day in (3, 17)]
    times = snapshot_ms(client, rng.sample(days, 11))
    result["snapshot_now_ms"] = {"p50": round(statistics.median(times), 1), "min": round(min(times), 1)}
    result["load_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
