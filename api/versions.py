"""The data version as the response cache reads it: the cache and ETag key of every public GET.

The row itself is geo.models.DataVersion. It moves once per committed transaction that changes the
record (a model saved or deleted, or geo.signals.bulk_changed for bulk writes), so caches and ETags
never serve stale data. With a cache shared by every process (settings.DATA_VERSION_CACHED, on with
Redis), the version is read from it, so a revalidation (304) or a cached answer costs no query at all.
"""
from django.conf import settings
from django.core.cache import cache
from django.db import connections, router, transaction
from django.db.models import F
from django.utils import timezone

from geo.dates import parse_db_moment
from geo.models import (
    Actor, ActorAlias, ActorRelation, Citation, Claim, ClaimActor, DataVersion, Outlet, Place, PlaceName, Source,
)

CACHE_KEY = "controlmap:data-version"
CACHE_SECONDS = 60  # a bound on staleness should the cache ever miss a write; bump() writes at once

WATCHED = (Place, PlaceName, Actor, ActorAlias, ActorRelation, Outlet, Source, Claim, ClaimActor, Citation)


def current():
    """(version, changed_at): from the shared cache when there is one, else as stored."""
    cached = getattr(settings, "DATA_VERSION_CACHED", False)
    if cached:
        row = cache.get(CACHE_KEY)
        if row is not None:
            return row
    row = stored()
    if cached:
        cache.add(CACHE_KEY, row, CACHE_SECONDS)  # add: never overwrites what bump() wrote meanwhile
    return row


def stored():
    """(version, changed_at) as the database read by this request holds it (a replica may lag).

    Read on every public request without a shared cache: one plain statement (the ORM's query
    building cost as much again as the query)."""
    with connections[router.db_for_read(DataVersion)].cursor() as cursor:
        cursor.execute("SELECT version, changed_at FROM geo_dataversion WHERE id = 1")
        row = cursor.fetchone()
    return (row[0], parse_db_moment(row[1])) if row else (0, None)


def bump():
    now = timezone.now()
    with transaction.atomic():
        updated = DataVersion.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now)
        if not updated:
            DataVersion.objects.get_or_create(pk=1, defaults={"version": 1, "changed_at": now})
        if getattr(settings, "DATA_VERSION_CACHED", False):
            # Written while the row is locked, so concurrent bumps write in version order. The data
            # of this version is committed already (bump runs on commit); were this update rolled
            # back, its version number would come back with another changed_at, which the
            # response cache keys include.
            cache.set(CACHE_KEY, DataVersion.objects.filter(pk=1).values_list("version", "changed_at").first(),
                      CACHE_SECONDS)


def record_changed(sender=None, raw=False, **kwargs):
    """A write to the record (a model signal, or geo.signals.bulk_changed): bump once it commits."""
    if not raw:
        transaction.on_commit(bump)

