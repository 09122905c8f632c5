"""The article read once: tokens, a normalised text, sentences, and the place and actor mentions.

Its own module because every later step asks it questions by position (the sentence of a token, the
mentions of a sentence, the place "the city" refers to), each a binary search over lists built once.
"""
import bisect
import re
from typing import NamedTuple

from .names import DEMONYM_ENDINGS, SETTLEMENT_WORDS, bracketed_names
from .parts import ARABIC_DIRECTIONS, DIRECTION_OF
from .sides import SideReading
from .tokens import read

# A run of words with no sentence end is read in windows of this many tokens (the longest sentence of
# the real articles in tests/editorial/articles has 57): no rule looks further than its sentence.
MAX_SENTENCE_TOKENS = 150
CITY_KINDS = {"city", "town", "village", "base", "airport", "oil_field", "dam", "border_crossing"}


# Mentions are tuples, for the reason Token is one.
class Mention(NamedTuple):
    kind: str  # place or actor
    slug: str
    first: int  # token indexes, end exclusive
    stop: int
    start: int  # character offsets in the article
    end: int
    text: str
    role: str = ""  # actors: participant, backer; places: "" or "province" / "dateline" when ignored
    described: str = ""  # an actor described, not named ("Kurdish forces"): how it was read


_CLOSING = re.compile(r"[.!?؟\"'’”]*")
_PROVINCE_OF = re.compile(r"\b(?:province|governorate|region|countryside|rural area|rural part)s? of$|"
                          r"\bprovinces of \S+(?: \S+){0,3} and$|(?<!\S)[وف]?[لب]?"
                          r"(?:محافظه|(?:ال)?(?:ريف|ريفي|ريفين|ارياف)(?: و?ال(?:شمالي|جنوبي|شرقي|غربي)ه?){0,4}"
                          r"(?: ل(?:مدينه|بلده|قضاء|ناحيه))?)$")
# Places joined after the countrysides of several ("مساحات من ريفي حمص وحماة الشرقيين والرقة ودير الزور", areas of
# the eastern countryside of Homs and Hama, Raqqa and Deir ez-Zor): each names a province's countryside, not the town.
_COUNTRYSIDES_LISTED = re.compile(r"(?<!\S)[وفب]?(?:ال)?(?:ريفي|ريفين|ارياف) \S+(?: [وا]\S+){0,5}$")
# "Anbar and Salahuddin provinces" names two provinces; "Qaim and the region surrounding it" a town and its region;
# "Deir Ezzor eastern countryside" a part of the province around the town.
_PROVINCES_AFTER = re.compile(r"^(?:and (?!(?:the|its|their|an?)\b)\S+(?: \S+)? )?(?:s )?(?:(?:north|south)?"
                              r"(?:east|west)?ern )?(?:provinces?|governorates?|countryside|region)\b")
_FACILITY_AFTER = re.compile(r"^(?:oil )?(?:airbase|air base|military base|base|airport|refinery|dam|oil field|prison|"
                             r"complex)\b")
_FACILITY_BEFORE = {"قاعده", "مطار", "مصفاه", "مصفي", "سد", "حقل", "سجن"}
_DATELINE_TAIL = re.compile(r"^\W{0,3}[:|]|^\s*(?:,\s*[A-Z][\w ]{0,30})?\s*\([A-Za-z.]+\)|^\s*[—–]")
_KUNYA = {"abu", "abou", "abo", "ابو"}  # "Abu Bakr al-Baghdadi": a father's name opens a person's
_LANDMARK = re.compile(r"\b(?:near|outside|around|close to|" + DIRECTION_OF + r")\b|(?<!\S)(?:قرب|حول)(?!\S)")
# A region of a place right after an unnamed town places the town in it ("stormed a village in northwestern Kirkuk":
# the province around Kirkuk): the town goes unnamed, no place named later is it.
_IN_REGION_OF = re.compile(r"\bin (?:north|south)?(?:east|west)?ern$")
_SETTLEMENTS_OF_MANY = {"قضايي", "اقضيه", "ناحيتي", "نواحي", "مدينتي", "بلدتي", "بلدات", "قريتي"}  # two or more of them
_DISTANCE_UNIT = re.compile(r"كم|كلم|كيلومتر\S*|ميلا|اميال")  # a distance's unit before a direction, in Arabic
# A distance and a direction before a place, or an Arabic "lying" and a direction, make it a landmark that locates
# another place ("البوكمال (130 كم شرق مدينة دير الزور)", "Qaim, 400 km west of Baghdad"): "the city" after it means
# the place it locates.
_DISTANCE_FROM = re.compile(r"\b\d+ (?:كم|كيلومتر\S*|km|kilometres|kilometers|miles)(?: \S+)? (?:(?:south|north|east|west)(?:east|west)?"
                            r"(?:ern)? of|(?:شرق|غرب|شمال|جنوب)ي?(?: (?:شرق|غرب)ي?)?)(?: (?:the )?(?:city|town) of| مدينه| بلده)?$"
                            # "زمار الواقعة شمال غربي الموصل" (Zumar, lying north-west of Mosul), a distance unsaid
                            r"|(?<!\S)(?:ال)?واقع(?:ه)? (?:الي )?(?:ال)?(?:شرق|غرب|شمال|جنوب)ي?"
                            r"(?: (?:ال)?(?:شرق|غرب)ي?)?(?: من)?(?: مدينه| بلده)?$")


