"""Who acts in a control phrase's clause, and whether the clause says it: the grammar Sentence reads.

Its own module because reading a clause's roles is a grammar of its own: the subject (a relative pronoun's
antecedent, the first of coordinated sides, an Arabic verb's subject after it, not an actor after "from",
"over" or "against" nor the object of a verb of taking), the agent after "by" or "to", the side a place is
taken from, negation and background ("after ..."). Sentence reads it as a mixin.
"""
import bisect
import re

from .arabic_control import FROM_CONTROL
from .conjuncts import CLAUSE_WORDS, ConjunctReading
from .names import COUNTRY_WORDS, first_within
from .negations import DENIAL, NEGATION, UNTRUE_AFTER
from .pronouns import possessor_before
from .relatives import ARABIC_NOUNS, OBJECT_PRONOUNS, RELATIVE, RelativeReading
from .rules import CLAUSE_BREAK, PRIOR
from .tokens import is_arabic

_BACKGROUND = {"after", "following"}  # open an English clause of an earlier event
_AGENT_NOUNS = ("دخول", "سيطره", "السيطره", "استعاده")  # verbal nouns whose agent follows them: see _agent_follows
_EXPULSION = ("طرد", "دحر", "اخراج")  # "طرد داعش": the side right after is the one expelled
_EXPELLING = re.compile(r"[يت]?(?:طرد|دحر|اخرج)")  # a verb of expelling, its subject before its object
_COUNTRY_ADJECTIVES = frozenset().union(*COUNTRY_WORDS.values())
# "by", and the Arabic words of an agent after "من" or "على": "من قبل" (by), "على يد" (at the hands of)
_BY = {"by", "قبل", "يد"}
_PLURAL_VERB = re.compile(r"\S+وا$|[يت]\S+ون$")  # "سيطروا", "حاصروا", "يسيطرون": a plural Arabic verb
_POSSESSIVES = ("ه", "ها", "هم", "هما", "هن")  # "سيطرته": its control ("سيطر" takes "على", never an object pronoun)
_TIME_OF_DAY = {"ظهر", "الظهر", "منتصف", "noon", "midnight", "dawn"}  # "بعد ظهر امس": yesterday afternoon, not "after"
_PARTICIPIAL_OPENERS = {"after", "upon", "on", "since", "having"}  # "After regaining control of Sinjar, ..."
_GERUND_OPENERS = {"by", "since", "while"}  # a gerund after them has the main clause's subject
_PARTICIPLE_CLAUSE = {"being", "having"}  # open a participle's clause, with its own "by": "after being held by IS"
_SUBORDINATORS = {"after", "when", "while", "before", "until", "once", "because"}  # open a clause with its own subject
_FORCES_OF = {f"{noun} {preposition}" for noun in ("fighters", "militants", "forces", "troops", "units")
              for preposition in ("from", "of")}  # "fell to fighters from the Islamic State group"
_MEMBERS = {"fighters", "militants", "members", "units", "troops", "soldiers", "gunmen", "jihadists", "elements"}
_PARTITIVE = {"وحدات", "عناصر", "قوات", "افراد", "مقاتلي", "مقاتلو", "عدد", "مجموعه", "كتايب", "اغلبهم", "معظمهم", "بعض"}
# The head noun of a side named after a preposition: "مع قوات الجيش" (with the army's forces), "من مسلحي داعش".
ARABIC_FORCES = {"قوات", "عناصر", "مقاتلي", "مسلحي", "ارهابيي", "متشددي", "متطرفي", "جهاديي"}
_TAKEN_FROM = {"from", "of", "من", "يد", "ايدي", "قبضه"}  # "من يد داعش": from the hand of Daesh; "من سيطره داعش" (see _after)
# Nouns of an effort against a place, whose maker a side right before names ("an IS offensive on Kobani").
_EFFORTS = {"offensive", "drive", "campaign", "assault", "bid", "attempt", "push", "advance", "march"}
_PARTICLES = {"back", "out", "off", "away", "down"}  # of a phrasal verb: "push back", "drive out", "fend off"
_MODIFIER = re.compile(r"[a-z]+(?:-[a-z]+)*")  # a lower-case English word before a side's name: "extremist", "hardline"
# Capitalised adjectives of a faith or sect, which describe a side as a lower-case modifier does ("the Sunni militants").
_CREEDS = {"sunni", "shiite", "shia", "islamist"}


