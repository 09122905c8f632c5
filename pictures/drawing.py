"""A Scene drawn as a picture with Pillow: the outline, every place's symbol, the labels that fit, the
selected place ringed, a panel with the date (and "as reported on"), a legend of the sides and
statuses shown, and the attribution. The words are in the active language (the picture's `lang`); in a
right-to-left language libraqm shapes them and the panels' lines run from their right edge.

Why Pillow and not an SVG rasterised by cairosvg: measured on this machine, cairosvg took 2.2 s to
render 10,000 small symbols and labels at 1200 x 630, while the picture of L's whole region (10,000
places) must take at most 3 s with its data; Pillow pastes a ready symbol per place (symbols.py) in
microseconds, and the animation needs Pillow for its GIF anyway. One library, no SVG tree per request.
"""
import io
import math
from functools import cache

from django.utils.translation import get_language_bidi, gettext as _, ngettext
from PIL import Image, ImageDraw, ImageFont, features

from geo.dates import label_in_language

from .areas import draw_areas
from .outline import base_image
from .symbols import CHANGED, LEGEND, NEUTRAL, SELECTED, stamp

FONT_DIR = "/usr/share/fonts/truetype/dejavu"  # Debian's fonts-dejavu-core (scripts/system-packages.sh)
INK, HALO, PANEL = "#1f1f1f", "#ffffff", (255, 255, 255, 230)
MAX_LABELS = 400  # beyond this the labels would cover the map: the largest places are named first
CELL = 64  # pixels: the grid that finds the labels a new one could overlap


