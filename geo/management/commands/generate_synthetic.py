import time

from django.core.management.base import BaseCommand, CommandError

from geo.models import Place
from geo.synthetic import Generator, delete_data_set


class Command(BaseCommand):
    help = "Generate synthetic places, sources and published claims for benchmarks (bulk inserts)."

    def add_arguments(self, parser):
        parser.add_argument("--places", type=int, required=True)
        parser.add_argument("--claims", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1, help="Random seed; also names the data set (syn<seed>-...).")
        parser.add_argument("--replace", action="store_true", help="Delete an existing data set of this seed first.")

    def handle(self, places, claims, seed, replace, **options):
        if places < 1 or claims < 0:
            raise CommandError("--places must be at least 1 and --claims at least 0.")
        prefix = f"syn{seed}-"
        if Place.objects.filter(slug__startswith=prefix).exists():
            if not replace:
                raise CommandError(f"Synthetic data with seed {seed} exists already; pass --replace or another --seed.")
            delete_data_set(seed)
        started = time.perf_counter()
        try:
            counts = Generator(places, claims, seed).run()
        except ValueError as error:
            raise CommandError(str(error)) from None
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Generated {counts['places']} places, {counts['sources']} sources, {counts['claims']} claims "
            f"({counts['conflicts']} same-day conflicts, {counts['superseded']} superseded) in {elapsed:.1f} s."
        )
