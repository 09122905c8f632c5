import json
import sys

from django.core.management.base import BaseCommand

from geo.exchange import export_document


class Command(BaseCommand):
    help = "Export every place, actor, outlet, source and claim as one JSON document (see import_data)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Output file (default: standard output).")

    def handle(self, path=None, **options):
        text = json.dumps(export_document(), ensure_ascii=False, indent=1)
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(f"Exported to {path}.")
        else:
            sys.stdout.write(text + "\n")
