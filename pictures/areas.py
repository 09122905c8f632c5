"""The derived control areas in a picture (`areas=1`), as the map's layer shows them: the same
derivation (geo.areas through api.areas' outlines) from the states of every place on the day, cut to
the view and drawn under the symbols in the symbols' colours and patterns, translucent, so that the
land reads as derived and the places stay the evidence. The legend says "derived, not reported".
"""
import shapely
from PIL import Image, ImageDraw

from api.areas import outlines
from api.serializers import Places
from geo import areas, records

from .projection import world_pixel
from .symbols import style_of

ALPHA = 90  # of 255: the outline and the country borders show through, as on the map
STRIPE = 8  # pixels: the width of a contested or disputed area's stripes


def derived_in_view(day, known_at, view, margin=20):
    """[(State, shapely geometry)] of the derived areas that reach into the view."""
    states = records.snapshot(day, known_at)
    places = Places()
    seeds = [areas.Seed(place, row["lon"], row["lat"], row["country"]) for place, row in places.rows.items()]
    found = areas.derive(seeds, states, outlines())
    if not found:
        return []
    cut = shapely.clip_by_rect([area.geometry for area in found], *view.bounds(margin))
    return [(area.state, geometry) for area, geometry in zip(found, cut) if not geometry.is_empty and geometry.area > 0]


def _rings(geometry):
    for polygon in getattr(geometry, "geoms", (geometry,)):
        if isinstance(polygon, shapely.Polygon):
            yield polygon.exterior.coords, [ring.coords for ring in polygon.interiors]


def styled(derived, colour_of, wanted=None):
    """[(symbol style, geometry)] of derived_in_view's areas; `wanted`: actor ids, as the API's actors=."""
    return [(style_of(state, colour_of), geometry) for state, geometry in derived
            if not wanted or wanted.intersection(state.actors())]


def draw_areas(image, areas_drawn, view):
    """Paints `areas_drawn` (styled) onto the RGB `image`: held in the holder's colour; contested and
    disputed striped in their sides' colours; besieged in the holder's colour edged in the besieger's."""
    ox, oy = view.origin
    overlay = Image.new("RGBA", image.size, (255, 255, 255, 0))
    for (kind, colours), geometry in areas_drawn:
        if kind == "unknown":
            continue
        for exterior, holes in _rings(geometry):
            def pixels(ring):
                return [(x - ox, y - oy) for x, y in (world_pixel(lat, lng, view.zoom) for lng, lat in ring)]

            outer = pixels(exterior)
            xs, ys = [x for x, _ in outer], [y for _, y in outer]
            left, top = max(0, int(min(xs))), max(0, int(min(ys)))
            right, bottom = min(image.width, int(max(xs)) + 1), min(image.height, int(max(ys)) + 1)
            if right <= left or bottom <= top:
                continue
            mask = Image.new("L", (right - left, bottom - top), 0)
            shape = ImageDraw.Draw(mask)
            shape.polygon([(x - left, y - top) for x, y in outer], fill=ALPHA)
            for hole in holes:
                shape.polygon([(x - left, y - top) for x, y in pixels(hole)], fill=0)
            fill = _pattern(kind, colours, left, top, mask.size)
            overlay.paste(fill, (left, top), mask)
            if kind == "besieged":
                ImageDraw.Draw(overlay).line(outer + outer[:1], fill=colours[1], width=3)
    image.paste(overlay, (0, 0), overlay)


def _pattern(kind, colours, left, top, size):
    """The fill of one area's box: one colour, or diagonal stripes aligned to the whole picture so that
    neighbouring areas' stripes meet."""
    fill = Image.new("RGB", size, colours[0])
    if kind in ("contested", "disputed") and len(colours) > 1:
        draw = ImageDraw.Draw(fill)
        width, height = size
        start = -((left + top) % (2 * STRIPE * len(colours))) - height
        for index, x in enumerate(range(start, width + height, STRIPE)):
            draw.line((x, height, x + height, 0), fill=colours[index % len(colours)], width=STRIPE)
    return fill
