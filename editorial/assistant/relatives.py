"""Which noun an Arabic or English relative clause on a control phrase describes, and so who its subject is.

Its own module because a relative clause is a grammar of its own: its noun a side ("تنظيم داعش الذي بسط سيطرته"), a
place ("الرقة التي يسيطر عليها المسلحون", whose subject follows the verb) or another noun, taken up or not by an
object pronoun on the clause's verb ("المناطق التي حررها"). Sentence reads it as a mixin, through ClauseReading.
"""
import bisect
import re

# Arabic verbal nouns of taking and control ("سيطرتها", its control, has a possessive, not an object pronoun)
ARABIC_NOUNS = ("تحرير", "استعاده", "السيطره", "سيطره", "دخول", "اقتحام", "سقوط", "اعاده", "انتزاع", "استيلاء", "تطويق",
                "النصر", "نصر")
RELATIVE = {"which", "who", "الذي", "التي", "الذين"}
OBJECT_PRONOUNS = ("ها", "هم", "هن")  # "حررها" (liberated it): the verb's object is the relative's noun
# An indefinite plural noun, a relative clause's subject after its verb: "مسلحون" (gunmen), "مقاتلو" (fighters of)
INDEFINITE_PLURAL = re.compile(r"(?![يت])\S{3,}(?:ون|و)")
_LYING_UNDER = {"واقع", "واقعه", "واقعين", "واقعتين", "خاضع", "خاضعه", "خاضعين"}  # "الواقعة تحت" (lying under)


class RelativeReading:
    """The relative clause readings of Sentence (its players, places, cues and article)."""

    def _relative_pronoun(self, cue):
        """The index of a relative pronoun up to three words before the phrase, in its clause, whose noun is neither a
        side (see _relative_antecedent) nor an object: not a place ("بعشيقة، التي كانت تحاصرها") and not taken up by an
        object pronoun on a verb of the clause ("المناطق التي حررها", the areas it liberated)."""
        norms, text, tokens = self.article.norms, self.article.text, self.article.tokens
        for index in range(cue.first - 1, max(self.first, cue.first - 4) - 1, -1):
            if norms[index] in RELATIVE:
                # "سيطرتها" (its control; "سيطر" takes no object) has a possessive, not an object pronoun
                possessed = norms[cue.first].startswith(ARABIC_NOUNS + ("سيطرت",))
                verbs = norms[index + 1: cue.first] + ([] if possessed else [norms[cue.first]])
                if {",", "،"} & set(text[tokens[index].end: tokens[cue.first].start]) or any(
                        word.endswith(OBJECT_PRONOUNS) for word in verbs):
                    return None  # ended by a comma; or "(دولة الخلافة) التي اعلنها منذ سيطرته": the noun is an object
                position = bisect.bisect_left(self.player_firsts, index)
                side_before = self.players[position - 1] if position else None
                if side_before is not None and side_before.stop >= index - 3:
                    return None  # a side's long name ends its noun: "تنظيم الدولة الاسلامية في العراق والشام الذي"
                return None if any(p.stop in (index - 1, index) for p in self.places) else index
        return None

    def _relative_on_place(self, cue):
        """Whether the phrase opens a relative clause right on a place with a noun after its verb (and the verb's
        preposition): "الرقة التي يسيطر عليها المسلحون" (Raqqa, which the gunmen control), an indefinite plural
        ("التي يسيطر عليها مسلحون", which gunmen control) or a side ("التي يسيطر عليها تنظيم داعش")."""
        norms, index = self.article.norms, cue.first - 1
        after = cue.stop + (cue.stop < self.last and norms[cue.stop].startswith(("علي", "ب")))
        return index > self.first and norms[index] in RELATIVE and any(
            p.stop in (index - 1, index) for p in self.places) and after < self.last and (
            norms[after].startswith("ال") or INDEFINITE_PLURAL.fullmatch(norms[after]) is not None
            or self.subject_from(after, after + 1) is not None)

    def _relative_antecedent(self, cue):
        """The actor right before "which", "who", "الذي" (or one word before: "داعش الجهادي الذين") up to three words
        before the phrase, with no other actor between: "تنظيم داعش الذي بسط سيطرته" (Daesh, which extended its
        control)."""
        norms, text, tokens = self.article.norms, self.article.text, self.article.tokens
        for index in range(cue.first - 1, max(self.first, cue.first - 4) - 1, -1):
            if norms[index] in RELATIVE:
                if {",", "،"} & set(text[tokens[index].end: tokens[cue.first].start]):
                    return None  # "الفصائل التي تدعمها تركيا، الخميس، سيطرتها": the relative clause has ended
                position = bisect.bisect_left(self.player_firsts, index)
                between = position < len(self.players) and self.players[position].first < cue.first
                before = self.players[position - 1] if position else None
                return before if before is not None and index - 1 <= before.stop <= index and not between else None
        return None

    def _held_under(self, side):
        """Whether an Arabic side is the holder named in a participle's "الواقعة تحت سيطرة" (lying under the control
        of), which describes a noun as a relative clause would: a genitive, never a later verb's subject ("بسقوط الجزء
        تحت سيطرة التنظيم" names the taker)."""
        words = self.article.norms[max(self.first, side.first - 3): side.first]
        return len(words) == 3 and words[0].removeprefix("ال") in _LYING_UNDER and words[1:] == ["تحت", "سيطره"]
