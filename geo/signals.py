"""Any change to the record moves the data version, so caches and ETags never serve stale data."""
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from .models import Actor, ActorAlias, ActorRelation, Citation, Claim, ClaimActor, DataVersion, Outlet, Place, PlaceName, Source

# Sent inside the transaction of a bulk write that bypasses model signals (synthetic data), so that
# what is derived from the record (api.snapshots) is brought up to date once it commits.
bulk_changed = Signal()

WATCHED = (Place, PlaceName, Actor, ActorAlias, ActorRelation, Outlet, Source, Claim, ClaimActor, Citation)


def record_changed(sender, raw=False, **kwargs):
    if raw:
        return
    transaction.on_commit(DataVersion.bump)


def place_name_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if Place.objects.filter(pk=instance.place_id).exists():
        instance.place.refresh_search_names()


for model in WATCHED:
    post_save.connect(record_changed, sender=model, dispatch_uid=f"version-save-{model.__name__}")
    post_delete.connect(record_changed, sender=model, dispatch_uid=f"version-delete-{model.__name__}")
post_save.connect(place_name_changed, sender=PlaceName, dispatch_uid="placename-search-save")
post_delete.connect(place_name_changed, sender=PlaceName, dispatch_uid="placename-search-delete")
