"""Response headers and failure modes that keep readers and editors safe.

- SecurityHeadersMiddleware: a Content-Security-Policy with no inline script (a per-request nonce
  exists only for django-leaflet's admin map widget, which reads `request.csp_nonce`), the framing
  policy (only the embed may be framed, by the origins in EMBED_FRAME_ANCESTORS), Permissions-Policy.
  HSTS, nosniff, Referrer-Policy and secure cookies stay with Django's own settings.
- DatabaseUnavailableMiddleware and server_error: a lost database connection is a 503 that says to
  retry, not a 500; the next request reconnects (CONN_HEALTH_CHECKS), so the app recovers by itself.
- client_address: the client's address behind the trusted proxies, for the API throttle and the
  sign-in lockout alike.
- The admin sign-in lockout runs on django-axes (counts in the database, per username and client
  address); the pieces here fit it to ControlMap: the username as Django authenticates it, and the
  answer that says when to retry.
"""
import base64
import functools
import hashlib
import ipaddress
import math
import secrets
from urllib.parse import urlsplit

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.views import defaults

# ------------------------------------------------------------------ headers


class Nonce:
    """A random CSP nonce that is added to the policy only if a template used it."""

    def __init__(self):
        self.value = secrets.token_urlsafe(18)
        self.used = False

    def __str__(self):
        self.used = True
        return self.value


def origin_of(url_template):
    """The scheme and host of a tile URL template such as https://{s}.tile.example.org/{z}/{x}/{y}.png."""
    parts = urlsplit(url_template.replace("{s}", "__sub__"))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.netloc.replace("__sub__", "*")
    return f"{parts.scheme}://{host}"


def is_embed(path):
    return any(path.startswith(prefix) for prefix in settings.EMBED_PATH_PREFIXES)


def style_attribute_hashes(styles):
    """CSP hashes for the few fixed style="" attributes of third-party admin templates ('unsafe-hashes'
    lets exactly these through; any other inline style, injected or not, stays blocked)."""
    hashes = [base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() for style in styles]
    return ["'unsafe-hashes'", *(f"'sha256-{value}'" for value in hashes)] if hashes else []


def content_security_policy(path, nonce=None):
    frame_ancestors = " ".join(settings.EMBED_FRAME_ANCESTORS) if is_embed(path) else "'none'"
    arguments = (settings.TILE_URL, tuple(settings.CSP_STYLE_SRC), tuple(settings.CSP_STYLE_ATTRIBUTES), frame_ancestors)
    # Without a nonce (every API answer) the policy depends on settings only: built once per setting.
    return _policy(*arguments, nonce) if nonce else _cached_policy(*arguments)


def _policy(tile_url, style_src, style_attributes, frame_ancestors, nonce=None):
    tiles = origin_of(tile_url)
    script = ["'self'"] + ([f"'nonce-{nonce}'"] if nonce else [])
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(script),
        "style-src": " ".join([*style_src, *style_attribute_hashes(style_attributes)]),
        "img-src": " ".join(["'self'", "data:", *([tiles] if tiles else [])]),
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors,
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


_cached_policy = functools.lru_cache(maxsize=16)(_policy)


