"""What one control phrase asserts about one place: the status, the holder or the sides, and why.

Its own module because it is the judgement of who took what from whom, kind by kind of phrase
(rules.RULES): the subject of "captured" holds the place, unless it is the side the place was taken
"from"; "fell to X", "held by X", "under X's control" name their holder after the phrase; a siege is
read by sieges.py; "entered" and fighting "inside" leave it contested; a side "driven from" X lost it,
to the agent or the other side; an attempt ("X is racing to take Y") leaves Y with its defender, never
its attacker; "the liberation of X by Y" and "declared victory in X" read like the verbs, and who declares a
place freed is read by declarations.py.
"""
import dataclasses
import re

from geo.models import Claim

from .aims import arabic_aim, attempt, fought_for
from .asides import agent_after_aside, named_right_before
from .calibration import GRAMMAR, GUESSED, NAMED_STATE, WENT_IN
from .declarations import FREED, THAT, declares_own_liberation, declaring_side, state_speaking
from .parts import PARTIAL
from .pronouns import both_sides, stronghold_owner, they_stand_for
from .rules import ARABIC_WAS, CONTRAST, PASSIVE_AUX
from .sieges import relieved, siege, siege_broken
from .tokens import is_arabic
from .withdrawals import forced_out, left_to, withdrew

CONTROLLED, CONTESTED = Claim.Status.CONTROLLED, Claim.Status.CONTESTED
_PAST = {"was", "were", "had", "كان", "كانت"}
_PREPOSITIONS = {"of", "in", "around", "near", "outside", "inside", "from", "to", "into", "at", "beyond", "between",
                 "towards", "toward", "on", "by", "with", "for"}
_TAKING = {"seize", "capture", "retake", "recapture", "take", "liberate", "free", "attack", "storm", "enter"}
_TOWN_NOUNS = {"town", "towns", "city", "cities", "village", "villages", "district", "districts"}
# The verb of a present state's predicate, perhaps with a noun the place is one of: "Anah is one of three towns in
# Anbar still under IS control".
_PRESENT_STATE = re.compile(r"(?:is|are|remains?)(?: (?:still|now))?(?: (?:one of|among)(?: the)?(?: \S+){0,3}? "
                            r"(?:towns|cities|villages|areas|pockets|enclaves)(?: of territory)?"
                            r"(?: in(?: (?!(?:where|which|that|after|before|when)\b)\S+){1,4}?)?(?: still)?)?")
_APPOSITION = re.compile(r"\s*,[^,;.]*,")  # "Anah, 100 km west of the border, is": what describes the subject
_FORMER = {"former", "once", "onetime", "one-time", "erstwhile", "recently", "previously"}  # "its former stronghold"
_OWNER_OF = {"stronghold", "bastion", "capital", "held", "controlled"}  # "the IS stronghold of Manbij": IS held it
_MANAGING = re.compile(r"[وف]?(?:[يت]?تمكن|تمكن|[يت]?نجح|نجح|استطاع|[يت]ستطيع)")  # managed, succeeded
# The words before the side a noun's place went to: "the fall of Mosul to IS", "سقوط الموصل بيد داعش" (into its hand).
_AGENT_BEFORE = {"by", "to", "بيد", "بايدي", "يد", "ايدي"}
_BACKING = {"led", "backed"}  # the second half of "Kurdish-led", "US-backed" before a side's name
_ARABIC_AGENT = {"علي يد", "علي ايدي", "من قبل"}  # at the hands of, by
_PAUSES = {",", "،", ";", ":", "."}
# "has held the provincial capital under siege": the verb's object is besieged, not held.
_HELD_UNDER_SIEGE = re.compile(r"^(?:(?!(?:and|while|but|which|where|as)\b)\S+ ){1,4}under siege\b")
_HOLDER_NOUNS = {"liberation", "recapture", "capture", "seizure", "takeover", "تحرير"}


def assertion(sentence, cue, place):
    """(status, holder, others, reading, reason) for one phrase about one place, or None; a foreign state
    ("the coalition retook the city") is a backer, never the holder."""
    made = _assertion(sentence, cue, place)
    if made is not None and sentence.article.gazetteer.actor_kinds.get(made[1]) == "foreign_state":
        return None
    return made


