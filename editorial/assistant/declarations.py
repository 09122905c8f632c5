"""Who declares a place freed: an official of the place's own state, that state's force announcing it, or the side
named before "declared that".

Its own module because a declaration is read from who speaks and how, not from the phrase's grammar: the speaker's
title and country, a verb of declaring before the noun of freeing, "that" before a passive. roles.py reads it for
a noun of taking and a passive of freeing.
"""
import re

from .tokens import is_arabic

_DECLARING = {"declared", "declares", "announced", "announces", "proclaimed", "proclaims"}
FREED = ("liberated", "freed", "retaken", "recaptured", "taken back", "cleared")
# Who speaks for a state: a place freed "from IS, Iraq's prime minister said" was freed by that state's forces.
_STATE_SPEAKERS = {"minister", "premier", "president", "government", "ministry", "army", "military", "command"}
# A region's official speaks for the region's forces, not the state's ("Iraqi Kurdish President Massoud Barzani", "the
# Kurdistan Region's prime minister").
_REGION_WORDS = {"kurdish", "kurdistan", "krg"}
_DECLARES = re.compile(r"[وف]?(?:اعلن|اعلنت|[يت]علن)")  # declared, declares: "أعلن الجيش تحرير", "يعلن تحرير"
_DECLARES_IN_ENGLISH = re.compile(r"(?:announc|declar|proclaim)(?:ed|es|e|ing)|confirm(?:ed|s|ing)?")
THAT = {"ان", "انه", "بان", "بانه", "that"}


def state_speaking(sentence, place):
    """The state force whose country's official or body says so in the sentence ("Iraq's prime minister said", "the
    Iraqi military announced"), that country the place's: the side that freed it. A foreign state frees no town, and
    a region's official speaks for no state."""
    speaker, verb = sentence.claimant
    words = re.findall(r"[a-z]+", speaker.lower())
    if not verb or not _STATE_SPEAKERS.intersection(words) or _REGION_WORDS.intersection(words):
        return None
    vocabulary, gazetteer = sentence.article.gazetteer.side_vocabulary, sentence.article.gazetteer
    countries = {vocabulary.country_of_stem[w] for w in words if w in vocabulary.country_of_stem}
    country = gazetteer.place_countries.get(place.slug)
    return gazetteer.government_of.get(country) if countries == {country} else None


def declares_own_liberation(sentence, cue, place, subject):
    """Whether the state force of the place's country declares its liberation, the noun the object of "أعلن",
    "announced" or "confirmed" ("أعلن الجيش السوري أمس تحرير دير الزور", "العبادي يعلن تحرير القائم", "Iraqi forces
    entered Qayyara and announced its complete liberation"): the state reports its own act, as state_speaking reads
    its officials' words. Not people freed from a place ("تحرير 200 مدني من محور هجين")."""
    gazetteer, norms = sentence.article.gazetteer, sentence.article.norms
    country = gazetteer.place_countries.get(place.slug)
    if gazetteer.government_of.get(country) != subject.slug:
        return False
    if "من" in norms[cue.stop: place.first]:
        return False
    declares = _DECLARES if is_arabic(cue.text) else _DECLARES_IN_ENGLISH
    verbs = [i for i in range(max(sentence.first, cue.first - 20), cue.first) if declares.fullmatch(norms[i])]
    # the noun in the verb's own clause, or a passive one after "أنه" ("أعلن أنه تم تحرير"); not another clause after
    # "أن" ("أعلن ... مؤكدا أن تحريرها خطوة نحو تحرير الموصل") nor after another phrase
    passive = cue.text.startswith("تم ") and norms[cue.first - 1] in THAT
    between = norms[verbs[-1]: cue.first - passive] if verbs else []
    return bool(verbs) and not THAT.intersection(between) and not any(
        verbs[-1] < other.first < cue.first for other in sentence.cues)


def declaring_side(sentence, cue, place):
    """The side declaring a freeing in the passive clause after it: "[side] declared that [place] had been liberated",
    the declaring verb at most two words before the place (after "that"), the side before the verb."""
    if not (cue.text.endswith(FREED) and sentence.first < place.first < cue.first):
        return None
    norms = sentence.article.norms
    for index in range(place.first - 1, max(sentence.first, place.first - 3) - 1, -1):
        if norms[index] in _DECLARING:
            return next((a for a in reversed(sentence.subjects) if a.stop <= index), None)
        if norms[index] != "that":
            return None
    return None
