"""Dates found by patterns, read by dateparser with their precision, relative to the publication day."""
import datetime as dt

import pytest

from editorial.assistant import dates
from editorial.assistant.article import Article
from editorial.assistant.chronology import find_dates
from editorial.assistant.dates import parse_date

SATURDAY = dt.date(2017, 11, 4)


@pytest.mark.parametrize("expression, expected", [
    ("Nov. 3", (dt.date(2017, 11, 3), "day")),
    ("Sept. 5", (dt.date(2017, 9, 5), "day")),
    ("June 2014", (dt.date(2014, 6, 1), "month")),  # the first of the month, not dateparser's 4th
    ("2014", (dt.date(2014, 1, 1), "year")),
    ("8 نوفمبر 2017", (dt.date(2017, 11, 8), "day")),
    ("حزيران 2014", (dt.date(2014, 6, 1), "month")),  # a Levantine month name
    ("15 ماي 2015", (dt.date(2015, 5, 15), "day")),  # a Maghrebi one
    ("15 ابريل 2015", (dt.date(2015, 4, 15), "day")),  # "اب" (Levantine August) is not read inside "ابريل"
    ("التاسع من تشرين الثاني", None),  # an ordinal: read by the patterns, not dateparser
    ("امس", (dt.date(2017, 11, 3), "day")),
    ("December", (dt.date(2016, 12, 1), "month")),  # the past one
])
def test_dateparser_is_read_with_its_precision(expression, expected):
    assert parse_date(expression, SATURDAY) == expected


def found(text, names, published=SATURDAY):
    article = Article(text, names)
    return [(d.date, d.precision) for first, stop in article.sentences for d in find_dates(article, first, stop, published)]


