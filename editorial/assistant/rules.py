"""The phrase rules: the words that say who holds a place (negations.py holds the words that deny them).

Its own module because the rules are the assistant's vocabulary, read and tuned apart from the code
that applies them; `find_cues` finds the control phrases of one sentence.
"""
import functools
import re
from dataclasses import dataclass

from .aims import FIGHTING_FOR, PEOPLE_FREED, arabic_aim, operation_begun
from .arabic_control import CONTROL_NOUN, FROM_CONTROL, HANDS
from .verbs import inflections

# -- phrase rules (over the normalised text: lower case, no diacritics, "-" kept inside words) --


_NAME_NEXT = (r" (?!(?:of|in|on|at|to|near|and|or|for|since|which|that|where|from|after|before|under|by|with|as|is|was|"
              r"has|had|were|are|city|town|village|area|district|province|region|the|this|last|there|until)\b)[^\W\d]")
_STRONGHOLD = r"(?:stronghold|bastion|(?:de facto|self-declared|self-styled|self-proclaimed) capital)"
_NO_HEADING = r"(?!(?:further |farther |deeper )?(?:north|south|east|west)\S* from)"
_CAPTURE = (r"liberat(?:ed|es|e|ing)|captur(?:ed|es|e|ing)|recaptur(?:ed|es|e|ing)|retook|retak(?:e|es|en|ing)|"
            r"seiz(?:ed|es|e|ing)(?: (?:full |complete )?control of)?|overr?an|overrun|regain(?:ed|s|ing)? control in|"
            r"(?:took|tak(?:e|es|en|ing)|gained|gains?|gaining|established|establishes|imposed|restored|regain(?:ed|s|ing)?|recovered) "
            r"(?:(?:near|nearly|almost|virtually)[ -])?(?:full |complete |total )?control (?:of|over|on)|took over|tak(?:e|es|en|ing) over|took back|taken back|"
            r"took|taken|takes?(?! (?:part|place|time|note|aim|steps?|effect|shape|charge|over)\b)(?!-)|stormed|regained|"
            r"wrested (?:control of)?|drove \S+ out of|flushed \S+ out of|"
            # "pushed back from" or "out of": the subject retreated ("rebels were pushed back from Bukamal")
            r"(?:forced|pushed|push|pushes|pushing|drove|driven|drive|drives|driving) "
            r"(?!back out of)(?:\S+ ){1,4}?out of|"
            # "pushed east from Ithriya", "a short drive west from Mosul": a way taken, not a side driven out
            r"(?:drove|driven|drive|drives|driving|chased|chase|chases|chasing) " + _NO_HEADING + r"(?:\S+ ){1,4}?from|"
            # "forced IS from Kobane" drives a side out; "were pushed to withdraw from" is the subject's own retreat
            r"(?:pushed|push|pushes|dislodged|dislodges|dislodge|forced|forcing) (?!back from|to )" + _NO_HEADING
            + r"(?:\S+ ){1,4}?from|"
            r"drove out|drive out|drives out|driving out|"
            # "cleared a main road from the capital to Iran": a road cleared is no side driven from a place
            r"(?:expel(?:s|led|ling)?|clear(?:s|ed|ing)?) (?!(?:\S+ ){0,3}?(?:road|highway|route)s?\b)"
            r"(?:\S+ ){1,5}?(?:from|out of)|ousted (?:\S+ ){1,4}?from|cleared|freed|restored security (?:to|in)|"
            # raising one's flag over a place is taking it ("raised a flag on Friday" names no place)
            r"(?:raised|raises|raise|raising|hoisted|hoists|hoist|flew) (?:\S+ ){0,2}?flags? (?:above|over|on|in|at)"
            r"(?! (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d))|"
            r"frees|free(?! syrian\b| of\b| army\b)|won back|wins back|win back|winning back|wrested back|" + inflections("reclaim", "secure", "recover") + "|"
            r"(?:" + inflections("rout") + r") (?:\S+ ){1,4}?(?:from|out of|in)|"
            # a verbal noun after "ب" ("أفاد بسيطرة القوات على", reported the forces' control of)
            r"[وف]?(?:ب(?=تحرير|استعاده|سيطره))?(?:[يت]?حرر\S*" + PEOPLE_FREED + r"|[اتي]?سترج\S*|[اتي]?سترد\S*|"
            r"تطهير|[اتي]?طهر\S*|قبضت\S+ علي|تحرير\S*" + PEOPLE_FREED + r"|استول\S*|استيلا\S*|انتزاع|[يت]?نتزع\S*|"
            r"انتزع\S*|[اتي]?ستعاد\S*|[تي]ستعيد\S*|[يت]?سيطر\S*|"
            # the noun of control, a manner or a time perhaps parting it from "على" (arabic_control.py)
            + CONTROL_NOUN + r"|"
            # "امنت" (secured); "طرد سكانها": people expelled
            r"[يت]?طرد(?!(?:ت|وا)? من(?!\S))(?!\S*(?: \S+){0,2}? (?:ال)?(?:سكان|اهالي|مدنيين))\S*|امنت|امنوا|"
            # "احتل" (occupied) and the present "يحتل" (occupies, a state): "كان احتلها" is a past before the news;
            # a relative clause's "يحتلها" (which it occupies) tells a state only with "منذ" (since): "التقدم نحو
            # منبج التي يحتلها داعش" is an advance on a town the article goes on to tell contested, "الحويجة التي
            # يحتلها داعش منذ 2014" a lasting hold told in passing
            r"(?<!كان )احتل(?!ال)\S*|[يت]حتل(?:(?!ه)\S*|\S*(?=(?: \S+){0,3} منذ(?!\S)))|"
            r"[وف]?رفع\S* (?:\S+ ){0,3}?(?:ال)?علم (?:\S+ ){0,2}?(?:فوق|في|علي)(?!\S)|"  # raised the flag over / in
            r"اعاد\S* (?:\S+ ){0,3}?(?:ال)?امن (?:\S+ )?الي)")
