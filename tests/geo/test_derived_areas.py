"""The derived control areas (geo.areas) on hand-placed places and on random ones (no database)."""
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from geo import areas
from geo.areas import Seed
from geo.resolution import State

GOV, IS, SDF = 1, 2, 3
# Two neighbouring square countries at 35-36 N: AA west of 37 E, BB east of it.
OUTLINES = {"AA": shapely.box(36.0, 35.0, 37.0, 36.0), "BB": shapely.box(37.0, 35.0, 38.0, 36.0)}
SCALE = math.cos(math.radians(35.5))  # the projection the method states, at the outlines' middle latitude
REACH = areas.MAX_DISTANCE_KM / areas.KM_PER_DEGREE  # the distance in degrees of latitude


def held(holder):
    return State("controlled", holder)


def distance_km(lon, lat, other_lon, other_lat):
    return math.hypot((lon - other_lon) * SCALE, lat - other_lat) * areas.KM_PER_DEGREE


def covering(derived, lon, lat):
    point = shapely.Point(lon, lat)
    return [area for area in derived if area.geometry.covers(point)]


def test_land_takes_the_state_of_its_nearest_place_and_neighbours_of_one_state_merge():
    seeds = [Seed(1, 36.30, 35.5, "AA"), Seed(2, 36.40, 35.5, "AA"), Seed(3, 36.70, 35.5, "AA")]
    derived = areas.derive(seeds, {1: held(GOV), 2: held(GOV), 3: held(IS)}, OUTLINES)
    assert [(area.state.holder, area.places) for area in derived] == [(GOV, (1, 2)), (IS, (3,))]
    assert [area.geometry.geom_type for area in derived] == ["Polygon", "Polygon"]
    assert covering(derived, 36.54, 35.5)[0].state.holder == GOV  # the bisector of 2 and 3 lies at 36.55
    assert covering(derived, 36.56, 35.5)[0].state.holder == IS
    assert not derived[0].geometry.intersection(derived[1].geometry).area


def test_land_beyond_the_distance_or_nearest_a_place_without_a_state_is_in_no_area():
    seeds = [Seed(1, 36.3, 35.5, "AA"), Seed(2, 36.7, 35.5, "AA")]
    derived = areas.derive(seeds, {1: held(GOV)}, OUTLINES)
    assert [area.places for area in derived] == [(1,)]
    assert not covering(derived, 36.55, 35.5)  # nearer to place 2, which has no state
    assert not covering(derived, 36.3, 35.5 + REACH * 1.01)  # just beyond the distance
    assert covering(derived, 36.3, 35.5 + REACH * 0.98)
    assert areas.derive(seeds, {1: State("unknown", since=None, claims=())}, OUTLINES) == []


def test_a_cell_stays_in_its_own_country_and_outside_the_outlines_is_no_land():
    seeds = [Seed(1, 36.95, 35.5, "AA"), Seed(2, 37.6, 35.5, "BB"), Seed(3, 36.5, 35.9, "ZZ")]
    derived = areas.derive(seeds, {1: held(GOV), 2: held(IS), 3: held(SDF)}, OUTLINES)
    assert [area.places for area in derived] == [(1,), (2,)]
    assert derived[0].geometry.bounds[2] <= 37.0  # across the border the land is BB's
    assert not covering(derived, 37.05, 35.5)  # in BB, nearer to 1 than to 2: nobody's
    assert covering(derived, 37.38, 35.5)[0].places == (2,)
    edge = areas.derive([Seed(1, 36.05, 35.05, "AA")], {1: held(GOV)}, OUTLINES)
    assert edge[0].geometry.bounds[:2] == (36.0, 35.0)


def test_a_same_state_apart_is_two_areas_and_places_at_one_point_decide_together():
    seeds = [Seed(1, 36.1, 35.5, "AA"), Seed(2, 36.9, 35.5, "AA"), Seed(3, 36.5, 35.5, "AA")]
    derived = areas.derive(seeds, {1: held(GOV), 2: held(GOV), 3: held(IS)}, OUTLINES)
    assert [(area.state.holder, area.places) for area in derived] == [(GOV, (1,)), (GOV, (2,)), (IS, (3,))]

    twins = [Seed(1, 36.5, 35.5, "AA"), Seed(2, 36.5, 35.5, "AA"), Seed(3, 36.5, 35.5, "AA")]
    agreeing = areas.derive(twins, {1: held(GOV), 2: held(GOV)}, OUTLINES)
    assert [area.places for area in agreeing] == [(1, 2)]  # the place with no state has no say
    assert areas.derive(twins, {1: held(GOV), 2: held(IS)}, OUTLINES) == []


