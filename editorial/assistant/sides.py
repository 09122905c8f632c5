"""Which side each actor mention means: an alias, a description ("Kurdish forces"), a country as a headline's
subject, or a generic word ("the army", "the militants") standing for a side named before or after it.

Its own module because a side is read from the whole article (the side of its kind named last, the country of
the place the sentence is about, sides named together as one subject), where places are read from their words
and the sentence. Article reads it as a mixin.
"""
import bisect
import functools

from .backing import backs
from .descriptions import find_descriptions, stem
from .names import (COUNTRY_NAMES, COUNTRY_WORDS, DEMONYM_ENDINGS, GOVERNMENT, INSURGENTS, NAMED_BEFORE, POSSESSED,
                    foreign_after)
from .rules import find_cues
from .tokens import is_arabic

_HEAD_NOUNS = {"forces", "troops", "fighters", "units", "soldiers"}  # shared by adjectives joined by "and"
_QUOTES = set("'\"‘’“”«»")
_SAYS = {"says", "said"}  # "Iraq says retakes Tal Afar": the headline's subject is the one taking it
_NOT_SALIENT = {"from", "other", "against", "over"}
# Words naming the jihadist creed, or "the organisation" ("التنظيم") Arabic copy calls it by, not any armed men
# ("militants", "المسلحون") nor the Syrian state's "terrorists" for every rebel: with no armed group named they mean
# the one group the gazetteer calls so.
_JIHADIST_WORDS = {"jihadists", "extremists", "الجهاديين", "الجهاديون", "المتشددين", "المتشددون", "المتطرفين",
                   "المتطرفون", "التنظيم"}
_OBJECTS = {"ضد", "من", "مع", "عن", "علي", "الي"}  # Arabic prepositions: the side after one is no subject
_BODY_WORDS = 8  # a state's body, its country's adjective, a day and "أن" before "قواتها"
_FROM = {"from", "rivals"}
_OPPOSING = {"between", "among", "clash", "clashed", "clashes", "fought", "fight", "battled", "بين", "اشتباكات",
             "الاشتباكات", "معارك", "المعارك", "مواجهات", "المواجهات", "قتال"}
# A bare "military" after a possessive describes that side's own acts ("the SDF pressed their military advances").
_POSSESSIVES = {"their", "its", "his", "her", "our"}
# A side's name before a word of watching or reporting ("a Syrian opposition monitoring group", "opposition activists",
# "a pro-opposition watchdog", "pro-government media") says whose sympathies the source has: no side in the fighting.
_OBSERVERS = {"monitor", "monitors", "monitoring", "activist", "activists", "watchdog", "media", "news", "outlet",
              "outlets", "website", "journalist", "journalists"}
