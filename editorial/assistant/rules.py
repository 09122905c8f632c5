"""The phrase rules: the words that say who holds a place, and the words that weaken or deny them.

Its own module because the rules are the assistant's vocabulary, read and tuned apart from the code
that applies them; `find_cues` finds the control phrases of one sentence.
"""
import re
from dataclasses import dataclass

# -- phrase rules (over the normalised text: lower case, no diacritics, "-" kept inside words) --
_CAPTURE = (r"liberat(?:ed|es|e|ing)|captur(?:ed|es|e|ing)|recaptur(?:ed|es|e|ing)|retook|retak(?:e|es|en|ing)|"
            r"seiz(?:ed|es|e|ing)|overr?an|overrun|took (?:full |complete |total )?control of|"
            r"tak(?:e|es|en|ing) (?:full |complete |total )?control of|took over|tak(?:e|es|en|ing) over|"
            r"took|taken|stormed|regained (?:control of)?|wrested (?:control of)?|drove \S+ out of|"
            r"drove out|expelled \S+ from|ousted \S+ from|cleared|"
            r"[وف]?(?:حرر\S*|تحرير|استعاد\S*|سيطر\S*|السيطره (?:الكامله )?على)")
RULES = [
    # kind, pattern, direction (where the place is: after / before the phrase)
    ("siege_broken", r"\b(?:broke|broken|breaking|break|breaks|lifted|lifting|lift|ended|ending|end|broke through)"
                     r" (?:\S+ ){0,4}?siege\b|(?:فك|كسر|فكت|كسرت|فك)\S* (?:ال)?حصار", "after"),
    ("attempt", r"\b(?:racing|race|races|raced|fight|fighting|battle|battling|push|pushing|pushed|bid|trying|tried|"
                r"attempt|attempting|attempted|aim|aiming|aims|seeking|seek|seeks|moving|offensive|drive|campaign|"
                r"operation|preparing|prepare|vowed|vow|plan|plans|planning|poised|expected) to (?:take|capture|"
                r"retake|recapture|seize|liberate|free|storm|enter)(?: control of)?\b|"
                r"\badvanc(?:e|ed|es|ing) (?:on|toward|towards|into|against)\b|\bclosing in on\b|"
                r"\boffensive (?:on|against|toward|towards)\b|\bmarch(?:ed|ing)? on\b|\bedg(?:e|ed|ing) closer to\b", "after"),
    ("contested", r"\b(?:chas(?:ing|ed|e) (?:\S+ ){0,3}?remnants|remnants|fighting|clashes|clashing|clashed|battles?|"
                  r"street fighting|street battles|pockets of resistance|holdouts) (?:inside|in|within)\b|"
                  r"اشتباكات|معارك (?:داخل|في)", "after"),
    ("divided", r"\b(?:divided|split) (?:between|into|among)\b|\b(?:is|are|was|were|remains|remained|still) contested\b|"
                r"\bcontested between\b|مقسم\S*", "before"),
    ("siege", r"\b(?:under siege|besieged by|encircled by|surrounded by)\b", "before"),
    ("siege", r"\b(?:siege of|besieg(?:ed|es|e|ing)|encircl(?:ed|es|e|ing)|surround(?:ed|s|ing)|encirclement of)\b|"
              r"حصار|محاصر\S*", "after"),
    ("passive", r"\b(?:was|were|been|being|is|are|has been|have been|had been) (?:fully |completely |now )?"
                r"(?:liberated|captured|recaptured|retaken|seized|overrun|taken|freed|cleared)\b|\bfell to\b|\bfalls to\b|"
                r"\bfallen to\b", "before"),
    ("under_control", r"\b(?:under (?:the )?(?:full |complete |total )?control of|in the hands of|remains? in the hands of)\b", "before"),
    ("under_control_of", r"\bunder (?:\S+ ){1,3}?control\b|\bremains? in (?:\S+ ){1,3}?hands\b", "before"),
    # From the start of a word only: one try per word, not one per character of a long hyphenated chain.
    ("held_adj", r"(?<!\S)\S+-(?:held|controlled|occupied)\b", "after"),
    ("hold", r"\b(?:in (?:full |complete |total |effective )?control of|controls|controlled|holds|held|holding|"
             r"hold|retains|kept control of|keeps control of|remains? in control of)\b", "after"),
    ("capture", r"\b(?:" + _CAPTURE + r")\b", "after"),
]
RULES = [(kind, re.compile(pattern), direction) for kind, pattern, direction in RULES]
ANY_RULE = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern, _ in RULES))  # skips most sentences at once
NEGATION = re.compile(r"\b(?:failed to|fail to|fails to|did not|didnt|does not|doesnt|has not|have not|had not|hasnt|"
                      r"havent|not|never|no longer|unable to|repelled|repulsed|thwarted|foiled|beat back|beaten back|"
                      r"denied|denies|deny|denying|rejected claims|dismissed claims|لم|فشل\S*|نفى|نفت)\b")
DENIAL = re.compile(r"\b(?:denied|denies|deny|denying|dismissed|rejected (?:the )?claims?|false|untrue|نفى|نفت)\b")
HEDGE = re.compile(r"\b(?:claimed|claims|claiming|reportedly|allegedly|purportedly|unconfirmed|unverified|rumou?red|"
                   r"said to have|believed to|appears? to|appeared to|may have|might have|could not be (?:independently )?verified|"
                   r"زعم\S*|بحسب)\b")
ATTRIBUTION = re.compile(r"\b(?:denied|denies|said|says|announced|announces|statement|told|reported|reports|declared|declares|"
                         r"according to|quoted|اعلن\S*|قال\S*|ذكر\S*)\b")
ENDED = re.compile(r"\b(?:before (?:\S+ ){0,3}?(?:were|was|had been|being) (?:liberated|captured|retaken|taken|freed)|"
                   r"before (?:\S+ ){0,3}?fell|until|formerly|previously|once|former)\b")
NOW = re.compile(r"\b(?:now|today|this morning)\b")
PASSIVE_AUX = {"was", "were", "be", "been", "being", "is", "are"}
CLAUSE_BREAK = re.compile(r"\b(?:said|says|but|while|however|whereas|although|though)\b")
ANAPHOR = re.compile(r"\bthe (?:city|town|village|area|border town|provincial capital)s?\b(?! of)|\bits (?:part of )?the city\b|"
                     r"\bof their part of the city\b")


@dataclass(slots=True)
class Cue:
    kind: str
    direction: str
    first: int
    stop: int
    text: str


def find_cues(article, first, last):
    start, end = article.norm_span(first, last)
    segment = article.norm[start:end]
    if not ANY_RULE.search(segment):
        return []
    cues, taken = [], bytearray(len(segment))
    for kind, pattern, direction in RULES:
        for match in pattern.finditer(segment):
            if taken.find(1, match.start(), match.end()) != -1:
                continue
            taken[match.start():match.end()] = b"\1" * (match.end() - match.start())
            cue_first = article.token_at(start + match.start())
            cue_stop = article.token_at(start + match.end() - 1) + 1
            if kind == "contested" and match.group().startswith("contested") and article.tokens[cue_first].hyphen_before:
                continue  # "long-contested": an epithet, not a report of fighting
            cues.append(Cue(kind, direction, cue_first, cue_stop, match.group()))
    return sorted(cues, key=lambda c: c.first)
