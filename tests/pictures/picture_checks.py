"""What the picture tests share: reading a PNG or GIF answer, an independent Web Mercator (the
formulas of Leaflet's L.CRS.EPSG3857, written again here so the app's projection is checked, not
repeated), and the stored reference images.

The references are regenerated only on purpose, after a deliberate change to the drawing:
    REGENERATE_PICTURES=1 DATABASE_URL=... .venv/bin/python -m pytest tests/pictures
writes tests/pictures/reference/*.png afresh (then look at them before committing them).
"""
import io
import math
import os
from pathlib import Path

from PIL import Image, ImageChops

REFERENCE = Path(__file__).resolve().parent / "reference"
REGENERATE = os.environ.get("REGENERATE_PICTURES") == "1"


def image_of(response):
    assert response.status_code == 200, (response.status_code, response.content[:300])
    return Image.open(io.BytesIO(response.content))


def leaflet_pixel(lat, lng, centre, zoom, size):
    """Where Leaflet puts (lat, lng) in a map of `size` centred on `centre` at `zoom`."""
    def world(lat, lng):
        scale = 256 * 2 ** zoom
        y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
        return scale * (lng + 180) / 360, scale * (1 - y / math.pi) / 2

    px, py = world(lat, lng)
    cx, cy = world(*centre)
    origin = (math.floor(cx - size[0] / 2 + 0.5), math.floor(cy - size[1] / 2 + 0.5))
    return math.floor(px + 0.5) - origin[0], math.floor(py + 0.5) - origin[1]


def close(colour, expected, tolerance=12):
    expected = tuple(int(expected[i:i + 2], 16) for i in (1, 3, 5)) if isinstance(expected, str) else expected
    return all(abs(a - b) <= tolerance for a, b in zip(colour[:3], expected))


def matches_reference(image, name, box):
    """Whether the region `box` of `image` looks like the stored reference `name` (which it becomes
    when regenerating)."""
    region = image.convert("RGB").crop(box)
    path = REFERENCE / f"{name}.png"
    if REGENERATE:
        region.save(path)
    assert path.exists(), f"no reference {path.name}: regenerate on purpose with REGENERATE_PICTURES=1"
    return alike(region, Image.open(path).convert("RGB"))


def alike(region, stored):
    """At most 1% of the pixels differ by more than 48 in a channel (hinting and smoothing may move
    a pixel or two; another word or date moves hundreds)."""
    if stored.size != region.size:
        return False
    difference = ImageChops.difference(region, stored).convert("L").point(lambda value: 255 if value > 48 else 0)
    return difference.histogram()[255] <= 0.01 * region.width * region.height


def reference(name):
    return Image.open(REFERENCE / f"{name}.png").convert("RGB")
