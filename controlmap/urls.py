from django.contrib import admin
from django.urls import include, path

from .health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("editorial.urls")),
    path("", include("api.urls")),
    path("", include("embed.urls")),
    path("", include("pictures.urls")),
    path("", include("web.urls")),
]

# A database outage outside a view is a 503 that says to retry, not a 500 (controlmap/security.py).
handler500 = "controlmap.security.server_error"
