"""Page-number pagination that refuses what it cannot serve instead of silently clamping it.

DRF quietly cuts an oversized page_size to the maximum and answers 404 for a page past the end;
a script author learns more from a 400 naming the parameter. Links to the next and previous
pages also go in a Link header, so CSV clients can follow them.
"""
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework_gis.pagination import GeoJsonPagination

from .filters import ParameterError, whole_number


class StrictPageMixin:
    page_size_query_param = "page_size"

    def get_page_size(self, request):
        size = self.parsed(request, self.page_size_query_param)
        if size is None:
            return self.page_size
        if size > self.max_page_size:
            raise ParameterError("page_size", f"page_size: {size} is beyond the allowed range.",
                                 f"a whole number from 1 to {self.max_page_size}")
        return size

    def paginate_queryset(self, queryset, request, view=None):
        number = self.parsed(request, self.page_query_param)
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            raise ParameterError("page", f"page: there is no page {number}.", "a page number up to the last page") from None

    @staticmethod
    def parsed(request, name):
        """The whole number given as `name`, or None (api.filters refused anything else already)."""
        text = request.query_params.get(name)
        return None if text is None else whole_number(name, text)

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

