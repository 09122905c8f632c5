"""Words and sentences from spaCy's rule-based tokenizer and sentencizer."""
from conftest import SATURDAY
from editorial.assistant import propose, tokens
from editorial.assistant.tokens import language_of, read


def sentences(text):
    words, bounds = read(text)
    return [" ".join(w.norm for w in words[first:stop]) for first, stop in bounds]


def test_abbreviations_end_no_sentence():
    assert sentences("Iraqi forces retook al-Qaim on Nov. 3. The U.S.-backed SDF took Raqqa in Sept. 2017.") == [
        "iraqi forces retook al qaim on nov 3", "the us backed sdf took raqqa in sept 2017"]


def test_line_breaks_end_headlines_and_paragraphs():
    assert sentences("Mosul falls to militants\n\nMOSUL (Reuters) - It fell") == [
        "mosul falls to militants", "mosul reuters it fell"]


def test_punctuation_is_dropped_and_a_hyphen_joins_words():
    words, _ = read("IS-held town, (Boukamal)")
    assert [(w.text, w.norm, w.hyphen_before) for w in words] == [
        ("IS", "is", False), ("held", "held", True), ("town", "town", False), ("Boukamal", "boukamal", False)]
    assert (words[3].start, words[3].end) == (15, 23)  # offsets in the text, for quotes and highlights


def test_arabic_is_read_by_the_arabic_tokenizer_in_normal_forms():
    assert language_of("سيطر الجيش السوري، على البوكمال. Reuters") == "ar"
    words, bounds = read("سيطر الجيش السوري أمس (الأحد)، على مدينة البوكمال. وكان الجيش")
    assert [w.norm for w in words][:5] == ["سيطر", "الجيش", "السوري", "امس", "الاحد"]
    assert len(bounds) == 2


def test_the_vocabulary_is_bounded(monkeypatch):
    monkeypatch.setattr(tokens, "MAX_VOCABULARY", 10)
    first = tokens.pipeline("en")
    read("Many distinct words learnt by the shared vocabulary.")
    assert tokens.pipeline("en") is not first  # built afresh once past the bound


def test_a_full_stop_typed_without_its_space_ends_an_arabic_sentence():
    text = "استعادت القوات الحويجة.وقال القائد إن"
    words, bounds = read(text)
    assert sentences(text) == ["استعادت القوات الحويجه", "وقال القايد ان"]
    assert text[words[2].start:words[2].end] == "الحويجة"


def test_a_number_typed_against_an_arabic_word_is_a_word_of_its_own():
    text = "تسيطر على نحو80 في المئة"
    words, _ = read(text)
    assert [w.norm for w in words] == ["تسيطر", "علي", "نحو", "80", "في", "الميه"]
    assert text[words[3].start:words[3].end] == "80"


def test_a_quotation_closed_with_its_sentence_ends_an_arabic_sentence():
    text = 'وقال إن "المعارك مستمرة في الرمادي». ودخلت القوات المدينة'
    words, _ = read(text)
    assert sentences(text) == ["وقال ان المعارك مستمره في الرمادي", "ودخلت القوات المدينه"]
    assert text[words[5].start:words[5].end] == "الرمادي"


def test_a_full_stop_after_a_number_ends_an_arabic_sentence_a_decimal_point_does_not():
    text = "سيطر التنظيم على المدينة في 2016. وقال المرصد إن القوات تقدمت 2.5 كيلومتر."
    assert sentences(text) == ["سيطر التنظيم علي المدينه في 2016", "وقال المرصد ان القوات تقدمت 25 كيلومتر"]  # the norm drops the point
    words, _ = read(text)
    assert text[words[5].start:words[5].end] == "2016"


def test_persian_letters_in_arabic_copy_read_as_the_arabic_ones(names):
    assert [t.norm for t in read("قوات الپيشمرگة")[0]] == ["قوات", "البيشمركه"]
    found = propose("سيطرت قوات الپيشمرگة على ناحية زمار بالكامل يوم السبت.", SATURDAY, names)
    assert [(p.place, p.status, p.holder) for p in found] == [("zumar", "controlled", "peshmerga")]


def test_a_military_rank_ends_no_sentence():
    text = "Brig. Gen. Ali Hassan said the army took Hit. Lt. Col. Sami Kadhim and Maj. Omar Salih agreed."
    assert sentences(text) == [
        "brig gen ali hassan said the army took hit", "lt col sami kadhim and maj omar salih agreed"]
