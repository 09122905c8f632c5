"""Web Mercator exactly as Leaflet 1.9 projects the map (L.CRS.EPSG3857), so a place is drawn on the
picture at the very pixel the map puts it for the same centre, zoom and size.

Leaflet: the world is 256 * 2^zoom pixels wide; a point's layer position is its projected pixel,
rounded, less the pixel origin (the centre's pixel less half the size, rounded); a view fitted to
bounds takes the largest whole zoom at which they fit (zoomSnap 1), capped as the map caps it.
"""
import math
from dataclasses import dataclass

EARTH_RADIUS = 6378137  # L.Projection.SphericalMercator.R
MAX_LATITUDE = 85.0511287798
TILE = 256


def world_pixel(lat, lng, zoom):
    """The projected pixel (L.Map.project) of a latitude and longitude at a zoom, unrounded."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    sin = math.sin(math.radians(lat))
    x = math.radians(lng) * EARTH_RADIUS
    y = EARTH_RADIUS * math.log((1 + sin) / (1 - sin)) / 2
    scale = TILE * 2 ** zoom
    half_circumference = math.pi * EARTH_RADIUS
    return scale * (0.5 + x / (2 * half_circumference)), scale * (0.5 - y / (2 * half_circumference))


def world_latlng(x, y, zoom):
    """The inverse (L.Map.unproject)."""
    scale = TILE * 2 ** zoom
    mx = (x / scale - 0.5) * 2 * math.pi * EARTH_RADIUS
    my = (0.5 - y / scale) * 2 * math.pi * EARTH_RADIUS
    lat = math.degrees(2 * math.atan(math.exp(my / EARTH_RADIUS)) - math.pi / 2)
    return lat, math.degrees(mx / EARTH_RADIUS)


def leaflet_round(value):
    """Math.round: halves go up, also below zero (Python's round goes to even)."""
    return math.floor(value + 0.5)


@dataclass(frozen=True)
class View:
    lat: float
    lng: float
    zoom: int
    width: int
    height: int

    @property
    def origin(self):
        x, y = world_pixel(self.lat, self.lng, self.zoom)
        return leaflet_round(x - self.width / 2), leaflet_round(y - self.height / 2)

    def pixel(self, lat, lng):
        """Where the map draws a point of this latitude and longitude (L.Map.latLngToLayerPoint)."""
        x, y = world_pixel(lat, lng, self.zoom)
        ox, oy = self.origin
        return leaflet_round(x) - ox, leaflet_round(y) - oy

    def bounds(self, margin=0):
        """(west, south, east, north) of the picture widened by `margin` pixels, clamped to the world."""
        ox, oy = self.origin
        north, west = world_latlng(ox - margin, oy - margin, self.zoom)
        south, east = world_latlng(ox + self.width + margin, oy + self.height + margin, self.zoom)
        return max(-180.0, west), max(-90.0, south), min(180.0, east), min(90.0, north)


def fitted(points, width, height, min_zoom, max_zoom, pad=0.25):
    """The view a map of this size shows for `points` ([(lat, lng)]): L.Map.fitBounds of their bounds
    padded by `pad` of their span (L.LatLngBounds.pad), its zoom capped at `max_zoom`."""
    lats, lngs = [lat for lat, _ in points], [lng for _, lng in points]
    south, north, west, east = min(lats), max(lats), min(lngs), max(lngs)
    dlat, dlng = (north - south) * pad, (east - west) * pad
    south, north, west, east = south - dlat, north + dlat, west - dlng, east + dlng
    x1, y1 = world_pixel(north, west, 0)
    x2, y2 = world_pixel(south, east, 0)
    span_x, span_y = max(x2 - x1, 1e-9), max(y2 - y1, 1e-9)
    zoom = math.log2(min(width / span_x, height / span_y))
    zoom = math.floor(round(zoom * 100) / 100)  # within 1% of a whole zoom counts as it (Leaflet's snap)
    zoom = max(min_zoom, min(max_zoom, zoom))
    cx, cy = (x1 + x2) / 2 * 2 ** zoom, (y1 + y2) / 2 * 2 ** zoom
    lat, lng = world_latlng(cx, cy, zoom)
    return View(lat, lng, zoom, width, height)
