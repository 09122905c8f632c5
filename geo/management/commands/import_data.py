import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from geo.exchange import ImportError_, import_document


class Command(BaseCommand):
    help = "Import a ControlMap JSON document (as written by export_data). All or nothing; safe to repeat."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--seeds-dir", type=Path, help="Where source texts named by seed_file live (default: seeds/).")

    def handle(self, path, seeds_dir=None, **options):
        changed = load(path, seeds_dir)
        self.stdout.write(f"Imported {path}: {changed} rows created, changed or removed." if changed else f"{path}: already up to date.")


def load(path, seeds_dir=None):
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file.") from None
    except json.JSONDecodeError as error:
        raise CommandError(f"{path}: not valid JSON: {error}.") from None
    try:
        return import_document(document, seeds_dir)
    except ImportError_ as error:
        listed = "\n  ".join(error.errors[:50])
        more = f"\n  ... and {len(error.errors) - 50} more" if len(error.errors) > 50 else ""
        raise CommandError(f"{path}: nothing imported, {len(error.errors)} problem(s):\n  {listed}{more}") from None
