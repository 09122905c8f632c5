"""Which hedge of a sentence qualifies a control phrase.

An adverb or a raising verb ("reportedly", "believed to", "are reported to have", "may have", "يبدو أن") qualifies the
verb right after it.
After a word that opens another clause ("as residents reportedly described", "but which is now believed to control",
"fighters who may have gone into hiding", "الجيش الذي يبدو أنه انسحب") it qualifies that clause, not a phrase told
before it. A verb of claiming, "could not be verified" or a report said to be one of several ("there are conflicting
reports", "there are also reports that", "initial reports were that") qualifies the whole report, wherever it stands.
"""
import re

HEDGE = re.compile(r"\b(?:claimed|claims|claiming|reportedly|allegedly|purportedly|unconfirmed|unverified|rumou?red|"
                   r"said to have|believed to|appears? to|appeared to|may have|might have|could not be (?:independently )?verified|"
                   r"conflicting reports|(?:is|are|was|were) reported to have|initial reports|"
                   r"there (?:are|were|have been) (?:also )?reports|"
                   r"زعم\S*|غير موكد\S*|لم يتسن\S* (?:ال)?تاكد|لم يتسن\S* التحقق|"  # unconfirmed, not verified
                   r"[وف]?[مت]?تضارب\S*|"  # "أنباء متضاربة", "تضاربت الأنباء": conflicting reports
                   r"[وف]?يبدو ان\S*)\b")  # "يبدو أنه انسحب" (it appears to have withdrawn), as "appears to"
_OF_ITS_VERB = re.compile(r"reportedly|allegedly|purportedly|said to have|believed to|appears? to|appeared to|"
                          r"(?:is|are|was|were) reported to have|"
                          r"may have|might have|[وف]?يبدو ان\S*")
_ANOTHER_CLAUSE = re.compile(r"\b(?:who|as|but|while|when|where|because|although|though|الذي|التي|الذين|بينما|فيما)\b")


def hedge_of(sentence, cue):
    """The first hedge of the sentence that qualifies the phrase, or None."""
    if sentence.hedge is None:
        return None
    end = sentence.offset(cue.stop) if cue.stop < sentence.last else len(sentence.norm)
    return next((hedge for hedge in HEDGE.finditer(sentence.norm)
                 if hedge.start() < end or not _OF_ITS_VERB.fullmatch(hedge.group())
                 or not _ANOTHER_CLAUSE.search(sentence.norm[end: hedge.start()])), None)
