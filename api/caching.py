"""Conditional requests and the response cache for every public GET, in one place.

The validators are the data version (api.versions), which moves on every change to the
record: the ETag names the endpoint, its parameters, the representation and the version, so a
client or CDN revalidates for the price of one tiny query, and a cached body can never be stale
(a new version is a new key). The version is read *before* the body is built, so a publication
racing with a request can only store a newer body under an older key, never the reverse.

Two entry points share the same logic: `CachedGetMixin` for DRF views (after throttling and
content negotiation) and `cached_view` for plain Django views (the Atom feed, the embed).

Bodies are kept and read through api.fastpath (the shared cache, and this process's copies of
the bodies it served last); one build per key runs at a time, the identical requests waiting for it.

A body of up to GZIP_MAX_BYTES that a client accepting gzip asks for is also kept gzipped, compressed
once, in a thread of its own after it is stored, and those clients get that copy from then on.
Compressed per request by the front server instead, the 2.4 MB timeline at L cost nginx (gzip level 5)
80-140 ms of every map page's first render; compressed within the request, it would cost the request
that builds it as much.
"""
import datetime as dt
import gzip
import hashlib
import re
import threading
from functools import wraps

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified, HttpResponseRedirect, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from . import versions
from .fastpath import ECHO, builds, key_text, last_event, local_bodies, shared_bodies, streamed, with_echo
from .filters import ParameterError, Query

IMMUTABLE_SECONDS = 365 * 24 * 3600  # an answer whose URL names its data version (`v=`)
# A URL naming another version than the current one redirects to the current one's URL, for this long:
# a version once superseded never comes back, and a CDN holding the redirect a few seconds spares the app
# the readers whose page named it.
REDIRECT_SECONDS = 5

# Headers a cached body must be served with again.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Link")
# Accept-Encoding read as Django's GZipMiddleware reads it. Bodies shorter than nginx's gzip_min_length in
# the deployed configuration gain nothing; above GZIP_MAX_BYTES (the snapshot at L is 12 MB: 1.5 s of a
# core at level 6) the front server or the CDN compresses, as it compresses everything sent plain.
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
GZIP_MIN_BYTES = 1024
GZIP_MAX_BYTES = 8 * 1024 * 1024
GZIPPED = ":gzip"  # the compressed copy's cache key: the plain body's, and this


class Compressions:
    """The gzipped copies being made in this process, one thread per body, each body once at a time."""

    def __init__(self):
        self._running = {}
        self._lock = threading.Lock()

    def start(self, key, content, headers):
        if not GZIP_MIN_BYTES <= len(content) <= GZIP_MAX_BYTES:
            return
        with self._lock:
            if key in self._running:
                return
            thread = self._running[key] = threading.Thread(target=self._compress, args=(key, content, headers),
                                                           name=f"gzip {key}", daemon=True)
        thread.start()

    def _compress(self, key, content, headers):
        try:
            compressed = gzip.compress(content, 6, mtime=0)  # zlib lets the other threads run meanwhile
            headers = {**headers, "Content-Encoding": "gzip"}
            shared_bodies.put(key + GZIPPED, compressed, headers, cache_timeout())
            local_bodies.put(key + GZIPPED, compressed, headers)
        finally:
            with self._lock:
                del self._running[key]

    def wait(self):
        """Until every copy started so far is kept (a test's or a shutdown's)."""
        with self._lock:
            running = list(self._running.values())
        for thread in running:
            thread.join()


compressions = Compressions()


def max_age():
    return getattr(settings, "API_CACHE_MAX_AGE", 0)


def cache_timeout():
    return getattr(settings, "API_CACHE_TIMEOUT", 24 * 3600)


