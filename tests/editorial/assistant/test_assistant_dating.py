"""dating: which date expression of its sentence dates a phrase (its own clause's, nearest first)."""
import datetime as dt

import pytest
from conftest import claims

from editorial.assistant import propose
from editorial.assistant.article import Article
from editorial.assistant.chronology import find_dates
from editorial.assistant.rules import find_cues
from editorial.assistant.sentence import Sentence

SATURDAY = dt.date(2017, 11, 4)


def date_of(text, names, kinds, which):
    """The text of the date that dates the `which`-th phrase of one of `kinds` in a one-sentence text, or None."""
    article = Article(text, names)
    (first, last), = article.sentences
    found = find_dates(article, first, last, SATURDAY)
    cues = [c for c in find_cues(article, first, last) if c.kind in kinds]
    sentence = Sentence(article, 0, first, last, article.places_in(first, last), article.actors_in(first, last), found, cues,
                        {}, SATURDAY, "")
    date = sentence.date(cues[which])
    return date.text if date else None


@pytest.mark.parametrize("text, expected", [
    ("Iraqi forces recaptured Qaim on Friday.", "on friday"),
    ("Iraqi forces recaptured Qaim after IS fighters who had held it for two years fled.", None),  # that clause's date
    ("The SDF, which fights IS, took Raqqa on Friday.", "on friday"),
    ("The SDF took Raqqa from IS, whose fighters fled, on Friday.", "on friday"),  # the clause is closed
    # a date before ", and" is the first clause's, unless set off by commas for both
    ("IS overran Mosul in 2014, and captured Ramadi the following year.", "the following year"),
    ("IS attacked Qaim, on Friday, and captured it.", "on friday"),
    # a new subject after ", and" opens a clause of its own, with its own date
    ("The SDF took Tabqa, a dam town, in May, and the Syrian army seized Palmyra.", None),
    # a span's start ("since") before a comma is the clause before's, never the date of a change after it
    ("IS has held Raqqa since 2014, and the SDF captured it.", None),
    ("المدينة التي يحكمها داعش منذ آذار عام 2015، حيث استعادها الجيش", None),
    # an Arabic date right after a relative pronoun and its verb dates that clause, not a phrase after it
    ("ضمن الحملة التي أطلقها الجيش في 12 من الشهر الماضي ضد داعش واستعاد الجيش الرطبة", None),
    ("أطلق الجيش حملة الشهر الماضي واستعاد الرطبة", "الشهر الماضي"),
    # and after the phrase: a relative clause with a verb of its own ("التي أطلقها", which he launched) has its own
    # date; one with none ("التي كانت خاضعة لسيطرة الاكراد أمس") leaves the date to the main clause
    ("سيطرت القوات العراقية على القائم ضمن العملية التي أطلقها العبادي قبل ثلاثة أسابيع", None),
    ("انتزعت القوات العراقية السيطرة على مدينة كركوك التي كانت خاضعة لسيطرة الأكراد أمس", "امس"),
    # a past verb of its own after "التي" (which fell) tells its own event, with its date
    ("استعاد الجيش العراقي السيطرة على مدينة هيت التي سقطت تحت هيمنة داعش في أكتوبر", None),
    ("استعاد الجيش العراقي السيطرة على مدينة هيت التي تحت أنقاضها ضحايا كثر أمس", "امس"),  # "تحت" (under): no verb
    # how long a state before the phrase lasted ("for weeks") is no date of a change after it
    ("Iraqi troops, stalled for weeks near Hit, recaptured Qaim.", None),
    ("IS fighters, who had held Mosul for three years, recaptured Qaim.", None),
    # a "where" clause after the place is a relative clause too: its date is its own event's
    ("The army recaptured Hit, where IS had set up its courts in 2015.", None),
    ("The army recaptured Hit, where IS had set up its courts, on Friday.", "on friday"),
    # a "since" date after a change bounds the span it happened in ("the third village taken since Monday"), not its day
    ("Qaim was the third town the army captured since Monday.", None),
    ("The army captured Qaim on Friday.", "on friday"),
])
def test_a_phrase_takes_the_date_of_its_own_clause(names, text, expected):
    assert date_of(text, names, {"capture"}, -1) == expected


