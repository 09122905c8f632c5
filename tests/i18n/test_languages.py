"""The readers' languages: which one a request is answered in, and names in it from the API."""
import json

import pytest

from geo.models import Actor, ActorAlias, Place, PlaceName

pytestmark = pytest.mark.usefixtures("seeded")
LANGUAGES = ("ar", "ckb")


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    return json.loads(response.content)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_seed_place_and_side_has_a_name_in_each_language(language):
    named_places = set(PlaceName.objects.filter(language=language, preferred=True).values_list("place__slug", flat=True))
    assert named_places == set(Place.objects.values_list("slug", flat=True))
    preferred = set(ActorAlias.objects.filter(language=language, preferred=True).values_list("actor__slug", flat=True))
    assert preferred == set(Actor.objects.values_list("slug", flat=True))


def test_a_place_answers_in_the_language_asked_and_in_its_default_name_otherwise(client):
    assert get_json(client, "/api/v2/places/boukamal/?lang=ar")["properties"]["name"] == "البوكمال"
    assert get_json(client, "/api/v2/places/boukamal/?lang=ckb")["properties"]["name"] == "بووکەمال"
    assert get_json(client, "/api/v2/places/boukamal/")["properties"]["name"] == "Boukamal"
    assert get_json(client, "/api/v2/places/boukamal/?lang=en")["properties"]["name"] == "Boukamal"
    # The page's Accept-Language does not change an API answer: its address alone does.
    response = client.get("/api/v2/places/boukamal/", HTTP_ACCEPT_LANGUAGE="ar")
    assert json.loads(response.content)["properties"]["name"] == "Boukamal"
    assert "Accept-Language" not in response.get("Vary", "")


def test_the_preferred_name_wins_over_the_other_names_in_the_language(client):
    # The crossing has three Arabic names; Qaim also the twin town's, Husaybah.
    assert get_json(client, "/api/v2/places/abu-kamal-qaim-crossing/?lang=ar")["properties"]["name"] == "معبر البوكمال – القائم"
    assert get_json(client, "/api/v2/places/qaim/?lang=ar")["properties"]["name"] == "القائم"
    found = get_json(client, "/api/v2/places/?q=qaim&lang=ar")
    assert {f["id"]: f["properties"]["name"] for f in found["features"]}["abu-kamal-qaim-crossing"] == "معبر البوكمال – القائم"


def test_an_unknown_language_is_a_400_naming_the_languages(client):
    body = get_json(client, "/api/v2/places/boukamal/?lang=fr", status=400)
    assert body["parameter"] == "lang" and body["accepted"] == "en, ar, ckb"


def test_names_in_the_language_in_every_payload_that_names_places_or_sides(client):
    control = get_json(client, "/api/v2/control/?at=2017-11-03&lang=ar")
    assert {f["id"]: f["properties"]["name"] for f in control["features"]}["qaim"] == "القائم"
    timeline = get_json(client, "/api/v2/timeline/?lang=ckb")
    assert dict(zip(timeline["places"]["slug"], timeline["places"]["name"]))["raqqa"] == "ڕەققە"
    sides = dict(zip(timeline["actors"]["slug"], timeline["actors"]["short_name"]))
    assert sides["islamic-state"] == "دەوڵەتی ئیسلامی"
    history = get_json(client, "/api/v2/places/mosul/history/?lang=ar")
    assert history["place"]["name"] == "الموصل"
    actors = {a["slug"]: a for a in get_json(client, "/api/v2/actors/?lang=ar")}
    assert actors["sdf"]["name"] == actors["sdf"]["short_name"] == "قوات سوريا الديمقراطية"
    found = get_json(client, "/api/v2/places/?q=deir&lang=ar")
    assert [f["properties"]["name"] for f in found["features"]] == ["دير الزور"]
    # English stays as it was.
    english = get_json(client, "/api/v2/actors/")
    assert {a["slug"]: a["short_name"] for a in english}["syrian-government"] == "Syrian gov."


