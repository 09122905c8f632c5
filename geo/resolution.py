"""How sourced claims resolve into control over time. Pure: no database, no models; its names come
from geo.vocabulary.

Every view, API endpoint, admin column and command asks this module; nothing else decides a state.

The rules
---------
1. Only published claims count, and only once one of their sources is published: with a
   knowledge time D, a claim counts only if its earliest citation was published by D.
2. A superseded claim never decides. With a knowledge time D it is treated as superseded only if
   it was superseded by D: before that, it was the news (Boukamal, 10 November 2017).
3. A claim takes effect on its effective date: the day for day precision, the first day of the
   month or year for month and year precision, and the stated day for an approximate date (its
   earliest and latest days only bound the uncertainty). Dates are shown as precisely as known:
   "Sep 2017", never "1 Sep 2017"; "c. Nov 2014" for an approximate date.
4. At time T, the counting claims with the latest effective date at or before T decide. Among them,
   preferred beats normal. If the deciding claims disagree (status, holder or other actors), the
   state is "disputed" and lists every side with its claims: no silent pick.
5. A claim with an end asserts nothing from its end on: when every deciding claim has ended, the
   state is unknown.
6. No counting claim at or before T: unknown. Nothing is guessed.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby
from typing import Iterable, Sequence

from .vocabulary import DISPUTED, Precision, Rank, Status

CONTROLLED, CONTESTED, BESIEGED, UNKNOWN = (status.value for status in Status)
PREFERRED, NORMAL, SUPERSEDED = (rank.value for rank in Rank)
RANK_ORDER = {PREFERRED: 0, NORMAL: 1}
# Finest first: the precision a state shows is the finest among its deciding claims'.
PRECISION_ORDER = {Precision.DAY.value: 0, Precision.MONTH.value: 1, Precision.APPROXIMATE.value: 2, Precision.YEAR.value: 3}


@dataclass(frozen=True, slots=True)
class ClaimFact:
    """What resolution needs to know of one claim; `payload` carries anything else for display."""

    id: int
    place: int
    status: str
    date: dt.date
    holder: int | None = None
    others: tuple[tuple[int, str], ...] = ()
    precision: str = Precision.DAY.value
    end: dt.date | None = None
    rank: str = NORMAL
    known_from: dt.datetime | None = None
    superseded_at: dt.datetime | None = None
    published: bool = True
    payload: object = field(default=None, compare=False, hash=False, repr=False)

    @property
    def assertion(self):
        return (self.status, self.holder, tuple(sorted(self.others)))

    def counts(self, known_at=None):
        """Whether this claim may decide anything, as known at `known_at` (None: as known now)."""
        if not self.published or self.known_from is None:
            return False
        if known_at is not None and self.known_from > known_at:
            return False
        if self.rank == SUPERSEDED and (known_at is None or self.superseded_at is None or self.superseded_at <= known_at):
            return False
        return True


@dataclass(frozen=True, slots=True)
class Side:
    """One of the disagreeing assertions of a disputed state, with the claims that make it."""

    status: str
    holder: int | None
    others: tuple[tuple[int, str], ...]
    claims: tuple[ClaimFact, ...]


@dataclass(frozen=True, slots=True)
class State:
    status: str
    holder: int | None = None
    others: tuple[tuple[int, str], ...] = ()
    since: dt.date | None = None
    precision: str | None = None
    claims: tuple[ClaimFact, ...] = ()
    sides: tuple[Side, ...] = ()

    @property
    def disputed(self):
        return self.status == DISPUTED

    @property
    def known(self):
        return self.status != UNKNOWN or bool(self.claims)

    @property
    def key(self):
        """What a reader sees: two states with the same key look the same on the map."""
        return (self.status, self.holder, self.others, tuple((s.status, s.holder, s.others) for s in self.sides))

    def actors(self):
        """Every actor the state names, holder first."""
        seen = [self.holder] if self.holder is not None else []
        for actor, _ in self.others:
            seen.append(actor)
        for side in self.sides:
            if side.holder is not None:
                seen.append(side.holder)
            seen.extend(actor for actor, _ in side.others)
        return list(dict.fromkeys(seen))


UNKNOWN_STATE = State(UNKNOWN)


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of time with one state: from `start` until the next period's start (or open)."""

    start: dt.date
    state: State
    end: dt.date | None = None


