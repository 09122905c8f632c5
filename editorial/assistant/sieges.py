"""What a phrase of siege asserts: who is besieged, by whom, and whether a siege broken or nearly broken stands.

Its own module because a siege names two sides in opposite roles, where every other phrase names a holder or the
sides fighting: "besieged by X" names the besieger, so the place is held by X's adversary; "قوات الجيش المحاصرة في
X" and "IS fighters encircled in Tabqa" name the besieged; "broke the siege" relieves a town for the breakers' side
and leaves a city contested between the breakers and the besiegers, and "close to breaking" or "لفك الحصار" (to
break it) leaves the siege standing; "لمحاصرة" (to besiege) and "المدنيين المحاصرين" (trapped civilians) besiege no
side. roles.assertion calls it.
"""
import re

from geo.models import Claim

from .aims import OPERATION, PURPOSE, STARTING
from .calibration import SIEGE
from .rules import PASSIVE_AUX, SIEGE_VERB
from .tokens import is_arabic

CONTESTED, BESIEGED, CONTROLLED = Claim.Status.CONTESTED, Claim.Status.BESIEGED, Claim.Status.CONTROLLED
# Places a siege rings whole: breaking it relieves the place for the side it shut in, the breakers' side ("فك الحصار عن
# ناحية آمرلي"); a city's siege rings an enclave of it ("broke the siege of the government enclave of Deir ez-Zor"),
# the rest held by the besiegers, so the city stays contested.
_WHOLLY_BESIEGED = {"town", "village"}
_DETERMINERS = {"the", "a", "an", "its", "their", "this"}
_LOCATIVE = {"in", "inside", "at"}  # after a participle of siege with no object: "encircled in Tabqa" is passive
_THAT = {"that", "ان"}  # what opens a reported clause: "said that", "أفادت ... أن"
_ENCLAVES = {"enclave", "enclaves", "pocket", "pockets"}  # a side's enclave besieged is the side besieged
# An Arabic noun of breaking a siege under the lām of purpose: "لفك حصار", "لكسر الحصار", "لتفكيك الحصار".
_BREAKING_UNDER_LAM = re.compile(r"[وف]?ل(?:فك|كسر|تفكيك)\S*$")
# An Arabic verbal noun of besieging under the lām of purpose ("محاولات من قوات الجيش لمحاصرة عناصر التنظيم",
# attempts by the army to besiege the group's fighters): an aim. Not "لحصار" ("خاضع لحصار داعش", subject to a siege).
_BESIEGING_UNDER_LAM = re.compile(r"[وف]?ل(?:محاصره|تطويق)$")
# Civilians a passive participle of siege describes ("المدنيين المحاصرين في راوة", the civilians trapped in Rawa).
_CIVILIANS = re.compile(r"[وف]?(?:ال)?(?:مدنيين|مدنيون|سكان|اهالي|عوايل|عايلات)$")


def _breaker_and_besieger(sentence, cue, place):
    """(the side breaking a siege, the besieger's slug), or None: the besieger is the side named with the siege ("the
    siege imposed by X", "حصار داعش") unless it is the breaker, or else the breaker's adversary there."""
    breaker = sentence.subject(cue)
    if breaker is None:
        return None
    besieger = sentence.holder_between(cue) or sentence.agent_after(cue)
    besieger_slug = besieger.slug if besieger and besieger.slug != breaker.slug else sentence.adversary({breaker.slug}, place)
    return None if besieger_slug is None else (breaker, besieger_slug)


def siege_broken(sentence, cue, place):
    if breaking_aimed(sentence, cue):
        return siege_stands(sentence, cue, place)
    sides = _breaker_and_besieger(sentence, cue, place)
    if sides is None:
        return None
    breaker, besieger_slug = sides
    if sentence.article.gazetteer.place_kinds.get(place.slug) in _WHOLLY_BESIEGED:
        return (CONTROLLED, breaker.slug, (), SIEGE,
                f"siege by {besieger_slug} broken by {breaker.slug}: the town is relieved, held by its side")
    return (CONTESTED, None, tuple(sorted({breaker.slug, besieger_slug})), SIEGE,
            f"siege by {besieger_slug} broken by {breaker.slug}: the place stays contested between them")