_BREAK = r"broke|broken|breaking|break|breaks|lifted|lifting|lift|lifts|ended|ending|end|ends|breached|breach|breaches"
# "advanced into", "pushed deeper into", "penetrated (into)": going in, however far
# "raided Al-Qaem city": a ground raid goes in, where "air raids" is a noun
_ENTERING = (r"entered|enter|enters|entering|invaded|invade|invades|invading|raided|broke into|stormed into|"
             r"penetrated(?: into)?|"
             # breaching a town's walls or old city is going in; breaching a siege or a truce is not
             r"breach(?:ed|es|ing)?"
             r"(?! (?:\S+ ){0,4}?(?:siege|encirclement|ring|blockade|ceasefire|truce|agreement|deal)s?\b)|"
             r"(?:moved|pushed|pushing|advanced|advancing|pressed|pressing)(?: (?:deep|deeper|further|farther))? into|"
             r"(?:fought|battled|forced|pushed|made|blasted) (?:their|its) way (?:back )?into|"
             r"[وف]?(?:(?:ال)?دخول|دخل\S*|اقتحام|اقتحم\S*|توغل\S*|[يت]توغل\S*|[يت]?قدم(?:ت|وا|ون)?|[يت]تقدم(?:ون|ان)?|"
             # "تسللت مجموعة من عناصر داعش إلى مدينة الشدادي" (a group of Daesh fighters slipped into Shaddadi): going
             # in by stealth. A past verb only: a headline's present ("داعش يتسلل إلى") is dated by its lead. A relative
             # clause ("مجموعات داعش التي تسللت إليها", the groups that had slipped in) looks back on an infiltration
             # the news has ended.
             r"(?<!التي )(?<!الذي )تسلل(?:ت|وا)?(?= (?:\S+ ){0,8}?(?:الي|داخل)(?!\S))|"
             # the noun of advancing, perhaps with its owner or a manner, "in" or "inside" a place: "واصلت تقدمها في
             # عمق المدينة" (kept up its advance deep in the city), "التقدم ببطء داخلها" (advancing slowly inside it)
             r"(?:ال)?تقدم(?:ا|ها|هم|ه)?(?= (?:\S+ )?(?:في|داخل) "
             r"(?!(?:ال)?(?:معركه|معارك|عمليه|عمليات|حمله|مفاوضات)(?!\S))))")
