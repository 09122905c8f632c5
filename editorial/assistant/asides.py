"""The side a description of a place names, where the clause's grammar would name another.

Its own module because both read a side across words that describe the place rather than the clause: an unhyphenated
"held" that modifies a town noun ("the Islamic State (ISIS) held town") names its owner right before it, not the
clause's subject; an aside after a place ("the loss of Raqqa, the capital of its caliphate, last month to the SDF")
stands between a noun of change and the side after "to" or "by". roles.py reads them.
"""
import re


def named_right_before(sentence, cue):
    """The side named right before an unhyphenated "held" that modifies a noun, perhaps with its initials in brackets
    ("the Islamic State (ISIS) held town"): the description's owner, not the clause's subject, who may be attacking."""
    text = sentence.article.text
    start = sentence.article.tokens[cue.first].start
    before = [a for a in sentence.players if a.stop <= cue.first
              and re.fullmatch(r"\s*(?:\([^()]*\)\s*)?", text[sentence.article.tokens[a.stop - 1].end: start])]
    return before[-1] if before else None


def agent_after_aside(sentence, place):
    """The side after an aside that describes the place and perhaps a time: "the loss of Raqqa, the capital of its
    caliphate, last month to the SDF". A side inside the aside ("its caliphate") is not the agent."""
    text, tokens = sentence.article.text, sentence.article.tokens
    if place.stop >= sentence.last or not text[place.end: tokens[place.stop].start].strip().startswith(","):
        return None
    closing = next((index for index in range(place.stop + 1, min(sentence.last, place.stop + 12))
                    if "," in text[tokens[index - 1].end: tokens[index].start]), None)
    if closing is None:
        return None
    for index in range(closing, min(sentence.last - 1, closing + 4)):
        if sentence.article.norms[index] in ("to", "by"):
            agent = sentence.player_from(index + 1, index + 2)
            return agent if agent is not None and not re.search(
                r"[,;:(]", text[tokens[closing].start: agent.start]) else None
    return None
