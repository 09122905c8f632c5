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
# EDTF (ISO 8601-2) forms of an effective date (geo.edtf): 2017-11-03, 2017-09, 2014, 2014-11-15~.
EDTF_DATE = r"^\d{4}(-\d{2}(-\d{2}~?)?)?$"
EDTF = string(pattern=EDTF_DATE, description="The date in EDTF (ISO 8601-2): 2017-11-03, 2017-09, 2014, or 2014-11-15~ (approximate).")
EDTF_OR_NULL = string(nullable=True, pattern=EDTF_DATE)
EDTF_DAY_OR_NULL = string(nullable=True, format="date", description="The end in EDTF: a day.")
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
            obj({"claim": string(), "claimant": string(), "since": PARTIAL, "since_edtf": EDTF, "precision": PRECISION,
                 "rank": RANK}),
        ],
    },
    "Side": obj({
        "status": STATUS, "holder": string(nullable=True), "others": array(ref("ActorRole")),
        "evidence": array(ref("Evidence")),
    }),
    "ControlProperties": obj({
        "place": string(), "name": string(), "kind": string(), "size": {"type": "integer", "minimum": 1, "maximum": 5},
        "status": STATE_STATUS, "holder": string(nullable=True), "others": array(ref("ActorRole")),
        "since": PARTIAL_OR_NULL, "since_edtf": EDTF_OR_NULL, "since_label": string(), "precision": PRECISION_OR_NULL,
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
        "others": array(ref("ActorRole")), "since": PARTIAL, "since_edtf": EDTF, "precision": PRECISION,
        "since_label": string(), "end": DATE_OR_NULL, "end_edtf": EDTF_DAY_OR_NULL, "claimant": string(), "rank": RANK, "rank_reason": string(),
        "superseded": {"type": "boolean"}, "superseded_at": MOMENT_OR_NULL, "superseded_by": string(nullable=True),
        "known_from": MOMENT_OR_NULL, "evidence": array(ref("Citation")),
    }),
    "Period": obj({
        "since": PARTIAL, "since_edtf": EDTF, "end": DATE_OR_NULL, "end_edtf": EDTF_DAY_OR_NULL, "precision": PRECISION_OR_NULL, "since_label": string(),
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
    "AreaFeature": obj({
        "type": string(enum=["Feature"]),
        "id": {**string(), "description": "area-<slug of its first place> (derived), place-<slug> (stored)"},
        "geometry": obj({"type": string(enum=["Polygon", "MultiPolygon"]), "coordinates": array({})}),
        "properties": obj({
            "source": {**string(enum=["derived", "place"]),
                       "description": "derived: by `method` from the places' states; place: the place's own stored area."},
            "status": {**STATE_STATUS, "description": "Never unknown for a derived area (unknown land is in none)."},
            "holder": string(nullable=True), "others": array(ref("ActorRole")), "disputed": {"type": "boolean"},
            "sides": array(obj({"status": STATUS, "holder": string(nullable=True), "others": array(ref("ActorRole"))})),
            "places": {**array(string()), "minItems": 1,
                       "description": "Slugs of the places whose cells make the area, in slug order."},
            "claims": {**array(string()), "minItems": 1,
                       "description": "Keys of the claims deciding those places' states on the day, sorted."},
        }),
    }),
    "AreaCollection": {
        **obj({
            "type": string(enum=["FeatureCollection"]), "at": string(format="date"), "known_at": MOMENT_OR_NULL,
            "version": {"type": "integer"},
            "method": obj({
                "name": string(), "derived": {"type": "boolean", "enum": [True]}, "description": string(),
                "max_distance_km": {"type": "number"}, "clip": string(), "merge": string(), "distance": string(),
                "circle_sides": {"type": "integer"}, "precision_degrees": {"type": "number"},
            }),
            "features": array(ref("AreaFeature")),
        }),
        "description": (
            "Control areas on `at`. First those derived (not reported; `source` derived) from the places' states by "
            "the stated `method`: "
            "within each country's outline, land takes the state of its nearest place of that country, up to "
            "`method.max_distance_km` from it, and neighbouring cells of the same state (status, holder, others, "
            "sides) merge. Each Feature is one connected polygon (a MultiPolygon only where rounding pinched one), "
            "outer rings counterclockwise. Land nearest a place with no known state (or an unknown one), beyond the "
            "distance, or outside the outlines is in no derived Feature. Then (`source` place) the area stored with "
            "each place that has one and a state on the day, in that state, unknown included. `actors=` keeps areas "
            "whose state names one of the actors; `bbox=` cuts the areas to the box (their places and claims stay whole)."
        ),
    },
    "ChangeProperties": obj({
        "place": string(), "name": string(), "kind": string(), "size": {"type": "integer", "minimum": 1, "maximum": 5},
        "from": ref("ChangeState"), "to": ref("ChangeState"),
        "claims": {**array(string()), "description": "Keys of the claims deciding the state on `to`, sorted."},
    }),
    "ChangeState": obj({
        "status": STATE_STATUS, "holder": string(nullable=True), "others": array(ref("ActorRole")),
        "since": PARTIAL_OR_NULL, "since_label": string(), "precision": PRECISION_OR_NULL,
        "disputed": {"type": "boolean"}, "sides": array(ref("Side")), "evidence": array(ref("Evidence")),
    }),
    "ChangeCollection": {
        **obj({
            "type": string(enum=["FeatureCollection"]), "from": string(format="date"), "to": string(format="date"),
            "known_at": MOMENT_OR_NULL, "version": {"type": "integer"},
            "features": array(obj({
                "type": string(enum=["Feature"]), "id": string(), "geometry": POINT, "properties": ref("ChangeProperties"),
            })),
        }),
        "description": (
            "Every place whose state on `to` looks different from its state on `from` (status, holder, others or "
            "sides; a place with no state counts as unknown), in slug order: the difference of the two snapshots. "
            "`from` and `to` hold the state fields of the snapshot's features (a place with no state: status "
            "unknown, no evidence)."
        ),
    },
    "PeriodFeature": obj({
        "type": string(enum=["Feature"]), "id": string(), "geometry": POINT,
        "properties": obj({
            "place": string(), "name": string(), "kind": string(), "size": {"type": "integer"},
            "since": PARTIAL, "since_edtf": EDTF, "since_day": string(format="date"), "since_label": string(),
            "precision": PRECISION, "end": DATE_OR_NULL, "end_edtf": EDTF_DAY_OR_NULL, "status": STATE_STATUS,
            "holder": string(nullable=True), "others": array(ref("ActorRole")),
            "sides": array(obj({"status": STATUS, "holder": string(nullable=True), "others": array(ref("ActorRole"))})),
            "claims": array(string()),
        }),
    }),
    "PeriodCollection": {
        **obj({
            "type": string(enum=["FeatureCollection"]), "known_at": MOMENT_OR_NULL, "version": {"type": "integer"},
            "actors": array(obj({"slug": string(), "name": string(), "colour": string(pattern="^#[0-9a-f]{6}$")})),
            "features": array(ref("PeriodFeature")),
        }),
        "description": (
            "One feature per place and stretch of time with one state, from `since` up to `end` (the first day "
            "of the next period; null while it lasts). `claims` are the keys of the deciding claims."
        ),
    },
}


# The timeline as reported at each date: the timeline's columns, and changes that also say from which day
# each is the state reported.
COMPONENTS["ReportedTimeline"] = {
    **obj({
        **{k: v for k, v in COMPONENTS["Timeline"]["properties"].items() if k not in ("format", "known_at", "changes")},
        "format": string(enum=["controlmap-reported-timeline/1"]),
        "changes": obj({k: INDEXES for k in ("place", "reported", "since", "state", "precision")}),
    }),
    "description": (
        "The playback payload of the record as reported at each date (the map's \"As reported then\"): for "
        "every day D, every place's state as known at the end of D (what the timeline with `known_at=D` "
        "answers for D). The columns are the timeline's; `changes.reported` is the day from which a "
        "change is the state reported, delta-encoded as the timeline's `since` (sorted by place then "
        "`reported`); `changes.since` is that state's effective date, delta-encoded along the same order. "
        "A place's state on day D is the state of its last change reported on or before D; before its "
        "first, nothing about it had been reported. A state whose status is `unknown` after others means "
        "every claim known before had been shown wrong by then."
    ),
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
DATA_VERSION = OpenApiParameter(
    "v", {"type": "integer", "minimum": 0},
    description=(
        "The data version this URL is pinned to (the `version` of any answer). While it is the current one the "
        "answer is cacheable for a year (`immutable`): a publication makes a new version, hence a new URL. "
        "Another version answers 302 to the current version's URL, cacheable for a few seconds."
    ),
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
AREA_BBOX = OpenApiParameter("bbox", str, description=f"Only the areas' parts inside this box: {BBOX_ACCEPTED}.")
AREA_ACTORS = OpenApiParameter("actors", str, description="Only areas whose state names one of these actors (comma-separated slugs).")
FROM = OpenApiParameter(
    "from", {"type": "string", "pattern": MOMENT}, required=True,
    description=f"The earlier day. Accepts {DATE_ACCEPTED}; a year or month means its first day.",
)
TO = OpenApiParameter(
    "to", {"type": "string", "pattern": MOMENT}, required=True,
    description=f"The later day (on or after `from`). Accepts {DATE_ACCEPTED}; a year or month means its first day.",
)
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