def test_the_snapshot_names_are_the_same_prepared_or_resolved(client):
    prepared = get_json(client, "/api/v2/control/?at=2017-11-03&lang=ar")
    resolved = get_json(client, "/api/v2/control/?at=2017-11-03&lang=ar&known_at=2030-01-01")
    names = lambda collection: {f["id"]: f["properties"]["name"] for f in collection["features"]}  # noqa: E731
    assert names(prepared) == names(resolved)


def test_the_language_is_part_of_the_cache_key_and_the_etag(client):
    english = client.get("/api/v2/timeline/")
    arabic = client.get("/api/v2/timeline/?lang=ar")
    assert english["ETag"] != arabic["ETag"]
    assert "البوكمال" in arabic.content.decode() and "البوكمال" not in english.content.decode()


@pytest.mark.parametrize("spelling", ["بووکەمال", "البوكمال", "Abu Kamal"])
def test_search_finds_every_spelling(client, spelling):
    found = get_json(client, f"/api/v2/places/?q={spelling}")
    assert "boukamal" in [f["id"] for f in found["features"]]


def test_one_preferred_name_per_place_or_side_and_language():
    from django.db import IntegrityError, transaction

    actor = Actor.objects.get(slug="sdf")
    with pytest.raises(IntegrityError), transaction.atomic():
        ActorAlias.objects.create(actor=actor, name="قوات سورية الديمقراطية", language="ar", preferred=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        PlaceName.objects.create(place=Place.objects.get(slug="qaim"), name="القائم (الأنبار)", language="ar", preferred=True)


@pytest.mark.parametrize(("headers", "url", "expected"), [
    ({}, "/?lang=ar", "ar"),
    ({"HTTP_ACCEPT_LANGUAGE": "ar-IQ,ar;q=0.9,en;q=0.5"}, "/", "ar"),
    ({"HTTP_ACCEPT_LANGUAGE": "ckb"}, "/", "ckb"),
    ({"HTTP_ACCEPT_LANGUAGE": "fr, de"}, "/", "en"),
    ({"HTTP_ACCEPT_LANGUAGE": "ar"}, "/?lang=ckb", "ckb"),
    ({"HTTP_ACCEPT_LANGUAGE": "ar"}, "/?lang=xx", "ar"),
    # Public pages read no cookie, so that a CDN may keep them: the switch asks for ?lang= instead.
    ({"HTTP_COOKIE": "django_language=ckb", "HTTP_ACCEPT_LANGUAGE": "ar"}, "/", "ar"),
    ({"HTTP_COOKIE": "django_language=ckb", "HTTP_ACCEPT_LANGUAGE": "ar"}, "/embed/", "ar"),
    ({"HTTP_COOKIE": "django_language=ckb"}, "/embed/?lang=ar", "ar"),
    # The editors' sign-in page follows Django's language cookie.
    ({"HTTP_COOKIE": "django_language=ckb", "HTTP_ACCEPT_LANGUAGE": "ar"}, "/admin/login/", "ckb"),
])
def test_the_language_of_a_page(client, headers, url, expected):
    response = client.get(url, **headers)
    assert response.status_code == 200
    assert response["Content-Language"] == expected
    assert "Accept-Language" in response["Vary"]
    assert ("Cookie" in response["Vary"]) == url.startswith("/admin/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admin_speaks_the_language_with_djangos_own_translations(client, language):
    from django.utils import translation

    with translation.override(language):
        expected = translation.gettext("Log in")
    assert expected != "Log in"
    assert expected in client.get(f"/admin/login/?lang={language}", follow=True).content.decode()


def test_lang_on_a_signed_in_page_goes_into_the_cookie_and_out_of_the_address(client):
    """The admin's lists would take `lang` for a filter: the choice is remembered instead, for every page."""
    client.cookies["django_language"] = "ckb"
    response = client.get("/admin/login/?lang=en&next=/admin/")
    assert response.status_code == 302 and response["Location"] == "/admin/login/?next=%2Fadmin%2F"
    assert client.cookies["django_language"].value == "en"
    assert client.get(response["Location"])["Content-Language"] == "en"
    unknown = client.get("/editorial/articles/new/?lang=xx")
    assert unknown["Location"] == "/editorial/articles/new/" and client.cookies["django_language"].value == "en"