def _assertion(sentence, cue, place):
    kind = cue.kind
    if kind in ("hold", "held_adj", "under_control") and sentence.ended_from >= sentence.offset(
            max(sentence.first, cue.first - 2)) and not _another_clause_ends(sentence, cue):
        return None  # "IS-held neighbourhoods ... before they were liberated": a past state
    before = sentence.article.norms[max(sentence.first, cue.first - 10): cue.first]
    if kind == "under_control" and (_PAST.intersection(before) or _opens_as_past(sentence, cue)):
        return None  # "Mosul was the largest city held by IS": a past state
    if kind == "under_control" and is_arabic(cue.text) and _after_fall(sentence, cue, place):
        return None  # "سقوط الموصل بأيدي داعش" (the fall of Mosul into Daesh's hands): a change's agent, not a state
    if kind == "capture":
        subject = sentence.subject(cue) or they_stand_for(sentence, cue)
        loser = sentence.loser(cue, place)
        if subject is None or (loser is not None and loser.slug == subject.slug):
            return None
        taken = f", taken from {loser.slug}" if loser else ""
        return CONTROLLED, subject.slug, (), GRAMMAR, f"controlled by {subject.slug} (subject '{subject.text}'{taken})"
    if kind == "noun":
        return _noun(sentence, cue, place)
    if kind in ("victory", "declared"):
        subject = sentence.subject(cue)
        return (CONTROLLED, subject.slug, (), GRAMMAR, f"won by {subject.slug} (subject '{subject.text}')") if subject else None
    if kind == "forced_out":
        return forced_out(sentence, cue, place)
    if kind == "withdrew":
        return withdrew(sentence, cue, place)
    if kind == "entered":
        subject = sentence.subject(cue) or they_stand_for(sentence, cue)
        if subject is None or (not is_arabic(cue.text) and relieved(sentence, subject)):
            return None
        if arabic_aim(sentence.article, sentence.first, cue.first, cue.text):
            return None  # "عملية تحرير واقتحام بيجي" (the operation to liberate and storm Baiji): only an aim
        if left_to(sentence, place, subject):
            return CONTROLLED, subject.slug, (), GRAMMAR, f"'{subject.text}' went in after the other side withdrew"
        adversary = sentence.adversary({subject.slug}, place)
        joined = sentence.joined_sides(subject, cue, place) if adversary else ()  # allies alone contest nothing
        sides = tuple(sorted({subject.slug, *joined} | ({adversary} - {None})))
        return CONTESTED, None, sides, WENT_IN, f"'{subject.text}' went in: contested between {', '.join(sides)}"
    if kind in ("hold", "in_control"):
        before = sentence.article.tokens[cue.first - 1] if cue.first > sentence.first else None
        if cue.text == "held" and before and before.norm in PASSIVE_AUX and before.text != "IS":
            return None  # "talks were held in Astana"; "IS held Manbij" names the group
        if _HELD_UNDER_SIEGE.match(sentence.norm_between(cue.stop, min(sentence.last, cue.stop + 7))):
            return None  # "IS has held the city under siege": the siege phrase reads it, the city is not IS's
        if cue.text in _OWNER_OF and cue.stop < sentence.last and (
                sentence.article.norms[cue.stop] in _TOWN_NOUNS or _describes_place(sentence, cue, place)):
            holder = named_right_before(sentence, cue)  # "the Islamic State (ISIS) held town of X": an adjective
            return (CONTROLLED, holder.slug, (), NAMED_STATE, f"held by {holder.slug}") if holder else None
        subject = sentence.subject(cue)
        return (CONTROLLED, subject.slug, (), GRAMMAR, f"held by {subject.slug} (subject '{subject.text}')") if subject else None
    if kind == "held_adj":
        holder = sentence.holder_of(cue)
        return (CONTROLLED, holder.slug, (), NAMED_STATE, f"held by {holder.slug}") if holder else None
    if kind == "passive":
        return _passive(sentence, cue, place)
    if kind == "expelled":
        return _expelled(sentence, cue, place)
    if kind == "stronghold" and cue.first - place.stop > 6:
        return None  # a stronghold describes the place just before it ("تلعفر معقل داعش", "الفلوجة التي تمثل اليوم
        # احد ابرز معاقل داعش"), not one named far back ("... قبل مهاجمة معقل داعش": before attacking its stronghold)
    if kind == "stronghold" and not is_arabic(cue.text):
        return _stronghold(sentence, cue, place)
    if kind in ("under_control", "under_control_of", "stronghold", "held_for"):
        agent = sentence.holder_between(cue) if kind == "under_control_of" else sentence.agent_after(cue)
        if agent and kind in ("under_control", "under_control_of") and _predicated_now(sentence, cue, place):
            return CONTROLLED, agent.slug, (), GRAMMAR, f"held by {agent.slug} (said of its subject now)"
        return (CONTROLLED, agent.slug, (), NAMED_STATE, f"held by {agent.slug}") if agent else None
    if kind == "attempt":
        return attempt(sentence, cue, place)
    if kind == "fought_for":
        return fought_for(sentence, cue, place)
    if kind in ("contested", "divided", "percent"):
        return _contested(sentence, kind, place)
    if kind == "siege_broken":
        return siege_broken(sentence, cue, place)
    if kind == "siege":
        return siege(sentence, cue, place)
    return None


