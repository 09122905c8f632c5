"""ACLED's CSV in: the events that change territory become draft claims, each cited to its ACLED event.

ACLED (Armed Conflict Location & Event Data) is a "living dataset": it rewrites and deletes events,
keeping only the time of each row's last change. ControlMap keeps what was known when, so each
event becomes a Source published at ACLED's first `timestamp` for it (a later change of the row
never moves that earlier), and a draft claim that a reviewer checks before anyone sees it.

One row, one claim, keyed by `event_id_cnty` (claim and source key `acled-<id>`): importing a file
again creates nothing, and a row ACLED changed updates its draft. A claim a reviewer has published
or rejected since is left alone and the row is reported. Rows that are not a change of territory
are counted; rows that cannot be used (no place within reach, an unknown actor, a malformed date)
are listed with their row number (the header is row 1, as in a spreadsheet), id and reason, and the
good rows still import. The whole file is one transaction: a crash writes nothing.
"""
import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..models import Claim, Outlet, Precision, date_bounds
from .acled_match import REACH_KM, Gazetteer
from .acled_writer import Writer

TERRITORY_CHANGES = ("Government regains territory", "Non-state actor overtakes territory",
                     "Non-violent transfer of territory")
COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
           "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
           "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
           "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp")
REQUIRED = ("event_id_cnty", "event_date", "time_precision", "sub_event_type", "actor1", "location", "latitude",
            "longitude", "geo_precision", "source", "notes", "timestamp")
KEY_PREFIX = "acled-"
EVENT_ID = re.compile(r"[A-Za-z0-9_-]{1,100}")  # kept verbatim in the claim and source keys (slugs)
# time_precision 2: ACLED dates an event known only to within a week at the middle of that week.
WEEK_MARGIN = dt.timedelta(days=3)
DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y")
OUTLET = {"slug": "acled", "name": "ACLED", "homepage": "https://acleddata.com/",
          "alignment": "conflict event dataset, coded from news and partner reports"}


class AcledFileError(ValueError):
    """The file as a whole cannot be read (not CSV, missing columns): nothing is imported."""


class RowError(ValueError):
    """One row cannot be used; the message is the reason reported for it."""


@dataclass
class Report:
    """What an import did, row by row where a row was not imported."""

    rows: int = 0
    territory: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    other_events: int = 0
    unusable: list = field(default_factory=list)  # (row number, event id, reason)
    left_alone: list = field(default_factory=list)  # (row number, event id, reason)

    @property
    def listed(self):
        """The rows not imported, under their headings (in the reader's language; the reasons name the
        file's own columns and values, and stay as written)."""
        return [(_("Unusable rows"), self.unusable), (_("Reviewed claims left as they are"), self.left_alone)]

    def summary(self):
        return _("%(rows)d rows: %(territory)d changes of territory (%(created)d new drafts, %(updated)d updated, "
                 "%(unchanged)d unchanged, %(left_alone)d left as reviewed, %(unusable)d unusable); "
                 "%(other_events)d other events skipped.") % {
            "rows": self.rows, "territory": self.territory, "created": self.created, "updated": self.updated,
            "unchanged": self.unchanged, "left_alone": len(self.left_alone), "unusable": len(self.unusable),
            "other_events": self.other_events}


def parse_event_date(text):
    value = (text or "").strip()
    for pattern in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise RowError(f"event_date {value!r} is not a date (2017-11-03 or 03 November 2017)")


def claim_date(day, time_precision):
    """(date, precision, earliest, latest) for ACLED's time_precision: 1 the day, 2 within about a
    week (approximate, a week's window around the day), 3 the month."""
    if time_precision == "1":
        return day, "day", day, day
    if time_precision == "2":
        return day, "approximate", day - WEEK_MARGIN, day + WEEK_MARGIN
    if time_precision == "3":
        first, last = date_bounds(day, Precision.MONTH)
        return first, "month", first, last
    raise RowError(f"time_precision {time_precision!r} is not 1, 2 or 3")


def _number(row, name, kind=float):
    try:
        return kind(row[name])
    except (TypeError, ValueError):
        raise RowError(f"{name} {row[name]!r} is not a number") from None


