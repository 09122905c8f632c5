"""Arabic aims: a noun of taking that names an effort, an aim or a prospect, not a taking done; an attempt's
defender."""
import pytest

from conftest import SATURDAY, claims
from editorial.assistant import propose
from editorial.assistant.article import Article
from editorial.assistant.rules import find_cues

IS, IQ = "islamic-state", "iraqi-government"


def kinds(text, names):
    article = Article(text, names)
    return [(cue.kind, cue.text) for first, stop in article.sentences for cue in find_cues(article, first, stop)]


@pytest.mark.parametrize("text, expected", [
    # "في سبيل" (in pursuit of) makes the taking an aim, as "بهدف" does
    ("تقاتل الفصائل في سبيل انتزاع السيطرة على منبج", []),
    ("تقاتل الفصائل بهدف انتزاع السيطرة على منبج", []),
    ("تقاتل الفصائل من أجل انتزاع السيطرة على منبج", []),  # "من أجل" (in order to)
    # a taking noun after "إن" whose verb is a future is a prospect ("retaking Raqqa will open the road"); a past
    # verb reports it
    ("قال القائد إن استعادة السيطرة على الرقة ستفتح الطريق إلى دير الزور", []),
    ("قال القائد إن تحرير الرقة سوف يضعف التنظيم", []),
    ("قال القائد إن تحرير الرقة جاء بعد أشهر من المعارك", [("noun", "تحرير")]),
    # "من شأن" (it would, by its nature) makes the taking a prospect: "retaking Raqqa would weaken the group"
    ("ومن شأن استعادة القوات للرقة أن تضعف التنظيم", []),
    # "تسعى إلى" (seeks to) makes control an aim, with its holder's pronoun too; announced, it is a taking
    ("تسعى قسد إلى بسط سيطرتها على كامل مدينة الرقة", []),
    ("أعلنت قسد سيطرتها على كامل مدينة الرقة", [("capture", "سيطرتها")]),
    ("بدأ الجيش عملية بهدف استعادتها من التنظيم", []),
    # the noun of an attempt governs the taking noun after its agent and "في": an effort, not a taking
    ("فشلت كل محاولات القوات في استعادتها من التنظيم", []),
    ("باءت محاولات التنظيم في السيطرة على تلعفر بالفشل", []),
    # an operation begun is an attempt, one completed a taking
    ("بدأت القوات عملية تحرير الرقة", [("attempt", "تحرير")]),
    # and so are the battles of taking it ("قتلوا في معارك تحرير القرية", killed in the battles to liberate the village)
    ("قتل عشرات المسلحين في معارك تحرير الرقة", [("attempt", "تحرير")]),
    # and so is a phase of it ("أعلن الجيش بدء مرحلة تحرير", the army announced the phase of liberating began)
    ("أعلن الجيش بدء مرحلة تحرير مدينة الرقة", [("attempt", "تحرير")]),
    # what a side is close to, with or without a noun of completing, is a prospect
    ("قال الضابط إن القوات قريبة من إنجاز تحرير مدينة الرقة", []),
    ("قال الضابط إن قسد باتت على وشك السيطرة على مدينة الرقة", []),
    ("قال الضابط إن القوات أنجزت تحرير مدينة الرقة", [("noun", "تحرير")]),
])
def test_an_arabic_taking_noun_of_an_aim_or_a_prospect_is_no_taking(text, expected, names):
    assert kinds(text, names) == expected


def test_an_arabic_storming_joined_to_an_operation_of_taking_is_its_aim_too(names):
    # "the army announced the start of the operation to liberate and storm Raqqa from Daesh": no one went in yet
    text = "أعلن الجيش السوري الجمعة انطلاق عملية تحرير واقتحام مدينة الرقة من داعش"
    assert [(p.place, p.status) for p in propose(text, SATURDAY, names)] == []
    text = "أعلن الجيش السوري الجمعة تحرير مدينة الرقة بعد اقتحامها"  # a taking reported, not an aim
    assert [(p.place, p.status) for p in propose(text, SATURDAY, names)] == [("raqqa", "controlled")]