def _predicated_now(sentence, cue, place):
    """Whether the state is the predicate of a present clause whose subject is the place (or a list ending with it),
    right before it: "Annah, Qaim and Rawa are still held by IS", "Mosul remains under the control of IS". The
    sentence says the side holds it now, as "IS holds Mosul" does, where "the IS-held town" or "a town held by IS"
    names the state in passing."""
    norms, places = sentence.article.norms, sentence.places
    if place not in places:
        return False
    at = places.index(place)
    last = sentence.coordinated(places[at:])[-1]
    between = _APPOSITION.sub("", sentence.article.text[last.end: sentence.article.tokens[cue.first].start], count=1)
    if not (cue.first > last.stop and _PRESENT_STATE.fullmatch(" ".join(re.findall(r"[\w']+", between.lower())))):
        return False
    while at and place in sentence.coordinated(places[at - 1:]):
        at -= 1  # the list's first place
    first = places[at].first
    before = norms[first - 1] if first > sentence.first else ""
    # "the villages around Amerli are under IS control": the villages are the subject; "the towns of Anah and Rawa"
    # are the towns, and "45 percent of Raqqa" a part of it
    return before not in _PREPOSITIONS or before == "of" and (
        norms[first - 2] in _TOWN_NOUNS or PARTIAL.search(" ".join(norms[max(sentence.first, first - 4): first])))


def _describes_place(sentence, cue, place):
    """Whether an unhyphenated "held" or "controlled" between a side and the place describes the place, as a preposition
    or a verb of taking before the side tells ("of IS held Manbij", "to seize Islamic State controlled Manbij"): the
    side starts no clause there."""
    holder = named_right_before(sentence, cue)
    return place.first == cue.stop and holder is not None and holder.first > sentence.first and (
        sentence.article.norms[holder.first - 1] in _PREPOSITIONS | _TAKING)


def _another_clause_ends(sentence, cue):
    """Whether the word that ends a state ("until") stands in a clause after the phrase's, joined by ", and" ("says it
    controls 90 percent of Raqqa, and won't stop fighting until every IS fighter is gone"): the state holds."""
    ended = sentence.article.token_at(sentence.norm_start + sentence.ended_from)
    return ended > cue.stop and re.search(r",\s+and\b|;", sentence.raw_between(cue.stop, ended)) is not None


def _after_fall(sentence, cue, place):
    """Whether the phrase ("بيد", "بأيدي") follows "سقوط" and its place: the noun of the fall reads its agent."""
    norms = sentence.article.norms
    return place.first > sentence.first and cue.first - place.stop <= 1 and norms[place.first - 1].lstrip(
        "وبل").startswith("سقوط")


def _opens_as_past(sentence, cue):
    """An Arabic sentence opened by "كان" ("وكانت القائم، الواقعة على الحدود، أكبر بلدة ما زالت تحت سيطرة التنظيم": Qaim
    was the largest town still under IS control) tells a past state however long its subject's apposition; a contrast
    before the phrase starts another clause, and "قد" or "أن" makes "كان" the tense of a report whose content is its
    own ("وكان مصدر قد أكد أن المدينة تحت سيطرة الجيش": a source had said it is held)."""
    norms = sentence.article.norms
    between = norms[sentence.first + 1: cue.first]
    return (is_arabic(norms[sentence.first]) and norms[sentence.first].lstrip("وف") in ARABIC_WAS
            and not THAT.union({"قد"}).intersection(between)
            and not CONTRAST.search(sentence.norm_between(sentence.first, cue.first)))


def _stronghold(sentence, cue, place):
    """"the IS stronghold of Manbij", "Fallujah, the militants' last stronghold": the side right before it in its noun
    phrase, or after it, holds the place; not a "former" stronghold, nor one that "was". A place after "of" is the
    stronghold only right after it: "the last stronghold of the militants in Mosul" is a part of Mosul."""
    norms = sentence.article.norms
    if place.first >= cue.stop and (place.first - cue.stop > 3 or sentence.player_from(cue.stop, place.first - 1)):
        return None
    before = norms[max(sentence.first, cue.first - 8): cue.first]
    if _FORMER.intersection(before) or _PAST.intersection(before):
        return None
    owner = next((a for a in reversed(sentence.players) if cue.first - 5 <= a.stop <= cue.first), None)
    text = sentence.article.text
    if owner is not None and re.search(r"[,;:]", text[owner.end: sentence.article.tokens[cue.first].start]):
        owner = None
    owner = owner or sentence.agent_after(cue) or stronghold_owner(sentence, cue, place)
    return (CONTROLLED, owner.slug, (), NAMED_STATE, f"held by {owner.slug} (its stronghold)") if owner else None


