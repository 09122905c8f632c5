import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from geo.exchange.acled import AcledFileError, import_acled


class Command(BaseCommand):
    help = ("Import an ACLED CSV export: its changes of territory become draft claims (never published), "
            "each cited to its ACLED event. Safe to repeat: keyed by event_id_cnty, a changed row updates its draft.")

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--as", dest="username", metavar="USERNAME", help="The editor the drafts are recorded as written by.")

    def handle(self, path, username=None, **options):
        user = None
        if username:
            try:
                user = get_user_model().objects.get_by_natural_key(username)
            except get_user_model().DoesNotExist:
                raise CommandError(f"--as {username}: no such user.") from None
        try:
            with path.open("rb") as counting:
                total = max(sum(1 for _ in counting) - 1, 0)  # lines, not rows: a quoted note may span lines
            with path.open(encoding="utf-8-sig", newline="") as stream, \
                    tqdm(total=total, unit="row", file=sys.stderr, disable=None) as bar:
                report = import_acled(stream, user, progress=bar.update)
        except FileNotFoundError:
            raise CommandError(f"{path}: no such file.") from None
        except AcledFileError as error:
            raise CommandError(f"{path}: nothing imported: {error}.") from None
        self.stdout.write(f"{path}: {report.summary()}")
        for title, rows in report.listed:
            if rows:
                self.stdout.write(f"{title}:")
                for number, event, reason in rows:
                    self.stdout.write(f"  row {number} ({event or 'no id'}): {reason}")
