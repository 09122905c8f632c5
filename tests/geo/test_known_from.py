"""A claim is known from the earliest publication among its cited sources, whatever writes the record:
the database's triggers keep Claim.known_from (geo migration 0004), and the answers "as reported
then" (`known_at=`), the map as known now and the cached responses follow.

Boukamal on 10 November 2017, as known that day, is the army's (RT's premature report of the 9th);
once RT's report is dated the 11th, it is still the Islamic State's."""
import datetime as dt
import io
import json
import threading

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction

from api import snapshots, versions
from api.models import StalePlace
from geo.exchange import export_document
from geo.models import Citation, Claim, Source

UTC = dt.timezone.utc
PREMATURE = "boukamal-2017-11-09-army-declares-liberated"
RT = "rt-2017-11-09-isis-stronghold-falls"
RT_PUBLISHED = dt.datetime(2017, 11, 9, 9, tzinfo=UTC)  # 12:00 +03:00
RT_MOVED = dt.datetime(2017, 11, 11, 6, tzinfo=UTC)  # before the claim was superseded (09:00 UTC on the 11th)
RETAKEN = "boukamal-2017-11-19-army-retakes"
RUDAW = "rudaw-2017-11-19-army-retakes-boukamal"
AP = "ap-2017-11-03-deir-el-zour-liberated"
PASSWORD = "a-long-test-passphrase-42"

pytestmark = pytest.mark.usefixtures("seeded")


def known_from(key):
    return Claim.objects.values_list("known_from", flat=True).get(key=key)


def holder_on_map(client, at, known_at=None):
    """Boukamal's holder as the map's API answers it (None: not on the map)."""
    url = f"/api/v2/control/?at={at}" + (f"&known_at={known_at}" if known_at else "")
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    feature = next((f for f in response.json()["features"] if f["id"] == "boukamal"), None)
    return feature["properties"]["holder"] if feature else None


def holder_in_timeline(client, day, known_at):
    """Boukamal's holder on `day` in the playback payload, decoded as the map does."""
    payload = client.get(f"/api/v2/timeline/?known_at={known_at}").json()
    place = payload["places"]["slug"].index("boukamal")
    epoch, on = dt.date.fromisoformat(payload["epoch"]), dt.date.fromisoformat(day)
    changes, current, offset = payload["changes"], None, 0
    for index, delta in enumerate(changes["since"]):
        offset += delta
        if changes["place"][index] == place and epoch + dt.timedelta(days=offset) <= on:
            current = payload["states"][changes["state"][index]]
    if current is None or current["holder"] < 0:
        return None
    return payload["actors"]["slug"][current["holder"]]


def as_reported_on_10_november(client):
    return holder_on_map(client, "2017-11-10", "2017-11-10"), holder_in_timeline(client, "2017-11-10", "2017-11-10")


def catch_up():
    """What an operator runs after writing behind the application's back (README, Data commands)."""
    call_command("refresh_snapshots", stdout=io.StringIO())


def assert_known_now_prepared(client):
    """The map as known now is read from the prepared snapshots, and they agree with the claims."""
    assert not StalePlace.objects.exists()
    assert snapshots.snapshot_body({"type": "FeatureCollection", "features": []}, dt.date(2017, 11, 20)) is not None
    prepared = client.get("/api/v2/control/?at=2017-11-20").json()
    StalePlace.objects.create(place_id=0)  # a stale mark makes the API resolve the claims instead
    try:
        cache.clear()
        assert client.get("/api/v2/control/?at=2017-11-20").json() == prepared
    finally:
        StalePlace.objects.filter(place_id=0).delete()


def sql(statement, params=()):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def db_moment(moment):
    return connection.ops.adapt_datetimefield_value(moment)


# ---------------------------------------------------------------- a source's publication moves

def move_by_model_save(django_capture_on_commit_callbacks):
    source = Source.objects.get(key=RT)
    source.published_at = RT_MOVED
    with django_capture_on_commit_callbacks(execute=True):  # the admin's commit: version moves, places refresh
        source.save()


