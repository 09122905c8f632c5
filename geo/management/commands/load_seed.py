from django.conf import settings
from django.core.management.base import BaseCommand

from .import_data import load


class Command(BaseCommand):
    help = "Load the seed data (fixtures/seed.json, texts from seeds/). Idempotent: a second run changes nothing."

    def handle(self, **options):
        changed = load(settings.BASE_DIR / "fixtures" / "seed.json", settings.SEEDS_DIR)
        if options["verbosity"]:
            self.stdout.write(f"Seed data: {changed} rows created or updated." if changed else "Seed data already loaded.")
