"""The words that deny a control phrase or say it has not happened: negations, conditions, intentions, denials.

Its own module because these words are tuned apart from the phrase rules they cancel, and several readers apply
them: a phrase's sentence (negated, denied, not yet), a clause told after it, and a date's own clause.
"""
import re

# Arabic words of drawing near or massing ("يقترب الجيش من فك حصار", "يحتشد لكسر حصار", "على بعد 3 كم من فك
# الحصار": 3 km from breaking it): what they reach has not happened yet.
ARABIC_NOT_YET = r"[يت]?قترب\S*|اقترب\S*|[يت]حتشد\S*|احتشد\S*|علي بعد(?: \S+){1,3} من"
# A distance short of an act: "3 km from breaking the siege" has not broken it ("2 km from the town" breaks nothing).
SHORT_OF = r"(?:\d+|a few|two|three|four|five) (?:km|kilomet(?:re|er)s|miles) (?:away )?from(?= \S+ing\b|$)|"
# Arabic fears that something may happen and a subjunctive "could manage" ("مخاوف من أن يتمكن مقاتلو داعش من اقتحام
# المدينة", fears that IS fighters could storm the city): not happened; "وسط مخاوف من تكرار" (amid fears of a repeat)
# fears another thing, and the past "تمكنت من" reports it.
ARABIC_FEARED = r"(?:مخاوف|خشيه|[يت]خش(?:ي|ون|ين))(?: \S+)? (?:من )?ان|ان [يت]تمكن\S*|"
# An intention ("draw plans to break the siege", "an attack aimed at breaking it") or a struggle toward it ("battles to
# lift the siege", "fighting to retake the town"): what it aims at has not happened.
INTENDING = (r"plans? to|planning to|prepar(?:e|es|ed|ing) to|seek(?:s|ing)? to|aim(?:s|ed)? to|aim(?:s|ed|ing)? at|"
             r"vow(?:s|ed)? to|(?:battl(?:es?|ing)|fight(?:s|ing)?) to|")
# Striving toward an act ("close to breaking the siege", "trying to retake", "were about to complete its liberation")
# or failing at it: not happened.
STRIVING = (r"close to|closer to|on the verge of|poised to|about to|bid to|trying to|try to|tried to|attempt to|"
            r"aiming to|advanc(?:e|es|ed|ing)(?: \S+)? to|علي وشك|failed to|fail to|fails to|unable to|")
# A side kept from an act ("banned the residents from entering the town", "prevented IS from retaking it"): not done;
# "from" right before the phrase, the act it keeps from ("prevented IS from advancing and retook X" retook it).
_KEPT_FROM = r"(?:bann|barr|prevent|stopp|block|kept|keep)\S* (?:\S+ ){0,3}?from"
# "to prevent the militants taking the city": "prevent" and its object right before the act, no "from" between.
_PREVENT_OBJECT = r"prevent\S* (?:(?!and\b)\S+ ){0,2}(?!and\b)\S+"
PREVENTED = _KEPT_FROM + r"$|" + _PREVENT_OBJECT + r"$|"
PREVENTED_IN_SENTENCE = re.compile(r"\b(?:" + _KEPT_FROM + "|" + _PREVENT_OBJECT + r") \S+ing\b")
# A condition ("if government forces liberate Sukhna", "unless", "should the army take it") has not happened, as a
# future ("will") has not.
NEGATION = re.compile(r"\b(?:did not|didnt|does not|doesnt|has not|have not|had not|hasnt|"
                      r"havent|not|nt|never|no longer|repelled|repulsed|thwarted|foiled|beat back|"
                      r"beaten back|denied|denies|deny|denying|rejected claims|dismissed claims|refuted|refutes|refute|"
                      r"would|will|could|should|if|unless|"
                      + STRIVING + INTENDING + PREVENTED + ARABIC_FEARED
                      # "لا" before a present verb ("لا تسيطر", does not control), not "لا تزال" (still)
                      + r"[وف]?لا(?= [يت](?!زال)\S|\s*$)|"
                      + r"لم|لن|[وف]?ليس|[وف]?اذا|[وف]?لو|نافيه|[يت]نف(?:ي|ون|يان)|فشل\S*|نفي|نفت|تحاول|يحاول|"
                      + SHORT_OF + ARABIC_NOT_YET + r")\b")
# Arabic says a report untrue after it ("الأنباء عن سيطرة داعش على الرطبة عارية عن الصحة", "غير صحيحة", "لا أساس لها
# من الصحة"), where a denial verb after a phrase ("نافية وقوع خسائر") may deny something else.
ARABIC_UNTRUE = r"عاري\S* (?:عن|من) الصحه|غير صحيح\S*|لا اساس \S+ من الصحه"
UNTRUE_AFTER = re.compile(r"(?<!\S)(?:" + ARABIC_UNTRUE + r")(?!\S)")
# "could not confirm or deny the report" leaves it unconfirmed, denies nothing.
DENIAL = re.compile(r"\b(?:denied|denies|(?<!confirm or )(?<!confirm nor )deny|denying|dismissed|"
                    r"rejected (?:the )?claims?|false|untrue|not true|refuted|refutes|baseless|"
                    r"نفي|نفت|نافيه|[يت]نف(?:ي|ون|يان)|[وف]?[يت]?دحض\S*|" + ARABIC_UNTRUE + r")\b")
# "But the ground operation was still in progress": a claim before it that the operation's aim was won is not so yet.
STILL_UNDER_WAY = re.compile(r"^but (?:\S+ ){1,4}?(?:was|is) still (?:in progress|under ?way|ongoing)\b")
# "But the general quickly clarified that the forces had only retaken a complex": a later speaker corrects a claim
# before it, as a denial does.
CORRECTED = re.compile(r"^but (?:\S+ ){1,12}?(?:clarified|corrected|clarifying|correcting) that\b")
# What makes a break of a siege not yet happen ("close to breaking"): the siege still stands.
NOT_YET = re.compile(r"\b(?:" + STRIVING + INTENDING + SHORT_OF + ARABIC_NOT_YET + r")\b")
