"""The replica router against a real hot standby: a PostgreSQL primary and its streaming standby made in
a temporary directory (initdb, pg_basebackup -R), the standby stopped under public reads and started
again. Reads fall back to the primary without an error, and go back to the standby once it answers."""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path("/usr/lib/postgresql/15/bin")
URL = "/api/v2/control/?at=2017-11-20"

# Runs in its own process: replicas are configured from the environment when the settings load. Between
# requests it stops and starts the standby through the commands it is given.
SCRIPT = """
import json, logging, os, subprocess, sys, time, django
django.setup()
left_out = []  # the router's warnings: a replica left out
router_log = logging.getLogger("controlmap.replicas")
router_log.setLevel(logging.WARNING)
router_log.addHandler(type("Kept", (logging.Handler,), {"emit": lambda self, record: left_out.append(record)})())
from django.core.cache import cache
from django.db import connections
from django.test import Client

commands = json.loads(os.environ["STANDBY_COMMANDS"])
public = Client(HTTP_HOST="localhost")

def counter(alias, counts):
    def wrapper(execute, sql, params, many, context):
        counts[alias] += 1  # counted whether or not it succeeds; never opens a connection itself
        return execute(sql, params, many, context)
    return wrapper

def read():
    cache.clear()  # every read reaches a database
    counts = {"default": 0, "replica_1": 0}
    with connections["default"].execute_wrapper(counter("default", counts)), \
            connections["replica_1"].execute_wrapper(counter("replica_1", counts)):
        response = public.get(sys.argv[1])
    warned = len(left_out)
    left_out.clear()
    return {"status": response.status_code, "primary": counts["default"], "replica": counts["replica_1"],
            "left_out": warned, "body": response.content.decode()[:20000]}

steps = {"standby up": read()}
subprocess.run(commands["stop"], check=True, capture_output=True)
steps["standby stopped, connection held"] = read()  # the persistent connection died under the request
steps["standby stopped"] = read()
subprocess.run(commands["start"], check=True, capture_output=True)
time.sleep(float(os.environ["REPLICA_RETRY_SECONDS"]) + 0.5)
steps["standby started"] = read()
print(json.dumps(steps))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_owner(command):
    """PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def run(command, **kwargs):
    done = subprocess.run(as_owner(command), capture_output=True, text=True, timeout=120, **kwargs)
    assert done.returncode == 0, f"{' '.join(command)}: {done.stdout[-1500:]}{done.stderr[-1500:]}"
    return done.stdout


@pytest.fixture
def primary_and_standby():
    """(primary URL, standby URL, stop command, start command); both clusters removed afterwards."""
    base = Path(tempfile.mkdtemp(prefix="controlmap-standby-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
    primary, standby = base / "primary", base / "standby"
    ports = free_port(), free_port()
    options = f"-c listen_addresses=127.0.0.1 -k {base} -c fsync=off -c full_page_writes=off"
    start = [BIN / "pg_ctl", "-D", standby, "-l", base / "standby.log", "-w", "-o", f"-p {ports[1]} {options}", "start"]
    stop = [BIN / "pg_ctl", "-D", standby, "-m", "fast", "-w", "stop"]
    started = []
    try:
        run([BIN / "initdb", "-D", primary, "-U", "postgres", "--auth=trust", "--no-sync"])
        run([BIN / "pg_ctl", "-D", primary, "-l", base / "primary.log", "-w", "-o", f"-p {ports[0]} {options}", "start"])
        started.append(primary)
        psql = [BIN / "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(ports[0]),
                "-U", "postgres"]
        run([*psql, "-c", "CREATE DATABASE controlmap"])
        run([*psql, "-d", "controlmap", "-c", "CREATE EXTENSION postgis"])
        primary_url = f"postgis://postgres@127.0.0.1:{ports[0]}/controlmap"
        env = {**os.environ, "DATABASE_URL": primary_url}
        env.pop("TEST_DATABASE_NAME", None)
        for command in (["migrate", "-v0"], ["load_seed", "-v0"]):
            done = subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True,
                                  text=True, timeout=300)
            assert done.returncode == 0, done.stderr[-3000:]
        run([BIN / "pg_basebackup", "-h", "127.0.0.1", "-p", str(ports[0]), "-U", "postgres", "-D", standby, "-R",
             "-X", "stream", "-c", "fast", "--no-sync"])
        run(start)
        started.append(standby)
        commands = [[str(part) for part in as_owner(command)] for command in (stop, start)]
        yield primary_url, f"postgis://postgres@127.0.0.1:{ports[1]}/controlmap", *commands
    finally:
        for cluster in reversed(started):
            subprocess.run(as_owner([BIN / "pg_ctl", "-D", cluster, "-m", "immediate", "-w", "stop"]), capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def test_public_reads_fall_back_to_the_primary_while_the_standby_is_stopped(primary_and_standby):
    primary_url, standby_url, stop, start = primary_and_standby
    env = {**os.environ, "DATABASE_URL": primary_url, "DATABASE_REPLICA_URLS": standby_url, "CONN_MAX_AGE": "60",
           "REPLICA_RETRY_SECONDS": "2", "DJANGO_SETTINGS_MODULE": "controlmap.settings", "LOG_LEVEL": "ERROR",
           "STANDBY_COMMANDS": json.dumps({"stop": stop, "start": start})}
    env.pop("TEST_DATABASE_NAME", None)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", SCRIPT, URL], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    steps = json.loads(done.stdout.strip().splitlines()[-1])
    up, held, stopped, back = (steps[name] for name in (
        "standby up", "standby stopped, connection held", "standby stopped", "standby started"))
    assert up["status"] == 200 and up["replica"] > 0 and up["primary"] == 0 and up["left_out"] == 0, up
    # The standby went away under a held connection: the read failed there, and is answered again from
    # the primary, the standby left out.
    assert held["status"] == 200 and held["primary"] > 0 and held["left_out"] == 1, held
    assert stopped["status"] == 200 and stopped["replica"] == 0 and stopped["primary"] > 0, stopped
    assert up["body"] == held["body"] == stopped["body"] == back["body"]
    assert back["status"] == 200 and back["replica"] > 0 and back["primary"] == 0, back
    assert time.monotonic() - started < 60
