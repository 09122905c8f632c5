"""ControlMap settings, read from the environment.

Unset means production: DEBUG off, and the app refuses to start without a real SECRET_KEY.
`make run` (and the test suite, through pytest-env) turn on development mode with DEBUG=1, which
brings a development key and localhost host names; the database defaults to a SpatiaLite file under data/.
"""
import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: use 1/0, true/false, yes/no or on/off.")


def env_count(name, default, minimum=0):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isascii() or not value.isdigit() or int(value) < minimum:
        raise ImproperlyConfigured(f"{name}={value!r}: use a whole number, {minimum} or more.")
    return int(value)


def env_list(name, default):
    value = os.environ.get(name)
    return [item.strip() for item in value.split(",") if item.strip()] if value else default


DEBUG = env_bool("DEBUG", False)

_DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "" if not DEBUG else _DEV_SECRET_KEY)
if not DEBUG and (len(SECRET_KEY) < 50 or SECRET_KEY == _DEV_SECRET_KEY or len(set(SECRET_KEY)) < 5):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random string of at least 50 characters when DEBUG is off "
        "(DEBUG unset is production; for local development use `make run` or DEBUG=1), for example: "
        "export SECRET_KEY=$(python -c 'import secrets; print(secrets.token_urlsafe(64))')"
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "rest_framework",
    "rest_framework_gis",
    "drf_spectacular",
    "corsheaders",
    "leaflet",
    "simple_history",
    "axes",
    "geo",
    "api",
    "web",
    "embed",
    "editorial",
    "pictures",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "controlmap.languages.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "controlmap.urls"
WSGI_APPLICATION = "controlmap.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Databases: SpatiaLite file by default (no server needed), PostGIS via DATABASE_URL.
DEFAULT_DATABASE_URL = f"spatialite:///{BASE_DIR / 'data' / 'controlmap.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))}
if DATABASES["default"]["ENGINE"] not in {
    "django.contrib.gis.db.backends.spatialite",
    "django.contrib.gis.db.backends.postgis",
}:
    raise ImproperlyConfigured(
        f"DATABASE_URL must use the spatialite:// or postgis:// scheme, not {DATABASES['default']['ENGINE']}."
    )
