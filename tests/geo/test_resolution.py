"""The resolution rules, on hand-made claims and on random claim sets (no database)."""
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from geo import resolution
from geo.dates import format_date, parse_known_at
from geo.resolution import ClaimFact

D = dt.date.fromisoformat
GOV, IS, SDF = 1, 2, 3


def moment(text):
    return dt.datetime.fromisoformat(text + "T12:00:00+00:00")


def fact(id, date, status="controlled", holder=GOV, place=1, others=(), known="2000-01-01", **kw):
    return ClaimFact(id=id, place=place, status=status, date=D(date), holder=holder, others=tuple(others),
                     known_from=moment(known), **kw)


def test_no_claim_at_or_before_the_date_is_unknown():
    claims = [fact(1, "2017-11-03")]
    state = resolution.state_at(claims, D("2017-11-02"))
    assert state.status == "unknown" and state.claims == () and not state.known
    assert resolution.state_at([], D("2017-11-02")).status == "unknown"


def test_latest_claim_at_or_before_decides_and_carries_its_evidence():
    claims = [fact(1, "2014-07-01", holder=IS), fact(2, "2017-11-03", holder=GOV)]
    assert resolution.state_at(claims, D("2017-11-02")).holder == IS
    state = resolution.state_at(claims, D("2017-11-03"))
    assert (state.holder, state.since, state.claims[0].id) == (GOV, D("2017-11-03"), 2)


def test_month_precision_takes_effect_on_the_first_and_is_labelled_without_a_day():
    claims = [fact(1, "2017-09-01", status="contested", holder=None, others=[(GOV, "contesting"), (IS, "contesting")], precision="month")]
    state = resolution.state_at(claims, D("2017-09-01"))
    assert state.status == "contested" and state.precision == "month"
    assert format_date(state.since, state.precision) == "Sep 2017"
    assert resolution.state_at(claims, D("2017-08-31")).status == "unknown"


def test_same_date_disagreement_is_disputed_with_every_side():
    claims = [fact(1, "2017-11-03", holder=GOV), fact(2, "2017-11-03", status="contested", holder=None,
                                                       others=[(GOV, "contesting"), (IS, "contesting")])]
    state = resolution.state_at(claims, D("2017-11-05"))
    assert state.disputed and state.holder is None
    assert {(side.status, side.holder) for side in state.sides} == {("controlled", GOV), ("contested", None)}
    assert {c.id for side in state.sides for c in side.claims} == {1, 2}


def test_agreeing_claims_of_the_same_date_are_not_a_dispute():
    state = resolution.state_at([fact(1, "2017-11-03"), fact(2, "2017-11-03")], D("2017-11-03"))
    assert state.status == "controlled" and {c.id for c in state.claims} == {1, 2}


def test_preferred_beats_normal_on_the_same_date_only():
    claims = [fact(1, "2017-11-03", holder=IS, rank="preferred"), fact(2, "2017-11-03", holder=GOV)]
    assert resolution.state_at(claims, D("2017-11-04")).holder == IS
    claims.append(fact(3, "2017-11-05", holder=GOV))
    assert resolution.state_at(claims, D("2017-11-05")).holder == GOV


def test_superseded_never_decides_but_did_before_it_was_superseded():
    claims = [
        fact(1, "2014-07-01", holder=IS),
        fact(2, "2017-11-09", holder=GOV, known="2017-11-09", rank="superseded", superseded_at=moment("2017-11-11")),
        fact(3, "2017-11-11", holder=IS, known="2017-11-11"),
    ]
    assert resolution.state_at(claims, D("2017-11-10")).holder == IS
    assert resolution.state_at(claims, D("2017-11-10"), parse_known_at("2017-11-10")).holder == GOV
    assert resolution.state_at(claims, D("2017-11-10"), parse_known_at("2017-11-08")).holder == IS


