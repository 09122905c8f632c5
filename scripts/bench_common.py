"""What every part of the benchmark shares: where its data lives, the sizes, the snapshot date, the
environment of a child process, and how figures are rounded and logged.

Its own module so the benchmark's parts (bench_database in the child processes, bench_load and
bench_browser against gunicorn, bench.py orchestrating) agree on one set of constants.
"""
import os
import secrets
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
        "API_THROTTLE_EXPENSIVE": "100000000/minute",
        "LOG_LEVEL": "ERROR", "CONN_MAX_AGE": "600",
    })
    env.update(extra)
    return env


def database_url(size, engine, postgis_base):
    if engine == "spatialite":
        return f"spatialite:///{BENCH_DIR / (size.lower() + '.sqlite3')}"
    parts = urlsplit(postgis_base)
    return urlunsplit(parts._replace(path=f"/cm_bench_{size.lower()}"))


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)
