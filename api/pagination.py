"""Page-number pagination that refuses what it cannot serve instead of silently clamping it.

DRF quietly cuts an oversized page_size to the maximum and answers 404 for a page past the end;
a script author learns more from a 400 naming the parameter. Links to the next and previous
pages also go in a Link header, so CSV clients can follow them.
"""
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework_gis.pagination import GeoJsonPagination

from .filters import ParameterError


class StrictPageMixin:
    page_size_query_param = "page_size"

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return self.page_size
        accepted = f"a whole number from 1 to {self.max_page_size}"
        try:
            size = int(raw)
        except ValueError:
            raise ParameterError("page_size", f"page_size: {raw!r} is not a whole number.", accepted) from None
        if not 1 <= size <= self.max_page_size:
            raise ParameterError("page_size", f"page_size: {size} is beyond the allowed range.", accepted)
        return size

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw not in (None, "") and not (raw.isdigit() and int(raw) >= 1):
            raise ParameterError("page", f"page: {raw!r} is not a page number.", "a whole number from 1")
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            raise ParameterError("page", f"page: there is no page {raw}.", "a page number up to the last page") from None

    def link_header(self, response):
        links = [f'<{url}>; rel="{rel}"' for rel, url in (("next", self.get_next_link()), ("prev", self.get_previous_link())) if url]
        if links:
            response["Link"] = ", ".join(links)
        return response


class ListPagination(StrictPageMixin, PageNumberPagination):
    page_size = 50
    max_page_size = 500

    def get_paginated_response(self, data):
        return self.link_header(super().get_paginated_response(data))


class FeaturePagination(StrictPageMixin, GeoJsonPagination):
    page_size = 100
    max_page_size = 1000

    def get_paginated_response(self, data):
        return self.link_header(super().get_paginated_response(data))

