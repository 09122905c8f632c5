"""The prepared snapshots (api.snapshots) give exactly the answers of resolving the claims, and
follow every write to the record, whoever makes it."""
import datetime as dt
import io
import json
import threading
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection

from api import snapshots
from api.models import KnownSegment, SnapshotSegment, StalePlace
from geo.models import Actor, Citation, Claim, Outlet, Place, Source
from geo.synthetic import Generator
from prepared import assert_prepared_equals_resolved, fetch

D = dt.date.fromisoformat


def prepared_features(day):
    """The day's Features as the prepared snapshot holds them, or None when it cannot be used."""
    body = snapshots.snapshot_body({"type": "FeatureCollection", "features": []}, day)
    return None if body is None else json.loads(body)["features"]


def change_days():
    days = set()
    for claim in Claim.objects.filter(review="published"):
        days |= {claim.date - dt.timedelta(days=1), claim.date, claim.date + dt.timedelta(days=1)}
        if claim.end:
            days |= {claim.end - dt.timedelta(days=1), claim.end}
    return sorted(days)


def test_seed_snapshots_are_prepared_and_equal_to_resolving_the_claims(client, seeded):
    assert prepared_features(D("2017-11-20")) is not None  # the session's seed load refreshed them
    days = change_days()
    assert len(days) > 40
    urls = [f"/api/v2/control/?at={day.isoformat()}" for day in [D("2010-01-01"), *days, D("2030-01-01")]]
    urls += ["/api/v2/control/?at=2017-11-20&actors=sdf,iraqi-government", "/api/v2/control/?at=2017-11-20&bbox=40.9,34.3,41.2,34.5",
             "/api/v2/control/?at=2017-11-20&format=csv", "/api/v2/control/?at=2017-11-20&format=geojson",
             "/api/v2/control/?at=2017-11", "/api/v2/timeline/"]
    assert_prepared_equals_resolved(client, urls)


def knowledge_moments():
    """Every moment at which what is known changes (a claim known, a claim known superseded), with
    the instant before it."""
    moments = set()
    for claim in Claim.objects.filter(review="published", known_from__isnull=False):
        for moment in (claim.known_from, claim.superseded_at):
            if moment is not None:
                moments |= {moment, moment - dt.timedelta(microseconds=1)}
    return sorted(moments)


def known_timelines(moments):
    return [f"/api/v2/timeline/?known_at={quote(moment.isoformat())}" for moment in moments]


def test_seed_timelines_as_known_then_are_read_and_equal_to_resolving_the_claims(client, seeded):
    moments = knowledge_moments()
    assert len(moments) > 20 and KnownSegment.objects.exists()
    assert all(snapshots.timeline_changes(moment) is not None for moment in moments[:3])
    urls = known_timelines(moments) + ["/api/v2/timeline/?known_at=2010-01-01", "/api/v2/timeline/?known_at=2017-11-20",
                                       "/api/v2/timeline/?known_at=2030-01-01"]
    assert_prepared_equals_resolved(client, urls)


