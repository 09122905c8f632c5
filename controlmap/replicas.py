"""Read replicas: public reads go to a replica, editors' writes and their reads-after-write to the primary.

A request is public when it is a safe method (GET, HEAD, OPTIONS) from an anonymous client outside
the admin and the editors' pages; only then may the router send its reads to a replica. Everything
else, including commands and tests without a request, reads from the primary, so an editor always
sees what they just saved.
"""
import contextvars
import random

from django.conf import settings

_public_read = contextvars.ContextVar("public_read", default=False)
EDITOR_PATHS = ("/admin/", "/editorial/")


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
        token = _public_read.set(public)
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _public_read.get() and settings.REPLICA_DATABASES:
            return random.choice(settings.REPLICA_DATABASES)
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # replicas mirror the primary: objects from either may be related

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"
