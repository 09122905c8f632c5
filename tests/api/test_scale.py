"""Speed at scale (issue 8): the fast paths give the same answers as the slow ones, and a cached
or revalidated answer costs no query."""
import datetime as dt
import json

import pytest
from django.db import connection
from django.test import override_settings

from api.renderers import FastJSONRenderer
from api.serializers import Actors, Places, period_changes, timeline_payload
from geo import records, resolution
from geo.models import Actor, Citation, Claim, Place, Source
from geo.synthetic import Generator

D = dt.date.fromisoformat


def as_known(day):
    return dt.datetime.combine(D(day), dt.time(23, 59, 59), tzinfo=dt.timezone.utc)


@pytest.fixture
def synthetic(seeded):
    """A small synthetic record on top of the seed: same-day conflicts, superseded claims, month dates."""
    return Generator(places=30, claims=900, seed=5).run()


def keyed(states):
    return {place: (state.key, state.since, state.precision, sorted(c.id for c in state.claims)) for place, state in states.items()}


def shape(timeline):
    return {place: [(p.start, p.end, p.state.key, tuple(c.id for c in p.state.claims)) for p in periods]
            for place, periods in timeline.items()}


def test_place_driven_snapshot_agrees_with_resolving_every_claim(synthetic):
    assert synthetic["conflicts"] > 0 and synthetic["superseded"] > 0
    everything = records.facts(Claim.objects.all())
    for day in ["2014-01-01", "2014-03-15", "2015-07-01", "2016-06-15", "2018-12-31", "2020-01-01"]:
        for known_at in [None, as_known("2015-07-02"), as_known("2016-06-14")]:
            expected = resolution.snapshot(everything, D(day), known_at)
            assert keyed(records.snapshot(D(day), known_at)) == keyed(expected), (day, known_at)
    ids = list(Place.objects.filter(slug__startswith="syn5-").values_list("id", flat=True)[:5])
    part = records.snapshot(D("2016-06-15"), places=ids)
    assert set(part) <= set(ids) and keyed(part) == {p: s for p, s in keyed(resolution.snapshot(everything, D("2016-06-15"))).items() if p in ids}


def test_streamed_timeline_agrees_with_resolving_every_claim(synthetic):
    everything = records.facts(Claim.objects.all())
    for known_at in [None, as_known("2016-06-14")]:
        streamed = list(records.iter_timeline(known_at, chunk=97))  # chunks end inside places and claims
        assert [place for place, _ in streamed] == sorted(place for place, _ in streamed)
        assert shape(dict(streamed)) == shape(resolution.timeline(everything, known_at))


def test_playback_payload_is_the_same_streamed_or_not(synthetic):
    def render(timeline):
        payload = timeline_payload(period_changes(timeline), Places(), Actors(), 1, None)
        return json.loads(FastJSONRenderer().render(payload))

    streamed, whole = render(records.iter_timeline()), render(records.timeline())
    assert streamed == whole
    # Decoding the payload as the map does gives every place's periods back.
    changes, place_ids = streamed["changes"], list(Places().rows)
    day, decoded = 0, {}
    for place, delta, state in zip(changes["place"], changes["since"], changes["state"]):
        day += delta
        decoded.setdefault(place_ids[place], []).append((dt.date(1970, 1, 1) + dt.timedelta(days=day), state))
    expected = records.timeline()
    assert {p: [start for start, _ in v] for p, v in decoded.items()} == {p: [x.start for x in v] for p, v in expected.items()}


def count_queries(call):
    sent = []
    with connection.execute_wrapper(lambda execute, sql, *rest: (sent.append(sql), execute(sql, *rest))[1]):
        response = call()
    return response, sent


@override_settings(DATA_VERSION_CACHED=True)
def test_cached_and_revalidated_answers_send_no_query_and_are_never_stale(client, seeded, django_capture_on_commit_callbacks):
    url = "/api/v2/control/?at=2017-11-20"
    first = client.get(url)
    assert first.status_code == 200 and first["X-Cache"] == "miss"
    hit, sent = count_queries(lambda: client.get(url))
    assert hit.status_code == 200 and hit["X-Cache"] == "hit" and hit.content == first.content and sent == []
    revalidated, sent = count_queries(lambda: client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]))
    assert revalidated.status_code == 304 and sent == []
    with django_capture_on_commit_callbacks(execute=True):  # a publication: the version moves at once
        claim = Claim.objects.create(
            place=Place.objects.get(slug="mosul"), status="controlled", holder=Actor.objects.get(slug="islamic-state"),
            date=dt.date(2017, 11, 15), claimant="A test claimant", review="published",
        )
        Citation.objects.create(claim=claim, source=Source.objects.first(), quote="A test quote.")
    after = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200 and after["ETag"] != first["ETag"] and after["X-Cache"] == "miss"
    mosul = next(f for f in json.loads(after.content)["features"] if f["id"] == "mosul")
    assert mosul["properties"]["holder"] == "islamic-state"


def test_without_a_shared_cache_the_version_is_read_from_the_database(client, seeded):
    url = "/api/v2/control/?at=2017-11-20"
    first = client.get(url)
    revalidated, sent = count_queries(lambda: client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]))
    assert revalidated.status_code == 304 and len(sent) == 1 and "geo_dataversion" in sent[0]


@override_settings(DATA_VERSION_CACHED=True)
def test_a_body_is_never_keyed_by_a_version_newer_than_its_data(client, seeded):
    """The shared cache can hold a version a lagging read replica has not reached yet: the body
    built from the replica is keyed by the replica's version, so the newer key never serves it."""
    from django.core.cache import cache

    from api import versions

    version, changed_at = versions.stored()
    cache.set(versions.CACHE_KEY, (version + 1, changed_at))  # published on the primary, not yet here
    url = "/api/v2/control/?at=2017-11-20"
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"].startswith(f'"v{version}-')
    again = client.get(url)
    assert again.status_code == 200 and again["X-Cache"] == "miss"
