"""GET /api/v2/periods/: one row per place and stretch of time with one state (api.periods), in the
formats GIS and globe users open: GeoJSON, CSV, GeoPackage and FlatGeobuf (api.formats.gdal), KML
(api.formats.kml).

A period runs from `since` (as precise as its deciding claims) up to `end`, the first day of the
next period (none while it lasts); its dates carry their EDTF form (`since_edtf`, `end_edtf`, see
geo.edtf). GeoJSON gets nested properties; the other formats one flat row per period, written
straight from the periods (never through the GeoJSON dicts). What a state shows (holder, other
sides) is shaped once per distinct state: states repeat across thousands of periods.
"""
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from geo.dates import format_date, iso_with_precision
from geo.edtf import end_edtf, to_edtf
from geo.models import Place

from . import schema
from .fastpath import ExpensiveThrottle, gc_paused
from .filters import ParameterError, Query, actor_ids, bbox_polygon, box, choice, moment, plain, shown, slugs
from .formats.gdal import FlatGeobufRenderer, GeoPackageRenderer
from .formats.kml import KMLRenderer
from .periods import iter_periods
from .renderers import CSVRenderer, FastJSONRenderer as JSONRenderer, GeoJSONRenderer
from .serializers import Actors, Places, iso
from .views import PublicView

LAYER = "control_periods"
FORMATS = ("geojson", "json", "csv", "gpkg", "fgb", "kml")
NESTED = ("geojson", "json")
# The flat table of CSV, GeoPackage, FlatGeobuf and KML: (column, OGR type).
COLUMNS = [
    ("place", "String"), ("name", "String"), ("kind", "String"), ("lon", "Real"), ("lat", "Real"),
    ("since", "String"), ("since_edtf", "String"), ("since_day", "Date"), ("since_label", "String"),
    ("precision", "String"), ("end", "Date"), ("end_edtf", "String"), ("status", "String"), ("holder", "String"),
    ("others", "String"), ("sides", "String"), ("claims", "String"),
]


class Shapes:
    """What each distinct state shows, nested (GeoJSON) and flat, made once per state."""

    def __init__(self, actor_slug, wanted):
        self.slug, self.wanted, self.made = actor_slug, wanted, {}

    def roles(self, items):
        return [{"actor": self.slug[actor], "role": role} for actor, role in items]

    def __call__(self, state):
        """(shown?, nested properties, flat columns) of a state; shown is False when an actor filter drops it."""
        key = state.key
        shape = self.made.get(key)
        if shape is None:
            others = self.roles(state.others)
            sides = [{"status": s.status, "holder": self.slug.get(s.holder), "others": self.roles(s.others)}
                     for s in state.sides]
            holder = self.slug.get(state.holder)
            flat_sides = " | ".join(f"{s['status']} {s['holder'] or ''} {joined(s['others'])}".strip() for s in sides)
            shown = not self.wanted or bool(self.wanted.intersection(state.actors()))
            nested = {"status": state.status, "holder": holder, "others": others, "sides": sides}
            shape = self.made[key] = (shown, nested, [state.status, holder, joined(others), flat_sides])
        return shape


def joined(roles):
    return ";".join(f"{o['actor']}:{o['role']}" for o in roles)


class Dates(dict):
    """A period's date columns, written once per (start, precision, end): a record of 150,000 periods
    has a few thousand distinct days, and writing them was a sixth of the build."""

    def __missing__(self, key):
        start, precision, end = key
        value = self[key] = (iso_with_precision(start, precision), to_edtf(start, precision), start.isoformat(),
                             format_date(start, precision), precision, iso(end), end_edtf(end))
        return value


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
    def get(self, request, **kwargs):
        values = self.values
        actors = Actors()
        places_query, within = self.places(values)
        places = Places(places_query)
        shapes = Shapes(actors.slug, actor_ids(values, actors.id_by_slug))
        nested = request.accepted_renderer.format in NESTED
        rows, dates = [], Dates()
        with gc_paused():
            for period in iter_periods(values.get("known_at"), within):
                place = places.rows.get(period.place)
                shown, state_nested, state_flat = shapes(period.state)
                if place is None or not shown:
                    continue
                lon, lat = round(place["lon"], 5), round(place["lat"], 5)
                since, since_edtf, since_day, label, precision, end, end_edtf_ = dates[period.start, period.precision, period.end]
                if nested:
                    rows.append({"type": "Feature", "id": place["slug"], "geometry": {"type": "Point", "coordinates": [lon, lat]},
                                 "properties": {"place": place["slug"], "name": place["name"], "kind": place["kind"],
                                                "size": place["size_class"], "since": since, "since_edtf": since_edtf,
                                                "since_day": since_day, "since_label": label, "precision": precision,
                                                "end": end, "end_edtf": end_edtf_, **state_nested, "claims": period.claims}})
                else:
                    rows.append([place["slug"], place["name"], place["kind"], lon, lat, since, since_edtf, since_day, label,
                                 precision, end, end_edtf_, *state_flat, " ".join(period.claims)])
        # Place slug order (by code point, whatever the database's collation); the sort is stable, and
        # each place's periods come in date order.
        rows.sort(key=(lambda f: f["id"]) if nested else (lambda r: r[0]))
        body = {"type": "FeatureCollection", "known_at": iso(values.get("known_at")), "version": self.validators.version,
                "actors": [{"slug": a["slug"], "name": a["name"], "colour": a["colour"]} for a in actors.rows]}
        return Response({**body, "features": rows} if nested else {**body, "rows": rows})

    @staticmethod
    def places(values):
        """The places asked for, and the same as a queryset of ids for the readers (None: all)."""
        places = Place.objects.all()
        if "place" in values:
            places = places.filter(slug=values["place"])
            if not places.exists():
                raise ParameterError("place", f"place: unknown place slug {shown(values['place'])}.",
                                     "a place slug listed by /api/v2/places/")
        if "bbox" in values:
            places = places.filter(point__intersects=bbox_polygon(values))
        return places, (places.values("id") if ("place" in values or "bbox" in values) else None)

    def download_name(self, request):
        return "control-periods"

    def csv_table(self, data):
        return [name for name, _ in COLUMNS], data["rows"]

    def layer_table(self, data):
        return LAYER, COLUMNS, data["rows"]

    def kml_features(self, data):
        return "ControlMap: control periods", [name for name, _ in COLUMNS], data["rows"], \
            {a["slug"]: a["colour"] for a in data["actors"]}
