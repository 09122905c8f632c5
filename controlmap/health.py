"""GET /healthz: is the database reachable, which spatial backend, how much data."""
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def spatial_backend():
    ops = connection.ops
    if connection.vendor == "postgresql":
        return "PostGIS", ".".join(map(str, ops.spatial_version))
    return "SpatiaLite", ".".join(map(str, ops.spatial_version))


@never_cache
def healthz(request):
    from geo.models import Actor, Claim, Place, Source

    try:
        counts = {
            "places": Place.objects.count(),
            "actors": Actor.objects.count(),
            "sources": Source.objects.count(),
            "claims": Claim.objects.count(),
            "published_claims": Claim.objects.filter(review=Claim.Review.PUBLISHED).count(),
        }
        backend, version = spatial_backend()
    except (DatabaseError, ImproperlyConfigured) as error:
        return JsonResponse(
            {"status": "error", "database": "unreachable", "error": str(error).strip().splitlines()[0] if str(error) else type(error).__name__},
            status=503,
        )
    return JsonResponse(
        {"status": "ok", "database": "reachable", "backend": backend, "backend_version": version,
         "database_vendor": connection.vendor, "counts": counts}
    )