RULES = [
    # kind, pattern, direction (where the place is: after / before the phrase / none: the place named last)
    # The words between the verb and "siege" hold no other such verb: "BREAKING: army lifts the siege" is "lifts".
    ("siege_broken", r"\b(?:" + _BREAK + r") (?:(?!(?:" + _BREAK + r")\b)\S+ ){0,6}?siege\b|"
                     r"\b(?:reached|relieved|linked up with|link up with) (?:\S+ ){0,3}?(?:besieged|encircled|trapped)\b|"
                     r"(?:فك|كسر|فكت|كسرت|فك)\S* (?:ال)?(?:حصار|طوق)|"  # "كسرت الطوق" (broke the ring)
                     # the verb put first, its subject and a time between it and its object: "كسر الجيش السوري أمس حصار داعش"
                     r"(?<!\S)[وف]?(?:فك|كسر|فكت|كسرت|يفك|يكسر)(?!\S) (?:\S+ ){1,4}?(?:ال)?(?:حصار|طوق)", "after"),
    ("attempt", r"\b(?:racing|race|races|raced|fight|fighting|battle|battling|push|pushing|pushed|bid|trying|tried|"
                r"attempt|attempting|attempted|aim|aiming|aims|seeking|seek|seeks|moving|offensive|drive|campaign|assault|"
                r"operations?|preparing|prepare|vowed|vow|plan|plans|planning|poised|expected) to (?:take|capture|"
                r"retake|recapture|seize|liberate|free|storm|enter|wrest)(?: full)?(?: control of)?\b|"
                r"\badvanc(?:e|ed|es|ing) (?:on|toward|towards|against)\b|\bclosing in on\b|"
                r"\boffensive (?:on|against|toward|towards)\b|\bmarch(?:ed|ing)? on\b|\bedg(?:e|ed|ing) closer to\b", "after"),
    ("fought_for", FIGHTING_FOR, "after"),  # "خاضوا قتالا لاستعادة البلدة" (fought to retake the town)
    # the verb the fighting takes ("fighting raged in", "clashes broke out inside") places it as "in" alone does;
    # "in the vicinity of" a town is outside it
    # "skirmishes also continued Saturday in Kirkuk": a day or "also" between the verb and the place changes nothing
    ("contested", r"\b(?:chas(?:ing|ed|e) (?:\S+ ){0,3}?remnants|remnants|fighting|clashes|clashing|clashed|battles?|"
                  r"street fighting|street battles|pockets of resistance|holdouts|skirmishes)"
                  r"(?: (?:also |still )?"
                  r"(?:raged|rages|raging|erupted|erupts|broke out|flared|continued|continues|resumed)"
                  r"(?: (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today))?)? "
                  r"(?:inside|in|within)\b(?! the (?:vicinity|surroundings|environs)\b)|"
                  # two sides firing at each other in a place fight over it: "exchanged artillery fire in the town of"
                  r"\b(?:exchang(?:ed|es|e|ing)|trad(?:ed|es|e|ing)) (?:\S+ ){0,2}?(?:fire|gunfire) "
                  r"(?:inside|in|within)\b|"
                  # the side fought between the verb and the place: "clashed with IS fighters in the centre of"
                  r"\b(?:(?:fought|fighting|battled|battling) (?:with|against)|fought|battled) "
                  r"(?:(?!(?:in|inside|within|near|outside|around|for|on|to|since|over|and|after|before|at)\b)\S+ )"
                  r"{1,5}?(?:inside|in|within)\b|"
                  r"اشتباكات|(?:معارك|قتال)(?: (?!(?:مع|ضد|من|علي|عن|في|داخل)(?!\S))\S+)? (?:داخل|في)(?!\S)|"
                  # "حرب شوارع اندلعت في عين العرب" (street fighting broke out in Kobani), as "street fighting in"
                  r"حرب (?:ال)?شوارع(?: (?!(?:مع|ضد|من|علي|عن|في|داخل)(?!\S))\S+)? (?:داخل|في)(?!\S)|"
                  # "المعارك بين المقاتلين الأكراد وتنظيم الدولة في عين العرب": fighting between two sides in a place
                  # ("المعارك العنيفة بين ...": a word of manner may come between the fighting and its sides)
                  r"(?:معارك|قتال|مواجهات)(?: (?!(?:مع|ضد|من|علي|عن|في|داخل)(?!\S))\S+)? بين (?:\S+ ){1,8}?"
                  r"(?:داخل|في)(?!\S)|"
                  # "داعش تشتبك مع الوحدات الكردية في عين عيسى" (clashes with the Kurdish units in Ain Issa)
                  r"(?<!\S)[وف]?(?:[يت]شتبك|اشتبك)(?:ت|وا|ون|ان)? (?:\S+ ){1,6}?(?:داخل|في)(?!\S)", "after"),
    ("contested", r"تشهد (?:قتالا|معارك|اشتباكات)", "before"),
    # a bare number "captured", "freed" or "taken" counts people ("100 soldiers were killed and 28 captured")
    ("percent", r"\b(?:\d+|half) (?:(?:percent |per cent )(?:cleared|liberated|freed|captured|controlled|taken)|"
                r"(?:cleared|liberated|controlled))\b", "before"),
    # "territory held by Iraqi forces on one side, and militants on the other": the place is split between them
    ("divided", r"\b(?:divided|split) (?:between|into|among)\b|\b(?:is|are|was|were|remains|remained|still) contested\b|"
                r"\bcontested between\b|"
                # "has changed hands several times": taken back and forth, so fought over ("had changed hands in a year"
                # is a past the news ended); "have been contested off and on"
                r"\b(?:has|have) (?:repeatedly )?(?:changed|traded|switched) hands\b|"
                r"\b(?:has|have) been (?:(?:hotly|fiercely|repeatedly|intermittently|off and on|on and off) )?"
                r"contested\b|"
                r"\b(?:held|controlled) by\b(?=[^.;]{1,60}\bon one side\b)|مقسم\S*", "before"),
    ("siege", r"\b(?:under siege|(?:besieged|encircled|surrounded)(?: \S+){0,4}? by)\b", "before"),
    ("siege", r"\b(?:siege of|besieg(?:ed|es|e|ing)|encircl(?:ed|es|e|ing)|surround(?:ed|s|ing)|encirclement of)\b|"
              r"حصار|محاصر\S*|حاصر\S*|تطويق\S*|طوق\S*", "after"),
    # "the group was driven from Tal Afar", "lost control of Tal Afar": the subject is the side that lost the place
    # named after the phrase ("were being driven out of": still under way; "lost control of X to Y": the "noun" rule).
    ("expelled", r"\b(?:was|were|been|is|are) (?:(?:fully|completely|finally|later|then|eventually) )?"
                 r"(?:driven|pushed|forced|chased|expelled|ousted|routed|flushed|kicked|removed) (?:out )?(?:from|out of)\b|"
                 # a headline or a reduced relative drops the auxiliary ("ISIS removed from Syrian town by rebels"), of
                 # participles no active verb is followed by "from" in the same way ("pushed out of" may be a move)
                 r"(?<!\bbeing )(?<!\bbeen )\b(?:driven|expelled|ousted|routed|flushed|kicked|removed) (?:out )?(?:from|out of)\b|"
                 r"\b(?:lost|loses|losing) (?:full |complete |all )?control (?:of|over)\b(?!(?: \S+){1,8}? to\b)|"
                 # Arabic: an active "طرد" has its object before "من" ("طرد داعش من", "طردهم من"); right before it,
                 # the verb is passive: "داعش طرد من المدينة" (Daesh was expelled from the city)
                 r"(?<!\S)[وف]?(?:طرد|طردت|طردوا) من(?!\S)", "after"),
    ("passive", r"(?:\b(?:was|were|been|being|is|are|ha(?:s|ve|d) been) (?:fully |completely |now |finally |\S+ly )?|"
                r"\b(?=\S+ by\b))(?:liberated|captured|recaptured|retaken|seized|overrun|taken|freed|cleared)\b|"
                r"\b(?:fell|falls|fallen|fall) (?:completely |fully |entirely )?to\b|\bfell into the hands of\b|"
                r"\b(?:was|were) (?:all |then |later |formally )?(?:handed|turned) over to\b|"  # a hand-over
                # "fell into Islamic State hands": the side is named inside the phrase
                r"\b(?:fell|falls|fallen|fall|falling) into (?!the hands\b)(?:\S+ ){1,3}?hands\b", "before"),
    # "the town has reverted to control of the armed forces": the side after it holds the place named before
    ("passive", r"\b(?:revert(?:ed|s)?|returned|returns) to (?:the )?(?:full |complete )?control of\b", "before"),
    # Arabic: "سقطت الرمادي في أيدي داعش" (Ramadi fell into Daesh's hands), the place between the verb and the hands;
    # "التي سقطت بيد التنظيم" (which fell to the group), the place before; "وقعت" (came) "تحت قبضة" (under the grip).
    ("passive", r"(?<!\S)[وف]?(?:سقطت|سقط|تسقط|يسقط|وقعت|وقع) " + HANDS, "before"),
    ("passive", r"(?<!\S)[وف]?(?:سقطت|سقط|تسقط|يسقط|وقعت|وقع) (?:\S+ ){1,3}?" + HANDS, "inside"),
    # Arabic impersonal passive: "تم تحرير الطبقة" (Tabqa was liberated), its agent after "من قبل" or "على يد".
    ("passive", r"(?<!\S)[وف]?(?:تم|يتم|جري) (?:تحرير" + PEOPLE_FREED + r"|استعاده|استرجاع|استرداد|تطهير)(?!\S)",
     "after"),
    ("noun", r"\b(?:liberation|recapture|capture|seizure|fall|takeover|loss) of\b|"
             r"(?<!\S)[وف]?(?:تحرير" + PEOPLE_FREED + r"|سقوط)(?= )", "after"),
    # "entered the town and announced its complete liberation": the place named before is the one freed
    ("noun", r"\bits (?:(?:complete|full|total|final) )?(?:liberation|recapture)\b(?! of\b)", "before"),
    # "Iraq has lost Fallujah to militants": like "the fall of Fallujah to", the side after "to" takes the place
    ("noun", r"\b(?:lost|loses|ceded|cedes)(?: (?:its|their) (?:hold|grip) on)?(?= (?:\S+ ){1,8}?to\b)", "after"),
    ("victory", r"\b(?:declared|declares|declaring|announced|announces|announcing|hailed|celebrated|celebrates|proclaimed)"
                r" (?:\S+ ){0,2}?victory\b|\bvictory (?:over|against) \S+(?: \S+){0,3}? in\b|"
                r"(?<!\S)(?:ال)?نصر (?:\S+ ){0,2}?(?:في|علي)(?!\S)", "after"),
    ("declared", r"\b(?:declared|declares|declaring|pronounced|proclaimed) (?:(?!it |that |on |had |has |victory )\S+ ){1,6}?"
                 r"(?:fully |completely |totally )?(?:liberated|free|freed|retaken|recaptured|cleared)\b", "inside"),
    ("under_control", r"\b(?:under (?:the )?(?:full |complete |total )?(?:control|rule) of|in the hands of|"
                      r"remains? in the hands of|(?:held|controlled|occupied) by)\b", "before"),
    # Arabic: "بيد داعش" (in Daesh's hand), "تحت سيطره داعش" (under Daesh's control),
    # "تخضع لسيطره الجهاديين" (is subject to the jihadists' control), its dual "تخضعان" and plural "يخضعون".
    # "اللتين تخضعان لسيطرته" (which are subject to its control), "وقع نصف المدينة تحت سيطرته" (half the city fell
    # under its control): its "ه" is the side named before (pronouns.py);
    # "الاحياء الخاضعة لسيطرته" (the districts subject to its control): a part of a place, held by the sentence's
    # object; "البلدة الواقعة على النهر، والخاضعة لسيطرة داعش" (lying on the river and subject to Daesh's control): a
    # second adjective of the same noun
    ("under_control", r"(?<!\S)(?:تحت سيطر(?:ه|ته|تها|تهم)|بيد|بايدي|في يد|في قبضه|و?ال?خاضع\S* لسيطره|"
                      r"[تي]خضع(?:ان|ون)? لسيطر(?:ه|ته|تها|تهم))(?!\S)", "before"),
    # "الميادين، احد اهم معاقل داعش", "احد المعاقل الاخيرة لداعش" (Daesh's main, last strongholds): the group holds it.
    ("stronghold", r"(?<!\S)(?:(?:احد )?(?:(?:اهم|ابرز|اكبر|اخر) )?(?:ال)?معاقل(?: (?:الاخيره|الرييسيه))?|"
                   r"(?:ال)?معقل(?:ين)?(?: (?:الرييسي|الابرز|الاهم|الاخير))?)(?!\S)", "before"),
    # "the IS stronghold of Manbij", "the IS bastion Raqqa", "Fallujah, an IS stronghold": the side holds it.
    ("stronghold", rf"\b{_STRONGHOLD}s? of\b|\b{_STRONGHOLD}\b(?={_NAME_NEXT})", "after"),
    ("stronghold", rf"\b{_STRONGHOLD}s?\b(?! of\b)", "before"),
    # "بعد عامين من سيطره داعش علي المدينه" (after two years of Daesh's control over the city): held until the news.
    ("held_for", r"(?<!\S)بعد (?:\S+ ){1,3}?من (?:سيطره|حكم|احتلال)(?!\S)", "after"),
    # "under IS rule", "still in militant hands": the side named between holds the place (the verb before tells when)
    ("under_control_of", r"\bunder (?:\S+ ){1,3}?(?:control|rule)\b|\bin (?!the hands)(?:\S+ ){1,3}?hands\b", "before"),
    ("in_control", r"\b(?:are|is|was|were|now|remain|remains) in (?:(?:almost |nearly |near |virtually )?(?:full|complete|total) )?control\b(?! of\b)", "none"),
    # From the start of a word only: one try per word, not one per character of a long hyphenated chain.
    ("held_adj", r"(?<!\S)\S+-(?:held|controlled|occupied)\b", "after"),
    # "control" as a verb only after a word of a lasting state ("the militants still control Hawija") or before a part
    # of a place ("the Peshmerga control most of Zumar"): elsewhere it is the noun of a change ("took control of").
    # "were holding out against IS": resisting, which says nothing of who holds the place.
    # "a town controlling the country's largest dam": the town's position, which says nothing of a side.
    ("hold", r"\b(?:in (?:(?:almost |nearly |near |virtually )?(?:full|complete|total) |effective )?control of|controls|controlled|"
             r"(?<!town |city )(?<!village )controlling|holds|held|holding|"
             r"(?:still|now|also|currently|continue to|continues to) control|"
             r"(?<!\wed |the )(?<!took |take |full |\wing |otal )(?<!takes |taken |plete )control(?= (?:over )?"
             r"(?:most|much|(?:nearly |almost )?half|parts|\d+ ?(?:percent|per cent|%)) of\b)|"
             r"hold|retains|kept control of|keeps control of|remains? in control of|"
             # "has consolidated control over the towns of A, B and C": made a hold firm, so holds them; not the
             # infinitive of an aim ("sought to consolidate control") nor the gerund of a means ("by consolidating")
             r"consolidat(?:ed|es) (?:its |their |his |her )?(?:full |complete )?control (?:of|over|in)"
             r")\b(?! out\b)", "after"),
    # "وما تبقى له من سيطرة ... عنة وراوة" (and what remains to it of control: Anah and Rawa): what a side still
    # holds, the side the pronoun ("له", to it) goes back to.
    ("hold", r"(?<!\S)[وف]?ما (?:تبقي|بقي|يتبقي) (?:له|لها|لهم) من (?:سيطره|نفوذ)(?!\S)", "after"),
    # "انسحبت قوات النظام من مدينة تدمر" (the regime's forces withdrew from Palmyra): the other side holds it.
    ("withdrew", r"(?<!\S)[وف]?(?:[يت]?نسحب\S*|انسحب\S*)(?!\S)|"
                 # "IS militants fled the city", "the Peshmerga withdrew from the areas": the side left it
                 r"\b(?:withdrew from|withdrawn from|pulled out of|retreated from|fled from|"
                 r"fled(?= the (?:city|town|village)\b)|"
                 # "IS was forced to withdraw from Kobani": the side forced is the subject, and it left the place; the
                 # emphatic past ("did withdraw from") left it as "withdrew" does
                 r"(?:(?:was|were|being|been) (?:forced|pushed|compelled) to|did) (?:withdraw from|pull out of|"
                 r"retreat from))", "after"),
    # "attacked Sinjar, forcing Peshmerga units to withdraw": the side forced out leaves the place to the subject.
    ("forced_out", r"\b(?:forc(?:ed|ing|es)|compell(?:ed|ing)) (?:\S+ ){1,5}?to (?:withdraw|flee|pull out)\b(?! (?:from|to|towards?)\b)",
     "none"),
    ("entered", r"\b(?:" + _ENTERING + r")\b", "after"),
    ("capture", r"\b(?:" + _CAPTURE + r")\b", "after"),
]
RULES = [(kind, re.compile(pattern), direction) for kind, pattern, direction in RULES]
ANY_RULE = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern, _ in RULES))  # skips most sentences at once
# A denial that says the fighting goes on ("denied that Ramadi had fallen, saying battles continued"): contested.
FIGHTING_GOES_ON = re.compile(r"\b(?:battles?|fighting|clashes|combat) (?:\S+ ){0,2}?(?:continued|continues|continue|"
                              r"continuing|ongoing|raging|raged|rages|going on)\b|\bstill (?:fighting|battling)\b")
