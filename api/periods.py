"""GET /api/v1/periods/: one row per place and stretch of time with one state, in the formats GIS
and globe users open: GeoJSON, CSV, GeoPackage and FlatGeobuf (api.formats.gdal), KML (api.formats.kml).

The periods are geo.resolution's, read through geo.records (streamed place by place); this module
only filters and flattens them. A period runs from `since` (as precise as its deciding claims) up to
`end`, the first day of the next period (none while it lasts). Dates carry their EDTF form
(`since_edtf`, `end_edtf`, see geo.edtf).
"""
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from geo import records
from geo.dates import format_date, iso_with_precision
from geo.edtf import end_edtf, to_edtf
from geo.models import Claim, Place

from . import schema
from .fastpath import ExpensiveThrottle, gc_paused
from .filters import ParameterError, Query, actor_ids, bbox_polygon, box, choice, moment, plain, shown, slugs
from .formats.gdal import FlatGeobufRenderer, GeoPackageRenderer
from .formats.kml import KMLRenderer
from .renderers import CSVRenderer, FastJSONRenderer as JSONRenderer, GeoJSONRenderer
from .serializers import Actors, Places, feature, iso, place_properties
from .views import PublicView

LAYER = "control_periods"
FORMATS = ("geojson", "json", "csv", "gpkg", "fgb", "kml")
# The flat table of CSV, GeoPackage and FlatGeobuf: (column, OGR type).
COLUMNS = [
    ("place", "String"), ("name", "String"), ("kind", "String"), ("lon", "Real"), ("lat", "Real"),
    ("since", "String"), ("since_edtf", "String"), ("since_day", "Date"), ("since_label", "String"),
    ("precision", "String"), ("end", "Date"), ("end_edtf", "String"), ("status", "String"), ("holder", "String"),
    ("others", "String"), ("sides", "String"), ("claims", "String"),
]


def roles(items):
    return ";".join(f"{o['actor']}:{o['role']}" for o in items)


def period_properties(period, actor_slug, claim_key):
    state = period.state
    others = [{"actor": actor_slug[actor], "role": role} for actor, role in state.others]
    return {
        "since": iso_with_precision(period.start, state.precision), "since_edtf": to_edtf(period.start, state.precision),
        "since_day": period.start.isoformat(), "since_label": format_date(period.start, state.precision),
        "precision": state.precision, "end": iso(period.end), "end_edtf": end_edtf(period.end),
        "status": state.status, "holder": actor_slug.get(state.holder), "others": others,
        "sides": [{"status": side.status, "holder": actor_slug.get(side.holder),
                   "others": [{"actor": actor_slug[a], "role": r} for a, r in side.others]} for side in state.sides],
        "claims": [claim_key[claim.id] for claim in state.claims],
    }


class PeriodsView(PublicView):
    """Control periods of every place (or of `place=`, `bbox=`, `actors=`), as known now or at `known_at=`."""

    cache_endpoint = "periods"
    renderer_classes = (GeoJSONRenderer, JSONRenderer, CSVRenderer, GeoPackageRenderer, FlatGeobufRenderer, KMLRenderer)
    query = Query(known_at=moment, actors=slugs, bbox=box, place=plain, format=choice(*FORMATS))

    def build_throttles(self, values):
        return [ExpensiveThrottle()]  # every place's whole history: seconds to build at scale

    @extend_schema(
        operation_id="periods_list", summary="Control periods (GeoJSON, CSV, GeoPackage, FlatGeobuf, KML)",
        parameters=[schema.KNOWN_AT, schema.ACTORS, schema.BBOX, OpenApiParameter("place", str, description="A place slug."),
                    schema.formats(*FORMATS)],
        responses={(200, "application/geo+json"): schema.ref("PeriodCollection"),
                   (200, "application/json"): schema.ref("PeriodCollection"),
                   (200, "text/csv"): {"type": "string"},
                   (200, GeoPackageRenderer.media_type): {"type": "string", "format": "binary"},
                   (200, FlatGeobufRenderer.media_type): {"type": "string", "format": "binary"},
                   (200, KMLRenderer.media_type): {"type": "string"}, **schema.ERRORS},
    )
    def get(self, request):
        values = self.values
        known_at, bbox = values.get("known_at"), bbox_polygon(values)
        actors = Actors()
        wanted = actor_ids(values, actors.id_by_slug)
        places_query = Place.objects.all()
        if "place" in values:
            places_query = places_query.filter(slug=values["place"])
            if not places_query.exists():
                raise ParameterError("place", f"place: unknown place slug {shown(values['place'])}.",
                                     "a place slug listed by /api/v1/places/")
        if bbox:
            places_query = places_query.filter(point__intersects=bbox)
        within = places_query.values("id") if ("place" in values or bbox) else None
        places = Places(places_query)
        features = []
        with gc_paused():
            claim_key = dict(Claim.objects.filter(review=Claim.Review.PUBLISHED).values_list("id", "key"))
            for place_id, periods in records.iter_timeline(known_at, places=within):
                row = places.rows.get(place_id)
                for period in periods:
                    if row is None or (wanted and not wanted.intersection(period.state.actors())):
                        continue
                    features.append(feature(row, {**place_properties(row),
                                                  **period_properties(period, actors.slug, claim_key)}))
        features.sort(key=lambda f: (f["properties"]["place"], f["properties"]["since_day"]))
        return Response({"type": "FeatureCollection", "known_at": iso(known_at), "version": self.validators.version,
                         "actors": [{"slug": a["slug"], "name": a["name"], "colour": a["colour"]} for a in actors.rows],
                         "features": features})

    def download_name(self, request):
        return "control-periods"

    def flat_rows(self, data):
        for f in data["features"]:
            p = f["properties"]
            sides = " | ".join(f"{s['status']} {s['holder'] or ''} {roles(s['others'])}".strip() for s in p["sides"])
            yield [p["place"], p["name"], p["kind"], *f["geometry"]["coordinates"], p["since"], p["since_edtf"],
                   p["since_day"], p["since_label"], p["precision"], p["end"], p["end_edtf"], p["status"], p["holder"],
                   roles(p["others"]), sides, " ".join(p["claims"])]

    def csv_table(self, data):
        return [name for name, _ in COLUMNS], self.flat_rows(data)

    def layer_table(self, data):
        return LAYER, COLUMNS, self.flat_rows(data)

    def kml_features(self, data):
        names = [name for name, _ in COLUMNS]
        flat = []
        for f, row in zip(data["features"], self.flat_rows(data)):
            p = dict(zip(names, row))
            p["description"] = f"{p['status']}{' by ' + p['holder'] if p['holder'] else ''} from {p['since_label']}"
            p["begin"] = p["since_day"] if p["precision"] == "approximate" else p["since"]
            flat.append({"geometry": f["geometry"], "properties": p})
        colours = {a["slug"]: a["colour"] for a in data["actors"]}
        return "ControlMap: control periods", flat, colours
