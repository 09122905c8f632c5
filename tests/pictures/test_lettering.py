"""The pictures' words in the reader's language: Arabic lettering joined and laid out right to left by
libraqm, the share cards and the oEmbed thumbnail asking for the picture in the page's language."""
import datetime as dt
import html
import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.conf import settings
from PIL import Image, ImageChops, ImageDraw, ImageFont, features

from picture_checks import alike, image_of

VIEW = {"at": "2017-11-09", "lat": "35.4", "lng": "41.5", "zoom": "7", "place": "boukamal"}
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"  # Debian's fonts-dejavu-core
DATE_LINE = (10, 12, 600, 52)  # the date panel's first line at 1200 x 630 (pictures/drawing.py: 26 px bold)


def ink(image):
    """The dark lettering of `image` (the date is drawn in #1f1f1f; the selected place's line is blue and
    the map light) as a mask, cropped to where it is."""
    red, green, blue = image.convert("RGB").split()
    brightest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    mask = brightest.point(lambda value: 255 if value < 90 else 0)
    return mask.crop(mask.getbbox())


def written(text, engine, direction=None):
    """`text` as Pillow writes it on white with the given layout engine, its ink cropped."""
    face = ImageFont.truetype(FONT, 26, layout_engine=engine)
    canvas = Image.new("RGB", (700, 60), "white")
    ImageDraw.Draw(canvas).text((10, 10), text, font=face, fill="#1f1f1f", direction=direction)
    return ink(canvas)


def same_lettering(found, expected):
    """The same shapes in the same order: sizes within a pixel, and at most 5% of the pixels on one side
    only (a glyph drawn half a pixel over changes its edges: about 2% here; other letter forms or
    another order change about a third)."""
    if abs(found.width - expected.width) > 1 or abs(found.height - expected.height) > 1:
        return False
    box = (0, 0, min(found.width, expected.width), min(found.height, expected.height))
    differing = ImageChops.difference(found.crop(box), expected.crop(box)).point(lambda value: 255 if value > 128 else 0)
    return differing.histogram()[255] <= 0.05 * box[2] * box[3]


def test_the_venv_pillow_shapes_with_raqm():
    assert features.check("raqm"), "Pillow without libraqm cannot join Arabic letters nor order them right to left"


def test_an_arabic_picture_draws_its_date_shaped_and_right_to_left(client, seeded):
    from django.utils import translation

    from pictures.scene import scene_of

    with translation.override("ar"):  # as the picture's view does for lang=ar
        label = scene_of({"at": dt.date(2017, 11, 9), "lang": "ar"}, 1200, 630, today=None).date_label
    assert label == "9 نوفمبر 2017"
    english = image_of(client.get("/image.png", VIEW)).convert("RGB")
    arabic = image_of(client.get("/image.png", {**VIEW, "lang": "ar"})).convert("RGB")
    assert not alike(arabic.crop(DATE_LINE), english.crop(DATE_LINE))
    drawn = ink(arabic.crop(DATE_LINE))
    shaped = written(label, ImageFont.Layout.RAQM, "rtl")
    unshaped = written(label, ImageFont.Layout.BASIC)
    assert same_lettering(drawn, shaped)
    assert not same_lettering(drawn, unshaped)  # isolated letters, left to right: what shaping must not give
    assert not same_lettering(drawn, written(label, ImageFont.Layout.RAQM, "ltr"))  # joined, in the wrong order
    # The legend speaks Arabic too: its words differ from the English picture's.
    legend = (0, 630 - 180, 300, 630)
    assert not alike(arabic.crop(legend), english.crop(legend))


def test_the_address_decides_the_language_not_the_browser(client, seeded):
    english = image_of(client.get("/image.png", VIEW)).convert("RGB")
    asked_in_arabic = image_of(client.get("/image.png", VIEW, HTTP_ACCEPT_LANGUAGE="ar")).convert("RGB")
    assert alike(asked_in_arabic.crop(DATE_LINE), english.crop(DATE_LINE))
    refused = client.get("/image.png", {**VIEW, "lang": "de"})
    assert refused.status_code == 400 and refused.json()["parameter"] == "lang"


def tags(page):
    return {name: html.unescape(content)
            for name, content in re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)">', page)}


@pytest.mark.parametrize("language, title, since", [
    ("ar", "البوكمال، 9 نوفمبر 2017: ControlMap", "منذ 3 نوفمبر 2017"),
    ("ckb", "بووکەمال، 9ی تشرینی دووەمی 2017: ControlMap", "لە 3ی تشرینی دووەمی 2017 بەدواوە"),
])
def test_the_card_speaks_the_page_language_and_asks_for_its_picture_in_it(client, seeded, language, title, since):
    card = tags(client.get("/", {**VIEW, "lang": language}).content.decode())
    assert card["og:title"] == title
    assert since in card["og:description"]
    assert dict(parse_qsl(urlsplit(card["og:image"]).query))["lang"] == language
    # A page in the reader's language by Accept-Language asks for the picture in it all the same.
    by_header = tags(client.get("/", VIEW, HTTP_ACCEPT_LANGUAGE=language).content.decode())
    assert by_header["og:title"] == title and dict(parse_qsl(urlsplit(by_header["og:image"]).query))["lang"] == language


def test_the_oembed_thumbnail_is_lettered_in_the_frame_language(client, seeded):
    answer = client.get("/oembed/", {"url": "http://testserver/embed/?at=2017-11-09&place=boukamal&lang=ckb"}).json()
    assert dict(parse_qsl(urlsplit(answer["thumbnail_url"]).query))["lang"] == "ckb"
    english = client.get("/oembed/", {"url": "http://testserver/embed/?at=2017-11-09&place=boukamal"}).json()
    assert "lang" not in dict(parse_qsl(urlsplit(english["thumbnail_url"]).query))


def letters_drawn_in(language):
    """Every letter a picture in `language` may draw: the seed's names in it and the server catalogue's words."""
    root = Path(settings.BASE_DIR)
    names = json.loads((root / "fixtures" / "names.json").read_text(encoding="utf-8"))
    text = "".join(row["name"] for rows in (*names["places"].values(), *names["actors"].values()) for row in rows
                   if row["language"] == language)
    catalogue = (root / "locale" / language / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    text += "".join(re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', catalogue, re.M))
    return {character for character in text if unicodedata.category(character)[0] in "LNPS"}


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_font_has_every_letter_of_the_language(language):
    """DejaVu Sans (fonts-dejavu-core) draws each letter: none falls back to the empty box of a missing glyph."""
    def drawn(character, face):
        canvas = Image.new("L", (60, 60))
        ImageDraw.Draw(canvas).text((10, 10), character, font=face, fill=255)
        return canvas.tobytes()

    for bold in (False, True):
        face = ImageFont.truetype(FONT if bold else FONT.replace("-Bold", ""), 26)
        missing = drawn("\ue000", face)  # a private-use point no font here draws: the empty box
        lacking = sorted(c for c in letters_drawn_in(language) if drawn(c, face) == missing)
        assert lacking == [], [f"U+{ord(c):04X}" for c in lacking]