def test_an_arabic_taking_a_side_goes_toward_is_an_aim(names, every_reading):
    # "the president called the Peshmerga's liberation of Bashiqa a step toward liberating Mosul": Mosul not freed
    text = "ووصف الرئيس تحرير البيشمركة يوم الاثنين ناحية بعشيقة بأنه خطوة كبرى نحو تحرير الموصل"
    assert [(p.place, p.status, p.holder) for p in propose(text, SATURDAY, names)
            if p.place == "mosul" and p.holder != IS] == []
    # "the SDF said the battle is a step toward the liberation of Manbij": an effort, leaving Manbij with its defender
    assert kinds("قالت قسد إن المعركة خطوة نحو تحرير منبج", names) == [("attempt", "تحرير")]
    assert kinds("أكدت قسد تحرير منبج", names) == [("noun", "تحرير")]


def test_an_arabic_storming_governed_by_a_noun_of_attempt_is_no_going_in(names):
    # "the Syrian army advances west of the city, while Daesh fighters repelled an attempt to storm Manbij from the
    # south": no side went in, Daesh least of all
    text = "ويتقدم الجيش السوري غرب المدينة، فيما تصدى مسلحو داعش لمحاولة اقتحام من الجهة الجنوبية لمنبج."
    assert [(p.place, p.status) for p in propose(text, SATURDAY, names)] == []


def test_an_arabic_taking_hours_away_is_a_prospect(names, every_reading):
    # "the mayor said that days separate the forces from announcing the liberation of Baiji": not liberated yet
    text = "وقال الجيش العراقي يوم الجمعة إن أياماً تفصل عن إعلان تحرير قضاء بيجي من داعش"
    assert [(p.place, p.status) for p in propose(text, SATURDAY, names)] == []
    text = "وأعلن الجيش العراقي يوم الجمعة تحرير قضاء بيجي من داعش"  # the liberation announced: taken
    assert [(p.place, p.status) for p in propose(text, SATURDAY, names)] == [("baiji", "controlled")]


def test_an_arabic_taking_a_side_is_called_on_to_do_is_a_wish(names, every_reading):
    # "the governor demanded on Friday that the army regain the whole of Baiji district": not regained yet
    text = "وطالب المحافظ يوم الجمعة الجيش العراقي باستعادة كامل قضاء بيجي من داعش"
    assert [(p.place, p.status) for p in propose(text, SATURDAY, names)] == []
    text = "ودعا المحافظ يوم الجمعة الجيش العراقي إلى تحرير قضاء بيجي من داعش"  # "called on the army to liberate"
    assert [(p.place, p.status) for p in propose(text, SATURDAY, names)] == []
    # "the elders called on the Iraqi army, on Thursday (2 November), to move to break the siege and cleanse Baiji":
    # the cleansing, joined to the call, is asked for too
    text = ("ودعا وجهاء المدينة، يوم الخميس (الثاني من تشرين الثاني)، الجيش العراقي"
            " إلى التحرك لفك الحصار وتطهير بيجي من داعش")
    assert [(p.place, p.status) for p in propose(text, SATURDAY, names) if p.status == "controlled"] == []
    text = "وأشاد المحافظ يوم الجمعة باستعادة الجيش العراقي قضاء بيجي من داعش"  # "praised the regaining": done
    assert [(p.place, p.status) for p in propose(text, SATURDAY, names)] == [("baiji", "controlled")]


@pytest.mark.usefixtures("every_reading")  # what the phrase reads, under any threshold
def test_an_arabic_attempt_names_the_side_the_place_is_to_be_taken_from(names):
    # "fighting to regain control of Rutba, in Anbar province in the west, from Daesh's gunmen": Daesh holds it,
    # read from the sentence, however far the place's location stands between
    text = "تقاتل القوات العراقية لاستعادة السيطرة على مدينة الرطبة في محافظة الأنبار غرب البلاد من مسلحي تنظيم داعش"
    [made] = propose(text, SATURDAY, names)
    assert (made.place, made.status, made.holder) == ("rutba", "controlled", IS)
    assert made.reading == "holder read from the grammar"


