"""The timeline as reported at each date (api.reported): on every day it shows each place as the
record was known at the end of that day, exactly as resolving the claims with `known_at=` that day
does, whether read from the prepared segments or resolved."""
import datetime as dt

import orjson
import pytest

from api.models import KnownSegment, StalePlace
from api.reported import known_day, diagonal
from api.states import state_json
from geo import records
from geo.dates import parse_known_at
from geo.models import Actor, Claim, Place
from geo.synthetic import Generator

import prepared

D = dt.date.fromisoformat
EPOCH = D("1970-01-01")
URL = "/api/v2/timeline/reported/"


def fetch(client, url):
    return prepared.fetch(client, url).json()


def undelta(values):
    days, day = [], EPOCH
    for value in values:
        day += dt.timedelta(days=value)
        days.append(day)
    return days


def tracks(payload, day_column):
    """{place slug: [(day, since, state entry, precision)]} in day order."""
    changes = payload["changes"]
    days = undelta(changes[day_column])
    since = undelta(changes["since"])
    result = {}
    for i, place in enumerate(changes["place"]):
        entry = (days[i], since[i], payload["states"][changes["state"][i]], payload["precisions"][changes["precision"][i]])
        result.setdefault(payload["places"]["slug"][place], []).append(entry)
    return result


def shown(track, day):
    """The last change on or before `day` (None before the first)."""
    found = None
    for change in track:
        if change[0] > day:
            break
        found = change
    return found


def is_unknown(entry, payload):
    return payload["statuses"][entry["status"]] == "unknown" and entry["holder"] == -1 and not entry["others"]


def key_of(entry, payload, actor_ids):
    """The entry as api.states.state_json writes a State: [status, holder id, others, sides]."""
    def pairs(others):
        return [[actor_ids[actor], payload["roles"][role]] for actor, role in others]

    def holder(index):
        return actor_ids[index] if index >= 0 else None

    sides = [[payload["statuses"][s["status"]], holder(s["holder"]), pairs(s["others"])] for s in entry.get("sides", [])]
    return [payload["statuses"][entry["status"]], holder(entry["holder"]), pairs(entry["others"]), sides]


def sample_days():
    """Days around every claim's effective date and every moment at which what is known changes."""
    days = set()
    for claim in Claim.objects.filter(review="published"):
        for moment in (claim.known_from, claim.superseded_at):
            if moment is not None:
                day = moment.astimezone(dt.timezone.utc).date()
                days |= {day - dt.timedelta(days=1), day, day + dt.timedelta(days=1)}
        days |= {claim.date - dt.timedelta(days=1), claim.date}
    return sorted(days)


def assert_reported_equals_known_then(client, payload, days):
    """On each day: every place as the timeline as known at that day's end shows it (state, since,
    precision), and its state as geo.resolution decides it then."""
    reported = tracks(payload, "reported")
    slugs = dict(Place.objects.values_list("id", "slug"))
    actor_ids = [dict(Actor.objects.values_list("slug", "id"))[slug] for slug in payload["actors"]["slug"]]
    for day in days:
        known_then = fetch(client, f"/api/v2/timeline/?known_at={day}")
        assert known_then["actors"] == payload["actors"] and known_then["places"] == payload["places"]
        expected = tracks(known_then, "since")
        for slug in payload["places"]["slug"]:
            mine, theirs = shown(reported.get(slug, []), day), shown(expected.get(slug, []), day)
            if theirs is None:
                assert mine is None or is_unknown(mine[2], payload), (slug, day, mine)
            else:
                assert mine is not None and mine[1:] == theirs[1:], (slug, day, mine, theirs)
        states = records.snapshot(day, parse_known_at(day.isoformat()))
        for place_id, state in states.items():
            mine = shown(reported.get(slugs[place_id], []), day)
            key = orjson.loads(state_json(state))
            if mine is None:
                assert state.status == "unknown" and state.holder is None, (slugs[place_id], day, key)
            else:
                assert key_of(mine[2], payload, actor_ids) == key, (slugs[place_id], day, mine, key)


def test_seed_reported_timeline_equals_the_record_as_known_each_day(client, seeded):
    assert KnownSegment.objects.exists()
    payload = fetch(client, URL)
    assert payload["format"] == "controlmap-reported-timeline/1"
    assert prepared.resolved(client, URL).json() == payload
    days = sample_days()
    assert len(days) > 40
    assert_reported_equals_known_then(client, payload, [D("2010-01-01"), *days, D("2030-01-01")])


def test_synthetic_reported_timeline_equals_the_record_as_known_each_day(client, seeded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Generator(places=30, claims=900, seed=11).run()
    assert not StalePlace.objects.exists()
    payload = fetch(client, URL)
    assert prepared.resolved(client, URL).json() == payload
    days = sample_days()
    assert_reported_equals_known_then(client, payload, days[:: max(1, len(days) // 40)])


def test_the_diagonal_of_rows_known_over_different_stretches():
    utc = dt.timezone.utc
    noon = lambda day: known_day(dt.datetime.fromisoformat(f"{day}T12:00").replace(tzinfo=utc))  # noqa: E731
    rows = [
        # As reported from 1 March: held since 1 January; from 10 March, two segments (a later claim).
        (D("2017-01-01"), None, noon("2017-03-01"), noon("2017-03-10"), "day", "A"),
        (D("2017-01-01"), D("2017-02-01"), noon("2017-03-10"), noon("2017-04-01"), "month", "A"),
        (D("2017-02-01"), None, noon("2017-03-10"), noon("2017-04-01"), "day", "B"),
        # Replaced within its day: never the answer at a day's end.
        (D("2017-01-01"), None, noon("2017-03-05"), known_day(dt.datetime(2017, 3, 5, 23, 59, tzinfo=dt.timezone.utc)), "day", "C"),
    ]
    assert diagonal(rows) == [
        (D("2017-03-01"), D("2017-01-01"), "day", "A"),
        (D("2017-03-10"), D("2017-02-01"), "day", "B"),
        (D("2017-04-01"), D("2017-04-01"), "day", None),  # every claim known superseded
    ]
    # One state over consecutive segments is one period, from its first segment.
    merged = [(D("2017-01-01"), D("2017-02-01"), noon("2017-01-05"), None, "month", "A"),
              (D("2017-02-01"), None, noon("2017-01-05"), None, "day", "A")]
    assert diagonal(merged) == [(D("2017-01-05"), D("2017-01-01"), "month", "A")]


@pytest.mark.parametrize("suffix", ["?known_at=2017-01-01", "?at=2017-01-01", "?lang=xx"])
def test_reported_timeline_refuses_what_it_does_not_take(client, seeded, suffix):
    response = client.get(URL + suffix)
    assert response.status_code == 400 and response.json()["detail"]


def test_reported_timeline_is_v2_only_and_answers_304(client, seeded):
    assert client.get("/api/v1/timeline/reported/").status_code == 404
    first = client.get(URL)
    assert first.status_code == 200 and first["ETag"]
    assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
