"""The side a pronoun stands for: English "they" before a verb of taking, "its" or "their" before a stronghold.

Its own module because the pronoun reaches outside the phrase's clause, where the clause reading stops: to the side
that opens its sentence ("Peshmerga forces will stay in Bashiqa, which they captured this week") or, when its sentence
opens with none, the side that opens the sentence before ("The SDF fought for months. Last month they captured Raqqa"),
or the one opening its last main clause after "but" ("IS fought for Kobani but Kurdish forces held it. They then ...").
A side named later in a sentence is too often an object or a side of another clause to be read as the pronoun's.
Arabic "بين الطرفين" (between the two sides) reaches back in the same way, to the two sides of the sentence before.
"""
import re

# Words between the pronoun and its verb: auxiliaries and adverbs ("they have now fully captured").
_BETWEEN = {"have", "had", "has", "then", "later", "also", "now", "finally", "eventually", "fully", "recently"}
_OPENING = 3  # words before a sentence's subject: "The", "US-backed", "Last month"
_POSSESSED_CONTROL = re.compile(r"(?:ل|تحت )سيطر(?:ته|تها|تهم)$")  # "لسيطرته", "تحت سيطرته": to, under its control
_BOTH_SIDES = re.compile(r"(?<!\S)بين (?:ال)?(?:طرفين|جانبين)(?!\S)")
_POSSESSIVES = {"its", "their"}
_CONTRAST = "but"  # opens a later main clause, whose subject is the one a next sentence's "they" continues
_OWNER_REACH = 4  # "its last major Syrian stronghold": the possessive and the words of its noun phrase


def they_stand_for(sentence, cue):
    """The side "they" right before the phrase stands for, else None."""
    article = sentence.article
    norms = article.norms
    index = cue.first - 1
    while index > sentence.first and norms[index] in _BETWEEN:
        index -= 1
    if index < sentence.first or norms[index] != "they":
        return None
    opener = _opening_side(article, sentence.first, index)
    if opener is None and index <= sentence.first + _OPENING and sentence.number:
        first, last = article.sentences[sentence.number - 1]
        contrast = next((i for i in range(last - 1, first, -1) if norms[i] == _CONTRAST), None)
        later = _opening_side(article, contrast + 1, last) if contrast is not None else None
        opener = later or _opening_side(article, first, last)
    return opener


def _opening_side(article, first, stop):
    """The side named first in tokens [first, stop), when it opens them."""
    sides = [a for a in article.actors_in(first, stop) if a.role == "participant"]
    return sides[0] if sides and sides[0].first <= first + _OPENING else None


def both_sides(sentence):
    """The sides "بين الطرفين" (between the two sides) stands for in a sentence that names none ("اندلاع اشتباكات عنيفة
    بين الطرفين داخل المدينة"): the two the sentence before names. Any other number of sides there names nobody."""
    if not sentence.number or not _BOTH_SIDES.search(sentence.norm):
        return []
    first, last = sentence.article.sentences[sentence.number - 1]
    sides = {a.slug for a in sentence.article.actors_in(first, last) if a.role == "participant"}
    return sorted(sides) if len(sides) == 2 else []


def possessor_before(sentence, cue):
    """The side an Arabic possessive ending a state of being held stands for ("في الموصل وتكريت اللتين تخضعان لسيطرته",
    which are subject to its control): the side named last before the phrase in its sentence, else None."""
    if not _POSSESSED_CONTROL.search(cue.text):
        return None
    sides = [a for a in sentence.article.actors_in(sentence.first, cue.first) if a.role == "participant"]
    return sides[-1] if sides else None


def stronghold_owner(sentence, cue, place):
    """The side "its" or "their" before a stronghold stands for, where the noun describes the place right before it
    ("Raqqa, its Syrian stronghold") or the place is its modifier ("their Mosul stronghold"): the one side its
    sentence names before the possessive, else None ("troops closing in on their Mosul stronghold": the troops or
    the side they close in on). "Tel Abyad ... from its stronghold in Hasaka" and "its stronghold of Raqqa" name a
    stronghold of their own, or one the sentence's event dates."""
    norms, tokens, text = sentence.article.norms, sentence.article.tokens, sentence.article.text
    first = max(sentence.first, cue.first - _OWNER_REACH)
    index = next((i for i in range(cue.first - 1, first - 1, -1) if norms[i] in _POSSESSIVES), None)
    if index is None or place.first >= cue.first or sentence.article.actors_in(index, cue.first):
        return None
    modifier = index < place.first
    apposition = place.stop == index and text[tokens[place.stop - 1].end: tokens[index].start].strip() == ","
    if not (modifier or apposition) or re.search(r"[,;:()]", text[tokens[index].end: tokens[cue.first].start]):
        return None
    sides = [a for a in sentence.article.actors_in(sentence.first, index) if a.role == "participant"]
    return sides[-1] if len({a.slug for a in sides}) == 1 else None
