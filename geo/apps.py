from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    name = "geo"
    verbose_name = _("Places, sides, sources and claims")

    def ready(self):
        from . import signals  # noqa: F401
        # Shapely's own GEOS must be bound before the first SpatiaLite connection: SQLite loads
        # mod_spatialite with RTLD_GLOBAL, and a Shapely loaded after it binds its GEOS calls to the
        # system's older GEOS instead (wrong Voronoi cells, "WKT output dimension" errors).
        from . import areas  # noqa: F401
