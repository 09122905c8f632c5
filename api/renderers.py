"""Output formats: GeoJSON (RFC 7946 media type), and CSV that spreadsheets cannot execute.

A CSV cell that starts with =, +, -, @, a tab or a carriage return is read as a formula by Excel,
LibreOffice and Google Sheets; such text cells get a leading apostrophe (OWASP's advice), so a quote
from a source can never run in a reader's spreadsheet. Numbers are left as numbers.
"""
import csv
import io
from array import array

import orjson

from django.http import Http404
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer, JSONRenderer

from .filters import ParameterError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def attach_download(renderer_context, extension):
    """An explicit ?format= asks for a file: name it after the view's download name."""
    request, view, response = (renderer_context or {}).get("request"), (renderer_context or {}).get("view"), (renderer_context or {}).get("response")
    if request is None or response is None or response.status_code != 200 or not request.query_params.get("format"):
        return
    name = getattr(view, "download_name", lambda request: "controlmap")(request)
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'


class WrittenJSON:
    """A JSON document written already (a prepared snapshot, api.snapshots.snapshot_body): the
    JSON renderers send its bytes as they are, without another copy of tens of megabytes."""

    __slots__ = ("content",)

    def __init__(self, content):
        self.content = content


class FastJSONRenderer(JSONRenderer):
    """DRF's JSON, written by orjson: a ten-thousand-place snapshot is megabytes of JSON, which the
    standard library took longer to write than the database took to answer. Output is the same
    compact UTF-8 JSON; anything orjson does not know natively (datetimes, decimals, lazy strings)
    goes through DRF's own encoder, so it is written exactly as before; integer arrays (the
    timeline's columns) become lists one at a time, as they are written."""

    OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        indent = self.get_indent(accepted_media_type, renderer_context or {})
        if isinstance(data, WrittenJSON):
            if not indent:
                return data.content
            data = orjson.loads(data.content)
        encode = self.encoder_class().default

        def default(value):
            return value.tolist() if isinstance(value, array) else encode(value)

        compact = orjson.dumps(data, default=default, option=self.OPTIONS)
        if indent:
            # Indented (the `indent` media type parameter): readable JSON, a prepared snapshot included.
            return super().render(orjson.loads(compact), accepted_media_type, renderer_context)
        return compact


class GeoJSONRenderer(FastJSONRenderer):
    media_type = "application/geo+json"
    format = "geojson"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        attach_download(renderer_context, "geojson")
        return super().render(data, accepted_media_type, renderer_context)


class CSVRenderer(BaseRenderer):
    """Asks the view for `<format>_table(data)` (`csv_table`): a header and rows of plain values."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        header, rows = getattr(renderer_context["view"], f"{self.format}_table")(data)
        attach_download(renderer_context, "csv")
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([neutralise(value) for value in row])
        return buffer.getvalue().encode("utf-8")


class AcledCSVRenderer(CSVRenderer):
    """Claims in ACLED's columns (api.formats.acled), as CSV."""

    format = "acled"


class FormatNegotiation(DefaultContentNegotiation):
    """An explicit ?format= wins over the Accept header; an unknown one is a 400 naming it."""

    def select_renderer(self, request, renderers, format_suffix=None):
        requested = format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
        if requested:
            try:
                matching = self.filter_renderers(renderers, requested)
            except Http404:
                accepted = ", ".join(dict.fromkeys(renderer.format for renderer in renderers))
                raise ParameterError("format", f"format: {requested!r} is not offered here.", accepted) from None
            return matching[0], matching[0].media_type
        return super().select_renderer(request, renderers, format_suffix)
