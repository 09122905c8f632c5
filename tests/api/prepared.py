"""Comparing an answer read from the prepared segments with the one resolved from the claims."""
from django.core.cache import cache

from api.models import StalePlace


def fetch(client, url):
    cache.clear()
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return response


def resolved(client, url):
    """The answer computed from the claims: a stale mark (of no place) makes the segments unusable."""
    StalePlace.objects.create(place_id=0)
    try:
        return fetch(client, url)
    finally:
        StalePlace.objects.filter(place_id=0).delete()


def assert_prepared_equals_resolved(client, urls):
    for url in urls:
        prepared = fetch(client, url)
        assert not StalePlace.objects.exists()
        expected = resolved(client, url)
        if "format=csv" in url:
            assert prepared.content == expected.content, url
        else:
            assert prepared.json() == expected.json(), url
