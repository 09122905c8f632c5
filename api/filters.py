"""Query parameters of the public API: parsed once, and refused with a 400 that names them.

Every error body is {"detail": what is wrong, "parameter": its name, "accepted": what would work},
so a script author can fix the request without reading the code.

Each endpoint declares the parameters it reads (`Query`); anything else is refused before any work:
an unknown name, a parameter given twice, or given empty (leave it out to get its default). A value
is parsed into what it means (a day, a UTC moment, a sorted set of slugs), and the response cache
keys on those meanings (api.fastpath.keys).
Numbers and dates are read in ASCII digits only: Python would also read "٣" or "２０１７", and every
such spelling would be one more answer to build and keep.
"""
import datetime as dt
import math
import re

from django.conf import settings
from django.contrib.gis.geos import Polygon
from django.db.models import Q
from django.utils import timezone
from rest_framework import status
from rest_framework.exceptions import APIException

from geo.dates import DateParseError, parse_at, parse_known_at
from geo.models import Actor, Citation, Claim, ClaimActor, Place, Precision, Source, date_bounds

DATE_ACCEPTED = "YYYY, YYYY-MM, YYYY-MM-DD, or an ISO 8601 date-time with offset (2017-11-10T12:00:00+03:00)"
BBOX_ACCEPTED = (
    "west,south,east,north in degrees (WGS84 longitude and latitude), with -180 <= west <= east <= 180 and "
    "-90 <= south <= north <= 90; a box crossing the antimeridian is not supported: ask for two boxes"
)
WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
SHOWN_LENGTH = 80  # characters of a refused value quoted back in the message


