"""Date expressions ("on Friday", "Nov. 3", "in June 2014", "nearly three years ago", "أمس", "حزيران 2014")
read against the publication day, with their precision.

Its own module because a date is found in two steps, each testable alone: patterns over the
normalised words find the expression (so "Nov. 3" is one expression, and "in four days" or "three
years after it fell" none), and dateparser reads it (English and Arabic, relative to the publication
time), wrapped so that:
- the precision is kept: dateparser's period (day, week, month, year) becomes the claim's precision,
  and the date becomes the first day of that period (dateparser answers "June 2014" with the 19th);
- weekdays are counted back here: dateparser reads a weekday on that same weekday as a week earlier
  ("الأحد" in a story of Sunday is that Sunday, "last Sunday" or "الأحد الماضي" the one before);
- Levantine and Maghrebi month names (حزيران, تشرين الثاني, ماي), which dateparser does not know, are given their
  Egyptian-Arabic names, which it does;
- durations ("for nearly three years", "a week ago"), spans up to the news ("in the last two days") and "last
  month", "early this month", which it reads as exact days, are resolved here, as approximate or as the month;
- a dateline ("BAGHDAD, Sept. 21 (Xinhua) --") filed a day or two before publication is the day read from.
Each expression is parsed once per publication day (cached), and an article with a flood of date
expressions falls back to the resolver here past MAX_PARSED of them, so reading stays linear.
"""
import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from geo.text import normalize_name

NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3}
MONTH_NAMES = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTH_NAMES.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTH_NAMES["sept"] = 9
# Arabic month names in their normal forms (geo.text.normalize_name): Egyptian, then Levantine.
ARABIC_MONTHS = {name: number for number, name in enumerate(
    ["يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر"], 1)}
LEVANTINE_MONTHS = {name: number for number, name in enumerate(
    ["كانون الثاني", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين الاول", "تشرين الثاني",
     "كانون الاول"], 1)}
