#!/usr/bin/env python
"""What knowledge time as a second axis of the prepared segments would cost, measured on a bench
database before building it: per place, today's segments (as known now), the moments at which what is
known of it changes (its claims' known_from and superseded_at), and the rows of a bitemporal table
(segments valid over a stretch of days and a stretch of knowledge time), a row kept as long as the
same segment, with the same deciding claims, is the answer. Also what resolving them naively costs.

Usage: DATABASE_URL=postgis://.../cm_bench_l DEBUG=1 .venv/bin/python scripts/bench_knowledge.py [--places 300]
Prints one JSON line.
"""
import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "controlmap.settings")


def bitemporal_rows(claims, resolution):
    """Rows of (days, deciding claims) valid over consecutive knowledge intervals, merged."""
    moments = sorted({c.known_from for c in claims if c.known_from} | {c.superseded_at for c in claims if c.superseded_at})
    open_rows, closed = set(), 0
    for moment in moments:
        keys = {(s.start, s.end, tuple(c.id for c in s.state.claims)) for s in resolution.segments(claims, known_at=moment)}
        closed += len(open_rows - keys)
        open_rows = keys
    return closed + len(open_rows), len(moments)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--places", type=int, default=300)
    args = parser.parse_args()
    import django

    django.setup()
    from geo import records, resolution
    from geo.models import Claim, Place

    ids = list(Place.objects.values_list("id", flat=True))
    sample = random.Random(1).sample(ids, min(args.places, len(ids)))
    totals = {"places": 0, "segments_now": 0, "moments": 0, "bitemporal_rows": 0, "now_s": 0.0, "bitemporal_s": 0.0}
    for place in sample:
        claims = records.facts(Claim.objects.filter(place_id=place, review=Claim.Review.PUBLISHED))
        if not claims:
            continue
        started = time.perf_counter()
        totals["segments_now"] += len(resolution.segments(claims))
        totals["now_s"] += time.perf_counter() - started
        started = time.perf_counter()
        rows, moments = bitemporal_rows(claims, resolution)
        totals["bitemporal_s"] += time.perf_counter() - started
        totals["bitemporal_rows"] += rows
        totals["moments"] += moments
        totals["places"] += 1
    n = totals["places"]
    print(json.dumps({
        "places_sampled": n, "places_in_database": len(ids),
        "segments_now_per_place": round(totals["segments_now"] / n, 2),
        "knowledge_moments_per_place": round(totals["moments"] / n, 2),
        "bitemporal_rows_per_place": round(totals["bitemporal_rows"] / n, 2),
        "bitemporal_to_now": round(totals["bitemporal_rows"] / totals["segments_now"], 2),
        "resolve_now_ms_per_place": round(totals["now_s"] * 1000 / n, 3),
        "resolve_bitemporal_naive_ms_per_place": round(totals["bitemporal_s"] * 1000 / n, 3),
    }))


if __name__ == "__main__":
    main()