ATTRIBUTION = re.compile(r"\b(?:denied|denies|said|says|announced|announces|statement|told|reported|reports|declared|declares|"
                         r"according to|quoted|اعلن\S*|قال\S*|ذكر\S*|بحسب)\b")
ENDED = re.compile(r"\b(?:before (?:\S+ ){0,3}?(?:were|was|had been|being) (?:liberated|captured|retaken|taken|freed)|"
                   r"before (?:\S+ ){0,3}?fell|until|formerly|previously|once|former)\b")
# Verbs that a date between them and a control phrase belongs to instead: "an offensive that began in September",
# "an offensive that went on for four months".
OTHER_EVENT = re.compile(r"\b(?:began|begun|started|launched|lasted|went on|بدا|بدات|انطلق\S*)\b")
SINCE = re.compile(r"\b(?:since|منذ)\b")
# A state that lasted ("remained under", "was still in control of", "ظلت تحت سيطره"): held since before the news, as
# "since" says.
REMAINED = {"remained", "stayed", "still", "ظلت", "بقيت", "ظل", "بقي"}
# "يسيطر", "ويسيطر", "يحتل" (holds, occupies): the present of a state, not the past "سيطر" or "احتل"
ARABIC_HOLDS = re.compile(r"[وف]?[يت](?:سيطر(?:ون|ان)?|حتل(?:ون|ان)?(?:ها|ه)?)$")
# "يبسط التنظيم سيطرته" (the group extends its control), "تفرض سيطرتها" (imposes its control): the present of holding
ARABIC_IMPOSES = re.compile(r"[وف]?[يت](?:بسط|فرض)(?:ون|ان)?$")
# "كان" before a present makes it a past state: "بعد ان كانوا يسيطرون على ثلثها" (after they had held a third of it).
ARABIC_WAS = {"كان", "كانت", "كانوا", "كانا"}
NOW = re.compile(r"\b(?:now|today|this morning)\b")
SIEGE_VERB = re.compile(r"(?:besieg|encircl|surround)(?:ed|es|e|ing|s)?$|[وف]?(?:حاصر|طوق|تطويق)")  # the active verb, not "siege of"
# "the last town held by IS", "the final area under IS control": what a change in the sentence ended.
LAST = {"last", "final", "remaining", "اخر", "اخير"}
# Words after "last" that make it a time, not the last of something: "last week", "last year".
TIME_UNITS = {"week", "weekend", "month", "year", "night", "summer", "winter", "spring", "autumn", "fall", "time", "days", "weeks",
              "months", "years", "friday", "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday"}