def move_by_queryset_update(django_capture_on_commit_callbacks):
    Source.objects.filter(key=RT).update(published_at=RT_MOVED)
    catch_up()


def move_by_raw_sql(django_capture_on_commit_callbacks):
    sql("UPDATE geo_source SET published_at = %s WHERE key = %s", [db_moment(RT_MOVED), RT])
    catch_up()


def move_by_import(django_capture_on_commit_callbacks, tmp_path):
    call_command("create_editor", "rita", role="reviewer", password=PASSWORD, stdout=io.StringIO())
    document = export_document()
    next(s for s in document["sources"] if s["key"] == RT)["published_at"] = "2017-11-11T09:00:00+03:00"
    path = tmp_path / "moved.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_data", str(path), "--publish", "--as", "rita", stdout=io.StringIO())


@pytest.mark.parametrize("move", [move_by_model_save, move_by_queryset_update, move_by_raw_sql, move_by_import],
                         ids=["model save", "queryset update", "raw SQL", "import_data"])
def test_moving_a_sources_publication_moves_what_was_known_when(client, django_capture_on_commit_callbacks, tmp_path, move):
    assert known_from(PREMATURE) == RT_PUBLISHED
    assert as_reported_on_10_november(client) == ("syrian-government", "syrian-government")
    as_known_now = holder_on_map(client, "2017-11-20")

    if move is move_by_import:
        move(django_capture_on_commit_callbacks, tmp_path)
    else:
        move(django_capture_on_commit_callbacks)

    assert Source.objects.get(key=RT).published_at == RT_MOVED
    assert known_from(PREMATURE) == RT_MOVED
    assert as_reported_on_10_november(client) == ("islamic-state", "islamic-state")
    # Known from 06:00 UTC on the 11th now: counted an hour later, not an hour before.
    assert holder_on_map(client, "2017-11-10", "2017-11-11T07:00:00Z") == "syrian-government"
    assert holder_on_map(client, "2017-11-10", "2017-11-11T05:00:00Z") == "islamic-state"
    assert holder_on_map(client, "2017-11-20") == as_known_now
    assert_known_now_prepared(client)


def test_a_source_save_that_keeps_its_date_touches_no_claim(django_capture_on_commit_callbacks):
    source = Source.objects.get(key=RT)
    source.title = "Retitled"
    with django_capture_on_commit_callbacks(execute=True):
        source.save()
    assert known_from(PREMATURE) == RT_PUBLISHED


# ---------------------------------------------------------------- citations added and removed

@pytest.mark.parametrize("by", ["model", "raw SQL"])
def test_citing_an_earlier_source_and_removing_it_again(client, django_capture_on_commit_callbacks, by):
    claim, ap = Claim.objects.get(key=RETAKEN), Source.objects.get(key=AP)
    rudaw = Source.objects.get(key=RUDAW)
    assert known_from(RETAKEN) == rudaw.published_at
    # Known on the 18th: the Islamic State's recapture of the 11th; the army's return, reported on the 19th, not yet.
    assert holder_on_map(client, "2017-11-20", "2017-11-18") == "islamic-state"

    if by == "model":
        with django_capture_on_commit_callbacks(execute=True):
            citation = Citation.objects.create(claim=claim, source=ap, quote="The army is closing in on Boukamal.")
    else:
        sql("INSERT INTO geo_citation (claim_id, source_id, quote, quote_is_paraphrase, note) VALUES (%s, %s, %s, %s, '')",
            [claim.pk, ap.pk, "The army is closing in on Boukamal.", False])
        catch_up()
    assert known_from(RETAKEN) == ap.published_at
    assert holder_on_map(client, "2017-11-20", "2017-11-18") == "syrian-government"
    assert holder_in_timeline(client, "2017-11-20", "2017-11-18") == "syrian-government"

    if by == "model":
        with django_capture_on_commit_callbacks(execute=True):
            citation.delete()
    else:
        sql("DELETE FROM geo_citation WHERE claim_id = %s AND source_id = %s", [claim.pk, ap.pk])
        catch_up()
    assert known_from(RETAKEN) == rudaw.published_at
    assert holder_on_map(client, "2017-11-20", "2017-11-18") == "islamic-state"
    assert_known_now_prepared(client)


