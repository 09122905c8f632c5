"""Control areas derived from the places' states: territory shaded by its nearest places, by a
stated method and nothing more. Pure: no database, no Django; the states come from geo.resolution.

The method (`method()`, carried with every answer):
  - Within each country's outline, every point of land belongs to the nearest place of that country
    (the Voronoi cell of the country's places; a claim about a town says nothing across a border).
  - A cell counts only up to `max_distance_km` from its place. Inside a cell its own place is the
    nearest of all, so this is also "within that distance of some place".
  - A cell takes its place's state; places at one point decide together when their states look
    the same. Neighbouring cells whose states look the same (State.key: status, holder, other
    actors, sides) merge into one area, across a border too; an area is one connected polygon.
  - Land nearest a place with no known state (no claim by the day, or an ended one), farther than
    the distance from every place, outside the outlines, or nearest to places at one point that
    disagree, is in no area: nothing is guessed beyond the method.

Distances are measured on an equirectangular projection at the middle latitude of each country's
outline (at most 5% off over Syria and Iraq), where a circle is a polygon of 32 sides.

Computed with Shapely 2 (GEOS 3.14, bundled): Django's GEOS bindings have no Voronoi diagram, and
one computation in Python answers the same on SpatiaLite and PostGIS, whose Voronoi functions
differ in how they extend and clip cells; the coverage cleaning that makes neighbouring cells meet
exactly needs GEOS 3.14, newer than Debian 12's 3.11. Measured on synthetic data at L (10,000
places, 4,600 areas): 0.8 s on an idle machine, a third of it the cleaning (scripts/bench_areas.py).
"""
import math
from dataclasses import dataclass
from itertools import groupby

import numpy as np
import shapely

from . import resolution

METHOD = "nearest-place-voronoi/1"
MAX_DISTANCE_KM = 25.0
KM_PER_DEGREE = 6371.0088 * math.pi / 180  # of latitude, on the mean Earth radius
QUAD_SEGMENTS = 8  # a circle's quarter in 8 segments: 32 sides
PRECISION_DEGREES = 1e-5  # the answer's coordinates, as the snapshot's points (about a metre)


@dataclass(frozen=True, slots=True)
class Seed:
    """A place as the derivation sees it: where it lies and in which country (ISO 3166-1 alpha-2)."""

    place: int
    lon: float
    lat: float
    country: str


@dataclass(frozen=True, slots=True)
class Area:
    """One connected area of one state: its polygon (WGS84; a MultiPolygon only where rounding to
    PRECISION_DEGREES pinched one), the state, and the places whose cells make it, in seed order."""

    geometry: shapely.Polygon | shapely.MultiPolygon
    state: resolution.State
    places: tuple[int, ...]


def method(max_distance_km=MAX_DISTANCE_KM):
    """The method and its parameters, as an answer carries them."""
    return {
        "name": METHOD,
        "derived": True,
        "description": (
            "Derived, not reported: within each country's outline, land takes the state of its nearest place of "
            f"that country (Voronoi cells), up to {max_distance_km:g} km from it; neighbouring cells of the same "
            "state are merged. Land nearest a place with no known state, farther than the distance from every "
            "place, or outside the outlines, is left out."
        ),
        "max_distance_km": max_distance_km,
        "clip": ("country outlines (Natural Earth 1:110m); each place's cell stays inside its own country, and a "
                 "place whose country has no outline shapes no area"),
        "merge": "neighbouring cells whose states are the same (status, holder, others, sides), across borders too",
        "distance": "equirectangular projection at each country's middle latitude",
        "circle_sides": QUAD_SEGMENTS * 4,
        "precision_degrees": PRECISION_DEGREES,
    }