class Article(SideReading):
    """The article as tokens, a normalised text for the phrase rules, sentences and mentions.

    Every lookup by position (sentence of a token, mentions of a sentence, the place before a token)
    is a binary search over lists built once, so no step rescans the article.
    """

    def __init__(self, text, gazetteer):
        self.text = text
        self.gazetteer = gazetteer
        self.tokens, sentences = read(text)
        self.norms = [token.norm for token in self.tokens]
        parts, self.offsets = [], []
        position = 0
        for index, token in enumerate(self.tokens):
            if index:
                joiner = "-" if token.hyphen_before else " "
                parts.append(joiner)
                position += 1
            self.offsets.append(position)
            parts.append(token.norm)
            position += len(token.norm)
        self.norm = "".join(parts)
        self.sentences = [(first + offset, min(stop, first + offset + MAX_SENTENCE_TOKENS))
                          for first, stop in sentences for offset in range(0, stop - first, MAX_SENTENCE_TOKENS)]
        self.sentence_starts = [first for first, _ in self.sentences]
        self.places = self._places()
        self.place_firsts = [m.first for m in self.places]
        self.actors = self._actors()
        self.actor_firsts = [m.first for m in self.actors]
        kinds = gazetteer.place_kinds
        self.antecedents = [m for m in self.places if not m.role and kinds.get(m.slug, "town") in CITY_KINDS
                            and not _DISTANCE_FROM.search(" ".join(self.norms[max(0, m.first - 6): m.first]))
                            and not self.locates_another(m)]
        self.antecedent_firsts = [m.first for m in self.antecedents]
        # The cities the article itself calls a town ("the strategic town of al-Bab"): "the town" may refer to them
        self.called_towns = {m.slug for m in self.antecedents if self.norms[max(0, m.first - 2): m.first] in (
            ["town", "of"], ["village", "of"]) or self.norms[m.stop: m.stop + 1] == ["town"]}

    def locates_another(self, place, by_distance=False):
        """Whether an Arabic place is named after a direction right after another place, to locate it ("قرية البشير
        التركمانية جنوب مدينة كركوك", Bashir, south of Kirkuk): "داخلها" (inside it) after them is the place located.
        With `by_distance`, a distance before the direction locates too ("ثلاثين كيلومترا شمال غرب الحويجة"), though
        what it locates may be out of the sentence, so the place may still be what "ها" refers to."""
        index = place.first - 1
        if index > 0 and self.norms[index] in SETTLEMENT_WORDS:
            index -= 1  # "جنوب مدينة كركوك"
        if index > 1 and self.norms[index] == "من" and self.norms[index - 1].removeprefix("ال") in ARABIC_DIRECTIONS:
            # "تلعفر معقل داعش إلى الغرب من الموصل" (Tal Afar, Daesh's stronghold, to the west of Mosul): the
            # phrase of direction locates the place named a few words before it, past its description
            index -= 1 + (self.norms[index - 2] == "الي")
            first = self.sentence_starts[self.sentence_of(index)]
            return bool(self.places_in(max(first, index - 6), index))
        if index < 1 or self.norms[index] not in ARABIC_DIRECTIONS:
            return False
        while index > 0 and self.norms[index - 1] in ARABIC_DIRECTIONS:
            index -= 1  # "جنوب شرق الموصل"
        if by_distance and _DISTANCE_UNIT.fullmatch(self.norms[index - 1]):
            return True
        return any(index - other.stop <= 1 for other in self.places_in(max(0, index - 4), index))

    # -- structure ---------------------------------------------------------------------------
    def token_at(self, norm_offset):
        """The token index holding a character offset of the normalised text."""
        return max(0, bisect.bisect_right(self.offsets, norm_offset) - 1)

    def sentence_of(self, token_index):
        return bisect.bisect_right(self.sentence_starts, token_index) - 1

    def sentence_text(self, number):
        first, last = self.sentences[number]
        raw = self.text[self.tokens[first].start: self.tokens[last - 1].end]
        closing = _CLOSING.match(self.text, self.tokens[last - 1].end).group()
        return re.sub(r"\s+", " ", (raw + closing).replace("**", "")).strip()

    def places_in(self, first, stop):
        """Place mentions starting in tokens [first, stop)."""
        return self.places[bisect.bisect_left(self.place_firsts, first): bisect.bisect_left(self.place_firsts, stop)]

    def actors_in(self, first, stop):
        return self.actors[bisect.bisect_left(self.actor_firsts, first): bisect.bisect_left(self.actor_firsts, stop)]

    def province_before(self, token):
        """The last place named as a province before token `token` ("Deir ez-Zor province")."""
        position = bisect.bisect_left(self.place_firsts, token)
        return next((m for m in reversed(self.places[:position]) if m.role == "province"), None)

    def antecedent(self, token, small=False):
        """The last town-like place named before token `token` (what "the city" refers to); `small` ("the
        town", "the village") passes over the cities named after the last town ("Shirqat seen as crucial for
        the push to retake Mosul ... declared the town liberated"), as a pronoun agrees with its noun, unless the
        article itself calls that city a town."""
        position = bisect.bisect_left(self.antecedent_firsts, token)
        if small:
            kinds = self.gazetteer.place_kinds
            town = next((m for m in reversed(self.antecedents[:position])
                         if kinds.get(m.slug, "town") != "city" or m.slug in self.called_towns), None)
            if town is not None:
                return town
        return self.antecedents[position - 1] if position else None

    def referent(self, token, introduced=False, small=False, noun=""):
        """(place, how) "the town" at token `token` refers to: the town-like place named last, or when none
        is named before it, the first one named in the next two sentences ("... the last town held by IS.
        The town, Boukamal, ..."). A town `introduced` ("a remote western town") is a new one: only the one
        named next, other than a place the sentence locates it by ("a town ... near Raqqa": another place), or with none
        named next, the first town the headline lines name (a wire story's lede says "a key town" for it). A place
        named by another settlement `noun` in a later sentence ("a western town" ... "the city of Mosul") is another;
        a town introduced in a region of a place ("a village in northern Kirkuk") goes unnamed."""
        place = None if introduced else self.antecedent(token, small)
        if place is not None:
            return place, "read as"
        position = bisect.bisect_left(self.antecedent_firsts, token)
        sentence = self.sentence_of(token)
        landmarks = set()
        for following in self.antecedents[position: position + 3]:
            here = self.sentence_of(following.first) == sentence
            if introduced and here and _IN_REGION_OF.search(" ".join(self.norms[token: following.first])):
                landmarks.add(following.slug)
                break
            if following.slug in landmarks or _LANDMARK.search(" ".join(
                    self.norms[token if here else max(0, following.first - 5): following.first])):
                landmarks.add(following.slug)
                continue  # "a town ... near Raqqa", "... The town is west of Raqqa": another town, placed by Raqqa
            if self.sentence_of(following.first) > sentence + 2:
                break
            named_as = self.norms[following.first - 2: following.first]
            if introduced and named_as in (["town", "of"], ["city", "of"], ["village", "of"]) and (
                    here or noun in ("town", "city", "village") and named_as[0] != noun):
                # "seized a key town ... since capturing the town of Palmyra": another town's own noun phrase;
                # "a western town ... The offensive to retake the city of Mosul": a city, no town
                continue
            return following, "read as the place named next,"
        headline = [m for m in self.antecedents[:position]
                    if self.sentence_of(m.first) < min(2, sentence) and m.slug not in landmarks
                    and not _LANDMARK.search(" ".join(self.norms[max(0, m.first - 4): m.first]))]
        if introduced and headline:
            return headline[0], "read as the town the headline names first,"  # "Shirqat seen as crucial ..." / "a key town"
        return None, ""

    # -- mentions ----------------------------------------------------------------------------
    def _places(self):
        """Place mentions: the longest name from each position (names.Gazetteer.find), and the local names the
        article gives a place in brackets after it ("Tal Abyad (Gire Spi)"), wherever it uses them later."""
        found = [(first, stop, slug) for first, stop, slug in self.gazetteer.find(self.norms, self.gazetteer.place_matcher)
                 if not self._surname(first) and not self._lower_case_word(first, stop)]
        taken = {index for first, stop, _ in found for index in range(first, stop)}
        for words, slug, after in bracketed_names(self.text, self.tokens, self.norms, found, self.gazetteer):
            for first in range(after, len(self.norms) - len(words) + 1):
                if tuple(self.norms[first: first + len(words)]) == words and taken.isdisjoint(range(first, first + len(words))):
                    found.append((first, first + len(words), slug))
                    taken.update(range(first, first + len(words)))
        found += self._short_listed(found)
        return [self._mention("place", slug, first, stop, self._place_role(first, stop)) for first, stop, slug in sorted(found)]

    def _short_listed(self, found):
        """Names written without their long "ا" in a list after a word for two or more settlements ("قضائي راوة
        وعنه", the districts of Rawa and Anah; "أقضية عنة وراوة"): the plural says each name is a settlement, as
        "قضاء" says it of one (names.settled_spellings), so "عنه" there is Anah, not "about him"."""
        ends = {first: stop for first, stop, _ in found}
        listed = []
        for index in (i for i, norm in enumerate(self.norms) if norm in _SETTLEMENTS_OF_MANY):
            position = index + 1
            while position < len(self.norms) and position - index < 8:
                if self.norms[position] == "و":
                    position += 1  # "قضائي "راوة" و"عنه"": the "و" apart from the quoted name
                    continue
                if position in ends:
                    position = ends[position]
                    continue
                word = self.norms[position]
                bare = word[1:] if position > index + 1 and word[:1] == "و" else word
                joined = position == index + 1 or bare != word or self.norms[position - 1] == "و"
                match = self.gazetteer.find(["قضاء", bare], self.gazetteer.place_matcher)
                if not match or match[0][:2] != (0, 2) or not joined:
                    break
                listed.append((position, position + 1, match[0][2]))
                position += 1
        return listed

    def _lower_case_word(self, first, stop):
        """Whether a Latin-script name is written all in lower case: English copy capitalises a place's name, so
        such words are the common words some names share ("we hit the last stronghold": not Hit)."""
        written = self.text[self.tokens[first].start: self.tokens[stop - 1].end]
        return written.isascii() and written.islower()

    def _surname(self, first):
        """Whether a place name starting at token `first` ends a person's name: a nisba ("al-Baghdadi",
        "البغدادي") after a kunya ("Abu Bakr", "أبو بكر") or after a capitalised word inside a sentence that
        is not a headline ("leader Ibrahim al-Baghdadi")."""
        if first < 2 or not self.norms[first].startswith(("al", "el", "ال")):
            return False
        written = self.text[self.tokens[first].start: self.tokens[first].end + 1].lower()
        if not written.startswith(("al-", "al ", "el-", "ال")):
            return False
        before, kunya = self.tokens[first - 1], self.tokens[first - 2]
        if kunya.norm in _KUNYA and self.sentence_of(first - 2) == self.sentence_of(first):
            return True
        sentence_first = self.sentences[self.sentence_of(first)][0]
        # a comma parts a list's names ("Raqqa, al-Bab and Jarablus"), never a person's given name and nisba
        return (first - 1 > sentence_first and before.text[:1].isupper() and before.text.isalpha()
                and not self.text[before.end: self.tokens[first].start].strip()
                and not before.text.endswith(DEMONYM_ENDINGS) and not self.tokens[first - 2].text[:1].isupper())

    def _place_role(self, first, stop):
        before = " ".join(t.norm for t in self.tokens[max(0, first - 8): first])
        after = " ".join(t.norm for t in self.tokens[stop: stop + 4])
        if _PROVINCE_OF.search(before) or _PROVINCES_AFTER.match(after) or (
                self.norms[first].startswith("و") and _COUNTRYSIDES_LISTED.search(before)):
            return "province"
        if _FACILITY_AFTER.match(after) or (first and self.tokens[first - 1].norm.lstrip("و") in _FACILITY_BEFORE):
            return "facility"  # "the Qayyara airbase", "Baiji oil refinery", "قاعده القيارة": not the town
        sentence = self.sentence_of(first)
        starts_sentence = self.sentences[sentence][0] == first
        tail = self.text[self.tokens[stop - 1].end: self.tokens[stop - 1].end + 40]
        written = self.text[self.tokens[first].start: self.tokens[stop - 1].end]
        if starts_sentence and (
            _DATELINE_TAIL.match(tail)
            or (written.isupper() and tail.startswith(","))
        ):
            return "dateline"
        return ""

    def _mention(self, kind, slug, first, stop, role, described=""):
        start, end = self.tokens[first].start, self.tokens[stop - 1].end
        return Mention(kind, slug, first, stop, start, end, self.text[start:end], role, described)

    def norm_span(self, first, stop):
        return self.offsets[first], self.offsets[stop - 1] + len(self.tokens[stop - 1].norm)
