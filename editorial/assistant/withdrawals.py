"""What a side withdrawing or forced out leaves: the place it left, and to whom.

Its own module because leaving is read apart from taking: a side that withdrew from a place or fled it leaves it to
the side it fights, one forced out leaves it to the subject that forced it, and a side that went in after another
side's withdrawal took a place left to it, where going in would otherwise leave the place contested.
"""
import re

from geo.models import Claim

from .aims import STARTING
from .calibration import GRAMMAR, GUESSED
from .tokens import is_arabic

CONTROLLED = Claim.Status.CONTROLLED
# A side gone in "after the withdrawal of" another ("دخلت القوات المدينة بعد انسحاب المسلحين منها", "moved into Qaraqosh
# overnight following the withdrawal of Kurdish troops") took a place left to it: no one contests it.
_AFTER_WITHDRAWAL = {"بعد انسحاب", "اثر انسحاب", "عقب انسحاب"}
_AFTER_WITHDRAWAL_EN = re.compile(r"(?:after|following) the (?:withdrawal|retreat|pullout|pull-out) of")
# "entered Sinjar after the Peshmerga withdrew": the same, with the withdrawal a verb of its own clause.
_AFTER_WITHDREW = {"after", "once", "as"}
_WITHDREW_VERB = re.compile(r"(?:had )?(?:withdrew|withdrawn|pulled out|retreated|fled|left)\b")
_TOWARDS = {"باتجاه", "الي", "نحو"}  # where an Arabic withdrawal goes
_ELSEWHERE = {"to", "towards", "toward", "into", "in", "near", "for", "outside", "around", "and"}  # not the place left
# An Arabic verb of more than one subject, dual or plural: "انسحبا" (the two withdrew), "انسحبوا", "ينسحبان".
_SEVERAL = re.compile(r"\S+(?:ا|ان|ون)$")
# A second retreat joined by "و" after the place left: "التنظيم ينسحب من الميادين ويتراجع أمام الجيش في ريف حمص" (the
# group withdraws from Mayadin and falls back before the army in the Homs countryside): a side named only after it
# is that retreat's foe, somewhere else, not the side the place was left to.
_ANOTHER_RETREAT = re.compile(r"و(?:[يت]?تراجع|[يت]نسحب|انسحب|[يت]?تقهقر)\S*")


def left_to(sentence, place, subject):
    """Whether an entry's place is followed, within three words (Arabic) or in its clause within eight (English: "moved
    into Qaraqosh and other towns overnight following the withdrawal of"), by "after the withdrawal of" a side other
    than the one going in, or by "after" a side other than it that "withdrew" ("entered Sinjar after the Peshmerga
    withdrew")."""
    norms = sentence.article.norms
    english = not is_arabic(norms[place.first])
    for index in range(place.stop, min(sentence.last, place.stop + (8 if english else 4)) - 1):
        if english and re.search(r"[,;:(]", sentence.article.text[place.end: sentence.article.tokens[index].start]):
            return False  # another clause's withdrawal
        after = _AFTER_WITHDRAWAL_EN.fullmatch(" ".join(norms[index: index + 4])) if english else " ".join(
            norms[index: index + 2]).lstrip("و") in _AFTER_WITHDRAWAL
        if after:
            start = index + (4 if english else 2)
            withdrawn = sentence.player_from(start, start + 2)
            return withdrawn is not None and withdrawn.slug != subject.slug
        if english and norms[index] in _AFTER_WITHDREW:
            withdrawn = sentence.player_from(index + 1, index + 2)
            if withdrawn is not None and _WITHDREW_VERB.match(" ".join(norms[withdrawn.stop: withdrawn.stop + 3])):
                return withdrawn.slug != subject.slug
    return False


