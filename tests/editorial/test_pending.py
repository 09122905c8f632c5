"""The public record changes only when a reviewer publishes: an editor's change to a published claim,
or to a source a published claim cites, waits as a pending change the public never sees."""
import datetime as dt

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from editing import PASSWORD, change_url, claim_post, draft, person
from editorial import pending
from editorial.models import PendingChange
from geo.models import Actor, Citation, Claim, Place, Source

SEED_CLAIM = "boukamal-2017-11-19-army-retakes"


def public_claim(client, key=SEED_CLAIM):
    """The claim as a reader gets it from the API."""
    claim = Claim.objects.get(key=key)
    rows = client.get(f"/api/v2/claims/?place={claim.place.slug}", HTTP_HOST="localhost").json()["results"]
    return next((row for row in rows if row["key"] == key), None)


def public_state(client, slug="boukamal", at="2017-11-25"):
    body = client.get(f"/api/v2/places/{slug}/?at={at}", HTTP_HOST="localhost").json()
    return body["properties"]["status"], body["properties"].get("holder")


def only_change():
    return PendingChange.objects.get()


def diff_page(client, change):
    return client.get(f"/admin/editorial/pendingchange/{change.pk}/change/").content.decode()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a request's on-commit work (the data version, the prepared snapshots) as a real commit would:
    what the API then answers is exactly what was committed."""
    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return call(*args, **kwargs)
    return run


@pytest.fixture
def published():
    return Claim.objects.get(key=SEED_CLAIM)


def test_an_editors_rewritten_quote_waits_for_a_reviewer(editor, reviewer, published, client, committed):
    before = public_claim(client)
    original_quote = before["evidence"][0]["quote"]
    data = claim_post(published, **{"citations-0-quote": "The army never entered the town."})
    response = committed(editor.post, change_url(published), data, follow=True)
    assert "pending review" in response.content.decode()
    change = only_change()
    assert change.state == "pending" and change.author.username == "edna"
    assert public_claim(client) == before  # the reader sees the published version, unchanged
    published.refresh_from_db()
    assert published.review == "published" and published.citations.get().quote == original_quote

    page = diff_page(reviewer, change)
    assert original_quote in page and "The army never entered the town." in page and 'id="publish-change"' in page
    assert 'id="publish-change"' not in diff_page(editor, change)  # editors read the queue, never publish it
    assert committed(editor.post, f"/admin/editorial/pendingchange/{change.pk}/publish/").status_code == 403
    assert public_claim(client) == before

    response = committed(reviewer.post, f"/admin/editorial/pendingchange/{change.pk}/publish/", follow=True)
    assert f"Change #{change.pk} published" in response.content.decode()
    assert public_claim(client)["evidence"][0]["quote"] == "The army never entered the town."
    change.refresh_from_db()
    assert change.state == "published" and change.decided_by.username == "rita"
    latest = published.citations.get().history.first()
    assert latest.history_user.username == "edna" and "published by rita" in latest.history_change_reason


def test_deleting_every_citation_never_takes_a_claim_off_the_map(editor, reviewer, published, client, committed):
    before = public_state(client)
    data = claim_post(published, **{"citations-0-DELETE": "on"})
    committed(editor.post, change_url(published), data)
    assert published.citations.count() == 1 and public_state(client) == before
    change = only_change()
    assert "—" in diff_page(reviewer, change)  # the citation's proposed value: none
    response = committed(reviewer.post, f"/admin/editorial/pendingchange/{change.pk}/publish/", follow=True)
    assert "without a citation with a quote" in response.content.decode()
    assert published.citations.count() == 1 and public_state(client) == before
    assert PendingChange.objects.get().state == "pending"


@pytest.mark.parametrize("changes, field", [
    ({"rank": "superseded", "rank_reason": "Shown wrong.", "superseded_at_0": "2017-11-20",
      "superseded_at_1": "10:00"}, "rank"),
    ({"rank": "preferred", "rank_reason": "Better sourced."}, "rank"),
    ({"claimant": "An anonymous blog"}, "claimant"),
    ({"status": "contested", "holder": ""}, "status"),
    ({"date": "2017-11-01"}, "date"),
])
def test_what_a_reader_sees_of_a_published_claim_changes_only_by_review(editor, published, client, changes, field, committed):
    before, state = public_claim(client), public_state(client)
    committed(editor.post, change_url(published), claim_post(published, **changes))
    assert public_claim(client) == before and public_state(client) == state
    change = only_change()
    assert change.proposed["fields"][field] != change.base["fields"][field]
    published.refresh_from_db()
    assert published.revision == 1 and published.review == "published"


def test_superseded_by_is_reviewed_too(editor, published, client, committed):
    other = Claim.objects.exclude(pk=published.pk).filter(place=published.place).first()
    committed(editor.post, change_url(published), claim_post(
        published, rank="superseded", rank_reason="Shown wrong.", superseded_at_0="2017-11-20", superseded_at_1="10:00",
        superseded_by=other.pk))
    assert only_change().proposed["fields"]["superseded_by"] == other.pk
    assert public_claim(client)["superseded_by"] is None


def test_drafts_are_edited_directly_and_reviewers_edits_apply(editor, reviewer, published, client, committed):
    mine = draft(Place.objects.get(slug="boukamal"))
    committed(editor.post, change_url(mine), claim_post(mine, claimant="SANA"))
    mine.refresh_from_db()
    assert mine.claimant == "SANA" and not PendingChange.objects.exists()
    committed(reviewer.post, change_url(published), claim_post(published, claimant="SANA, via Rudaw"))
    assert public_claim(client)["claimant"] == "SANA, via Rudaw" and not PendingChange.objects.exists()


def test_saving_an_unchanged_published_claim_proposes_nothing(editor, published, committed):
    response = committed(editor.post, change_url(published), claim_post(published), follow=True)
    assert "You changed nothing" in response.content.decode() and not PendingChange.objects.exists()


def test_an_invalid_edit_is_refused_with_its_message_and_stores_nothing(editor, published, committed):
    response = committed(editor.post, change_url(published), claim_post(published, end="2017-01-01"))
    assert response.status_code == 200 and "must come after the effective date" in response.content.decode()
    assert not PendingChange.objects.exists()


def test_revert_needs_change_permission_and_follows_review(editor, reviewer, published, client, fast_passwords, committed):
    committed(reviewer.post, change_url(published), claim_post(published, claimant="Rudaw"))
    published.refresh_from_db()
    oldest = published.history.order_by("history_id").first()
    revert_url = f"/admin/geo/claim/{published.pk}/history/{oldest.history_id}/"
    viewer = User.objects.create_user("vic", password=PASSWORD, is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_claim"))
    reader = Client()
    assert reader.login(username="vic", password=PASSWORD)
    assert committed(reader.post, revert_url, claim_post(published, claimant=oldest.claimant)).status_code == 403
    assert public_claim(client)["claimant"] == "Rudaw"

    assert committed(editor.post, revert_url, claim_post(published, claimant=oldest.claimant)).status_code == 302
    assert public_claim(client)["claimant"] == "Rudaw"
    change = only_change()
    assert change.proposed["fields"]["claimant"] == oldest.claimant
    committed(reviewer.post, f"/admin/editorial/pendingchange/{change.pk}/publish/")
    assert public_claim(client)["claimant"] == oldest.claimant


def test_a_cited_sources_publication_time_and_text_are_reviewed(editor, reviewer, client, committed):
    source = Source.objects.get(key="rudaw-2017-11-19-army-retakes-boukamal")
    url = f"/admin/geo/source/{source.pk}/change/"
    form = {"key": source.key, "outlet": source.outlet_id, "url": source.url, "title": "Rewritten title",
            "author": source.author, "published_at_0": "2017-11-01", "published_at_1": "09:00:00",
            "language": source.language, "archive_url": source.archive_url, "full_text": source.full_text,
            "seed_file": source.seed_file, "notes": source.notes, "retrieved_at_0": "", "retrieved_at_1": ""}
    assert committed(editor.post, url, form).status_code == 302
    source.refresh_from_db()
    assert source.title != "Rewritten title" and source.published_at == dt.datetime(2017, 11, 19, 9, tzinfo=dt.UTC)
    assert public_claim(client)["known_from"] == "2017-11-19T09:00:00+00:00"
    change = only_change()
    page = diff_page(reviewer, change)
    assert "Rewritten title" in page and "2017-11-01" in page
    committed(reviewer.post, f"/admin/editorial/pendingchange/{change.pk}/publish/")
    source.refresh_from_db()
    assert source.title == "Rewritten title"
    assert public_claim(client)["known_from"] == "2017-11-01T09:00:00+00:00"


def test_a_source_no_published_claim_cites_is_edited_directly(editor, reviewer, published):
    source = Source.objects.get(key="rudaw-2017-11-19-army-retakes-boukamal")
    claim = draft(Place.objects.get(slug="qaim"))
    uncited = Source.objects.create(outlet=source.outlet, title="Not yet cited", published_at=source.published_at)
    Citation.objects.create(claim=claim, source=uncited, quote="Only a draft cites it.")
    assert not pending.needs_review(User.objects.get(username="edna"), uncited)
    assert pending.needs_review(User.objects.get(username="edna"), source)
    assert not pending.needs_review(User.objects.get(username="rita"), source)
    assert not pending.needs_review(User.objects.get(username="edna"), claim)


def test_reviewers_reject_with_a_reason_and_the_change_stays(editor, reviewer, published, client, committed):
    committed(editor.post, change_url(published), claim_post(published, claimant="An anonymous blog"))
    change = only_change()
    response = committed(reviewer.post, f"/admin/editorial/pendingchange/{change.pk}/reject/", {"reason": ""}, follow=True)
    assert "Say why" in response.content.decode()
    committed(reviewer.post, f"/admin/editorial/pendingchange/{change.pk}/reject/", {"reason": "Not a source we cite."})
    change.refresh_from_db()
    assert change.state == "rejected" and change.reason == "Not a source we cite."
    assert public_claim(client)["claimant"] != "An anonymous blog"
    listed = reviewer.get("/admin/editorial/pendingchange/?state=rejected").content.decode()
    assert f"/admin/editorial/pendingchange/{change.pk}/change/" in listed
    assert f"/admin/editorial/pendingchange/{change.pk}/change/" not in reviewer.get(
        "/admin/editorial/pendingchange/").content.decode()  # the queue opens on what is pending
    response = committed(reviewer.post, f"/admin/editorial/pendingchange/{change.pk}/publish/", follow=True)
    assert "already rejected" in response.content.decode()


def test_changes_to_other_parts_merge_and_the_same_part_conflicts(editor, reviewer, published, client, committed):
    other = person("otto", "editor")
    committed(editor.post, change_url(published), claim_post(published, claimant="Rudaw"))
    committed(other.post, change_url(published), claim_post(published, notes="Checked against SOHR."))
    third_editor = person("tess", "editor")
    committed(third_editor.post, change_url(published), claim_post(published, claimant="SANA"))
    first, second, third = PendingChange.objects.order_by("pk")
    committed(reviewer.post, f"/admin/editorial/pendingchange/{first.pk}/publish/")
    committed(reviewer.post, f"/admin/editorial/pendingchange/{second.pk}/publish/")
    published.refresh_from_db()
    assert published.claimant == "Rudaw" and published.notes == "Checked against SOHR."
    page = diff_page(reviewer, third)
    assert "conflict" in page and "Rudaw" in page and "SANA" in page
    response = committed(reviewer.post, f"/admin/editorial/pendingchange/{third.pk}/publish/", follow=True)
    assert "someone changed the same parts differently (claimant)" in response.content.decode()
    assert public_claim(client)["claimant"] == "Rudaw"


def test_the_claim_page_lists_its_pending_changes(editor, reviewer, published, committed):
    committed(editor.post, change_url(published), claim_post(published, claimant="Rudaw"))
    change = only_change()
    page = reviewer.get(change_url(published)).content.decode()
    assert f"/admin/editorial/pendingchange/{change.pk}/change/" in page
    assert 'id="needs-review"' in editor.get(change_url(published)).content.decode()
    assert 'id="needs-review"' not in page


def test_merge_is_three_way_per_field_and_per_row():
    base = {"fields": {"a": 1, "b": 1}, "citations": {"7": {"quote": "x"}}}
    proposed = {"fields": {"a": 2, "b": 1}, "citations": {"7": {"quote": "x"}, "8": {"quote": "y"}}}
    current = {"fields": {"a": 1, "b": 3}, "citations": {}}
    merged, conflicts = pending.merge(base, proposed, current)
    assert merged == {"fields": {"a": 2, "b": 3}, "citations": {"8": {"quote": "y"}}} and conflicts == []
    merged, conflicts = pending.merge(base, {"fields": {"a": 1, "b": 2}, "citations": {}}, current)
    assert conflicts == [("fields", "b")]
    assert pending.merge(base, {"fields": {"a": 1, "b": 3}, "citations": {}}, current) == (current, [])


def test_snapshot_round_trips_through_publication(reviewer, published):
    change = PendingChange.objects.create(
        target=published, base=pending.snapshot(published), proposed=pending.snapshot(published),
        author=User.objects.get(username="rita"))
    pending.publish(change, User.objects.get(username="rita"))
    assert pending.snapshot(Claim.objects.get(pk=published.pk)) == change.base
    assert Citation.objects.filter(claim=published).count() == 1


def place_post(place, **changes):
    data = {"name": place.name, "slug": place.slug, "kind": place.kind, "point": place.point.geojson,
            "country": place.country, "region": place.region, "size_class": place.size_class,
            "population": place.population or "", "wikidata_id": place.wikidata_id,
            "geonames_id": place.geonames_id or "", "notes": place.notes, "parent": place.parent_id or "",
            "claims-TOTAL_FORMS": 0, "claims-INITIAL_FORMS": 0}
    names = list(place.alternate_names.all())
    data["alternate_names-TOTAL_FORMS"] = len(names) + 1
    data["alternate_names-INITIAL_FORMS"] = len(names)
    for index, row in enumerate(names):
        data.update({f"alternate_names-{index}-id": row.pk, f"alternate_names-{index}-place": place.pk,
                     f"alternate_names-{index}-name": row.name, f"alternate_names-{index}-language": row.language})
    data.update({f"alternate_names-{len(names)}-place": place.pk, f"alternate_names-{len(names)}-name": "",
                 f"alternate_names-{len(names)}-language": "en"})
    data.update(changes)
    return data


def test_a_place_is_renamed_moved_or_given_a_name_only_by_review(editor, reviewer, client, committed):
    raqqa = Place.objects.get(slug="raqqa")
    url = f"/admin/geo/place/{raqqa.pk}/change/"
    index = raqqa.alternate_names.count()
    before = client.get("/api/v2/places/raqqa/", HTTP_HOST="localhost").json()
    committed(editor.post, url, place_post(raqqa, name="Mosul", point='{"type": "Point", "coordinates": [43.1, 36.3]}',
                                           **{f"alternate_names-{index}-name": "Raqqa the Great"}))
    assert client.get("/api/v2/places/raqqa/", HTTP_HOST="localhost").json() == before
    assert client.get("/api/v2/places/?q=Raqqa the Great", HTTP_HOST="localhost").json()["features"] == []
    change = only_change()
    page = diff_page(reviewer, change)
    assert "Mosul" in page and "POINT (43.1 36.3)" in page and "Raqqa the Great" in page
    committed(reviewer.post, f"/admin/editorial/pendingchange/{change.pk}/publish/")
    after = client.get("/api/v2/places/raqqa/", HTTP_HOST="localhost").json()
    assert after["properties"]["name"] == "Mosul" and after["geometry"]["coordinates"] == [43.1, 36.3]
    assert raqqa.alternate_names.filter(name="Raqqa the Great").exists()


def test_only_reviewers_delete_what_the_public_sees(editor, reviewer, committed):
    hamlet = Place.objects.create(slug="hamlet", name="Hamlet", country="SY", point="POINT (40 35)")
    assert committed(editor.post, f"/admin/geo/place/{hamlet.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Place.objects.filter(pk=hamlet.pk).exists()
    committed(reviewer.post, f"/admin/geo/place/{hamlet.pk}/delete/", {"post": "yes"})
    assert not Place.objects.filter(pk=hamlet.pk).exists()


def test_a_sides_colour_is_reviewed(editor, reviewer, client, committed):
    actor = Actor.objects.get(slug="islamic-state")
    data = {"name": actor.name, "short_name": actor.short_name, "slug": actor.slug, "colour": "#00ff00",
            "kind": actor.kind, "description": actor.description}
    for prefix, rows, names in (("aliases", actor.aliases.all(), ("name", "language")),
                                ("relations", actor.relations.all(), ("kind", "other", "note"))):
        rows = list(rows)
        data[f"{prefix}-TOTAL_FORMS"] = data[f"{prefix}-INITIAL_FORMS"] = len(rows)
        for index, row in enumerate(rows):
            data.update({f"{prefix}-{index}-id": row.pk, f"{prefix}-{index}-actor": actor.pk})
            data.update({f"{prefix}-{index}-{name}": getattr(row, row._meta.get_field(name).attname) for name in names})
    committed(editor.post, f"/admin/geo/actor/{actor.pk}/change/", data)
    colours = lambda: {a["slug"]: a["colour"] for a in client.get("/api/v2/actors/", HTTP_HOST="localhost").json()}  # noqa: E731
    assert colours()["islamic-state"] == actor.colour
    committed(reviewer.post, f"/admin/editorial/pendingchange/{only_change().pk}/publish/")
    assert colours()["islamic-state"] == "#00ff00"


def test_a_new_place_reaches_the_map_only_when_a_reviewer_publishes_it(editor, reviewer, client, committed):
    data = {"name": "Hajin", "slug": "hajin", "kind": "town", "country": "SY", "size_class": 3,
            "point": '{"type": "Point", "coordinates": [40.83, 34.69]}', "alternate_names-TOTAL_FORMS": 1,
            "alternate_names-INITIAL_FORMS": 0, "alternate_names-0-name": "هجين", "alternate_names-0-language": "ar",
            "claims-TOTAL_FORMS": 0, "claims-INITIAL_FORMS": 0}
    response = committed(editor.post, "/admin/geo/place/add/", data, follow=True)
    assert "Your new place is" in response.content.decode() and "pending review" in response.content.decode()
    assert not Place.objects.filter(slug="hajin").exists()
    assert client.get("/api/v2/places/hajin/", HTTP_HOST="localhost").status_code == 404
    change = only_change()
    assert change.object_id is None and "new place: Hajin" in diff_page(reviewer, change)
    committed(reviewer.post, f"/admin/editorial/pendingchange/{change.pk}/publish/")
    hajin = Place.objects.get(slug="hajin")
    assert list(hajin.alternate_names.values_list("name", flat=True)) == ["هجين"]
    assert client.get("/api/v2/places/hajin/", HTTP_HOST="localhost").json()["properties"]["name"] == "Hajin"
    change.refresh_from_db()
    assert change.object_id == hajin.pk and change.target == hajin
    second = committed(editor.post, "/admin/geo/place/add/", {**data, "name": "Hajin again"}, follow=True)
    assert "Place with this Slug already exists" in second.content.decode()  # the form still validates first
