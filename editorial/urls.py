from django.urls import path

from . import views

app_name = "editorial"
urlpatterns = [
    path("editorial/articles/new/", views.new_source, name="new_source"),
]