@pytest.mark.parametrize("text, expected", [
    ("It fell late on Friday.", [(dt.date(2017, 11, 3), "day")]),
    ("It fell on Saturday.", [(SATURDAY, "day")]),  # the publication day, not a week before
    ("The militants stormed the town overnight.", [(SATURDAY, "day")]),  # the night that ends on the publication day
    ("The militants stormed the town last night.", [(dt.date(2017, 11, 3), "day")]),
    ("It fell last Saturday.", [(dt.date(2017, 10, 28), "day")]),  # "last" on that weekday: the week before
    ("سقطت يوم السبت الماضي", [(dt.date(2017, 10, 28), "day")]),
    ("They took it on Nov. 3 and Sept. 5.", [(dt.date(2017, 11, 3), "day"), (dt.date(2017, 9, 5), "day")]),
    ("It was besieged for nearly three years.", [(dt.date(2014, 11, 4), "approximate")]),
    ("It has been besieged for months.", [(dt.date(2017, 8, 6), "approximate")]),  # unnumbered: about three of them
    ("Rebels held it for weeks.", [(dt.date(2017, 10, 14), "approximate")]),
    ("A for-months-long siege", []),
    ("The town, recently freed by the army, fell again.", [(dt.date(2017, 10, 14), "approximate")]),  # a few weeks
    ("استعاد الجيش البلدة مؤخراً", [(dt.date(2017, 10, 14), "approximate")]),  # recently
    ("It was taken in four days.", []),
    ("They came back three years after it fell.", []),
    ("This comes weeks after the SDF took Raqqa.", [(dt.date(2017, 10, 14), "approximate")]),  # about three weeks
    ("The advance comes just a week after the army seized Palmyra.", [(dt.date(2017, 10, 28), "approximate")]),
    ("It came two months after the army seized Palmyra.", [(dt.date(2017, 9, 5), "approximate")]),
    ("Troops began an operation, a month after the army seized Palmyra.", [(dt.date(2017, 10, 5), "approximate")]),
    ("Troops left, two days after they entered the town.", []),  # a sequence of the past, not counted from the news
    # before a gerund, the main clause's subject did it that many days before the news
    ("Troops prepared a new push, two days after storming the town.", [(dt.date(2017, 11, 2), "day")]),
    ("It fell in June 2014.", [(dt.date(2014, 6, 1), "month")]),
    ("It fell in June of 2014.", [(dt.date(2014, 6, 1), "month")]),  # "of" between the month and its year
    ("It fell last May.", [(dt.date(2017, 5, 1), "month")]),
    ("It fell in August last year.", [(dt.date(2016, 8, 1), "month")]),  # not this year's August
    ("It fell in March of this year.", [(dt.date(2017, 3, 1), "month")]),
    ("سيطر عليها في 22 من حزيران عام 2014", [(dt.date(2014, 6, 22), "day")]),  # "عام" before the year
    # "من عام" (of the year) before the year: "August of the year 2014", not this year's August and a year
    ("سيطر عليها في أغسطس/ آب من عام 2014", [(dt.date(2014, 8, 1), "month")]),
    ("سيطر عليها في 22 من حزيران من عام 2014", [(dt.date(2014, 6, 22), "day")]),
    ("سيطر عليها في العاشر من حزيران/ يونيو 2014", [(dt.date(2014, 6, 10), "day")]),  # two names of one month
    # a few days or weeks back from the news, unnumbered: about three of them
    ("يأتي ذلك بعد أيام قليلة من سيطرة الجيش على المدينة", [(dt.date(2017, 11, 1), "approximate")]),
    ("يأتي ذلك بعد بضعة أسابيع من سيطرة الجيش على المدينة", [(dt.date(2017, 10, 14), "approximate")]),
    ("دخل الجيش البلدة يوم الجمعة بعد أيام قليلة من انسحاب التنظيم", [(dt.date(2017, 11, 3), "day")]),  # a sequence
    # a month named twice ("May/Ayyar") before its year is one date of that year, not this year's May and a year
    ("سقطت المدينة في مايو/أيار 2015", [(dt.date(2015, 5, 1), "month")]),
    ("استعادها الجيش في آذار/مارس عام 2016", [(dt.date(2016, 3, 1), "month")]),
    # a day past the tenth is a compound ordinal: "the twenty-third", "the eleventh", "the twentieth"
    ("انسحب التنظيم في الثالث والعشرين من أيار الماضي", [(dt.date(2017, 5, 23), "day")]),
    ("انسحب التنظيم في الحادي عشر من تموز 2016", [(dt.date(2016, 7, 11), "day")]),
    ("انسحب التنظيم في العشرين من آب", [(dt.date(2017, 8, 20), "day")]),
    ("بدأت العملية أمس الأول", [(dt.date(2017, 11, 2), "day")]),  # the day before yesterday
    ("It has been held since last summer.", [(dt.date(2017, 7, 15), "approximate")]),  # in November: this year's, over
    ("The town has been held since last winter.", [(dt.date(2017, 1, 15), "approximate")]),
    ("سيطر التنظيم على البلدة الصيف الماضي", [(dt.date(2017, 7, 15), "approximate")]),  # last summer
    # a month named with "الماضي" (last): the latest of that name before the news, of last year when it is this month
    ("استعاد الجيش البلدة في أيلول الماضي", [(dt.date(2017, 9, 1), "month")]),
    ("سقطت البلدة بيد التنظيم ديسمبر الماضي", [(dt.date(2016, 12, 1), "month")]),
    ("انسحب التنظيم من القرية نوفمبر الماضي", [(dt.date(2016, 11, 1), "month")]),
    ("سيطر عليها قبل ثلاث سنوات", [(dt.date(2014, 11, 4), "approximate")]),
    ("سيطر عليها قبل نحو عامين", [(dt.date(2015, 11, 4), "approximate")]),  # a dual: two years
    ("يسيطر عليها منذ العام 2014", [(dt.date(2014, 1, 1), "year")]),  # since the year 2014
    ("The army retook it early this month.", [(dt.date(2017, 11, 1), "month")]),
    ("سقطت المدينة في حزيران 2014", [(dt.date(2014, 6, 1), "month")]),
    ("Rebels have fought for the town in the last two days.", [(dt.date(2017, 11, 3), "approximate")]),  # about its middle
    ("The army lost ground over the past few weeks.", [(dt.date(2017, 10, 25), "approximate")]),
    ("Militants took villages in recent months.", [(dt.date(2017, 9, 20), "approximate")]),
    ("سقطت ثلاث بلدات خلال اليومين الماضيين", [(dt.date(2017, 11, 3), "approximate")]),  # the two days gone by
    ("تقدم الجيش خلال الايام القليله الماضيه", [(dt.date(2017, 11, 3), "approximate")]),
    ("خاض الجيش على مدار الأيام القليلة الماضية معارك في البلدة", [(dt.date(2017, 11, 3), "approximate")]),  # over
    ("طوال الأسابيع الأخيرة تقدمت الفصائل ببطء", [(dt.date(2017, 10, 25), "approximate")]),  # throughout
    ("يتوقع الجيش حسم المعركة خلال الساعات المقبلة", []),  # hours still to come
    ("في مثل هذا اليوم استعاد الجيش البلدة", []),  # on this day (an anniversary): not today
    ("سقطت بعد نحو ستة اسابيع فقط من استعادة تكريت", [(dt.date(2017, 9, 23), "approximate")]),  # about, only: six weeks
    ("انسحب الجيش بعد شهر من دخول المدينة", [(dt.date(2017, 10, 5), "approximate")]),  # a month after
    ("تخضع البلدة لسيطرة داعش منذ اكثر من سنتين", [(dt.date(2015, 11, 4), "approximate")]),  # more than two years
    ("اعلن النصر قبل اكثر من اسبوع", [(dt.date(2017, 10, 28), "approximate")]),  # a week ago
    ("وقبل خمسة ايام، دخل الجيش البلدة", [(dt.date(2017, 10, 30), "approximate")]),  # "and five days ago"
    ("وكان الجيش قد دخل البلدة أواخر آب", [(dt.date(2017, 8, 1), "month")]),  # late August, no preposition
    ("سقطت البلدة اواسط ايلول", [(dt.date(2017, 9, 1), "month")]),
    ("سيطر عليها منذ عام 2014", [(dt.date(2014, 1, 1), "year")]),  # "عام" before a year names it
    ("IS overran the province in the summer of 2014.", [(dt.date(2014, 7, 15), "approximate")]),
    ("سيطرت البيشمركة على المدينة صيف 2014", [(dt.date(2014, 7, 15), "approximate")]),  # a season and its year
    ("ويسيطر التنظيم منذ صيف العام 2014 على اجزاء من المحافظة", [(dt.date(2014, 7, 15), "approximate")]),
    ("Troops entered the town on Oct. 20 and, a day later, declared it clear.", [(dt.date(2017, 10, 20), "day"),
                                                                                 (dt.date(2017, 10, 21), "day")]),
    ("The army took it early this month, but IS retook it after a few days.", [(dt.date(2017, 11, 1), "month"),
                                                                               (dt.date(2017, 11, 4), "approximate")]),
    ("Troops entered it on Monday and, a few hours later, declared it liberated.", [(dt.date(2017, 10, 30), "day"),
                                                                                    (dt.date(2017, 10, 30), "day")]),
    ("IS took it in June 2014 after four days of fighting.", [(dt.date(2014, 6, 1), "month")]),  # a duration of fighting
    ("سيطر عليها التنظيم في 14 كانون يناير 2014", [(dt.date(2014, 1, 14), "day")]),  # "كانون" paired without "الثاني"
    ("سيطر عليها التنظيم في 14 كانون الثاني 2014", [(dt.date(2014, 1, 14), "day")]),
    ("It happens on 31 February, or in 2099.", []),
    ("ISIL overran Mosul in mid-2014.", [(dt.date(2014, 1, 1), "year")]),
    ("سيطر التنظيم على المدينة مطلع الشهر الحالي", [(dt.date(2017, 11, 1), "month")]),  # this month
    # a part of a month ("أواخر", late; "مطلع", early; "منتصف", mid) dates by the month
    ("دخلها المسلحون في أواخر يونيو", [(dt.date(2017, 6, 1), "month")]),
    ("يسيطر عليها التنظيم منذ حزيران عام 2014", [(dt.date(2014, 6, 1), "month")]),  # "عام" between month and year
    ("دخلها الجيش بعد ثلاثة أيام من استعادة القرية", [(dt.date(2017, 11, 1), "day")]),  # three days after, back from the news
    ("دخلها الجيش بعد أسبوعين من بدء المعارك", [(dt.date(2017, 10, 21), "approximate")]),
    ("سقطت البلدة في مطلع حزيران 2015", [(dt.date(2015, 6, 1), "month")]),
    ("IS took Mosul in 2014 and Ramadi the following year.", [(dt.date(2014, 1, 1), "year"), (dt.date(2015, 1, 1), "year")]),
    ("IS took Ramadi the following year.", []),  # no year before it to follow
    # a day takes "on": "in August 14" is August 2014
    ("Sinjar, which was captured by ISIS in August 14, is free.", [(dt.date(2014, 8, 1), "month")]),
    ("ISIS captured Sinjar on August 14.", [(dt.date(2017, 8, 14), "day")]),
])
def test_date_expressions_of_an_article(names, text, expected):
    assert found(text, names) == expected


