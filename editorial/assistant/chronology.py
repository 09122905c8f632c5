"""The dates in a run of tokens, in their order, and those told from the date named last ("the same day", "the month
before that", "a day later", "the following year").

Its own module because finding is a second step after dates.py's reading of one expression: it decides which
rule's match owns each stretch of words, when dateparser is asked (at most MAX_PARSED times an article) and what a
date that counts from another one means, which needs every date before it in the sentence or the story.
"""
import datetime as dt
import functools
import re

from .dates import (
    ANY_DATE, ARABIC_PART_OF_MONTH, DATE_RULES, MAX_PARSED, NUM, NUMBERS, PERIODS, UNIT_DAYS, DateFound, add_months,
    parse_date, resolve_date,
)

# "ويأتي ذلك بعد ايام قليله من" (this comes a few days after): a span unnumbered counts back from the news only after
# "comes", as in English ("comes weeks after").
_COMES = re.compile(r"(?<!\S)[وف]?(?:ياتي|تاتي|جاء|جاءت)(?!\S)")
_PARSED_KINDS = {"iso", "day_month", "month_day", "month", "year", "relative_day"}


@functools.lru_cache(maxsize=256)
def _has_date(segment):
    """Whether any date rule matches `segment`. Hostile input repeats one window ("a-a-a-…" at the size limit is 334
    identical windows), and scanning each again took half of the 0.9 s such an article takes."""
    return ANY_DATE.search(segment) is not None


def find_dates(article, first, last, published, parsed=None, before=None):
    """Date expressions in the tokens [first, last), resolved; impossible and future dates are skipped.

    `parsed` counts the article's dateparser calls (a one-item list), shared across sentences; `before` is the last
    date an earlier sentence gave, which "later the same day" means when this sentence gives none before it."""
    if first >= last:
        return []
    start, end = article.norm_span(first, last)
    segment = article.norm[start:end]
    if not _has_date(segment):
        return _same_day(article, start, segment, [], before, published)
    parsed = parsed if parsed is not None else [0]
    found, taken = [], bytearray(len(segment))  # taken: 1 on each character an earlier rule matched
    for kind, pattern in DATE_RULES:
        for match in pattern.finditer(segment):
            if taken.find(1, match.start(), match.end()) != -1:
                continue
            if kind == "arabic_span_before" and match.group(5) and not _COMES.search(
                    segment, max(0, match.start() - 60), match.start()):
                continue  # "دخل الجيش البوكمال الجمعه بعد ايام من استعادة داعش لها": a sequence of the past
            token = article.token_at(start + match.start())
            try:
                resolved = resolve_date(kind, match.groups(), published)
                # A day, a month and a year read by the pattern are the date: dateparser adds nothing to them.
                exact = kind == "day_month" and match.group(3) is not None
                if kind in _PARSED_KINDS and parsed[0] < MAX_PARSED and not exact:
                    parsed[0] += 1
                    stop = article.token_at(start + match.end() - 1)
                    written = article.text[article.tokens[token].start: article.tokens[stop].end]
                    # English as written ("Nov. 3"); Arabic in its normal form, whose month names are listed here.
                    expression = written if written.isascii() else match.group()
                    resolved = parse_date(_without_preposition(expression), published) or resolved
            except (ValueError, OverflowError, KeyError):
                continue
            if resolved is None or resolved[0] > published or resolved[0].year < 1900:
                continue
            taken[match.start():match.end()] = b"\1" * (match.end() - match.start())
            found.append(DateFound(resolved[0], resolved[1], token, match.group()))
    for match in _FOLLOWING.finditer(segment):  # "in 2014, and ... the following year": the year after the last one
        earlier = [d for d in found if d.start < article.token_at(start + match.start())]
        if earlier and taken.find(1, match.start(), match.end()) == -1:
            year = max(earlier, key=lambda d: d.start).date.year + 1
            if year <= published.year:
                found.append(DateFound(dt.date(year, 1, 1), "year", article.token_at(start + match.start()), match.group()))
    return _same_day(article, start, segment, sorted(found, key=lambda d: d.start), before, published)


