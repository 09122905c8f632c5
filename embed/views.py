"""The embeddable map (/embed/) and its oEmbed endpoint (/oembed/).

The widget page carries only settings; its JavaScript reads the view from the query string (the
parameters declared once in static/shared/parameters.js, read here by embed.parameters) and loads the
data in one request. The page reads no cookie and sets none, so any cache may keep it. Framing:
controlmap.security lets any origin (or EMBED_FRAME_ANCESTORS) frame /embed/ and nothing else.

oEmbed (https://oembed.com): the answer for a map or embed address of this site is a "rich" type whose
html is the iframe of exactly that view; the same markup as the Share dialog's embed code.
"""
from urllib.parse import parse_qsl, urlencode, urlsplit

from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.http.request import split_domain_port, validate_host
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.html import format_html
from django.utils.translation import get_language, gettext, override, pgettext
from django.views.decorators.http import require_safe

from api.filters import ParameterError, Query, plain, whole_number
from controlmap.languages import codes
from geo.dates import DateParseError, label_in_language, parse_moment
from geo.models import Place
from geo.names import is_default, place_names
from geo.text import isolated
from embed.parameters import widget_names, widget_params_of_map
from pictures.cards import map_params_of_widget, thumbnail
from web.catalogue import catalogue
from web.modules import module_graph
from web.views import map_config

ENTRY = "embed/embed.js"
DEFAULT_WIDTH = 640
DEFAULT_HEIGHT = 480
# oembed.com's parameters; anything else, repeated or empty, is a 400 naming it (api.filters.Query).
OEMBED_QUERY = Query(url=plain, format=plain, maxwidth=whole_number, maxheight=whole_number)
PAGE_MAX_AGE = 300  # seconds: the page holds settings only, the data comes from the timeline request


def same_for_everyone(view):
    """For pages that read no cookie: public caching."""
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=PAGE_MAX_AGE)
        return response
    return wrapped


def day_of(text):
    """The calendar day of a partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD), else None: the widget's rule."""
    try:
        day, moment = parse_moment(text)
    except DateParseError:
        return None
    return day if moment is None else None


@require_safe
@same_for_everyone
def embed_page(request):
    config = map_config()
    known_day = day_of(request.GET.get("known_at", ""))
    config.update({
        # The one data request; known_at is normalised here so that the preload and the fetch agree.
        "timelineUrl": with_query(config["timelineUrl"], {"known_at": known_day.isoformat()} if known_day else {}),
        "knownAt": known_day.isoformat() if known_day else None,
        "mapUrl": reverse("web:map"),
    })
    theme = "dark" if request.GET.get("theme") == "dark" else "light"
    return render(request, "embed/embed.html", {"config": config, "catalogue": catalogue(), "theme": theme, "entry": ENTRY,
                                                "modules": module_graph(ENTRY)})


def with_query(url, params):
    """`url` with `params` added to its query (the language's lang= already there stays first)."""
    if not params:
        return url
    return f"{url}{'&' if '?' in url else '?'}{urlencode(params)}"


def problem(status, detail, parameter=None, accepted=None):
    body = {"detail": detail}
    if parameter:
        body.update(parameter=parameter, accepted=accepted)
    return JsonResponse(body, status=status)


def is_ours(netloc, request):
    """An address of this site: the host asked, or one ALLOWED_HOSTS names (a bare "*" names no host)."""
    if netloc.lower() == request.get_host().lower():
        return True
    domain, _port = split_domain_port(netloc.lower())
    return bool(domain) and validate_host(domain, [host for host in settings.ALLOWED_HOSTS if host != "*"])


def embed_query(path, query):
    """The widget's parameters for a map or embed address, or None if the path is neither.

    A map address (/?at=&place=&lat=&lng=&zoom=&actors=&known=) becomes the same view in the widget;
    "as reported then" (known=1) is the knowledge date `at`. Values pass as given: the widget checks them.
    """
    if path == reverse("embed:page"):
        return {name: query[name] for name in widget_names() if query.get(name)}
    if path == reverse("web:map"):
        return widget_params_of_map(query)
    return None


def frame_title(params):
    """The iframe's title, as the Share dialog writes it: the place and the date when the view names them,
    in the active language. The place name goes between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE
    (static/shared/bidi.js): right-to-left text in it cannot reorder the date after it."""
    parts = []
    place = Place.objects.filter(slug=params.get("place", "")).values_list("id", "name").first()
    if place:
        parts.append(isolated(place_names(get_language()).get(place[0], place[1])))
    day = day_of(params.get("at", ""))
    if day:
        parts.append(label_in_language(day, "day"))
    return pgettext("a list", ", ").join([gettext("ControlMap: territorial control map"), *parts])


@require_safe
@same_for_everyone
def oembed(request):
    try:
        values = OEMBED_QUERY.parse(request.GET)
    except ParameterError as error:
        return JsonResponse(error.detail, status=error.status_code)
    fmt = values.get("format", "json")
    if fmt != "json":
        return problem(501, f"format={fmt!r} is not implemented: this provider answers format=json only.")
    url = values.get("url", "").strip()
    if not url:
        return problem(400, "url: required.", "url", "the address of a ControlMap map or embed page")
    limits = {name: values.get(name) for name in ("maxwidth", "maxheight")}

    parts = urlsplit(url)
    query = dict(_pairs(parts.query))
    params = None
    if parts.scheme in ("http", "https") and is_ours(parts.netloc, request):
        params = embed_query(parts.path or "/", query)
    if params is None:
        return problem(404, "url: not a map or embed address of this site.")

    width = min(DEFAULT_WIDTH, limits["maxwidth"] or DEFAULT_WIDTH)
    height = min(DEFAULT_HEIGHT, limits["maxheight"] or DEFAULT_HEIGHT)
    encoded = urlencode(params, safe=",")
    src = f"{parts.scheme}://{parts.netloc}{reverse('embed:page')}" + (f"?{encoded}" if encoded else "")
    # The frame speaks the language of the address it shows (its lang=), else this request's.
    language = params.get("lang") if params.get("lang") in codes() else get_language()
    with override(language):
        title = frame_title(params)
    html = format_html(
        '<iframe src="{}" title="{}" width="{}" height="{}" style="border:0;max-width:100%" loading="lazy"></iframe>',
        src, title, width, height,
    )
    return JsonResponse({
        "type": "rich", "version": "1.0", "title": title, "provider_name": "ControlMap",
        "provider_url": f"{parts.scheme}://{parts.netloc}/", "html": html, "width": width, "height": height,
        "cache_age": PAGE_MAX_AGE,
        **thumbnail(f"{parts.scheme}://{parts.netloc}", lettered_in(map_params_of_widget(params), language),
                    limits["maxwidth"], limits["maxheight"]),
    })


def lettered_in(params, language):
    """The thumbnail's parameters with the frame's language, so that its picture says what the frame says."""
    return params if is_default(language) else {**params, "lang": language}


def _pairs(query):
    """Query pairs, the first value of each name winning (as URLSearchParams.get does in the widget)."""
    seen = set()
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name not in seen:
            seen.add(name)
            yield name, value