MAGHREBI_MONTHS = {"جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8}
_EGYPTIAN = {number: name for name, number in ARABIC_MONTHS.items()}
_LOCAL_MONTHS = {**LEVANTINE_MONTHS, **MAGHREBI_MONTHS}  # given their Egyptian names for dateparser
_LOCAL = re.compile(r"\b(?:" + "|".join(sorted(_LOCAL_MONTHS, key=len, reverse=True)) + r")\b")
ALL_MONTHS = {**MONTH_NAMES, **ARABIC_MONTHS, **_LOCAL_MONTHS}
_FIRST_TEN = {name: number for number, name in enumerate(
    ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"], 1)}
# The days past the tenth are compounds: "الحادي عشر" (11th), "العشرين" (20th), "الثالث والعشرين" (23rd), whose unit
# one is "الحادي" (or "الواحد").
_UNITS = {**{name: number for name, number in _FIRST_TEN.items() if 1 < number < 10}, "الحادي": 1, "الواحد": 1}
ARABIC_ORDINALS = {**_FIRST_TEN, **{f"{unit} عشر": 10 + number for unit, number in _UNITS.items()},
                   **{f"{unit} والعشرين": 20 + number for unit, number in _UNITS.items()},
                   "العشرين": 20, "الثلاثين": 30, "الحادي والثلاثين": 31, "الواحد والثلاثين": 31}
ARABIC_NUMBERS = {"واحد": 1, "اثنين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6,
                  "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10}
_ARABIC_UNITS_OF_TIME = {"سنوات": "year", "سنه": "year", "اعوام": "year", "عام": "year", "اشهر": "month", "شهر": "month",
                         "اسابيع": "week", "اسبوع": "week", "ايام": "day", "يوم": "day"}
_ARABIC_DUALS = {"عامين": "year", "سنتين": "year", "شهرين": "month", "اسبوعين": "week", "يومين": "day"}  # two years, ...
_SEASON_MONTH = {"winter": 1, "spring": 4, "summer": 7, "autumn": 10, "fall": 10, "شتاء": 1, "ربيع": 4, "صيف": 7, "خريف": 10}
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
WEEKDAYS.update({"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6})


def _alternatives(names, minimum=1):
    return "|".join(sorted((n for n in names if len(n) >= minimum), key=len, reverse=True))


_MONTH = _alternatives(ALL_MONTHS)
# "في أواخر أغسطس" (in late August), "مطلع" (the start of), "منتصف" (the middle of): the month is the date.
ARABIC_PART_OF_MONTH = r"(?:اواخر|اوايل|مطلع|منتصف|اواسط|بدايه|نهايه) "
NUM = r"(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)"
_ARABIC_QUALIFIER = r"(?:حوالي |نحو |قرابه |اكثر من |ما يقارب |ما يزيد عن )?"  # about, more than
_QUALIFIER = r"(nearly|almost|about|around|some|more than|over|roughly|close to|at least|less than)"
DATE_RULES = [
    ("iso", re.compile(r"\b(\d{4}) (\d{2}) (\d{2})\b")),
    # Arabic copy may pair the Levantine and Egyptian names ("حزيران/ يونيو", "كانون/ يناير" without its "الثاني") and
    # put "عام" before the year (also after a month: "يونيو عام 2014", "يونيو من عام 2014").
    ("day_month", re.compile(r"\b(\d{1,2}) (?:من )?(?:(?:كانون|تشرين) )?(" + _MONTH + r")(?: (?:" + _MONTH
                             + r"))?(?: (?:(?:من )?عام )?(\d{4}))?\b")),
    ("ordinal_month", re.compile(r"\b(" + _alternatives(ARABIC_ORDINALS) + r") من (" + _MONTH + r")(?: (?:" + _MONTH
                                 + r"))?(?: (?:(?:من )?عام )?(\d{4}))?\b")),
    # "captured in August 14": a day takes "on", so a two-digit number after "in" and a month is its year (2014).
    ("month_short_year", re.compile(r"\b(?:in|since|during|until) (" + _alternatives(MONTH_NAMES) + r") (\d{2})\b(?! \d)")),
    ("month_day", re.compile(r"\b(" + _alternatives(MONTH_NAMES) + r") (\d{1,2})(?: (\d{4}))?\b(?! \d)")),
    ("month", re.compile(r"\b(?:(?:in|since|by|during|early|late|mid|until|of|from|في|منذ) )?"
                         r"(?:early |late |mid |" + ARABIC_PART_OF_MONTH + r")?("
                         + _alternatives([m for m in ALL_MONTHS if len(m) > 3 or m == "may"]) + r")(?: (?:" + _MONTH
                         + r"))? (?:of |(?:من )?(?:ال)?عام )?(\d{4})\b")),  # "July of 2014", "آب من عام 2014"
    ("month", re.compile(r"\b(?:in|since|by|during|early|late|mid|until|of|from|last|في|منذ) "
                         r"(?:early |late |mid |" + ARABIC_PART_OF_MONTH + r")?("
                         + _alternatives([m for m in ALL_MONTHS if len(m) > 3 or m == "may"]) + r")()"
                         r"(?: (?:of )?(last|this) year)?\b")),  # "in August last year"
    # "وكان التنظيم سيطر على القريتين أواخر آب" (late in August), with no preposition: a part of the month names it,
    # however short its name
    ("month", re.compile(r"(?<!\S)" + ARABIC_PART_OF_MONTH + r"(" + _alternatives(
        [m for m in ALL_MONTHS if not m.isascii()]) + r")()(?!\S)(?! (?:(?:ال)?عام )?\d)")),
    # "ديسمبر الماضي", "في آب الماضي" (last December, last August): the latest month of that name before the news's
    ("past_month", re.compile(r"(?<!\S)(?:(?:في|منذ) )?(" + _alternatives([m for m in ALL_MONTHS if not m.isascii()])
                              + r") الماضي(?!\S)")),
    ("duration", re.compile(r"\b(?:for|since) (?:" + _QUALIFIER + r" )?" + NUM + r" (day|week|month|year)s?\b(?!-)")),
    ("duration", re.compile(r"\b(?:" + _QUALIFIER + r" )?" + NUM + r" (day|week|month|year)s? (?:ago|earlier)\b")),
    # "besieged for months", "held for weeks": a few of them, about, as "comes weeks after"; "recently": a few weeks
    ("for_some", re.compile(r"\bfor (day|week|month)s\b(?!-)|\b(?:recently|موخرا)\b()")),
    # "This comes weeks after the SDF recaptured Raqqa": an unnumbered span back from the news, to the event after it.
    # "comes just a week after", "launched an operation ..., a month after declaring Mosul liberated": that many of
    # them back from the news; days only after "comes" or before a gerund ("announced Friday plans to attack Hawija, a
    # day after recapturing Tal Afar": the gerund's subject is the main clause's), since "two days after they entered
    # it" is a sequence of the past.
    ("span_before", re.compile(r"\b(?:(?:comes|came|coming) (?:just |only )?(?:a few |several |(a|one|two|three|four) )?"
                               r"(day|week|month)s?|(a|one|two|three|four) (week|month|day(?=s? after \w+ing\b))s?)"
                               r" after\b")),
    # "بعد يومين من استعادة برطلة" (two days after retaking Bartella): that many back from the news, as "a week after".
    # "بعد نحو ستة اسابيع فقط من" (only about six weeks after), "بعد شهر من" (a month after); "بعد ايام قليله من", "بعد
    # بضعه اسابيع من" (a few days, some weeks after): a few of them, about, as "comes weeks after".
    ("arabic_span_before", re.compile(r"(?<!\S)بعد " + _ARABIC_QUALIFIER + r"(?:(يومين|اسبوعين|شهرين)|(" + _alternatives(ARABIC_NUMBERS)
                               + r"|\d{1,2}) (ايام|اسابيع|اشهر)|(يوم|اسبوع|شهر)(?: واحد)?|(?:بضعه )?(ايام|اسابيع|اشهر)"
                               r"(?: قليله)?)(?: فقط)? من(?!\S)")),
    # "in the last two days", "over the past few weeks", "in recent months", "خلال اليومين الماضيين", "على مدار الايام
    # القليله الماضيه" (over the past few days), "طوال الأسابيع الأخيرة": a span up to the news, dated about its middle.
    ("within", re.compile(r"\b(?:in|over|during|within) the (?:last|past) (?:" + NUM + r" )?(day|week|month)s\b|"
                          r"\bin recent (day|week|month)s\b")),
    ("within", re.compile(r"(?<!\S)(?:خلال|علي مدار|طوال|طيله) (?:ال)?(?:(" + _alternatives(_ARABIC_DUALS) + r")|"
                          r"(ايام|اسابيع|اشهر)(?: القليله)?) "
                          r"(?:الماضيين|الماضيه|الاخيره|الاخيرين)(?!\S)")),
    ("last", re.compile(r"\b(last|this|earlier this|late last|early last|earlier in the|past|early this|late this|mid) "
                        r"(week|month|year)\b|(الاسبوع|الشهر) (الماضي|الجاري|الحالي)")),
    ("season", re.compile(r"\b(last|this|past) (summer|winter|spring|autumn|fall)\b|(?<!\S)ال(صيف|شتاء|ربيع|خريف) الماضي(?!\S)")),
    # "in the summer of 2014", "صيف 2014", "منذ صيف عام 2014": about the middle of that season
    ("season_of", re.compile(r"\b(summer|winter|spring|autumn|fall|صيف|شتاء|ربيع|خريف) (?:of |(?:ال)?عام )?(\d{4})\b")),
    # "وقبل ثمانية أيام، استعادت" (and eight days ago, retook): a conjunction joined to "قبل" or "منذ" leaves it "ago"
    ("duration", re.compile(r"(?<!\S)[وف]?(?:منذ|قبل) " + _ARABIC_QUALIFIER + r"("
                            + _alternatives(ARABIC_NUMBERS) + r"|\d{1,2}) "
                            r"(سنوات|سنه|اعوام|عام|اشهر|شهر|اسابيع|اسبوع|ايام|يوم)(?!\S)")),
    # "قبل عامين" (two years ago), "منذ اكثر من سنتين", "قبل اكثر من اسبوع" (a week ago; "منذ عام 2014" is a year named)
    ("duration", re.compile(r"(?<!\S)[وف]?(?:منذ|قبل) " + _ARABIC_QUALIFIER + r"(" + _alternatives(_ARABIC_DUALS)
                            + r"|اسبوع|شهر|عام|سنه)(?!\S)(?! ?\d)")),
    # "اليوم الأربعاء", "اليوم (الأحد)" (today, Wednesday): the weekday named dates it, in a story posted after midnight too.
    # "on Monday and Tuesday", "Friday to Sunday": two days joined, the later one is when the change stands.
    ("weekday", re.compile(r"\b(?:on |يوم |اليوم \(?)?(last )?(?:(?:" + _alternatives(WEEKDAYS)
                           + r") (?:and|to|through) )?(" + _alternatives(WEEKDAYS) + r")\b(?: (الماضي))?")),
    # "في مثل هذا اليوم" (on this day, of a year before) names an anniversary, not today
    # "overnight" in the news is the night that ends on the day it is published; "last night" began the day before
    ("relative_day", re.compile(r"\b(today|yesterday|tonight|overnight|over night|last night|this morning|"
                                r"this afternoon|this evening|on the same day|"
                                r"امس الاول|امس|(?<!مثل هذا )اليوم)\b")),
    # "mid-2014"; "منذ العام 2014" (since the year 2014)
    ("year", re.compile(r"\b(?:in|since|by|during|early|late|mid|until|from|of|في|منذ|عام)[ -](?:(?:ال)?عام )?(\d{4})\b")),
]
ANY_DATE = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in DATE_RULES))
MAX_PARSED = 200  # dateparser calls per article; past this, the resolver here reads the rest
PERIODS = {"day": "day", "week": "approximate", "month": "month", "year": "year"}
_ARABIC_UNITS = {"الاسبوع": "week", "الشهر": "month"}
_FEW_DAYS = {"day": 3, "week": 21, "month": 90}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30}  # "days", "weeks", "months" unnumbered: about three of them


@dataclass(frozen=True, slots=True)
class DateFound:
    date: dt.date
    precision: str
    start: int  # token index
    text: str


def add_months(day, months):
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
    if kind in ("day_month", "month_day", "ordinal_month"):
        day, month, year = (groups[1], groups[0], groups[2]) if kind == "month_day" else groups
        day = ARABIC_ORDINALS[day] if kind == "ordinal_month" else int(day)
        month = ALL_MONTHS[month]
        if year:
            return dt.date(int(year), month, day), "day"
        candidate = dt.date(published.year, month, day)
        return (candidate if candidate <= published else candidate.replace(year=published.year - 1)), "day"
    if kind == "month_short_year":
        return dt.date(2000 + int(groups[1]), ALL_MONTHS[groups[0]], 1), "month"
    if kind == "month":
        month = ALL_MONTHS[groups[0]]
        if len(groups) > 2 and groups[2]:  # "in August last year", "in May this year": that year's month
            return dt.date(published.year - (groups[2] == "last"), month, 1), "month"
        return (dt.date(int(groups[1]), month, 1) if groups[1] else _latest_month(month, published)), "month"
    if kind == "past_month":
        month = ALL_MONTHS[groups[0]]
        return dt.date(published.year - (month >= published.month), month, 1), "month"
    if kind == "year":
        return dt.date(int(groups[0]), 1, 1), "year"
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[groups[1]]) % 7
        if back == 0 and (groups[0] or groups[2]):
            back = 7  # "last Sunday", "الأحد الماضي" in a story of Sunday: the Sunday before
        return published - dt.timedelta(days=back), "day"
    if kind == "relative_day":
        # "امس الاول": the day before yesterday
        back = {"yesterday": 1, "last night": 1, "امس": 1, "امس الاول": 2}.get(groups[0], 0)
        return published - dt.timedelta(days=back), "day"
    if kind == "last":
        which, unit = (groups[0], groups[1]) if groups[0] else ({"الماضي": "last"}.get(groups[3], "this"), _ARABIC_UNITS[groups[2]])
        offset = 0 if which in ("this", "earlier this", "earlier in the", "early this", "late this", "mid") else 1
        if unit == "week":
            return published - dt.timedelta(days=7 * offset or 3), "approximate"
        if unit == "month":
            return add_months(published.replace(day=1), -offset), "month"
        return dt.date(published.year - offset, 1, 1), "year"
    if kind == "season_of":
        return dt.date(int(groups[1]), _SEASON_MONTH[groups[0]], 15), "approximate"
    if kind == "season":  # "since last summer": about the middle of that season
        groups = groups[:2] if groups[0] else ("last", groups[2])  # "الصيف الماضي": last summer
        month = _SEASON_MONTH[groups[1]]
        if groups[0] in ("last", "past"):  # the latest season of that name already over: in November, this year's summer
            year = published.year - (0 if month + 1 < published.month else 1)
        else:
            year = published.year - (1 if month > published.month else 0)
        return dt.date(year, month, 15), "approximate"
    if kind == "arabic_span_before" and groups[4]:  # "بعد ايام قليله من": a few days back, about
        return published - dt.timedelta(days=_FEW_DAYS[_ARABIC_UNITS_OF_TIME[groups[4]]]), "approximate"
    if kind == "arabic_span_before":  # "بعد يومين من", "بعد ثلاثة ايام من", "بعد اسبوع من"
        unit = _ARABIC_UNITS_OF_TIME.get(groups[2] or groups[3] or "") or _ARABIC_DUALS[groups[0]]
        amount = 2 if groups[0] else 1 if groups[3] else int(groups[1]) if groups[1].isdigit() else ARABIC_NUMBERS[groups[1]]
        return published - dt.timedelta(days=amount * UNIT_DAYS[unit]), "day" if unit == "day" else "approximate"
    if kind == "span_before":  # "comes weeks after": a few of them, about; "a week after": one; "a day after": that day
        count, unit = groups[:2] if groups[1] else groups[2:]
        days = NUMBERS[count] * UNIT_DAYS[unit] if count else _FEW_DAYS[unit]
        return published - dt.timedelta(days=days), "day" if count and unit == "day" else "approximate"
    if kind == "for_some":
        return published - dt.timedelta(days=_FEW_DAYS[groups[0] or "week"]), "approximate"
    if kind == "within":  # "in the last two days": about the middle of the span
        if len(groups) == 2:  # Arabic: a dual ("اليومين") or a plural ("الايام")
            groups = ("two", _ARABIC_DUALS[groups[0]], None) if groups[0] else (None, None, _ARABIC_UNITS_OF_TIME[groups[1]])
        count, unit = (groups[0], groups[1]) if groups[1] else (None, groups[2])
        days = NUMBERS[count] * UNIT_DAYS[unit] if count else _FEW_DAYS[unit]
        return published - dt.timedelta(days=days // 2), "approximate"
    if kind == "duration" and len(groups) == 1:  # Arabic dual or one: "قبل نحو عامين" (about two years ago), "قبل اسبوع"
        groups = ("about", 2, _ARABIC_DUALS[groups[0]]) if groups[0] in _ARABIC_DUALS else (
            "about", 1, _ARABIC_UNITS_OF_TIME[groups[0]])
    if kind == "duration" and len(groups) == 2:  # Arabic: "قبل ثلاث سنوات" (three years ago)
        amount = int(groups[0]) if groups[0].isdigit() else ARABIC_NUMBERS[groups[0]]
        groups = ("about", amount, _ARABIC_UNITS_OF_TIME[groups[1]])
    if kind == "duration":
        qualifier, amount, unit = groups
        amount = amount if isinstance(amount, int) else int(amount) if amount.isdigit() else NUMBERS[amount]
        if unit == "day":
            return published - dt.timedelta(days=amount), "approximate" if qualifier else "day"
        if unit == "week":
            return published - dt.timedelta(weeks=amount), "approximate"
        months = amount * (12 if unit == "year" else 1)
        return add_months(published, -months), "approximate"
    return None


@functools.lru_cache(maxsize=64)
def _parser(published):
    """dateparser reading relative expressions from noon of the publication day, preferring the past."""
    from dateparser.date import DateDataParser

    base = dt.datetime.combine(published, dt.time(12))
    return DateDataParser(languages=["en", "ar"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})


@functools.lru_cache(maxsize=4096)
def parse_date(expression, published):
    """dateparser's reading of an expression as (date, precision), relative to the publication day; None if
    it reads none. The date is the first day of its period; a week is approximate."""
    expression = _LOCAL.sub(lambda m: _EGYPTIAN[_LOCAL_MONTHS[m.group()]], expression)
    data = _parser(published).get_date_data(expression)
    if data.date_obj is None or data.period not in PERIODS:
        return None
    day, precision = data.date_obj.date(), PERIODS[data.period]
    if precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = dt.date(day.year, 1, 1)
    return day, precision


# A dateline opens the story with where (a few capitalised or Arabic words) and when it was filed: "BAGHDAD, Sept. 21
# (Xinhua) --", "MOSUL, Iraq, May 20 --", "Washington D.C. [United States], Oct. 16 (ANI):" (a colon after the agency),
# "تكريت، العراق 22 سبتمبر 2016 /" (a slash ends one only after a year: "22 أيلول/ سبتمبر" pairs month names).
_AGENCY = r"\([^)\n]{1,30}\)"
_DATELINE = re.compile(r"^(?:(?:[A-Z\u0621-\u064a][^\s,،.]*|\[[^\]\n]{1,30}\])[\s,،.]+){1,4}"
                       r"((?:[^\W\d]+\.? \d{1,2}|\d{1,2} [^\W\d]+)(?:(,? \d{4})?\s*"
                       r"(?:" + _AGENCY + r"\s*:|(?:" + _AGENCY + r")?\s*(?:--|—|–| - ))|,? \d{4}\s*/))", re.M)
_DATELINE_DAYS = 3  # how long before its publication a story is filed
_DATELINE_RULES = [(kind, pattern) for kind, pattern in DATE_RULES if kind in ("month_day", "day_month")]


def dateline_day(text, published):
    """The day a dateline in the first lines gives, when the story was filed up to a few days before its publication
    (a Xinhua story filed in Damascus on the 5th is published in Beijing on the 6th): the day its "today" and
    weekdays are read from. `published` otherwise."""
    match = _DATELINE.search("\n".join(text.split("\n", 4)[:4]))
    if match is None:
        return published
    written = normalize_name(match.group(1))
    for kind, pattern in _DATELINE_RULES:
        date = pattern.match(written)
        if date:
            try:
                day, _ = resolve_date(kind, date.groups(), published)
            except (ValueError, KeyError):
                return published
            return day if published - dt.timedelta(days=_DATELINE_DAYS) <= day <= published else published
    return published
