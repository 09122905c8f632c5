"""Standalone measurement of the exchange formats at scale: the control periods written as GeoJSON,
GeoPackage and KML, and a large ACLED file imported (and imported again).

    DEBUG=1 .venv/bin/python scripts/measure_formats.py --places 10000 --claims 200000 --acled-rows 100000

It builds its own SpatiaLite database (data/measure-formats.sqlite3, replaced on each run: nothing
else is touched), loads the seed and the synthetic data set of geo.synthetic, and prints one line
per figure. The benchmark's own sizes: L is 10,000 places and 200,000 claims.
"""
import argparse
import csv
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "data" / "measure-formats.sqlite3"


def setup():
    sys.path.insert(0, str(ROOT))
    DATABASE.parent.mkdir(exist_ok=True)
    DATABASE.unlink(missing_ok=True)
    os.environ.update({"DATABASE_URL": f"spatialite:///{DATABASE}", "DJANGO_SETTINGS_MODULE": "controlmap.settings",
                       "API_THROTTLE_ANON": "100000000/minute", "API_THROTTLE_EXPENSIVE": "100000000/minute",
                       "ALLOWED_HOSTS": "testserver,localhost"})
    import django

    django.setup()


def timed(label, work):
    started = time.perf_counter()
    result = work()
    print(f"{label}: {time.perf_counter() - started:.2f} s", flush=True)
    return result


def acled_file(path, rows, rng):
    """An ACLED-shaped CSV of `rows` events, one in five a change of territory at a synthetic place
    (named as we name it, or by a name we do not know and found by distance), the rest battles."""
    from geo.exchange.acled import COLUMNS, TERRITORY_CHANGES
    from geo.models import Place

    places = list(Place.objects.filter(slug__startswith="syn").values_list("name", "point"))
    actors = ["Military Forces of Syria (2000-)", "Islamic State (Syria)", "SDF: Syrian Democratic Forces",
              "Military Forces of Iraq (2014-)"]
    start = dt.date(2014, 1, 1)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, COLUMNS)
        writer.writeheader()
        for index in range(rows):
            name, point = rng.choice(places)
            day = start + dt.timedelta(days=rng.randrange(5 * 365))
            territory = index % 5 == 0
            writer.writerow({
                "event_id_cnty": f"SYN{index}", "event_date": day.isoformat() if index % 2 else day.strftime("%d %B %Y"),
                "year": day.year, "time_precision": rng.choice("1112223"), "disorder_type": "Political violence",
                "event_type": "Battles", "sub_event_type": rng.choice(TERRITORY_CHANGES) if territory else "Armed clash",
                "actor1": rng.choice(actors), "actor2": rng.choice(actors), "country": "Syria",
                "location": name if rng.random() < 0.7 else f"Hamlet {index}",
                "latitude": round(point.y + rng.uniform(-0.01, 0.01), 4),
                "longitude": round(point.x + rng.uniform(-0.01, 0.01), 4), "geo_precision": rng.choice("112"),
                "source": "Synthetic wire", "notes": f"Synthetic event {index}.", "fatalities": 0,
                "timestamp": int(dt.datetime.combine(day, dt.time(12), tzinfo=dt.timezone.utc).timestamp()) + 86400,
            })


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--places", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=20000)
    parser.add_argument("--acled-rows", type=int, default=20000)
    arguments = parser.parse_args()
    setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client

    from geo.exchange.acled import import_acled
    from geo.synthetic import Generator

    timed("migrate and seed", lambda: (call_command("migrate", verbosity=0), call_command("load_seed", verbosity=0)))
    timed(f"synthetic data ({arguments.places} places, {arguments.claims} claims)",
          lambda: Generator(arguments.places, arguments.claims, 8).run())
    client = Client()
    for format in ("geojson", "gpkg", "fgb", "kml", "csv"):
        cache.clear()
        response = timed(f"GET /api/v2/periods/?format={format}, built", lambda: client.get(f"/api/v2/periods/?format={format}"))
        assert response.status_code == 200, response.content[:300]
        print(f"  {len(response.content) / 1e6:.1f} MB", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "acled.csv"
        acled_file(path, arguments.acled_rows, random.Random(8))
        revised = Path(folder) / "revised.csv"
        revised.write_text(path.read_text(encoding="utf-8").replace("Synthetic event", "Revised event"), encoding="utf-8")
        for attempt, file in (("first import", path), ("same file again", path), ("every note revised", revised)):
            with file.open(encoding="utf-8", newline="") as stream:
                report = timed(f"ACLED {arguments.acled_rows} rows, {attempt}", lambda: import_acled(stream))
            print(f"  {report.summary()}", flush=True)


if __name__ == "__main__":
    main()
