"""GET /healthz: is the site up, for load balancers and monitors; the details for staff.

Anyone gets up or down and the application's version, nothing else: no database error text (it can
name hosts and users), no counts of unpublished drafts. The database is asked at most once every
HEALTH_CACHE_SECONDS per process, whoever calls, so a flood of /healthz costs no queries. Signed-in
staff get the details, checked afresh: the backend and its version, and how much data there is.
"""
import threading
import time
from importlib import metadata

from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

HEALTH_CACHE_SECONDS = 3
VERSION = metadata.version("controlmap")


def spatial_backend():
    ops = connection.ops
    if connection.vendor == "postgresql":
        return "PostGIS", ".".join(map(str, ops.spatial_version))
    return "SpatiaLite", ".".join(map(str, ops.spatial_version))


def database_error():
    """None when the database answers a query, else the error's first line."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except (DatabaseError, ImproperlyConfigured) as error:
        return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return None


class Health:
    """Whether the database answered, remembered for HEALTH_CACHE_SECONDS; one check at a time."""

    def __init__(self):
        self._lock = threading.Lock()
        self._checked_at, self._up = None, False
        self.checks = 0  # database checks made by this process (for tests and figures)

    def up(self):
        with self._lock:
            now = time.monotonic()
            if self._checked_at is None or now - self._checked_at >= HEALTH_CACHE_SECONDS:
                self._up = database_error() is None
                self._checked_at, self.checks = time.monotonic(), self.checks + 1
            return self._up


health = Health()


def staff_details():
    """(status code, body) with everything staff may want to see; queries the database now."""
    from geo.models import Actor, Claim, Place, Source

    error = database_error()
    if error is not None:
        return 503, {"status": "down", "version": VERSION, "database": "unreachable", "error": error}
    try:
        counts = {
            "places": Place.objects.count(),
            "actors": Actor.objects.count(),
            "sources": Source.objects.count(),
            "claims": Claim.objects.count(),
            "published_claims": Claim.objects.filter(review=Claim.Review.PUBLISHED).count(),
        }
        backend, backend_version = spatial_backend()
    except (DatabaseError, ImproperlyConfigured) as error:
        return 503, {"status": "down", "version": VERSION, "database": "unreachable", "error": str(error).strip()[:200]}
    return 200, {"status": "up", "version": VERSION, "database": "reachable", "backend": backend,
                 "backend_version": backend_version, "database_vendor": connection.vendor, "counts": counts}


def is_staff(request):
    """Staff signed in. Without a session cookie nothing is read: anonymous floods cost no query."""
    from django.conf import settings

    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    try:
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_active and user.is_staff)
    except (DatabaseError, ImproperlyConfigured):  # the session store is the database, and it is down
        return False


@never_cache
def healthz(request):
    if is_staff(request):
        status, body = staff_details()
        return JsonResponse(body, status=status)
    up = health.up()
    return JsonResponse({"status": "up" if up else "down", "version": VERSION}, status=200 if up else 503)
