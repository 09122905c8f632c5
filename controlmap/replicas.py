"""Read replicas: public reads go to a replica, editors' writes and their reads-after-write to the primary.

A request is public when it is a safe method (GET, HEAD, OPTIONS) from an anonymous client outside
the admin and the editors' pages; only then may the router send its reads to a replica. Everything
else, including commands and tests without a request, reads from the primary, so an editor always
sees what they just saved.

A replica that refuses connections (stopped, restarting, still recovering) is left out for
REPLICA_RETRY_SECONDS and its reads go to another replica or the primary; a public read that a replica
failed halfway (it stopped under the request) is answered again from the others, once. Readers see
no error while any database answers.
"""
import contextvars
import logging
import random
import time

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)
_public_read = contextvars.ContextVar("public_read", default=False)
_replicas_used = contextvars.ContextVar("replicas_used", default=None)
_left_out_until = {}  # replica alias -> time.monotonic() before which it is not tried again
EDITOR_PATHS = ("/admin/", "/editorial/")


def reachable(alias):
    """Whether the replica holds or can open a connection; one that cannot is left out for a while."""
    connection = connections[alias]
    if connection.connection is not None:
        return True
    try:
        connection.ensure_connection()
        return True
    except DatabaseError as error:
        _left_out_until[alias] = time.monotonic() + settings.REPLICA_RETRY_SECONDS
        logger.warning("Read replica %s left out for %s s: %s", alias, settings.REPLICA_RETRY_SECONDS, error)
        return False


def replica_for_read():
    """A reachable replica at random, or the primary ("default") when none is."""
    now = time.monotonic()
    candidates = [alias for alias in settings.REPLICA_DATABASES if _left_out_until.get(alias, 0) <= now]
    for alias in random.sample(candidates, len(candidates)):
        if reachable(alias):
            used = _replicas_used.get()
            if used is not None:
                used.add(alias)
            return alias
    return "default"


class PublicReadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie the client is anonymous: the session is then never read, so
        # public answers do not vary by cookie.
        signed_in = settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated
        public = (
            request.method in ("GET", "HEAD", "OPTIONS")
            and not request.path.startswith(EDITOR_PATHS)
            and not signed_in
        )
        token, used = _public_read.set(public), _replicas_used.set(set())
        try:
            response = self.get_response(request)
            if response.status_code == 503 and self.replica_failed(_replicas_used.get()):
                response = self.get_response(request)  # a safe method: answered again without that replica
            return response
        finally:
            _public_read.reset(token)
            _replicas_used.reset(used)

    @staticmethod
    def replica_failed(aliases):
        """Whether a replica this request read from has gone (the 503 may be the primary's own)."""
        failed = False
        for alias in aliases:
            connections[alias].close()
            failed = not reachable(alias) or failed
        aliases.clear()
        return failed


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _public_read.get() and settings.REPLICA_DATABASES:
            return replica_for_read()
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # replicas mirror the primary: objects from either may be related

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"
