"""GeoPackage and FlatGeobuf, written by GDAL's ogr2ogr from a typed CSV in a temporary folder.

Why ogr2ogr: Django's GDAL bindings read OGR layers but cannot write them, and GDAL's own Python
bindings (Debian's python3-gdal) live outside the project's virtual environment, which is built
without the system's site packages. gdal-bin is already a run dependency (scripts/system-packages.sh),
so a subprocess costs no new package. A CSV with a .csvt sidecar names every column's type, so the
layer's fields are typed as declared (dates as dates) rather than guessed, and GDAL's CSV reader
streams the file instead of holding it whole, as its GeoJSON reader does.
"""
import csv
import subprocess
import tempfile
from pathlib import Path

from rest_framework.renderers import BaseRenderer

from ..renderers import attach_download

OGR2OGR = "ogr2ogr"
TIMEOUT_SECONDS = 120
# One transaction, no fsync: the file is built in a temporary folder and read whole. No R-tree in the
# GeoPackage: at 150,000 periods it took 1.3 of ogr2ogr's 2.4 s (idle machine), and QGIS draws the
# points without one (and builds one when asked); FlatGeobuf's packed index costs little.
DRIVERS = {"gpkg": ("GPKG", "gpkg", ["-gt", "unlimited", "--config", "OGR_SQLITE_SYNCHRONOUS", "OFF",
                                     "-lco", "SPATIAL_INDEX=NO"]),
           "fgb": ("FlatGeobuf", "fgb", [])}


class GDALError(RuntimeError):
    """ogr2ogr failed; the message carries what it said."""


def write_layer(format, layer, columns, rows):
    """The bytes of a `format` file ("gpkg" or "fgb") with one point layer named `layer`.

    `columns`: (name, OGR type: String, Integer, Real, Date) pairs, which must include Real `lon`
    and `lat` (the point, WGS84, not kept as fields); `rows`: sequences of plain values in that order.
    """
    driver, extension, options = DRIVERS[format]
    with tempfile.TemporaryDirectory(prefix="controlmap-ogr-") as folder:
        source, target = Path(folder) / f"{layer}.csv", Path(folder) / f"{layer}.{extension}"
        with source.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow([name for name, _ in columns])
            writer.writerows(rows)
        source.with_suffix(".csvt").write_text(",".join(f'"{kind}"' for _, kind in columns), encoding="ascii")
        command = [OGR2OGR, "-f", driver, str(target), str(source), "-nln", layer, "-a_srs", "EPSG:4326",
                   "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "KEEP_GEOM_COLUMNS=NO",
                   "-oo", "EMPTY_STRING_AS_NULL=YES", "-nlt", "POINT", *options]
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
        if done.returncode != 0 or not target.exists():
            raise GDALError(f"ogr2ogr could not write {driver}: {done.stderr.strip() or done.returncode}")
        return target.read_bytes()


class LayerRenderer(BaseRenderer):
    """Asks the view for `layer_table(data)`: (layer name, columns with types, rows)."""

    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        layer, columns, rows = renderer_context["view"].layer_table(data)
        attach_download(renderer_context, self.format)
        return write_layer(self.format, layer, columns, rows)


class GeoPackageRenderer(LayerRenderer):
    media_type = "application/geopackage+sqlite3"
    format = "gpkg"


class FlatGeobufRenderer(LayerRenderer):
    media_type = "application/flatgeobuf"
    format = "fgb"
