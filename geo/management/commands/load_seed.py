import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from geo.exchange import import_seed

from .import_data import load


def with_names(document, names):
    """The seed document with the names of fixtures/names.json (the places' and sides' names in the
    readers' languages) added to its rows: kept apart so that translations and the record change
    independently. A name the seed already lists takes the fields given here (a side's preferred
    flag); a name there for a slug the seed lacks is an error."""
    for part, field in (("places", "names"), ("actors", "aliases")):
        rows = {row["slug"]: row for row in document.get(part, [])}
        for slug, entries in names.get(part, {}).items():
            if slug not in rows:
                raise CommandError(f"fixtures/names.json: {part} {slug!r} is not in the seed.")
            listed = {entry["name"]: entry for entry in rows[slug].setdefault(field, [])}
            for entry in entries:
                if entry["name"] in listed:
                    listed[entry["name"]].update(entry)
                else:
                    rows[slug][field].append(dict(entry))
    return document


class Command(BaseCommand):
    help = ("Load the seed data (fixtures/seed.json with the names of fixtures/names.json, texts from seeds/), "
            "its claims published: it is the project's own data. Idempotent: a second run changes nothing.")

    def handle(self, **options):
        fixtures = settings.BASE_DIR / "fixtures"
        names = json.loads((fixtures / "names.json").read_text(encoding="utf-8"))
        imported = load(fixtures / "seed.json", lambda document: import_seed(with_names(document, names)))
        if options["verbosity"]:
            self.stdout.write(f"Seed data: {imported.changed} rows created or updated." if imported.changed
                              else "Seed data already loaded.")
