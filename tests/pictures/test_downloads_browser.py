"""The Share dialog's "Download picture" and "Download animation" in real Chromium (static/web/downloads.js)."""
import io
from urllib.parse import parse_qsl, urlsplit

import pytest
from PIL import Image
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_share_dialog_downloads_the_picture_and_the_animation_of_the_view(live_server, live_seeded, new_page):
    view = "?at=2017-11-09&place=boukamal&lat=34.5&lng=40.9&zoom=8&known=1"
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/{view}")
    page.wait_for_selector("body[data-ready]", timeout=15000)
    page.get_by_role("button", name="Share").click()
    dialog = page.get_by_role("dialog", name="Share this view")

    picture = dialog.get_by_role("link", name="Download picture")
    expect(picture).to_have_attribute("href", f"/image.png{view}")
    with page.expect_download() as download:
        picture.click()
    with open(download.value.path(), "rb") as file:
        image = Image.open(io.BytesIO(file.read()))
    assert image.format == "PNG" and image.size == (1200, 630)
    assert download.value.suggested_filename == "controlmap-2017-11-09.png"

    dialog.get_by_label("Playback speed").select_option(label="1 day per second")
    dialog.get_by_label("Play from").fill("2017-11-01")
    animation = dialog.get_by_role("link", name="Download animation")
    expect(animation).to_have_attribute("href", f"/animation.gif{view}&from=2017-11-01&to=2017-11-09&step=1&width=800&height=600")
    answer = page.request.get(f"{live_server.url}{animation.get_attribute('href')}")
    assert answer.ok and answer.headers["content-type"] == "image/gif"
    gif = Image.open(io.BytesIO(answer.body()))
    assert gif.n_frames == 9 and gif.info["comment"].decode().split()[-1] == "2017-11-09"

    # Past the server's limit the link is withheld, and the dialog says why.
    dialog.get_by_label("Play from").fill("2014-01-01")
    expect(dialog.get_by_role("status")).to_contain_text("would have 1409 frames; at most 300")
    withheld = dialog.locator("a", has_text="Download animation")
    assert withheld.get_attribute("href") is None and withheld.get_attribute("aria-disabled") == "true"
    assert dict(parse_qsl(urlsplit(picture.get_attribute("href")).query))["place"] == "boukamal"
