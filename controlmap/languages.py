"""Which language a request is answered in: `?lang=`, then the reader's remembered choice, then Accept-Language.

Django's LocaleMiddleware reads the cookie and Accept-Language but no query parameter, which the map,
its share links and the embed codes carry. This middleware puts `?lang=` first; what else it reads
depends on who may keep the answer:
  - /api/ and /feeds/: `?lang=` only (part of their cache keys, api.filters.language); Accept-Language
    would make one address answer in several languages behind a CDN;
  - the public pages (the map, the embed, the source pages, oEmbed): `?lang=`, then Accept-Language, and
    they say so (Vary: Accept-Language) but read no cookie, so any cache may keep them; the map's switch
    remembers the reader's choice in the browser and asks for ?lang= (static/web/language.js);
  - the editors' workspace and the admin: `?lang=`, then Django's language cookie, then Accept-Language.
    A GET with `?lang=` there sets the cookie and redirects to the address without it: the admin's lists
    take every other parameter for a filter, and the editor's choice then holds on every page.
An unknown `?lang=` on a page is passed over (the API refuses it with a 400 that names the languages).
"""
from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

ADDRESS_ONLY = ("/api/", "/feeds/")
SIGNED_IN = ("/admin/", "/editorial/")


def codes():
    return [code for code, _ in settings.LANGUAGES]


def from_accept_language(header):
    """The first language of an Accept-Language header that is served (ar-IQ gives ar), else the default.
    Django's get_language_from_request would read the cookie first: its header parser is used alone."""
    for asked, _quality in parse_accept_lang_header(header or ""):
        if asked == "*":
            break
        try:
            return translation.get_supported_language_variant(asked)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def language_of(request):
    asked = request.GET.get("lang", "")
    if asked in codes():
        return asked
    path = request.path_info
    if path.startswith(ADDRESS_ONLY):
        return settings.LANGUAGE_CODE
    if path.startswith(SIGNED_IN):
        remembered = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if remembered in codes():
            return remembered
    return from_accept_language(request.META.get("HTTP_ACCEPT_LANGUAGE"))


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "GET" and request.path_info.startswith(SIGNED_IN) and "lang" in request.GET:
            return remembered(request)
        language = language_of(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        if not request.path_info.startswith(ADDRESS_ONLY):
            patch_vary_headers(response, ("Accept-Language", "Cookie") if request.path_info.startswith(SIGNED_IN)
                               else ("Accept-Language",))
        return response


def remembered(request):
    """The signed-in page's address without `lang`, with Django's language cookie set to it (a language
    the site does not speak is dropped and the cookie left as it was)."""
    query = request.GET.copy()
    asked = query.pop("lang")[-1]
    response = HttpResponseRedirect(request.path + (f"?{query.urlencode()}" if query else ""))
    if asked in codes():
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, asked, max_age=settings.LANGUAGE_COOKIE_AGE,
                            path=settings.LANGUAGE_COOKIE_PATH, domain=settings.LANGUAGE_COOKIE_DOMAIN,
                            secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                            samesite=settings.LANGUAGE_COOKIE_SAMESITE)
    return response
