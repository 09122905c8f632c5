from django.urls import path

from . import views

app_name = "pictures"
urlpatterns = [
    path("image.png", views.image, name="image"),
    path("animation.gif", views.animation_gif, name="animation"),
]
