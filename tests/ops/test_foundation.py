"""The project as a new user meets it: configuration, health, and the production checks."""
import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = "k" * 20 + "-production-secret-for-the-deploy-check-0123456789"


def run(args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environment.update(env)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)


@pytest.mark.usefixtures("seeded")
def test_healthz_reports_the_database_backend_and_counts_to_staff(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("ops", password="x" * 20, is_staff=True))
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "up" and body["database"] == "reachable"
    assert body["backend"] in {"PostGIS", "SpatiaLite"} and body["backend_version"][0].isdigit()
    assert body["counts"]["places"] == 8 and body["counts"]["published_claims"] >= 25
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_answers_503_when_the_database_is_down(tmp_path):
    database_url = "postgis://controlmap:controlmap@127.0.0.1:1/controlmap" if "postgis" in os.environ.get("DATABASE_URL", "") \
        else f"spatialite:///{tmp_path}/no-such-dir/controlmap.sqlite3"
    script = (
        "import django, json; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz', HTTP_HOST='localhost'); print(json.dumps({'code': r.status_code, 'body': r.json()}))"
    )
    result = run(["-c", script], DEBUG="1", DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="controlmap.settings")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["code"] == 503
    assert answer["body"] == {"status": "down", "version": version("controlmap")}  # no database error text for anyone


def test_production_refuses_to_start_without_a_real_secret_key():
    result = run(["manage.py", "check"], DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set to a random string of at least 50 characters" in result.stderr


def test_deploy_check_is_clean_in_the_production_configuration():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], DEBUG="0", SECRET_KEY=GOOD_SECRET,
                 ALLOWED_HOSTS="controlmap.example.org")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_database_url_of_another_kind_is_refused_with_a_clear_message():
    result = run(["manage.py", "check"], DEBUG="1", DATABASE_URL="mysql://root@localhost/x")
    assert result.returncode != 0 and "DATABASE_URL must use the spatialite:// or postgis:// scheme" in result.stderr
