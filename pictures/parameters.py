"""The parameters of a picture: the map address's own, read by the kinds declared once in
static/shared/parameters.js (through embed.parameters), plus the picture's size and, for an
animation, its span, step and speed. Anything else, repeated, empty or malformed is a 400 naming
the parameter (api.filters.Query), before any work.
"""
import re

from api.filters import ParameterError, Query, day, shown, slugs
from embed.parameters import declared

DEFAULT_WIDTH, DEFAULT_HEIGHT = 1200, 630  # the share-card size (Open Graph's 1.91:1)
MIN_SIZE, MAX_SIZE = 200, 2400
MAX_FRAMES = 300
MAX_FPS = 20
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
SLUG = re.compile(r"[-a-z0-9_]{1,200}")
LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}")


def _number(field):
    def parse(name, text):
        text = text.strip()
        if not NUMBER.fullmatch(text):
            raise ParameterError(name, f"{name}: {shown(text)} is not a number.", field["help"])
        value = float(text)
        if not field["min"] <= value <= field["max"]:
            raise ParameterError(name, f"{name}: {value:g} is not between {field['min']} and {field['max']}.", field["help"])
        return value
    return parse


def _zoom(field):
    def parse(name, text):
        text = text.strip()
        if not re.fullmatch(r"[0-9]{1,2}", text) or int(text) > field["max"]:
            raise ParameterError(name, f"{name}: {shown(text)} is not a zoom level.", field["help"])
        return int(text)
    return parse


def _slug(field):
    def parse(name, text):
        if not SLUG.fullmatch(text.strip()):
            raise ParameterError(name, f"{name}: {shown(text)} is {field['error']}.", field["help"])
        return text.strip()
    return parse


def _slugs(field):
    def parse(name, text):
        found = slugs(name, text)
        if not all(SLUG.fullmatch(slug) for slug in found):
            raise ParameterError(name, f"{name}: {shown(text)} is {field['error']}.", field["help"])
        return found
    return parse


def _flag(field):
    def parse(name, text):
        text = text.strip()
        if text not in field["yes"] + field["no"]:
            raise ParameterError(name, f"{name}: {shown(text)} is not one of {', '.join(field['yes'] + field['no'])}.",
                                 field["help"])
        return text in field["yes"]
    return parse


def _date(field):
    def parse(name, text):
        if "T" in text:  # the map's dates are days; a moment is the API's
            raise ParameterError(name, f"{name}: {shown(text)} is not a date.", field["help"])
        return day(name, text)
    return parse


def _choice(field):
    def parse(name, text):
        if text.strip() not in field["choices"]:
            raise ParameterError(name, f"{name}: {shown(text)} is not one of {', '.join(field['choices'])}.", field["help"])
        return text.strip()
    return parse


def _period(field):
    def parse(name, text):
        text = text.strip()
        return text if text in field["words"] else _date(field)(name, text)
    return parse


KINDS = {"period": _period, "date": _date, "slug": _slug, "slugs": _slugs, "number": _number, "zoom": _zoom, "flag": _flag, "choice": _choice}


def whole(low, high, help_text):
    def parse(name, text):
        text = text.strip()
        if not re.fullmatch(r"[0-9]{1,6}", text) or not low <= int(text) <= high:
            raise ParameterError(name, f"{name}: {shown(text)} is not a whole number from {low} to {high}.", help_text)
        return int(text)
    return parse


def language(name, text):
    if not LANGUAGE.fullmatch(text.strip()):
        raise ParameterError(name, f"{name}: {shown(text)} is not a language tag.", "a BCP 47 language tag such as en or ar")
    return text.strip().lower()


def step(name, text):
    text = text.strip()
    if text == "changes":
        return text
    return whole(1, 3650, "a number of days from 1 to 3650, or changes")(name, text)


def map_parsers():
    """The map address's parameters as declared, and `lang` unless the declaration has its own."""
    parsers = {"lang": language}
    for name, field in declared()["map"].items():
        if field["kind"] not in KINDS:
            raise LookupError(f"map parameter {name}: no reader here for the kind {field['kind']!r} (pictures/parameters.py)")
        parsers[name] = KINDS[field["kind"]](field)
    return parsers


SIZE = {"width": whole(MIN_SIZE, MAX_SIZE, f"pixels, {MIN_SIZE} to {MAX_SIZE}"),
        "height": whole(MIN_SIZE, MAX_SIZE, f"pixels, {MIN_SIZE} to {MAX_SIZE}")}


def image_query():
    return Query(**map_parsers(), **SIZE)


def animation_query():
    date = KINDS["date"]({"help": "a date such as 2017-11-08"})
    return Query(**map_parsers(), **SIZE, **{"from": date, "to": date}, step=step,
                 fps=whole(1, MAX_FPS, f"frames per second, 1 to {MAX_FPS}"))


def check_view(values):
    """The map reads a centre only from both lat and lng: one without the other is named."""
    if ("lat" in values) != ("lng" in values):
        missing = "lng" if "lat" in values else "lat"
        raise ParameterError(missing, f"{missing}: required with {'lat' if missing == 'lng' else 'lng'}.",
                             "lat and lng together")
