"""The country outline under the places: the map's own offline file (static/web/data/countries.geojson,
Natural Earth), filled and stroked as static/shared/mapview.js styles it, drawn twice as large and
reduced for smooth edges. A view's outline is drawn once and copied for every frame of an animation.
"""
import json
from functools import cache

from django.contrib.staticfiles import finders
from PIL import Image, ImageDraw

from .projection import world_pixel

OUTLINE_FILE = "web/data/countries.geojson"
SEA = "#cfdbe6"  # the map's background where no country is drawn (static/web/map.css: .map)
FOCUS = ("Syria", "Iraq")  # drawn lighter and with a heavier border, as on the map
SUPERSAMPLE = 2


@cache
def countries():
    """[(name, [rings of (lat, lng)])] of the outline file, read once per process."""
    path = finders.find(OUTLINE_FILE)
    if not path:
        raise LookupError(f"static file {OUTLINE_FILE} (the country outline) is not among the static files")
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    found = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = [[(lat, lng) for lng, lat in ring] for polygon in polygons for ring in polygon]
        found.append((feature["properties"].get("name", ""), rings))
    return found


def base_image(view):
    """An RGB image of the view's size: sea, countries and their borders."""
    s = SUPERSAMPLE
    image = Image.new("RGB", (view.width * s, view.height * s), SEA)
    draw = ImageDraw.Draw(image)
    ox, oy = view.origin
    for name, rings in countries():
        focus = name in FOCUS
        for ring in rings:
            points = []
            for lat, lng in ring:
                x, y = world_pixel(lat, lng, view.zoom)
                points.append(((x - ox) * s, (y - oy) * s))
            draw.polygon(points, fill="#f3efe4" if focus else "#e8e6e1")
            draw.line(points, fill="#5c5c5c", width=round((1.6 if focus else 0.8) * s), joint="curve")
    return image.resize((view.width, view.height), Image.Resampling.BOX)
