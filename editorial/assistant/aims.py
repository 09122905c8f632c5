"""Whether an Arabic noun of taking reports a taking, or only an aim, an operation begun or a prospect; and who
holds a place an attempt is made on.

Its own module because Arabic names an effort with the same verbal noun as its outcome ("تحرير", liberating):
what tells them apart is the words around the noun (an operation's name, the lām of purpose, "بهدف", a future
verb after "إن"), read apart from the English intentions and the phrase rules that find the noun. An effort, once
read as one, leaves the place with its defender (`attempt`); fighting waged for it leaves it contested
(`fought_for`).
"""
import re

from geo.models import Claim

from .calibration import GRAMMAR, GUESSED
from .tokens import is_arabic

CONTROLLED, CONTESTED = Claim.Status.CONTROLLED, Claim.Status.CONTESTED

# "advance toward", "closing in on", "marched on", "edging closer to": a movement, not an attempt on a holder
_MOVEMENT = re.compile(r"advanc|closing in|march|edg")
# "an offensive on Tal Abyad": the target of an offensive, which may be taken already, where "an offensive to retake
# it" names an aim not yet reached; as a movement, only a side it is taken from says who holds it
_TARGET = re.compile(r"offensive (?:on|toward)")
# Words that say an English operation reached its aim: "successful urban operations to recapture", "completed the
# operation to recapture"; not a part of it done ("completed the first phase of the campaign to retake").
_AIM_REACHED = {"successful", "completed", "concluded", "finished"}
_A_PART = {"of", "phase", "stage", "part"}
# liberating, regaining, control, restoring, wresting, recovering
TAKING_NOUNS = ("تحرير", "استعاده", "السيطره", "اعاده", "انتزاع", "استرداد", "استرجاع")
# "حررت العوائل" (freed the families), "تحرير المختطفين" (freeing the abducted): people freed, not a place taken
PEOPLE_FREED = r"(?!\S)(?! (?:\S+ )?(?:ال)?(?:عوايل|عايلات|عايله|مدنيين|رهاين|مختطفين|محتجزين|اسري|سكان|اهالي)(?!\S))"
# An Arabic future: "سوف", or "سـ" before an imperfect ("سيمهد", "ستكون"), not "سيطرة", "سيارات", "سياسي", "ستين".
FUTURE = re.compile(r"[وف]?(?:سوف|س[يت](?!طر|ار|اس|ين)\S{2,})$")
# "عمليات تحرير", "معارك تحرير", "مرحلة تحرير" (operations, battles, a phase)
OPERATION = {"عمليات", "عمليه", "معركه", "معارك", "حمله", "مرحله"}
# Nouns of going in: joined by "و" to a taking noun that is only an aim, an aim too.
ENTERING_NOUNS = ("اقتحام", "دخول")
# Arabic words of purpose: a taking noun they govern, or one joined to it by "و", is an aim ("بهدف تضييق الخناق
# على الرقة وتحرير الريف", aiming to tighten the noose on Raqqa and liberate the countryside; "في سبيل انتزاع
# السيطرة على", in pursuit of wresting control of; "من أجل تحرير", in order to liberate).
PURPOSE = {"بهدف", "بغيه", "سعيا", "لاجل", "اجل", "سبيل", "تهدف", "يهدف", "الهادفه", "الراميه", "تمهيدا", "تسعي", "يسعي"}
# A taking noun in "ة" with a pronoun, which writes it "ت" ("تسعى إلى بسط سيطرتها على المدينة", seeks to extend its
# control over the city; "بهدف استعادتها", aiming to regain it): an aim under a word of purpose, as the bare noun is.
_POSSESSED_CONTROL = re.compile(r"[وف]?(?:سيطرت|استعادت|اعادت)(?:ها|ه|هم)$")
# Words of starting before a taking noun: "تبدأ تحرير هيت" (begins liberating Hit), "انطلاق تحرير": an operation begun.
STARTING = {"بدء", "بدا", "بدات", "تبدا", "يبدا", "نبدا", "انطلاق", "انطلقت", "شرعت", "شرع", "تشرع", "يشرع"}
# Verbs of completing before an operation's name: "أكملت القوات عملية تحرير الشرقاط" (completed the operation).
COMPLETING = {"اكملت", "اكمل", "استكملت", "استكمل", "انهت", "انهي", "اتمت", "اتم", "انجزت", "انجز", "اختتمت"}

