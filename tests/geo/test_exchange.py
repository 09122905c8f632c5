"""Export, import and the seed loader: nothing lost, nothing half-written, every error named; an
import reads source texts only inside seeds/, and publishes only when a reviewer runs it."""
import copy
import io
import json
import os

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from geo.exchange import ImportError_, export_document, import_document
from geo.models import Actor, Citation, Claim, ClaimActor, Outlet, Place, PlaceName, Source

MODELS = [Actor, Outlet, Place, PlaceName, Source, Claim, ClaimActor, Citation]
PASSWORD = "a-long-test-passphrase-42"


def make_user(username, role):
    call_command("create_editor", username, role=role, password=PASSWORD, stdout=io.StringIO())
    return get_user_model().objects.get(username=username)


def run_import(path, *args):
    out = io.StringIO()
    call_command("import_data", str(path), *args, stdout=out)
    return out.getvalue()


def write(tmp_path, document, name="import.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def public_claim_keys(client):
    keys, url = set(), "/api/v2/claims/?page_size=500"
    while url:
        page = client.get(url).json()
        keys |= {claim["key"] for claim in page["results"]}
        url = page.get("next")
    return keys


def empty_the_database():
    Citation.objects.all().delete()
    ClaimActor.objects.all().delete()
    Claim.objects.update(superseded_by=None)
    Claim.objects.all().delete()
    Source.objects.all().delete()
    Outlet.objects.all().delete()
    Place.objects.update(parent=None)
    Place.objects.all().delete()
    Actor.objects.all().delete()


@pytest.mark.usefixtures("seeded")
def test_export_then_import_into_an_empty_database_loses_nothing(tmp_path):
    path = tmp_path / "export.json"
    call_command("export_data", str(path))
    exported = json.loads(path.read_text(encoding="utf-8"))
    counts = {model.__name__: model.objects.count() for model in MODELS}
    known_from = dict(Claim.objects.values_list("key", "known_from"))

    make_user("rita", "reviewer")

    empty_the_database()
    assert all(model.objects.count() == 0 for model in MODELS)
    assert "Published as rita." in run_import(path, "--publish", "--as", "rita")

    assert {model.__name__: model.objects.count() for model in MODELS} == counts
    assert export_document() == exported
    assert dict(Claim.objects.values_list("key", "known_from")) == known_from
    article = Source.objects.get(seed_file="000_2c37a26b265c7102.txt")
    assert "Jamiyat and Jabiliyeh" in article.full_text


@pytest.mark.usefixtures("seeded")
def test_a_document_with_errors_changes_nothing_and_names_each_problem():
    document = export_document()
    broken = copy.deepcopy(document)
    broken["claims"][0]["place"] = "atlantis"
    broken["claims"][1]["date"] = "2017-13-45"
    broken["places"][0]["point"] = [200, 95]
    broken["claims"][2]["claimant"] = "changed but must not be saved"
    before = export_document()
    with pytest.raises(ImportError_) as raised:
        import_document(broken)
    message = str(raised.value)
    assert f"claims[0] ({document['claims'][0]['key']}): place 'atlantis' is not a known place" in message
    assert "'date': '2017-13-45' is not an EDTF date" in message
    assert "outside longitude ±180, latitude ±90" in message
    assert export_document() == before


@pytest.mark.usefixtures("seeded")
def test_constraint_violations_in_a_document_are_reported_not_crashed():
    document = export_document()
    claim = next(c for c in document["claims"] if c["status"] == "controlled")
    claim["holder"] = None
    claim["claimant"] = "edited"
    month = next(c for c in document["claims"] if c["precision"] == "month")
    month["date"] = month["date"][:8] + "15"
    before = export_document()
    with pytest.raises(ImportError_) as raised:
        import_document(document)
    assert "holder: A controlled claim needs a holder" in str(raised.value)
    assert "month-precision date names no day" in str(raised.value)
    assert export_document() == before


@pytest.mark.django_db
def test_import_command_reports_unreadable_files(tmp_path):
    claims = Claim.objects.count()
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_data", str(tmp_path / "missing.json"))
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_data", str(bad))
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(CommandError, match="'format' must be 'controlmap/1'"):
        call_command("import_data", str(wrong))
    assert Claim.objects.count() == claims


@pytest.mark.usefixtures("seeded")
def test_a_changed_document_updates_in_place():
    document = export_document()
    row = next(c for c in document["claims"] if c["key"] == "boukamal-2017-11-19-army-retakes")
    row["notes"] = "Checked against a second report."
    row["citations"][0]["quote"] = "State media said the army had taken the town."
    rita = make_user("rita", "reviewer")
    imported = import_document(document, publisher=rita)
    claim = Claim.objects.get(key="boukamal-2017-11-19-army-retakes")
    assert imported.changed == 2 and imported.drafted == []
    assert claim.notes == "Checked against a second report."
    assert claim.citations.get().quote == "State media said the army had taken the town."
    assert claim.history.count() == 2
    assert claim.history.first().history_user == rita
    assert claim.citations.get().history.first().history_user == rita


# ---------------------------------------------------------------- source texts only from seeds/

def with_new_source(document, seed_file):
    document["sources"].append({**document["sources"][0], "key": "leak", "url": "https://example.org/leak",
                                "full_text": "", "seed_file": seed_file})
    return document


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("seed_file", ["../../../../etc/passwd", "/etc/passwd", "../fixtures/seed.json",
                                       "nested/../../controlmap/settings.py", "outside.txt"])
def test_an_import_reads_no_file_outside_the_seeds_folder(tmp_path, settings, client, seed_file):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (tmp_path / "secret.txt").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", seeds / "outside.txt")  # a link inside seeds/ leading out of it
    settings.SEEDS_DIR = seeds
    document = with_new_source(export_document(), seed_file)
    before = export_document()
    with pytest.raises(CommandError) as raised:
        run_import(write(tmp_path, document), "--publish", "--as", make_user("rita", "reviewer").username)
    message = str(raised.value)
    assert "nothing imported" in message
    assert f"sources[{len(document['sources']) - 1}] (leak): seed_file {seed_file!r} lies outside the seeds folder" in message
    assert export_document() == before
    assert not Source.objects.filter(key="leak").exists()
    assert "root:x:0:0" not in client.get("/api/v2/sources/?page_size=500").content.decode()


@pytest.mark.usefixtures("seeded")
def test_an_import_reads_a_text_inside_the_seeds_folder_even_through_a_link(tmp_path, settings):
    seeds = tmp_path / "seeds"
    (seeds / "2017").mkdir(parents=True)
    (seeds / "2017" / "report.txt").write_text("The army entered the town.", encoding="utf-8")
    os.symlink(seeds / "2017" / "report.txt", seeds / "latest.txt")
    (seeds / "binary.txt").write_bytes(b"\xff\xfe\x00not text")
    settings.SEEDS_DIR = seeds
    document = with_new_source(export_document(), "2017/report.txt")
    document["sources"].append({**document["sources"][-1], "key": "linked", "url": "https://example.org/linked",
                                "seed_file": "latest.txt"})
    import_document(document)
    assert Source.objects.get(key="leak").full_text == "The army entered the town."
    assert Source.objects.get(key="linked").full_text == "The army entered the town."

    for seed_file, problem in [("missing.txt", "is not a file in the seeds folder"), ("2017", "is not a file in the seeds folder"),
                               ("binary.txt", "cannot be read as UTF-8 text"), ("bad\x00name.txt", "is not a usable file name")]:
        broken = with_new_source(export_document(), seed_file)
        broken["sources"][-1].update(key="another", url="https://example.org/another")
        with pytest.raises(ImportError_) as raised:
            import_document(broken)
        assert f"(another): seed_file {seed_file!r} {problem}" in str(raised.value)
    assert not Source.objects.filter(key="another").exists()


@pytest.mark.usefixtures("seeded")
def test_a_seed_file_outside_the_folder_is_refused_even_when_the_text_is_given(tmp_path):
    document = with_new_source(export_document(), "../../../../etc/passwd")
    document["sources"][-1]["full_text"] = "A text given in the document."
    with pytest.raises(ImportError_, match=r"\(leak\): seed_file '../../../../etc/passwd' lies outside the seeds folder"):
        import_document(document)
    assert not Source.objects.filter(key="leak").exists()


# ---------------------------------------------------------------- publishing needs a reviewer

def new_claims_document(count=3):
    """The seed document with `count` new claims that it marks published."""
    document = export_document()
    template = next(c for c in document["claims"] if c["key"] == "boukamal-2017-11-19-army-retakes")
    for index in range(count):
        document["claims"].append({**copy.deepcopy(template), "key": f"imported-{index}", "date": f"2017-12-0{index + 1}",
                                   "superseded_by": None, "review": "published"})
    return document


@pytest.mark.usefixtures("seeded")
def test_without_the_flag_claims_marked_published_are_stored_as_drafts(tmp_path, client):
    output = run_import(write(tmp_path, new_claims_document()))
    assert "3 claim(s) marked published in the document were stored as drafts" in output
    assert set(Claim.objects.filter(key__startswith="imported-").values_list("review", flat=True)) == {"draft"}
    assert not {"imported-0", "imported-1", "imported-2"} & public_claim_keys(client)


@pytest.mark.usefixtures("seeded")
def test_a_reviewer_publishes_an_import_with_publish_as(tmp_path, client):
    make_user("rita", "reviewer")
    output = run_import(write(tmp_path, new_claims_document()), "--publish", "--as", "rita")
    assert "Published as rita." in output and "drafts" not in output
    assert {"imported-0", "imported-1", "imported-2"} <= public_claim_keys(client)
    claim = Claim.objects.get(key="imported-0")
    assert claim.review == "published" and claim.history.first().history_user.username == "rita"


@pytest.mark.usefixtures("seeded")
def test_publish_needs_an_active_user_who_may_publish(tmp_path):
    path = write(tmp_path, new_claims_document())
    make_user("eddie", "editor")
    inactive = make_user("ines", "reviewer")
    inactive.is_active = False
    inactive.save()
    claims = Claim.objects.count()
    cases = [
        (["--publish"], "--publish needs --as USERNAME"),
        (["--as", "eddie"], "--as names who publishes: give --publish too"),
        (["--publish", "--as", "nobody"], "--as nobody: no such user."),
        (["--publish", "--as", "eddie"], "User 'eddie' may not publish claims (needs the geo.publish_claim permission"),
        (["--publish", "--as", "ines"], "User 'ines' is inactive"),
    ]
    for args, message in cases:
        with pytest.raises(CommandError) as raised:
            run_import(path, *args)
        assert message in str(raised.value), args
    assert Claim.objects.count() == claims
    with pytest.raises(PermissionDenied, match="may not publish"):
        import_document(new_claims_document(), publisher=get_user_model().objects.get(username="eddie"))
    assert Claim.objects.count() == claims


@pytest.mark.usefixtures("seeded")
def test_without_the_flag_a_published_claim_or_a_source_it_cites_is_left_as_it_is(tmp_path, client):
    document = export_document()
    claim = next(c for c in document["claims"] if c["key"] == "boukamal-2017-11-19-army-retakes")
    claim["citations"][0]["quote"] = "Nothing happened."
    source = next(s for s in document["sources"] if s["key"] == "rt-2017-11-09-isis-stronghold-falls")
    source["published_at"] = "2017-11-30T12:00:00+03:00"
    unpublished = next(c for c in document["claims"] if c["key"] == "raqqa-2017-10-20-sdf-declares-victory")
    unpublished["review"] = "draft"
    before = export_document()
    with pytest.raises(CommandError) as raised:
        run_import(write(tmp_path, document))
    message = str(raised.value)
    index = {c["key"]: i for i, c in enumerate(document["claims"])}
    assert (f"claims[{index['boukamal-2017-11-19-army-retakes']}] (boukamal-2017-11-19-army-retakes): this claim is "
            "published: an import changes it only when run by a user who may publish") in message
    assert "(rt-2017-11-09-isis-stronghold-falls): this source is cited by a published claim" in message
    assert "(raqqa-2017-10-20-sdf-declares-victory): this claim is published" in message
    assert export_document() == before
    assert "raqqa-2017-10-20-sdf-declares-victory" in public_claim_keys(client)

    make_user("rita", "reviewer")
    run_import(write(tmp_path, document), "--publish", "--as", "rita")
    assert Claim.objects.get(key="raqqa-2017-10-20-sdf-declares-victory").review == "draft"
    assert Claim.objects.get(key="boukamal-2017-11-19-army-retakes").citations.get().quote == "Nothing happened."


@pytest.mark.usefixtures("seeded")
def test_the_seed_loads_published_but_the_same_file_through_import_data_loads_drafts(
        client, settings, django_capture_on_commit_callbacks):
    seed = settings.BASE_DIR / "fixtures" / "seed.json"
    empty_the_database()
    with django_capture_on_commit_callbacks(execute=True):  # as the command's commit would: the data version moves
        output = run_import(seed)
    assert "27 claim(s) marked published in the document were stored as drafts" in output
    assert set(Claim.objects.values_list("review", flat=True)) == {"draft"}
    assert public_claim_keys(client) == set()
    empty_the_database()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_seed", verbosity=0)
    keys = {c["key"] for c in json.loads(seed.read_text(encoding="utf-8"))["claims"]}
    assert set(Claim.objects.values_list("review", flat=True)) == {"published"}
    assert public_claim_keys(client) == keys


def test_the_article_page_offers_and_reads_only_files_inside_seeds(settings, tmp_path, db):
    from editorial.forms import ArticleForm

    (tmp_path / "article.txt").write_text("Syrian troops entered Boukamal.", encoding="utf-8")
    (tmp_path / "leak.txt").symlink_to("/etc/passwd")
    settings.SEEDS_DIR = tmp_path
    form = ArticleForm(data={"outlet": "", "published_at": "2017-11-03T10:08+03:00", "seed_file": "leak.txt"})
    assert [name for name, _ in form.fields["seed_file"].choices] == ["", "article.txt"]
    assert not form.is_valid() and "leak.txt is not one of the available choices" in str(form.errors["seed_file"])
