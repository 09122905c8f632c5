from django.urls import path

from . import acled, views

app_name = "editorial"
urlpatterns = [
    path("editorial/articles/new/", views.new_source, name="new_source"),
    path("editorial/acled/", acled.upload, name="import_acled"),
]
