"""The dates of a run of tokens in their order, and those told from the date named last."""
import datetime as dt

from editorial.assistant import chronology
from editorial.assistant.article import Article
from editorial.assistant.chronology import find_dates

SATURDAY = dt.date(2017, 11, 4)


def test_a_flood_of_dates_falls_back_to_the_patterns_past_the_limit(names, monkeypatch):
    monkeypatch.setattr(chronology, "MAX_PARSED", 3)
    calls = []
    monkeypatch.setattr(chronology, "parse_date", lambda expression, published: calls.append(expression))
    article = Article("On 3 November, 2 November and 1 November and 31 October it held.", names)
    assert len(find_dates(article, 0, len(article.tokens), SATURDAY)) == 4 and len(calls) == 3


def test_the_same_day_is_the_date_named_last_before_it(names):
    article = Article("Syrian forces took Deir ez-Zor on Friday. Later the same day, Iraqi forces took al-Qaim.", names)
    (first, stop), (second, end) = article.sentences
    friday = find_dates(article, first, stop, SATURDAY)[-1]
    assert [(d.date, d.text) for d in find_dates(article, second, end, SATURDAY, before=friday)] == [
        (dt.date(2017, 11, 3), "the same day")]
    assert find_dates(article, second, end, SATURDAY) == []  # no date before it: none
    arabic = Article("سيطر الجيش على دير الزور الجمعة وسيطر في اليوم نفسه على الميادين", names)
    assert [d.date for d in find_dates(arabic, 0, len(arabic.tokens), SATURDAY)] == [dt.date(2017, 11, 3)] * 2


def test_arabic_hours_later_and_later_on_are_the_day_named_last(names):
    """"وبعد ساعات" (hours later) and "وفي وقت لاحق" (later on) tell the same day's news."""
    for later in ("وبعد ساعات،", "وفي وقت لاحق،"):
        article = Article(f"دخل الجيش مدينة الميادين يوم الجمعة. {later} سيطر الجيش على البوكمال.", names)
        (first, stop), (second, end) = article.sentences
        friday = find_dates(article, first, stop, SATURDAY)[-1]
        assert [d.date for d in find_dates(article, second, end, SATURDAY, before=friday)] == [dt.date(2017, 11, 3)]
        assert find_dates(article, second, end, SATURDAY) == []  # no date before it: none


def test_the_month_before_that_is_next_to_the_date_named_last(names):
    article = Article("Last month, IS was driven from Tal Afar. The month before that, Mosul fell to the army. "
                      "The year after that, Raqqa fell.", names)
    (first, stop), (second, end), (third, last) = article.sentences
    august = find_dates(article, first, stop, dt.date(2017, 9, 18))[-1]
    assert [(d.date, d.precision) for d in find_dates(article, second, end, dt.date(2017, 9, 18), before=august)] == [
        (dt.date(2017, 7, 1), "month")]
    assert find_dates(article, third, last, dt.date(2017, 9, 18), before=august) == []  # 2018: after the publication
    assert find_dates(article, second, end, dt.date(2017, 9, 18)) == []  # no date before it: none


def test_the_previous_day_is_the_day_before_the_date_named_last(names):
    article = Article("The army entered Hit on Tuesday. Baghdadi had fallen to the army the previous day. "
                      "Haditha fell the next day. The army hopes to take Anah in the next day or two.", names)
    (first, stop), (second, end), (third, last), (fourth, final) = article.sentences
    tuesday = find_dates(article, first, stop, SATURDAY)[-1]
    assert [(d.date, d.text) for d in find_dates(article, second, end, SATURDAY, before=tuesday)] == [
        (dt.date(2017, 10, 30), "the previous day")]
    assert [d.date for d in find_dates(article, third, last, SATURDAY, before=tuesday)] == [dt.date(2017, 11, 1)]
    assert find_dates(article, second, end, SATURDAY) == []  # no date before it: none
    assert find_dates(article, fourth, final, SATURDAY, before=tuesday) == []  # a time still to come


def test_a_day_later_is_the_day_after_the_date_named_last_whatever_word_follows(names):
    article = Article("Kurdish fighters entered Sinjar on Tuesday. A day later officials said the town was theirs. "
                      "After three days of fighting the army held Hit.", names)
    (first, stop), (second, end), (third, last) = article.sentences
    tuesday = find_dates(article, first, stop, SATURDAY)[-1]
    assert [(d.date, d.precision) for d in find_dates(article, second, end, SATURDAY, before=tuesday)] == [
        (dt.date(2017, 11, 1), "day")]
    assert find_dates(article, third, last, SATURDAY, before=tuesday) == []  # how long the fighting took: no date