def derive(seeds, states, outlines, max_distance_km=MAX_DISTANCE_KM):
    """The areas of `states` ({place id: State}) shaped by `seeds` (every place, known or not)
    within `outlines` ({country code: shapely geometry, WGS84}), sorted by their first place."""
    cells, cell_states, cell_places = [], [], []
    by_country = sorted(seeds, key=lambda seed: seed.country)
    for country, group in groupby(by_country, key=lambda seed: seed.country):
        if (outline := outlines.get(country)) is not None:
            for found, made in zip((cells, cell_states, cell_places), _country_cells(list(group), states, outline, max_distance_km)):
                found.extend(made)
    if not cells:
        return []
    # The cells cut by circles and borders match along shared edges only up to rounding: cleaned,
    # they match exactly, so neighbours merge and no two areas overlap.
    cells = shapely.coverage_clean(np.array(cells))
    groups = {}
    for index in np.flatnonzero(~shapely.is_empty(cells)).tolist():
        groups.setdefault(cell_states[index].key, []).append(index)
    order = {seed.place: index for index, seed in enumerate(seeds)}
    areas = []
    for members in groups.values():
        merged = shapely.get_parts(shapely.coverage_union_all(cells[members]))
        inside, part = shapely.STRtree(merged).query(shapely.point_on_surface(cells[members]), predicate="intersects")
        places_of = {}
        for member, index in sorted(zip(inside.tolist(), part.tolist())):
            places_of.setdefault(index, []).extend(cell_places[members[member]])
        rounded = shapely.set_precision(merged, PRECISION_DEGREES)
        state = cell_states[members[0]]
        for index, places in places_of.items():
            if not rounded[index].is_empty:
                areas.append(Area(rounded[index], state, tuple(sorted(set(places), key=order.__getitem__))))
    areas.sort(key=lambda area: order[area.places[0]])
    return areas


def _country_cells(seeds, states, outline, max_distance_km):
    """The cells (WGS84) of one country's places with a state to draw, their states and places."""
    scale = np.array([math.cos(math.radians(sum(outline.bounds[1::2]) / 2)), 1.0])
    projected = shapely.transform(outline, lambda xy: xy * scale)
    shapely.prepare(projected)
    # Places at one point share one cell, which holds their common state or none.
    at_point = {}
    for seed in seeds:
        at_point.setdefault((seed.lon, seed.lat), []).append(seed.place)
    points, cell_states, cell_places = [], [], []
    for (lon, lat), places in at_point.items():
        known = [place for place in places if place in states]
        keys = {states[place].key for place in known}
        state = states[known[0]] if len(keys) == 1 else None
        points.append((lon, lat))
        cell_states.append(state if state is not None and state.status != resolution.UNKNOWN else None)
        cell_places.append(tuple(known))
    sites = shapely.points(np.array(points) * scale)
    cells = np.array(shapely.get_parts(shapely.voronoi_polygons(
        shapely.multipoints(sites), extend_to=projected, ordered=True)))
    drawn = np.array([state is not None for state in cell_states])
    sites, cells = sites[drawn], cells[drawn]
    cells = shapely.intersection(cells, shapely.buffer(sites, max_distance_km / KM_PER_DEGREE, quad_segs=QUAD_SEGMENTS))
    crossing = ~shapely.contains_properly(projected, cells)
    cells[crossing] = shapely.intersection(cells[crossing], projected)
    cells = _polygonal(shapely.transform(cells, lambda xy: xy / scale))
    kept = ~shapely.is_empty(cells)
    chosen = np.flatnonzero(drawn)[kept].tolist()
    return cells[kept], [cell_states[index] for index in chosen], [cell_places[index] for index in chosen]


def _polygonal(geometries):
    """Only the polygons of each geometry (a cut can leave a line where a cell touches a border)."""
    polygonal = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)
    for index in np.flatnonzero(~np.isin(shapely.get_type_id(geometries), polygonal)).tolist():
        parts = shapely.get_parts(geometries[index])
        parts = parts[shapely.get_type_id(parts) == shapely.GeometryType.POLYGON]
        geometries[index] = shapely.multipolygons(parts) if len(parts) else shapely.Polygon()
    return geometries
