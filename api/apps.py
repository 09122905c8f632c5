from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "Public read API"

    def ready(self):
        from geo import models as geo
        from geo.signals import bulk_changed

        from . import snapshots, versions

        for model in versions.WATCHED:
            post_save.connect(versions.record_changed, sender=model, dispatch_uid=f"version-save-{model.__name__}")
            post_delete.connect(versions.record_changed, sender=model, dispatch_uid=f"version-delete-{model.__name__}")
        for model in (geo.Place, geo.Actor, geo.Outlet, geo.Source, geo.Claim, geo.ClaimActor, geo.Citation):
            for signal in (post_save, post_delete):
                signal.connect(snapshots.schedule_refresh, sender=model, dispatch_uid=f"snapshots-{signal is post_save}-{model.__name__}")
        post_migrate.connect(snapshots.complete_after_migrate, sender=self, dispatch_uid="snapshots-migrate")
        bulk_changed.connect(snapshots.schedule_refresh, dispatch_uid="snapshots-bulk")
        bulk_changed.connect(versions.record_changed, dispatch_uid="version-bulk")
