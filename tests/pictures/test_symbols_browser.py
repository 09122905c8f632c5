"""pictures.symbols draws what static/shared/symbols.js draws: each symbol drawn by the map's own code in
Chromium's canvas and by Pillow, on white, compared pixel by pixel."""
import base64
import io

import pytest
from PIL import Image, ImageChops

from pictures.symbols import sprite

pytestmark = pytest.mark.browser

STYLES = [
    ("controlled", ("#d62728",)), ("contested", ("#d62728", "#1a1a1a")), ("besieged", ("#c2528b", "#e8b90e")),
    ("disputed", ("#d62728", "#17becf")), ("unknown", ()),
]


def canvas_symbol(page, style, radius, ring):
    """The map's drawing of the symbol, centred in a white square of the sprite's size, as a PIL image."""
    half = sprite(style, radius, ring)[1]
    data = page.evaluate("""async ([kind, colours, radius, selected, half]) => {
        const { drawSymbol } = await import("/static/shared/symbols.js");
        const canvas = document.createElement("canvas");
        canvas.width = canvas.height = 2 * half;
        const ctx = canvas.getContext("2d");
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(0, 0, 2 * half, 2 * half);
        drawSymbol(ctx, half, half, radius, { kind, colours }, selected);
        return canvas.toDataURL("image/png");
    }""", [style[0], list(style[1]), radius, ring is not None, half])
    return Image.open(io.BytesIO(base64.b64decode(data.split(",", 1)[1]))).convert("RGB")


def pillow_symbol(style, radius, ring):
    picture, half = sprite(style, radius, ring)
    white = Image.new("RGB", (2 * half, 2 * half), "#ffffff")
    white.paste(picture, (0, 0), picture)
    return white


@pytest.mark.parametrize("radius", [5, 13])
@pytest.mark.parametrize("selected", [False, True])
def test_each_symbol_is_the_maps(live_server, new_page, radius, selected):
    page = new_page()
    page.goto(f"{live_server.url}/static/shared/symbols.js")
    ring = "#0047ab" if selected else None
    for style in STYLES:
        drawn, ours = canvas_symbol(page, style, radius, ring), pillow_symbol(style, radius, ring)
        assert drawn.size == ours.size
        difference = ImageChops.difference(drawn, ours).convert("L")
        off = sum(difference.point(lambda value: 255 if value > 64 else 0).histogram()[255:])
        # Edges are smoothed differently (canvas coverage, Pillow supersampling); shapes and colours match.
        assert off <= 0.06 * drawn.width * drawn.height, (style, radius, selected, off)

