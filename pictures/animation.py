"""The playback as an animated GIF: one frame per step from `from` to `to`, each drawn as a picture
(drawing.py) with its date, the places that change on it ringed, and the dates of every frame in the
GIF's comment ("controlmap frames: 2017-11-01 2017-11-08 ...") for programs that read it.

As known now, each place in view is resolved once for the whole span (geo.records, geo.resolution:
the periods the timeline shows) and every frame is a lookup; "as reported then" (known=1) means what
had been published by each frame's own day, so each frame resolves its day as the picture does.
"""
import datetime as dt
import io

from django.utils.translation import gettext as _
from PIL import Image

from api.filters import ParameterError
from api.serializers import Actors
from geo import records, resolution
from geo.dates import label_in_language

from .drawing import draw_scene
from .outline import base_image
from .parameters import MAX_FRAMES
from .scene import InView, compose, end_of, served_language, view_of, wanted_actors

DEFAULT_FPS = 2
STEP_ACCEPTED = "a number of days from 1 to 3650, or changes"


def frame_days(first, last, step, change_days=()):
    """The days of the frames: `first`, every `step` days (or every day with a change) after it, and
    `last`, so that the playback ends where it was asked to. A 400 naming `step` past MAX_FRAMES."""
    if step == "changes":
        days = [first, *sorted(day for day in set(change_days) if first < day < last)]
    else:
        count = (last - first).days // step + 1 + ((last - first).days % step > 0)  # `last` joins off the step
        if count > MAX_FRAMES:
            too_many(count, step)
        days = [first + dt.timedelta(days=step * index) for index in range((last - first).days // step + 1)]
    if days[-1] != last:
        days.append(last)
    if len(days) > MAX_FRAMES:
        too_many(len(days), step)
    return days


def too_many(count, step):
    every = "every change" if step == "changes" else f"every {step} day{'s' if step != 1 else ''}"
    raise ParameterError(
        "step", f"step: {every} from `from` to `to` makes {count} frames; at most {MAX_FRAMES}: choose a larger "
        "step or a shorter span.", STEP_ACCEPTED)


def check_span(values):
    for name in ("from", "to"):
        if name not in values:
            raise ParameterError(name, f"{name}: required.", "a date such as 2017-11-08")
    if values["from"] > values["to"]:
        raise ParameterError("to", f"to ({values['to']}) is before from ({values['from']}).", "a date on or after from")


def gif(values, width, height):
    """(GIF bytes, [the frames' days]) of parsed animation parameters (pictures.parameters)."""
    check_span(values)
    first, last, step = values["from"], values["to"], values.get("step", 1)
    if step != "changes":
        frame_days(first, last, step)  # a 400 before any database work
    view = view_of(values, width, height)
    in_view = InView(view, values.get("lang"), values.get("place"))
    actors = Actors(served_language(values))
    wanted = wanted_actors(values, actors)
    known = values.get("known", False)
    periods = {place: found for place, claims in records.iter_place_claims(end_of(last) if known else None, in_view.ids)
               if (found := resolution.periods(claims, end_of(last) if known else None))}
    days = frame_days(first, last, step, [period.start for found in periods.values() for period in found])

    def states_on(day):
        if known:
            return records.snapshot(day, end_of(day), places=in_view.ids)
        found = {place: resolution.state_from_periods(place_periods, day) for place, place_periods in periods.items()}
        found = {place: state for place, state in found.items() if state.known}
        if in_view.selected is not None:  # its words and "since" as the picture of that day says them
            found.pop(in_view.selected, None)
            found.update(records.snapshot(day, places=[in_view.selected]))
        return found

    base = base_image(view)
    previous = {place: state.key for place, state in states_on(first - dt.timedelta(days=1)).items()}
    frames, labels, span = [], None, f"{label_in_language(first, 'day')} – {label_in_language(last, 'day')}"
    for index, day in enumerate(days):
        states = states_on(day)
        keys = {place: state.key for place, state in states.items()}
        changed = {place for place in keys.keys() | previous.keys() if keys.get(place) != previous.get(place)}
        previous = keys
        scene = compose(in_view, day, states, actors, wanted, end_of(day) if known else None)
        note = _("%(span)s · frame %(number)d of %(count)d") % {"span": span, "number": index + 1, "count": len(days)}
        frame, labels = draw_scene(scene, base, changed, note, labels)
        frames.append(frame)
    return encode(frames, days, values.get("fps", DEFAULT_FPS)), days


def encode(frames, days, fps):
    """One palette per frame, without dithering (a place's colour stays exact); Pillow keeps only
    what changes between frames."""
    paletted = [frame.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE) for frame in frames]
    buffer = io.BytesIO()
    paletted[0].save(buffer, "GIF", save_all=True, append_images=paletted[1:], duration=round(1000 / fps), loop=0,
                     comment="controlmap frames: " + " ".join(day.isoformat() for day in days))
    return buffer.getvalue()
