"""What must always hold is enforced by the database, and explained by the models' clean()."""
import datetime as dt

import pytest
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from geo.models import Actor, Citation, Claim, Outlet, Place, Source
from geo.text import search_variants

pytestmark = pytest.mark.usefixtures("seeded")


def new_claim(**fields):
    values = dict(place=Place.objects.get(slug="raqqa"), status="controlled", holder=Actor.objects.get(slug="sdf"),
                  date=dt.date(2018, 1, 1), claimant="test")
    values.update(fields)
    return Claim(**values)


@pytest.mark.parametrize("fields, constraint", [
    ({"holder": None}, "claim_holder_required"),
    ({"status": "contested"}, "claim_no_holder_when_unheld"),
    ({"precision": "month", "date": dt.date(2018, 1, 15)}, "claim_period_starts_at_date"),
    ({"end": dt.date(2017, 12, 31)}, "claim_end_after_date"),
    ({"rank": "superseded"}, "claim_rank_reason"),
    ({"rank": "superseded", "rank_reason": "wrong"}, "claim_superseded_at"),
    ({"claimant": ""}, "claim_claimant_not_empty"),
    ({"status": "liberated"}, "claim_status_valid"),
])
def test_the_database_refuses_broken_claims(fields, constraint):
    with pytest.raises(IntegrityError) as raised, transaction.atomic():
        new_claim(**fields).save()
    assert constraint in str(raised.value) or "CHECK constraint failed" in str(raised.value)


def test_clean_explains_what_is_wrong():
    with pytest.raises(ValidationError) as raised:
        new_claim(holder=None).full_clean()
    assert "needs a holder" in str(raised.value)
    with pytest.raises(ValidationError) as raised:
        new_claim(precision="month", date=dt.date(2018, 1, 15)).full_clean()
    assert "enter 2018-01-01 (the first day of the month)" in str(raised.value)
    with pytest.raises(ValidationError) as raised:
        new_claim(end=dt.date(2017, 6, 1)).full_clean()
    assert "must come after the effective date" in str(raised.value)


def test_month_and_approximate_bounds():
    claim = new_claim(precision="month", date=dt.date(2017, 9, 1))
    claim.save()
    assert (claim.earliest, claim.latest, claim.date_label) == (dt.date(2017, 9, 1), dt.date(2017, 9, 30), "Sep 2017")
    rough = new_claim(precision="approximate", date=dt.date(2014, 11, 15))
    rough.save()
    assert rough.earliest < rough.date < rough.latest and rough.date_label == "c. Nov 2014"


def test_citations_set_when_a_claim_became_known():
    claim = new_claim()
    claim.save()
    assert claim.known_from is None
    early = Source.objects.order_by("published_at").first()
    Citation.objects.create(claim=claim, source=Source.objects.order_by("published_at").last(), quote="later")
    Citation.objects.create(claim=claim, source=early, quote="earlier")
    claim.refresh_from_db()
    assert claim.known_from == early.published_at


def test_sources_take_only_web_addresses_and_places_only_real_coordinates():
    source = Source(outlet=Outlet.objects.first(), url="javascript:alert(1)", title="x", published_at=dt.datetime.now(dt.timezone.utc))
    with pytest.raises(ValidationError) as raised:
        source.full_clean()
    assert "Enter an http:// or https:// address." in str(raised.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        source.save()
    place = Place(name="Nowhere", slug="nowhere", point=Point(200, 95, srid=4326), country="SY")
    with pytest.raises(ValidationError) as raised:
        place.full_clean()
    assert "Longitude must be within ±180" in str(raised.value)


def test_search_names_ignore_case_diacritics_and_arabic_marks():
    deir = Place.objects.get(slug="deir-el-zour")
    for query in ["deir ez zor", "DAYR AZ-ZAWR", "دير الزور", "deirezzor"]:
        assert any(variant in deir.search_names for variant in search_variants(query)), query
    deir.alternate_names.create(name="Dayr az-Zūr", language="en")
    deir.refresh_from_db()
    assert "dayr az zur" in deir.search_names