def _noun_agent(sentence, place):
    """The side right after the place and "by", "to" or "بيد", perhaps after "the" and "Kurdish-led" ("by the
    Kurdish-led SDF"); or, in Arabic, after "على يد" (at the hands of) or "من قبل" (by) in the same clause, past the
    side it was taken from: "تحرير X من سيطرة داعش على يد القوات العراقية". "من يد داعش" (from the hand of Daesh)
    names the side it was taken from. In a list ("lost Anah, Rawa and Qaim to IS") the side follows the list's last
    place."""
    norms = sentence.article.norms
    if place in sentence.places:
        place = sentence.coordinated(sentence.places[sentence.places.index(place):])[-1]
    agent = sentence.player_from(place.stop, place.stop + 4)
    tokens = sentence.article.tokens
    before = agent.first - 1 if agent is not None else place.stop
    # "by the Kurdish-led SDF", "to the US-backed SDF": "the" and a compound of who leads or backs the side come between
    while before > place.stop and (norms[before] == "the" or tokens[before].hyphen_before and norms[before] in _BACKING
                                   or tokens[before + 1].hyphen_before and norms[before + 1] in _BACKING):
        before -= 1
    # "the capture of Tal Abyad, used by IS as a gateway": a comma opens a participle's clause, its own agent
    if (agent is not None and norms[before] in _AGENT_BEFORE
            and " ".join(norms[agent.first - 2: agent.first]) != "من يد"
            and not re.search(r"[,;:(]", sentence.article.text[place.end: agent.start])):
        return agent
    after_aside = agent_after_aside(sentence, place)
    if after_aside is not None:
        return after_aside
    for index in range(place.stop + 1, min(sentence.last, place.stop + 12)):
        if norms[index] in _PAUSES:
            return None  # another clause's agent
        if " ".join(norms[index - 1: index + 1]) in _ARABIC_AGENT:
            return sentence.player_from(index + 1, index + 1)
    return None


def _noun(sentence, cue, place):
    """"the liberation of X (by Y)", "the fall of X to Y", "تحرير X"; "its liberation" frees the place named before it
    in its clause ("entered Qayyara and announced its liberation"), not one before a comma or in another sentence,
    which "its" may not stand for ("lies on the road to Mosul, and its recapture")."""
    if cue.text.startswith("its ") and (place not in sentence.places or re.search(
            r"[,;:]", sentence.article.text[place.end: sentence.article.tokens[cue.first].start])):
        return None
    agent = _noun_agent(sentence, place)
    if agent is not None:
        return CONTROLLED, agent.slug, (), GRAMMAR, f"controlled by {agent.slug} ('{agent.text}')"
    if cue.text.split()[0].lstrip("وف") in _HOLDER_NOUNS or cue.text.split()[-1] in _HOLDER_NOUNS:
        subject = sentence.subject(cue)
        if subject is not None and _managed(sentence, cue):
            return CONTROLLED, subject.slug, (), GRAMMAR, f"controlled by {subject.slug} (subject '{subject.text}')"
        state = state_speaking(sentence, place)
        if state is not None and (subject is None or subject.slug == state):
            # "Iraqi Prime Minister Haider Abadi announced the liberation of Tal Afar": the state reports its own act
            return CONTROLLED, state, (), GRAMMAR, f"controlled by {state} (its official '{sentence.claimant[0]}')"
        if subject is not None and declares_own_liberation(sentence, cue, place, subject):
            return (CONTROLLED, subject.slug, (), GRAMMAR,
                    f"controlled by {subject.slug} (its state declares '{cue.text}')")
        if subject is not None and sentence.article.gazetteer.may_have_done(subject.slug, cue.text):
            return (CONTROLLED, subject.slug, (), GUESSED,
                    f"controlled by {subject.slug} (who reports '{cue.text}': '{subject.text}')")
    return None


