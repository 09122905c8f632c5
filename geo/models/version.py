"""The data version: one row whose counter moves on every change to published data.

Only the row lives here; reading it (through the shared cache) and moving it on every commit is the
response cache's business, in api.versions.
"""
from django.contrib.gis.db import models
from django.utils import timezone


class DataVersion(models.Model):
    """One row whose counter moves on every change to published data: the cache and ETag key."""

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)
