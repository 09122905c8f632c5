"""A short run of scripts/loadtest.py (the full 64 clients x 60 s run is `make reliability`): the
production server answers the map, snapshot, timeline and embed under concurrent load without an error."""
import json
import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def test_sixteen_clients_for_five_seconds_get_no_error(live_seeded, tmp_path):
    s = connection.settings_dict
    url = (f"spatialite:///{s['NAME']}" if connection.vendor == "sqlite" else
           f"postgis://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}")
    env = {key: value for key, value in os.environ.items() if key != "TEST_DATABASE_NAME"}
    env["DATABASE_URL"] = url
    output = tmp_path / "load.json"
    run = subprocess.run([sys.executable, "scripts/loadtest.py", "--clients", "16", "--duration", "5", "--processes", "2",
                          "--workers", "3", "--output", str(output)], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    figures = json.loads(output.read_text())
    assert figures["total"]["errors"] == 0 and figures["total"]["requests"] > 40
    for name, endpoint in figures["endpoints"].items():
        assert endpoint["requests"] > 10 and endpoint["errors"] == 0, name
