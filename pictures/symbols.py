"""The map's symbols drawn with Pillow: a mirror of static/shared/symbols.js (styleOf, radiusOf,
drawSymbol, LEGEND and describe), shape for shape and colour for colour, so a picture reads like the
map. A change there is made here too: tests/pictures/test_symbols_browser.py draws every symbol with
both and compares them pixel by pixel.

Each distinct symbol is drawn once, four times larger, into a small sprite that is then reduced (the
smoothing Pillow's own shapes lack) and pasted at every place that shows it: the map stamps its
symbols the same way (stampSymbol), and 10,000 places then cost one paste each.
"""
import math
from functools import lru_cache

from django.utils.translation import gettext as _, gettext_lazy, pgettext, pgettext_lazy
from PIL import Image, ImageDraw

from geo.resolution import BESIEGED, CONTESTED, CONTROLLED, DISPUTED, UNKNOWN

NEUTRAL = "#8a8a8a"
OUTLINE = "#1f1f1f"
SELECTED = "#0047ab"
CHANGED = "#ff8c00"  # the ring of a place that changes on an animation frame (not on the map)
SUPERSAMPLE = 4

# The statuses in the order the legend lists them, with the map legend's words (the same messages as
# symbols.js: one translation for both).
LEGEND = [
    ("controlled", pgettext_lazy("legend", "Held"), gettext_lazy("solid disc in the holder's colour")),
    ("contested", pgettext_lazy("legend", "Contested"), gettext_lazy("disc split between the sides fighting inside")),
    ("besieged", pgettext_lazy("legend", "Besieged"), gettext_lazy("holder's disc inside a ring in the besieger's colour")),
    ("disputed", pgettext_lazy("legend", "Disputed"), gettext_lazy("hatched disc with a dashed edge: sources disagree")),
    ("unknown", pgettext_lazy("legend", "Unknown"), gettext_lazy("hollow grey circle: no sourced claim")),
]


def radius_of(size):
    """Radius in pixels for a size class from 1 (site) to 5 (major city)."""
    return 3 + 2 * min(5, max(1, size or 3))


def style_of(state, colour_of):
    """(kind, colours) of a geo.resolution.State (None: unknown); colour_of(actor id) -> "#rrggbb"."""
    if state is None or state.status == UNKNOWN:
        return ("unknown", ())
    if state.status == DISPUTED:
        colours = tuple(colour_of(side.holder) if side.holder is not None
                        else colour_of(side.others[0][0]) if side.others else NEUTRAL for side in state.sides)
        return ("disputed", colours or (NEUTRAL,))
    if state.status == CONTESTED:
        colours = tuple(colour_of(actor) for actor, _ in state.others)
        return ("contested", colours[:2] if len(colours) >= 2 else ((colours or (NEUTRAL,))[0], NEUTRAL))
    if state.status == BESIEGED:
        besieger = next((actor for actor, role in state.others if role == "besieging"), None)
        return ("besieged", (colour_of(state.holder), colour_of(besieger) if besieger is not None else NEUTRAL))
    return ("controlled", (colour_of(state.holder) if state.holder is not None else NEUTRAL,))


@lru_cache(maxsize=2048)
def sprite(style, radius, ring=None):
    """An RGBA image of the symbol centred in it, and its half size (the paste offset): `ring` is the
    colour of the selection ring (SELECTED) or of the changed-place ring, drawn outside the symbol."""
    half = math.ceil(radius + (6 if ring else 2))
    s = SUPERSAMPLE
    image = Image.new("RGBA", (2 * half * s, 2 * half * s), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    c = half * s
    kind, colours = style

    def box(r):  # Pillow's box includes its last pixel: a disc of radius r covers [c - r, c + r)
        return (c - r * s, c - r * s, c + r * s - 1, c + r * s - 1)

    def disc(r, fill):
        draw.ellipse(box(r), fill=fill)

    def stroke(r, width, colour):  # a canvas stroke is centred on the path; Pillow's lies inside the box
        draw.ellipse(box(r + width / 2), outline=colour, width=max(1, round(width * s)))

    r = radius
    if kind == "unknown":
        disc(r * 0.8, "#ffffff")
        stroke(r * 0.8, 2, "#6b6b6b")
    elif kind == "controlled":
        disc(r, colours[0])
    elif kind == "besieged":
        disc(r, colours[1])
        disc(r * 0.72, "#ffffff")
        disc(r * 0.55, colours[0])
    elif kind == "contested":
        draw.pieslice(box(r), 90, 270, fill=colours[0])
        draw.pieslice(box(r), -90, 90, fill=colours[1])
        draw.rectangle((c - 0.75 * s, c - r * s, c + 0.75 * s - 1, c + r * s - 1), fill="#ffffff")
    elif kind == "disputed":
        disc(r, "#ffffff")
        stripes = Image.new("RGBA", image.size, (255, 255, 255, 0))
        lines = ImageDraw.Draw(stripes)
        stripe = max(2, r / 3)
        i = -4
        while i * stripe < 2 * r + stripe:
            x0 = c + (-r + i * stripe * 1.6) * s
            lines.line((x0, c + r * s, x0 + 2 * r * s, c - r * s), width=round(stripe * s),
                       fill=colours[i % len(colours)])
            i += 1
        mask = Image.new("L", image.size, 0)
        ImageDraw.Draw(mask).ellipse(box(r), fill=255)
        image.paste(stripes, (0, 0), Image.composite(stripes, Image.new("RGBA", image.size), mask))
    if kind == "disputed":
        dashed(draw, box(r + 0.5), r, s)
    elif kind != "unknown":
        stroke(r, 1, OUTLINE)
    if ring:
        stroke(r + 3.5, 2.5, ring)
    small = image.convert("RGBa").resize((2 * half, 2 * half), Image.Resampling.LANCZOS).convert("RGBA")
    return small, half


def dashed(draw, box, r, s):
    """The disputed edge: a 1-pixel circle dashed 3 on, 2 off, from three o'clock clockwise (setLineDash)."""
    circumference = 2 * math.pi * r
    along = 0.0
    while along < circumference:
        end = min(along + 3, circumference)
        draw.arc(box, math.degrees(along / r), math.degrees(end / r), fill=OUTLINE, width=s)
        along += 5


def stamp(image, x, y, style, radius, ring=None):
    """Pastes the symbol centred on (x, y), as the map's stampSymbol does (Math.round(x - half))."""
    picture, half = sprite(style, radius, ring)
    image.paste(picture, (math.floor(x - half + 0.5), math.floor(y - half + 0.5)), picture)


def _names(names):
    if len(names) < 2:
        return "".join(names)
    return pgettext("list", ", ").join(names[:-1]) + pgettext("list", " and ") + names[-1]


def describe(state, name_of):
    """The words for a state in the active language, as describe() in symbols.js: "held by X",
    "besieged by Y", ..."""
    if state is None or state.status == UNKNOWN:
        return pgettext("status", "unknown")

    def others(role):
        return _names([name_of(actor) for actor, r in state.others if r == role]) or _("unknown forces")

    held = _("held by %(holder)s") % {"holder": name_of(state.holder)}
    if state.status == CONTROLLED:
        return held
    if state.status == BESIEGED:
        return held + pgettext("list", ", ") + _("besieged by %(sides)s") % {"sides": others("besieging")}
    if state.status == CONTESTED:
        return _("contested between %(sides)s") % {"sides": others("contesting")}
    sides = _("; others say ").join(describe(side, name_of) for side in state.sides)
    return _("disputed: reports say %(reports)s") % {"reports": sides}