def test_unpublished_and_unsourced_claims_never_count():
    claims = [fact(1, "2017-01-01", published=False), ClaimFact(2, 1, "controlled", D("2017-01-01"), GOV)]
    assert resolution.state_at(claims, D("2018-01-01")).status == "unknown"


def test_an_ended_claim_leaves_the_place_unknown():
    claims = [fact(1, "2017-01-01", end=D("2017-03-01"))]
    assert resolution.state_at(claims, D("2017-02-28")).status == "controlled"
    assert resolution.state_at(claims, D("2017-03-01")).status == "unknown"
    periods = resolution.periods(claims)
    assert [(p.start, p.state.status) for p in periods] == [(D("2017-01-01"), "controlled"), (D("2017-03-01"), "unknown")]


def test_periods_merge_repeated_states_and_keep_their_evidence():
    claims = [fact(1, "2014-07-01", holder=IS), fact(2, "2015-01-01", holder=IS), fact(3, "2017-11-03", holder=GOV)]
    periods = resolution.periods(claims)
    assert [(p.start, p.end, p.state.holder) for p in periods] == [
        (D("2014-07-01"), D("2017-11-03"), IS), (D("2017-11-03"), None, GOV)]
    assert [c.id for c in periods[0].state.claims] == [1, 2]


def test_disagreements_flag_claims_of_the_same_place_and_date():
    claims = [fact(1, "2017-11-03", holder=GOV), fact(2, "2017-11-03", holder=IS), fact(3, "2017-11-04", holder=IS),
              fact(4, "2017-11-03", holder=IS, place=2)]
    flagged = resolution.disagreements(claims)
    assert set(flagged) == {1, 2} and [c.id for c in flagged[1]] == [2]


# ------------------------------------------------------------------ properties

DAYS = st.integers(min_value=0, max_value=60)
BASE = D("2017-01-01")
ASSERTIONS = st.sampled_from([
    ("controlled", GOV, ()), ("controlled", IS, ()), ("besieged", GOV, ((IS, "besieging"),)),
    ("contested", None, ((GOV, "contesting"), (IS, "contesting"))), ("unknown", None, ()),
])


@st.composite
def claim_sets(draw):
    count = draw(st.integers(min_value=0, max_value=12))
    claims = []
    for index in range(count):
        status, holder, others = draw(ASSERTIONS)
        day = BASE + dt.timedelta(days=draw(DAYS))
        known = dt.datetime.combine(BASE + dt.timedelta(days=draw(DAYS)), dt.time(12), tzinfo=dt.timezone.utc)
        rank = draw(st.sampled_from(["normal", "normal", "preferred", "superseded"]))
        superseded_at = known + dt.timedelta(days=draw(st.integers(0, 20))) if rank == "superseded" else None
        end = day + dt.timedelta(days=draw(st.integers(1, 30))) if draw(st.booleans()) and draw(st.booleans()) else None
        claims.append(ClaimFact(
            id=index + 1, place=draw(st.sampled_from([1, 2])), status=status, date=day, holder=holder, others=others,
            precision=draw(st.sampled_from(["day", "month", "approximate"])), end=end, rank=rank, known_from=known,
            superseded_at=superseded_at, published=draw(st.booleans()) or draw(st.booleans()),
        ))
    return claims


def brute_force(claims, at, known_at):
    """The rules of geo.resolution, written out as plainly as possible."""
    def counts(c):
        if not c.published or c.known_from is None:
            return False
        if known_at is not None and c.known_from > known_at:
            return False
        return not (c.rank == "superseded" and (known_at is None or c.superseded_at <= known_at))

    candidates = [c for c in claims if counts(c) and c.date <= at]
    if not candidates:
        return ("unknown", None, (), ())
    latest = max(c.date for c in candidates)
    group = [c for c in candidates if c.date == latest]
    if any(c.rank == "preferred" for c in group):
        group = [c for c in group if c.rank == "preferred"]
    live = [c for c in group if c.end is None or at < c.end]
    if not live:
        return ("unknown", None, (), ())
    assertions = sorted({(c.status, c.holder if c.holder is not None else -1, tuple(sorted(c.others))) for c in live})
    if len(assertions) > 1:
        return ("disputed", None, (), tuple(assertions))
    status, holder, others = assertions[0]
    return (status, None if holder == -1 else holder, others, ())


