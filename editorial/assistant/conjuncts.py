"""Which sides a clause's subject joins: the first of coordinated subjects leads the clause.

Its own module because coordination is a grammar of its own: "and" or the clitic "و" between two sides, a side's
head noun before "and", a description and the name it goes by, "as well as" listing more of the same side.
Sentence reads it as a mixin, through ClauseReading.
"""
import re

_CONJUNCTIONS = {"and", "و"}
# A description, then the name it goes by.
_NAMED_AS = re.compile(r"(?:^| )(?:also )?(?:known as|called|dubbed|named)(?: the)?$")
# The head noun of a side named before "and" ("the YPG militia and ..."), and what may stand before the next one.
_FORCE_NOUNS = {"militia", "militias", "forces", "troops", "fighters", "units", "soldiers", "army", "police"}
_COORDINATED_MODIFIERS = {"smaller", "allied", "other", "local", "the", "their", "its"}
# The head noun of a side's unit named after its possessor: "the Iraqi army's 9th Armored Division and ...".
_UNIT_NOUNS = _FORCE_NOUNS | {"division", "brigade", "brigades", "regiment", "battalion", "battalions", "corps",
                              "commandos", "service"}
# Arabic definite nouns joined by "و", each with at most one adjective: the forces a list names between two sides.
# An Arabic unit noun joined by "و" before a side's name: "القوات العراقية ووحدات الحشد الشعبي" (and the PMF's units).
_ARABIC_JOINED_UNITS = {"ووحدات", "وفصائل", "وقوات", "ومقاتلو", "ومقاتلي", "وعناصر", "وميليشيات", "وكتائب"}
_UNNAMED_ARABIC_CONJUNCTS = re.compile(r"(?:وال\S+(?: ال\S+)?)(?: وال\S+(?: ال\S+)?){0,2}")
# A joint force and the first of its members ("قوات مشتركة من الجيش والحشد الشعبي"): the members after "من" are
# joined by "و" to the joint force itself, which leads them.
_JOINT = "مشتركه"
_FIRST_MEMBERS = re.compile(r"من(?: ال\S+(?: ال\S+)?(?: وال\S+(?: ال\S+)?){0,3})?")
CLAUSE_WORDS = {"said", "says", "which", "who", "that", "after", "before", "while", "but", "from", "against"}


class ConjunctReading:
    """The coordination readings of Sentence (its subjects and article)."""

    def _first_conjunct(self, position):
        """The first of coordinated subjects, who leads: "Iraqi forces and Shiite militias", "القوات الامنيه
        والعشائر والحشد الشعبي" (words joined by "and" or the clitic "و" between them)."""
        norms = self.article.norms
        while position:
            previous, current = self.subjects[position - 1], self.subjects[position]
            between = self._unbracketed(previous.stop, current.first)
            joined = norms[current.first].startswith("و") or "and" in between or _NAMED_AS.fullmatch(" ".join(between))
            # "the Popular Mobilisation Forces (PMF)": a name and its abbreviation, one conjunct
            joined = joined or (not between and previous.slug == current.slug)
            if not joined or not (conjoined(between) or self._joint_members(previous, between)):
                break
            position -= 1
        return self._joint_lead(self.subjects[position]) or self.subjects[position]

    def joined_sides(self, subject, cue, place):
        """The sides coordinated after `subject` before the phrase ("the army's 9th Armored Division and Hashd
        Shaabi units broke into"), or before the place when the verb comes first ("اقتحمت القوات العراقية والحشد
        الشعبي مدينة تكريت"): each goes in with it, so each fights for the place."""
        norms, sides = self.article.norms, []
        end = place.first if cue.stop <= subject.first < place.first else cue.first
        # a joint force's first member leads it though not read as a subject ("قوة مشتركة من الجيش والحشد")
        after = [s for s in self.subjects if s.first >= subject.stop] if subject in self.players else []
        previous = subject
        for current in (s for s in after if s.stop <= end):
            between = self._unbracketed(previous.stop, current.first)
            unit = len(between) == 1 and between[0] in _ARABIC_JOINED_UNITS
            if not (norms[current.first].startswith("و") or "and" in between or unit) or not (
                    conjoined(between) or self._joint_members(previous, between)):
                break
            sides.append(current.slug)
            previous = current
        return sides

    def _unbracketed(self, first, stop):
        """The words from `first` to `stop` outside brackets: "والرد السريع (تابعتان للداخلية)، والحشد الشعبي" lists
        two forces, the bracket only describes the first."""
        text, tokens, norms = self.article.text, self.article.tokens, self.article.norms
        start = tokens[first - 1].end if first else 0
        return [norms[index] for index in range(first, stop)
                if text.count("(", start, tokens[index].start) <= text.count(")", start, tokens[index].start)]

    def _joint_members(self, joint, between):
        """Whether the words between a joint force and a side begin its list of members ("قوات مشتركة من الجيش
        والحشد الشعبي"): the side is one of them, joined to the joint force."""
        norms = self.article.norms
        if between[:1] == [_JOINT]:
            between = between[1:]
        elif norms[joint.stop - 1] != _JOINT:
            return False
        return _FIRST_MEMBERS.fullmatch(" ".join(between)) is not None

    def _joint_lead(self, member):
        """The first member of a joint force no name matched ("قوة مشتركة من الجيش والشرطة والحشد الشعبي حررت"),
        when `member` is a later one joined by "و": the first leads, as the first of coordinated subjects does."""
        norms = self.article.norms
        if not norms[member.first].startswith("و"):
            return None
        for joint in range(member.first - 2, max(self.first, member.first - 12) - 1, -1):
            if norms[joint] == _JOINT and norms[joint + 1] == "من":
                listed = self._unbracketed(joint + 1, member.first)
                if _FIRST_MEMBERS.fullmatch(" ".join(listed)):
                    return next((a for a in self.players if a.first == joint + 2), None)
                return None
        return None


