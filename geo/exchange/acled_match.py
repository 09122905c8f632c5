"""Finding ControlMap's place and side for an ACLED event: by name, then by distance, then by admin area.

Places and actors are read once per import and matched in memory: a large ACLED file has tens of
thousands of rows, and a query per row for the nearest place cost more than the rest of the row.
"""
import math

from django.db.models import F, FloatField, Func

from ..models import Actor, Place, PlaceName
from ..text import normalize_name

EARTH_KM = 6371.0
# How far from ACLED's coordinates the place may lie, by geo_precision: 1, the coordinates are the
# town's; 2, a town near the event ("near X", "in the outskirts of X"); 3, only the region is known and
# the coordinates are its capital's, so only a place of that name close by is believable.
REACH_KM = {1: 5.0, 2: 15.0, 3: 30.0}
# A place found by name may lie a little further than the reach (ACLED's town point and ours differ),
# but not so far that it is another town of the same name.
NAME_REACH_KM = 50.0
# Grid cell of the in-memory index: with 1-degree cells a lookup measured the distance to some 1,500
# places at 10,000 places in Syria and Iraq; a quarter degree holds about a dozen.
CELL_DEGREES = 0.25
KM_PER_DEGREE = 111.2


def distance_km(lon1, lat1, lon2, lat2):
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(a))


class Gazetteer:
    """Every place by its normalised names and by grid cell, and every actor by its names."""

    def __init__(self):
        # Plain rows, not model instances: at 10,000 places with 80,000 names the instances took 9 s.
        self.places = {}  # id -> (slug, lon, lat)
        self.by_name = {}  # normalised name -> [place id]
        self.cells = {}  # (cell x, cell y) -> [place id]
        rows = Place.objects.order_by().annotate(
            lon=Func(F("point"), function="ST_X", output_field=FloatField()),
            lat=Func(F("point"), function="ST_Y", output_field=FloatField()),
        ).values_list("id", "slug", "name", "lon", "lat")
        names = PlaceName.objects.order_by().values_list("place_id", "name")
        for place, slug, name, lon, lat in rows:
            self.places[place] = (slug, lon, lat)
            self._name(name, place)
            self.cells.setdefault(self._cell(lon, lat), []).append(place)
        for place, name in names:
            self._name(name, place)
        self.actors = {}
        for actor in Actor.objects.prefetch_related("aliases"):
            for name in (actor.slug, actor.name, actor.short_name, *(a.name for a in actor.aliases.all())):
                self.actors.setdefault(normalize_name(name), actor)

    def _name(self, name, place):
        ids = self.by_name.setdefault(normalize_name(name), [])
        if place not in ids:
            ids.append(place)

    @staticmethod
    def _cell(lon, lat):
        return math.floor(lon / CELL_DEGREES), math.floor(lat / CELL_DEGREES)

    def _near(self, ids, lon, lat, reach):
        """(distance, id) of the nearest of `ids` within `reach` km, or None."""
        found = [(distance_km(lon, lat, self.places[i][1], self.places[i][2]), i) for i in ids]
        found = [item for item in found if item[0] <= reach]
        return min(found) if found else None

    def _within_cells(self, lon, lat, reach):
        """The places of every grid cell that a circle of `reach` km around the point touches."""
        x, y = self._cell(lon, lat)
        rows = math.ceil(reach / (CELL_DEGREES * KM_PER_DEGREE))
        columns = math.ceil(reach / (CELL_DEGREES * KM_PER_DEGREE * max(math.cos(math.radians(abs(lat) + CELL_DEGREES)), 0.01)))
        return [i for dx in range(-columns, columns + 1) for dy in range(-rows, rows + 1) for i in self.cells.get((x + dx, y + dy), ())]

    def _named(self, name, lon, lat):
        ids = self.by_name.get(normalize_name(name))
        return self._near(ids, lon, lat, NAME_REACH_KM) if ids else None

    def place(self, location, admins, lon, lat, geo_precision):
        """The place id for an event: a place named like the location near the coordinates; else the
        nearest place within the reach of `geo_precision`; else a place named like an admin area
        (admin3, admin2: districts are often named after their town, which ACLED's coordinates then
        are). Returns (place id, how it was found) or (None, why not)."""
        named = self._named(location, lon, lat) if location else None
        if named:
            return named[1], f"name {location!r}"
        reach = REACH_KM[geo_precision]
        near = self._near(self._within_cells(lon, lat, reach), lon, lat, reach)
        if near:
            return near[1], f"distance, {near[0]:.1f} km away"
        for admin in admins:
            named = self._named(admin, lon, lat)
            if named:
                return named[1], f"admin area name {admin!r}"
        names = " or ".join(repr(name) for name in dict.fromkeys([location, *admins]) if name)
        return None, (f"no place named {names or 'at all'} within {NAME_REACH_KM:.0f} km, "
                      f"and none within {reach:.0f} km of {lat}, {lon} (geo_precision {geo_precision})")

    def actor(self, name):
        return self.actors.get(normalize_name(name))
