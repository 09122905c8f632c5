"""OpenAPI descriptions of the payloads and parameters, for drf-spectacular.

The snapshot, timeline and history are built as dicts (see api.serializers), so their shapes are
written here as JSON Schema components, added to the document by `add_components` (a
postprocessing hook). Schemathesis holds every response to them in the test suite.
"""
from django.conf import settings
from drf_spectacular.utils import OpenApiParameter

import copy

from geo.vocabulary import Rank, Status

from . import legacy
from .filters import BBOX_ACCEPTED, DATE_ACCEPTED
from .serializers import PRECISIONS, ROLES, STATUSES

MONTH_DAY = r"(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])%s)?)?"
PARTIAL_DATE = "^\\d{4}" + MONTH_DAY % "" + "$"
MOMENT = "^\\d{4}" + MONTH_DAY % r"([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]\d{2}:[0-5]\d))?" + "$"


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties, required=None):
    return {"type": "object", "properties": properties, "required": list(required or properties)}


def array(items):
    return {"type": "array", "items": items}


def string(nullable=False, **extra):
    return {"type": "string", **({"nullable": True} if nullable else {}), **extra}


STATUS = string(enum=Status.values)
STATE_STATUS = string(enum=STATUSES)
PRECISION = string(enum=PRECISIONS)
PRECISION_OR_NULL = {**string(nullable=True), "enum": [*PRECISIONS, None]}
RANK = string(enum=Rank.values)
PARTIAL = string(pattern=PARTIAL_DATE)
PARTIAL_OR_NULL = string(nullable=True, pattern=PARTIAL_DATE)
DATE_OR_NULL = string(nullable=True, format="date")
MOMENT_OR_NULL = string(nullable=True, format="date-time")
POINT = obj({"type": string(enum=["Point"]), "coordinates": {**array({"type": "number"}), "minItems": 2, "maxItems": 2}})
INDEXES = array({"type": "integer"})
PAGE = {"count": {"type": "integer"}, "next": string(nullable=True), "previous": string(nullable=True)}

