"""Dates in EDTF (ISO 8601-2, the Library of Congress's Extended Date/Time Format), as
OpenHistoricalMap's `start_date:edtf` and archives write them.

A claim's effective date and its precision map one to one onto EDTF:

    day          2017-11-03
    month        2017-09
    year         2014
    approximate  2014-11-15~   the stated day, approximate; its window (earliest, latest) is not
                               part of the expression: EDTF has no "this day, within that window".

An end is a day (the first day a claim asserts nothing), so `end_edtf` is always YYYY-MM-DD.

Reading uses the `edtf` package's parser (the whole grammar of levels 0 to 2): an expression
ControlMap cannot hold (a time of day, an interval, a season, an uncertain `?` date, unspecified
digits, years outside 1 to 9999) is refused with a message saying why and what to write instead.
Writing is plain formatting: the four forms above need no parser.
"""
import datetime as dt
from dataclasses import dataclass

from edtf import parse_edtf
from edtf.parser import parser_classes as edtf_classes
from edtf.parser.edtf_exceptions import EDTFParseException

from .models.claims import Precision, date_bounds


class EDTFError(ValueError):
    """An EDTF expression that is malformed or that no claim date can hold; the message says which."""


@dataclass(frozen=True)
class EDTFDate:
    """What an EDTF expression means for a claim: the effective day and its precision (an
    approximate day's window is not part of EDTF: the model's default, or the one given beside it)."""

    date: dt.date
    precision: str


def to_edtf(day, precision):
    """The EDTF form of an effective date of this precision (see the module's table); None for None."""
    if day is None:
        return None
    if precision == Precision.YEAR:
        return f"{day.year:04d}"
    if precision == Precision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    if precision == Precision.APPROXIMATE:
        return f"{day.isoformat()}~"
    return day.isoformat()


def end_edtf(day):
    """The EDTF form of an end (a day), None for none."""
    return day.isoformat() if day is not None else None


# What the refused kinds of expression are, and what to write instead.
_REFUSED = [
    (edtf_classes.DateAndTime, "has a time of day; a claim's date is a day: drop the time"),
    (edtf_classes.Interval, "is an interval; a claim has one effective date (and an optional end): give the start"),
    (edtf_classes.Level1Interval, "is an interval; a claim has one effective date (and an optional end): give the start"),
    (edtf_classes.Season, "is a season; give the month (YYYY-MM) or an approximate day (YYYY-MM-DD~)"),
    (edtf_classes.LongYear, "is a year beyond 9999; claims hold years 1 to 9999"),
    (edtf_classes.Unspecified, "has unspecified digits (X); give the month as YYYY-MM or the year as YYYY"),
    (edtf_classes.PartialUncertainOrApproximate, "qualifies only part of the date; qualify the whole day, e.g. 2014-11-15~"),
    (edtf_classes.PartialUnspecified, "has unspecified digits (X); give the month as YYYY-MM or the year as YYYY"),
]


def parse(text):
    """The EDTFDate an expression means; EDTFError naming the problem when it is malformed or
    beyond what a claim holds."""
    value = (text or "").strip()
    if not value:
        raise EDTFError("an empty date: give one such as 2017-11-03, 2017-09, 2014 or 2014-11-15~")
    try:
        parsed = parse_edtf(value)
    except EDTFParseException:
        raise EDTFError(f"{value!r} is not an EDTF date (e.g. 2017-11-03, 2017-09, 2014, 2014-11-15~)") from None
    for kind, why in _REFUSED:
        if isinstance(parsed, kind):
            raise EDTFError(f"{value!r} {why}")
    if isinstance(parsed, edtf_classes.UncertainOrApproximate):
        return _qualified(value, parsed)
    if type(parsed) is not edtf_classes.Date:
        raise EDTFError(f"{value!r} is an EDTF {type(parsed).__name__}, which a claim's date cannot hold; "
                        "give YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD~")
    day = _day(value, parsed)
    precision = {"day": Precision.DAY, "month": Precision.MONTH, "year": Precision.YEAR}[parsed.precision]
    return EDTFDate(date_bounds(day, precision)[0], precision)


def _qualified(value, parsed):
    if parsed.is_uncertain or parsed.is_uncertain_and_approximate:
        raise EDTFError(f"{value!r} is uncertain (? or %); a claim's date is what its source says: "
                        "write an approximate day as YYYY-MM-DD~")
    inner = parsed.date
    if type(inner) is not edtf_classes.Date or inner.precision != "day":
        raise EDTFError(f"{value!r} is an approximate month or year; give the day it counts from, e.g. "
                        f"{inner._year}-{inner._month or '06'}-15~, or the month or year without ~")
    return EDTFDate(_day(value, inner), Precision.APPROXIMATE)


def _day(value, parsed):
    year = int(parsed._year)
    if not 1 <= year <= 9999:
        raise EDTFError(f"{value!r} has the year {year}; claims hold years 1 to 9999")
    try:
        return dt.date(year, int(parsed._month or 1), int(parsed._day or 1))
    except ValueError as error:
        raise EDTFError(f"{value!r} is not a calendar date: {error}") from None