def test_a_date_in_a_phrase_set_off_by_commas_is_that_phrases(names):
    """"Tabqa, seized by IS in 2014, was retaken by the SDF": the aside's date is the seizure's, not the retaking's."""
    assert date_of("Tabqa, seized by IS in 2014, was retaken by the SDF.", names, {"passive"}, -1) is None
    assert date_of("Tabqa, seized by IS in 2014, was retaken by the SDF.", names, {"passive"}, 0) == "in 2014"
    assert date_of("Tabqa, seized by IS in 2014, was retaken on Friday.", names, {"passive"}, -1) == "on friday"
    assert date_of("On Friday, Tabqa was retaken by the SDF.", names, {"passive"}, -1) == "on friday"


@pytest.mark.parametrize("text, expected", [
    ("Annah, Qaim and Rawa are still held by IS since 2014.", None),  # held when it is said; 2014 is only the start
    ("IS had held Raqqa since 2014.", "since 2014"),  # a past state: the rule for "had" reads it
    ("Raqqa had been under IS control since 2014.", "since 2014"),  # "had been": a past state too
    ("Fallujah has been under IS control since mid-2014.", None),  # "since" before the date expression
    # "since" before the event or the part of the year the date ends ("of 2014", "in 2014"), not a clause of its own
    ("Fallujah has been under IS control since the early days of 2014.", None),
    ("Rawa has been under Islamic State control since the group's emergence in 2014.", None),
    ("IS has held Raqqa in 2014.", "in 2014"),
    ("تقع راوة في منطقة يسيطر عليها داعش منذ العام 2014", None),  # "يسيطر": holds, an Arabic present
    ("سيطر داعش على راوة منذ العام 2014", "منذ العام 2014"),  # "سيطر": took, a past change
    ("ويسيطر داعش منذ صيف 2014 على راوة", None),  # "و" (and) before the present "يسيطر": still a state
    ("ويسيطر داعش على عنة منذ منتصف عام 2014", None),  # since the middle of the year: a start, as "since mid-2014"
    ("سيطر داعش على عنة في منتصف عام 2014", "عام 2014"),  # in the middle of it: the change's year
    # "يبسط سيطرته" (extends its control), "يفرض سيطرته" (imposes it): the present of holding, as "يسيطر" is
    ("لا يزال تنظيم داعش يفرض سيطرته على راوة منذ العام 2014", None),
    ("بسط تنظيم داعش سيطرته على راوة منذ العام 2014", "منذ العام 2014"),  # "بسط": extended it, a past change
    # nor is a state dated by a clause of its own after it ("after", "when")
    ("Tal Afar is still held by IS after victory was declared in July in Mosul.", None),
    ("Tal Afar was held by IS in July.", "in july"),
    # how long a hold in the present perfect has lasted: held when it is said, not from when it began
    ("Raqqa has been under IS control for three years.", None),
    ("IS held Raqqa for three years.", "for three years"),  # a past hold: from when it began
    ("IS fighters had held Raqqa for three years.", "for three years"),
])
def test_since_starts_a_state_it_does_not_date_it(names, text, expected):
    assert date_of(text, names, {"hold", "under_control", "under_control_of", "capture"}, 0) == expected


def test_a_clause_after_since_keeps_its_own_date(names):
    """"since the group took Palmyra in May": May dates the taking, no span's start."""
    assert date_of("It is the biggest gain since the group took Palmyra in May.", names, {"capture"}, 0) == "in may"


@pytest.mark.parametrize("text, expected", [
    ("Hit has been under IS control since June of 2016.", "since june of 2016"),  # its start, beside the state now
    ("Hit is still held by IS since last March.", "last march"),
    ("Since June of 2016, Hit has been under IS control.", "since june of 2016"),  # "since" opening the sentence
    ("Since June, IS had held Hit.", None),  # a past state
    ("Hit has been under IS control since 2016.", None),  # a year only bounds the start
    ("Hit had been under IS control since June.", None),  # a past state: "since" dates it, no state now to start
    ("IS has controlled Hit in June.", None),  # no "since": no start
])
def test_the_start_of_a_state_held_since_a_month(names, text, expected):
    article = Article(text, names)
    (first, last), = article.sentences
    cues = [c for c in find_cues(article, first, last) if c.kind in {"hold", "under_control", "under_control_of"}]
    sentence = Sentence(article, 0, first, last, article.places_in(first, last), article.actors_in(first, last),
                        find_dates(article, first, last, SATURDAY), cues, {}, SATURDAY, "")
    start = sentence.since_start(cues[0])
    assert (start.text if start else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("يحاصر داعش بلدة آمرلي منذ ثلاثة أشهر", None),  # besieges it since three months: still besieged when it is said
    ("فك الجيش حصار آمرلي التي كان يحاصرها داعش منذ ثلاثة أشهر", "منذ ثلاثه اشهر"),  # was besieging: past
    # a siege "for" a span in a story of its break is read from its start ("has been besieged for two months" as the
    # news ends it); with no break told, the present perfect holds it now
    ("Amerli has been besieged by IS for three months, and troops broke the siege on Sunday.", "for three months"),
    ("Amerli has been besieged by IS for three months.", None),
    # a break only fought for ends nothing: the siege holds now
    ("Amerli has been besieged by IS for three months, and troops are battling to break the siege.", None),
    ("Amerli had been besieged by IS for three months.", "for three months"),
])
def test_since_starts_a_siege_it_does_not_date_it(names, text, expected):
    assert date_of(text, names, {"siege"}, 0) == expected


