"""Admin sign-in as an attacker tries to get past or abuse the lockout, and as editors behind the same
load balancer meet it; the client address behind trusted proxies; production settings by default."""
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.db.models import Sum
from django.test import Client, RequestFactory

from controlmap.security import client_address

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-test-passphrase-42"
BALANCER = "10.0.0.2"  # every request reaches the app from the load balancer
LOCKED = "Too many failed sign-in attempts"


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editors(db):
    return [User.objects.create_user(name, f"{name}@example.org", PASSWORD, is_staff=True)
            for name in ("admin", "alice", "bob")]


def sign_in(username, password, remote_addr="127.0.0.1", **headers):
    client = Client(REMOTE_ADDR=remote_addr)
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password}, headers=headers)


def failures_of(username):
    return AccessAttempt.objects.filter(username=username).aggregate(total=Sum("failures_since_start"))["total"] or 0


# ------------------------------------------------------------------ usernames as Django reads them


def test_full_width_letters_do_not_get_past_the_lockout(editors, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("admin", "wrong")
    full_width = sign_in("ａｄｍｉｎ", PASSWORD)  # NFKC turns it into "admin", the account Django signs in
    assert full_width.status_code == 429 and LOCKED in full_width.content.decode()
    assert "_auth_user_id" not in full_width.client.session
    assert sign_in(" admin ", PASSWORD).status_code == 429


def test_failures_in_full_width_letters_count_for_the_account(editors, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("ａｄｍｉｎ", "wrong")
    assert failures_of("admin") == settings.AXES_FAILURE_LIMIT
    assert sign_in("admin", PASSWORD).status_code == 429


# ------------------------------------------------------------------ editors behind one load balancer


def test_one_username_failing_does_not_lock_other_editors_out_from_the_same_address(editors, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("alice", "wrong", remote_addr=BALANCER)
    assert sign_in("alice", PASSWORD, remote_addr=BALANCER).status_code == 429
    bob = sign_in("bob", PASSWORD, remote_addr=BALANCER)
    assert bob.status_code == 302 and bob.client.session["_auth_user_id"] == str(editors[2].pk)


def test_with_the_proxy_trusted_only_the_attackers_address_is_locked(editors, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("alice", "wrong", remote_addr=BALANCER, x_forwarded_for="203.0.113.9")
    assert sign_in("alice", PASSWORD, remote_addr=BALANCER, x_forwarded_for="203.0.113.9").status_code == 429
    assert sign_in("alice", PASSWORD, remote_addr=BALANCER, x_forwarded_for="198.51.100.20").status_code == 302


def test_an_attacker_failing_on_many_accounts_locks_no_editor_out_behind_the_balancer(editors, settings):
    for name in ("alice", "bob", *(f"guess{number}" for number in range(40))):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            sign_in(name, "wrong", remote_addr=BALANCER)
    assert sign_in("admin", PASSWORD, remote_addr=BALANCER).status_code == 302


# ------------------------------------------------------------------ the real client address


def test_spoofed_forwarded_entries_left_of_the_trusted_hops_change_nothing(editors, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(settings.AXES_FAILURE_LIMIT + 3):
        # The client writes the left part; the load balancer appends the address it saw.
        sign_in("alice", "wrong", remote_addr=BALANCER, x_forwarded_for=f"198.51.100.{number}, 203.0.113.9")
    assert failures_of("alice") == settings.AXES_FAILURE_LIMIT + 3
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}
    assert sign_in("alice", PASSWORD, remote_addr=BALANCER, x_forwarded_for="192.0.2.1, 203.0.113.9").status_code == 429
    # An address the attacker wrote in the spoofed part is someone else's, and not locked.
    assert sign_in("alice", PASSWORD, remote_addr=BALANCER, x_forwarded_for="198.51.100.1").status_code == 302


def test_by_default_no_forwarded_header_is_believed(editors, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in("alice", "wrong", remote_addr="203.0.113.9", x_forwarded_for=f"198.51.100.{number}", x_real_ip="192.0.2.1")
    assert sign_in("alice", PASSWORD, remote_addr="203.0.113.9", x_forwarded_for="192.0.2.50").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}


def test_a_named_header_set_by_our_proxy_is_the_address(editors, settings):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    for number in range(settings.AXES_FAILURE_LIMIT):
        sign_in("alice", "wrong", remote_addr=BALANCER, x_real_ip="203.0.113.9", x_forwarded_for=f"198.51.100.{number}")
    assert sign_in("alice", PASSWORD, remote_addr=BALANCER, x_real_ip="203.0.113.9").status_code == 429
    assert sign_in("alice", PASSWORD, remote_addr=BALANCER, x_real_ip="198.51.100.20").status_code == 302


@pytest.mark.parametrize("count, forwarded, expected", [
    (0, "198.51.100.1", "10.0.0.2"),
    (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),
    (2, "198.51.100.1, 203.0.113.9, 10.0.0.7", "203.0.113.9"),
    (2, "203.0.113.9", "10.0.0.2"),                  # shorter than the proxies in front: the connection
    (1, "", "10.0.0.2"),                             # no header
    (1, "198.51.100.1, not-an-address", "10.0.0.2"),  # garbage where the proxy writes
    (1, "2001:db8:0:0:0:0:0:1", "2001:db8::1"),       # one spelling per address
])
def test_the_client_address_counts_trusted_hops_from_the_right(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


# ------------------------------------------------------------------ concurrent failures


def test_concurrent_failures_all_count(live_server, transactional_db, settings):
    """Sixteen wrong passwords sent at the same moment to a live server: sixteen failures recorded."""
    settings.AXES_FAILURE_LIMIT = 1000
    User.objects.create_user("alice", "alice@example.org", PASSWORD, is_staff=True)
    attempts = 16
    url = f"{live_server.url}/admin/login/"
    sessions = []
    for _ in range(attempts):
        session = requests.Session()
        session.get(url, timeout=30).raise_for_status()
        sessions.append(session)
    start = threading.Barrier(attempts)
    statuses = []

    def fail(session):
        start.wait()
        answer = session.post(url, data={"username": "alice", "password": "wrong",
                                         "csrfmiddlewaretoken": session.cookies["csrftoken"]}, timeout=60)
        statuses.append(answer.status_code)

    threads = [threading.Thread(target=fail, args=(session,)) for session in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * attempts
    assert failures_of("alice") == attempts


# ------------------------------------------------------------------ settings at start-up


def start(*args, **env):
    environment = {key: value for key, value in os.environ.items()
                   if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "TRUSTED_PROXY_COUNT", "CLIENT_IP_HEADER",
                               "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environment.update(env)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)


SECRET = "p" * 20 + "-production-secret-for-the-signin-tests-0123456789"
SHOW = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG, settings.SESSION_COOKIE_SECURE)"


def test_debug_unset_means_production_settings():
    shown = start("-c", SHOW, SECRET_KEY=SECRET, ALLOWED_HOSTS="controlmap.example.org",
                  DJANGO_SETTINGS_MODULE="controlmap.settings")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split() == ["False", "True"]
    check = start("manage.py", "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=SECRET,
                  ALLOWED_HOSTS="controlmap.example.org")
    assert check.returncode == 0 and "no issues" in check.stdout, check.stdout + check.stderr


def test_debug_unset_without_a_secret_key_refuses_to_start_and_says_how():
    refused = start("manage.py", "check")
    assert refused.returncode != 0
    assert "SECRET_KEY must be set to a random string of at least 50 characters" in refused.stderr
    assert "DEBUG unset is production" in refused.stderr


def test_development_mode_is_asked_for_with_debug_1():
    shown = start("-c", SHOW, DEBUG="1", DJANGO_SETTINGS_MODULE="controlmap.settings")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split() == ["True", "False"]


@pytest.mark.parametrize("env, message", [
    ({"TRUSTED_PROXY_COUNT": "two"}, "TRUSTED_PROXY_COUNT='two': use a whole number, 0 or more."),
    ({"TRUSTED_PROXY_COUNT": "-1"}, "TRUSTED_PROXY_COUNT='-1': use a whole number, 0 or more."),
    ({"TRUSTED_PROXY_COUNT": "１"}, "TRUSTED_PROXY_COUNT='１': use a whole number, 0 or more."),
    ({"LOGIN_FAILURE_LIMIT": "0"}, "LOGIN_FAILURE_LIMIT='0': use a whole number, 1 or more."),
    ({"CLIENT_IP_HEADER": "X Real IP"}, "CLIENT_IP_HEADER='X Real IP': use a header name as your proxy sends it"),
    ({"CLIENT_IP_HEADER": "x-forwarded-for"}, "set TRUSTED_PROXY_COUNT to the number of your proxies instead"),
    ({"CLIENT_IP_HEADER": "X-Real-IP", "TRUSTED_PROXY_COUNT": "1"}, "Set TRUSTED_PROXY_COUNT or CLIENT_IP_HEADER, not both"),
])
def test_a_bad_proxy_or_lockout_setting_is_a_clear_start_up_error(env, message):
    refused = start("manage.py", "check", DEBUG="1", **env)
    assert refused.returncode != 0
    assert message in refused.stderr