def _decide(group: Sequence[ClaimFact], at: dt.date | None) -> State:
    """The state made by the claims of the latest effective date (all dated the same day)."""
    if len(group) == 1:  # the common case, kept cheap for timelines of many thousand claims
        claim = group[0]
        if claim.end is None or at is None or at < claim.end:
            return State(claim.status, claim.holder, claim.others, claim.date, claim.precision, (claim,))
        return State(UNKNOWN, since=claim.end, precision=Precision.DAY.value, claims=(claim,))
    best = min(RANK_ORDER.get(c.rank, 1) for c in group)
    ranked = [c for c in group if RANK_ORDER.get(c.rank, 1) == best]
    active = [c for c in ranked if c.end is None or at is None or at < c.end]
    if not active:
        ended = max(c.end for c in ranked)
        return State(UNKNOWN, since=ended, precision=Precision.DAY.value, claims=tuple(ranked))
    since = active[0].date
    precision = min((c.precision for c in active), key=PRECISION_ORDER.__getitem__)
    by_assertion: dict[tuple, list[ClaimFact]] = {}
    for claim in active:
        by_assertion.setdefault(claim.assertion, []).append(claim)
    if len(by_assertion) == 1:
        (status, holder, others), claims = next(iter(by_assertion.items()))
        return State(status, holder, others, since, precision, tuple(claims))
    sides = tuple(
        Side(status, holder, others, tuple(claims))
        for (status, holder, others), claims in sorted(by_assertion.items(), key=lambda item: _sort_key(item[0]))
    )
    return State(DISPUTED, None, (), since, precision, tuple(active), sides)


def _sort_key(assertion):
    status, holder, others = assertion
    return (status, holder if holder is not None else -1, others)


def counting(claims: Iterable[ClaimFact], known_at=None) -> list[ClaimFact]:
    """The claims that may decide, sorted by effective date."""
    return sorted((c for c in claims if c.counts(known_at)), key=lambda c: (c.date, c.id))


def state_at(claims: Iterable[ClaimFact], at: dt.date, known_at: dt.datetime | None = None) -> State:
    """The state of one place on day `at`, as known at `known_at` (None: as known now)."""
    latest_date = None
    group: list[ClaimFact] = []
    for claim in claims:
        if claim.date > at or not claim.counts(known_at):
            continue
        if latest_date is None or claim.date > latest_date:
            latest_date, group = claim.date, [claim]
        elif claim.date == latest_date:
            group.append(claim)
    if not group:
        return UNKNOWN_STATE
    group.sort(key=lambda c: c.id)
    return _decide(group, at)


def _moments(ordered: Sequence[ClaimFact]):
    """(day, State, State.key) at each day on which the deciding claims may change, in order: each
    counting date, and the ends of that date's claims that fall before the next counting date.

    Between two moments state_at gives the moment's state. The common moment (one claim, no end)
    skips _decide: this runs over every counting claim of the record."""
    count = len(ordered)
    index = 0
    while index < count:
        claim = ordered[index]
        day = claim.date
        stop = index + 1
        while stop < count and ordered[stop].date == day:
            stop += 1
        if stop == index + 1 and claim.end is None:
            yield day, State(claim.status, claim.holder, claim.others, day, claim.precision, (claim,)), (claim.status, claim.holder, claim.others, ())
        else:
            group = ordered[index:stop]
            state = _decide(group, day)
            yield day, state, state.key
            if any(c.end is not None for c in group):
                next_day = ordered[stop].date if stop < count else None
                for end in sorted({c.end for c in group if c.end is not None and (next_day is None or c.end < next_day)}):
                    state = _decide(group, end)
                    yield end, state, state.key
        index = stop


