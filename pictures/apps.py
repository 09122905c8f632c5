from django.apps import AppConfig


class PicturesConfig(AppConfig):
    name = "pictures"
    verbose_name = "Pictures of the map"