class ParameterError(APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid_parameter"

    def __init__(self, parameter, message, accepted):
        super().__init__()
        self.detail = {"detail": message, "parameter": parameter, "accepted": accepted}


def shown(text):
    """A refused value as quoted in a message: repr, cut short."""
    return repr(text if len(text) <= SHOWN_LENGTH else text[:SHOWN_LENGTH] + "…")


class Query:
    """The query parameters one endpoint accepts: name -> parser of the (non-empty) text."""

    def __init__(self, **parsers):
        self.parsers = parsers

    @property
    def names(self):
        return list(self.parsers)

    def parse(self, params):
        """{name: value} for the parameters given; a 400 for anything else in `params` (a QueryDict)."""
        accepted = ", ".join(self.names) or "no query parameters"
        unknown = [name for name in params if name not in self.parsers]
        if unknown:
            listed = ", ".join(shown(name) for name in unknown)
            raise ParameterError(unknown[0], f"unknown parameter {listed}: this endpoint accepts {accepted}.", accepted)
        values = {}
        for name, parser in self.parsers.items():
            given = params.getlist(name)
            if not given:
                continue
            if len(given) > 1:
                raise ParameterError(name, f"{name}: given {len(given)} times; give it once.", "one value")
            text = given[0]
            if text.strip() == "":
                raise ParameterError(name, f"{name}: empty; leave the parameter out for its default.", "a non-empty value")
            if CONTROL.search(text):  # no parameter means one, and PostgreSQL refuses NUL in text
                raise ParameterError(name, f"{name}: {shown(text)} holds control characters.", "printable text")
            values[name] = parser(name, text)
        return values


# ------------------------------------------------------------------ parsers: (name, text) -> value


def ascii_text(name, text, accepted):
    if not text.isascii():
        raise ParameterError(name, f"{name}: {shown(text)} has characters other than ASCII letters and digits.", accepted)
    return text.strip()


def _parsed_date(name, text, parser):
    text = ascii_text(name, text, DATE_ACCEPTED)
    try:
        return parser(text)
    except DateParseError as error:
        raise ParameterError(name, f"{name}: {error}", DATE_ACCEPTED) from None
    except OverflowError:
        raise ParameterError(name, f"{name}: {shown(text)} is out of range.", DATE_ACCEPTED) from None


def day(name, text):
    """A day (a year or a month means its first day)."""
    return _parsed_date(name, text, parse_at)


def moment(name, text):
    """The moment up to which publications count, in UTC (a day means its end, UTC)."""
    value = _parsed_date(name, text, parse_known_at)
    try:
        return value.astimezone(dt.timezone.utc)
    except OverflowError:  # 0001-01-01T00:00+14:00 is a moment before year 1 in UTC
        raise ParameterError(name, f"{name}: {shown(text)} is out of range in UTC.", DATE_ACCEPTED) from None


def last_day(name, text):
    """The last day a range end allows: 2017-11 means up to 30 Nov 2017, 2017 up to 31 Dec 2017."""
    first = day(name, text)
    precision = {4: Precision.YEAR, 7: Precision.MONTH}.get(len(text.strip()), Precision.DAY)
    try:
        return date_bounds(first, precision)[1]
    except (OverflowError, ValueError):
        raise ParameterError(name, f"{name}: {shown(text)} is out of range.", DATE_ACCEPTED) from None


def box(name, text):
    """A WGS84 box as (west, south, east, north)."""
    text = ascii_text(name, text, BBOX_ACCEPTED)
    parts = text.split(",")
    try:
        numbers = tuple(float(part) for part in parts)
    except ValueError:
        raise ParameterError(name, f"{name}: {shown(text)} is not four comma-separated numbers.", BBOX_ACCEPTED) from None
    if len(numbers) != 4:
        raise ParameterError(name, f"{name}: expected four numbers, got {len(numbers)}.", BBOX_ACCEPTED)
    if not all(math.isfinite(n) for n in numbers):
        raise ParameterError(name, f"{name}: every number must be finite.", BBOX_ACCEPTED)
    west, south, east, north = numbers
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ParameterError(name, f"{name}: longitudes must lie within ±180 (got {west}, {east}).", BBOX_ACCEPTED)
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise ParameterError(name, f"{name}: latitudes must lie within ±90 (got {south}, {north}).", BBOX_ACCEPTED)
    if west > east:
        raise ParameterError(
            name, f"{name}: west ({west}) is east of east ({east}); crossing the antimeridian is not supported.",
            BBOX_ACCEPTED,
        )
    if south > north:
        raise ParameterError(name, f"{name}: south ({south}) is north of north ({north}).", BBOX_ACCEPTED)
    return tuple(n + 0.0 for n in numbers)  # -0.0 becomes 0.0: one key for one box


def slugs(name, text):
    """A comma-separated set of slugs, sorted: their order means nothing."""
    found = tuple(sorted({part.strip() for part in text.split(",") if part.strip()}))
    if not found:
        raise ParameterError(name, f"{name}: {shown(text)} names no slug.", "comma-separated slugs")
    return found


def whole_number(name, text):
    """A whole number from 1, in ASCII digits, of at most 18 of them (any more is no page or size served)."""
    accepted = "a whole number from 1, in ASCII digits"
    text = text.strip()
    if text.isascii() and text.isdigit() and len(text) > 18:
        raise ParameterError(name, f"{name}: {shown(text)} is too large.", accepted)
    if not WHOLE_NUMBER.fullmatch(text) or int(text) < 1:
        raise ParameterError(name, f"{name}: {shown(text)} is not a whole number from 1.", accepted)
    return int(text)


def data_version(name, text):
    """The data version a URL is pinned to (api.caching: immutable while it is the current one)."""
    text = text.strip()
    if not WHOLE_NUMBER.fullmatch(text):
        raise ParameterError(name, f"{name}: {shown(text)} is not a data version.", "a whole number from 0, in ASCII digits")
    return int(text)


def plain(name, value):
    return value


def choice(*choices):
    def parse(name, value):
        if value not in choices:
            raise ParameterError(name, f"{name}: {shown(value)} is not one of the accepted values.", ", ".join(choices))
        return value
    return parse


def language(name, value):
    """A language the site speaks (settings.LANGUAGES): names come in it where the record has them."""
    return choice(*(code for code, _ in settings.LANGUAGES))(name, value)


def at_day(values, name="at"):
    """The day asked for; today (UTC) when absent."""
    return values.get(name) or timezone.now().date()


def bbox_polygon(values):
    return Polygon.from_bbox(values["bbox"]) if "bbox" in values else None


def actor_ids(values, actors_by_slug, name="actors"):
    """Actor ids for the slugs of `name`; an unknown slug is named in the 400."""
    wanted = values.get(name, ())
    unknown = [slug for slug in wanted if slug not in actors_by_slug]
    if unknown:
        raise ParameterError(
            name, f"{name}: unknown actor slug {', '.join(shown(s) for s in unknown)}.",
            "comma-separated actor slugs listed by /api/v2/actors/",
        )
    return {actors_by_slug[slug] for slug in wanted}


def claim_filter(values):
    """A condition on published claims from the parsed place, actor, status, date_from, date_to, source."""
    condition = Q()
    place = values.get("place")
    if place:
        if not Place.objects.filter(slug=place).exists():
            raise ParameterError("place", f"place: unknown place slug {shown(place)}.", "a place slug listed by /api/v2/places/")
        condition &= Q(place__slug=place)
    if "actor" in values:
        ids = actor_ids(values, dict(Actor.objects.filter(slug__in=values["actor"]).values_list("slug", "id")), "actor")
        condition &= Q(holder_id__in=ids) | Q(id__in=ClaimActor.objects.filter(actor_id__in=ids).values("claim_id"))
    if "status" in values:
        condition &= Q(status=values["status"])
    date_from, date_to = values.get("date_from"), values.get("date_to")
    if date_from and date_to and date_from > date_to:
        raise ParameterError("date_to", f"date_to ({date_to}) is before date_from ({date_from}).", DATE_ACCEPTED)
    if date_from:
        condition &= Q(date__gte=date_from)
    if date_to:
        condition &= Q(date__lte=date_to)
    source = values.get("source")
    if source:
        if not Source.objects.filter(key=source).exists():
            raise ParameterError("source", f"source: unknown source key {shown(source)}.", "a source key listed by /api/v2/sources/")
        condition &= Q(id__in=Citation.objects.filter(source__key=source).values("claim_id"))
    return condition


# The parameters endpoints share.
PAGES = {"page": whole_number, "page_size": whole_number}
STATUSES = choice(*Claim.Status.values)