# Words before a participle that make it an adjective of the noun after it ("the surrounding villages").
DETERMINERS = {"the", "its", "their", "and", "or", "of", "in", "several", "some", "many", "few", "other", "all", "nearby"}
PASSIVE_AUX = {"was", "were", "be", "been", "being", "is", "are"}
CONTRAST = re.compile(r"\b(?:but|however|whereas|لكن|الا ان)\b")  # what follows is another clause: its date, its subject
CLAUSE_BREAK = re.compile(r"\b(?:said|says|but|while|however|whereas|although|though|لكن)\b")
# Prepositions after which an actor is not the subject: "from IS", "victory over IS", "battles against IS",
# "من يد داعش" (from the hand of), "من قبضه داعش" (from the grip of), "معارك مع الجيش" (battles with the army),
# "اخر معاقل داعش" (the last strongholds of Daesh: their owner), "تقدمت علي داعش" (advanced against Daesh), "علي حساب
# داعش" (at Daesh's expense);
# after a verbal noun of expelling or defeating the actor is its object: "دحر داعش" (routing Daesh), "طرد التنظيم".
NOT_SUBJECT = {"from", "over", "against", "counter", "fight", "fighting", "battling", "defeat",
               "ضد", "من", "يد", "ايدي", "قبضه", "مع", "معقل", "معاقل", "علي", "دحر", "طرد", "اخراج", "هزيمه", "حساب"}