COMPONENTS = {
    "Error": {
        "type": "object",
        "description": "Every error. A 400 also names the parameter and what it accepts.",
        "properties": {"detail": string(), "parameter": string(), "accepted": string()},
        "required": ["detail"],
    },
    "ActorRole": obj({"actor": string(), "role": string(enum=ROLES)}),
    "Citation": obj({
        "source_title": string(), "outlet": string(), "url": string(nullable=True), "archive_url": string(),
        "published_at": string(format="date-time"), "quote": string(), "quote_is_paraphrase": {"type": "boolean"},
        "language": {"type": "string", "description": "The source's language (BCP 47), which its quote keeps."},
    }),
    "Evidence": {
        "allOf": [
            ref("Citation"),
            obj({"claim": string(), "claimant": string(), "since": PARTIAL, "precision": PRECISION, "rank": RANK}),
        ],
    },
    "Side": obj({
        "status": STATUS, "holder": string(nullable=True), "others": array(ref("ActorRole")),
        "evidence": array(ref("Evidence")),
    }),
    "ControlProperties": obj({
        "place": string(), "name": string(), "kind": string(), "size": {"type": "integer", "minimum": 1, "maximum": 5},
        "status": STATE_STATUS, "holder": string(nullable=True), "others": array(ref("ActorRole")),
        "since": PARTIAL_OR_NULL, "since_label": string(), "precision": PRECISION_OR_NULL,
        "disputed": {"type": "boolean"}, "sides": array(ref("Side")), "evidence": array(ref("Evidence")),
    }),
    "ControlFeature": obj({
        "type": string(enum=["Feature"]), "id": string(), "geometry": POINT, "properties": ref("ControlProperties"),
    }),
    "ControlCollection": obj({
        "type": string(enum=["FeatureCollection"]), "at": string(format="date"), "known_at": MOMENT_OR_NULL,
        "version": {"type": "integer"}, "features": array(ref("ControlFeature")),
    }),
    "Timeline": {
        **obj({
            "format": string(enum=[legacy.TIMELINE_FORMATS[legacy.CURRENT]]), "version": {"type": "integer"},
            "known_at": MOMENT_OR_NULL, "first": DATE_OR_NULL, "last": DATE_OR_NULL, "epoch": string(format="date"),
            "statuses": array(string()), "precisions": array(string()), "roles": array(string()),
            "actors": ref("TimelineActors"),
            "places": obj({
                "slug": array(string()), "name": array(string()), "kind": array(string()), "size": INDEXES,
                "lon": array({"type": "number"}), "lat": array({"type": "number"}), "parent": INDEXES,
            }),
            "states": array({
                **obj({"status": {"type": "integer"}, "holder": {"type": "integer"}, "others": array(INDEXES),
                       "sides": array(obj({"status": {"type": "integer"}, "holder": {"type": "integer"},
                                           "others": array(INDEXES)}))},
                      required=["status", "holder", "others"]),
            }),
            "changes": ref("TimelineChanges"),
        }),
        "description": (
            "The playback payload. Places and actors are columns (index i of every list is one place or "
            "actor); `states` lists each distinct state once (status, holder and other actors as indexes into "
            "`statuses`, `actors` and `roles`; holder -1 means none; `sides` only for disputed states). "
            "`changes` has one entry per change of a place, sorted by place then day: `place` and `state` are "
            "indexes, `precision` indexes `precisions`, and `since` (the day the change takes effect) is delta-encoded: the first value counts days "
            "since `epoch`, each next one is the difference from the previous entry (negative when the place "
            "changes). A place's state on day D is the state of its last change on or before D; before its "
            "first change it is unknown."
        ),
    },
    "TimelineActors": obj({k: array(string()) for k in ("slug", "name", "short_name", "colour")}),
    "TimelineChanges": obj({k: INDEXES for k in ("place", "since", "state", "precision")}),
    "ClaimItem": obj({
        "key": string(), "place": string(), "status": STATUS, "holder": string(nullable=True),
        "others": array(ref("ActorRole")), "since": PARTIAL, "precision": PRECISION, "since_label": string(),
        "end": DATE_OR_NULL, "claimant": string(), "rank": RANK, "rank_reason": string(),
        "superseded": {"type": "boolean"}, "superseded_at": MOMENT_OR_NULL, "superseded_by": string(nullable=True),
        "known_from": MOMENT_OR_NULL, "evidence": array(ref("Citation")),
    }),
    "Period": obj({
        "since": PARTIAL, "end": DATE_OR_NULL, "precision": PRECISION_OR_NULL, "since_label": string(),
        "status": STATE_STATUS, "holder": string(nullable=True), "others": array(ref("ActorRole")),
        "disputed": {"type": "boolean"}, "sides": array(ref("Side")), "evidence": array(ref("Evidence")),
    }),
    "History": obj({
        "place": obj({
            "place": string(), "name": string(), "kind": string(), "size": {"type": "integer"},
            "country": string(), "region": string(), "lon": {"type": "number"}, "lat": {"type": "number"},
        }),
        "known_at": MOMENT_OR_NULL, "periods": array(ref("Period")), "claims": array(ref("ClaimItem")),
    }),
    "ClaimPage": obj({**PAGE, "results": array(ref("ClaimItem"))}),
    "PlaceFeature": obj({
        "type": string(enum=["Feature"]), "id": string(), "geometry": POINT,
        "properties": obj({
            "place": string(), "name": string(), "kind": string(), "size": {"type": "integer"}, "country": string(),
            "region": string(), "parent": string(nullable=True), "names": array(string()),
        }),
    }),
    "PlaceArea": obj({
        "type": string(enum=["Feature"]), "id": string(),
        "geometry": obj({"type": string(enum=["MultiPolygon"]), "coordinates": array(array(array(array({"type": "number"}))))}),
        "properties": obj({"place": string()}),
    }),
    "PlaceAreaCollection": obj({"type": string(enum=["FeatureCollection"]), "features": array(ref("PlaceArea"))}),
    "PlaceCollection": obj({**PAGE, "type": string(enum=["FeatureCollection"]), "features": array(ref("PlaceFeature"))}),
    "Actor": obj({
        "slug": string(), "name": string(), "short_name": string(), "colour": string(pattern="^#[0-9a-f]{6}$"),
        "kind": string(), "description": string(), "aliases": array(string()),
        "relations": array(obj({"kind": string(), "actor": string()})),
    }),
    "Source": obj({
        "key": string(), "title": string(), "url": string(nullable=True), "archive_url": string(), "author": string(),
        "published_at": string(format="date-time"), "language": string(),
        "outlet": obj({"slug": string(), "name": string(), "alignment": string(), "reliability": string()}),
    }),
    "SourcePage": obj({**PAGE, "results": array(ref("Source"))}),
}