def breaking_aimed(sentence, cue):
    """Whether an Arabic break of a siege is only what a side sets out to do: its noun under the lām of purpose ("شنت
    القوات عملية كبيرة لفك حصار البلدة", launched an operation to break the town's siege), or naming an operation, its
    start or a purpose ("عمليات فك الحصار انطلقت", the operations to break it began): the siege still stands."""
    norms = sentence.article.norms
    if not is_arabic(cue.text):
        return False
    before = norms[cue.first - 1].lstrip("و") if cue.first > sentence.first else ""
    return _BREAKING_UNDER_LAM.match(norms[cue.first]) is not None or before in OPERATION | STARTING | PURPOSE


def siege_stands(sentence, cue, place):
    """"close to breaking the siege imposed by X": the breakers still hold the place, X still besieges it."""
    sides = _breaker_and_besieger(sentence, cue, place)
    if sides is None:
        return None
    holder, besieger_slug = sides
    return (BESIEGED, holder.slug, (besieger_slug,), SIEGE,
            f"{holder.slug} not yet through: still held by {holder.slug}, besieged by {besieger_slug}")


def siege(sentence, cue, place):
    """"besieged by X" and "the siege of ... by X" name the besieger after the phrase; "X surrounded the
    army's enclave" names it as the subject, and the side whose enclave it is as the besieged."""
    if _besieges_no_side(sentence, cue):
        return None
    besieged = _besieged_side(sentence, cue) or _besieged_named(sentence, cue)
    if besieged is not None:  # "قوات الجيش المحاصرة في دير الزور": the side the participle describes is the besieged
        besieger = sentence.agent_after(cue)
        besieger_slug = besieger.slug if besieger and besieger.slug != besieged.slug else sentence.adversary(
            {besieged.slug}, place)
        if besieger_slug is None:
            return None
        return (BESIEGED, besieged.slug, (besieger_slug,), SIEGE,
                f"held by {besieged.slug} ('{besieged.text}' besieged), besieged by {besieger_slug}")
    owner = None
    if cue.direction == "before":
        besieger = sentence.agent_after(cue)
    elif SIEGE_VERB.match(cue.text) and sentence.article.norms[cue.first - 1] in _DETERMINERS:
        held = _held_after(sentence, cue)
        if held is not None:  # "the besieged IS-held city": the side holding it is the besieged
            besieger_slug = sentence.adversary({held.slug}, place)
            return None if besieger_slug is None else (
                BESIEGED, held.slug, (besieger_slug,), SIEGE, f"held by {held.slug}, besieged by {besieger_slug}")
        besieger = sentence.agent_after(cue)  # "entered the besieged town": an adjective, its besieger after "by"
    elif SIEGE_VERB.match(cue.text):
        besieger = sentence.subject(cue)
        owner = sentence.player_from(cue.stop, cue.stop + 1)
        owner = owner if owner is not None and (owner.first == cue.stop or sentence.article.norms[cue.stop] == "the") else None
    else:
        besieger = sentence.holder_between(cue) or sentence.agent_after(cue) or sentence.subject(cue)
    if besieger is None:
        return None
    # The besieger's allies named with it ("Iraqi army ... and Shiite militias surrounded Tikrit") are not the
    # besieged; sides named before "that" are another clause's ("الاشتباكات بين التنظيم والفصائل الكردية مستمرة،
    # وأن داعش تحاصر").
    norms = sentence.article.norms
    clause = max((i for i in range(sentence.first, cue.first) if norms[i].lstrip("و") in _THAT),
                 default=sentence.first)
    allies = {besieger.slug} | {s.slug for s in sentence.subjects if clause <= s.first < cue.first}
    holder = owner.slug if owner is not None and owner.slug != besieger.slug else sentence.adversary(allies, place)
    if holder is None:
        return None
    return BESIEGED, holder, (besieger.slug,), SIEGE, f"held by {holder}, besieged by {besieger.slug}"


