"""Which language a request is answered in: `?lang=`, then the reader's remembered choice, then Accept-Language.

Django's LocaleMiddleware reads the cookie and Accept-Language but no query parameter, which the map,
its share links and the embed codes carry. This middleware puts `?lang=` first and keeps the rest of
Django's order; where a cached answer must depend on its address alone it reads less:
  - /api/ and /feeds/: `?lang=` only (part of their cache keys, api.filters.language); Accept-Language
    would make one address answer in several languages behind a CDN;
  - /embed/ reads no cookie (a newsroom's page must look the same to every reader; embed.views):
    `?lang=`, then Accept-Language.
An unknown `?lang=` on a page is passed over (the API refuses it with a 400 that names the languages).
"""
from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

ADDRESS_ONLY = ("/api/", "/feeds/")
NO_COOKIE = ("/embed/",)


def codes():
    return [code for code, _ in settings.LANGUAGES]


def from_accept_language(header):
    """The first language of an Accept-Language header that is served (ar-IQ gives ar), else the default."""
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
    if not path.startswith(NO_COOKIE):
        remembered = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if remembered in codes():
            return remembered
    return from_accept_language(request.META.get("HTTP_ACCEPT_LANGUAGE"))


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        if not request.path_info.startswith(ADDRESS_ONLY):
            patch_vary_headers(response, ("Accept-Language",) if request.path_info.startswith(NO_COOKIE)
                               else ("Accept-Language", "Cookie"))
        return response
