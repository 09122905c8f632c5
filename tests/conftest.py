"""Shared fixtures: the seed data, and a real Chromium that can reach only this machine."""
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the tests
# themselves are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The seed data (fixtures/seed.json) is loaded once, as `make run` loads it; every test that
    uses `db` runs in a transaction rolled back afterwards, so each starts from the same data."""
    with django_db_blocker.unblock():
        call_command("load_seed", verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """The translations compiled from locale/*.po as they are now, as `make run` and `make test` compile
    them: a page in Arabic or Sorani reads what the catalogues say."""
    call_command("compilemessages", ignore_patterns=[".venv", "data", "node_modules"], verbosity=0)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Responses are cached per data version, and a rolled-back test leaves the version where it
    was: each test starts with an empty cache so no answer of another test's data is served."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def seeded(db):
    """Marks a test that relies on the seed data (present from the session set-up)."""


@pytest.fixture
def live_seeded(transactional_db):
    """The seed data for tests with a live server: transactional tests empty the database after
    they run (pytest-django runs them after the others), so the seed is loaded again."""
    call_command("load_seed", verbosity=0)


@pytest.fixture
def live_roles(transactional_db):
    """The Editors and Reviewers groups with the permissions their migrations give them, for tests with
    a live server (a transactional test empties every table after it runs, the groups too; the
    permissions come back with the flush's post_migrate)."""
    import importlib

    from django.contrib.auth.models import Group, Permission

    roles = importlib.import_module("editorial.migrations.0001_editor_and_reviewer_groups")
    for name, codenames in (("Editors", roles.EDITORS), ("Reviewers", roles.REVIEWERS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(Permission.objects.filter(content_type__app_label="geo", codename__in=codenames))
        group.permissions.add(Permission.objects.get(content_type__app_label="editorial", codename="view_pendingchange"))


@pytest.fixture
def in_thread():
    """Starts `work` in a thread of its own, with its own database connection, closed when it ends:
    for tests of what two writers do at once."""
    import threading

    from django.db import connection

    def start(work):
        def run():
            try:
                work()
            finally:
                connection.close()
        thread = threading.Thread(target=run)
        thread.start()
        return thread

    return start


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


def block_non_local(route):
    if urlsplit(route.request.url).hostname in LOCAL_HOSTS or route.request.url.startswith(("data:", "blob:")):
        route.continue_()
    else:
        route.abort()


@pytest.fixture
def new_page(browser, request):
    """Opens pages in fresh contexts where every non-local request is blocked.

    Screenshots of each page at the end of the test are kept in test-artifacts/.
    """
    contexts = []

    def open_page(**context_options):
        context = browser.new_context(**context_options)
        context.route("**/*", block_non_local)
        contexts.append(context)
        page = context.new_page()
        page.console_errors = []
        page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
        page.on("pageerror", lambda error: page.console_errors.append(str(error)))
        return page

    yield open_page
    ARTIFACTS.mkdir(exist_ok=True)
    for index, context in enumerate(contexts):
        for number, page in enumerate(context.pages):
            name = f"{request.node.name}-{index}-{number}".replace("/", "_").replace("[", "_").replace("]", "")
            try:
                page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
            except Exception:  # a page that crashed still lets the other screenshots be taken
                pass
        context.close()
    if "live_server" in request.fixturenames:
        wait_for_requests_in_flight(request.getfixturevalue("live_server"))


def wait_for_requests_in_flight(live_server):
    """A closed page can leave a request still running in the live server; the flush that empties the
    database after a transactional test then deadlocks against its queries on PostgreSQL. Each request
    runs in a thread that closes its connections when it ends, so the threads are joined first
    (socketserver keeps them in `_threads` for its own join on close)."""
    for thread in list(getattr(live_server.thread.httpd, "_threads", ())):
        thread.join(timeout=30)

