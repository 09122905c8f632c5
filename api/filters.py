"""Query parameters of the public API: parsed once, and refused with a 400 that names them.

Every error body is {"detail": what is wrong, "parameter": its name, "accepted": what would work},
so a script author can fix the request without reading the code.
"""
import math

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


class ParameterError(APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid_parameter"

    def __init__(self, parameter, message, accepted):
        super().__init__()
        self.detail = {"detail": message, "parameter": parameter, "accepted": accepted}


def _date(params, name, parser):
    text = params.get(name)
    if text is None or text == "":
        return None
    try:
        return parser(text)
    except DateParseError as error:
        raise ParameterError(name, f"{name}: {error}", DATE_ACCEPTED) from None
    except OverflowError:
        raise ParameterError(name, f"{name}: {text!r} is out of range.", DATE_ACCEPTED) from None


def at_param(params, name="at"):
    """The day asked for; today (UTC) when absent."""
    return _date(params, name, parse_at) or timezone.now().date()


def known_at_param(params):
    """The moment up to which publications count; None means as known now."""
    return _date(params, "known_at", parse_known_at)


def date_param(params, name):
    """An optional day (a year or a month means its first day)."""
    return _date(params, name, parse_at)


def bbox_param(params):
    """A WGS84 box as a polygon, or None."""
    text = params.get("bbox")
    if text is None or text == "":
        return None
    parts = text.split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise ParameterError("bbox", f"bbox: {text!r} is not four comma-separated numbers.", BBOX_ACCEPTED) from None
    if len(numbers) != 4:
        raise ParameterError("bbox", f"bbox: expected four numbers, got {len(numbers)}.", BBOX_ACCEPTED)
    if not all(math.isfinite(n) for n in numbers):
        raise ParameterError("bbox", "bbox: every number must be finite.", BBOX_ACCEPTED)
    west, south, east, north = numbers
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ParameterError("bbox", f"bbox: longitudes must lie within ±180 (got {west}, {east}).", BBOX_ACCEPTED)
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise ParameterError("bbox", f"bbox: latitudes must lie within ±90 (got {south}, {north}).", BBOX_ACCEPTED)
    if west > east:
        raise ParameterError(
            "bbox", f"bbox: west ({west}) is east of east ({east}); crossing the antimeridian is not supported.",
            BBOX_ACCEPTED,
        )
    if south > north:
        raise ParameterError("bbox", f"bbox: south ({south}) is north of north ({north}).", BBOX_ACCEPTED)
    return Polygon.from_bbox((west, south, east, north))


def slugs_param(params, name):
    text = params.get(name)
    if text is None or text == "":
        return []
    return list(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))


def actors_param(params, actors_by_slug, name="actors"):
    """Actor ids for a comma-separated list of slugs; an unknown slug is named in the 400."""
    slugs = slugs_param(params, name)
    unknown = [slug for slug in slugs if slug not in actors_by_slug]
    if unknown:
        raise ParameterError(
            name, f"{name}: unknown actor slug {', '.join(repr(s) for s in unknown)}.",
            "comma-separated actor slugs listed by /api/v1/actors/",
        )
    return {actors_by_slug[slug] for slug in slugs}


def choice_param(params, name, choices):
    value = params.get(name)
    if value is None or value == "":
        return None
    if value not in choices:
        raise ParameterError(name, f"{name}: {value!r} is not one of the accepted values.", ", ".join(choices))
    return value


def date_to_param(params, name="date_to"):
    """The last day a range end allows: 2017-11 means up to 30 Nov 2017, 2017 up to 31 Dec 2017."""
    day = date_param(params, name)
    if day is None:
        return None
    text = params[name].strip()
    precision = {4: Precision.YEAR, 7: Precision.MONTH}.get(len(text), Precision.DAY)
    return date_bounds(day, precision)[1]


def claim_filter(params):
    """A condition on published claims from ?place=&actor=&status=&date_from=&date_to=&source=."""
    condition = Q()
    place = params.get("place")
    if place:
        if not Place.objects.filter(slug=place).exists():
            raise ParameterError("place", f"place: unknown place slug {place!r}.", "a place slug listed by /api/v1/places/")
        condition &= Q(place__slug=place)
    slugs = slugs_param(params, "actor")
    if slugs:
        ids = actors_param(params, dict(Actor.objects.filter(slug__in=slugs).values_list("slug", "id")), "actor")
        condition &= Q(holder_id__in=ids) | Q(id__in=ClaimActor.objects.filter(actor_id__in=ids).values("claim_id"))
    status_value = choice_param(params, "status", Claim.Status.values)
    if status_value:
        condition &= Q(status=status_value)
    date_from, date_to = date_param(params, "date_from"), date_to_param(params)
    if date_from and date_to and date_from > date_to:
        raise ParameterError("date_to", f"date_to ({date_to}) is before date_from ({date_from}).", DATE_ACCEPTED)
    if date_from:
        condition &= Q(date__gte=date_from)
    if date_to:
        condition &= Q(date__lte=date_to)
    source = params.get("source")
    if source:
        if not Source.objects.filter(key=source).exists():
            raise ParameterError("source", f"source: unknown source key {source!r}.", "a source key listed by /api/v1/sources/")
        condition &= Q(id__in=Citation.objects.filter(source__key=source).values("claim_id"))
    return condition