@cache
def font(size, bold=False, shaped=True):
    """DejaVu Sans; `shaped`: laid out by libraqm (Arabic joined, right-to-left ordered), else by Pillow's
    basic layout, which measures a Latin name ten times faster (10,000 labels at L: 1.5 s against 0.15 s)."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    engine = ImageFont.Layout.RAQM if shaped and features.check("raqm") else ImageFont.Layout.BASIC
    return ImageFont.truetype(f"{FONT_DIR}/{name}", size, layout_engine=engine)


def direction():
    """The lettering's base direction: right to left in Arabic and Sorani (libraqm then orders a Latin
    name or a date inside a sentence); None lets Pillow decide, as the basic layout must."""
    return "rtl" if get_language_bidi() and features.check("raqm") else None


def needs_shaping(text):
    """Text with letters from Hebrew on (U+0590) may join or run right to left: libraqm lays it out."""
    return any(ord(character) >= 0x590 for character in text)


def ui_scale(width, height):
    """Text grows with the picture (1 at the 1200 x 630 card), within bounds that stay readable."""
    return max(0.6, min(2.0, min(width / 1200, height / 630)))


class Boxes:
    """Rectangles already taken (panels, labels), found by grid cell."""

    def __init__(self):
        self.cells = {}

    def _cells(self, box):
        x0, y0, x1, y1 = box
        for cx in range(int(x0) // CELL, int(x1) // CELL + 1):
            for cy in range(int(y0) // CELL, int(y1) // CELL + 1):
                yield cx, cy

    def free(self, box):
        x0, y0, x1, y1 = box
        return not any(a < x1 and x0 < c and b < y1 and y0 < d
                       for cell in self._cells(box) for a, b, c, d in self.cells.get(cell, ()))

    def add(self, box):
        for cell in self._cells(box):
            self.cells.setdefault(cell, []).append(box)


def draw_scene(scene, base=None, changed=None, note=None, labels=None):
    """The picture of `scene` (an RGB image) and its names (an RGBA layer). `base`: its outline, when
    drawn already; `changed`: on an animation's frame, the place ids ringed as changed on it; `note`: a
    line under the date; `labels`: the names of an animation's first frame, which the others reuse, so
    that names stay put while the frames play (laid out clear of a ring on every place, and of the
    panels' room to grow)."""
    view = scene.view
    image = (base or base_image(view)).copy()
    if scene.areas:
        draw_areas(image, scene.areas, view)
    u = ui_scale(view.width, view.height)
    animated = changed is not None
    ringed = {mark.place for mark in scene.marks if mark.selected or (animated and mark.place in changed)}
    for mark in scene.marks:
        if -mark.radius - 8 <= mark.x <= view.width + mark.radius + 8 and -mark.radius - 8 <= mark.y <= view.height + mark.radius + 8:
            ring = SELECTED if mark.selected else CHANGED if mark.place in ringed else None
            stamp(image, mark.x, mark.y, mark.style, mark.radius, ring)
    if labels is None:
        labels = Image.new("RGBA", image.size, (255, 255, 255, 0))
        taken = Boxes()
        for x0, y0, x1, y1 in panel_room(view, u, scene, note, animated):
            taken.add((x0, y0, x1 + (60 * u if animated else 0), y1))
        for mark in scene.marks:  # a label covers no symbol, nor its ring
            r = mark.radius + (5 if animated or mark.place in ringed else 0)
            taken.add((mark.x - r, mark.y - r, mark.x + r, mark.y + r))
        _labels(ImageDraw.Draw(labels), scene, u, taken, ringed, animated)
    image.paste(labels, (0, 0), labels)
    draw = ImageDraw.Draw(image, "RGBA")  # RGBA on an RGB image: translucent panels blend
    _date_panel(draw, scene, u, note)
    _legend(image, draw, scene, u, animated)
    _attribution(draw, view, u)
    return image, labels


def panel_room(view, u, scene, note, animated):
    """The boxes the panels take, measured by drawing them on a scratch image."""
    scratch = Image.new("RGB", (view.width, view.height))
    draw = ImageDraw.Draw(scratch)
    return [_date_panel(draw, scene, u, note), _legend(scratch, draw, scene, u, animated), _attribution(draw, view, u)]


def _panel(draw, box, u):
    draw.rounded_rectangle(box, radius=round(6 * u), fill=PANEL, outline="#9a9a9a")


def _date_panel(draw, scene, u, note):
    pad, gap = round(10 * u), round(4 * u)
    lines = [(scene.date_label, font(round(26 * u), True))]
    if scene.known_at is not None:
        lines.append((_("as reported on %(date)s") % {"date": label_in_language(scene.day, "day")}, font(round(14 * u))))
    selected_line = None
    if scene.selected:
        selected = scene.selected
        slots = {"place": selected["name"], "state": selected["words"], "date": selected["since_label"]}
        selected_line = len(lines)
        text = _("%(place)s: %(state)s since %(date)s") if selected["since_label"] else _("%(place)s: %(state)s")
        lines.append((text % slots, font(round(14 * u), True)))
    if note:
        lines.append((note, font(round(13 * u))))
    limit = scene.view.width * 0.6
    lines = [(fit(text, face, limit), face) for text, face in lines]
    way = direction()
    width = max(draw.textlength(text, font=face, direction=way) for text, face in lines)
    heights = [face.getbbox("Ag")[3] for _text, face in lines]
    box = (pad, pad, pad + width + 2 * pad, pad + sum(heights) + gap * (len(lines) - 1) + 2 * pad)
    _panel(draw, box, u)
    y = 2 * pad
    x, anchor = (box[2] - pad, "ra") if way == "rtl" else (2 * pad, "la")
    for index, ((text, face), height) in enumerate(zip(lines, heights)):
        draw.text((x, y), text, font=face, fill=SELECTED if index == selected_line else INK, anchor=anchor,
                  direction=way)
        y += height + gap
    return box


def fit(text, face, limit):
    """`text`, cut short with an ellipsis to fit `limit` pixels."""
    if face.getlength(text) <= limit:
        return text
    while text and face.getlength(text + "…") > limit:
        text = text[:-1]
    return text + "…"


def _legend(image, draw, scene, u, with_changed):
    """The sides shown with their colour, then the statuses shown with their symbol, bottom left."""
    face = font(round(13 * u))
    pad, row = round(8 * u), round(20 * u)
    a, b = NEUTRAL, "#4d4d4d"  # statuses are told by shape: greys, so no status reads as a side
    entries = [(("controlled", (actor["colour"],)), 5, actor["name"]) for actor in scene.actors]
    labels = {kind: str(label) for kind, label, _text in LEGEND}
    for kind in scene.kinds:
        colours = (a,) if kind == "controlled" else () if kind == "unknown" else (a, b)
        entries.append(((kind, colours), 7, labels[kind]))
    ringed = _("ringed orange: changed on this date")
    if with_changed:
        entries.append((("unknown", ()), 4, ringed))
    if scene.areas is not None:
        entries.append((("unknown", ()), 0, _("shaded: areas derived from the nearest places, not reported")))
    if not entries:
        entries.append((("unknown", ()), 7, labels["unknown"]))
    room = max(1, int(scene.view.height * 0.55 - 2 * pad) // row)  # a small picture keeps its map
    if len(entries) > room:
        hidden = len(entries) - room + 1
        more = ngettext("and %(count)d more: see the map's legend", "and %(count)d more: see the map's legend", hidden)
        entries = entries[:room - 1] + [(("unknown", ()), 0, more % {"count": hidden})]
    way = direction()
    width = max(face.getlength(text, direction=way) for _style, _radius, text in entries) + row + 3 * pad
    height = row * len(entries) + 2 * pad
    x0, y0 = pad, scene.view.height - pad - height
    box = (x0, y0, x0 + width, y0 + height)
    _panel(draw, box, u)
    for index, (style, radius, text) in enumerate(entries):
        cy = y0 + pad + row * index + row / 2
        ring = CHANGED if with_changed and text == ringed else None
        symbol_x = box[2] - pad - row / 2 if way == "rtl" else x0 + pad + row / 2
        if radius:
            stamp(image, symbol_x, cy, style, radius, ring)
        if way == "rtl":
            draw.text((box[2] - 2 * pad - row, cy), text, font=face, fill=INK, anchor="rm", direction=way)
        else:
            draw.text((x0 + 2 * pad + row, cy), text, font=face, fill=INK, anchor="lm")
    return box


def _attribution(draw, view, u):
    face = font(round(11 * u))
    way = direction()
    text = fit(_("ControlMap: every state from published, quoted sources · Borders: Natural Earth"), face,
               view.width * 0.55)
    width = face.getlength(text, direction=way)
    pad = round(4 * u)
    box = (view.width - width - 3 * pad, view.height - face.size - 3 * pad, view.width - pad, view.height - pad)
    draw.rectangle(box, fill=(255, 255, 255, 200))
    draw.text((box[0] + pad, box[1] + pad), text, font=face, fill="#444444", direction=way)
    return box


def _labels(draw, scene, u, taken, ringed, animated):
    """Names next to their symbols, the selected and the largest places first, each where it covers
    no symbol, other label or panel (right, left, above, then below); a name with no free place is left out.

    Where even a label's first few pixels beside the symbol are taken on every side, no box fits and
    the name is not measured: in a crowded view most are not, which is most of the cost saved."""
    size = round(12 * u)
    view, placed = scene.view, 0
    for mark in sorted(scene.marks, key=lambda m: (not m.selected, -m.radius, m.y, m.x)):
        if placed >= MAX_LABELS:
            break
        if not (0 <= mark.x < view.width and 0 <= mark.y < view.height):
            continue
        gap, low = mark.radius + (7 if animated or mark.place in ringed else 3), size / 4  # clear of a ring
        starts = ((mark.x + gap - 2, mark.y - low, mark.x + gap + 2, mark.y + low),
                  (mark.x - gap - 2, mark.y - low, mark.x - gap + 2, mark.y + low),
                  (mark.x - 2, mark.y - gap - 2, mark.x + 2, mark.y - gap + 2),
                  (mark.x - 2, mark.y + gap - 2, mark.x + 2, mark.y + gap + 2))
        if not any(taken.free(start) for start in starts):
            continue
        chosen = font(size, mark.selected, needs_shaping(mark.label))
        left, top, right, bottom = chosen.getbbox(mark.label)
        w, h = right - left, bottom - top
        for x, y in ((mark.x + gap, mark.y - h / 2), (mark.x - gap - w, mark.y - h / 2),
                     (mark.x - w / 2, mark.y - gap - h), (mark.x - w / 2, mark.y + gap)):
            box = (x - 2, y - 2, x + w + 2, y + h + 2)
            if box[0] >= 0 and box[1] >= 0 and box[2] <= view.width and box[3] <= view.height and taken.free(box):
                taken.add(box)
                draw.text((x - left, y - top), mark.label, font=chosen, fill=SELECTED if mark.selected else INK,
                          stroke_width=max(1, math.floor(2 * u)), stroke_fill=HALO)
                placed += 1
                break


def png(image):
    """PNG bytes; compression level 3 is within a few per cent of the smallest and several times faster."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=3)
    return buffer.getvalue()