@pytest.mark.parametrize("by", ["model", "raw SQL"])
def test_a_claim_with_no_citation_left_is_off_the_map(client, django_capture_on_commit_callbacks, by):
    assert holder_on_map(client, "2017-11-20") == "syrian-government"
    if by == "model":
        with django_capture_on_commit_callbacks(execute=True):
            Citation.objects.get(claim__key=RETAKEN).delete()
    else:
        sql("DELETE FROM geo_citation WHERE claim_id = (SELECT id FROM geo_claim WHERE key = %s)", [RETAKEN])
        catch_up()
    assert known_from(RETAKEN) is None
    assert Claim.objects.get(key=RETAKEN).review == "published"
    assert holder_on_map(client, "2017-11-20") == "islamic-state"  # the recapture of the 11th stands
    assert_known_now_prepared(client)


def test_moving_a_citation_to_another_claim_recomputes_both(django_capture_on_commit_callbacks):
    citation = Citation.objects.get(claim__key=PREMATURE)
    target = Claim.objects.get(key=RETAKEN)
    sql("UPDATE geo_citation SET claim_id = %s WHERE id = %s", [target.pk, citation.pk])
    assert known_from(PREMATURE) is None
    assert known_from(RETAKEN) == RT_PUBLISHED


# ---------------------------------------------------------------- known_from written directly

