"""Helpers of the map's browser tests: open the map and wait for its first render; run axe."""
import pytest

NO_TILES = "Failed to load resource"  # tile requests are blocked on purpose


@pytest.fixture
def open_map(live_server, new_page):
    """open_map(query, width=1280, height=900) -> a page of the map at `query`, drawn."""
    def open_(query="", width=1280, height=900, **options):
        page = new_page(viewport={"width": width, "height": height}, **options)
        page.goto(f"{live_server.url}/{query}")
        page.wait_for_selector("body[data-ready]", timeout=15000)
        return page
    return open_


@pytest.fixture
def axe(live_server):
    """axe(page) -> the serious and critical accessibility violations on the page."""
    def run(page):
        page.add_script_tag(url=f"{live_server.url}/static/web/vendor/axe.min.js")
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        return [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")
        ]
    return run


def js_errors(page):
    return [message for message in page.console_errors if NO_TILES not in message]