# Words with the article after "القوات" alone that are no adjective of it: its object ("استعادت القوات السيطرة على",
# the forces regained control of) or a day ("دخلت القوات اليوم"); the forces are then the side named before.
_NOT_ADJECTIVES = {"السيطره", "اليوم", "الجمعه", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس"}


class SideReading:
    """The side mentions of Article (its tokens, sentences, places and gazetteer)."""

    def _actors(self):
        """Actor mentions, the longest alias first; a generic word ("the army", "the militants") means the
        state force (armed group) named last, or else the next one named."""
        found, last = [], {GOVERNMENT: None, INSURGENTS: None}
        # The side last named after "from" or "against" ("liberated the town from the Islamic State group. The
        # militants still control Hawija"): what a generic word means when no other side of its kind is named.
        unsalient = {GOVERNMENT: None, INSURGENTS: None}
        fighting_is = None  # the last side named that is not the jihadists: what "القوات" alone takes up
        named = [(first, stop, slug, "") for first, stop, slug in self._named] + self._country_subjects()
        named += self._shared_head_demonyms()
        described = find_descriptions(self, self._named, self.country_at)
        for first, stop, slug, why in sorted(named + described):
            if slug == GOVERNMENT and (self._foreign(first, found) or foreign_after(self.norms, stop)):
                continue  # "the US military", "Turkish troops", "الجيش التركي": another country's force
            if self.norms[stop:stop + 1] and self.norms[stop] in _OBSERVERS:
                continue
            if slug == GOVERNMENT and self.norms[max(0, first - 1):stop] in ([p, "military"] for p in _POSSESSIVES):
                continue  # "their military advances": an adjective of the side named before, not the army
            if slug == NAMED_BEFORE:
                if fighting_is is None:
                    continue
                slug = fighting_is
            if slug == POSSESSED:
                slug = self._owner(found, first)
                if slug is None:
                    continue
            if slug in last and (self._names_head(found, first) or self._named_after_of(stop)):
                continue  # "Peshmerga troops", "soldiers of the YPG": the name next to the generic word says who
            if slug in last:
                words = tuple(self.norms[first:stop])
                slug = (self._possessor(found, first)
                        or (self._government_here(first) if slug == GOVERNMENT else None) or last[slug]
                        or self._next_named(slug, stop) or self.gazetteer.generic_owner.get(words) or unsalient[slug]
                        or (self._sole_insurgent if slug == INSURGENTS and words[-1] in _JIHADIST_WORDS else None))
                if slug is None:
                    continue
            found.append(self._mention("actor", slug, first, stop, self._actor_role(first, stop), why))
            kind = GOVERNMENT if self.gazetteer.is_state_force(slug) else INSURGENTS if self.gazetteer.is_insurgent(slug) else None
            if first and (self.norms[first - 1] in _NOT_SALIENT or self._taken_from(first)):
                if kind is not None:
                    unsalient[kind] = slug
                continue  # "from other rebels": not the side "the militants" will mean while another is named
            if kind is not None:
                last[kind] = slug
            if kind != INSURGENTS:
                fighting_is = slug
        return found

    @functools.cached_property
    def allies(self):
        """For each side, the sides the article names together with it as one subject ("The Iraqi army and Shiite
        militia forces are involved", "Iraqi Army and Shiite militias had been trying", "الجيش وقوات الحشد"): they
        fight on the same side, so neither is the other's adversary. Not after "between" ("clashes between IS and the
        army")."""
        joined = {}
        players = [m for m in self.actors if m.role == "participant"]
        opens = {}  # a mention's first token, or that of its side's full name right before it ("Units (YPG)")
        for before, after in zip(players, players[1:]):
            words = self.norms[before.stop: after.first]
            if before.slug == after.slug and not self.text[before.end: after.start].strip(" ("):
                opens[after.first] = opens.get(before.first, before.first)
            if before.slug == after.slug or self.sentence_of(before.first) != self.sentence_of(after.first):
                continue
            joined_here = (self._joined_by_wa(after, words) if is_arabic(self.tokens[after.first].text)
                           else [w for w in words if w not in ("the", "al")] == ["and"])
            if not joined_here or {",", "،"} & set(self.text[before.end: after.start]):
                continue
            head = opens.get(before.first, before.first)
            opening = self.norms[max(self.sentences[self.sentence_of(before.first)][0], head - 4): head]
            if _OPPOSING.intersection(opening) or _OPPOSING.intersection(self.norms[after.stop: after.stop + 2]):
                continue
            joined.setdefault(before.slug, set()).add(after.slug)
            joined.setdefault(after.slug, set()).add(before.slug)
        return joined

    def _joined_by_wa(self, mention, between):
        """Whether an Arabic mention begins with the clitic "و" (and) that its alias does not spell, right after
        another side, or after the definite adjectives that end its name: "القوات العراقية وقوات الحشد", "قوات الحشد
        الشعبي والجيش العراقي" (a word between without the article ends the subject: "قوات الحشد أمس والجيش")."""
        norm = self.norms[mention.first]
        if len(between) > 2 or not all(word.startswith("ال") for word in between):
            return False
        return norm.startswith("و") and self.gazetteer.match_form(norm) != norm

    @functools.cached_property
    def described_holders(self):
        """Place -> the side a "-controlled" or "-held" adjective says held it, the place named at most six words on
        ("Peshmerga-controlled areas south and west of Kirkuk", "the IS-held town of Al-Bab"): the side a force going
        in meets there."""
        holders = {}
        for actor in self.actors:
            after = self.tokens[actor.stop] if actor.stop < len(self.tokens) else None
            if after is None or not after.hyphen_before or after.norm not in ("controlled", "held"):
                continue
            for place in self.places_in(actor.stop + 1, actor.stop + 8):
                if not place.role and self.sentence_of(place.first) == self.sentence_of(actor.first):
                    holders.setdefault(place.slug, actor.slug)
                    break
        return holders

    def _country_subjects(self):
        """(first, stop, slug, why) of a country named as its sentence's subject right before a verb of taking, in
        headline grammar ("Iraq retakes Tal Afar", "Iraq says retakes Tal Afar", "العراق يستعيد راوة"): the country's
        state force. A verb in quotation marks ("Iraq 'retakes Tikrit'") is a claim the headline keeps at a distance:
        no subject."""
        found = []
        for first, stop in self.sentences:
            force = self.gazetteer.government_of.get(COUNTRY_NAMES.get(self.norms[first]))
            word = self.tokens[first].text
            if force is None or stop - first < 3 or not (word[:1].isupper() or is_arabic(word)):
                continue
            verb = first + 2 if self.norms[first + 1] in _SAYS else first + 1
            if _QUOTES.intersection(self.text[self.tokens[first].end: self.tokens[verb].end]):
                continue
            if any(cue.kind == "capture" and cue.first == verb for cue in find_cues(self, first, stop)):
                found.append((first, first + 1, force, ""))
        return found

    def _shared_head_demonyms(self):
        """(first, stop, slug, why) of a country's adjective joined by "and" to a side whose head noun it shares
        ("Iraqi and Kurdish Peshmerga forces retook", "Syrian and Russian troops"): that country's state force."""
        found = []
        for first, stop, _ in self._named:
            if first < 2 or self.norms[first - 1] != "and" or not self.tokens[first - 2].text[:1].isupper():
                continue
            if not {self.norms[stop - 1], self.norms[stop] if stop < len(self.norms) else ""} & _HEAD_NOUNS:
                continue
            word = self.norms[first - 2]
            code = next((c for c, words in COUNTRY_WORDS.items() if word in words), None)
            force = self.gazetteer.government_of.get(code)
            if force is not None and word not in COUNTRY_NAMES and not word.endswith("s"):
                found.append((first - 2, first - 1, force, ""))
        return found

    def _names_head(self, found, index):
        """Whether the actor named last ends right before token `index`, in its phrase ("Peshmerga troops"): an
        English generic word after a name is that side's head noun, not another side."""
        if not found or found[-1].stop != index or is_arabic(self.tokens[index].text):
            return False
        return not self.text[self.tokens[index - 1].end: self.tokens[index].start].strip()

    def _possessor(self, found, index):
        """The side a possessive before a generic word stands for: the last one named in its sentence ("The Kurdish
        ministry of Peshmerga said its troops freed Jalawla": the Peshmerga's, not the army of the place's country)."""
        if not (index and found) or self.norms[index - 1] not in ("its", "their"):
            return None
        return found[-1].slug if self.sentence_of(found[-1].first) == self.sentence_of(index) else None

    def _owner(self, found, index):
        """The side "قواته" (its forces) at token `index` belongs to: the one named last before it in its sentence, not
        after a preposition ("في المعارك ضد داعش، أعلن الجيش أن قواته": an owner is a subject), or else the state force
        of the one country a state's body just before it names ("أعلنت وزارة الدفاع العراقية، اليوم، أن قواتها"), not
        another country's body ("وزارة الدفاع الروسية")."""
        first = self.sentences[self.sentence_of(index)][0]
        owners = [a for a in found if a.first >= first and (
            a.first == first or self.norms[a.first - 1] not in _OBJECTS)]
        if owners:
            return owners[-1].slug
        body = range(max(first, index - _BODY_WORDS), index)
        if any(foreign_after(self.norms, i) for i in body):
            return None
        countries = {country for i in body for country, words in COUNTRY_WORDS.items()
                     if self.norms[i].removeprefix("و") in words}
        return self.gazetteer.government_of.get(countries.pop()) if len(countries) == 1 else None

    def _named_after_of(self, stop):
        """Whether "of" (and "the") after a generic word leads to a side's name ("soldiers of the Kurdish People's
        Protection Units"): the generic word is that side's head noun."""
        words = self.norms[stop: stop + 2]
        if not words or words[0] != "of":
            return False
        start = stop + (2 if words[1:] == ["the"] else 1)
        return any(first == start for first, _, _ in self._named)

    def _foreign(self, index, found):
        """Whether the word before a generic "military"/"troops" names another country: a foreign state's alias
        ("US", "Russian") or a capitalised demonym ("Turkish"), not at the start of a sentence."""
        if not index or self.sentence_of(index - 1) != self.sentence_of(index):
            return False
        if found and found[-1].stop == index and self.gazetteer.actor_kinds.get(found[-1].slug) == "foreign_state":
            return True
        word = self.tokens[index - 1].text
        return word[:1].isupper() and word.endswith(DEMONYM_ENDINGS) and self.sentences[self.sentence_of(index)][0] != index - 1

    def _taken_from(self, index):
        """Whether "from" or "rivals" stands up to six words before token `index` in its clause ("fighting rivals
        including from the al Qaeda-linked Nusra Front")."""
        start = max(self.sentences[self.sentence_of(index)][0], index - 6)
        if any(p in self.text[self.tokens[start].start: self.tokens[index].start] for p in ",;"):
            return False
        return bool(_FROM.intersection(self.norms[start:index]))

    def country_at(self, token):
        """The country of the place the sentence of token `token` is about: the first it names, or else the last
        one named before it, or else (a lede before any place) the next one named."""
        first, stop = self.sentences[self.sentence_of(token)]
        position = bisect.bisect_left(self.place_firsts, first)
        here = [m for m in self.places_in(first, stop) if not m.role] or [
            m for m in self.places[max(0, position - 20):position] if not m.role][-1:] or [
            m for m in self.places[position:position + 20] if not m.role][:1]
        return next((country for m in here if (country := self.gazetteer.place_countries.get(m.slug))), None)

    def _government_here(self, token):
        """The state force of the country of the first place the sentence names ("Government forces declared
        victory in Deir al-Zor" after a paragraph on Iraq: Syria's)."""
        first, stop = self.sentences[self.sentence_of(token)]
        for place in self.places_in(first, stop):
            country = self.gazetteer.place_countries.get(place.slug)
            if country in self.gazetteer.government_of:
                return self.gazetteer.government_of[country]
        return None

    @functools.cached_property
    def _named(self):
        """(first, stop, slug) of each alias written in the article, a short capitalised one only as written, and
        on one line (a headline's last word and the lede's first are not one name: "... in Iraq / Kurdish forces")."""
        exact = self.gazetteer.exact
        return [(first, stop, slug) for first, stop, slug in self.gazetteer.find(self.norms, self.gazetteer.actor_matcher)
                if ((words := tuple(self.norms[first:stop])) not in exact or self._written_as(first, exact[words]))
                and not self._opposed(first)
                and "\n" not in self.text[self.tokens[first].end: self.tokens[stop - 1].start]
                and not self._describes_a_foreign_side(first, stop, slug)
                # "القوات التركية", "الفصائل الكردية": the adjective after it says who (a description), not the side
                # named before
                and not (slug == NAMED_BEFORE and stop < len(self.norms) and self.norms[stop].startswith("ال")
                         and self.norms[stop] not in _NOT_ADJECTIVES)]

    def _describes_a_foreign_side(self, first, stop, slug):
        """Whether an alias that is only a description ("Kurdish fighters": a demonym and lowercase words) names a side
        of another country than the place's: it is read as a description there, which may mean that country's side
        (the Peshmerga in Sinjar). A country's own adjective ("Syrian government forces") says the country itself."""
        words = [t.text for t in self.tokens[first:stop]]
        if len(words) < 2 or not words[0].endswith(DEMONYM_ENDINGS) or not all(w.islower() for w in words[1:]):
            return False
        if stem(self.norms[first]) in self.gazetteer.side_vocabulary.country_of_stem:
            return False
        country, here = self.gazetteer.side_vocabulary.country.get(slug), self.country_at(first)
        return country is not None and here is not None and country != here

    def _opposed(self, index):
        """Whether the name at token `index` follows "anti-" ("anti-government fighters" are not the government)."""
        return index > 0 and self.tokens[index].hyphen_before and self.norms[index - 1] == "anti"

    def _written_as(self, index, capitals):
        """Whether token `index` is written as `capitals` ("IS", "U.S." for "US"), not as a word ("is", "us")."""
        written = self.tokens[index].text.replace(".", "")
        return written == capitals or (written.startswith(capitals) and not written[len(capitals):][:1].isalpha())

    @functools.cached_property
    def _named_sides(self):
        """For each generic word, (token index, slug) of the sides it may mean, named by their own alias, in order."""
        sides = {GOVERNMENT: [], INSURGENTS: []}
        for first, _, slug in self._named:
            if slug not in sides:
                kind = GOVERNMENT if self.gazetteer.is_state_force(slug) else INSURGENTS if self.gazetteer.is_insurgent(slug) else None
                if kind:
                    sides[kind].append((first, slug))
        return sides

    @functools.cached_property
    def _sole_insurgent(self):
        """What "the jihadists" ("الجهاديين") or "the organisation" ("التنظيم") mean in an article naming no armed
        group ("اقتحم الجيش الحمدانية لاستعادتها من الجهاديين"): the one group the gazetteer calls by such words. In
        an article naming the Free Syrian Army they may be its allies."""
        insurgents = self.gazetteer.insurgents
        if len(insurgents) != 1 or any(self.gazetteer.is_armed_group(slug) for _, _, slug in self._named):
            return None
        return next(iter(insurgents))

    def _next_named(self, generic, index):
        """The first side a generic word may mean named from token `index` on, when none was named before it."""
        named = self._named_sides[generic]
        position = bisect.bisect_left(named, (index,))
        return named[position][1] if position < len(named) else None

    def _actor_role(self, first, stop):
        sentence_start = self.sentences[self.sentence_of(first)][0] if self.sentences else 0
        return "backer" if backs(self, first, stop, sentence_start) else "participant"