def test_last_summer_in_a_summer_story_is_the_year_before(names):
    assert found("Rebels have held the village since last summer.", names, dt.date(2016, 8, 2)) == [
        (dt.date(2015, 7, 15), "approximate")]


def test_arabic_dates(names):
    sunday, later = dt.date(2017, 11, 5), dt.date(2017, 11, 12)
    assert found("سيطر الجيش اليوم الأحد على المدينة", names, sunday) == [(sunday, "day")]
    assert found("أعلن الجيش في التاسع من تشرين الثاني الجاري", names, later) == [(dt.date(2017, 11, 9), "day")]
    assert found("وأعلن الجيش الخميس سيطرته", names, later) == [(dt.date(2017, 11, 9), "day")]


def test_two_weekdays_joined_date_the_later_one(names):
    """"overran the town Wednesday and Thursday": the change stands on the later day."""
    assert found("Rebels overran the town Wednesday and Thursday, witnesses said.", names) == [
        (dt.date(2017, 11, 2), "day")]
    assert found("Rebels overran the town on Wednesday, witnesses said.", names) == [(dt.date(2017, 11, 1), "day")]


def test_today_with_a_weekday_is_that_weekday(names):
    """A story posted just after midnight still says "today, Sunday" of the day before: the weekday dates it."""
    sunday, monday = dt.date(2017, 11, 5), dt.date(2017, 11, 6)
    assert found("دخلت القوات البلدة، اليوم الأحد، بعد معارك عنيفة", names, monday) == [(sunday, "day")]
    assert found("انسحب التنظيم فجر اليوم (الأحد) من القرية", names, monday) == [(sunday, "day")]


