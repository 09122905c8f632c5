"""The snapshot as known then (api.known_then) gives exactly the answer of resolving the claims as
known then, whether a place's Feature is taken from its segment as known now or resolved: on the seed
and on a synthetic record, at every moment at which what is known changes, with the filters."""
import datetime as dt
from urllib.parse import quote

import pytest

from api import known_then
from api.serializers import Actors
from api.models import StalePlace
from geo.models import Actor, Citation, Claim, Outlet, Place, Source
from geo.synthetic import Generator
from prepared import assert_prepared_equals_resolved, fetch

D = dt.date.fromisoformat
UTC = dt.timezone.utc


def snapshot_url(day, moment, extra=""):
    return f"/api/v2/control/?at={day.isoformat()}&known_at={quote(moment.isoformat())}{extra}"


@pytest.fixture
def resolved_places(monkeypatch):
    """The places whose Feature as known then was resolved rather than taken from a segment as known now."""
    places = []
    resolve = known_then._resolved_features

    def resolve_and_count(at, known_at, place_ids, actor_slug):
        places.extend(place_ids)
        return resolve(at, known_at, place_ids, actor_slug)

    monkeypatch.setattr(known_then, "_resolved_features", resolve_and_count)
    return places


def knowledge_pairs(claims, days_after=(0, 1, 30)):
    """(day, moment) pairs around every change of what is known of `claims`: each claim's date (and
    days after it) as known just before and at its first publication and its supersession."""
    pairs = set()
    for claim in claims:
        for moment in (claim.known_from, claim.superseded_at):
            if moment is None:
                continue
            for day in {claim.date + dt.timedelta(days=offset) for offset in days_after} | {moment.date()}:
                pairs |= {(day, moment - dt.timedelta(microseconds=1)), (day, moment)}
    return sorted(pairs)


def counted_claims():
    return Claim.objects.filter(review="published", known_from__isnull=False).order_by("id")


def test_seed_snapshots_as_known_then_are_read_and_equal_to_resolving(client, seeded, resolved_places):
    pairs = knowledge_pairs(counted_claims())
    assert len(pairs) > 100
    assert known_then.snapshot_body({"features": []}, *pairs[0], Actors().slug) is not None
    urls = [snapshot_url(day, moment) for day, moment in pairs]
    urls += [snapshot_url(D("2017-11-20"), dt.datetime(2017, 11, 20, 23, 59, 59, tzinfo=UTC), extra)
             for extra in ("&actors=sdf,iraqi-government", "&actors=islamic-state", "&bbox=40.9,34.3,41.2,34.5",
                           "&format=csv", "&format=geojson", "&lang=ar", "&lang=ckb&actors=sdf")]
    urls += ["/api/v2/control/?at=2017-11-10&known_at=2017-11-10", "/api/v2/control/?at=2030-01-01&known_at=2010-01-01"]
    assert_prepared_equals_resolved(client, urls)
    assert resolved_places, "no place as known then differed from the present: the resolving branch went untested"


def test_synthetic_record_as_known_then_equals_resolving(client, seeded, resolved_places, django_capture_on_commit_callbacks):
    """Same-day conflicts, claims superseded days after their publication, month and approximate dates."""
    with django_capture_on_commit_callbacks(execute=True):
        Generator(places=40, claims=1200, seed=7).run()
    assert not StalePlace.objects.exists()
    claims = list(counted_claims().filter(place__slug__startswith="syn7-"))
    superseded = [claim for claim in claims if claim.superseded_at is not None]
    assert len(superseded) > 10
    pairs = knowledge_pairs(superseded, days_after=(0, 2)) + knowledge_pairs(claims[::25], days_after=(0, 400))
    urls = [snapshot_url(day, moment) for day, moment in pairs]
    actor = Actor.objects.filter(held_claims__in=claims[:50]).order_by("slug").first()
    urls += [snapshot_url(day, moment, f"&actors={actor.slug}") for day, moment in pairs[::10]]
    urls += [snapshot_url(day, moment, "&bbox=-180,-90,180,90&format=csv") for day, moment in pairs[::15]]
    assert_prepared_equals_resolved(client, urls)
    assert len(resolved_places) >= len(superseded) // 2


def publish(place, date, published, holder="sdf", **fields):
    """A published claim of `place` cited by one source published at `published`."""
    claim = Claim.objects.create(place=place, status="controlled", holder=Actor.objects.get(slug=holder), date=date,
                                 claimant="A test reporter", review="published", **fields)
    source = Source.objects.create(outlet=Outlet.objects.first(), title=f"Report {claim.key}", published_at=published,
                                   url=f"https://example.org/{claim.key}")
    Citation.objects.create(claim=claim, source=source, quote=f"Quote of {claim.key}.")
    return claim