@pytest.mark.parametrize("text, kinds, which, expected", [
    # a span back from the news dates what follows "after", not a phrase before it
    ("Iraqi forces retook Rutba, a month after the army seized Qaim.", {"capture"}, 0, None),
    ("Iraqi forces retook Rutba, a month after the army seized Qaim.", {"capture"}, 1, "a month after"),
    ("استعادت القوات العراقية الرطبة بعد اكثر من ثلاثة اشهر من القتال", {"capture"}, 0, None),
    ("انتكاسة للحكومة بعد نحو ستة اسابيع فقط من استعادة الجيش لمدينة بيجي", {"capture"}, 0, "بعد نحو سته اسابيع فقط من"),
    # a coordinated clause of outcome ("and managed to", "وتمكن من") happens at the time of the clause before
    ("شن التنظيم هجوما في اغسطس، وتمكن من السيطرة على زمار", {"capture"}, 0, "في اغسطس"),
    ("IS launched an attack in August, and managed to capture Zumar.", {"capture"}, 0, "in august"),
    ("IS launched an attack in August, and captured Zumar.", {"capture"}, 0, None),
    # and so is one after an attempt ("to retake"): the attempt's time, not another event's
    ("شن الجيش العراقي فجر أمس هجوما لاستعادة السيطرة على هيت، وتمكن من السيطرة على أغلب أحيائها",
     {"capture", "attempt"}, 1, "امس"),
    ("The army attacked Hit yesterday in a bid to retake it, and managed to capture most of the town.",
     {"capture", "attempt"}, 1, "yesterday"),
    ("شن الجيش العراقي فجر أمس هجوما لاستعادة السيطرة على هيت، وسيطر على أغلب أحيائها", {"capture", "attempt"}, 1,
     None),
    # and one after an entry: "stormed the town on Friday morning, and managed to impose full control over it"
    ("وصباح الجمعة، اقتحم الجيش السوري بلدة السخنة، وتمكن من فرض السيطرة الكاملة عليها", {"capture", "entered"}, 1,
     "الجمعه"),
    ("وصباح الجمعة، اقتحم الجيش السوري بلدة السخنة، وسيطر على كامل أحيائها", {"capture", "entered"}, 1, None),
    # an attempt under way is the news's: a later clause ("after", "بعد") has its own date, but not "بعد ظهر" (afternoon)
    ("تواصل القوات العراقية عملية تحرير مدينة الموصل من داعش بعد اعلان انطلاقها في 17 اكتوبر", {"attempt"}, 0, None),
    ("Iraqi troops are still trying to retake Hit from IS after the offensive began on Friday.", {"attempt"}, 0, None),
    ("تواصل القوات العراقية عملية تحرير مدينة الموصل من داعش بعد ظهر اليوم", {"attempt"}, 0, "اليوم"),
    # a phrase in a relative clause takes no date past the comma that closes it: that is the main clause's
    ("IS seized Baiji, which had been freed by the army, a source said on Sunday.", {"passive"}, 0, None),
    ("IS attacked Baiji, which had been freed by the army on Friday.", {"passive"}, 0, "on friday"),
    # a relative clause whose verb, after "كان", takes the noun as object ("الذي كان يفرضه") has its own date
    ("دخل الجيش مدينة دير الزور وانهى الحصار الذي كان يفرضه داعش منذ اكثر من ثلاث سنوات", {"entered"}, 0, None),
    # a date after "كما فعل مع" (as it did with) is the compared event's: "took Rawa as it did with Anah on Friday"
    ("سيطر الجيش العراقي على راوة كما فعل مع عنه يوم الجمعة", {"capture"}, 0, None),
    ("سيطر الجيش العراقي على راوة يوم الجمعة كما فعل مع عنه", {"capture"}, 0, "يوم الجمعه"),
    # a date after "منذ انطلاق" (since the launch of) is the launch's: "retook half of Mosul since the operations began
    # on February 19"; a date of the change itself before it still dates it
    ("استعاد الجيش العراقي نصف الموصل منذ انطلاق العمليات العسكرية في 19 فبراير", {"capture"}, 0, None),
    ("استعاد الجيش العراقي الجمعة نصف الموصل منذ بدء الهجوم يوم 19 فبراير", {"capture"}, 0, "الجمعه"),
])
def test_a_span_back_and_a_relative_clause_date_their_own_phrases(names, text, kinds, which, expected):
    assert date_of(text, names, kinds, which) == expected


