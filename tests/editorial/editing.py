"""Helpers for tests that act as editors and reviewers in the admin, as a browser would post."""
import datetime as dt

from django.core.management import call_command
from django.test import Client

from geo.models import Actor, Citation, Claim, Source

PASSWORD = "a-long-test-passphrase-42"


def person(username, role):
    call_command("create_editor", username, "--role", role, "--password", PASSWORD, stdout=open("/dev/null", "w"))
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def draft(place, quote="The army took the town.", status="controlled", holder="syrian-government", date=dt.date(2017, 11, 9)):
    claim = Claim.objects.create(place=place, status=status, holder=Actor.objects.get(slug=holder) if holder else None,
                                 date=date, claimant="Test claimant")
    if quote is not None:
        Citation.objects.create(claim=claim, source=Source.objects.first(), quote=quote)
    return claim


def claim_post(claim, **changes):
    """The change form's data for `claim`, as a browser would post it."""
    superseded_at = claim.superseded_at
    data = {
        "place": claim.place_id, "status": claim.status, "holder": claim.holder_id or "", "date": claim.date.isoformat(),
        "precision": claim.precision, "end": claim.end.isoformat() if claim.end else "", "claimant": claim.claimant,
        "rank": claim.rank, "rank_reason": claim.rank_reason,
        "superseded_at_0": superseded_at.date().isoformat() if superseded_at else "",
        "superseded_at_1": superseded_at.time().isoformat() if superseded_at else "",
        "superseded_by": claim.superseded_by_id or "", "notes": claim.notes, "key": claim.key,
        "opened_revision": claim.revision,
    }
    for prefix, rows, names in (("citations", claim.citations.all(), ("source", "quote", "note")),
                                ("other_actors", claim.other_actors.all(), ("actor", "role"))):
        rows = list(rows)
        data[f"{prefix}-TOTAL_FORMS"] = data[f"{prefix}-INITIAL_FORMS"] = len(rows)
        for index, row in enumerate(rows):
            data.update({f"{prefix}-{index}-id": row.pk, f"{prefix}-{index}-claim": claim.pk})
            for name in names:
                data[f"{prefix}-{index}-{name}"] = getattr(row, row._meta.get_field(name).attname)
            if prefix == "citations" and row.quote_is_paraphrase:
                data[f"{prefix}-{index}-quote_is_paraphrase"] = "on"
    data.update(changes)
    return data


def change_url(claim):
    return f"/admin/geo/claim/{claim.pk}/change/"
