from django.urls import path

from . import views

app_name = "embed"
urlpatterns = [
    path("embed/", views.embed_page, name="page"),
    path("oembed/", views.oembed, name="oembed"),
]
