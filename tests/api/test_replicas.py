"""Public reads use a replica connection; editors and writes use the primary (run in a subprocess,
since replicas are configured from the environment when the settings load)."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, django
django.setup()
from django.contrib.auth import get_user_model
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from geo.models import Place

result = {}
def queries_on(alias, request):
    with CaptureQueriesContext(connections["default"]) as primary, CaptureQueriesContext(connections[alias]) as replica:
        response = request()
    return response.status_code, len(primary.captured_queries), len(replica.captured_queries)

public = Client(HTTP_HOST="localhost")
result["public"] = queries_on("replica_1", lambda: public.get("/healthz"))
editor = get_user_model().objects.create_superuser("replica-test-editor", "e@example.org", "a-long-password-123")
signed_in = Client(HTTP_HOST="localhost")
signed_in.force_login(editor)
result["editor"] = queries_on("replica_1", lambda: signed_in.get("/admin/geo/place/"))
result["command_read_db"] = Place.objects.all()._db or "default"
result["aliases"] = sorted(connections.settings)
get_user_model().objects.filter(username="replica-test-editor").delete()
print(json.dumps(result))
"""


def test_public_reads_use_the_replica_and_editors_the_primary(tmp_path):
    database = tmp_path / "replica-test.sqlite3"
    url = f"spatialite:///{database}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "controlmap.settings"}
    env.pop("TEST_DATABASE_NAME", None)
    migrate = subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert migrate.returncode == 0, migrate.stderr
    # The replica is a second connection to the same file: what matters is which connection is used.
    env["DATABASE_REPLICA_URLS"] = url
    run = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["aliases"] == ["default", "replica_1"]
    status, primary, replica = result["public"]
    # /healthz tells the public only whether the primary answers (one SELECT 1, then remembered for seconds).
    assert status == 200 and replica == 0 and primary == 1
    status, primary, replica = result["editor"]
    assert status == 200 and primary > 0 and replica == 0


def test_public_answers_do_not_vary_by_cookie(seeded, client):
    """Anonymous readers are told apart without reading a session, so CDNs can share the answers."""
    for url in ["/api/v2/timeline/", "/api/v2/control/?at=2017-11-04", "/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert "Cookie" not in response.get("Vary", ""), url
