"""A proposal's confidence: how often a proposal of its class was right on copy the assistant had never seen.

Its own module because the numbers are measured, not chosen: each fresh set (9 to 18) was run once, with the
code as it stood when the set was measured and nothing proposed left out, before any rule was tuned on it.
Those first runs made 384 proposals, 294 of them right (scoring.meets against the excerpt's claims and
acceptable readings). The classes group them by what the assistant knows when it proposes: how the holder or
the sides were read (roles.assertion says which, as one of the readings below), whether a change is dated,
whether the place or a side came through a reference ("the town", "Kurdish forces") or a hedge, and whether
several sentences say the same. A class with few proposals is merged with the nearest one, and a class is split
only where leaving each set out in turn shows the split predicts the left-out set better: where the sentence stands
(headline, lead or body) does not, for undated changes (22 of 32 right in a headline or lead, 27 of 41 later), states
named in passing or guessed sides.
"""
from __future__ import annotations

from typing import NamedTuple

# How the holder or the sides of a phrase were read (the fourth item of roles.assertion):
GRAMMAR = "holder read from the grammar"  # the subject of "captured", "holds"; the agent after "by", "fell to"
NAMED_STATE = "holder named by a state phrase"  # "held by IS", "under IS control", "IS-held", "معقل داعش"
WENT_IN = "a side went in"  # "entered": contested between it and the side it fights
SIEGE = "a siege"  # "besieged by", "broke the siege of": the besieger read, the besieged its adversary
GUESSED = "a side guessed"  # the side announcing a change, the other side of one driven out, withdrawing,
# attempting, or fighting there, the only side a passive sentence names

# The classes of the grammar's reading, and of a proposal several sentences make:
DATED = "holder read from the grammar, dated in its sentence or a present state"
INDIRECT = "holder read from the grammar, the place or a side through a reference or description, or hedged"
UNDATED = "a change read from the grammar, not dated by its own sentence"
REPEATED = "said by more than one phrase"


class Measured(NamedTuple):
    right: int
    proposed: int

    @property
    def rate(self):
        return round(self.right / self.proposed, 2)


# class -> right / proposed on the first runs of sets 9-18 (384 proposals, 294 right). A merged proposal counts
# under REPEATED only. UNDATED varies most from set to set: 3 of 7 right on set 12, 6 of 7 on sets 9 and 13.
MEASURED = {
    DATED: Measured(86, 98),  # 0.88
    REPEATED: Measured(72, 83),  # 0.87
    SIEGE: Measured(14, 17),  # 0.82
    WENT_IN: Measured(18, 23),  # 0.78
    INDIRECT: Measured(24, 31),  # 0.77
    UNDATED: Measured(49, 73),  # 0.67: the change is dated as of publication, and is often older news
    NAMED_STATE: Measured(17, 28),  # 0.61: a state named in passing often describes the place before the news
    GUESSED: Measured(14, 31),  # 0.45
}


def class_of(proposal):
    """The class of one phrase's proposal as its sentence reads it (a change another sentence dates is still one
    its own sentence does not: the editor checks that date)."""
    if proposal.reading != GRAMMAR:
        return proposal.reading
    if proposal.event and proposal.undated:
        return UNDATED
    return INDIRECT if proposal.indirect else DATED


def note(name):
    measured = MEASURED[name]
    return f"{name}: right {measured.right} of {measured.proposed} times on unseen copy"


def calibrate(proposals):
    """Each proposal's confidence is its class's measured rate, and its "why" says so after its rule."""
    for proposal in proposals:
        name = class_of(proposal)
        proposal.confidence = MEASURED[name].rate
        proposal.why += f" ({note(name)})"
