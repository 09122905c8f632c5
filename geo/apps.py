from django.apps import AppConfig


class GeoConfig(AppConfig):
    name = "geo"
    verbose_name = "Places, sides, sources and claims"

    def ready(self):
        from . import signals  # noqa: F401
