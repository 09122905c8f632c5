"""Date expressions ("on Friday", "in September", "nearly three years ago") read against the publication day.

Its own module because resolving a date is a small calendar of its own, tested on its own
(`resolve_date`), and the sentence only asks it for the dates of a stretch of tokens.
"""
import calendar
import datetime as dt
import re
from dataclasses import dataclass

NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3}
MONTH_NAMES = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTH_NAMES.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTH_NAMES["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
WEEKDAYS.update({"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6})

_NUM = r"(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)"
DATE_RULES = [
    ("iso", re.compile(r"\b(\d{4}) (\d{2}) (\d{2})\b")),
    ("day_month", re.compile(r"\b(\d{1,2}) (" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r")(?: (\d{4}))?\b")),
    ("month_day", re.compile(r"\b(" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r") (\d{1,2})(?: (\d{4}))?\b(?! \d)")),
    ("month", re.compile(r"\b(?:in|since|by|during|early|late|mid|until|of|from) (?:early |late |mid )?("
                         + "|".join(sorted((m for m in MONTH_NAMES if len(m) > 3 or m == "may"), key=len, reverse=True))
                         + r")(?: (\d{4}))?\b")),
    ("duration", re.compile(r"\b(nearly|almost|about|around|some|more than|over|roughly|close to|at least|less than)? ?"
                            + _NUM + r" (day|week|month|year)s?(?: ago| earlier)?\b(?!-)")),
    ("last", re.compile(r"\b(last|this|earlier this|late last|early last|earlier in the|past) (week|month|year)\b")),
    ("weekday", re.compile(r"\b(?:on |last |يوم )?(" + "|".join(WEEKDAYS) + r")\b")),
    ("relative_day", re.compile(r"\b(today|yesterday|tonight|this morning|this afternoon|this evening|on the same day)\b")),
    ("year", re.compile(r"\b(?:in|since|by|during|early|late|mid|until|from|of) (\d{4})\b")),
]


ANY_DATE = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in DATE_RULES))


@dataclass(frozen=True, slots=True)
class DateFound:
    date: dt.date
    precision: str
    start: int  # token index
    text: str


def _add_months(day, months):
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _latest_month(month, published):
    return dt.date(published.year if month <= published.month else published.year - 1, month, 1)


def resolve_date(kind, groups, published):
    """The (date, precision) a date expression means, read on the publication day; None if it means none."""
    if kind == "iso":
        return dt.date(int(groups[0]), int(groups[1]), int(groups[2])), "day"
    if kind in ("day_month", "month_day"):
        day, month, year = (groups[0], groups[1], groups[2]) if kind == "day_month" else (groups[1], groups[0], groups[2])
        month = MONTH_NAMES[month]
        if year:
            return dt.date(int(year), month, int(day)), "day"
        candidate = dt.date(published.year, month, int(day))
        return (candidate if candidate <= published else candidate.replace(year=published.year - 1)), "day"
    if kind == "month":
        month = MONTH_NAMES[groups[0]]
        return (dt.date(int(groups[1]), month, 1) if groups[1] else _latest_month(month, published)), "month"
    if kind == "year":
        return dt.date(int(groups[0]), 1, 1), "year"
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[groups[0]]) % 7
        return published - dt.timedelta(days=back), "day"
    if kind == "relative_day":
        return published - dt.timedelta(days=1 if groups[0] == "yesterday" else 0), "day"
    if kind == "last":
        which, unit = groups
        offset = 0 if which in ("this", "earlier this", "earlier in the") else 1
        if unit == "week":
            return published - dt.timedelta(days=7 * offset or 3), "approximate"
        if unit == "month":
            return _add_months(published.replace(day=1), -offset), "month"
        return dt.date(published.year - offset, 1, 1), "year"
    if kind == "duration":
        qualifier, amount, unit = groups
        amount = int(amount) if amount.isdigit() else NUMBERS[amount]
        if unit == "day":
            return published - dt.timedelta(days=amount), "approximate" if qualifier else "day"
        if unit == "week":
            return published - dt.timedelta(weeks=amount), "approximate"
        months = amount * (12 if unit == "year" else 1)
        return _add_months(published, -months), "approximate"
    return None


def find_dates(article, first, last, published):
    """Date expressions in the tokens [first, last), resolved; impossible dates are skipped."""
    if first >= last:
        return []
    start, end = article.norm_span(first, last)
    segment = article.norm[start:end]
    if not ANY_DATE.search(segment):
        return []
    found, taken = [], bytearray(len(segment))  # taken: 1 on each character an earlier rule matched
    for kind, pattern in DATE_RULES:
        for match in pattern.finditer(segment):
            if taken.find(1, match.start(), match.end()) != -1:
                continue
            try:
                resolved = resolve_date(kind, match.groups(), published)
            except (ValueError, OverflowError, KeyError):
                continue
            if resolved is None or resolved[0] > published or resolved[0].year < 1900:
                continue
            taken[match.start():match.end()] = b"\1" * (match.end() - match.start())
            found.append(DateFound(resolved[0], resolved[1], article.token_at(start + match.start()), match.group()))
    return sorted(found, key=lambda d: d.start)
