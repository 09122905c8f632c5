"""KML for Google Earth: one placemark per control period, with a TimeSpan so the time slider plays
the record, and one style per state (the holder's colour when held, fixed colours otherwise)."""
import xml.etree.ElementTree as ET

from rest_framework.renderers import BaseRenderer

from ..renderers import attach_download

KML_NS = "http://www.opengis.net/kml/2.2"
ICON = "https://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"
# States without a holder's colour; a besieged place shows its holder's colour half transparent.
STATE_COLOURS = {"contested": "#ff7f0e", "disputed": "#9467bd", "unknown": "#7f7f7f"}
EXTENDED = ("place", "status", "holder", "others", "since", "since_edtf", "end", "end_edtf", "precision", "claims")


def kml_colour(hex_colour, alpha="ff"):
    """KML writes colours as aabbggrr."""
    red, green, blue = hex_colour[1:3], hex_colour[3:5], hex_colour[5:7]
    return f"{alpha}{blue}{green}{red}".lower()


def style_for(status, holder, colours):
    """(style id, KML colour) of a state."""
    if status in ("controlled", "besieged") and holder in colours:
        return f"{status}-{holder}", kml_colour(colours[holder], "ff" if status == "controlled" else "80")
    return status, kml_colour(STATE_COLOURS.get(status, STATE_COLOURS["unknown"]))


def kml_document(title, features, colours):
    """The KML text (bytes) of period features (flat properties, see api.periods) and actor colours."""
    ET.register_namespace("", KML_NS)
    root = ET.Element(f"{{{KML_NS}}}kml")
    document = ET.SubElement(root, "Document")
    ET.SubElement(document, "name").text = title
    styles, placemarks = {}, []
    for feature in features:
        p = feature["properties"]
        style, colour = style_for(p["status"], p["holder"], colours)
        styles[style] = colour
        placemark = ET.Element("Placemark")
        ET.SubElement(placemark, "name").text = p["name"]
        ET.SubElement(placemark, "description").text = p["description"]
        span = ET.SubElement(placemark, "TimeSpan")
        ET.SubElement(span, "begin").text = p["begin"]
        if p["end"]:
            ET.SubElement(span, "end").text = p["end"]
        ET.SubElement(placemark, "styleUrl").text = f"#{style}"
        data = ET.SubElement(placemark, "ExtendedData")
        for name in EXTENDED:
            entry = ET.SubElement(data, "Data", name=name)
            ET.SubElement(entry, "value").text = "" if p[name] is None else str(p[name])
        point = ET.SubElement(placemark, "Point")
        lon, lat = feature["geometry"]["coordinates"]
        ET.SubElement(point, "coordinates").text = f"{lon},{lat}"
        placemarks.append(placemark)
    for style, colour in sorted(styles.items()):
        element = ET.SubElement(document, "Style", id=style)
        icon_style = ET.SubElement(element, "IconStyle")
        ET.SubElement(icon_style, "color").text = colour
        ET.SubElement(ET.SubElement(icon_style, "Icon"), "href").text = ICON
        ET.SubElement(ET.SubElement(element, "LabelStyle"), "scale").text = "0.8"
    document.extend(placemarks)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


class KMLRenderer(BaseRenderer):
    """Asks the view for `kml_features(data)`: (title, flat features, {actor slug: colour})."""

    media_type = "application/vnd.google-earth.kml+xml"
    format = "kml"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        title, features, colours = renderer_context["view"].kml_features(data)
        attach_download(renderer_context, "kml")
        return kml_document(title, features, colours)
