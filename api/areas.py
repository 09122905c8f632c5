"""GET /api/v2/areas/: the control areas derived from the places' states on a day (geo.areas), and
the areas stored with places (Place.area) in their states; GET /api/v2/place-areas/: those stored
outlines alone, which the map fetches once.

The states come from geo.records as the snapshot's do (resolved from the claims: 0.1 s at L), so
an area never says more than its places; the derivation and its parameters travel with the answer
(`method`). Cached, validated and throttled as the snapshot is (api.caching through PublicView).
"""
import functools
import json

import orjson
import shapely
from django.conf import settings
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.db import connections, router
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from geo import areas, records
from geo.models import Claim, Place
from geo.records import ID_LIST_MAX

from . import schema
from .fastpath import ExpensiveThrottle, gc_paused
from .filters import Query, actor_ids, at_day, box, choice, day, moment, slugs
from .renderers import FastJSONRenderer as JSONRenderer, GeoJSONRenderer
from .serializers import Actors, Places, iso, others
from .views import PublicView

OUTLINES = settings.BASE_DIR / "static" / "web" / "data" / "countries.geojson"
# The outline file names its countries; places name theirs by ISO 3166-1 alpha-2 code.
OUTLINE_CODES = {
    "Cyprus": "CY", "Iran": "IR", "Iraq": "IQ", "Israel": "IL", "Jordan": "JO", "Kuwait": "KW", "Lebanon": "LB",
    "Palestine": "PS", "Saudi Arabia": "SA", "Syria": "SY", "Turkey": "TR",
}


@functools.cache
def outlines():
    """{country code: outline} from the map's offline outline file, read once per process."""
    with open(OUTLINES, encoding="utf-8") as stream:
        collection = json.load(stream)
    return {OUTLINE_CODES[feature["properties"]["name"]]: shapely.from_geojson(json.dumps(feature["geometry"]))
            for feature in collection["features"]}


def claim_keys(ids):
    """{claim id: key} for the given ids, read raw: the ORM took 0.2 s to prepare 10,000 ids' parameters."""
    ids, keys = sorted(ids), {}
    connection = connections[router.db_for_read(Claim)]
    select = f"SELECT id, key FROM {connection.ops.quote_name(Claim._meta.db_table)} WHERE id"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # one array parameter
            cursor.execute(f"{select} = ANY(%s)", [ids])
            keys.update(cursor.fetchall())
            return keys
        for first in range(0, len(ids), ID_LIST_MAX):
            chunk = ids[first:first + ID_LIST_MAX]
            cursor.execute(f"{select} IN ({', '.join(['%s'] * len(chunk))})", chunk)
            keys.update(cursor.fetchall())
    return keys


def stored_areas(states, places):
    """geo.areas.Area values for the places with a stored `area` (a district, a neighbourhood) and a
    state on the day, in the order of `places` (api.serializers.Places): reported extents, drawn as they are."""
    rows = Place.objects.filter(area__isnull=False).order_by().annotate(shape=AsGeoJSON("area")).values_list("id", "shape")
    order = {place: index for index, place in enumerate(places.rows)}
    found = sorted(((place, shape) for place, shape in rows if place in states), key=lambda row: order[row[0]])
    shapes = shapely.set_precision(shapely.from_geojson([shape for _, shape in found]), areas.PRECISION_DEGREES) if found else []
    return [areas.Area(shape, states[place], (place,)) for (place, _), shape in zip(found, shapes)]


def area_features(derived, states, places, actor_slug, source):
    """The GeoJSON Features of geo.areas.Area values (`source`: "derived" or "place"); geometries
    written by GEOS, counterclockwise outer rings as RFC 7946 asks."""
    keys = claim_keys({claim.id for area in derived for place in area.places for claim in states[place].claims})
    geometries = shapely.to_geojson(shapely.orient_polygons(
        [area.geometry for area in derived], exterior_cw=False)) if derived else []
    features = []
    for area, geometry in zip(derived, geometries):
        state = area.state
        claims = sorted({keys[claim.id] for place in area.places for claim in states[place].claims})
        features.append({
            "type": "Feature",
            "id": f"{'area' if source == 'derived' else 'place'}-{places.rows[area.places[0]]['slug']}",
            "geometry": orjson.Fragment(geometry),
            "properties": {
                "source": source,
                "status": state.status,
                "holder": actor_slug.get(state.holder),
                "others": others(state.others, actor_slug),
                "disputed": state.disputed,
                "sides": [{"status": side.status, "holder": actor_slug.get(side.holder),
                           "others": others(side.others, actor_slug)} for side in state.sides],
                "places": [places.rows[place]["slug"] for place in area.places],
                "claims": claims,
            },
        })
    return features


