"""Propose draft claims from an article file: `propose_claims PATH --published 2017-11-03T10:08+03:00 --json`.

Without --save nothing is written; with --save the source and the drafts are created (never published).
"""
import json
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from editorial.assistant import ArticleTooLong, load_gazetteer, propose
from editorial.drafts import save_article
from geo.dates import DateParseError, parse_moment
from geo.models import Outlet


def article_title(text):
    """The first non-empty line without its markdown marks."""
    for line in text.splitlines():
        line = line.strip().strip("#*- ").strip()
        if line:
            return line[:500]
    return ""


class Command(BaseCommand):
    help = "Read an article and propose the control claims it supports (saves nothing unless --save)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The article as plain text (a path, or a file name under seeds/).")
        parser.add_argument("--published", required=True, help="Publication date and time with offset, e.g. 2017-11-03T10:08+03:00.")
        parser.add_argument("--json", action="store_true", dest="as_json", help="Print the proposals as a JSON list.")
        parser.add_argument("--save", action="store_true", help="Create the source and the draft claims.")
        parser.add_argument("--outlet", help="Outlet slug (required with --save).")
        parser.add_argument("--title", help="Source title (default: the article's first line).")
        parser.add_argument("--url", help="Source URL.")
        parser.add_argument("--claimant", help="Claimant for proposals that name none (default: the outlet).")

    def handle(self, path, published, as_json, save, outlet, title, url, claimant, **options):
        file = Path(path)
        if not file.exists() and (Path(settings.SEEDS_DIR) / path).exists():
            file = Path(settings.SEEDS_DIR) / path
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read the article {path}: {error}") from None
        try:
            day, moment = parse_moment(published)
        except DateParseError as error:
            raise CommandError(f"--published: {error}") from None
        if moment is None:
            raise CommandError("--published needs a date and time with offset, e.g. 2017-11-03T10:08+03:00.")
        outlet_obj = None
        if save:
            if not outlet:
                raise CommandError("--save needs --outlet (an outlet slug).")
            outlet_obj = Outlet.objects.filter(slug=outlet).first()
            if outlet_obj is None:
                raise CommandError(f"--outlet: no outlet with the slug {outlet!r}.")
        try:
            proposals = propose(text, moment, load_gazetteer(), claimant=claimant or (outlet_obj.name if outlet_obj else ""))
        except ArticleTooLong as error:
            raise CommandError(f"{path}: {error}") from None
        if as_json:
            self.stdout.write(json.dumps([p.as_json() for p in proposals], ensure_ascii=False, indent=2))
        else:
            for p in proposals:
                who = p.holder or ", ".join(p.others)
                self.stdout.write(f"{p.place}: {p.status} ({who}) from {p.date} [{p.precision}], confidence {p.confidence}\n  {p.why}")
        if save:
            seed_file = file.name if file.resolve().parent == Path(settings.SEEDS_DIR).resolve() else ""
            try:
                source, claims = save_article(outlet=outlet_obj, title=title or article_title(text), published_at=moment,
                                              text=text, proposals=proposals, url=url, seed_file=seed_file,
                                              claimant=claimant or "")
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            self.stderr.write(f"Saved source {source.pk} with {len(claims)} draft claim(s); nothing published.")

