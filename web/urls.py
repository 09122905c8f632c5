from django.urls import path

from . import views

app_name = "web"
urlpatterns = [
    path("", views.map_page, name="map"),
    path("sources/<slug:key>/", views.source_page, name="source"),
]
