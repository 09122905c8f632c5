"""The words that make a control phrase about part of a place, or about a site in or beside it.

Its own module because these words are one vocabulary, read by the rules that weigh a phrase (sentence.py), by
those that find its place (places.py) and by what it asserts (roles.py): a part taken leaves the place contested.
"""
import re

# Words that make a phrase about part of a place: contested, not held ("90 percent of Raqqa", "half the city", "قسماً
# كبيراً من المدينة", a large part of the city); "100 percent", "مئة في المئة" is all of it.
PARTIAL = re.compile(r"\b(?:half|parts?|(?<!100 )(?:percent|per cent)|enclaves?|districts|neighbou?rhoods|areas|pockets?|sections?|"
                     r"quarters|outskirts|suburbs|much of|most of|almost all|nearly all|almost entirely|شبه كامل|"
                     r"large swathes?|swathes?|(?:a|an|large|small) (?:\S+ )?area of|(?:the )?(?:majority|bulk) of|"
                     r"(?:near|nearly|almost|virtually)[ -](?:complete|full|total)|quarter of|"
                     r"(?:nearly|almost|virtually) (?:the )?(?:whole|entire)|"
                     r"partly|partially|edges?|fringes?|old city of|نسبه|مساحات|(?:ال)?قسم (?:ال)?اكبر|"
                     r"قسما(?: \S+)? من|"
                     r"(?:eastern|western|northern|southern|east|west|north|south|left|right) (?:side|bank|half|sector)|"
                     r"(?:a|an|one|another) (?:\S+ )?(?:district|neighbou?rhood|quarter) of|"
                     r"نصف|ثلث|ثلثي|ثلثا|(?:ال)?جزء(?! من (?:ال)?(?:عملي|حمل|خط|معرك)[هة])|(?:ال)?اجزاء|(?:ال)?احياء|(?:احيا|اجزا)[ءي](?:ها|ه)|قلب|مناطق|المزيد من|\d+ حيا|(?:ال)?حيين|(?:ال)?اطراف|اراضي?|(?:ال)?مداخل|مدخل|معظم|غالبيه|اغلب|ارباع|ربع|(?<!100 )(?<!100 في )(?<!ميه في )(?<!مايه في )(?:بالمايه|بالميه|المايه|الميه)|جزئي\S*|"
                     r"(?:لل|[بل]?ال)?(?:(?:شطر|جانب|ساحل|قسم|ضفه|قطاع|جهه) (?:ال)?(?:شرقي|غربي|شمالي|جنوبي|ايمن|ايسر)ه?|جهه (?:ال)?(?:شمال|جنوب|شرق|غرب)))\b|(?<!100)(?<!100 )%")
# The last parts of a place taken complete it: "retook the last remaining areas of the town", "اخر احياء المدينه".
LAST_PARTS = re.compile(r"\b(?:last|final|remaining) (?:remaining )?(?:parts?|enclaves?|districts|neighbou?rhoods|areas|"
                        r"pockets?|sections?|quarters)\b|(?<!\S)(?:اخر|ما تبقي من|باقي) (?:(?:ال)?(?:احياء|معاقل)|احيا[ءي](?:ها|ه))(?!\S)")
# All the parts of a place are all of it, for a change or a state: "holds all areas of the town", "جميع مناطق الناحية".
ALL_PARTS = re.compile(r"\ball (?:of )?(?:the |its )?(?:\d+ )?(?:districts|neighbou?rhoods|areas|parts|sections|quarters)\b|"
                       r"(?<!\S)(?:جميع|كافه|كامل|كل) (?:ال)?(?:احياء|مناطق|اجزاء|ارجاء|اراضي|اطراف)(?!\S)")
# Words right after a place that make the phrase about part of it: "Mosul's eastern side", "Mosul's old city".
PART_AFTER = re.compile(r"^s (?:(?:eastern|western|northern|southern|east|west|north|south|left|right|old) "
                        r"(?:side|bank|half|sector|city|districts?|neighbou?rhoods?|parts?)|outskirts|suburbs)\b")
# A noun of a part right after the place's name, the name its modifier: "retake large Mosul neighbourhood",
# "capture Tal Afar center" (the town's centre, the rest still fought over).
PART_NOUNS_AFTER = {"neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "suburb", "suburbs", "center",
                    "centre"}