class AreasView(PublicView):
    """Control areas on one day: derived from the places' states (geo.areas), then the places' own
    stored areas with their states. An RFC 7946 FeatureCollection."""

    cache_endpoint = "areas"
    cache_daily = True
    renderer_classes = (GeoJSONRenderer, JSONRenderer)
    query = Query(at=day, known_at=moment, actors=slugs, bbox=box, format=choice("geojson", "json"))

    def build_throttles(self, values):
        """Every build resolves the claims and derives the areas (a second or two at L)."""
        return [ExpensiveThrottle()]

    def download_name(self, request):
        return f"areas-{at_day(self.values).isoformat()}"

    @extend_schema(
        operation_id="control_areas", summary="Control areas derived from the places' states on a day",
        parameters=[schema.AT, schema.KNOWN_AT, schema.AREA_ACTORS, schema.AREA_BBOX, schema.formats("geojson", "json")],
        responses={(200, "application/geo+json"): schema.ref("AreaCollection"),
                   (200, "application/json"): schema.ref("AreaCollection"), **schema.ERRORS},
    )
    def get(self, request, **kwargs):
        values = self.values
        at, known_at = at_day(values), values.get("known_at")
        actors = Actors()
        wanted = actor_ids(values, actors.id_by_slug)
        with gc_paused():
            states = records.snapshot(at, known_at)
            places = Places()
            seeds = [areas.Seed(place, row["lon"], row["lat"], row["country"]) for place, row in places.rows.items()]
            features = []
            for source, found in (("derived", areas.derive(seeds, states, outlines())), ("place", stored_areas(states, places))):
                if wanted:
                    found = [area for area in found if wanted.intersection(area.state.actors())]
                if "bbox" in values:
                    found = clipped(found, values["bbox"])
                features += area_features(found, states, places, actors.slug, source)
        return Response({
            "type": "FeatureCollection", "at": at.isoformat(), "known_at": iso(known_at),
            "version": self.validators.version, "method": areas.method(), "features": features,
        })


def clipped(derived, bbox):
    """The areas cut to the box (west, south, east, north); those outside it left out."""
    cut = shapely.clip_by_rect([area.geometry for area in derived], *bbox) if derived else []
    surfaces = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)
    return [areas.Area(geometry, area.state, area.places)
            for area, geometry in zip(derived, cut) if shapely.get_type_id(geometry) in surfaces and geometry.area > 0]


class PlaceAreasView(PublicView):
    """The outline of every place that has an area (a district, a governorate): the map draws each in its
    place's state. Apart from the snapshot and the timeline, which change with the date, because an area
    does not: the map fetches it once."""

    cache_endpoint = "place-areas"
    renderer_classes = (GeoJSONRenderer, JSONRenderer)
    query = Query(format=choice("geojson", "json"))

    @extend_schema(
        operation_id="place_areas", summary="Areas of places", parameters=[schema.formats("geojson", "json")],
        responses={(200, "application/geo+json"): schema.ref("PlaceAreaCollection"),
                   (200, "application/json"): schema.ref("PlaceAreaCollection"), **schema.ERRORS},
    )
    def get(self, request, **kwargs):
        # Six decimals: about 0.1 m, finer than any outline a source gives.
        rows = Place.objects.exclude(area=None).order_by("slug").values_list("slug", AsGeoJSON("area", precision=6))
        return Response({"type": "FeatureCollection", "features": [
            {"type": "Feature", "id": slug, "geometry": orjson.loads(area), "properties": {"place": slug}} for slug, area in rows
        ]})
