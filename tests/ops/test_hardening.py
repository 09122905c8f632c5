"""Headers, framing, sign-in throttling, outages as 503, CSRF and a read-only API: what an attacker meets."""
import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import OperationalError
from django.db.models import F
from django.test import Client
from django.urls import path

from controlmap import security

PASSWORD = "a-long-test-passphrase-42"


@pytest.fixture(autouse=True)
def fast_hasher_and_empty_cache(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


@pytest.mark.parametrize("url", ["/", "/admin/login/", "/api/v2/docs/", "/api/v2/control/?at=2017-11-20",
                                 "/feeds/changes/", "/healthz", "/no-such-page/"])
def test_every_page_has_a_policy_without_inline_script_and_refuses_framing(client, seeded, url):
    response = client.get(url)
    policy = directives(response)
    assert policy["script-src"] == ["'self'"], "no inline script, no eval, no foreign script"
    assert policy["style-src"][0] == "'self'" and "'unsafe-inline'" not in policy["style-src"] and "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and response["X-Frame-Options"] == "DENY"
    assert policy["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "geolocation=()" in response["Permissions-Policy"] and "camera=()" in response["Permissions-Policy"]


def test_the_tile_host_in_the_policy_follows_the_tile_setting(client, settings):
    settings.TILE_URL = "https://{s}.tiles.example.net:8443/{z}/{x}/{y}.png"
    assert directives(client.get("/no-such-page/"))["img-src"][-1] == "https://*.tiles.example.net:8443"


def test_only_the_embed_may_be_framed_by_any_site_or_by_the_allow_list(client, seeded, settings):
    response = client.get("/embed/")
    assert directives(response)["frame-ancestors"] == ["*"]
    assert "X-Frame-Options" not in response
    settings.EMBED_FRAME_ANCESTORS = ["https://news.example.org", "https://*.example.com"]
    response = client.get("/embed/?at=2017-11-20")
    assert directives(response)["frame-ancestors"] == ["https://news.example.org", "https://*.example.com"]
    assert directives(client.get("/embedded-elsewhere/"))["frame-ancestors"] == ["'none'"]


def test_the_admin_map_widget_runs_by_a_one_time_nonce_not_by_unsafe_inline(seeded):
    User.objects.create_superuser("root", "root@example.org", PASSWORD)
    client = Client()
    client.login(username="root", password=PASSWORD)
    first, second = (client.get("/admin/geo/place/add/") for _ in range(2))
    nonces = [re.search(r"'nonce-([^']+)'", r["Content-Security-Policy"]).group(1) for r in (first, second)]
    assert nonces[0] != nonces[1]
    assert f'<script nonce="{nonces[0]}">' in first.content.decode()
    # Every inline script on the page carries the nonce; none without it would run.
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*\bnonce=)(?![^>]*application/json)[^>]*>", first.content.decode())
    assert "'nonce-" not in client.get("/admin/geo/place/")["Content-Security-Policy"]


def test_production_sends_hsts_and_secure_cookies_behind_https(settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.CSRF_COOKIE_SECURE = settings.SESSION_COOKIE_SECURE = True
    client = Client()
    over_http = client.get("/admin/login/")
    assert "Strict-Transport-Security" not in over_http
    response = client.get("/admin/login/", headers={"X-Forwarded-Proto": "https"})
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response.cookies["csrftoken"]["secure"] is True


# ------------------------------------------------------------------ admin sign-in


def sign_in(client, username, password):
    client.get("/admin/login/")
    token = client.cookies["csrftoken"].value
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password,
                                                       "csrfmiddlewaretoken": token})


def test_admin_sign_in_locks_out_after_repeated_failures_and_says_when_to_retry(db, settings):
    settings.AXES_FAILURE_LIMIT = 3
    User.objects.create_superuser("root", "root@example.org", PASSWORD)
    client = Client(enforce_csrf_checks=True)
    for _ in range(2):
        failed = sign_in(client, "root", "wrong")
        assert failed.status_code == 200 and "Please enter the correct username and password" in failed.content.decode()
    third = sign_in(client, "root", "wrong")  # the failure that reaches the limit says so at once
    assert third.status_code == 429 and "Too many failed sign-in attempts" in third.content.decode()
    locked = sign_in(client, "root", PASSWORD)  # even the right password is refused now
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) > 14 * 60
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert "try again in 15 minutes" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another account from the same address, and the same account from elsewhere, still sign in.
    User.objects.create_superuser("other", "other@example.org", PASSWORD)
    assert sign_in(client, "other", PASSWORD).status_code == 302
    elsewhere = Client(enforce_csrf_checks=True, REMOTE_ADDR="192.0.2.7")
    assert sign_in(elsewhere, "root", PASSWORD).status_code == 302


def test_the_lockout_ends_after_its_time_and_a_success_clears_earlier_failures(db, settings):
    settings.AXES_FAILURE_LIMIT = 2
    User.objects.create_superuser("root", "root@example.org", PASSWORD)
    client = Client()
    sign_in(client, "root", "wrong")
    assert sign_in(client, "root", PASSWORD).status_code == 302  # one failure, then success: counter cleared
    client = Client()
    sign_in(client, "root", "wrong")
    sign_in(client, "root", "wrong")  # two fresh failures would lock if the success had not cleared them...
    assert sign_in(client, "root", PASSWORD).status_code == 429
    # The lockout time passes (the recorded attempts grow that much older).
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    assert sign_in(client, "root", PASSWORD).status_code == 302


def test_one_address_guessing_many_usernames_locks_each_username_not_the_address(db, settings):
    settings.AXES_FAILURE_LIMIT = 2
    client = Client()
    for number in range(10):
        assert sign_in(client, f"guess{number}", "wrong").status_code == 200
        assert sign_in(client, f"guess{number}", "wrong").status_code == 429
    # Editors sharing that address (an office, a load balancer) still sign in.
    User.objects.create_superuser("root", "root@example.org", PASSWORD)
    assert sign_in(client, "root", PASSWORD).status_code == 302


def test_sign_in_without_a_csrf_token_is_refused(db):
    User.objects.create_superuser("root", "root@example.org", PASSWORD)
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "root", "password": PASSWORD})
    assert response.status_code == 403


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/v2/claims/", "/api/v2/places/", "/api/v2/places/boukamal/",
                                 "/api/v2/control/", "/feeds/changes/"])
def test_the_public_api_is_read_only(client, seeded, method, url):
    response = getattr(client, method)(url, data={"status": "controlled"}, content_type="application/json")
    assert response.status_code == 405


# ------------------------------------------------------------------ database outages


def broken_view(request):
    raise OperationalError("connection to server at \"127.0.0.1\", port 5432 failed: Connection refused")


urlpatterns = [path("api/v2/broken/", broken_view), path("broken/", broken_view)]


@pytest.mark.urls(__name__)
def test_a_lost_database_is_a_503_that_says_to_retry(client):
    api = client.get("/api/v2/broken/")
    assert api.status_code == 503 and api["Retry-After"] == "5"
    assert api.json() == {"error": "service_unavailable", "detail": security.UNAVAILABLE_MESSAGE}
    page = client.get("/broken/")
    assert page.status_code == 503 and "Temporarily unavailable" in page.content.decode()
    assert page["Cache-Control"] == "no-store"