def _managed(sentence, cue):
    """Whether the noun is what its subject managed to do ("تمكنت وحدات من الجيش من تحرير البوكمال", "نجحت في
    تحرير"): the subject's own act, not a change it reports."""
    norms = sentence.article.norms
    if cue.first <= sentence.first or norms[cue.first - 1] not in ("من", "في"):
        return False
    return any(_MANAGING.match(word) for word in norms[max(sentence.first, cue.first - 10): cue.first - 1])


def _passive(sentence, cue, place):
    """"X was taken by Y", "X fell to Y", "X fell into Y's hands"; with no side named, the only side the sentence names,
    read from the grammar when that side declares it ("the SDF declared that Raqqa had been liberated", as "declared
    Raqqa liberated"), and for "تم تحرير" (was liberated) what its verbal noun reads ("أعلن العبادي أنه تم تحرير
    الموصل": Abadi's side)."""
    agent = (sentence.holder_between(cue) if cue.text.endswith("hands") else None) or sentence.agent_after(cue)
    norms = sentence.article.norms
    if agent is not None and cue.stop < sentence.last and norms[cue.stop] == "of":
        # "Kobani has been cleared of IS": the side after "of" is the one driven out; only "by" names the agent
        removed, agent = agent, sentence.agent_after(dataclasses.replace(cue, stop=agent.stop))
        agent = agent if agent is not None and "by" in norms[removed.stop: agent.first] else None
    if " " not in cue.text and (agent is None or place.stop != cue.first):
        return None  # a participle with no auxiliary describes the noun right before it ("Hawija, seized by IS")
    if agent is not None:
        return CONTROLLED, agent.slug, (), GRAMMAR, f"controlled by {agent.slug} ('{agent.text}')"
    if cue.text.split()[-1] in _HOLDER_NOUNS:
        return _noun(sentence, dataclasses.replace(cue, first=cue.stop - 1, text=cue.text.split()[-1]), place)
    if cue.text.endswith((" to", " of", "hands")):
        return None  # "fell to militants", "into the group's hands", whom the article never names: not whoever else it names
    kinds = sentence.article.gazetteer.actor_kinds
    # After "liberated", only a side named before the phrase ("the SDF declared that Raqqa had been liberated"):
    # one named after it ("liberated after two years in the grip of IS") is the side driven out.
    named = [a for a in sentence.subjects if not cue.text.endswith(FREED) or (
        a.first < cue.first and not _OWNER_OF.intersection(sentence.article.norms[a.stop: a.stop + 2]))]
    sides = {a.slug for a in named if kinds.get(a.slug) != "foreign_state"}
    if not sides and cue.text.endswith(FREED) and (state := state_speaking(sentence, place)):
        return CONTROLLED, state, (), GRAMMAR, f"declared by {state} (its country's '{sentence.claimant[0]}' says so)"
    if len(sides) != 1:
        return None
    side = sides.pop()
    declarer = declaring_side(sentence, cue, place)
    if declarer is not None and declarer.slug == side:
        return CONTROLLED, side, (), GRAMMAR, f"declared by {side} (subject '{declarer.text}')"
    if cue.text.endswith(FREED) and state_speaking(sentence, place) == side:
        # "Iraq's forces raised the flag ... after the city was fully liberated, an Iraqi spokesman said": its own side
        return CONTROLLED, side, (), GRAMMAR, f"declared by {side} (its country's '{sentence.claimant[0]}' says so)"
    return CONTROLLED, side, (), GUESSED, "controlled by the only side the sentence names"


def _expelled(sentence, cue, place):
    """"IS was driven from X (by Y)": X is held by Y, or with no agent named by the other side the article names
    most; the side driven out never holds it."""
    loser = sentence.subject(cue)
    if loser is None:
        return None
    agent = sentence.agent_after(cue)
    if agent is not None and agent.slug != loser.slug:
        return CONTROLLED, agent.slug, (), GRAMMAR, f"{loser.slug} driven out by {agent.slug} ('{agent.text}')"
    holder = sentence.adversary({loser.slug}, place)
    if holder is None:
        return None
    return CONTROLLED, holder, (), GUESSED, f"'{loser.text}' driven out: held by the other side, {holder}"


def _contested(sentence, kind, place):
    sides = sorted(sentence.sides) or both_sides(sentence)
    if not sides and kind == "divided" and (first := sentence.adversary(set(), place)):
        sides = [first]  # "Baiji has traded hands several times": the article's sides fight over it
    if len(sides) == 1:
        adversary = sentence.adversary(set(sides), place)
        sides = sorted(sides + [adversary]) if adversary else sides
    if not sides:
        return None
    return CONTESTED, None, tuple(sides), GUESSED, f"contested between {', '.join(sides)}"