# Words before a verb of taking that make it an intention, not an event: "formed a coalition to retake
# Mosul", "an assault aimed at retaking it"; "was able to retake" and "managed to" report the event.
INTENTION = {"to", "at"}
ACHIEVED = {"able", "managed", "succeeded", "unable"}  # up to five words before "to": "managed, early this month, to"
# What makes an undated report of a change a prior event ("after driving out IS", "بعد ايام من استعاده", "عقب",
# "when the YPG invaded Tall Abyad", "معركة اعقبت استعادة الرمادي": a battle that followed the retaking, "بعيد",
# shortly after): its day is not the one the sentence or the publication gives.
PRIOR = {"after", "بعد", "بعيد", "عقب", "when", "اعقبت", "اعقب", "تلت", "تلا"}
# English words before "the liberation of" or "by retaking" that make it an operation begun, not its outcome
# ("launched the battle for the liberation of Mosul", "the offensive began by retaking").
STARTING = {"began", "begun", "begin", "begins", "beginning", "start", "started", "starts", "launched", "launch",
            "launches", "operation", "operations", "offensive", "battle", "campaign"}
_TOWN = r"(?:city|town|village|area|district|region|provincial capital|stronghold|capital|bastion)"
_AREA_NOUN = re.compile(r"(?:city|cities|towns?|villages?|areas?|districts?|regions?|countryside|desert|hills|mountains|land|lands)")
# no other determiner stands between the determiner and the noun: "in a statement the district" is "the district"
ANAPHOR = re.compile(r"\b(?:the|an?) (?:(?!(?:the|an?)\b)\S+ ){0,3}?" + _TOWN
                     + r"\b(?! of\b)|\bits (?:part of )?the city\b|"
                     r"\bof their part of the city\b|\b(?:هذه )?(?:ال)?(?:مدينه|بلده|منطقه)\b(?! \S)|"
                     r"\bالمدينه\b|\bالمنطقه\b|\bالقريه\b|\bالناحيه\b(?! (?:ال)?\S+يه\b)")  # not "الناحية العسكرية"
