"""Faults: PostgreSQL restarted under the production server, and the app killed mid-publication or
mid-import. The first runs its own throwaway PostgreSQL cluster (never the shared one on 5432)."""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection

from api import versions
from geo.exchange import export_document
from geo.models import Actor, Citation, Claim, Place, Source

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path("/usr/lib/postgresql/15/bin")
SECRET = "fault-test-secret-" + "x" * 20 + "-0123456789abcdefghij"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(*args, **kwargs):
    return subprocess.run(["runuser", "-u", "postgres", "--", *map(str, args)], check=True, capture_output=True,
                          text=True, timeout=60, **kwargs)


def production_env(database_url, **extra):
    environment = {key: value for key, value in os.environ.items()
                   if key not in {"DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "TEST_DATABASE_NAME"}}
    environment.update(DEBUG="0", SECRET_KEY=SECRET, ALLOWED_HOSTS="127.0.0.1", DATABASE_URL=database_url, **extra)
    return environment


class Cluster:
    """A PostgreSQL 15 cluster in a temporary directory, on its own port, owned by the postgres user."""

    def __init__(self, directory):
        self.directory = directory
        self.data = directory / "data"
        self.port = free_port()
        directory.mkdir(parents=True, exist_ok=True)
        shutil.chown(directory, "postgres")
        as_postgres(PG_BIN / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "--no-sync")
        self.options = f"-p {self.port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.url = f"postgis://postgres:unused@127.0.0.1:{self.port}/controlmap"

    def pg_ctl(self, *args):
        return as_postgres(PG_BIN / "pg_ctl", "-D", self.data, "-l", self.directory / "log", "-w", *args)

    def start(self):
        self.pg_ctl("-o", self.options, "start")

    def stop(self):
        self.pg_ctl("-m", "fast", "stop")

    def psql(self, sql, database="postgres"):
        as_postgres("psql", "-X", "-q", "-h", "127.0.0.1", "-p", self.port, "-d", database, "-c", sql)


@pytest.fixture
def cluster(tmp_path):
    pg = Cluster(Path(f"/tmp/cm-fault-{os.getpid()}-{tmp_path.name}"))
    pg.start()
    try:
        yield pg
    finally:
        subprocess.run(["runuser", "-u", "postgres", "--", PG_BIN / "pg_ctl", "-D", pg.data, "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(pg.directory, ignore_errors=True)


def get(url):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
    except OSError as error:
        return f"no answer: {error}", {}, b""


def test_postgresql_restart_gives_brief_503s_and_the_app_recovers_by_itself(cluster):
    cluster.psql("CREATE DATABASE controlmap")
    cluster.psql("CREATE EXTENSION postgis", database="controlmap")
    env = production_env(cluster.url, CONN_MAX_AGE="60")
    for command in (["migrate", "--noinput"], ["load_seed"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True,
                       timeout=180)
    port = free_port()
    server = subprocess.Popen([str(ROOT / ".venv/bin/gunicorn"), "controlmap.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2",
                               "--timeout", "30"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    urls = [f"{base}/api/v2/places/boukamal/history/", f"{base}/api/v2/control/?at=2017-11-20"]
    try:
        for _ in range(100):
            if get(f"{base}/healthz")[0] == 200:
                break
            time.sleep(0.1)
        assert all(get(url)[0] == 200 for url in urls)
        answers, stop = [], threading.Event()

        def poll():
            while not stop.is_set():
                for url in urls:
                    answer = get(url)
                    answers.append((time.monotonic(), *answer))  # when answered: a stop refuses requests under way
                time.sleep(0.02)

        poller = threading.Thread(target=poll)
        poller.start()
        time.sleep(0.5)
        stopping = time.monotonic()  # a fast shutdown may take a while on a busy machine: refusals start here
        cluster.stop()
        time.sleep(1.5)
        cluster.start()
        up = time.monotonic()
        time.sleep(2)
        stop.set()
        poller.join()
    finally:
        server.terminate()
        server.wait(timeout=30)

    statuses = [status for _, status, _, _ in answers]
    assert set(statuses) <= {200, 503}, [s for s in statuses if s not in (200, 503)][:5]
    refused = [(at, headers, body) for at, status, headers, body in answers if status == 503]
    assert refused, "no request was made while the database was down"
    outside = [round(at - stopping, 2) for at, _, _ in refused if not stopping <= at <= up + 1]
    assert not outside, f"503s answered {outside} s after the stop began, the database back at {up - stopping:.2f} s"
    assert all(json.loads(body)["error"] == "service_unavailable" and headers["Retry-After"] for _, headers, body in refused)
    recovered = [status for at, status, _, _ in answers if at > up + 1]
    assert recovered and set(recovered) == {200}, "the app did not recover without a restart"


# ------------------------------------------------------------------ killed mid-write

KILLABLE = """
import os, sys, time
import django
django.setup()
from django.db.models.signals import post_save
from geo.models import Claim
saved = 0
def pause_half_way(sender, **kwargs):
    global saved
    saved += 1
    if saved == int(sys.argv[1]):
        print("half-way", flush=True)
        time.sleep(60)  # killed here, inside the transaction
post_save.connect(pause_half_way, sender=Claim)
"""

PUBLISH = KILLABLE + """
from django.contrib.auth.models import User
from editorial.review import apply_review
apply_review(User.objects.get(username="rita"), [int(pk) for pk in sys.argv[2].split(",")], Claim.Review.PUBLISHED)
print("finished", flush=True)
"""

IMPORT = KILLABLE + """
from django.core.management import call_command
call_command("import_data", sys.argv[2])
print("finished", flush=True)
"""


def database_url():
    if connection.vendor == "sqlite":
        return f"spatialite:///{connection.settings_dict['NAME']}"
    s = connection.settings_dict
    return f"postgis://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def kill_half_way(script, *args):
    env = {key: value for key, value in os.environ.items() if key != "TEST_DATABASE_NAME"}
    env.update(DATABASE_URL=database_url(), DJANGO_SETTINGS_MODULE="controlmap.settings")
    process = subprocess.Popen([sys.executable, "-c", script, *map(str, args)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line.strip() == "half-way", process.stderr.read()
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL


def snapshot():
    return {
        "claims": sorted(Claim.objects.values_list("key", "review", "revision")),
        "history": Claim.history.count(), "places": Place.objects.count(), "sources": Source.objects.count(),
        "version": versions.current()[0],
    }


def test_killed_during_a_batch_publication_nothing_is_half_written(live_seeded):
    User.objects.create_user("rita", password="unused-password-for-the-test", is_staff=True, is_superuser=True)
    place, holder, source = Place.objects.get(slug="raqqa"), Actor.objects.get(slug="sdf"), Source.objects.first()
    drafts = []
    for day in range(1, 21):
        claim = Claim.objects.create(place=place, status="controlled", holder=holder, claimant="Fault test",
                                     date=f"2016-01-{day:02d}")
        Citation.objects.create(claim=claim, source=source, quote="A quote.")
        drafts.append(claim.pk)
    before = snapshot()
    kill_half_way(PUBLISH, 10, ",".join(map(str, drafts)))
    assert snapshot() == before
    assert set(Claim.objects.filter(pk__in=drafts).values_list("review", flat=True)) == {"draft"}
    # The database is usable afterwards: the same publication, run to the end, publishes all twenty.
    admin_run = subprocess.run([sys.executable, "-c", PUBLISH, "0", ",".join(map(str, drafts))], cwd=ROOT,
                               env={**{k: v for k, v in os.environ.items() if k != "TEST_DATABASE_NAME"},
                                    "DATABASE_URL": database_url()}, capture_output=True, text=True, timeout=120)
    assert admin_run.stdout.strip() == "finished", admin_run.stderr
    assert Claim.objects.filter(pk__in=drafts, review="published").count() == 20


def test_killed_during_an_import_nothing_is_half_written(live_seeded, tmp_path):
    document = export_document()
    for index, claim in enumerate(list(document["claims"])):
        document["claims"].append({**claim, "key": f"imported-{index}", "review": "draft"})
    document["places"].append({**document["places"][0], "slug": "imported-place", "names": []})
    path = tmp_path / "import.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = snapshot()
    kill_half_way(IMPORT, 5, path)
    assert snapshot() == before
    assert not Place.objects.filter(slug="imported-place").exists()
