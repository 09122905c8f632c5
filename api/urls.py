from django.urls import path, re_path
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from . import period_views, views
from .caching import cached_view
from .feeds import ChangesFeed

app_name = "api"

urlpatterns = [
    path("api/v1/control/", views.ControlView.as_view(), name="control"),
    path("api/v1/timeline/", views.TimelineView.as_view(), name="timeline"),
    path("api/v1/places/", views.PlacesView.as_view(), name="places"),
    path("api/v1/places/<str:slug>/", views.PlaceDetailView.as_view(), name="place"),
    path("api/v1/places/<str:slug>/history/", views.PlaceHistoryView.as_view(), name="place-history"),
    path("api/v1/actors/", views.ActorsView.as_view(), name="actors"),
    path("api/v1/sources/", views.SourcesView.as_view(), name="sources"),
    path("api/v1/claims/", views.ClaimsView.as_view(), name="claims"),
    path("api/v1/periods/", period_views.PeriodsView.as_view(), name="periods"),
    path("api/v1/schema/", views.SchemaView.as_view(), name="schema"),
    path("api/v1/docs/", cached_view("docs")(TemplateView.as_view(template_name="api/docs.html")), name="docs"),
    # Anything else under /api/ is a JSON 404, like the unknown slugs above.
    re_path(r"^api/", views.not_found, name="not-found"),
    path("feeds/changes/", require_safe(cached_view("feed")(ChangesFeed())), name="changes-feed"),
]