# What may stand between a capture verb and the place it takes: not a preposition of place or time, nor a
# relative word opening a clause about the object.
NOT_OBJECT = re.compile(r"\b(?:in|at|near|outside|around(?! (?:\d|half\b))|from|with|after|before|during|towards?|across|into|on|and|"
                        r"which|where|whose|التي|الذي|الذين|"  # "captured the mountain of Batna, which overlooks Zumar": another clause
                        r"except|excluding|apart from|other than|save for|but for|"  # "all its land except Hawija"
                        r"(?:south|north|east|west)(?:east|west)? of|"
                        r"و?في(?! (?:ال)?(?:مايه|ميه)\b)|قرب|حول|"  # "وفي كركوك" (and in Kirkuk): another phrase
                        # "إلى داخل" (into the inside of) leads to the place gone into
                        r"(?<! الي )(?<!^الي )داخل|"
                        # "بلدة كباجب الواقعة على طريق دير الزور" (a town on the Deir ez-Zor road): not Deir ez-Zor
                        r"(?:ال)?طريق|بعد(?! ظهر)|"  # and "بعد" (after), which opens another clause
                        # an Arabic direction after a named area: "منطقة المحمدي شرقي قضاء هيت" (east of Hit)
                        r"(?<=\S\S )(?<!علي )(?<!الي )(?:شرقي|غربي|شمالي|جنوبي|شرق|غرب|شمال|جنوب))\b")  # "في المئة" is "percent", not "in"
# Arabic words adding another object to the phrase ("سيطروا على القائم، إضافة إلى بلدتي راوة وعانه", "فضلاً عن قضاء
# الحويجة"), perhaps with a settlement noun (a dual or plural: "بلدتي", "مدن").
ARABIC_ALSO = re.compile(r"(?<!\S)(?:[وب]?ال)?(?:اضافه الي|فضلا عن|علاوه علي|كذلك)(?: (?:قضاء|مدينه|بلده|ناحيه|قريه|"
                         r"مدينتي|بلدتي|قريتي|ناحيتي|مدن|بلدات|قري|اقضيه))?$")


@dataclass(slots=True)
class Cue:
    kind: str
    direction: str
    first: int
    stop: int
    text: str