@pytest.mark.usefixtures("every_reading")
def test_each_place_of_a_list_takes_the_date_right_after_it(names):
    published = dt.datetime(2017, 11, 4, 10, tzinfo=dt.timezone.utc)
    text = "Syrian troops declared victory over the jihadists in Palmyra in March and in Deir ez-Zor the next month."
    dated = {(p.place, p.holder, p.date.isoformat(), p.precision) for p in propose(text, published, names)}
    assert dated == {("palmyra", "syrian-government", "2017-03-01", "month"),
                     ("deir-el-zour", "syrian-government", "2017-04-01", "month")}


def test_a_change_after_fighting_from_yesterday_until_today_is_dated_when_the_fighting_ends(names):
    text = "أعلن داعش سيطرته على مدينة تدمر بعد معارك مع الجيش امتدت منذ مساء أمس حتى صباح اليوم."
    published = dt.datetime(2017, 11, 4, 10, tzinfo=dt.timezone.utc)
    assert [(p.place, p.holder, p.date) for p in propose(text, published, names)] == [("palmyra", "islamic-state", SATURDAY)]


@pytest.mark.usefixtures("every_reading")
def test_a_change_in_the_present_perfect_holds_when_it_is_said(names):
    """"have retaken", "has now fully retaken", "has been freed": the result holds at publication, as "now" says (a
    dated class); the simple past and the past perfect leave an undated change, older news perhaps."""
    published = dt.datetime(2017, 11, 4, 10, tzinfo=dt.timezone.utc)

    def reading(text):
        (proposal,) = propose(text, published, names)
        return proposal.date, "a change read from the grammar, not dated" in proposal.why

    assert reading("Government troops have now fully retaken Palmyra from the jihadists.") == (SATURDAY, False)
    assert reading("Palmyra has been freed by government troops.") == (SATURDAY, False)
    assert reading("Government troops retook Palmyra from the jihadists.") == (SATURDAY, True)
    assert reading("Government troops had retaken Palmyra from the jihadists.") == (SATURDAY, True)


def test_since_after_a_first_or_a_superlative_dates_the_event_before(names):
    """"the first offensive since May", "the biggest attack since March": the date is the last of its kind, not
    this taking's."""
    assert date_of("IS captured Palmyra in its biggest attack since March.", names, {"capture"}, 0) is None
    text = "IS captured Palmyra on Friday in its first offensive since May."
    assert date_of(text, names, {"capture"}, 0) == "on friday"


def test_since_before_the_part_of_a_year_starts_a_state_said_now(names):
    # "since the middle of 2014": held now, 2014 only the start; "had held" is a past state, which keeps it
    assert date_of("IS has held Hit since the middle of 2014.", names, {"hold"}, 0) is None
    assert date_of("IS had held Hit since the middle of 2014.", names, {"hold"}, 0) == "of 2014"


def test_a_date_before_an_arabic_relative_clause_is_the_main_clauses(names):
    # "clashes broke out on Wednesday after an attack on Tabqa, which the SDF holds": held when it is said
    text = "واندلعت الاشتباكات، الأربعاء، إثر هجوم شنه التنظيم على مدينة الطبقة، التي تسيطر عليها قسد."
    assert date_of(text, names, {"capture"}, -1) is None
    assert date_of("وسيطرت قسد، الأربعاء، على مدينة الطبقة.", names, {"capture"}, -1) == "الاربعاء"


