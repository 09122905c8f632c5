import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from geo.exchange import ImportError_, check_publisher, import_document


class Command(BaseCommand):
    help = ("Import a ControlMap JSON document (as written by export_data). All or nothing; safe to repeat. "
            "Claims are imported as drafts unless --publish --as names a user who may publish.")

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--publish", action="store_true",
                            help="Keep the claims the document marks published as published (needs --as).")
        parser.add_argument("--as", dest="username", metavar="USERNAME",
                            help="The user publishing: active, with the permission to publish claims (a reviewer).")

    def handle(self, path, publish=False, username=None, **options):
        publisher = self.publisher(publish, username)
        imported = load(path, lambda document: import_document(document, publisher))
        self.stdout.write(f"Imported {path}: {imported.changed} rows created, changed or removed."
                          if imported.changed else f"{path}: already up to date.")
        if imported.drafted:
            self.stdout.write(f"{len(imported.drafted)} claim(s) marked published in the document were stored as "
                              "drafts, for review (to publish them on import: --publish --as REVIEWER).")
        elif publisher is not None:
            self.stdout.write(f"Published as {publisher.get_username()}.")

    @staticmethod
    def publisher(publish, username):
        if not publish:
            if username:
                raise CommandError("--as names who publishes: give --publish too, or leave --as out.")
            return None
        if not username:
            raise CommandError("--publish needs --as USERNAME: the user, allowed to publish claims, on whose behalf it runs.")
        try:
            user = get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"--as {username}: no such user.") from None
        try:
            check_publisher(user)
        except PermissionDenied as error:
            raise CommandError(f"--as {username}: {error}") from None
        return user


def load(path, run):
    """Read the JSON document at `path` and import it with `run`; every problem as a CommandError."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file.") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CommandError(f"{path}: not valid JSON: {error}.") from None
    try:
        return run(document)
    except ImportError_ as error:
        listed = "\n  ".join(error.errors[:50])
        more = f"\n  ... and {len(error.errors) - 50} more" if len(error.errors) > 50 else ""
        raise CommandError(f"{path}: nothing imported, {len(error.errors)} problem(s):\n  {listed}{more}") from None