WRONG = dt.datetime(2000, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("by", ["model save", "queryset update", "raw SQL"])
def test_a_direct_write_of_known_from_is_corrected(client, django_capture_on_commit_callbacks, by):
    assert as_reported_on_10_november(client) == ("syrian-government", "syrian-government")
    if by == "model save":
        claim = Claim.objects.get(key=PREMATURE)
        claim.known_from = dt.datetime(2017, 11, 15, tzinfo=UTC)
        with django_capture_on_commit_callbacks(execute=True):
            claim.save()
        claim.refresh_known_from()
        assert claim.known_from == RT_PUBLISHED
    elif by == "queryset update":
        Claim.objects.filter(key__startswith="boukamal-").update(known_from=WRONG)
        catch_up()
    else:
        sql("UPDATE geo_claim SET known_from = NULL WHERE key = %s", [PREMATURE])
        sql("UPDATE geo_claim SET known_from = %s WHERE key = %s", [db_moment(WRONG), RETAKEN])
        catch_up()
    assert known_from(PREMATURE) == RT_PUBLISHED
    assert known_from(RETAKEN) == Source.objects.get(key=RUDAW).published_at
    assert as_reported_on_10_november(client) == ("syrian-government", "syrian-government")
    assert holder_on_map(client, "2017-11-20") == "syrian-government"


def test_a_claim_inserted_with_known_from_gets_the_computed_value():
    claim = Claim.objects.get(key=RETAKEN)
    sql("INSERT INTO geo_claim (key, place_id, status, holder_id, date, precision, earliest, latest, claimant, rank, "
        "rank_reason, review, known_from, created_at, updated_at, notes, revision) "
        "SELECT 'raw-insert', place_id, status, holder_id, date, precision, earliest, latest, claimant, rank, rank_reason, "
        "review, %s, created_at, updated_at, notes, revision FROM geo_claim WHERE id = %s", [db_moment(WRONG), claim.pk])
    assert known_from("raw-insert") is None
    made = Claim.objects.create(place=claim.place, status="controlled", holder=claim.holder, date=dt.date(2017, 12, 1),
                                claimant="ORM", known_from=WRONG)
    made.refresh_known_from()
    assert made.known_from is None


# ---------------------------------------------------------------- concurrent editors

@pytest.mark.django_db(transaction=True)
def test_a_citation_and_a_move_of_its_sources_date_made_at_once_agree(live_seeded, in_thread):
    """One editor cites a new report for the army's return while another, at the same moment, moves
    the report's date back: the claim ends up known from the moved date. (PostgreSQL: the citation's
    share lock on the source makes the move wait, then see the citation; SQLite serialises writers.)"""
    claim = Claim.objects.get(key=RETAKEN)
    rt = Source.objects.create(outlet=Source.objects.get(key=RT).outlet, title="A later report", url="https://example.org/late",
                               published_at=dt.datetime(2017, 11, 25, tzinfo=UTC))  # cited by no claim yet
    cited, moving = threading.Event(), threading.Event()
    move_waited = []

    def cite():
        with transaction.atomic():
            sql("INSERT INTO geo_citation (claim_id, source_id, quote, quote_is_paraphrase, note) VALUES (%s, %s, %s, %s, '')",
                [claim.pk, rt.pk, "Army units entered the town.", False])
            cited.set()
            assert moving.wait(30)
            mover.join(1.5)
            move_waited.append(mover.is_alive())  # still waiting for this commit

    def move_date():
        sql("UPDATE geo_source SET published_at = %s WHERE id = %s", [db_moment(WRONG), rt.pk])

    citer = in_thread(cite)
    assert cited.wait(30)
    mover = in_thread(move_date)
    moving.set()
    citer.join(30)
    mover.join(30)
    assert move_waited == [True], "the move of the source's date did not wait for the citation"
    assert known_from(RETAKEN) == WRONG


# ---------------------------------------------------------------- the triggers are in place

TRIGGERS = {
    "postgresql": {"geo_known_from_claim", "geo_known_from_citation_insert", "geo_known_from_citation_update",
                   "geo_known_from_citation_delete", "geo_known_from_source"},
    "sqlite": {"geo_known_from_claim_insert", "geo_known_from_claim_update", "geo_known_from_citation_insert",
               "geo_known_from_citation_update", "geo_known_from_citation_delete", "geo_known_from_source_update"},
}


def installed_triggers():
    if connection.vendor == "postgresql":
        query = "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'geo_known_from%%' AND NOT tgisinternal"
    else:
        query = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'geo_known_from%'"
    with connection.cursor() as cursor:
        cursor.execute(query)
        return {row[0] for row in cursor.fetchall()}


def test_every_trigger_is_installed():
    """A later migration that rebuilds geo_claim, geo_citation or geo_source on SQLite (Django copies
    the table) drops their triggers: this says so at once."""
    assert installed_triggers() == TRIGGERS[connection.vendor]


@pytest.mark.django_db(transaction=True)
def test_the_migration_corrects_existing_rows(live_seeded, client):
    """Migrating from before the triggers: wrong values are corrected, cached answers are not served
    again, and the map as known now is prepared again."""
    call_command("migrate", "geo", "0003_actor_relation_ordering", verbosity=0)
    assert installed_triggers() == set()
    sql("UPDATE geo_claim SET known_from = %s WHERE key = %s", [db_moment(RT_MOVED), PREMATURE])
    sql("UPDATE geo_claim SET known_from = NULL WHERE key = %s", [RETAKEN])
    catch_up()
    assert as_reported_on_10_november(client) == ("islamic-state", "islamic-state")
    assert holder_on_map(client, "2017-11-20") == "islamic-state"
    version = versions.current()[0]

    call_command("migrate", "geo", verbosity=0)
    assert installed_triggers() == TRIGGERS[connection.vendor]
    assert known_from(PREMATURE) == RT_PUBLISHED
    assert known_from(RETAKEN) == Source.objects.get(key=RUDAW).published_at
    assert versions.current()[0] > version
    assert as_reported_on_10_november(client) == ("syrian-government", "syrian-government")
    assert holder_on_map(client, "2017-11-20") == "syrian-government"
    assert_known_now_prepared(client)
