"""The pictures' timing, apart from `make bench` (which restarts services): the PNG of a view and the GIF
of a playback, answered uncached (an empty response cache before each sample) through Django's test
client, in-process, on one database of one size.

    DATABASE_URL=spatialite:///$PWD/data/bench-pictures-s.sqlite3 .venv/bin/python scripts/bench_pictures.py S
    DATABASE_URL=spatialite:///$PWD/data/bench-pictures-l.sqlite3 .venv/bin/python scripts/bench_pictures.py L

The database is prepared as the benchmark prepares it (bench_database.prepare: migrate, the seed, and
for L the synthetic places and claims, generated once); the figures are printed as JSON.
Targets: a PNG in at most 1 s at S and 3 s at L; a 60-frame GIF at 800 x 600 in at most 30 s at S.
"""
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "controlmap.settings")
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("API_THROTTLE_ANON", "100000000/minute")
os.environ.setdefault("API_THROTTLE_EXPENSIVE", "100000000/minute")

from bench_common import AT  # noqa: E402
from bench_database import prepare  # noqa: E402

VIEWS = {
    "whole region, 1200 x 630": f"/image.png?at={AT}",
    "whole region as reported then": f"/image.png?at={AT}&known=1",
    "whole region, 2400 x 2400": f"/image.png?at={AT}&width=2400&height=2400",
    "a town at zoom 9": f"/image.png?at={AT}&lat=34.45&lng=40.94&zoom=9&place=boukamal",
}
GIFS = {
    "60 frames, 800 x 600, whole region": "/animation.gif?from=2016-01-01&to=2016-02-29&width=800&height=600",
    "60 frames, 800 x 600, at zoom 8": "/animation.gif?from=2016-01-01&to=2016-02-29&width=800&height=600&lat=34.5&lng=40.9&zoom=8",
}


def main(size):
    prepared = prepare(size)
    from django.core.cache import cache
    from django.test import Client

    from geo.models import Claim, Place

    client = Client()
    runs = 5 if size == "S" else 3

    def uncached(path, count):
        samples = []
        for _ in range(count):
            cache.clear()
            started = time.perf_counter()
            response = client.get(path)
            samples.append(time.perf_counter() - started)
            assert response.status_code == 200, response.content[:300]
        return {"p50_s": round(statistics.median(samples), 3), "max_s": round(max(samples), 3),
                "bytes": len(response.content)}

    client.get(VIEWS["a town at zoom 9"])  # imports, connections, fonts
    result = {"size": size, "prepared": prepared, "places": Place.objects.count(), "claims": Claim.objects.count(),
              "database": os.environ.get("DATABASE_URL", "default").split(":")[0], "png": {}, "gif": {}}
    for name, path in VIEWS.items():
        result["png"][name] = uncached(path, runs)
    for name, path in GIFS.items():
        result["gif"][name] = uncached(path, 1)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "S")