def summary(state):
    sides = tuple(sorted((s.status, s.holder if s.holder is not None else -1, s.others) for s in state.sides))
    return (state.status, state.holder, state.others, sides)


KNOWN_ATS = st.one_of(st.none(), DAYS.map(lambda d: dt.datetime.combine(BASE + dt.timedelta(days=d), dt.time(23), tzinfo=dt.timezone.utc)))


@settings(max_examples=300, deadline=None)
@given(claim_sets(), DAYS, KNOWN_ATS)
def test_state_equals_brute_force_reference_and_periods_lookup(claims, offset, known_at):
    at = BASE + dt.timedelta(days=offset)
    place_claims = [c for c in claims if c.place == 1]
    state = resolution.state_at(place_claims, at, known_at)
    assert summary(state) == brute_force(place_claims, at, known_at)
    looked_up = resolution.state_from_periods(resolution.periods(place_claims, known_at), at)
    assert looked_up.key == state.key
    snapshot = resolution.snapshot(claims, at, known_at)
    assert snapshot.get(1, resolution.UNKNOWN_STATE).key == state.key


@settings(max_examples=300, deadline=None)
@given(claim_sets(), KNOWN_ATS)
def test_the_segment_containing_any_day_holds_exactly_the_state_at_that_day(claims, known_at):
    """What api.snapshots stores: every day's state_at, deciding claims, since and precision included."""
    place_claims = [c for c in claims if c.place == 1]
    segments = resolution.segments(place_claims, known_at)
    assert [s.end for s in segments[:-1]] == [s.start for s in segments[1:]]
    for offset in range(-1, 92):
        at = BASE + dt.timedelta(days=offset)
        containing = [s for s in segments if s.start <= at and (s.end is None or at < s.end)]
        expected = resolution.state_at(place_claims, at, known_at)
        assert containing == ([] if expected == resolution.UNKNOWN_STATE else [containing[0]])
        assert (containing[0].state if containing else resolution.UNKNOWN_STATE) == expected


@settings(max_examples=200, deadline=None)
@given(claim_sets(), DAYS, KNOWN_ATS, st.data())
def test_a_claim_effective_after_t_never_changes_the_state_at_t(claims, offset, known_at, data):
    at = BASE + dt.timedelta(days=offset)
    later = ClaimFact(id=999, place=1, status=data.draw(st.sampled_from(["controlled", "contested"])),
                      date=at + dt.timedelta(days=data.draw(st.integers(1, 30))), holder=SDF,
                      known_from=dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))
    assert resolution.state_at(claims + [later], at, known_at).key == resolution.state_at(claims, at, known_at).key


@settings(max_examples=200, deadline=None)
@given(claim_sets(), DAYS)
def test_a_superseded_claim_never_decides(claims, offset):
    at = BASE + dt.timedelta(days=offset)
    state = resolution.state_at(claims, at)
    assert all(c.rank != "superseded" for c in state.claims)
    for period in resolution.periods(claims):
        assert all(c.rank != "superseded" for c in period.state.claims)


@settings(max_examples=200, deadline=None)
@given(claim_sets(), DAYS, DAYS)
def test_a_claim_published_after_d_never_affects_known_at_d(claims, offset, known_offset):
    at = BASE + dt.timedelta(days=offset)
    known_at = dt.datetime.combine(BASE + dt.timedelta(days=known_offset), dt.time(23), tzinfo=dt.timezone.utc)
    published_by_d = [c for c in claims if c.known_from <= known_at]
    assert resolution.state_at(claims, at, known_at).key == resolution.state_at(published_by_d, at, known_at).key
    assert all(c.known_from <= known_at for c in resolution.state_at(claims, at, known_at).claims)
