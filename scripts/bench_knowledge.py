#!/usr/bin/env python
"""The prepared segments over days and knowledge time, measured on one bench database: the snapshot
as known now (full and compact), as known then (`known_at=`), the timeline as known then, what the
prepared tables hold on disk, a full rebuild and the refresh of one place after a write.

Usage: DATABASE_URL=postgis://.../cm_copy_l .venv/bin/python scripts/bench_knowledge.py [--runs 10] [--rebuild]
(never on a shared template database: --rebuild rewrites every segment). Prints one JSON object.
"""
import argparse
import gc
import gzip
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "controlmap.settings")

from bench_common import AT, SEED, child_env, ms, percentile  # noqa: E402

KNOWN = ["2015-01-01", "2016-01-01", "2016-06-15", "2017-06-01", "2018-06-01"]  # moments of knowledge time
# Those of this code and of the code before it (its Features in api_snapshotsegment), to compare them.
PREPARED_TABLES = ("api_snapshotsegment", "api_knownsegment", "api_claimevidence", "api_preparedplace")


def figures(samples):
    return {"p50": ms(statistics.median(samples)), "p95": ms(percentile(samples, 0.95))}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--rebuild", action="store_true", help="also time a full rebuild and the refresh of one place")
    args = parser.parse_args()
    os.environ.update(child_env(os.environ["DATABASE_URL"]))  # production settings, as bench.py's children
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from geo.models import Claim, Place

    client = Client()

    def timed(url):
        cache.clear()
        gc.disable()
        try:
            started = time.perf_counter()
            response = client.get(url)
            seconds = time.perf_counter() - started
        finally:
            gc.enable()
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        return seconds, response.content

    def uncached(url, runs=args.runs):
        timed(url)  # warms the database's buffers and the imports
        samples, body = zip(*(timed(url) for _ in range(runs)))
        return {**figures(samples), "bytes": len(body[-1]), "gzip_bytes": len(gzip.compress(body[-1], 6))}

    snapshot = f"/api/v2/control/?at={AT}"
    result = {"places": Place.objects.count(), "claims": Claim.objects.count(), "engine": connection.vendor,
              "load_average": os.getloadavg()}
    result["snapshot_now_ms"] = uncached(snapshot)
    compact = client.get(f"{snapshot}&form=compact").status_code == 200  # a code without the compact form: 400
    if compact:
        result["snapshot_now_compact_ms"] = uncached(f"{snapshot}&form=compact")
    moments = KNOWN * max(1, args.runs // len(KNOWN))
    result["snapshot_known_then_ms"] = figures([timed(f"{snapshot}&known_at={known}")[0] for known in moments])
    if compact:
        result["snapshot_known_then_compact_ms"] = figures([timed(f"{snapshot}&known_at={known}&form=compact")[0] for known in moments])
    result["timeline_known_then_ms"] = figures([timed(f"/api/v2/timeline/?known_at={known}")[0] for known in KNOWN])
    result["timeline_now_ms"] = figures([timed("/api/v2/timeline/")[0] for _ in range(3)])

    def stored():
        sizes = {}
        with connection.cursor() as cursor:
            for table in PREPARED_TABLES:
                if table not in connection.introspection.table_names(cursor):
                    continue
                if connection.vendor == "postgresql":
                    cursor.execute("SELECT pg_total_relation_size(%s)", [table])
                else:
                    cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name = %s)",
                                   [table])
                sizes[table] = cursor.fetchone()[0]
        return {**sizes, "total_mb": round(sum(sizes.values()) / 1e6, 1)}

    result["stored_bytes"] = stored()
    if args.rebuild:
        from api import snapshots
        from api.models import StalePlace

        started = time.perf_counter()
        result["segments_written"] = snapshots.rebuild()
        result["rebuild_s"] = round(time.perf_counter() - started, 1)
        result["stored_bytes_after_rebuild"] = stored()
        with_claims = sorted(Place.objects.filter(claims__isnull=False).values_list("id", flat=True).distinct())
        refreshes = []
        for place_id in random.Random(SEED).sample(with_claims, min(10, len(with_claims))):
            StalePlace.objects.create(place_id=place_id)
            started = time.perf_counter()
            snapshots.refresh_stale()
            refreshes.append(time.perf_counter() - started)
        result["refresh_place_ms"] = figures(refreshes)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
