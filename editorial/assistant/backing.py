"""Whether a side named in a sentence backs another rather than acts: "US-backed", "backed by the coalition", "with
backing from the Iraqi army and Iranian forces", "مدعوما بقوات من الحشد الشعبي".

Its own module because a backer is read from the words before a mention alone, apart from the article's other
readings: a backer is never the subject of a phrase, nor a side a place is contested with.
"""
import re

from .tokens import is_arabic

_CLAUSE_PUNCTUATION = re.compile(r"[,;()]")
_ARABIC_CLAUSE_PUNCTUATION = re.compile(r"[,;()،؛.:]")
# Every side after the phrase in its clause is a backer: "with backing from the Iraqi Army and Iranian forces".
_BACKED_BY = re.compile(r"\b(backed|supported|sponsored|armed|aided)\s+by\b|"
                        r"\bwith (?:the )?(?:\S+ )?(help|support|backing|cover) (?:of|from)\b", re.I)
# "مدعوما بقوات من الحشد الشعبي", "المدعومة من", "بدعم من", "باسناد", "بغطاء جوي من": the side after it backs the one
# before; "و" joins it to a phrase before ("وبمساندة", and with the support of).
_BACKING_WORD = re.compile(r"و?(?:ال)?(?:مدعوم|مدعم)\S*|و?ب(?:دعم|مسانده|اسناد|مساعده|غطاء)")
_ARABIC_BACKING_REACH = 4  # words from the backing word to its side: "مدعومين من مقاتلين من «الجيش الحر»"
# A verb of support with the pronoun of the side before it, its subject the backer right after it ("قوات عراقية
# تساعدها فصائل الحشد", Iraqi forces that PMF factions help), not a side further on ("تدعمهم الولايات المتحدة ومن
# بينهم وحدات حماية الشعب": the YPG among those backed).
_BACKING_VERB = re.compile(r"[تي](?:ساعد|ساند|دعم)(?:ها|هم|ه)")
_BACKING_VERB_REACH = 2
# "بقيادة" (led by) names the leader of the group before it, which backs when that group backs: "بمساندة طائرات
# التحالف الدولي بقيادة الولايات المتحدة" (with the support of coalition planes led by the United States).
_LED_BY = "بقياده"
_HYPHENED = {"backed", "sponsored", "supported", "trained", "funded", "armed", "equipped"}  # "US-backed", "Iranian-trained"


def backs(article, first, stop, sentence_start):
    """Whether the side named in tokens [first, stop) of `article` backs another: a backing word right after it, or
    before it in its clause."""
    after = article.tokens[stop] if stop < len(article.tokens) else None
    if after is not None and after.hyphen_before and after.norm in _HYPHENED:
        return True
    clause = article.text[article.tokens[max(sentence_start, first - 8)].start: article.tokens[first].start]
    return bool(_BACKED_BY.search(_CLAUSE_PUNCTUATION.split(clause)[-1])) or _arabic_backing_before(article, first, sentence_start)


def _arabic_backing_before(article, first, sentence_start):
    """Whether an Arabic backing word stands at most a few words before token `first`, in its clause, or before the
    group a "بقيادة" (led by) before it describes."""
    start = max(sentence_start, first - 1 - _ARABIC_BACKING_REACH)
    if not is_arabic(article.text[article.tokens[start].start: article.tokens[first].start]):
        return False  # one search instead of a word-by-word reading for every side English copy names
    index = first - 1
    while index >= start:
        if _ARABIC_CLAUSE_PUNCTUATION.search(article.text[article.tokens[index].end: article.tokens[index + 1].start]):
            return False
        if _BACKING_WORD.fullmatch(article.norms[index]):
            return True
        if first - index <= _BACKING_VERB_REACH and _BACKING_VERB.fullmatch(article.norms[index]):
            return True
        if article.norms[index] == _LED_BY:
            start = max(sentence_start, index - 2 - _ARABIC_BACKING_REACH)  # from the group's head: "التحالف الدولي"
        index -= 1
    return False