def test_the_method_names_its_parameters():
    method = areas.method()
    assert method["derived"] is True and method["max_distance_km"] == areas.MAX_DISTANCE_KM
    assert "nearest" in method["description"] and method["circle_sides"] == 32


PLACES = st.lists(
    st.tuples(st.floats(35.8, 38.2), st.floats(34.8, 36.2), st.sampled_from([None, GOV, IS, SDF, "unknown"])),
    min_size=1, max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(PLACES, st.lists(st.tuples(st.floats(36.0, 38.0), st.floats(35.0, 36.0)), min_size=20, max_size=20))
def test_every_area_is_its_places_nearest_land_within_the_distance(places, probes):
    seeds = [Seed(index, round(lon, 3), round(lat, 3), "AA" if lon < 37 else "BB") for index, (lon, lat, _) in enumerate(places)]
    states = {index: (State("unknown", claims=()) if holder == "unknown" else held(holder))
              for index, (_, _, holder) in enumerate(places) if holder is not None}
    derived = areas.derive(seeds, states, OUTLINES)
    for first, area in enumerate(derived):
        assert area.geometry.is_valid and area.geometry.area > 0
        assert {states[place].key for place in area.places} == {area.state.key}
        for other in derived[first + 1:]:
            assert area.geometry.intersection(other.geometry).area < 1e-8
    for lon, lat in probes:
        country = "AA" if lon < 37 else "BB"
        mates = [seed for seed in seeds if seed.country == country]
        found = covering(derived, lon, lat)
        # A point on the border is on both countries' land: the neighbour's area may cover it.
        inside = shapely.Point(lon, lat).buffer(0.001).within(OUTLINES[country])
        if not mates:
            assert not found or not inside
            continue
        ranked = sorted((distance_km(lon, lat, seed.lon, seed.lat), seed.place) for seed in mates)
        nearest_distance, nearest = ranked[0]
        clear = len(ranked) == 1 or ranked[1][0] - nearest_distance > 0.5  # not on a cell's edge
        if not clear or not inside or abs(nearest_distance - areas.MAX_DISTANCE_KM) < 0.5:
            continue
        at_point = [seed.place for seed in mates if (seed.lon, seed.lat) == (seeds[nearest].lon, seeds[nearest].lat)]
        keys = {states[place].key for place in at_point if place in states}
        state = states[next(place for place in at_point if place in states)] if len(keys) == 1 else None
        expected = state is not None and state.status != "unknown" and nearest_distance < areas.MAX_DISTANCE_KM
        assert bool(found) == expected, (lon, lat, ranked[:2])
        if expected:
            assert found[0].state.key == state.key and nearest in found[0].places


def test_rounding_keeps_neighbouring_areas_from_overlapping():
    rng = np.random.default_rng(3)
    seeds = [Seed(index, float(lon), float(lat), "AA") for index, (lon, lat) in
             enumerate(zip(rng.uniform(36, 37, 300), rng.uniform(35, 36, 300)))]
    derived = areas.derive(seeds, {index: held(index % 3 + 1) for index in range(300)}, OUTLINES)
    total = shapely.union_all([area.geometry for area in derived])
    assert abs(total.area - sum(area.geometry.area for area in derived)) < 1e-6
    assert sorted(place for area in derived for place in area.places) == list(range(300))


def test_shapely_keeps_its_own_geos_once_spatialite_is_loaded(tmp_path):
    """SQLite loads mod_spatialite, and the system's GEOS with it, into the global symbol scope: a
    Shapely first used after that would call the wrong GEOS. The app binds Shapely at start-up."""
    script = (
        "import django; django.setup()\n"
        "from django.db import connection; connection.ensure_connection()\n"
        "import shapely; from geo import areas; from geo.resolution import State\n"
        "seeds = [areas.Seed(1, 36.3, 35.5, 'AA'), areas.Seed(2, 36.7, 35.5, 'AA')]\n"
        "found = areas.derive(seeds, {1: State('controlled', 1), 2: State('controlled', 2)}, {'AA': shapely.box(36, 35, 37, 36)})\n"
        "print(len(found), found[0].geometry.wkt[:7])\n"
    )
    env = {**os.environ, "DATABASE_URL": f"spatialite:///{tmp_path / 'probe.sqlite3'}", "DEBUG": "1",
           "DJANGO_SETTINGS_MODULE": "controlmap.settings", "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["2", "POLYGON"]