class Validators:
    """ETag, Last-Modified and cache key of one request, as of the current data version."""

    def __init__(self, endpoint, request, values=None, variant="", today=None, current=None, pinned=None):
        """`values`: the parsed query parameters (api.filters.Query), which the key names by their
        meaning, never by their spelling. `today`: for an answer that depends on the current day (a
        state "now"), that day (UTC): it joins the key, and midnight counts as a modification.
        `current`: the (version, changed_at) to use instead of versions.current(). `pinned`: the data
        version the URL names (`v=`), or None."""
        self.args = (endpoint, request, values, variant, today)
        self.pinned = pinned
        version, changed_at = current or versions.current()
        values = values or {}
        # changed_at joins the key: a version number reused after a rolled-back bump never finds old bodies.
        stamp = int(changed_at.timestamp() * 1e6) if changed_at else 0
        params = key_text(values)
        # The ETag names this very request; the cache key, for known_at=, the latest event at or
        # before the moment (api.fastpath.keys), so moments between two publications share one body.
        self.echo = None
        shared = params
        if values.get("known_at") is not None:
            self.echo = values["known_at"].isoformat()
            event = last_event(values["known_at"], (version, stamp))
            shared = key_text({**values, "known_at": f"as of {event.isoformat() if event else 'nothing'}"})
        digest = self._digest(endpoint, request.path, params, variant, today)
        # A body that names the moment asked for (echo) is rewritten per request: it is never compressed.
        self.gzip = self.echo is None and ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) is not None
        self.version = version
        modified = changed_at or dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
        if today is not None:
            modified = max(modified, dt.datetime.combine(today, dt.time(), tzinfo=dt.timezone.utc))
        # Seconds only: that is what Last-Modified and If-Modified-Since can carry.
        self.last_modified = int(modified.timestamp())
        self.etag = f'"v{version}-{digest}"'
        self.gzip_etag = f'"v{version}-{digest}-gzip"'  # the same answer gzipped: a representation of its own
        self.revalidated = None
        shared_digest = digest if shared == params else self._digest(endpoint, request.path, shared, variant, today)
        self.key = f"controlmap:response:{version}.{stamp}:{shared_digest}"

    @staticmethod
    def _digest(*parts):
        return hashlib.sha256(repr(parts).encode()).hexdigest()[:20]

    def for_building(self):
        """The validators a body about to be built is stored under.

        When the version comes from the shared cache it may be ahead of the database this request
        reads (a lagging read replica): the body is then keyed by the version that database holds,
        read before the body, so a body is never stored under a newer version than its data."""
        if not getattr(settings, "DATA_VERSION_CACHED", False):
            return self
        return Validators(*self.args, current=versions.stored(), pinned=self.pinned)

    def not_modified(self, request):
        """RFC 9110: If-None-Match wins; If-Modified-Since counts only without it."""
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match is not None:
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            # Either representation the client holds is this version's answer, as the weak comparison
            # that If-None-Match asks for finds.
            self.revalidated = self.gzip_etag if self.gzip_etag in tags else self.etag
            return "*" in tags or self.etag in tags or self.gzip_etag in tags
        since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
        return since is not None and self.last_modified <= since

    def apply(self, response):
        revalidated_gzipped = response.status_code == 304 and self.revalidated == self.gzip_etag
        gzipped = response.get("Content-Encoding") == "gzip" or revalidated_gzipped
        response["ETag"] = self.gzip_etag if gzipped else self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        if self.pinned is not None and self.pinned == self.version:
            # The URL names this body's own version, which no publication can change: a new one is a new URL.
            response["Cache-Control"] = f"public, max-age={IMMUTABLE_SECONDS}, immutable"
        else:
            response["Cache-Control"] = f"public, max-age={max_age()}, must-revalidate"
        patch_vary_headers(response, ["Accept", "Accept-Encoding"])
        return response

    def not_modified_response(self):
        return self.apply(HttpResponseNotModified())

    @staticmethod
    def _stored(key):
        """(content, headers) under `key`: this process's copy while the shared cache still holds the
        key (an existence check, no body moves), else the shared cache's, which becomes the local copy."""
        stored = local_bodies.get(key)
        if stored is None or not shared_bodies.has(key):
            stored = shared_bodies.get(key, whole_up_to=local_bodies.limit())
            if stored is not None and isinstance(stored[0], bytes):
                local_bodies.put(key, *stored)
        return stored

    def cached_response(self):
        """The body under this key; its gzipped copy for a client that accepts gzip, once it is kept
        (until then the plain body, whose copy is started if none is being made)."""
        stored = self._stored(self.key + GZIPPED) if self.gzip else None
        if stored is None:
            stored = self._stored(self.key)
            if stored is None:
                return None
            if self.gzip and not streamed(stored[0]):
                compressions.start(self.key, *stored)
        content, headers = stored
        headers = dict(headers)
        echoed = headers.pop(ECHO, None)
        if echoed is not None and echoed != self.echo:
            content = with_echo(content, echoed, self.echo)
        if streamed(content):
            response = StreamingHttpResponse(content)
            response["Content-Length"] = content.size
        else:
            response = HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        response["X-Cache"] = "hit"
        return self.apply(response)

    def store(self, response):
        """Keep a rendered 200 response under this version's key, and mark it with the validators."""
        if response.status_code == 200 and not getattr(response, "streaming", False):
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            if self.echo is not None:
                headers[ECHO] = self.echo
            shared_bodies.put(self.key, response.content, headers, cache_timeout())
            local_bodies.put(self.key, response.content, headers)
            if self.gzip:  # copies only of bodies that a client accepting gzip asked for
                compressions.start(self.key, response.content, headers)
            response["X-Cache"] = "miss"
            self.apply(response)
        return response