def add_components(result, generator, request, public):
    """drf-spectacular postprocessing hook: the hand-written payload components, and the rule every
    endpoint enforces (api.filters.Query): a query parameter is given at most once and never empty,
    and one the endpoint does not list is a 400."""
    version = generator.api_version or getattr(request, "version", None) or legacy.CURRENT
    components = v1_components() if version == legacy.DEPRECATED else COMPONENTS
    result.setdefault("components", {}).setdefault("schemas", {}).update(components)
    info = result.setdefault("info", {})
    info["description"] = " ".join(filter(None, [info.get("description", ""), QUERY_RULE, VERSIONS_NOTE]))
    if version == legacy.DEPRECATED:
        info["version"] = "1.1.0"
        for operations in result.get("paths", {}).values():
            for operation in operations.values():
                operation["deprecated"] = True
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", ()):
                if parameter.get("in") == "query" and parameter.get("schema", {}).get("type") == "string":
                    parameter["schema"]["minLength"] = 1
    return result


VERSIONS_NOTE = (
    f"Version {legacy.DEPRECATED} is deprecated: its answers carry version {legacy.CURRENT}'s names and, marked "
    "deprecated in its schema, the old ones (" + "; ".join(
        f"`{old}` for `{new}`" for renamed in legacy.RENAMED.values() for old, new in renamed.items()
    ) + f"), and the timeline says format {legacy.TIMELINE_FORMATS[legacy.DEPRECATED]}. The old names go with the "
    "next version."
)


def v1_components():
    """The components with v1's old names beside the new, each marked deprecated."""
    components = copy.deepcopy(COMPONENTS)
    for name, renamed in legacy.RENAMED.items():
        component = components[name]
        target = next(part for part in component["allOf"] if "properties" in part) if "allOf" in component else component
        for old, new in renamed.items():
            target["properties"][old] = {
                **target["properties"][new], "deprecated": True,
                "description": f"Deprecated: the same as `{new}`, the name version {legacy.CURRENT} keeps.",
            }
            target["required"].append(old)
    components["Timeline"]["properties"]["format"] = string(enum=[legacy.TIMELINE_FORMATS[legacy.DEPRECATED]])
    return components


QUERY_RULE = (
    "Each endpoint accepts only the query parameters it lists, each at most once and not empty (leave a "
    "parameter out for its default): anything else is a 400 naming the parameter. Numbers and dates are "
    "written in ASCII digits."
)


ERRORS = {400: ref("Error"), 404: ref("Error"), 429: ref("Error")}

AT = OpenApiParameter(
    "at", {"type": "string", "pattern": MOMENT},
    description=f"The day asked for (default: today, UTC). Accepts {DATE_ACCEPTED}; a year or month means its first day.",
)
KNOWN_AT = OpenApiParameter(
    "known_at", {"type": "string", "pattern": MOMENT},
    description=(
        f"Show the record as it was known at this moment: only claims published by then count, and claims "
        f"shown wrong only later still count. Accepts {DATE_ACCEPTED}; a date means the end of that day (UTC)."
    ),
)
SLUG = OpenApiParameter("slug", str, OpenApiParameter.PATH, description="A place's stable identifier, e.g. qaim.")
BBOX = OpenApiParameter("bbox", str, description=f"Only places inside this box: {BBOX_ACCEPTED}.")
LANG = OpenApiParameter(
    "lang", {"type": "string", "enum": [code for code, _ in settings.LANGUAGES]},
    description="Names of places and sides in this language where the record has them (else their default name); "
                "en, ar (Arabic) or ckb (Central Kurdish, Sorani).",
)
ACTORS = OpenApiParameter("actors", str, description="Only places whose state names one of these actors (comma-separated slugs).")
PAGE_PARAMETERS = [
    OpenApiParameter("page", {"type": "integer", "minimum": 1}, description="Page number, from 1."),
]


def page_size(maximum):
    return OpenApiParameter(
        "page_size", {"type": "integer", "minimum": 1, "maximum": maximum},
        description=f"Items per page, at most {maximum} (more is a 400).",
    )


def formats(*names):
    return OpenApiParameter("format", {"type": "string", "enum": list(names)}, description="Output format.")
