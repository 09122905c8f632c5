"""Data URLs pinned to a data version (`v=`): immutable while current, redirected once superseded, and
never immutable for a body built from a database behind the version the URL names."""
import json
import re

import pytest
from django.core.cache import cache
from django.test import override_settings

from api import versions
from api.caching import IMMUTABLE_SECONDS, REDIRECT_SECONDS
from test_response_cache import empty_shared_cache, mosul_holder, publish_mosul_taken, redis_cache
from web.views import PAGE_SECONDS

IMMUTABLE = f"public, max-age={IMMUTABLE_SECONDS}, immutable"


def page_version(client):
    page = client.get("/")
    assert page.status_code == 200
    assert page["Cache-Control"] == f"public, max-age={PAGE_SECONDS}"
    config = re.search(r'<script id="map-config" type="application/json">(.*?)</script>', page.content.decode(), re.S)
    return json.loads(config.group(1))["dataVersion"]


def test_the_page_names_the_version_its_data_is_pinned_to(client, seeded):
    version = page_version(client)
    assert version == versions.current()[0]
    for url in ["/api/v2/timeline/", "/api/v2/control/?at=2017-11-20"]:
        plain = client.get(url)
        pinned = client.get(f"{url}{'&' if '?' in url else '?'}v={version}")
        assert pinned.status_code == 200 and pinned["Cache-Control"] == IMMUTABLE, url
        assert pinned.content == plain.content and pinned["ETag"] == plain["ETag"], "v= is not part of the answer"
        assert plain["Cache-Control"].endswith("must-revalidate")
        again = client.get(f"{url}{'&' if '?' in url else '?'}v={version}", HTTP_IF_NONE_MATCH=pinned["ETag"])
        assert again.status_code == 304 and again["Cache-Control"] == IMMUTABLE


def test_a_superseded_version_redirects_to_the_current_one(client, seeded, django_capture_on_commit_callbacks):
    old = page_version(client)
    url = f"/api/v2/control/?at=2017-11-20&v={old}"
    assert mosul_holder(client.get(url).content) == "iraqi-government"
    with django_capture_on_commit_callbacks(execute=True):
        publish_mosul_taken()
    new = page_version(client)
    assert new > old
    moved = client.get(url)
    assert moved.status_code == 302 and moved["Cache-Control"] == f"public, max-age={REDIRECT_SECONDS}"
    assert moved["Location"] == f"/api/v2/control/?at=2017-11-20&v={new}"
    followed = client.get(moved["Location"])
    assert followed["Cache-Control"] == IMMUTABLE and mosul_holder(followed.content) == "islamic-state"


def test_a_body_from_a_database_behind_the_pinned_version_is_not_immutable(client, seeded):
    """Redis already names version N+1 while the database read (a lagging replica) holds N: the body is
    N's, so the URL naming N+1 must not be cached for a year."""
    with override_settings(CACHES=redis_cache(), DATA_VERSION_CACHED=True):
        try:
            version, changed_at = versions.stored()
            cache.set(versions.CACHE_KEY, (version + 1, changed_at), versions.CACHE_SECONDS)
            response = client.get(f"/api/v2/timeline/?v={version + 1}")
            assert response.status_code == 200 and json.loads(response.content)["version"] == version
            assert response["Cache-Control"].endswith("must-revalidate")
        finally:
            empty_shared_cache()


@pytest.mark.parametrize("value", ["abc", "-1", "1.5", "٣"])
def test_a_malformed_version_is_refused_by_name(client, seeded, value):
    response = client.get("/api/v2/timeline/", {"v": value})
    assert response.status_code == 400 and response.json()["parameter"] == "v"