def evidence_as_known(client, slug, day, moment):
    features = fetch(client, snapshot_url(day, moment)).json()["features"]
    return [entry["claim"] for entry in next(f for f in features if f["id"] == slug)["properties"]["evidence"]]


def moment(text):
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_a_same_day_claim_known_later_is_not_shown_before_it_is_known(client, seeded, django_capture_on_commit_callbacks):
    """Known now, the segment is decided by both claims; as known in between, by the first alone: the
    same start and the same state, not the same Feature."""
    boukamal = Place.objects.get(slug="boukamal")
    with django_capture_on_commit_callbacks(execute=True):
        first = publish(boukamal, D("2031-03-01"), moment("2031-03-02T08:00"))
        later = publish(boukamal, D("2031-03-01"), moment("2031-03-20T08:00"))
    day = D("2031-03-10")
    assert evidence_as_known(client, "boukamal", day, moment("2031-03-05T00:00")) == [first.key]
    assert evidence_as_known(client, "boukamal", day, moment("2031-03-25T00:00")) == [first.key, later.key]
    assert_prepared_equals_resolved(client, [snapshot_url(day, moment(m)) for m in ("2031-03-05T00:00", "2031-03-20T08:00", "2031-04-01T00:00")])


def test_a_claim_superseded_later_still_decides_before_it_is_superseded(client, seeded, django_capture_on_commit_callbacks):
    qaim = Place.objects.get(slug="qaim")
    with django_capture_on_commit_callbacks(execute=True):
        kept = publish(qaim, D("2031-05-01"), moment("2031-05-03T08:00"))
        wrong = publish(qaim, D("2031-05-01"), moment("2031-05-02T08:00"), rank="superseded", superseded_at=moment("2031-06-01T00:00"),
                        rank_reason="Contradicted by later reporting.")
        wrong.superseded_by = kept
        wrong.save()
        # A correction, dated before both and known only after them: the days before 1 May change.
        correction = publish(qaim, D("2031-04-20"), moment("2031-05-20T00:00"), holder="islamic-state")
    day = D("2031-05-10")
    assert evidence_as_known(client, "qaim", day, moment("2031-05-02T12:00")) == [wrong.key]
    assert sorted(evidence_as_known(client, "qaim", day, moment("2031-05-10T00:00"))) == sorted([kept.key, wrong.key])
    assert evidence_as_known(client, "qaim", day, moment("2031-06-02T00:00")) == [kept.key]
    assert evidence_as_known(client, "qaim", D("2031-04-25"), moment("2031-05-21T00:00")) == [correction.key]
    days = [D("2031-04-19"), D("2031-04-25"), D("2031-05-01"), day]
    moments = [moment(m) for m in ("2031-05-02T08:00", "2031-05-10T00:00", "2031-05-20T00:00", "2031-06-01T00:00", "2031-07-01T00:00")]
    assert_prepared_equals_resolved(client, [snapshot_url(d, m) for d in days for m in moments] +
                                [snapshot_url(day, moments[1], "&actors=sdf"), snapshot_url(day, moments[1], "&format=csv")])


def test_a_place_whose_only_claim_is_superseded_is_still_shown_as_known_before(client, seeded, django_capture_on_commit_callbacks):
    """Known now, the place has no state (no segment as known now, nothing of it to reuse); as known
    before the supersession it has one, resolved, and it takes its place in slug order."""
    hamlet = Place.objects.create(slug="aaa-hamlet", name="Hamlet", kind="village", country="SY", point="POINT (40.5 35)")
    with django_capture_on_commit_callbacks(execute=True):
        publish(hamlet, D("2031-05-01"), moment("2031-05-02T08:00"), rank="superseded",
                superseded_at=moment("2031-06-01T00:00"), rank_reason="Contradicted by later reporting.")
    day = D("2031-05-10")
    before, after = snapshot_url(day, moment("2031-05-20T00:00")), snapshot_url(day, moment("2031-06-02T00:00"))
    assert [f["id"] for f in fetch(client, before).json()["features"]][0] == "aaa-hamlet"
    assert "aaa-hamlet" not in [f["id"] for f in fetch(client, after).json()["features"]]
    assert_prepared_equals_resolved(client, [before, after, snapshot_url(day, moment("2031-05-20T00:00"), "&actors=sdf")])