class AcledImport:
    """One file's import; `run(rows)` with the CSV's rows (dicts), `report` after."""

    def __init__(self, user=None, progress=None):
        self.progress = progress or (lambda done: None)
        self.report = Report()
        self.gazetteer = Gazetteer()
        self.outlet, _ = Outlet.objects.get_or_create(slug=OUTLET["slug"], defaults=OUTLET)
        self.writer = Writer(user, KEY_PREFIX)

    def run(self, rows):
        for number, row in enumerate(rows, start=2):
            self.report.rows += 1
            self.progress(1)
            if (row.get("sub_event_type") or "").strip() not in TERRITORY_CHANGES:
                self.report.other_events += 1
                continue
            self.report.territory += 1
            event = (row.get("event_id_cnty") or "").strip()
            try:
                done = self.event(event, row)
            except RowError as error:
                self.report.unusable.append((number, event, str(error)))
            except _LeftAlone as error:
                self.report.left_alone.append((number, event, str(error)))
            else:
                setattr(self.report, done, getattr(self.report, done) + 1)
        self.writer.finish()

    def event(self, event, row):
        """Stage the event's draft; "created", "updated" or "unchanged"."""
        if not EVENT_ID.fullmatch(event):
            raise RowError(f"event_id_cnty {event!r} is not an ACLED event id (letters, digits, - and _)" if event
                           else "no event_id_cnty")
        key = KEY_PREFIX + event
        day = parse_event_date(row["event_date"])
        date, precision, earliest, latest = claim_date(day, (row["time_precision"] or "").strip())
        lon, lat = _number(row, "longitude"), _number(row, "latitude")
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise RowError(f"coordinates {lat}, {lon} are outside latitude ±90, longitude ±180")
        geo_precision = _number(row, "geo_precision", int)
        if geo_precision not in REACH_KM:
            raise RowError(f"geo_precision {geo_precision} is not 1, 2 or 3")
        admins = [row[name].strip() for name in ("admin3", "admin2") if (row.get(name) or "").strip()]
        place, how = self.gazetteer.place((row.get("location") or "").strip(), admins, lon, lat, geo_precision)
        if place is None:
            raise RowError(how)
        holder = self.gazetteer.actor(row["actor1"])
        if holder is None:
            raise RowError(f"actor1 {row['actor1']!r} is no known actor's name or alias (add it as an alias)")
        stamp = _number(row, "timestamp", int)
        try:
            published_at = dt.datetime.fromtimestamp(stamp, tz=dt.timezone.utc)
        except (OverflowError, OSError, ValueError):
            raise RowError(f"timestamp {stamp} is not a time ACLED could have published at") from None
        claim = self.writer.claims.get(key)
        wanted = (place, holder.pk, date, precision, earliest, latest)
        if claim is not None and claim.review != Claim.Review.DRAFT:
            current = (claim.place_id, claim.holder_id, claim.date, claim.precision, claim.earliest, claim.latest)
            if current != wanted:
                raise _LeftAlone(f"claim {key} is {claim.review}: the changed row is not applied; edit the claim "
                                 "in the workspace if ACLED's correction stands")
            return "unchanged"
        source = self.writer.sources.get(key)
        outlets = row.get("source") or "unnamed sources"
        try:
            return self.writer.event(key, (
                self.outlet.pk,
                f"ACLED event {event}: {row['sub_event_type']} ({row['location']}, {row['event_date']})"[:500],
                (row.get("source") or "")[:200],
                # The first time ACLED published the event: a later revision does not make it known later.
                min(published_at, source.published_at) if source else published_at,
                "\n".join(f"{name}: {row.get(name) or ''}" for name in COLUMNS),
                f"Imported from ACLED; place matched by {how}.",
            ), (
                place, Claim.Status.CONTROLLED, holder.pk, date, precision, earliest, latest,
                f"ACLED, from {outlets}"[:200],
                f"ACLED {event}: {row['sub_event_type']}; actor2: {row.get('actor2') or 'none'}.",
            ), (
                (row.get("notes") or "").strip() or f"{row['sub_event_type']}: {row['actor1']} in {row['location']}.",
                True, f"ACLED's summary of: {outlets}"[:300],
            ))
        except ValueError as error:
            raise RowError(str(error)) from None


class _LeftAlone(Exception):
    """A reviewed claim that the row would change: reported, not written."""


def read_rows(stream):
    """The rows of an ACLED CSV (a text stream) as dicts; AcledFileError when columns are missing."""
    reader = csv.DictReader(stream)
    missing = [name for name in REQUIRED if name not in (reader.fieldnames or ())]
    if missing:
        raise AcledFileError(f"not an ACLED export: the column(s) {', '.join(missing)} are missing "
                             f"(found {', '.join(reader.fieldnames or ()) or 'no header'})")
    return reader


def import_acled(stream, user=None, progress=None):
    """Import the ACLED CSV in `stream` (text, or bytes read as UTF-8) in one transaction; the Report."""
    try:
        if isinstance(stream, (bytes, bytearray)):
            stream = io.StringIO(bytes(stream).decode("utf-8-sig"))
        with transaction.atomic():
            importer = AcledImport(user, progress)
            importer.run(read_rows(stream))
    except (csv.Error, UnicodeDecodeError) as error:
        raise AcledFileError(f"not readable as UTF-8 CSV: {error}") from None
    except IntegrityError as error:  # the models' checks passed, the database refused: nothing is kept
        raise AcledFileError(f"a row breaks a database rule ({error})") from None
    return importer.report