@pytest.mark.usefixtures("every_reading")  # what the phrase reads, under any threshold
def test_an_attempts_defender_may_be_named_in_its_sentence_but_not_an_ally(names):
    # "began the operation to regain control of Rutba, to drive Daesh from its strongholds": Daesh, named in the
    # sentence, is the defender left with the town
    text = "بدأت القوات العراقية عملية استعادة السيطرة على مدينة الرطبة لطرد تنظيم داعش من معاقله"
    made = propose(text, SATURDAY, names)
    assert [(p.place, p.holder) for p in made] == [("rutba", IS)]
    # the army's allies in the sentence are not the defender: IS, named more in the article, is
    text = ("IS fighters dug in around Tal Afar. IS snipers shot at troops.\n\n"
            "The Iraqi army, backed by the PMF, is racing to take Tal Afar.")
    assert ("tal-afar", "controlled", IS, "2017-11-04") in claims(text, names)


@pytest.mark.parametrize("text, expected", [
    # an operation said successful took the towns it aimed at: none stays with its defender
    ("The Counter Terrorism Services (CTS) have spearheaded all previous successful urban operations to recapture "
     "cities from ISIS in 2015, such as Qayyarah and Ramadi.", set()),
    ("The Counter Terrorism Services (CTS) have spearheaded all previous urban operations to recapture cities from "
     "ISIS in 2015, such as Qayyarah and Ramadi.",
     {("qayyarah", "controlled", IS, "2015-01-01"), ("ramadi", "controlled", IS, "2015-01-01")}),
    # a phase of it completed leaves the rest an effort, the town with its defender
    ("Iraqi forces completed the first phase of the operation to recapture Qayyarah from ISIS on Friday.",
     {("qayyarah", "controlled", IS, "2017-11-03")}),
])
def test_an_english_operation_said_successful_leaves_no_defender(text, expected, names):
    assert claims(text, names) == expected


@pytest.mark.parametrize("text, expected", [
    # the target of an offensive may be taken already: no defender guessed
    ("IS fighters killed five soldiers near Homs. Syrian army soldiers also launched an offensive on the ancient city "
     "of Palmyra on Sunday.", set()),
    # a side it is taken from still names who holds it
    ("Syrian army soldiers launched an offensive on Palmyra from IS on Sunday.",
     {("palmyra", "controlled", IS, "2017-10-29")}),
    # an offensive to retake it names an aim not reached: the other side holds it
    ("IS fighters killed five soldiers near Baghdad. Iraqi forces began an offensive to retake Ramadi on Friday.",
     {("ramadi", "controlled", IS, "2017-11-03")}),
])
def test_an_offensive_on_a_town_names_its_target_not_its_holder(text, expected, names, every_reading):
    assert claims(text, names) == expected


@pytest.mark.parametrize("text, expected", [
    # fighting waged to retake a town from a side named: contested between the fighters and that side
    ("خاضت قوات البشمركة الجمعة قتالا عنيفا لاستعادة بلدة سنجار من مسلحي تنظيم داعش",
     {("sinjar", "contested", ("islamic-state", "peshmerga"), "2017-11-03")}),
    # battles to free it, the side named by the article: the other camp's side
    ("تخوض القوات العراقية الخميس معارك لتحرير مدينة هيت من تنظيم الدولة",
     {("hit", "contested", (IQ, IS), "2017-11-02")}),
    # an attack launched to retake it may still be on the way to the town: not read as fighting for it
    ("شنت القوات العراقية الخميس هجوما لاستعادة مدينة هيت من تنظيم داعش", set()),
])
def test_arabic_fighting_waged_to_take_a_town_leaves_it_contested(text, expected, names, every_reading):
    assert claims(text, names) == expected