def test_synthetic_record_prepared_equals_resolved(client, seeded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # bulk inserts: no model signals, one bulk_changed
        Generator(places=40, claims=1200, seed=6).run()
    assert not StalePlace.objects.exists()
    assert SnapshotSegment.objects.filter(place__slug__startswith="syn6-").count() > 500
    days = [D("2014-01-01") + dt.timedelta(days=offset) for offset in range(0, 5 * 365, 61)]
    assert_prepared_equals_resolved(client, [f"/api/v2/control/?at={day}" for day in days] + ["/api/v2/timeline/"])
    # Knowledge time too: every claim superseded or not, its sources published before or after.
    moments = knowledge_moments()
    assert KnownSegment.objects.filter(place__slug__startswith="syn6-").count() > SnapshotSegment.objects.filter(place__slug__startswith="syn6-").count()
    assert_prepared_equals_resolved(client, known_timelines(moments[::max(1, len(moments) // 60)]) +
                                    [f"/api/v2/timeline/?known_at={day}" for day in days])


def state_of(client, slug, day):
    features = fetch(client, f"/api/v2/control/?at={day}").json()["features"]
    return next((f["properties"] for f in features if f["id"] == slug), None)


def test_a_publication_is_prepared_as_it_commits(client, seeded, django_capture_on_commit_callbacks):
    boukamal = Place.objects.get(slug="boukamal")
    source = Source.objects.create(outlet=Outlet.objects.first(), title="A later report", url="https://example.org/later",
                                   published_at=dt.datetime(2017, 12, 2, tzinfo=dt.timezone.utc))
    with django_capture_on_commit_callbacks(execute=True):
        claim = Claim.objects.create(place=boukamal, status="controlled", holder=Actor.objects.get(slug="sdf"),
                                     date=D("2017-12-01"), claimant="A later report", review="published")
        Citation.objects.create(claim=claim, source=source, quote="The SDF entered the town.")
        claim.refresh_known_from()
    assert not StalePlace.objects.exists()
    shown = state_of(client, "boukamal", "2017-12-05")
    assert shown["holder"] == "sdf" and shown["evidence"][0]["quote"] == "The SDF entered the town."
    assert state_of(client, "boukamal", "2017-11-30")["holder"] != "sdf"
    assert_prepared_equals_resolved(client, ["/api/v2/control/?at=2017-12-05", "/api/v2/timeline/"])

    with django_capture_on_commit_callbacks(execute=True):  # moved: both places are resolved again
        claim.place = Place.objects.get(slug="qaim")
        claim.save()
    assert state_of(client, "qaim", "2017-12-05")["holder"] == "sdf"
    assert state_of(client, "boukamal", "2017-12-05")["holder"] != "sdf"
    assert_prepared_equals_resolved(client, ["/api/v2/control/?at=2017-12-05"])


def test_a_write_without_signals_is_never_served_stale(client, seeded, django_capture_on_commit_callbacks):
    """A queryset update or raw SQL sends no signal: the database's triggers still mark the places it
    touches, readers resolve the claims until the next refresh, which then catches up."""
    citation = Citation.objects.get(claim__key="raqqa-2017-10-20-sdf-declares-victory")
    Outlet.objects.filter(pk=citation.source.outlet_id).update(name="Renamed Outlet")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE geo_place SET name = %s WHERE slug = %s", ["Mosul (renamed)", "mosul"])
    raqqa, mosul = Place.objects.get(slug="raqqa"), Place.objects.get(slug="mosul")
    assert {raqqa.pk, mosul.pk} <= set(StalePlace.objects.values_list("place_id", flat=True))
    assert prepared_features(D("2017-11-20")) is None
    assert state_of(client, "mosul", "2017-11-20")["name"] == "Mosul (renamed)"
    assert "Renamed Outlet" in {e["outlet"] for e in state_of(client, "raqqa", "2017-11-20")["evidence"]}

    out = io.StringIO()
    call_command("refresh_snapshots", stdout=out)
    assert "refreshed" in out.getvalue() and not StalePlace.objects.exists()
    prepared = prepared_features(D("2017-11-20"))
    assert prepared is not None and any(feature["properties"]["name"] == "Mosul (renamed)" for feature in prepared)
    assert_prepared_equals_resolved(client, ["/api/v2/control/?at=2017-11-20"])

    with django_capture_on_commit_callbacks(execute=True):
        Claim.objects.filter(place=mosul).delete()
    assert state_of(client, "mosul", "2017-11-20") is None
    assert not SnapshotSegment.objects.filter(place_id=mosul.pk).exists()


@pytest.mark.parametrize("write", ["claim", "claim actor", "source", "actor"])
def test_every_kind_of_write_marks_its_places(seeded, write):
    claim = Claim.objects.get(key="raqqa-2017-10-20-sdf-declares-victory")
    if write == "claim":
        Claim.objects.filter(pk=claim.pk).update(claimant="Someone else")
    elif write == "claim actor":
        claim.other_actors.create(actor=Actor.objects.get(slug="islamic-state"), role="contesting")
    elif write == "source":
        Source.objects.filter(citations__claim=claim).update(title="Retitled")
    else:
        Actor.objects.filter(slug="sdf").update(name="Syrian Democratic Forces (renamed)")
    assert StalePlace.objects.filter(place_id=claim.place_id).exists()


def test_refresh_snapshots_rebuilds_everything_on_demand(seeded):
    before = sorted(SnapshotSegment.objects.values_list("place_id", "start", "stop", "state__key", "feature"))
    out = io.StringIO()
    call_command("refresh_snapshots", "--all", stdout=out)
    assert f"rebuilt: {len(before)} segments" in out.getvalue()
    assert sorted(SnapshotSegment.objects.values_list("place_id", "start", "stop", "state__key", "feature")) == before


def test_a_place_written_during_its_refresh_stays_marked(live_seeded, monkeypatch, in_thread):
    """A refresh may read a place's claims before a write to it commits: that write's mark must
    outlive the refresh, whose clearing of the mark it waits for (PostgreSQL: the locked mark;
    SQLite: the write lock), or the segments would show the place without the write for good."""
    raqqa = Place.objects.get(slug="raqqa")
    Claim.objects.filter(place=raqqa).update(notes="A first write")  # marked, no signal: no refresh yet
    assert StalePlace.objects.filter(place_id=raqqa.pk).exists()
    resolved, resume = threading.Event(), threading.Event()
    write = snapshots._write

    def write_then_pause(places):
        written = write(places)
        resolved.set()  # the place's claims are read; its mark is cleared after this
        assert resume.wait(30)
        return written

    monkeypatch.setattr(snapshots, "_write", write_then_pause)

    refresher = in_thread(snapshots.refresh_stale)
    assert resolved.wait(30)
    writer = in_thread(lambda: Claim.objects.filter(place=raqqa).update(claimant="A second write"))
    writer.join(1.5)
    assert writer.is_alive(), "the write did not wait for the refresh holding its place's mark"
    resume.set()
    refresher.join(30)
    writer.join(30)
    assert StalePlace.objects.filter(place_id=raqqa.pk).exists()
    assert prepared_features(D("2017-11-20")) is None

    monkeypatch.undo()
    snapshots.refresh_stale()
    raqqa_feature = next(f for f in prepared_features(D("2017-11-20")) if f["id"] == "raqqa")
    assert "A second write" in json.dumps(raqqa_feature)
