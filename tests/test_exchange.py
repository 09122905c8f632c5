"""Export, import and the seed loader: nothing lost, nothing half-written, every error named."""
import copy
import json

import pytest
from django.core.management import CommandError, call_command

from geo.exchange import ImportError_, export_document, import_document
from geo.models import Actor, Citation, Claim, ClaimActor, Outlet, Place, PlaceName, Source

MODELS = [Actor, Outlet, Place, PlaceName, Source, Claim, ClaimActor, Citation]


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

    empty_the_database()
    assert all(model.objects.count() == 0 for model in MODELS)
    call_command("import_data", str(path), verbosity=0)

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
    assert "'date' must be an ISO date (YYYY-MM-DD), got '2017-13-45'" in message
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
    changed = import_document(document)
    claim = Claim.objects.get(key="boukamal-2017-11-19-army-retakes")
    assert changed == 2
    assert claim.notes == "Checked against a second report."
    assert claim.citations.get().quote == "State media said the army had taken the town."
    assert claim.history.count() == 2