def _besieges_no_side(sentence, cue):
    """Whether an Arabic phrase of siege says no side is besieged: a siege only aimed at, under the lām of purpose, or
    civilians described as trapped ("يبقى آلاف المدنيين محاصرين في الجانب الشرقي"), which names neither side."""
    norms = sentence.article.norms
    if not is_arabic(cue.text):
        return False
    if _BESIEGING_UNDER_LAM.match(norms[cue.first]):
        return True
    trapped = norms[cue.first].lstrip("و").startswith(("محاصر", "المحاصر"))
    return trapped and cue.first > sentence.first and _CIVILIANS.match(norms[cue.first - 1]) is not None


def relieved(sentence, side):
    """Whether the sentence has another side besiege the place `side` goes into ("entered Amerli, besieged by IS for two
    months"): going in relieves the town, it does not contest it."""
    return any(c.kind == "siege" and (besieger := sentence.agent_after(c)) is not None and besieger.slug != side.slug
               for c in sentence.cues)


def _held_after(sentence, cue):
    """The side of a "-held" adjective right after the adjective of siege ("the besieged Islamic State-held city"): it
    holds the place, so it is the besieged, not the besieger the words after "besieged" otherwise name."""
    held = next((c for c in sentence.cues if c.kind == "held_adj" and cue.stop <= c.first <= cue.stop + 3), None)
    return None if held is None else sentence.holder_of(held)


def _besieged_named(sentence, cue):
    """The English side a phrase of siege names as besieged: the subject of a passive participle with no object,
    a place after it ("IS fighters (were) encircled in Tabqa"), or the side right after "siege of" or
    "encirclement of" ("the encirclement of IS fighters inside Tabqa"), or the subject of a passive in its own
    clause ("IS fighters in Hawija have been encircled by ..."), or the side whose enclaves a passive says
    besieged ("government enclaves were besieged by IS"); the besieger is then another side."""
    norms = sentence.article.norms
    if is_arabic(cue.text) or cue.stop >= len(norms):
        return None
    if cue.text.endswith(" of"):
        side = sentence.player_from(cue.stop, cue.stop + 1)
        return side if side is not None and (side.first == cue.stop or norms[cue.stop] == "the") else None
    if SIEGE_VERB.match(cue.text) and cue.text.endswith("ed") and norms[cue.stop] in _LOCATIVE:
        return sentence.subject(cue)
    if cue.direction == "before" and cue.first > sentence.first and norms[cue.first - 1] in PASSIVE_AUX:
        # "IS fighters in Hawija have been encircled ... by Iraqi forces": the passive's subject is the besieged, when
        # no comma or relative pronoun opens another clause between them ("Amerli, a town that has been besieged")
        side = sentence.subject(cue)
        between = sentence.article.text[sentence.article.tokens[side.stop - 1].end:
                                        sentence.article.tokens[cue.first].start] if side is not None else ""
        if side is not None and not re.search(r"[,;:()]|\b(?:that|which|who)\b", between.lower()):
            return side
    if cue.direction == "before" and cue.text.endswith(" by"):
        # "Two Syrian government enclaves in the city were besieged by IS": the side whose enclaves they are
        return next((side for side in sentence.players if sentence.first <= side.first and side.stop < cue.first
                     and norms[side.stop] in _ENCLAVES), None)
    return None


def _besieged_side(sentence, cue):
    """The side an Arabic passive participle of siege describes, right after it ("الجنود المحاصرين", "قوات الجيش
    المحاصرة في"): they are the besieged. Not "المحاصرة لـ" (besieging: the active participle takes "ل")."""
    norms = sentence.article.norms
    if not norms[cue.first].lstrip("و").startswith(("محاصر", "المحاصر")) or (
            cue.stop < len(norms) and norms[cue.stop].startswith("ل")):
        return None
    side = sentence.player_from(max(sentence.first, cue.first - 3), cue.first - 1)
    return side if side is not None and cue.first - side.stop <= 1 else None
