"""Real clients against a live server with the seed data: GDAL, Schemathesis and Swagger UI in Chromium."""
import json
import subprocess

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

OGRINFO = "/usr/bin/ogrinfo"


@pytest.fixture
def api_url(live_seeded, live_server, settings):
    """Rates the fuzzing never reaches: a 429 would end a case before the parameters are tried."""
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK,
                               "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute", "anon_expensive": "1000000/minute"}}
    return live_server.url


def ogrinfo(url):
    result = subprocess.run(
        [OGRINFO, "-ro", "-al", "-nomd", f"GeoJSON:{url}"], capture_output=True, text=True, timeout=60,
        env={"GDAL_HTTP_TIMEOUT": "30", "CPL_CURL_VERBOSE": "NO", "PATH": "/usr/bin:/bin", "no_proxy": "*"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_gdal_lists_the_geojson_features_with_their_properties(api_url):
    """One test for the GeoJSON endpoints: a live server with the seed costs seconds to set up."""
    listing = ogrinfo(f"{api_url}/api/v2/control/?at=2017-11-04")
    assert "Geometry: Point" in listing and "Feature Count: 8" in listing
    deir = listing.split("place (String) = deir-el-zour")[1].split("OGRFeature")[0]
    assert "holder (String) = syrian-government" in deir and "status (String) = controlled" in deir
    assert "POINT (40.15 35.333)" in deir
    assert "full control of the city" in deir  # the evidence, as a JSON field

    listing = ogrinfo(f"{api_url}/api/v2/places/?q=abu%20kamal")
    names = next(line for line in listing.splitlines() if "names (StringList)" in line and "Abu Kamal" in line)
    assert "Feature Count: 2" in listing and "البوكمال" in names
    assert "place (String) = boukamal" in listing and "place (String) = abu-kamal-qaim-crossing" in listing
    assert "POINT (40.9367 34.4536)" in listing

    listing = ogrinfo(f"{api_url}/api/v2/areas/?at=2017-11-04")
    assert "Geometry: Polygon" in listing and "Feature Count: 5" in listing
    deir = listing.split("places (StringList) = (3:deir-el-zour,jabiliyeh,jamiyat)")[0].split("OGRFeature")[-1]
    assert "holder (String) = syrian-government" in deir and "status (String) = controlled" in deir
    assert "claims (StringList) = (" in listing and "POLYGON ((40." in listing


def operation_tests(operation, base_url, **fixed):
    """Schemathesis cases for one operation, valid and invalid, each call checked against the schema.

    Every check runs except "schema-valid data must be accepted": a schema cannot say that 30 February
    does not exist, that page 31545741789 is past the end, or which slugs exist; those are 400s or 404s
    by design (and must conform to the Error schema, which is checked).
    """
    has_parameters = len(operation.query) + len(operation.path_parameters) > len(fixed.get("path_parameters", {}))
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE) if has_parameters else (GenerationMode.POSITIVE,):
        @settings(max_examples=20, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode, **fixed))
        def check(case):
            response = case.call_and_validate(base_url=base_url, excluded_checks=[positive_data_acceptance])
            assert response.status_code < 500

        check()


def test_schemathesis_finds_no_server_error_and_every_response_conforms(api_url):
    schema = schemathesis.openapi.from_url(f"{api_url}/api/v2/schema/?format=json")
    operations = {op.path: op for op in (result.ok() for result in schema.get_all_operations())}
    assert set(operations) == {
        "/api/v2/control/", "/api/v2/timeline/", "/api/v2/places/", "/api/v2/places/{slug}/",
        "/api/v2/places/{slug}/history/", "/api/v2/place-areas/", "/api/v2/actors/", "/api/v2/sources/", "/api/v2/claims/",
        "/api/v2/areas/", "/api/v2/changes/", "/api/v2/periods/", "/api/v2/timeline/reported/",
    }
    for path, operation in operations.items():
        operation_tests(operation, api_url)
        if "{slug}" in path:
            operation_tests(operation, api_url, path_parameters={"slug": "qaim"})


@pytest.mark.browser
def test_interactive_docs_run_a_request_from_local_files_only(api_url, new_page):
    page = new_page()
    external = []
    page.on("request", lambda request: not request.url.startswith(api_url) and external.append(request.url))
    page.goto(f"{api_url}/api/v2/docs/")
    page.get_by_text("/api/v2/control/", exact=True).first.click()
    page.get_by_role("button", name="Try it out").click()
    page.locator("input[placeholder='at']").fill("2017-11-04")
    page.get_by_role("button", name="Execute").click()
    body = page.locator(".live-responses-table .response-col_description pre").first
    body.wait_for(timeout=15000)
    assert "deir-el-zour" in body.inner_text()
    assert page.locator(".live-responses-table tr.response .response-col_status").first.inner_text().strip() == "200"
    assert external == [] and page.console_errors == []
    assert json.loads(page.evaluate("JSON.stringify(window.ui.specSelectors.specJson().get('info'))"))["title"] == "ControlMap API"
