"""Words and sentences of an article, from spaCy's rule-based tokenizer and sentencizer.

No trained pipeline: `spacy.blank` gives the language's tokenizer exceptions ("U.S.", "Nov.", "Sept."
stay one token, so they end no sentence) and the sentencizer splits at sentence-final punctuation.
Arabic text goes through the Arabic tokenizer, which separates "،" and Arabic quotes. Punctuation is
dropped from the words the rules read; a word joined to the one before by "-" ("IS-held") says so.
"""
import re
from typing import NamedTuple

from geo.text import normalize_name

# The shared vocabulary keeps every string it has seen; past this many the pipelines are built afresh,
# so that a long-running server reading many articles keeps a bounded vocabulary.
MAX_VOCABULARY = 500_000


# Tokens are tuples: an article of 100 kB has tens of thousands of them, and a tuple is built,
# hashed and sorted in a fraction of a dataclass's time.
class Token(NamedTuple):
    text: str
    norm: str
    start: int
    end: int
    hyphen_before: bool  # joined to the previous token by "-" ("IS-held")


_WORD = re.compile(r"[^\W_]", re.UNICODE)
_ARABIC = re.compile("[\u0600-\u06ff]")
_pipelines = {}


def pipeline(language):
    """The blank spaCy pipeline with a sentencizer for "en" or "ar", built once (rebuilt past MAX_VOCABULARY)."""
    nlp = _pipelines.get(language)
    if nlp is None or len(nlp.vocab.strings) > MAX_VOCABULARY:
        import spacy  # here, not at import: the admin imports this package, and most commands never read an article

        nlp = _pipelines[language] = spacy.blank(language)
        nlp.add_pipe("sentencizer")
    return nlp


def language_of(text):
    """"ar" when Arabic letters outnumber Latin ones in the text's first 2,000 characters."""
    sample = text[:2000]
    arabic = len(_ARABIC.findall(sample))
    return "ar" if arabic > sum(c.isascii() and c.isalpha() for c in sample) else "en"


def read(text):
    """(tokens, sentences): the words, and each sentence as (first, stop) token indexes.

    A sentence also ends at a line break (headlines, datelines, paragraphs)."""
    doc = pipeline(language_of(text))(text)
    tokens, starts, normal_forms = [], [], {}
    new_sentence, previous = True, None
    for spacy_token in doc:
        if spacy_token.is_sent_start:
            new_sentence = True
        word = spacy_token.text
        if "\n" in word or "\n" in spacy_token.whitespace_:
            new_sentence = new_sentence or "\n" in word
        if not _WORD.search(word):
            previous = spacy_token
            continue
        norm = normal_forms.get(word)
        if norm is None:
            # ASCII letters and digits only change case; other words go through the full normalisation.
            plain = word.replace(".", "")
            norm = normal_forms[word] = plain.lower() if plain.isascii() and plain.isalnum() else normalize_name(plain)
        if not norm:
            continue
        start = spacy_token.idx
        hyphen = previous is not None and previous.text == "-" and previous.idx == start - 1 and bool(tokens) \
            and tokens[-1].end == start - 1
        if new_sentence:
            starts.append(len(tokens))
            new_sentence = False
        end = start + len(word)
        for part in norm.split():  # "U.S.-backed", a ligature: one spaCy token, several words
            tokens.append(Token(word, part, start, end, hyphen))
            hyphen = True
        if "\n" in spacy_token.whitespace_:
            new_sentence = True
        previous = spacy_token
    bounds = [(first, stop) for first, stop in zip(starts, starts[1:] + [len(tokens)]) if first < stop]
    return tokens, bounds


def is_arabic(word):
    return _ARABIC.search(word) is not None