# Words of nearness before a taking noun: "قريبة من تحرير" (close to liberating), "على وشك السيطرة" (on the verge of
# control); a noun of completing may stand between ("قريبة من إنجاز تحرير", close to completing the liberation).
_NEAR = {"قريب", "قريبه", "قريبون", "قريبين", "اقتربت", "اقترب", "تقترب", "يقترب"}
_COMPLETING_NOUNS = {"انجاز", "اكمال", "استكمال", "اتمام", "اعلان"}
# Time said to separate a side from a taking: "ساعات تفصل عن إعلان تحرير الشرقاط" (hours from announcing it).
_SEPARATING = {"تفصل", "يفصل", "تفصلنا", "يفصلنا", "تفصلها", "تفصلهم"}
# A word of going toward a taking: "خطوة نحو تحرير الموصل" (a step toward liberating Mosul): where a side heads, not
# where it is. "حتى" (until) is not one: "استمرت المعارك حتى تحرير المدينة" (until the city was freed) tells it done.
_TOWARD = {"نحو"}
# The noun of an attempt, with its agent and "في" or the lām between it and the taking noun it governs ("محاولات
# الجيش في استعادتها", the army's attempts at retaking it; "محاولة القوات لاستعادة"): an effort, whatever came of it.
_ATTEMPT = re.compile(r"[وف]?[بل]?محاول(?:ه|ات|ت)\S*$")
# Words of demanding or calling on a side, governing the taking noun by "ب", "إلى" or "على": "طالب القوات الأمنية
# باستعادة كامل القضاء" (demanded the forces regain the whole district), "دعا الجيش إلى تحرير" (called on the army to
# liberate): a wish, whatever the side then did.
_DEMANDING = {"طالب", "يطالب", "طالبت", "تطالب", "طالبوا", "يطالبون", "مطالبا", "مطالبه", "مطالبات", "دعا", "دعت",
              "دعوا", "يدعو", "تدعو", "يدعون", "داعيا", "دعوه", "دعوات", "حث", "حثت", "حثوا", "يحث", "تحث", "ناشد",
              "ناشدت", "ناشدوا", "يناشد", "تناشد", "مناشده"}
# Nouns a side is called on to do, beyond the taking nouns: "دعوا إلى التحرك لفك الحصار وتطهير القرية" (called for a
# move to break the siege and cleanse the village); the cleansing, joined by "و" to the call, is asked for too.
_ASKED_NOUNS = TAKING_NOUNS + ("سيطره", "تطهير")
# A noun of fighting waged, a few words (its adjective, a time) before a taking noun under the lām of purpose:
# "خاضوا قتالا لاستعادة البلدة" (waged fighting to retake the town), "تدور معارك لتحرير المدينة" (battles go on to
# free it): fighting is going on for the place (fought_for). Not an attack launched ("شن هجوما لاستعادة"), which
# may still be on the way to the town, nor the verb "تقاتل لاستعادة" (fights to retake), an attempt as the English
# "fighting to retake" is.
FIGHTING_FOR = (r"(?<!\S)[وف]?(?:ال)?(?:قتالا?|معارك)"
                r"(?: (?!(?:من|بعد|قبل|في|علي|عن|الي)(?!\S))\S+){0,3}? [وف]?ل(?:استعاده|تحرير|انتزاع|طرد)(?!\S)")


def operation_begun(article, first, cue_first, text):
    """Whether an Arabic taking noun names an operation or its start ("عمليات تحرير الحويجة", "عملية استعادة
    السيطرة على عنه", "تبدأ تحرير هيت"), or is the aim of an effort, its noun governed by the lām of purpose
    ("تقاتل لاستعادة السيطرة على هيت", fights to regain control of Hit) or what it goes toward ("خطوة نحو تحرير"), or
    joined by "و" to another such aim."""
    if not text.lstrip("وف").startswith(TAKING_NOUNS):
        return False
    index = _before_nouns(article, first, cue_first)
    if index >= first and article.norms[index] in _TOWARD:
        return True
    if index >= first and _purpose_lam(article.norms[index]):
        return True
    if text.startswith("و") and any(word.startswith("لل") and len(word) > 5 for word in article.norms[max(first, cue_first - 6): cue_first]):
        return True  # joined by "و" to a noun under the lām of purpose: "تتقدم للوصول الى وسط المدينه وتحريرها"
    if any(word.lstrip("وف") in COMPLETING for word in article.norms[max(first, index - 5): index]):
        return False  # "اكملت القوات بعد ظهر اليوم عملية تحرير الشرقاط": the operation done, the place taken
    return index >= first and article.norms[index].lstrip("ول") in OPERATION | STARTING