class ClauseReading(ConjunctReading, RelativeReading):
    """The role readings of Sentence (its players, subjects, cues, tokens and article)."""

    def _apposition(self, index):
        """Whether player `index` repeats the one before it in brackets ("from Islamic State (IS)"): it takes
        that one's role, not a subject's."""
        if not index:
            return False
        before, mention = self.players[index - 1], self.players[index]
        return before.slug == mention.slug and self.article.text[before.end: mention.start].strip(' "»') in ("(", "")

    def _object(self, mention, verb_ends):
        """Whether an actor is the object of an English verb of taking ("drive out IS and retake the city") or of
        an infinitive ("forces trying to oust IS from Manbij took ...": the forces took it, not IS); not after a comma
        that ends a phrase of "to" ("In addition to Hawija, ISIS remains in control of al-Qaim": ISIS is the
        subject)."""
        norms = self.article.norms
        before = mention.first - (1 if mention.first > self.first and norms[mention.first - 1] == "the" else 0)
        if before - 1 > self.first and norms[before - 1] in _PARTICLES:
            before -= 1  # "managed to roll back IS": a phrasal verb's particle between the infinitive and its object
        tokens = self.article.tokens
        return before in verb_ends or (
            before - 2 >= self.first and norms[before - 2] == "to" and norms[before - 1].isalpha()
            and "," not in self.article.text[tokens[before - 1].end: tokens[before].start])

    def _after(self, mention, words):
        """Whether the word before the mention (or before its "the") is one of `words`; "من" after a word of
        number ("وحدات من الجيش", units of the army) is partitive, not "from"."""
        before = mention.first - 1
        norms = self.article.norms
        if before > self.first and norms[before] == "the":
            before -= 1
        if before - 1 > self.first and norms[before - 1: before + 1] == ["ما", "يسمي"]:
            before -= 2  # "من قبضه ما يسمي تنظيم الدوله": from the grip of the so-called Islamic State
        if before > self.first and norms[before] in FROM_CONTROL and norms[before - 1] == "من":
            before -= 1  # "من سيطره داعش": from Daesh's control
        if before > self.first and norms[before] in ARABIC_FORCES and norms[before - 1] in words:
            before -= 1  # "معارك مع قوات الجيش": battles with the army's forces; "طهرت زمار من مسلحي داعش"
        if before > self.first and norms[before] == "من" and {norms[before - 1], norms[before - 1][1:]} & _PARTITIVE:
            return False
        if before > self.first and norms[before] == "from" and norms[before - 1] in _MEMBERS and (
                before - 1 == self.first or norms[before - 2] not in words):
            return False  # "Fighters from the Islamic State took Mosul": members of a side, not taken "from" it
        return before >= self.first and norms[before] in words

    def subject(self, cue):
        """The actor a relative pronoun before the phrase stands for ("IS, which seized ..."), else the nearest
        actor before the phrase that can be a subject; for an Arabic verb, the one after it."""
        relative = self._relative_antecedent(cue)
        if relative is not None:
            return relative
        if cue.text.split()[0] in _EFFORTS:
            # "an Islamic State offensive on the town": the side right before the noun makes the effort
            maker = next((a for a in self.players if a.stop == cue.first), None)
            if maker is not None:
                return maker
        pronoun = self._relative_pronoun(cue) if is_arabic(cue.text) else None
        if pronoun is not None:
            # An Arabic relative pronoun agrees with a noun: the clause's subject is that noun, here no side named
            # ("طرد التنظيم الارهابي الذي يبسط سيطرته"), or a side after the pronoun ("التي انتزعتها القوات الحكومية"),
            # never a side of the main clause named before the noun.
            return self.subject_from(pronoun + 1, cue.first - 1) or (
                None if _besieger_after(cue) else self.subject_from(cue.stop, cue.stop + 4))
        if is_arabic(cue.text) and self._relative_on_place(cue):
            # "داهم كوباني التي يسيطر عليها الاكراد": a noun after the verb of the place's relative clause is its
            # subject, not the main clause's side named before the place (who "التي تحاصرها من الجهات" drops)
            return self.subject_from(cue.stop, cue.stop + 4)
        position = bisect.bisect_left(self.subject_firsts, cue.first)
        if is_arabic(cue.text) and position and self.subjects[0].first == self.first and self.subjects[0].stop == cue.first:
            return self.subjects[0]  # a headline's subject first: "الجيش العراقي يسيطر على الرطبة"
        inside = self.subject_from(cue.first + 1, cue.stop - 1) if is_arabic(cue.text) else None
        if inside is not None:
            return inside  # verb, subject, object: "كسر الجيش السوري الجمعة الحصار"
        shared = is_arabic(cue.text) and self._shares_subject(cue)
        after = self.subject_from(cue.stop, cue.stop + 4) if is_arabic(cue.text) and not shared else None
        if after is not None and cue.stop - cue.first > 1 and RELATIVE.intersection(
                self.article.norms[cue.stop: after.first]):
            # "كسروا الحصار الذي فرضه داعش": the relative clause describes the verb's object, its subject is not the
            # verb's; after a one-word phrase it describes the phrase itself ("الحصار الذي فرضه داعش": Daesh's siege)
            after = None
        if after is not None and _besieger_after(cue):
            after = None  # "فك حصار داعش عن المدينة", "كسر حصار دام شهرين فرضه داعش": the siege's side besieges
        word = cue.text.lstrip("وف")
        if word.startswith("ب") and word[1:].startswith(ARABIC_NOUNS):
            word = word[1:]  # "أفاد بسيطرة القوات" (reported the forces' control): the noun after the preposition
        noun = _verbal_noun(word) or word in _EXPULSION
        if after is not None and not noun and _EXPELLING.match(word) and not self.subject_from(after.stop, after.stop + 4):
            after = None  # "قوات تدعمها أميركا تطرد داعش من هجين": the one side after a verb of expelling is its object
        if position and not noun and " " not in word and _PLURAL_VERB.match(word):
            # An Arabic verb agrees in number only with a subject before it ("الجيش وحلفاؤه حاصروا داعش في الميادين"):
            # put first it stays singular, so a plural verb's side after it is its object.
            return self._first_conjunct(position - 1)
        if after is not None and not noun and position and self.subjects[0].first == self.first and after.first > cue.stop:
            return self.subjects[0]  # opened by its subject, the object after the verb: "قسد المؤلفة من ... طردت عناصر داعش"
        if after is not None and (not noun or (self._right_after(cue, after) and self._agent_follows(word, after))):
            # Arabic puts the verb first ("سيطر الجيش السوري على ..."), and some verbal nouns' agent right after
            # them ("دخول القوات العراقية القائم", the Iraqi forces' entry into Qaim).
            return after
        earlier = max((c for c in self.cues if c.first < cue.first), key=lambda c: c.first) if shared else None
        if earlier is not None and not _verbal_noun(earlier.text.lstrip("وف")) and (
                first_subject := self.subject(earlier)) is not None and first_subject.first < earlier.first:
            # "قوات ... طردت مقاتلي داعش من كوباني وسيطرت على المدينة": the verb joined by "و" shares the earlier verb's
            # subject, not that verb's object named between them
            return first_subject
        if position and self._by_gerund(cue) and self.subjects[0].first < cue.first:
            return self._first_conjunct(0)  # "Syrian rebels dealt a blow to IS by capturing Dabiq": the rebels
        if position and is_arabic(cue.text) and self._held_under(self.subjects[position - 1]):
            return None  # "المدن الواقعة تحت سيطرة التنظيم، حيث حررت": the towns' holder, not the verb's subject
        if position and not self._own_subject_between(self.subjects[position - 1], cue):
            return self._first_conjunct(position - 1)
        if position:
            return None
        if not is_arabic(cue.text):
            return self._participial_subject(cue)
        return None if noun else after

    def _own_subject_between(self, subject, cue):
        """Whether a subordinate clause opens between the side and the phrase with a subject of its own, a noun
        phrase no name matched ("IS's stronghold, after a US-backed alliance of fighters seized Manbij"): the side
        belongs to the main clause. Not a prepositional "after" ("IS, after weeks of fighting, seized it")."""
        norms = self.article.norms
        opener = max((i for i in range(subject.stop, cue.first) if norms[i] in _SUBORDINATORS), default=None)
        if opener is None or cue.first - opener < 3 or norms[opener + 1].endswith("ing"):
            return False
        tokens = self.article.tokens
        return "," not in self.article.text[tokens[opener].end: tokens[cue.first].start] and not RELATIVE.intersection(
            norms[opener: cue.first])

    def _by_gerund(self, cue):
        """Whether the phrase is a gerund after "by" ("dealt a blow to IS by capturing Dabiq"), after "since" or
        "while" ("IS has suffered defeats to Kurdish forces since being forced to withdraw from Kobani"), or after the
        "after" of a span back from the news ("announced plans on Friday, a day after recapturing Tal Afar"): its
        subject is the main clause's, not a side named between."""
        norms = self.article.norms
        if cue.first <= self.first or not norms[cue.first].endswith("ing"):
            return False
        opener = norms[cue.first - 1]
        return opener in _GERUND_OPENERS or (opener == "after" and self._in_date(cue.first - 1))

    def _participial_subject(self, cue):
        """The subject of the main clause after an opening participial clause, who did what it says: "After
        regaining control of Sinjar, Peshmerga forces raised a flag" (the first subject after its comma)."""
        norms = self.article.norms
        opener = cue.first - self.first
        if opener > 1 or not norms[cue.first].endswith("ing"):
            return None
        if opener == 1 and norms[self.first] not in _PARTICIPIAL_OPENERS:
            return None
        text, tokens = self.article.text, self.article.tokens
        for index in range(cue.stop, min(self.last, cue.stop + 15)):
            if "," in text[tokens[index - 1].end: tokens[index].start]:
                subject = self.subject_from(index, index + 1)
                return subject if subject is not None and subject.first in (index, index + 1) else None
        return None

    def _shares_subject(self, cue):
        """Whether an Arabic verb joined by "و" to an earlier phrase of the sentence shares its subject ("وحدات
        الجيش استعادت ... وطوقت داعش": the army encircled Daesh)."""
        norms = self.article.norms
        right_after = self.subject_from(cue.stop, cue.stop)
        if right_after is not None:
            # its country's adjective may end the subject's name: "وسيطر النظام السوري على حي الجبيلة"
            ends = right_after.stop + (right_after.stop < self.last and norms[right_after.stop] in _COUNTRY_ADJECTIVES)
            if ends < self.last and norms[ends] == "علي":
                return False  # "وسيطر التنظيم على القريتين": verb, subject, then "على" and what it took
            if " " not in cue.text and norms[cue.first].endswith(OBJECT_PRONOUNS):
                return False  # "واستعادها الجيش": its object a pronoun, the side right after is its own subject
        return norms[cue.first].startswith("و") and any(c.first < cue.first for c in self.cues) and bool(
            self.subject_firsts) and self.subject_firsts[0] < cue.first

    def _right_after(self, cue, after):
        """Whether an Arabic side stands right after the phrase, or after a head noun of its forces ("بسيطرة قوات
        البيشمركة على", the Peshmerga forces' control of)."""
        return after.first == cue.stop or (
            after.first == cue.stop + 1 and self.article.norms[cue.stop] in ARABIC_FORCES)

    def _agent_follows(self, word, after):
        """Whether the actor right after an Arabic verbal noun is its agent: after "دخول" (entry), "السيطره"
        (control) or "استعاده" (retaking: "استعادة القوات السورية مدينة تدمر", a side is not what is retaken), or when
        "السيطره" follows it ("استعاده المسلحين السيطره", the militants' regaining of control)."""
        norms = self.article.norms
        return word.startswith(_AGENT_NOUNS) or (after.stop < self.last and norms[after.stop] == "السيطره")

    def subject_from(self, first, last):
        """The first possible subject starting in tokens [first, last]."""
        return first_within(self.subjects, self.subject_firsts, first, last)

    def player_from(self, first, last):
        """The first player starting in tokens [first, last]."""
        return first_within(self.players, self.player_firsts, first, last)

    def agent_after(self, cue):
        """X in "fell to X", "under the control of X" (right after the phrase, perhaps after "the" and lower-case
        modifiers: "the extremist IS militants", or a force of it: "fighters from the Islamic State group"), or "was
        taken by X" (after "by", up to six words on: "was seized from Daesh by the SDF")."""
        if (possessor := possessor_before(self, cue)) is not None:
            return possessor  # "اللتين تخضعان لسيطرته": its control, the side's named before
        norms = self.article.norms
        the = int(cue.stop < self.last and norms[cue.stop] == "the")  # "fell to the militants of the Islamic State"
        start = cue.stop + the + 2 if " ".join(norms[cue.stop + the: cue.stop + the + 2]) in _FORCES_OF else cue.stop
        agent = self.player_from(start, start + 3)
        end = self.article.tokens[cue.stop - 1].end  # "was liberated, the SDF said": a speaker after a comma, no agent
        if agent is not None and not re.search(r"[,;:.]", self.article.text[end: agent.start]) and all(
                index == start and self.article.norms[index] == "the" or self.article.norms[index] in _CREEDS
                or _MODIFIER.fullmatch(self.article.tokens[index].text) and self.article.norms[index] not in CLAUSE_WORDS
                for index in range(start, agent.first)):
            return agent
        for index in range(cue.stop, min(self.last, cue.stop + 7)):
            if self.article.norms[index] in _PARTICIPLE_CLAUSE:
                break  # "was liberated after being held by Daesh": the agent of the participle's clause
            if self.article.norms[index] in _BY:
                agent = self.player_from(index + 1, index + 2)
                # "by the Kurdistan's Peshmerga forces", "by Turkey's allies": the agent after its possessor
                possessive = next((k for k in range(index + 2, min(self.last, index + 4))
                                   if self.article.tokens[k].text in ("'s", "’s")), None)
                if agent is None and possessive is not None:
                    agent = self.player_from(possessive + 1, possessive + 2)
                return agent
        return None

    def loser(self, cue, place):
        """Y in "took X from Y", "drove Y out of X", "طرد Y من X", "to retake the city from Y" (X named before the
        phrase, "the city" after it)."""
        if cue.text.lstrip("وف").startswith(_EXPULSION):
            expelled = self.player_from(cue.stop, cue.stop)
            subject = self.subject(cue) if expelled is not None else None
            if subject is not None and subject.first == expelled.first:
                # a verb put first, its subject after it: "طردت قسد مقاتلي داعش من الطبقة" expelled Daesh's fighters,
                # not a side in brackets that describes the subject ("قسد (تحالف فصائل عربية وكردية)")
                after = self.player_from(subject.stop, subject.stop + 1)
                text, tokens = self.article.text, self.article.tokens
                if after is not None and "(" not in text[tokens[subject.stop - 1].end: tokens[after.first].start]:
                    expelled = after
            if expelled is not None:
                return expelled
        reach = place.stop + 8 if place.first >= cue.stop else cue.stop + 6
        for actor in self.players:
            if cue.stop <= actor.first <= reach and self._after(actor, _TAKEN_FROM):
                return actor
        return None

    def adversary(self, exclude, place=None, cue=None):
        """The side the article describes as holding the place ("the IS-held town of Al-Bab"), or else the one other
        side the sentence names, or else the side most named in the article, apart from `exclude`, its allies (named
        with it as one subject or recorded), foreign backers, and a state force of another country than the place's.
        Given the phrase `cue`, a side named in an English clause of an earlier event ("after routing the Nusra
        Front", "following the withdrawal of rebels") is one the change left behind, not one still in the place."""
        gazetteer = self.article.gazetteer
        kinds, country = gazetteer.actor_kinds, gazetteer.place_countries.get(place.slug) if place else None
        foreign = {force for code, force in gazetteer.government_of.items() if country and code != country}
        exclude = set(exclude).union(*(self.article.allies.get(slug, set()) | gazetteer.alliances.get(slug, set())
                                       for slug in exclude))
        described = self.article.described_holders.get(place.slug) if place else None
        if described is not None and described not in exclude and described not in foreign:
            return described  # "Iraqi forces entered Kirkuk" after "Peshmerga-controlled areas ... of Kirkuk"
        # "Iraqi troops entered Mosul ..., when the city fell to Daesh": the one other side of the sentence
        named = {a.slug for a in self.players if cue is None or not self._in_background(a, cue)} - exclude - foreign
        named = {slug for slug in named if kinds.get(slug) != "foreign_state"}
        if len(named) == 1:
            return named.pop()
        ranked = [(slug, n) for slug, n in self.participants.most_common()
                  if slug not in exclude and kinds.get(slug) != "foreign_state" and slug not in foreign]
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None  # no side stands out: better no guess
        return ranked[0][0]

    def _in_background(self, actor, cue):
        """Whether an English "after" or "following" opens a clause holding `actor`: one after the phrase runs to the
        sentence's end, one before it to its comma ("Following the withdrawal of rebels, IS took most of X")."""
        if is_arabic(cue.text):
            return False
        norms, tokens, text = self.article.norms, self.article.tokens, self.article.text
        for index in range(self.first, actor.first):
            if norms[index] not in _BACKGROUND or self._in_date(index):
                continue
            if index >= cue.stop or (index < cue.first and "," not in text[tokens[index].end: tokens[actor.first].start]
                                     and actor.first < cue.first):
                return True
        return False

    def sole_enemy(self, camp):
        """The one armed group the gazetteer names as the war's jihadists, when the side holding part of a place is
        not of it and `adversary` finds no other side ("the army holds 60 percent of the town"): whom the rest is
        held by; else None."""
        insurgents = self.article.gazetteer.insurgents
        return next(iter(insurgents)) if len(insurgents) == 1 and not insurgents & set(camp) else None

    def holder_between(self, cue):
        return self.player_from(cue.first, cue.stop - 1)

    def holder_of(self, cue):
        """The player the phrase's first word belongs to: IS in "IS-held"."""
        position = bisect.bisect_right(self.player_firsts, cue.first) - 1
        if position >= 0 and cue.first < self.players[position].stop:
            return self.players[position]
        return None
    def _in_date(self, token):
        """Whether token `token` is part of a date expression ("comes weeks after": the "after" dates the change)."""
        return any(d.start <= token < d.start + len(d.text.split()) for d in self.dates)

    def _prior(self, cue, reach=3):
        """Whether "after" or "بعد" stands at most `reach` words before the phrase, in its clause ("after driving
        out IS", "بعد ايام من استعاده المسلحين"): an earlier change, not the one the sentence dates."""
        tokens, norms = self.article.tokens, self.article.norms
        start = cue.first
        for before in reversed(self.cues):  # "بعد ايام من استعاده المسلحين السيطره علي": one phrase, its verbal noun first
            # "ورفع العلم فوق مبانيها بعد اشتباكات": an "after" between them is the phrase's own
            if before.kind == "capture" and before.stop <= start and start - before.stop <= 2 and not any(
                    norm.lstrip("وف") in PRIOR for norm in norms[before.stop: start]):
                start = before.first
        reach += "فقط" in norms[max(self.first, start - reach): start]  # "بعيد ساعات فقط على" (only hours after)
        for index in range(start - 1, max(self.first, start - reach) - 1, -1):
            if norms[index].lstrip("وف") in PRIOR and norms[index + 1] not in _TIME_OF_DAY and not self._in_date(index):
                return True
            if re.search(r"[,;،؛]", self.article.text[tokens[index].end: tokens[index + 1].start]):
                return False
        return False

    def negated(self, cue):
        if not self.may_negate:  # the windows below are parts of the sentence
            return False
        # a "-held" adjective describes its noun whatever the verb before it says ("failed to retake IS-held Hit",
        # "plans to attack the IS-held town"): only a word right before it ("no longer IS-held") negates it
        window = self.norm_between(max(self.first, cue.first - (2 if cue.kind == "held_adj" else 6)), cue.first)
        if NEGATION.search(CLAUSE_BREAK.split(window)[-1]) or NEGATION.search(cue.text):
            return True
        # "denied that the army had captured X" reaches further back, but not past "and said ...".
        window = self.norm_between(max(self.first, cue.first - 12), cue.first)
        if DENIAL.search(CLAUSE_BREAK.split(window)[-1]):
            return True
        after = self.norm_between(cue.stop, min(self.last, cue.stop + 12))
        return is_arabic(cue.text) and UNTRUE_AFTER.search(after) is not None  # "... عارية عن الصحة" (untrue)


def _verbal_noun(word):
    """Whether an Arabic word is a verbal noun of ARABIC_NOUNS, perhaps with a suffix; its tā marbūṭa, written "ه",
    turns "ت" before a pronoun ("استعادتها", its regaining), so "ه" then "ا" or "م" is a verb and its object
    ("استعادها", regained it); "سيطرته" (its control) is a noun with its possessor."""
    return any(word.startswith(noun) and not (noun.endswith("ه") and word[len(noun) - 1:] in OBJECT_PRONOUNS)
               for noun in ARABIC_NOUNS) or (word.startswith("سيطرت") and word[5:] in _POSSESSIVES)


def _besieger_after(cue):
    """Whether an Arabic phrase of breaking ends on the siege it breaks ("فك حصار", "كسروا الحصار"): a side named after
    it owns the siege ("فك حصار عصابات داعش", "كسر حصار دام شهرين فرضه داعش", "الحصار الذي فرضته"), it besieges;
    the breaker comes before the verb, or inside a phrase that puts the verb first ("كسر الجيش السوري الحصار")."""
    return cue.kind == "siege_broken" and cue.text.endswith(("حصار", "طوق"))
