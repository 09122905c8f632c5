"""Scores the assistant against the corpus: an editor's expectations, written before it ran.

A claim is met by a proposal for its place with its status, its holder (controlled, besieged) or its
sides (contested: each named side among the proposal's), and a date whose span (its precision: a day,
a month, a year, about a month either side) meets the expected window. A place the excerpt only
mentions, denies or hedges ("nothing_about") is met when no proposal is made for it beyond the
acceptable ones. A proposal is right when it meets a claim or an acceptable reading, wrong otherwise;
every proposal counts, whatever its confidence.
"""
import calendar
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"


def load(part):
    return json.loads((CORPUS / f"{part}.json").read_text(encoding="utf-8"))


def span(proposal):
    """The days a proposal's date stands for, at its precision."""
    day, precision = proposal.date, proposal.precision
    if precision == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if precision == "approximate":
        return day - dt.timedelta(days=31), day + dt.timedelta(days=31)
    return day, day


def meets(proposal, expected):
    statuses = expected["status"] if isinstance(expected["status"], list) else [expected["status"]]
    if proposal.place != expected["place"] or proposal.status not in statuses:
        return False
    if proposal.status in ("controlled", "besieged") and expected["holder"] and proposal.holder != expected["holder"]:
        return False
    sides = {proposal.holder, *proposal.others} - {None}
    if proposal.status != "controlled" and not set(expected["sides"]) <= sides:
        return False
    first, last = span(proposal)
    return first <= dt.date.fromisoformat(expected["to"]) and dt.date.fromisoformat(expected["from"]) <= last


@dataclass
class Score:
    expected: int = 0
    met: int = 0
    proposed: int = 0
    right: int = 0
    misses: list = field(default_factory=list)
    wrong: list = field(default_factory=list)

    @property
    def recall(self):
        return self.met / self.expected if self.expected else 1.0

    @property
    def precision(self):
        return self.right / self.proposed if self.proposed else 1.0


def score(excerpts, propose):
    """`propose(text, published)` -> proposals; the Score of every excerpt together."""
    total = Score()
    for excerpt in excerpts:
        proposals = propose(excerpt["text"], dt.datetime.fromisoformat(excerpt["published_at"]))
        readings = excerpt["claims"] + excerpt["acceptable"]
        for claim in excerpt["claims"]:
            total.expected += 1
            if any(meets(p, claim) for p in proposals):
                total.met += 1
            else:
                total.misses.append((excerpt["id"], claim))
        for place in excerpt["nothing_about"]:
            total.expected += 1
            if all(any(meets(p, r) for r in readings) for p in proposals if p.place == place):
                total.met += 1
            else:
                total.misses.append((excerpt["id"], f"nothing about {place}"))
        for proposal in proposals:
            total.proposed += 1
            if any(meets(proposal, r) for r in readings):
                total.right += 1
            else:
                total.wrong.append((excerpt["id"], proposal))
    return total