@functools.lru_cache(maxsize=256)
def _first_rule_at(segment):
    """Where the first rule matches in `segment`, or None: hostile input repeats one window, which is scanned once."""
    earliest = ANY_RULE.search(segment)
    return None if earliest is None else earliest.start()


def find_cues(article, first, last):
    start, end = article.norm_span(first, last)
    segment = article.norm[start:end]
    begin = _first_rule_at(segment)
    if begin is None:
        return []
    # No rule matches before the union of them all does, so each rule's scan starts there (its lookbehinds and
    # "\b" still see the words before): find_cues took 16.3 ms instead of 20.5 ms on a 5,000-word article of the
    # corpus (scripts/assistant_speed.py's, best of 30 runs). One alternation of all the rules would lose their
    # order of precedence over the same words.
    cues, taken = [], bytearray(len(segment))
    for kind, pattern, direction in RULES:
        position = begin
        while (match := pattern.search(segment, position)) is not None:
            position = match.end()
            if taken.find(1, match.start(), match.end()) != -1:
                continue
            cue_first = article.token_at(start + match.start())
            cue_stop = article.token_at(start + match.end() - 1) + 1
            if _names_the_group(article, cue_first, cue_stop, match.group()):
                # "IS seized Mosul": the group's name, not "is"; the verb stays free for the other rules and for this
                # rule's forms without "is" ("IS expelled from Hit")
                position = match.start() + 3
                continue
            if kind == "stronghold" and direction == "after" and _not_named_after(article, cue_stop, match.group()):
                continue  # "Falluja, an IS stronghold, addressed its followers": no name follows the noun
            taken[match.start():match.end()] = b"\1" * (match.end() - match.start())
            if kind == "contested" and match.group().startswith("contested") and article.tokens[cue_first].hyphen_before:
                continue  # "long-contested": an epithet, not a report of fighting
            if kind in ("capture", "noun") and _intended(article, first, cue_first, match.group()):
                if operation_begun(article, first, cue_first, match.group()) and not any(
                        c.kind == "attempt" and cue_first - 1 <= c.first <= cue_stop for c in cues):
                    # "شرعت القوات عملية تحرير هيت": an attempt, which leaves the place with its defender (once for
                    # "عملية استعادة السيطرة على")
                    cues.append(Cue("attempt", direction, cue_first, cue_stop, match.group()))
                continue
            if match.group() == "surrounding" and cue_first > first and (
                    article.norms[cue_first - 1] in DETERMINERS or _AREA_NOUN.fullmatch(article.norms[cue_first - 1])):
                continue  # "several surrounding villages", "the region surrounding it": where, not a siege
            cues.append(Cue(kind, direction, cue_first, cue_stop, match.group()))
    return sorted(cues, key=lambda c: c.first)


def _names_the_group(article, cue_first, cue_stop, text):
    """Whether a phrase opened by "is" opens with "IS" written as the group's name, in a sentence not in capitals."""
    tokens = article.tokens
    return (text.startswith("is ") and tokens[cue_first].text == "IS" and cue_first + 1 < cue_stop
            and not tokens[cue_first + 1].text.isupper())


def _not_named_after(article, cue_stop, text):
    """Whether "stronghold" without "of" is kept from the next word by a comma or stop, so names nothing after it."""
    tokens = article.tokens
    return not text.endswith(" of") and article.text[tokens[cue_stop - 1].end: tokens[cue_stop].start] != " "


def _intended(article, first, cue_first, text):
    """Whether a verb of taking is an intention ("to retake", "aimed at retaking") or, in Arabic, an aim
    (aims.arabic_aim) or the control a place was taken from ("من سيطره داعش"): not a report that it was taken."""
    before = article.norms[cue_first - 1] if cue_first > first else ""
    if text in FROM_CONTROL:
        return before == "من" or before == "بعد"
    if arabic_aim(article, first, cue_first, text):
        return True
    if text.endswith(" of") and STARTING.intersection(article.norms[max(first, cue_first - 3): cue_first]):
        return True  # "began the liberation of", "the battle for the liberation of"
    if before == "by" and STARTING.intersection(article.norms[max(first, cue_first - 8): cue_first]):
        return True  # "the operation begun on Wednesday, first by retaking Baiji": how it opened, not a town taken
    if before == "re" and article.tokens[cue_first].hyphen_before and cue_first - 2 >= first:
        before = article.norms[cue_first - 2]  # "to re-take the city": the prefix split off by its hyphen
    if before.endswith("ly") and cue_first - 2 >= first and article.norms[cue_first - 2] in INTENTION:
        before = article.norms[cue_first - 2]  # "hope to completely liberate Raqqa": an adverb splits the infinitive
    if before not in INTENTION:
        return False
    words = article.norms[max(first, cue_first - 6): cue_first - 1]
    # "did manage last month to win back": the emphatic past is done, as "managed" is
    return not (ACHIEVED.intersection(words) or "did manage" in " ".join(words))