def segments(claims: Iterable[ClaimFact], known_at: dt.datetime | None = None) -> list[Period]:
    """The stretches of days over which one place's state_at is the same, deciding claims included:
    finer than `periods` (a claim repeating the state starts a new segment, since it is new evidence).

    A snapshot at T is the segment containing T of every place, so these can be resolved once and
    read many times (api.snapshots keeps them)."""
    moments = list(_moments(counting(claims, known_at)))
    ends = [start for start, _, _ in moments[1:]] + [None]
    return [Period(start, state, end) for (start, state, _), end in zip(moments, ends)]


def periods(claims: Iterable[ClaimFact], known_at: dt.datetime | None = None) -> list[Period]:
    """The control history of one place: consecutive periods of differing state.

    Claims that repeat the current state add their evidence to its period instead of starting a
    new one; the first period starts at the first counting claim (before it: unknown). A period's
    repeated evidence is gathered in a list and made a tuple once.
    """
    starts: list[dt.date] = []
    states: list[State] = []
    keys: list[tuple] = []
    gathered: dict[int, tuple[list, set]] = {}  # period index -> (its claims, their ids) once it gets more
    for start, state, key in _moments(counting(claims, known_at)):
        if keys and keys[-1] == key:
            last = len(states) - 1
            if last not in gathered:
                gathered[last] = (list(states[last].claims), {c.id for c in states[last].claims})
            listed, seen = gathered[last]
            for c in state.claims:
                if c.id not in seen:
                    seen.add(c.id)
                    listed.append(c)
            continue
        starts.append(start)
        states.append(state)
        keys.append(key)
    for position, (listed, _) in gathered.items():
        if len(listed) > len(states[position].claims):
            states[position] = _with_claims(states[position], tuple(listed))
    ends = starts[1:] + [None]
    return [Period(start, state, end) for start, state, end in zip(starts, states, ends)]


def _with_claims(state: State, claims: tuple[ClaimFact, ...]) -> State:
    return State(state.status, state.holder, state.others, state.since, state.precision, claims, state.sides)


def state_from_periods(place_periods: Sequence[Period], at: dt.date) -> State:
    """Binary search in a place's periods: the same answer as `state_at`, for many lookups."""
    starts = [p.start for p in place_periods]
    index = bisect.bisect_right(starts, at) - 1
    if index < 0:
        return UNKNOWN_STATE
    return place_periods[index].state


def by_place(claims: Iterable[ClaimFact]) -> dict[int, list[ClaimFact]]:
    grouped: dict[int, list[ClaimFact]] = {}
    for claim in claims:
        grouped.setdefault(claim.place, []).append(claim)
    return grouped


def snapshot(claims: Iterable[ClaimFact], at: dt.date, known_at: dt.datetime | None = None) -> dict[int, State]:
    """The state of every place that has one on day `at` (places with no evidence are left out)."""
    result = {}
    for place, place_claims in by_place(claims).items():
        state = state_at(place_claims, at, known_at)
        if state.known:
            result[place] = state
    return result


def timeline(claims: Iterable[ClaimFact], known_at: dt.datetime | None = None) -> dict[int, list[Period]]:
    """The periods of every place with at least one counting claim."""
    result = {}
    for place, place_claims in by_place(claims).items():
        place_periods = periods(place_claims, known_at)
        if place_periods:
            result[place] = place_periods
    return result


def disagreements(claims: Iterable[ClaimFact]) -> dict[int, list[ClaimFact]]:
    """For each claim, the other claims of the same place and date (ignoring review and rank)
    that assert something different: what an editor must look at."""
    result: dict[int, list[ClaimFact]] = {}
    for (_, _), group in groupby(sorted(claims, key=lambda c: (c.place, c.date, c.id)), key=lambda c: (c.place, c.date)):
        group = [c for c in group if c.rank != SUPERSEDED]
        for claim in group:
            others = [o for o in group if o.assertion != claim.assertion]
            if others:
                result[claim.id] = others
    return result
