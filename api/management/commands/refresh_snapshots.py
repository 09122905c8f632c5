import time

from django.core.management.base import BaseCommand

from api import snapshots, versions
from api.models import SnapshotStatus


class Command(BaseCommand):
    help = ("Bring the prepared snapshots (api.snapshots) up to date: resolve the places marked stale, or every "
            "place when they are incomplete (after a bulk change, an interrupted refresh, or with --all). The data "
            "version moves too, so no answer cached before a write that sent no signal is served again.")

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Rebuild every place's segments.")

    def handle(self, **options):
        started = time.perf_counter()
        complete = SnapshotStatus.objects.filter(pk=1, complete=True).exists()
        if options["all"] or not complete:
            written, what = snapshots.rebuild(), "rebuilt"
        else:
            written, what = snapshots.refresh_stale(), "refreshed"
        versions.bump()
        if options["verbosity"]:
            self.stdout.write(f"Snapshots {what}: {written} segments written in {time.perf_counter() - started:.1f} s.")