def test_a_date_naming_a_report_in_its_title_dates_no_event(names):
    """A report's title names its issue's day ("Daily Brief – November 4, 2017: ..."); the body dates the capture."""
    text = ("Daily Brief – November 4, 2017: Army Troops Liberated Al-Bukamal From ISIS\n"
            "On November 2, the Syrian army seized full control of the city of al-Bukamal after days of fighting.")
    taken = [(p.status, p.holder, p.date) for p in propose(text, SATURDAY, names) if p.place == "boukamal"]
    assert taken == [("controlled", "syrian-government", dt.date(2017, 11, 2))]


def test_a_date_before_then_ends_the_step_before(names):
    # "IS held Raqqa in 2014, then the SDF took it in October 2017": each step of a sequence has its own date
    text = "كان داعش يسيطر على الرقة في 2014، ثم سيطرت قسد على المدينة في أكتوبر 2017"
    assert date_of(text, names, {"capture"}, -1) == "في اكتوبر 2017"
    assert date_of("كان داعش يسيطر على الرقة في 2014، ثم سيطرت قسد على المدينة", names, {"capture"}, -1) is None
    # a date before any phrase dates the steps after it: "on Friday the army entered, then took the town"
    assert date_of("يوم الجمعة دخل الجيش الرقة ثم سيطر على المدينة", names, {"capture"}, -1) == "يوم الجمعه"


@pytest.mark.usefixtures("every_reading")
@pytest.mark.parametrize("text, status", [
    ("أعلنت القوات الكردية أنها فكت حصار بلدة سنجار المفروض عليها منذ أغسطس الماضي من قبل مسلحي تنظيم داعش",
     "controlled"),
    ("قال محافظ دير الزور إن الجيش السوري سيصل بعد ساعات إلى مشارف مدينة دير الزور لتفكيك الحصار المضروب على هذه "
     "المدينة من طرف تنظيم داعش منذ أكثر من ثلاث سنوات", "besieged"),
])
def test_a_since_date_after_a_siege_broken_or_to_break_starts_the_siege_and_dates_no_break(names, text, status):
    """"فكت حصار سنجار المفروض عليها منذ أغسطس" (broke the siege imposed on it since August): August began the siege,
    the break (or the siege still to break) is the news's."""
    published = dt.datetime(2017, 11, 4, 10, tzinfo=dt.timezone.utc)
    assert [(p.status, p.date) for p in propose(text, published, names)] == [(status, SATURDAY)]


@pytest.mark.usefixtures("every_reading")
def test_a_since_date_in_an_arabic_relative_clause_after_a_change_dates_the_clause_not_the_change(names):
    """"انسحبت من بلدات بعشيقة والقوش ... والتى كانت تخضع لسيطرة القوات الكردية منذ 2003" (withdrew from the towns,
    which had been under Kurdish control since 2003): 2003 began that state, the withdrawal is undated."""
    text = ("سيطر تنظيم داعش على بلدة برطلة. وأفاد شهود عيان بأن قوات البيشمركة الكردية انسحبت من بلدات بعشيقة والقوش "
            "التابعة إلى محافظة نينوى والتى كانت تخضع لسيطرة القوات الكردية منذ 2003، وهو ما مهد لدخول داعش.")
    published = dt.datetime(2017, 11, 4, 10, tzinfo=dt.timezone.utc)
    dated = {(p.place, p.date) for p in propose(text, published, names)}
    assert dated == {("bartella", SATURDAY), ("bashiqa", SATURDAY)}


@pytest.mark.usefixtures("every_reading")
def test_a_date_after_an_arabic_verb_of_launching_an_indefinite_attack_dates_the_attack(names):
    """"سيطر على تدمر بعد هجوم واسع شنه صباح الخميس" (took Palmyra after a wide attack it launched on Thursday
    morning): a relative clause with no "التي"; Thursday began the attack, the capture is undated."""
    text = "سيطر الجيش السوري على مدينة تدمر بعد هجوم واسع شنه صباح الخميس."
    assert claims(text, names) == {("palmyra", "controlled", "syrian-government", "2017-11-04")}
    text = "سيطر الجيش السوري على مدينة تدمر صباح الخميس بعد هجوم واسع."
    assert claims(text, names) == {("palmyra", "controlled", "syrian-government", "2017-11-02")}
