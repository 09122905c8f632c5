"""What the record keeps up to date itself, and the signal for writes that send no model signals.

The data version and the prepared snapshots follow the record from api/ (api.versions,
api.snapshots), connected in api.apps.
"""
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from .models import Place, PlaceName

# Sent inside the transaction of a bulk write that bypasses model signals (synthetic data), so that
# what is derived from the record (the data version, the snapshots) follows once it commits.
bulk_changed = Signal()


def place_name_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if Place.objects.filter(pk=instance.place_id).exists():
        instance.place.refresh_search_names()


post_save.connect(place_name_changed, sender=PlaceName, dispatch_uid="placename-search-save")
post_delete.connect(place_name_changed, sender=PlaceName, dispatch_uid="placename-search-delete")
