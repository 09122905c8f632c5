"""Words and sentences of an article, from spaCy's rule-based tokenizer and sentencizer.

No trained pipeline: `spacy.blank` gives the language's tokenizer exceptions ("U.S.", "Nov.", "Sept."
stay one token, so they end no sentence; so do the military ranks added to them), and spaCy's Sentencizer
rule splits at sentence-final punctuation.
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
# Persian and Kurdish letters that Arabic copy borrows for names ("الپيشمرگة", the Peshmerga): read as the Arabic
# letters the gazetteer's spellings use ("البيشمركة").
_BORROWED_LETTERS = str.maketrans({"پ": "ب", "گ": "ك", "ڤ": "ف", "چ": "ج", "ک": "ك", "ی": "ي"})
_ARABIC = re.compile("[\u0600-\u06ff]")
_pipelines = {}
_SENTENCE_ENDS = None  # spaCy's Sentencizer.default_punct_chars, read with spaCy
# Ranks spaCy's English exceptions lack ("Gen.", "Adm." are among them), written before a name.
_MILITARY_TITLES = ("Brig.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Cpl.", "Pvt.", "Cmdr.", "Lieut.")


def pipeline(language):
    """The blank spaCy pipeline for "en" or "ar" (its tokenizer), built once (rebuilt past MAX_VOCABULARY)."""
    nlp = _pipelines.get(language)
    if nlp is None or len(nlp.vocab.strings) > MAX_VOCABULARY:
        import spacy  # here, not at import: the admin imports this package, and most commands never read an article
        from spacy.symbols import ORTH
        from spacy.pipeline import Sentencizer

        global _SENTENCE_ENDS
        _SENTENCE_ENDS = frozenset(Sentencizer.default_punct_chars)
        nlp = _pipelines[language] = spacy.blank(language)
        if language == "en":
            for title in _MILITARY_TITLES:  # "Brig. Gen. Yahya Rasool": a rank's full stop ends no sentence
                nlp.tokenizer.add_special_case(title, [{ORTH: title}])
    return nlp


def language_of(text):
    """"ar" when Arabic letters outnumber Latin ones in the text's first 2,000 characters."""
    sample = text[:2000]
    arabic = len(_ARABIC.findall(sample))
    return "ar" if arabic > sum(c.isascii() and c.isalpha() for c in sample) else "en"


def read(text):
    """(tokens, sentences): the words, and each sentence as (first, stop) token indexes.

    Sentences follow spaCy's Sentencizer rule and punctuation list (a sentence ends after a run of
    sentence-final punctuation, at the next token that is not punctuation), and also end at a line break
    (headlines, datelines, paragraphs). spaCy's tokens are read as arrays of offsets, lengths and
    punctuation flags, not as Token objects (nor through the Sentencizer component, which builds them):
    a 100 kB chain of "a-a-a" is 200,000 tokens, and building a Token for each took most of a second."""
    from spacy.attrs import IDX, IS_PUNCT, LENGTH

    language = language_of(text)
    doc = pipeline(language).make_doc(text)
    tokens, starts, normal_forms = [], [], {}
    new_sentence, seen_end, hyphen_at = True, False, -1  # hyphen_at: where the word after a "-" would start
    for start, length, punct in _pieces(text, doc.to_array([IDX, LENGTH, IS_PUNCT]).tolist(), language == "ar"):
        word = text[start:start + length]
        if word in _SENTENCE_ENDS:
            seen_end = True
        elif seen_end and not punct:
            new_sentence, seen_end = True, False
        norm = normal_forms.get(word)
        if norm is None:
            # ASCII letters and digits only change case; other words go through the full normalisation.
            plain = word.replace(".", "")
            norm = normal_forms[word] = "" if not _WORD.search(word) else plain.lower() \
                if plain.isascii() and plain.isalnum() else normalize_name(plain.translate(_BORROWED_LETTERS))
        if "\n" in word:
            new_sentence = True
        if not norm:
            hyphen_at = start + 1 if word == "-" and tokens and tokens[-1].end == start else -1
            continue
        if new_sentence:
            starts.append(len(tokens))
            new_sentence = False
        hyphen, end = hyphen_at == start, start + length
        for part in norm.split():  # "U.S.-backed", a ligature: one spaCy token, several words
            tokens.append(Token(word, part, start, end, hyphen))
            hyphen = True
        hyphen_at = -1
    bounds = [(first, stop) for first, stop in zip(starts, starts[1:] + [len(tokens)]) if first < stop]
    return tokens, bounds


def _pieces(text, spans, arabic=False):
    """spaCy's (start, length, punct) spans, with a full stop between Arabic letters ("الأخير.وقال", a sentence end
    typed without its space, which the Arabic tokenizer keeps inside the word) made a token of its own, a closing
    quote and full stop kept in the word before them split from it, and a number typed against an Arabic word
    ("نحو80", about 80) split from it. In Arabic text a full stop after a number ("في 2014. وقالت") ends the
    sentence: the Arabic tokenizer keeps it in the number, where the English one splits it off."""
    for start, length, punct in spans:
        word = text[start:start + length]
        if arabic and _NUMBER_STOP.match(word):
            stop = word.index(".")
            yield start, stop, False
            yield start + stop, length - stop, True
        elif "." in word and _GLUED_STOP.search(word):
            for part in re.finditer(r"[^.]+|\.+", word):
                yield start + part.start(), len(part.group()), part.group()[0] == "."
        elif not word.isascii() and (closing := _GLUED_QUOTE_END.search(word)):
            # "المدينة\"." (a quotation closed with the sentence): the word, the quote and the full stop
            yield start, closing.start(1), False
            yield start + closing.start(1), len(closing.group(1)), True
            yield start + closing.start(2), len(closing.group(2)), True
        elif not word.isascii() and _GLUED_NUMBER.search(word):
            for part in _ARABIC_OR_DIGITS.finditer(word):
                yield start + part.start(), len(part.group()), punct
        else:
            yield start, length, punct


_NUMBER_STOP = re.compile(r"\d+\.+$")
_GLUED_STOP = re.compile("[\u0600-\u06ff]\\.+[\u0600-\u06ff]")
_GLUED_QUOTE_END = re.compile("[\u0600-\u06ff]([\"'»”)]+)([.!?؟]+)$")
_GLUED_NUMBER = re.compile("[\u0600-\u06ff]\\d|\\d[\u0600-\u06ff]")
_ARABIC_OR_DIGITS = re.compile("\\d+|\\D+")


def is_arabic(word):
    return _ARABIC.search(word) is not None
