"""Words of an article with their normal forms: what every other step of the assistant reads.

Its own module because the gazetteer tokenizes aliases the same way the article is tokenized, and
both must agree on every normal form.
"""
import re
from typing import NamedTuple

from geo.text import normalize_name


# Tokens are tuples: an article of 100 kB has tens of thousands of them, and a tuple is built,
# hashed and sorted in a fraction of a dataclass's time.
class Token(NamedTuple):
    text: str
    norm: str
    start: int
    end: int
    hyphen_before: bool  # joined to the previous token by "-" ("IS-held")


_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ARABIC = re.compile("[\u0600-\u06ff]")


def tokenize(text):
    tokens, normal_forms = [], {}
    for match in _WORD.finditer(text):
        word, start = match.group(), match.start()
        norm = normal_forms.get(word)
        if norm is None:
            # ASCII letters and digits only change case; other words go through the full normalisation.
            norm = normal_forms[word] = word.lower() if word.isascii() else normalize_name(word)
        if not norm:
            continue
        hyphen = start > 0 and text[start - 1] == "-" and bool(tokens) and tokens[-1].end == start - 1
        for part in norm.split():  # a ligature or compatibility character may decompose into words
            tokens.append(Token(word, part, start, match.end(), hyphen))
    return tokens


def is_arabic(word):
    return _ARABIC.search(word) is not None
