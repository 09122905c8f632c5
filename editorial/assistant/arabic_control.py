"""The Arabic words around "سيطرة" (control) and its kin that make or unmake a control phrase.

Its own module because the Arabic noun of control is read by its neighbours: what may stand between "السيطرة"
and the "على" of its object (a manner, "again", a time), the hands or grip a place falls into, and the "من" before
it that names the side a place was taken from; rules.py builds its phrases from them.
"""

# A time between the noun and its object: "السيطرة مساء أمس الخميس على" (control, yesterday evening, of),
# "السيطرة صباح اليوم على", "السيطرة ليلا على", "السيطرة أول أمس الجمعة على".
_TIME = (r"اليوم|امس|اول|مساء|صباح|ليلا|فجر|عصر|ظهر|يوم|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت")
# "السيطرة مجددا على" (control again of), "السيطرة تماما على" (full control of): a manner parts the noun from "على".
_MANNER = r"الكامله|بالكامل|التامه|تماما|بشكل (?:شبه )?كامل|مجددا|من جديد"
CONTROL_NOUN = r"(?:ب)?السيطره (?:(?:" + _MANNER + r"|" + _TIME + r") ){0,4}علي(?:ها|ه)?"
# into the hand(s), grip or control of: "سقطت بيد التنظيم" (fell to the group)
HANDS = r"(?:بيد|بايدي|في يد|في ايدي|(?:في|تحت) قبضه|تحت سيطره)(?!\S)"
# "من سيطره داعش" (from the control of Daesh): the side a place was taken from, not a report of taking it.
FROM_CONTROL = {"سيطره", "قبضه"}