# Parallel test runs (several checkouts on one PostgreSQL) pick their own test database name.
if os.environ.get("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}
elif DATABASES["default"]["ENGINE"].endswith("spatialite"):
    # A file, not SQLite's in-memory default: the backup, fault and load tests reach the test
    # database from other processes.
    _database = Path(DATABASES["default"]["NAME"])
    DATABASES["default"]["TEST"] = {"NAME": str(_database.with_name(f"test_{_database.name}"))}
if DATABASES["default"]["ENGINE"].endswith("spatialite"):
    # Concurrent writers (two sign-in failures at once) queue for the write lock from the start of their
    # transaction instead of failing with "database is locked" when both upgrade a read lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE"})
if DATABASES["default"]["ENGINE"].endswith("postgis"):
    # JIT compilation costs ~1 s on the snapshot query and never pays back on these short queries.
    # Work memory: the day's segments of 50,000 places span 48,000 pages, whose bitmap turns lossy
    # at the default 4 MB (every row of those pages checked again: a third slower at XL), and their
    # 57 MB of Features are sorted by place in memory, not spilled to disk.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"connect_timeout": 5, "options": "-c jit=off -c work_mem=128MB"})
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Debian 12 ships GDAL 3.6; gis.W001 asks for 3.9 to block file and network access from
# malicious spatial references. ControlMap never passes a user-supplied spatial reference to
# GDAL: every geometry is stored and served in WGS84 (SRID 4326), the API accepts no SRS, and
# the admin map widget is fixed to 4326. So the warning is silenced deliberately.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
else:
    # Per process, and it holds whole answers (a snapshot of 10,000 places is 11 MB): a few dozen,
    # not Django's default 300, so a laptop's server stays small.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 32}}}
# The data version is read from the cache only when every process shares it (api.versions).
DATA_VERSION_CACHED = env_bool("DATA_VERSION_CACHED", bool(REDIS_URL))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The readers' languages: adding one is a catalogue under locale/ and one line here (README).
# Names in a language come from the places' and sides' names in it (geo.names).
LANGUAGES = [("en", "English"), ("ar", "العربية"), ("ckb", "کوردی")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django's language cookie counts in the admin and the editors' pages only (controlmap.languages): the
# public pages read no cookie, and their switch remembers the choice in the browser.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "data" / "staticfiles"

# Base map. The offline country outline keeps the map readable when tiles cannot load.
TILE_URL = os.environ.get("TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
TILE_ATTRIBUTION = os.environ.get(
    "TILE_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)

LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (35.0, 41.0),
    "DEFAULT_ZOOM": 6,
    "MIN_ZOOM": 3,
    "MAX_ZOOM": 16,
    "TILES": [("OpenStreetMap", TILE_URL, {"attribution": TILE_ATTRIBUTION})],
    "SRID": 4326,
    "RESET_VIEW": False,
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The API is public and read-only; editors sign in only through the admin's form (and its
    # lockout). No Basic authentication: it would check passwords outside the sign-in page.
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    # /api/v2/ and /api/v1/ (deprecated: the same answers with v1's names kept beside v2's; api.legacy).
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.URLPathVersioning",
    "ALLOWED_VERSIONS": ("v1", "v2"),
    "DEFAULT_VERSION": "v2",
    # Anonymous public reads: high enough for the map and the tests, low enough to stop a scraper loop.
    # Builds of answers costing up to seconds (known_at=, the whole map as CSV; cached answers do not
    # count): enough for a reader stepping through "as reported then" day by day.
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_THROTTLE_ANON", "3000/minute"),
                               "anon_expensive": os.environ.get("API_THROTTLE_EXPENSIVE", "60/minute")},
}

SPECTACULAR_SETTINGS = {
    "TITLE": "ControlMap API",
    "DESCRIPTION": (
        "Who held this town on that day, and who says so. Read-only and public: every GET sends ETag, "
        "Last-Modified and Cache-Control and answers conditional requests with 304; write methods answer 405; "
        "anonymous clients are throttled (429 with Retry-After). Every 400 names the parameter and what it accepts."
    ),
    "VERSION": "2.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.add_components"],
}

# Public API: CORS open for reads only (embeds on news sites), and the response cache.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api|feeds)/"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Link", "Retry-After", "Content-Disposition"]
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", 0))  # seconds a client may reuse without revalidating
API_CACHE_TIMEOUT = int(os.environ.get("API_CACHE_TIMEOUT", 24 * 3600))  # seconds a body stays in the cache
# Bytes of response bodies each process also keeps in its own memory, as copies of the shared cache's
# (api.fastpath.bodies.LocalBodies): a cached answer then costs no copy out of the cache. 0 turns it off.
# 32 MiB: a few snapshots of 10,000 places; one of 50,000 (57 MB) is not kept, so a worker stays small.
API_CACHE_LOCAL_BYTES = int(os.environ.get("API_CACHE_LOCAL_BYTES", 32 * 1024 * 1024))

SEEDS_DIR = BASE_DIR / "seeds"

# Production hardening: with DEBUG off, `manage.py check --deploy` is clean.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Hardening: CSP and framing, sign-in lockout, database outages as 503.
# See controlmap/security.py and RELIABILITY.md.
MIDDLEWARE.insert(0, "controlmap.security.SecurityHeadersMiddleware")
MIDDLEWARE.append("controlmap.security.DatabaseUnavailableMiddleware")
# Leaflet positions tiles and markers through the CSSOM, which CSP allows; no inline <style> is needed.
CSP_STYLE_SRC = env_list("CSP_STYLE_SRC", ["'self'"])
# Fixed style attributes in templates we do not own (simple_history's paginator, the claim form's
# publish button); allowed by hash only.
CSP_STYLE_ATTRIBUTES = ["border-top: 0", "display:inline"]
# Only the embeddable widget may be framed: by any site by default, or by the origins listed.
EMBED_PATH_PREFIXES = ["/embed/"]
EMBED_FRAME_ANCESTORS = env_list("EMBED_FRAME_ANCESTORS", ["*"])
PERMISSIONS_POLICY = ("accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                      "microphone=(), payment=(), usb=(), fullscreen=(self)")
SESSION_COOKIE_HTTPONLY = True
# The client address (controlmap.security.client_address), for the API throttle and the sign-in
# lockout. By default no header is believed: the address is the connection's. Behind your own proxies,
# either TRUSTED_PROXY_COUNT (how many append to X-Forwarded-For in front of the app) or
# CLIENT_IP_HEADER (a header your proxy sets and overwrites, e.g. X-Real-IP). See DEPLOY.md.
TRUSTED_PROXY_COUNT = env_count("TRUSTED_PROXY_COUNT", 0)
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "").strip()
if CLIENT_IP_HEADER and TRUSTED_PROXY_COUNT:
    raise ImproperlyConfigured("Set TRUSTED_PROXY_COUNT or CLIENT_IP_HEADER, not both: they are two ways "
                               "of naming where your proxy puts the client address.")
if CLIENT_IP_HEADER and not re.fullmatch(r"[A-Za-z0-9-]+", CLIENT_IP_HEADER):
    raise ImproperlyConfigured(f"CLIENT_IP_HEADER={CLIENT_IP_HEADER!r}: use a header name as your proxy sends it, "
                               "such as X-Real-IP.")
if CLIENT_IP_HEADER.lower() == "x-forwarded-for":
    raise ImproperlyConfigured("CLIENT_IP_HEADER=X-Forwarded-For: that header is a list whose left part the client "
                               "writes; set TRUSTED_PROXY_COUNT to the number of your proxies instead.")

# Admin sign-in lockout (django-axes): after LOGIN_FAILURE_LIMIT failures for one username from one
# client address, that username is refused from that address for LOGIN_LOCKOUT_SECONDS, restarted by
# each further attempt. Nothing is locked per address alone: editors sharing one address (an office,
# a load balancer left unconfigured) would all be locked out by anyone's failures there.
AUTHENTICATION_BACKENDS = ["controlmap.security.SignInLockoutBackend", "django.contrib.auth.backends.ModelBackend"]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
# Counts in the database, atomically: one row per username, address and user agent, created under a
# unique constraint and incremented by an SQL expression under a row lock.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_count("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(seconds=env_count("LOGIN_LOCKOUT_SECONDS", 15 * 60, minimum=1))
AXES_USERNAME_CALLABLE = "controlmap.security.sign_in_username"
AXES_CLIENT_IP_CALLABLE = "controlmap.security.client_address"
AXES_LOCKOUT_CALLABLE = "controlmap.security.locked_out"
AXES_RESET_ON_SUCCESS = True
# Persistent connections (seconds); CONN_HEALTH_CHECKS replaces one that died with the server.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", 0))

# Read replicas (DATABASE_REPLICA_URLS, comma-separated, same schemes as DATABASE_URL): public reads
# go to them, editors' writes and reads-after-write to the primary. See controlmap/replicas.py.
REPLICA_DATABASES = []
for _index, _url in enumerate(env_list("DATABASE_REPLICA_URLS", [])):
    _alias = f"replica_{_index + 1}"
    DATABASES[_alias] = dj_database_url.parse(_url)
    DATABASES[_alias]["TEST"] = {"MIRROR": "default"}
    if DATABASES[_alias]["ENGINE"].endswith("postgis"):  # the primary's connection options (above)
        DATABASES[_alias]["OPTIONS"] = dict(DATABASES["default"].get("OPTIONS", {}))
        DATABASES[_alias]["CONN_HEALTH_CHECKS"] = True
    DATABASES[_alias]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    REPLICA_DATABASES.append(_alias)
# Seconds a replica that refused a connection is left out before it is tried again (its reads go elsewhere).
REPLICA_RETRY_SECONDS = env_count("REPLICA_RETRY_SECONDS", 5, minimum=1)
DATABASE_ROUTERS = ["controlmap.replicas.ReplicaRouter"]
MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
                  "controlmap.replicas.PublicReadMiddleware")