# Arabic nouns of a district: one between a verb and the place names a part of it ("حررت حي الصحة الثانية
# بالجانب الأيمن لمدينة الموصل", "اقتحمت حيي الموصل الجديدة والأغوات": a district named after the town).
ARABIC_DISTRICTS = {"حي", "حيي", "حيين", "احياء", "حيا"}
# Nouns of a site right after a town's name, where no place of the gazetteer is named so: the phrase is about the
# site ("the Husaybah border post on the edge of al-Qaim", "Tabqa airbase") or an area around it ("the Deir Ezzor
# pocket"), not the town.
SITE_NOUNS_AFTER = {"border", "airport", "airbase", "airfield", "dam", "refinery", "prison", "checkpoint", "bridge", "highway",
                    "oilfield", "crossing", "post", "base", "headquarters", "compound", "hospital", "university", "stadium",
                    "mountain", "mountains", "pocket"}
# An Arabic adjective after the place's name that makes it a part: "مدينة الموصل القديمة" (the old city of Mosul).
ARABIC_PART_AFTER = {"القديمه", "القديم"}
# An Arabic direction before the place's name ("غرب الموصل", west Mosul), as DIRECTIONS is for English.
ARABIC_DIRECTIONS = {"شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي"}
# A site inside a place, taken "in" it ("the main government compound in Ramadi", "the neighbourhood of Tajnid in
# Jalawla"): part of the place, contested.
SITE_IN = re.compile(r"(?:^|\b)(?:\S+ ){0,4}?(?:compound|headquarters|complex|building|neighbou?rhood|quarter|palace|citadel|"
                     r"hospital|university|prison|refinery|mosque|museum)s?(?: of(?: \S+){1,3}?)? (?:in|inside|of|at)(?: the (?:city|town) of| central| (?:east|west|north|south)(?:ern)?)?$|"
                     # a part of a place as a verb's object, located "in" it ("seized two districts in Mosul", "captured more
                     # territory from IS in the northern town of Tabqa"): the part is taken, the rest still fought over
                     r"^(?:\S+ ){0,3}?(?:districts?|neighbou?rhoods?|areas|regions|territory|ground|parts|sections?|quarters|pockets)"
                     r"(?: (?!(?:in|inside|within|and|which|that|where)\b)\S+){0,6}? (?:in|inside|within)"
                     r"(?: the(?: \S+){0,2}? (?:city|town|village|side|bank|part|edge|outskirts|"
                     r"(?:north|south)?(?:east|west)|north|south|cent(?:er|re)) of|"
                     r" (?:east|west|north|south)(?:ern)?)?$|"
                     r"^(?:\S+ ){0,4}?(?:ال)?(?:حي|حيين|احياء|مناطق|منطقتي|منطقتين|اراضي?|اطراف|معاقل|مبني|مجمع|مقر|"
                     # in it, or in a side of it ("منطقتي الجغيفي والجولان بشمال الفلوجة"; "شمال الفلوجة" is outside)
                     r"قلعه|مستشفي|مشفي|جامعه|سجن|مصفاه|جامع|متحف)(?: \S+){0,5} "
                     r"(?:في|داخل|من|وسط|(?:في |ب)(?:ال)?(?:شمال|جنوب|شرق|غرب)(?:ي)?)"
                     r"(?: (?:مدينه|بلده|قضاء|ناحيه|قريه))?$|"
                     # an Arabic site in construct with the town, right before it: "مستشفى تلعفر", "مطار دير الزور"
                     r"^(?:\S+ ){0,4}?(?:مبني|مجمع|مقر|قلعه|مستشفي|مشفي|جامعه|سجن|مصفاه|جامع|متحف|مطار|معبر|سد|قاعده|"
                     # the district's seat of government ("قائممقامية بيجي", "سراي"), a police station ("مركز
                     # شرطة"); a site of "the city" it refers to
                     r"قايم ?\S*قاميه|سراي|مركز شرطه|مخفر)(?: (?:ال)?(?:مدينه|بلده|قضاء|ناحيه))?$")
# A direction right before the place's name makes it part of the place: "eastern Mosul", "west Mosul".
DIRECTIONS = {"eastern", "western", "northern", "southern", "east", "west", "north", "south"}