class SecurityHeadersMiddleware:
    """Adds CSP, the framing policy and Permissions-Policy to every response that has none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = Nonce()
        response = self.get_response(request)
        nonce = request.csp_nonce.value if request.csp_nonce.used else None
        response.setdefault("Content-Security-Policy", content_security_policy(request.path, nonce))
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if is_embed(request.path):
            # CSP frame-ancestors decides; X-Frame-Options cannot express an allow-list.
            del response["X-Frame-Options"]
        return response


# ------------------------------------------------------------------ database outages

RETRY_AFTER_SECONDS = 5
UNAVAILABLE_MESSAGE = "The database is unavailable for a moment. Please retry in a few seconds."


def unavailable(request):
    """503 with Retry-After, in JSON for API clients (in English, as every API message) and HTML for readers
    (in their language: the page needs no database)."""
    wants_json = request.path.startswith("/api/") or "json" in request.headers.get("Accept", "")
    if wants_json:
        response = JsonResponse({"error": "service_unavailable", "detail": UNAVAILABLE_MESSAGE}, status=503)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turns a lost or refused database connection raised by a view into a 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)):
            return unavailable(request)
        return None


def server_error(request, *args, **kwargs):
    """handler500: the same 503 for database outages outside views (middleware, sessions)."""
    import sys

    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        return unavailable(request)
    return defaults.server_error(request, *args, **kwargs)


# ------------------------------------------------------------------ the client address


def client_address(request):
    """The address of the client that sent the request, as the trusted-proxy settings define it.

    Only what our own proxies wrote is believed. With TRUSTED_PROXY_COUNT proxies in front, each
    appending the address it was reached from to X-Forwarded-For, the client is that many entries from
    the right; entries further left are whatever the client sent. With CLIENT_IP_HEADER, it is the
    header our proxy sets. Otherwise, or when that header is missing, too short or not an address,
    it is the connection's own address (REMOTE_ADDR).

    A few lines rather than django-ipware: ipware walks a list of headers in order of precedence and
    prefers public addresses, so using it safely means configuring it down to these two cases anyway
    (and an internal client behind the balancer has a private address it would pass over).
    """
    connected = request.META.get("REMOTE_ADDR", "")
    if settings.CLIENT_IP_HEADER:
        claimed = request.headers.get(settings.CLIENT_IP_HEADER, "")
    elif settings.TRUSTED_PROXY_COUNT:
        hops = request.headers.get("X-Forwarded-For", "").split(",")
        claimed = hops[-settings.TRUSTED_PROXY_COUNT] if len(hops) >= settings.TRUSTED_PROXY_COUNT else ""
    else:
        return connected
    try:
        return str(ipaddress.ip_address(claimed.strip()))
    except ValueError:
        return connected


# ------------------------------------------------------------------ admin sign-in lockout (django-axes)


def sign_in_username(request, credentials):
    """The username as the sign-in form hands it to Django (stripped, NFKC): ｒｏｏｔ and root are one account."""
    username = credentials.get("username") if credentials else request.POST.get("username")
    return AbstractBaseUser.normalize_username(username.strip()) if isinstance(username, str) else None


class SignInLockoutBackend(AxesStandaloneBackend):
    """Axes' check, made before any password is compared.

    A call without a request (the test client's login(), a shell) comes from code on the server, not
    from a client that could be locked out, so it is left to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def retry_message(seconds):
    minutes = math.ceil(seconds / 60)
    when = f"{minutes} minute{'s' if minutes != 1 else ''}" if seconds >= 60 else f"{seconds} seconds"
    return (f"Too many failed sign-in attempts. Sign-in is locked for this account from your address: "
            f"try again in {when}.")


class LockedOutForm(AdminAuthenticationForm):
    """The admin sign-in form refusing without checking the password."""

    def __init__(self, request, seconds, **kwargs):
        self.seconds = seconds
        super().__init__(request, **kwargs)

    def clean(self):
        raise ValidationError(retry_message(self.seconds), code="locked_out")


def locked_out(request, original_response=None, credentials=None):
    """Axes' lockout answer: the sign-in page again with the time to retry, 429 and Retry-After.

    The same for a right and a wrong password. Every attempt while locked counts and restarts the
    lockout (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT), so the wait is always the whole lockout.
    """
    from django.contrib import admin

    seconds = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds())
    form = LockedOutForm(request, seconds, data=request.POST)
    form.is_valid()
    context = {
        **admin.site.each_context(request), "title": "Log in", "subtitle": None, "form": form,
        "app_path": request.get_full_path(), "username": request.POST.get("username", ""),
    }
    response = TemplateResponse(request, "admin/login.html", context, status=429).render()
    response["Retry-After"] = str(seconds)
    return response
