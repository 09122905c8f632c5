"""pictures.projection against Leaflet itself: the vendored Leaflet in Chromium puts the same points at the
same pixels, and frames the same bounds at the same centre and zoom, for maps of the pictures' sizes."""
import json

import pytest
from django.contrib.staticfiles import finders

from pictures.projection import View, fitted

pytestmark = pytest.mark.browser

POINTS = [(36.34, 43.13), (34.4536, 40.9367), (35.333, 40.15), (29.0, 35.5), (-33.9, 151.2), (0.0, 0.0)]


@pytest.fixture
def leaflet(new_page):
    page = new_page()
    with open(finders.find("leaflet/leaflet.js"), encoding="utf-8") as script:
        page.set_content("<div id='map'></div>")
        page.add_script_tag(content=script.read())

    def run(width, height, body):
        return page.evaluate(f"""() => {{
            const div = document.getElementById("map");
            div.style.width = "{width}px"; div.style.height = "{height}px";
            const map = L.map(div, {{zoomSnap: 1, minZoom: 3, maxZoom: 16, fadeAnimation: false, zoomAnimation: false}});
            try {{ {body} }} finally {{ map.remove(); }}
        }}""")
    return run


@pytest.mark.parametrize("width, height, centre, zoom", [
    (1200, 630, (35.4, 41.5), 7), (801, 601, (34.45, 40.94), 9), (2400, 2400, (35.0, 41.0), 3), (333, 517, (35.71, 38.03), 12),
])
def test_points_land_where_leaflet_puts_them(leaflet, width, height, centre, zoom):
    found = leaflet(width, height, f"""
        map.setView([{centre[0]}, {centre[1]}], {zoom}, {{animate: false}});
        return {json.dumps(POINTS)}.map(([lat, lng]) => {{ const p = map.latLngToLayerPoint([lat, lng]); return [p.x, p.y]; }});""")
    view = View(*centre, zoom, width, height)
    assert [list(view.pixel(lat, lng)) for lat, lng in POINTS] == found


@pytest.mark.parametrize("width, height", [(1200, 630), (800, 600), (400, 900)])
def test_a_fitted_view_is_leaflets_fit_bounds(leaflet, width, height):
    corners = [(34.369, 39.017), (36.34, 43.13)]
    found = leaflet(width, height, f"""
        map.fitBounds(L.latLngBounds({json.dumps(corners)}).pad(0.25), {{animate: false, maxZoom: 7}});
        const c = map.getCenter(); return [c.lat, c.lng, map.getZoom()];""")
    view = fitted(corners, width, height, 3, 7)
    assert view.zoom == found[2]
    assert view.lat == pytest.approx(found[0], abs=1e-9) and view.lng == pytest.approx(found[1], abs=1e-9)