def conjoined(between):
    """Whether the words between two subjects join them: "and", "و", "and" after the first one's head noun ("the
    Kurdish YPG militia and smaller Syrian rebel groups", "government troops and Shiite militia"), a description
    and the name it goes by ("Shiite paramilitary groups known as Popular Mobilization Units"), or up to ten
    words with "as well as" listing more of the same side ("Iraqi army and police forces, as well as volunteers
    and Iran-backed Shiite militias"); after a possessive, the possessor's unit is the first conjunct ("the
    Syrian army's 4th Armoured Division and allied militias")."""
    if len(between) <= 3 and all(w in _CONJUNCTIONS or w.startswith("و") for w in between):
        return True
    if _UNNAMED_ARABIC_CONJUNCTS.fullmatch(" ".join(between)):
        return True  # "الجيش والشرطة الاتحادية والرد السريع والحشد الشعبي": forces no name matched, joined by "و"
    if "and" in between:
        head, modifiers = between[:between.index("and")], between[between.index("and") + 1:]
        if len(head) <= 1 and set(head) <= _FORCE_NOUNS and len(modifiers) <= 1 and set(
                modifiers) <= _COORDINATED_MODIFIERS:
            return True
    if between[:1] == ["s"] and "and" in between and _possessors_unit(between[1:between.index("and")]):
        return len(between) - between.index("and") <= 2 and not CLAUSE_WORDS.intersection(between)
    if _NAMED_AS.fullmatch(" ".join(between)):
        return True  # "Shiite paramilitary groups known as the PMU": a description and its name, one conjunct
    rest = between[1:] if between[:1] and between[0] in _FORCE_NOUNS else between
    if rest[:1] == ["and"] and not CLAUSE_WORDS.intersection(rest) and (
            len(rest) <= 5 or (len(rest) <= 10 and _NAMED_AS.search(" ".join(rest)))):
        # "Iraqi troops, and Iranian-trained and armed Shiite groups (known as the PMU)": the second's words
        return True
    return len(between) <= 10 and "as well as" in " ".join(between) and not CLAUSE_WORDS.intersection(between)


def _possessors_unit(words):
    """Whether the words after a side's possessive "'s" name one of its units, ending in its head noun ("9th
    Armored Division", "elite Counter Terrorism Service"): the unit is that side, the next one joined by "and"."""
    return 0 < len(words) <= 4 and words[-1] in _UNIT_NOUNS and not CLAUSE_WORDS.intersection(words)
