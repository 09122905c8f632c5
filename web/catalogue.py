"""The browser modules' translations, in the page: Django's JSONCatalog of the active language (domain
djangojs), written into the page as JSON and read by static/shared/i18n.js.

In the page rather than fetched from /jsi18n/: the map and the widget need no request more before they
can say anything, and the page holds the language it was rendered in (an embed cached by a CDN holds
its own). A few kilobytes: the project's own strings, Django's formats and the plural rule."""
from functools import lru_cache

from django.utils.translation import get_language
from django.utils.translation.trans_real import DjangoTranslation
from django.views.i18n import JSONCatalog


@lru_cache(maxsize=8)
def _catalogue(language):
    """What JSONCatalog answers for `language` (the active one: its formats are read from it)."""
    view = JSONCatalog(domain="djangojs")
    view.translation = DjangoTranslation(language, domain="djangojs")
    return view.get_context_data()


def catalogue():
    """{"catalog", "formats", "plural"} of the active language (read once per process and language)."""
    return _catalogue(get_language())
