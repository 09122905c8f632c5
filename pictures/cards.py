"""Share cards: what a link to the map or the widget shows where it is pasted (Open Graph and Twitter
card tags), and the oEmbed answer's thumbnail: the picture of the page's own view (/image.png).

A page address's parameters are read as the page reads them: a malformed one is left out (the page
ignores it with a notice), so a card never points at a picture that answers 400. A widget address is
first translated into the map's parameters (static/shared/urlstate.js: embedToMap). The card speaks the
page's language, and its picture is asked for in it (`lang`).
"""
from urllib.parse import urlencode

from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from api.filters import ParameterError
from embed.parameters import declared
from geo import records
from geo.dates import label_in_language
from geo.models import Actor, Place
from geo.names import actor_names, is_default

from .parameters import DEFAULT_HEIGHT, DEFAULT_WIDTH, MIN_SIZE, map_parsers
from .scene import day_precision, end_of, labels_in
from .symbols import describe

TITLE = "ControlMap"


def map_params_of_widget(query):
    """The main-map parameters of a widget address (embedToMap): centre becomes lat and lng; known_at
    equal to at becomes known=1 (a widget fixed to another knowledge date opens as known today)."""
    params = {}
    for name, field in declared()["embed"].items():
        source, value = field.get("map"), query.get(name)
        if not source or not value:
            continue
        if isinstance(source, list):
            parts = value.split(",")
            if len(parts) == len(source):
                params.update(zip(source, (part.strip() for part in parts)))
        elif "if" in field:
            if value == query.get(source):
                params[field["if"]] = "1"
        else:
            params[source] = value
    return params


def valid_params(query):
    """The map parameters of `query` ({name: text}) that parse, as given; the others are left out."""
    kept = {}
    for name, parser in map_parsers().items():
        text = query.get(name)
        if not text:
            continue
        try:
            parser(name, text)
        except ParameterError:
            continue
        kept[name] = text
    if ("lat" in kept) != ("lng" in kept):
        kept.pop("lat", None)
        kept.pop("lng", None)
    return kept


def known_params(params):
    """`params` less a place or sides the record does not know (the page notes and ignores them; a
    picture would answer 400)."""
    params = dict(params)
    if "place" in params and not Place.objects.filter(slug=params["place"]).exists():
        del params["place"]
    if "actors" in params:
        wanted = [slug for slug in params["actors"].split(",") if slug.strip()]
        known = set(Actor.objects.filter(slug__in=wanted).values_list("slug", flat=True))
        kept = [slug for slug in wanted if slug in known]
        if kept:
            params["actors"] = ",".join(kept)
        else:
            del params["actors"]
    return params


def image_url(origin, params, width=DEFAULT_WIDTH, height=DEFAULT_HEIGHT):
    """The picture's address on `origin` ("https://host")."""
    size = {} if (width, height) == (DEFAULT_WIDTH, DEFAULT_HEIGHT) else {"width": width, "height": height}
    query = urlencode({**params, **size}, safe=",")
    return f"{origin}{reverse('pictures:image')}" + (f"?{query}" if query else "")


def card(request, widget=False):
    """{title, description, image, width, height, alt} of the page's view."""
    query = {name: request.GET.get(name, "") for name in request.GET}
    params = with_language(valid_params(map_params_of_widget(query) if widget else query))
    parsers = map_parsers()
    day = parsers["at"]("at", params["at"]) if "at" in params else timezone.now().date()
    known = "known" in params and parsers["known"]("known", params["known"])
    place = state = None
    if "place" in params or "actors" in params:
        try:
            params = known_params(params)
            place = Place.objects.filter(slug=params.get("place", "")).values_list("id", "name").first()
            if place:
                state = records.snapshot(day, end_of(day) if known else None, places=[place[0]]).get(place[0])
        except DatabaseError:  # the page needs no database: its card then names no place, nor sides
            params = {name: value for name, value in params.items() if name not in ("place", "actors")}
            place = state = None
    date = label_in_language(day, day_precision([state] if state else [], day))
    slots = {"date": date, "site": TITLE, "reported": _(", as reported then") if known else ""}
    if place:
        language = translation.get_language()
        names = {**dict(Actor.objects.values_list("id", "name")), **actor_names(language)}
        slots["place"] = labels_in(language, [place[0]]).get(place[0], place[1]) if not is_default(language) else place[1]
        slots["state"] = describe(state, lambda actor: names.get(actor, _("unknown forces")))
        slots["since"] = (_(" since %(date)s") % {"date": label_in_language(state.since, state.precision)}
                          if state is not None and state.since else "")
        title = _("%(place)s, %(date)s: %(site)s") % slots
        description = _("%(place)s on %(date)s%(reported)s: %(state)s%(since)s. Every state traced to a quoted source.") % slots
    else:
        title = _("Territorial control on %(date)s: %(site)s") % slots
        description = _("Who held which town on %(date)s%(reported)s, and who says so: every state traced to a quoted "
                        "source.") % slots
    alt = _("Map of territorial control on %(date)s%(reported)s") % slots
    return {"title": title, "description": description, "image": image_url(request.build_absolute_uri("/").rstrip("/"), params),
            "width": DEFAULT_WIDTH, "height": DEFAULT_HEIGHT, "alt": alt}


def with_language(params):
    """`params` with the page's language as `lang` when it is not the default, so that the picture says
    what the page says (a page in Arabic because of Accept-Language has no `lang` in its address)."""
    language = translation.get_language()
    if "lang" in params or is_default(language):
        return params
    return {**params, "lang": language}


def thumbnail(origin, params, max_width=None, max_height=None):
    """oEmbed's thumbnail fields for a map view: the card's picture, scaled down to fit the limits
    (none when the smallest picture would not fit them)."""
    scale = min(1.0, (max_width or DEFAULT_WIDTH) / DEFAULT_WIDTH, (max_height or DEFAULT_HEIGHT) / DEFAULT_HEIGHT)
    width, height = round(DEFAULT_WIDTH * scale), round(DEFAULT_HEIGHT * scale)
    if min(width, height) < MIN_SIZE:
        return {}
    return {"thumbnail_url": image_url(origin, known_params(valid_params(params)), width, height),
            "thumbnail_width": width, "thumbnail_height": height}