def repinned(request, version):
    """A 302 from a URL naming another data version to the same URL naming the current one."""
    query = request.GET.copy()
    query["v"] = str(version)
    response = HttpResponseRedirect(f"{request.path}?{query.urlencode()}")
    response["Cache-Control"] = f"public, max-age={REDIRECT_SECONDS}"
    patch_vary_headers(response, ["Accept"])
    return response


class _Answered(Exception):
    """Carries a ready response (304 or cached body) out of DRF's `initial()`."""

    def __init__(self, response):
        self.response = response


class CachedGetMixin:
    """For DRF views: parameters parsed, then 304 and cached bodies after throttling and content
    negotiation; on a miss, one build per key at a time (api.fastpath.builds), cached after.

    `query` lists the parameters the endpoint accepts (api.filters.Query); the view reads their
    parsed values from `self.values`. `cache_endpoint` names the endpoint in keys (defaults to the
    class name). A view whose `at` defaults to today sets `cache_daily`, so a cached "today" never
    outlives its day. `build_throttles(values)` lists the throttles a build (not a cached answer)
    counts against.
    """

    cache_endpoint = None
    cache_daily = False
    query = Query()

    def build_throttles(self, values):
        return ()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return
        self.values = self.query.parse(request.query_params)
        pinned = self.values.pop("v", None)  # names which version, never what: not part of the key
        renderer = getattr(request, "accepted_renderer", None)
        variant = getattr(renderer, "format", "")
        today = timezone.now().date() if self.cache_daily and "at" not in self.values else None
        self.validators = Validators(self.cache_endpoint or type(self).__name__, request, self.values, variant, today,
                                     pinned=pinned)
        if pinned is not None and pinned != self.validators.version:
            raise _Answered(repinned(request, self.validators.version))
        if self.validators.not_modified(request):
            raise _Answered(self.validators.not_modified_response())
        cached = self.validators.cached_response()
        if cached is None:
            cached, self.lease = builds.lease(self.validators.key, self.validators.cached_response)
        if cached is not None:
            raise _Answered(cached)
        for throttle in self.build_throttles(self.values):
            if not throttle.allow_request(request, self):
                self.throttled(request, throttle.wait())
        self.validators = self.validators.for_building()

    def dispatch(self, request, *args, **kwargs):
        self.lease = None
        try:
            return super().dispatch(request, *args, **kwargs)
        finally:
            if self.lease is not None:  # the body is stored (or there is none): the waiting requests go on
                self.lease.release()

    def handle_exception(self, exc):
        if isinstance(exc, _Answered):
            return exc.response
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        validators = getattr(self, "validators", None)
        if validators is not None and response.status_code == 200 and "X-Cache" not in response:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
                # Rendered: the data (every feature of a snapshot) is no longer needed, and freeing it
                # before the cache copies the body keeps a worker's peak to about two bodies.
                response.data = None
            validators.store(response)
        return response


def cached_view(endpoint, query=Query()):
    """The same for a plain Django view function: parameters parsed, then 304, cached body, or
    render (one build per key at a time) and cache."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            try:
                values = query.parse(request.GET)
            except ParameterError as error:
                return JsonResponse(error.detail, status=error.status_code)
            validators = Validators(endpoint, request, values)
            if validators.not_modified(request):
                return validators.not_modified_response()
            cached = validators.cached_response()
            if cached is None:
                cached, lease = builds.lease(validators.key, validators.cached_response)
            if cached is not None:
                return cached
            try:
                validators = validators.for_building()
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                return validators.store(response)
            finally:
                lease.release()

        return wrapper

    return decorator