# "وبعد ساعات" (hours later), "وفي وقت لاحق" (later on): the day named last, as news tells one day's events
_SAME_DAY = re.compile(r"\b(?:(?:the|that) same (?:day|night)|(?:later|earlier) that (?:day|night))\b|"
                       r"(?<!\S)(?:(?:اليوم|الليله|النهار) (?:نفسه|ذاته)|"
                       r"[وف]?بعد (?:ساعات|ساعتين|ساعه)|[وف]?في وقت لاحق)(?!\S)")


# "the month before that", "the year after it", "the previous day", "the next day": a period next to the date named
# last, not to the publication day ("in the next day or two" is a time still to come).
_NEXT_TO_LAST = re.compile(r"\bthe (day|week|month|year) (before|after) (?:that|this|it)\b|"
                           r"(?<!\bin )(?<!\bwithin )(?<!\bover )\bthe (previous|preceding|following|next) (day|week|month)\b(?! or)")
_BACK = {"before", "previous", "preceding"}
# "a day later", "two weeks later", "after a few days" (not "after four days of fighting"): that long after the date
# named last; a number of days (or "a few hours later", the same day) after a day is a day, any other span about one.
_LATER = re.compile(r"\b(?:" + NUM + r" (hour|day|week|month)s? later|after (?:a )?(few|several|two|three) (day|week|month)s)\b"
                    r"(?! of\b)")


def _same_day(article, start, segment, found, before, published):
    """`found` with "the same day" ("في اليوم نفسه") read as the date named last before it, in this sentence or in
    `before`, "the month before that" as the month next to it and "a day later" as the day after it; without one it
    is no date."""
    if not (_SAME_DAY.search(segment) or _NEXT_TO_LAST.search(segment) or _LATER.search(segment)):
        return found
    for pattern in (_SAME_DAY, _NEXT_TO_LAST, _LATER):
        for match in pattern.finditer(segment):
            token, stop = article.token_at(start + match.start()), article.token_at(start + match.end() - 1)
            found = [d for d in found if not token <= d.start <= stop]  # "اليوم" of "اليوم نفسه" is not today
            earlier = [d for d in found if d.start < token] or ([before] if before else [])
            if not earlier:
                continue
            if pattern is _SAME_DAY:
                found.append(DateFound(earlier[-1].date, earlier[-1].precision, token, match.group()))
                continue
            if pattern is _LATER:
                count, unit = (match.group(1), match.group(2)) if match.group(2) else (match.group(3), match.group(4))
                day = earlier[-1].date + dt.timedelta(days=NUMBERS[count] * UNIT_DAYS.get(unit, 0))
                exact = earlier[-1].precision == "day" and (unit == "hour" or unit == "day" and count not in ("few", "several"))
                if day <= published:
                    found.append(DateFound(day, "day" if exact else "approximate", token, match.group()))
                continue
            unit = match.group(1) or match.group(4)
            step = -1 if (match.group(2) or match.group(3)) in _BACK else 1
            day = _step(earlier[-1].date, unit, step)
            if day <= published:
                found.append(DateFound(day, PERIODS[unit], token, match.group()))
    return sorted(found, key=lambda d: d.start)


def _step(day, unit, step):
    """The start of the period of `unit` `step` periods from the one `day` is in."""
    if unit == "day":
        return day + dt.timedelta(days=step)
    if unit == "week":
        return day + dt.timedelta(weeks=step)
    if unit == "month":
        return add_months(day.replace(day=1), step)
    return dt.date(day.year + step, 1, 1)


_FOLLOWING = re.compile(r"\b(?:the (?:following|next) year|a year later)\b|(?<!\S)(?:في )?العام التالي(?!\S)")
_PREPOSITION = re.compile(r"^(?:in|since|by|during|until|of|from|on|في|منذ|عام|يوم)\s+(?:" + ARABIC_PART_OF_MONTH + ")?", re.I)


def _without_preposition(written):
    return _PREPOSITION.sub("", written)
