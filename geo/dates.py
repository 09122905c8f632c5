"""Dates as the record uses them: partial ISO dates in, honest labels out, and the database's text read back.

Rule for partial dates given as query parameters (`at`, `known_at`): a year or a month means its
first day, the same rule that makes a month-precision claim take effect on the 1st. A day given as
`known_at` means the end of that day (UTC): everything published that day is known.
"""
import datetime as dt
import re

from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext, pgettext_lazy

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class DateParseError(ValueError):
    pass


def parse_moment(text):
    """Parse YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time with offset.

    Returns (day, moment): the calendar day meant, and for a date-time the exact aware moment
    (None for a plain or partial date).
    """
    value = (text or "").strip()
    match = _PARTIAL.match(value)
    try:
        if match:
            year, month, day = (int(part) if part else 1 for part in match.groups())
            return dt.date(year, month, day), None
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise DateParseError(f"{value!r} is not a valid date: {error}.") from None
    if moment.tzinfo is None:
        raise DateParseError(f"{value!r} has a time but no offset: add Z or +HH:MM.")
    return moment.date(), moment


def parse_at(text):
    """The calendar day a state is asked for."""
    return parse_moment(text)[0]


def parse_known_at(text):
    """The moment up to which publications count: a date means the end of that day, UTC."""
    day, moment = parse_moment(text)
    if moment is not None:
        return moment
    return dt.datetime.combine(day, dt.time.max, tzinfo=dt.timezone.utc)


def parse_db_date(value):
    """A date from a database's text (SQLite's), or the date a driver already made."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def parse_db_moment(value):
    """A datetime from a database's text (PostgreSQL's has an offset, SQLite's is UTC without one),
    or the datetime a driver already made (naive: UTC)."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def format_date(day, precision):
    """A label as precise as the evidence: "3 Nov 2017", "Sep 2017", "2017", "c. Nov 2014"."""
    if day is None:
        return ""
    if precision == "month":
        return f"{MONTHS[day.month - 1]} {day.year}"
    if precision == "year":
        return str(day.year)
    if precision == "approximate":
        return f"c. {MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# The months as the catalogues name them (msgctxt "month"), the names static/shared/days.js writes too.
MONTH_NAMES = [
    pgettext_lazy("month", "January"), pgettext_lazy("month", "February"), pgettext_lazy("month", "March"),
    pgettext_lazy("month", "April"), pgettext_lazy("month", "May"), pgettext_lazy("month", "June"),
    pgettext_lazy("month", "July"), pgettext_lazy("month", "August"), pgettext_lazy("month", "September"),
    pgettext_lazy("month", "October"), pgettext_lazy("month", "November"), pgettext_lazy("month", "December"),
]


def label_in_language(day, precision):
    """format_date in the active language, for pages and the feed (the API's `since_label` stays
    format_date's: a data field, the same in every language): the catalogue's month names and order, as
    the browser writes them (CLDR's), so a date reads the same on the page and in the panel. "c. Nov 2014"
    is "حوالى نوفمبر 2014". In English it is format_date."""
    if day is None:
        return ""
    if translation.get_language() in (None, settings.LANGUAGE_CODE):
        return format_date(day, precision)
    if precision == "year":
        return str(day.year)
    parts = {"day": day.day, "month": MONTH_NAMES[day.month - 1], "year": day.year}
    month = pgettext("date", "%(month)s %(year)s") % parts
    if precision == "month":
        return month
    if precision == "approximate":
        return pgettext("an approximate date", "c. %(month)s") % {"month": month}
    return pgettext("date", "%(day)s %(month)s %(year)s") % parts


def iso_with_precision(day, precision):
    """ISO text as precise as known: 2017-11-03, 2017-09, 2017 (approximate keeps the month)."""
    if day is None:
        return None
    if precision == "year":
        return f"{day.year:04d}"
    if precision in ("month", "approximate"):
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()
