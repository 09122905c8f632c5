"""Name normalisation, so that a search ignores case, diacritics, punctuation and Arabic vowel marks.

"Deir ez-Zor", "DEIR EZ ZOR" and "Dayr az-Zawr" differ only in spelling variants; "Deir ez-Zor" and
"deir-ez-zor" differ only in case and punctuation, which this removes.
"""
import re
import unicodedata

_ARABIC_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",  # alef variants
    "ى": "ي",  # alef maqsura
    "ة": "ه",  # ta marbuta
    "ـ": None,  # tatweel
})
_APOSTROPHES = re.compile(r"['’ʼʿʾ`´]")
_SEPARATORS = re.compile(r"[\W_]+", re.UNICODE)


def normalize_name(text):
    """Lower-case, strip diacritics and Arabic vowel marks, fold punctuation to single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = _APOSTROPHES.sub("", stripped.casefold().translate(_ARABIC_FOLD))
    return _SEPARATORS.sub(" ", folded).strip()


def search_variants(text):
    """The normalised name and the same without spaces ("deir ezzor" finds "Deir ez-Zor")."""
    normal = normalize_name(text)
    compact = normal.replace(" ", "")
    return [normal] if compact == normal else [normal, compact]


_ISOLATE_MARKS = re.compile("[\u2066-\u2069]")


def isolated(name):
    """A name between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, for plain text where no <bdi>
    exists (feed titles, page titles, iframe titles): right-to-left text or an override inside it
    cannot reorder the text around it. Isolate marks inside the name are dropped, so that it cannot
    close its own isolation early (static/shared/bidi.js does the same in the browser)."""
    return f"\u2068{_ISOLATE_MARKS.sub('', str(name))}\u2069"
