"""GET /animation.gif: the playback as an animated GIF (pictures/animation.py)."""
import pytest
from PIL import ImageSequence

from picture_checks import close, image_of, leaflet_pixel, matches_reference

DEIR_EL_ZOUR = (35.333, 40.15)
MOSUL = (36.34, 43.13)
VIEW = {"lat": "35.4", "lng": "41.5", "zoom": "7", "width": "800", "height": "600"}
DATE_BOX = (0, 0, 330, 80)


def frames(response):
    animation = image_of(response)
    assert animation.format == "GIF"
    return animation, [frame.convert("RGB") for frame in ImageSequence.Iterator(animation)]


def test_one_frame_per_day_with_its_date_drawn_and_listed(client, seeded):
    animation, shown = frames(client.get("/animation.gif", {**VIEW, "from": "2017-11-01", "to": "2017-11-20"}))
    assert len(shown) == 20 and animation.size == (800, 600)
    listed = animation.info["comment"].decode().removeprefix("controlmap frames: ").split()
    assert listed[0] == "2017-11-01" and listed[-1] == "2017-11-20" and len(listed) == 20
    assert matches_reference(shown[0], "frame-2017-11-01", DATE_BOX)
    assert matches_reference(shown[-1], "frame-2017-11-20", DATE_BOX)
    x, y = leaflet_pixel(*MOSUL, (35.4, 41.5), 7, (800, 600))
    assert close(shown[0].getpixel((x, y)), "#c2528b")  # held by Iraqi government forces throughout


def test_a_place_is_ringed_on_the_frame_where_it_changes(client, seeded):
    _, shown = frames(client.get("/animation.gif", {**VIEW, "from": "2017-11-01", "to": "2017-11-05"}))
    x, y = leaflet_pixel(*DEIR_EL_ZOUR, (35.4, 41.5), 7, (800, 600))
    ring = (x + 16, y)  # radius 13 (a major city): the ring spans 15.25 to 17.75 pixels from the centre
    assert close(shown[2].getpixel(ring), "#ff8c00", 40)  # taken by the government on 3 Nov 2017
    assert not close(shown[1].getpixel(ring), "#ff8c00", 40) and not close(shown[3].getpixel(ring), "#ff8c00", 40)


def test_steps_of_days_and_of_changes_end_on_the_last_day(client, seeded):
    animation, shown = frames(client.get("/animation.gif", {**VIEW, "from": "2017-11-01", "to": "2017-11-20", "step": "7"}))
    assert animation.info["comment"].decode().split()[2:] == ["2017-11-01", "2017-11-08", "2017-11-15", "2017-11-20"]
    animation, _ = frames(client.get("/animation.gif", {**VIEW, "from": "2017-10-01", "to": "2017-11-30", "step": "changes"}))
    days = animation.info["comment"].decode().split()[2:]
    assert days[0] == "2017-10-01" and days[-1] == "2017-11-30" and "2017-11-03" in days and "2017-11-04" not in days
    assert animation.n_frames == len(days)


def test_frame_speed(client, seeded):
    animation, _ = frames(client.get("/animation.gif", {**VIEW, "from": "2017-11-01", "to": "2017-11-03", "fps": "4"}))
    assert animation.info["duration"] == 250


@pytest.mark.parametrize("query, parameter, words", [
    ({"from": "2014-01-01", "to": "2017-12-31"}, "step", "1461 frames; at most 300"),
    ({"from": "2014-01-01", "to": "2017-12-31", "step": "4"}, "step", "366 frames; at most 300"),
    ({"to": "2017-12-31"}, "from", "required"),
    ({"from": "2017-12-31", "to": "2017-01-01"}, "to", "before"),
    ({"from": "2017-11-01", "to": "2017-11-02", "step": "often"}, "step", "not a whole number"),
    ({"from": "2017-11-01", "to": "2017-11-02", "fps": "0"}, "fps", "not a whole number"),
    ({"from": "2017-11-01", "to": "2017-11-02", "width": "9999"}, "width", "not a whole number"),
])
def test_bad_parameters_are_a_400_naming_them(client, seeded, query, parameter, words):
    response = client.get("/animation.gif", query)
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter and words in response.json()["detail"]


def test_a_long_build_is_kept_and_not_built_twice(client, seeded):
    from api.fastpath import builds

    started = builds.started
    query = {**VIEW, "from": "2017-11-01", "to": "2017-11-10"}
    first = client.get("/animation.gif", query)
    second = client.get("/animation.gif", query)
    assert first["X-Cache"] == "miss" and second["X-Cache"] == "hit" and first.content == second.content
    assert builds.started == started + 1
    assert client.get("/animation.gif", query, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # The map's own `at` comes along from a map address; the frames' days are from and to.
    assert client.get("/animation.gif", {**query, "at": "2016-01-01"})["X-Cache"] == "hit"
