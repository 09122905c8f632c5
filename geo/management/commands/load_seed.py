from django.conf import settings
from django.core.management.base import BaseCommand

from geo.exchange import import_seed

from .import_data import load


class Command(BaseCommand):
    help = ("Load the seed data (fixtures/seed.json, texts from seeds/), its claims published: it is the project's "
            "own data. Idempotent: a second run changes nothing.")

    def handle(self, **options):
        imported = load(settings.BASE_DIR / "fixtures" / "seed.json", import_seed)
        if options["verbosity"]:
            self.stdout.write(f"Seed data: {imported.changed} rows created or updated." if imported.changed
                              else "Seed data already loaded.")
