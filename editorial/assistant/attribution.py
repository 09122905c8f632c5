"""Who says so, and when they said it: the claimant of a sentence and the date of its reporting verb.

Its own module because attribution is read apart from the control phrase: "the SDF said on Wednesday
its fighters had seized 80 percent of the city" names who claims it (the SDF) and the day the state it
reports held (Wednesday), though the phrase's own clause gives no date; a quotation standing after "quoted
him as saying on Monday:" (or after "an official said on Monday" sentences before) was said that day.
"""
import re

from .rules import ATTRIBUTION, PASSIVE_AUX

_SPEAKER_STOP = {"according": r"[,;.]", "said": r"[,;:–—(]"}
_LEADING = re.compile(r"^(?:(?:but|and|on \w+day|in a statement|also|the|a|an)\s+)+", re.I)
_QUOTATION_MARKS = "\"“«‘'"
_PRONOUNS = {"it", "he", "she", "they", "we", "i"}
REPORTING = {"said", "says", "saying", "announced", "reported", "told", "stated", "declared", "confirmed", "اعلن", "اعلنت", "قال",
             "قالت", "ذكر", "ذكرت", "افاد", "افادت"}


def find_claimant(sentence):
    """(who speaks, the attribution word): the words before "said" (back to a comma), or after "according to";
    the article's claimant when the sentence names none."""
    match = ATTRIBUTION.search(sentence.norm)
    if not match:
        return sentence.default_claimant, ""
    article = sentence.article
    position, tokens, text = article.token_at(sentence.norm_start + match.start()), article.tokens, article.text
    if match.group() in REPORTING and position > sentence.first and article.norms[position - 1] in PASSIVE_AUX:
        return sentence.default_claimant, ""  # "after victory was declared": no one named says so
    if match.group().startswith("according"):
        start = stop = position + 2
        while stop < sentence.last and stop - start < 8 and not (
                stop > start and re.search(_SPEAKER_STOP["according"], text[tokens[stop - 1].end: tokens[stop].start])):
            stop += 1
    else:
        stop = start = position
        while start > sentence.first and position - start < 8 and not re.search(
                _SPEAKER_STOP["said"], text[tokens[start - 1].end: tokens[start].start]):
            start -= 1
    if start >= stop:
        return sentence.default_claimant, match.group()
    words = _LEADING.sub("", text[tokens[start].start: tokens[stop - 1].end]).strip()
    if not words or words.lower() in _PRONOUNS:
        return sentence.default_claimant, match.group()
    return words[:200], match.group()


def said_date(sentence):
    """The date right after a reporting verb ("said on Wednesday", "أعلنت أمس"): the day a reported state held."""
    return said_on(sentence.article, sentence.first, sentence.dates)


def said_on(article, first, dates):
    """The date right after a reporting verb among `dates`, of the sentence that starts at token `first`."""
    norms = article.norms
    for found in dates:
        before = found.start - 1
        if before > first and norms[before] == "on":
            before -= 1
        if before >= first and norms[before] in REPORTING and not (
                before > first and norms[before - 1] in PASSIVE_AUX):
            return found  # not a passive "victory was declared in July": an event of its own, no one's saying
    return None


def opens_quotation(article, first):
    """Whether the sentence that starts at token `first` opens with a quotation mark (the tokens leave it out)."""
    start = article.tokens[first].start
    mark = article.text[max(0, start - 3): start].strip()[-1:]
    return bool(mark) and mark in _QUOTATION_MARKS