def withdrew(sentence, cue, place):
    """The side that withdrew from a place leaves it to the side it fights: "انسحب الجيش من تدمر بعد دخول داعش", "IS
    militants fled the city on Friday"."""
    norms = sentence.article.norms
    between = norms[cue.stop: place.first]
    if is_arabic(cue.text) and ("من" not in between or _TOWARDS.intersection(between)):
        # "انسحبوا باتجاه الرقة" (towards Raqqa), "انسحبوا من منبج إلى جرابلس" (from Manbij to Jarablus): where they
        # went, not what they left
        return None
    if is_arabic(cue.text) and sentence.after_direction(place):
        return None  # "من البوكمال جنوب شرق دير الزور" (south-east of Deir ez-Zor): a landmark, not the place left
    # "pulled out of the disputed oil city of Kirkuk", "the Turkmen towns of Bashir and Taza": the place's own noun
    # phrase, however long
    own_phrase = between[:1] == ["the"] and between[-1:] == ["of"] and between[-2:-1] in (
        ["city"], ["town"], ["village"], ["cities"], ["towns"], ["villages"])
    if not is_arabic(cue.text) and place.first < cue.stop:
        if norms[cue.stop: cue.stop + 2] not in (["the", "city"], ["the", "town"], ["the", "village"]):
            return None  # only "fled the city", read as the place named before
    elif not is_arabic(cue.text) and (_ELSEWHERE.intersection(between) or (len(between) > 4 and not own_phrase)
                                      or "," in sentence.raw_between(cue.stop, place.first)):
        return None  # "withdrew from positions near Tabqa", "retreated from Ain Zala, 80 km from Mosul": not the place left
    if is_arabic(cue.text) and STARTING.intersection(word.lstrip("و") for word in norms[sentence.first: sentence.last]):
        # "انسحبوا من الرطبة مع بدء عملية عسكرية للقوات العراقية لاستعادة المدينة" (withdrew as the Iraqi forces'
        # operation to retake it began): the side only starting to take the place holds it not yet
        return None
    leaving = sentence.subject(cue)
    holder = sentence.adversary(_leaving_camp(sentence, cue, leaving), place) if leaving is not None else None
    if holder is None or (is_arabic(cue.text) and _foe_of_another_retreat(sentence, place, holder)):
        return None
    return CONTROLLED, holder, (), GUESSED, f"'{leaving.text}' withdrew: held by {holder}"


def _foe_of_another_retreat(sentence, place, holder):
    """Whether the side guessed to hold the place is named in its sentence only after a second retreat joined by "و"
    after the place ("ينسحب من الميادين ويتراجع أمام الجيش"): what that retreat faced, not who took the place."""
    norms = sentence.article.norms
    retreat = next((index for index in range(place.stop, sentence.last) if _ANOTHER_RETREAT.fullmatch(norms[index])),
                   None)
    named = [side.first for side in sentence.players if side.slug == holder]
    return retreat is not None and bool(named) and min(named) > retreat


def _leaving_camp(sentence, cue, leaving):
    """The sides that withdrew: the subject, and a side joined to it by "و" before a dual or plural Arabic verb ("اللواء
    الرابع التابع للجيش العراقي وقوات البيشمركة انسحبا", the army's brigade and the Peshmerga withdrew): the place is
    left to a third side, not to either of them."""
    norms = sentence.article.norms
    camp = {leaving.slug}
    if not is_arabic(cue.text) or not _SEVERAL.match(norms[cue.first]) or leaving.stop > cue.first:
        return camp  # a verb put first agrees with its subject in number only when the subject comes before it
    joined = next((side for side in reversed(sentence.players) if side.stop <= leaving.first), None)
    if joined is None:
        return camp
    between = norms[joined.stop: leaving.first]  # at most the head noun "وقوات" (and the forces of)
    conjunction = between[0] if between else norms[leaving.first]
    if len(between) <= 1 and conjunction.startswith("و"):
        camp.add(joined.slug)
    return camp


_NEAR = {"near", "outside", "around"}


def forced_out(sentence, cue, place):
    """"IS attacked Sinjar, forcing Peshmerga units to withdraw": held by the subject, once the place is named before
    the phrase in its sentence and the side forced out is named in the phrase and is another side."""
    if not sentence.first <= place.first < cue.first or sentence.article.norms[place.first - 1] in _NEAR:
        return None  # "attacked positions near Mosul, forcing the army to withdraw": not from Mosul
    leaving, subject = sentence.holder_between(cue), sentence.subject(cue)
    if leaving is None or subject is None or subject.slug == leaving.slug:
        return None
    return CONTROLLED, subject.slug, (), GRAMMAR, f"'{leaving.text}' forced out by {subject.slug} (subject '{subject.text}')"
