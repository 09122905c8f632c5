from django.urls import path, re_path, register_converter
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from . import period_views, place_views, views
from .areas import AreasView, PlaceAreasView
from .caching import cached_view
from .changes import ChangesView
from .feeds import ChangesFeed
from .filters import Query, language
from .legacy import CURRENT, VERSIONS
from .reported import ReportedTimelineView

app_name = "api"


class VersionConverter:
    """The API versions served: DRF's URLPathVersioning reads the `version` keyword it matches."""

    regex = "|".join(VERSIONS)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class CurrentVersionConverter(VersionConverter):
    """Endpoints added in the current version only."""

    regex = CURRENT


register_converter(VersionConverter, "api_version")
register_converter(CurrentVersionConverter, "current_version")

urlpatterns = [
    path("api/<api_version:version>/control/", views.ControlView.as_view(), name="control"),
    path("api/<api_version:version>/areas/", AreasView.as_view(), name="areas"),
    path("api/<api_version:version>/changes/", ChangesView.as_view(), name="changes"),
    path("api/<api_version:version>/timeline/", views.TimelineView.as_view(), name="timeline"),
    path("api/<current_version:version>/timeline/reported/", ReportedTimelineView.as_view(), name="reported-timeline"),
    path("api/<api_version:version>/places/", place_views.PlacesView.as_view(), name="places"),
    path("api/<api_version:version>/place-areas/", PlaceAreasView.as_view(), name="place-areas"),
    path("api/<api_version:version>/places/<str:slug>/", place_views.PlaceDetailView.as_view(), name="place"),
    path("api/<api_version:version>/places/<str:slug>/history/", place_views.PlaceHistoryView.as_view(), name="place-history"),
    path("api/<api_version:version>/actors/", views.ActorsView.as_view(), name="actors"),
    path("api/<api_version:version>/sources/", views.SourcesView.as_view(), name="sources"),
    path("api/<api_version:version>/claims/", views.ClaimsView.as_view(), name="claims"),
    path("api/<api_version:version>/periods/", period_views.PeriodsView.as_view(), name="periods"),
    path("api/<api_version:version>/schema/", views.SchemaView.as_view(), name="schema"),
    path("api/<api_version:version>/docs/",
         cached_view("docs", Query(lang=language))(TemplateView.as_view(template_name="api/docs.html")), name="docs"),
    # Anything else under /api/ is a JSON 404, like the unknown slugs above.
    re_path(r"^api/", views.not_found, name="not-found"),
    path("feeds/changes/", require_safe(cached_view("feed", Query(lang=language))(ChangesFeed())), name="changes-feed"),
]