@pytest.mark.parametrize("text, expected", [
    ("Army takes Hit\n\nRAMADI, Iraq, Nov. 3 (Xinhua) -- Iraqi troops took the town today.", dt.date(2017, 11, 3)),
    ("DEIR EZZOR, Nov 2, 2017 — The army said on Thursday it holds the airport.", dt.date(2017, 11, 2)),
    ("الرقة، سوريا 3 نوفمبر 2017 / قالت قوات سوريا الديمقراطية اليوم إنها تسيطر على الطبقة.", dt.date(2017, 11, 3)),
    ("سيطر الجيش يوم الجمعة، 3 تشرين الثاني/ نوفمبر على البلدة.", SATURDAY),  # a slash between month names
    ("Ankara [Turkey], Nov. 3 (ANI): Turkish-backed rebels took the village.", dt.date(2017, 11, 3)),  # a colon
    ("BAGHDAD, Oct. 20 (Reuters) -- Iraqi forces retook the town.", SATURDAY),  # weeks back: a report filed again
    ("Iraqi forces retook the town on Nov. 3 -- two days early.", SATURDAY),  # no dateline: the date is a clause's
])
def test_a_dateline_a_few_days_before_publication_is_the_day_the_story_reads_from(text, expected):
    assert dates.dateline_day(text, SATURDAY) == expected


def test_the_article_reads_today_from_its_dateline(names):
    from editorial.assistant import propose

    text = "الموصل، العراق 3 نوفمبر 2017 / قال مصدر امني إن القوات العراقية حررت اليوم بلدة الشرقاط بالكامل من داعش."
    published = dt.datetime(2017, 11, 4, 2, tzinfo=dt.timezone(dt.timedelta(hours=8)))  # the next day in Beijing
    taken = [p for p in propose(text, published, names) if p.place == "shirqat"]
    assert [(p.status, p.holder, p.date) for p in taken] == [("controlled", "iraqi-government", dt.date(2017, 11, 3))]