def _before_nouns(article, first, cue_first):
    """The token before the taking nouns that end at the phrase ("عملية استعادة السيطرة": "عملية"), back to `first`."""
    index = cue_first - 1
    while index > first and article.norms[index].startswith(TAKING_NOUNS):
        index -= 1
    return index


def _purpose_lam(norm):
    """Whether a word is a taking noun under the lām of purpose: "لاستعاده", "لتحرير", "وللسيطره"."""
    word = norm.lstrip("وف")
    return word.startswith("ل") and (word[1:].startswith(TAKING_NOUNS) or word[1:].startswith("لسيطره"))


def _told_as_future(article, first, cue_first, text):
    """Whether an Arabic taking noun opens a clause after "إن" whose verb is a future ("إن استعادة السيطرة على الفلوجة
    سيمهد الطريق", retaking Fallujah will pave the way), or governed by "من شأن" ("ومن شأن استعادة القوات للمدينة أن
    تمنحها", retaking the city would give them): a prospect, not a report that it was taken."""
    index = _before_nouns(article, first, cue_first)
    if index > first and article.norms[index] == "شان" and article.norms[index - 1].lstrip("و") == "من":
        return True
    if index < first or article.norms[index] != "ان":
        return False
    stop = cue_first + len(text.split())
    return any(FUTURE.match(word) for word in article.norms[stop: stop + 5])


def _near(article, first, cue_first):
    """Whether an Arabic taking noun is what a side is close to ("القوات قريبة من إنجاز تحرير القيارة", "على وشك
    السيطرة على المدينة", "ساعات تفصل عن إعلان تحرير القضاء"): a prospect, not done."""
    norms = article.norms
    index = _before_nouns(article, first, cue_first)
    if index > first and norms[index] in _COMPLETING_NOUNS:
        index -= 1
    return index >= first and (norms[index] == "وشك" or (
        index > first and norms[index] == "من" and norms[index - 1].lstrip("و") in _NEAR) or (
        index > first and norms[index] == "عن" and norms[index - 1].lstrip("و") in _SEPARATING))


def _demanded(article, first, cue_first, text):
    """Whether an Arabic taking noun is what a side is asked to do ("طالب القوات باستعادة", "دعا الجيش إلى تحرير"),
    or joined by "و" to what it is asked to do ("دعوا إلى التحرك لفك الحصار وتطهير القرية")."""
    norms, word = article.norms, text.lstrip("وف")
    if word.startswith("ب") and word[1:].startswith(_ASKED_NOUNS):
        call = cue_first
    elif word.startswith(_ASKED_NOUNS):
        reach = 4 if text.startswith("و") else 1
        call = next((index for index in range(cue_first - 1, max(first, cue_first - reach) - 1, -1)
                     if norms[index] in ("الي", "علي")), None)
    else:
        return False
    # the addressee and a date aside may stand between the word of demanding and its preposition
    return call is not None and any(norm.lstrip("وف") in _DEMANDING for norm in norms[max(first, call - 12): call])


def arabic_aim(article, first, cue_first, text):
    """Whether an Arabic taking noun is the name or start of an operation ("عمليات تحرير الحويجة", "عملية استعادة
    السيطرة على عنه", "تبدأ تحرير هيت"), an aim ("بهدف", "في سبيل"), an attempt ("محاولات"), a demand ("طالب ...
    باستعادة") or a prospect ("قريبة من"): not its outcome."""
    if text.startswith("و") and text[1:].startswith(ENTERING_NOUNS) and cue_first > first:
        # "عملية تحرير واقتحام بيجي" (the operation to liberate and storm Baiji): the storming is the aim too
        before = article.norms[cue_first - 1]
        return before.startswith(TAKING_NOUNS) and arabic_aim(article, first, cue_first - 1, before)
    attempted = any(_ATTEMPT.match(word) for word in article.norms[max(first, cue_first - 4): cue_first])
    if text.lstrip("وف").startswith(ENTERING_NOUNS):
        return attempted  # "تصدى مسلحو داعش لمحاولة اقتحام" (repelled an attempt to storm): no side went in
    if _demanded(article, first, cue_first, text):
        return True
    if not (text.lstrip("وف").startswith(TAKING_NOUNS) or _POSSESSED_CONTROL.match(text)):
        return False
    return (operation_begun(article, first, cue_first, text)
            or bool(PURPOSE.intersection(article.norms[max(first, cue_first - 8): cue_first]))
            or _told_as_future(article, first, cue_first, text) or _near(article, first, cue_first) or attempted)


def attempt(sentence, cue, place):
    """"X is racing to take Y": Y stays with its defender, the side it is to be taken "from" or the other
    side the article names most. With no attacker named ("the operation to liberate Y") the defender is
    unknown, and a guess could name the attacker: nothing is proposed. A movement ("advance toward Y",
    "closing in on Y") or a target ("an offensive on Y") says where a side goes, not who holds Y: only a side it is
    taken from is read."""
    attacker = sentence.subject(cue)
    if attacker is None or _achieved(sentence, cue):
        return None
    loser = sentence.loser(cue, place)
    if (_MOVEMENT.match(cue.text) or _TARGET.match(cue.text)) and loser is None:
        return None
    # the sentence's other sides of the attacker's camp fight with it ("Iraqi army, tribal and Shiite units"); one of
    # the other camp is the defender ("لطرد تنظيم داعش من معاقله", to drive Daesh from its strongholds)
    insurgent = sentence.article.gazetteer.is_insurgent
    camp = {attacker.slug} | {side for side in sentence.sides if insurgent(side) == insurgent(attacker.slug)}
    holder = loser.slug if loser is not None and loser.slug != attacker.slug else sentence.adversary(camp, place)
    if holder is None or holder == attacker.slug:
        return None
    if loser is None and is_arabic(cue.text) and not sentence.article.gazetteer.is_insurgent(holder):
        return None  # "انطلاق عملية تحرير تلعفر": an operation against the insurgents, not against an ally named more
    if loser is not None and loser.slug == holder:  # "to retake Hit from IS": the sentence names who holds it
        return (CONTROLLED, holder, (), GRAMMAR,
                f"'{attacker.text}' still trying to take it from {holder} ('{loser.text}')")
    return (CONTROLLED, holder, (), GUESSED,
            f"'{attacker.text}' still trying to take it, so held by the other side: {holder}")


def _achieved(sentence, cue):
    """Whether up to three words before an English effort say it reached its aim ("all previous successful urban
    operations to recapture cities", "completed the operation to recapture Fallujah"): the place was taken, so it
    does not stay with its defender; a part of the effort done ("completed the first phase of") stops the search."""
    for norm in reversed(sentence.article.norms[max(sentence.first, cue.first - 3): cue.first]):
        if norm in _A_PART:
            return False
        if norm in _AIM_REACHED:
            return True
    return False


def fought_for(sentence, cue, place):
    """"خاض المقاتلون قتالا لاستعادة البلدة من داعش" (fought to retake the town from Daesh): fighting for a place leaves
    it contested between the side that fights, with the allies fighting beside it, and the side it is to be taken
    from, or else the other camp's side the article names most. With no attacker named nothing is proposed."""
    attacker = sentence.subject(cue)
    if attacker is None:
        return None
    insurgent = sentence.article.gazetteer.is_insurgent
    camp = {attacker.slug} | {side for side in sentence.sides if insurgent(side) == insurgent(attacker.slug)}
    loser = sentence.loser(cue, place)
    defender = loser.slug if loser is not None and loser.slug not in camp else sentence.adversary(camp, place)
    if defender is None or defender in camp:
        return None
    sides = tuple(sorted({attacker.slug, defender, *sentence.joined_sides(attacker, cue, place)}))
    named = loser is not None and loser.slug == defender
    return (CONTESTED, None, sides, GRAMMAR if named else GUESSED,
            f"'{attacker.text}' fights to take it from {defender}: contested between {', '.join(sides)}")
