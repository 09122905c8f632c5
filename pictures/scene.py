"""What one picture shows: the places in view with their states on a day, the sides, the selected
place, and the date as the map's timeline labels it.

States come from geo.records (resolution of the deciding claims of the places in view, as known now
or as known at a moment): the same answer as the API's snapshot. Only the places the view can show
are read, so a picture of a town costs a few rows whatever the size of the record; the whole region
at L (10,000 places) resolves in about half a second.
"""
import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.gis.geos import Polygon
from django.contrib.gis.db.models import Extent
from django.utils.translation import gettext

from api.filters import ParameterError, actor_ids, shown
from api.serializers import Actors, Places
from geo import records, resolution
from geo.dates import label_in_language
from geo.models import Place, PlaceName

from .areas import derived_in_view, styled
from .projection import View, fitted
from .symbols import LEGEND, NEUTRAL, describe, radius_of, style_of

MARGIN = 20  # pixels beyond the edge whose places still show a part of their symbol
FIT_MAX_ZOOM = 7  # the map frames every place no closer than this (static/shared/mapview.js)


@dataclass
class Mark:
    place: int
    slug: str
    label: str
    x: int
    y: int
    radius: int
    state: resolution.State | None
    style: tuple
    selected: bool = False


@dataclass
class Scene:
    view: View
    day: dt.date
    date_label: str
    known_at: dt.datetime | None
    marks: list
    actors: list  # [{"slug", "name", "colour"}] of the sides the marks show
    selected: dict | None = None  # {"name", "words", "since_label"} of the chosen place
    kinds: list = field(default_factory=list)  # the statuses shown, in legend order
    areas: list | None = None  # with areas=1: [(style, geometry)] of the derived areas (pictures.areas)


def end_of(day):
    """The moment "as reported then" means on the map: the end of the day, UTC (geo.dates)."""
    return dt.datetime.combine(day, dt.time.max, tzinfo=dt.timezone.utc)


def served_language(values):
    """The language a picture's words are in: its `lang` (one the site speaks), else the default. Only the
    address decides, as it keys the cached picture: never Accept-Language."""
    return values.get("lang") or settings.LANGUAGE_CODE


def view_of(values, width, height):
    """The view of a map address: its centre and zoom, or as the map frames every place."""
    leaflet = settings.LEAFLET_CONFIG
    zoom = values.get("zoom")
    if "lat" in values:
        return View(values["lat"], values["lng"], zoom if zoom is not None else leaflet.get("DEFAULT_ZOOM", 6), width, height)
    extent = Place.objects.aggregate(box=Extent("point"))["box"]
    if extent is None:
        lat, lng = leaflet.get("DEFAULT_CENTER", (35.0, 41.0))
        return View(lat, lng, zoom if zoom is not None else leaflet.get("DEFAULT_ZOOM", 6), width, height)
    west, south, east, north = extent
    view = fitted([(south, west), (north, east)], width, height, leaflet.get("MIN_ZOOM", 3), FIT_MAX_ZOOM)
    return view if zoom is None else View(view.lat, view.lng, zoom, width, height)


class InView:
    """The places a view shows, read once (an animation draws many days of the same places)."""

    def __init__(self, view, lang=None, selected=None):
        west, south, east, north = view.bounds(MARGIN)
        self.queryset = Place.objects.filter(point__intersects=Polygon.from_bbox((west, south, east, north)))
        self.rows = Places(self.queryset).rows
        self.view = view
        names = labels_in(lang, self.ids) if lang else {}
        self.positions = {}
        for place, row in self.rows.items():
            x, y = view.pixel(row["lat"], row["lon"])
            self.positions[place] = (x, y, names.get(place, row["name"]))
        self.selected = next((place for place, row in self.rows.items() if row["slug"] == selected), None)

    @property
    def ids(self):
        return self.queryset.values("id")


def labels_in(lang, places):
    """{place id: its name in `lang`} for `places` (a queryset of ids) where the record has one (a tag
    or its subtags: ar for ar-Latn too), the preferred one first (geo.names); the others keep their name."""
    names = {}
    rows = PlaceName.objects.filter(place_id__in=places).order_by("place_id", "language", "-preferred", "name")
    for place, name, language in rows.values_list("place_id", "name", "language"):
        tag = language.lower()
        if tag == lang or tag.startswith(lang + "-"):
            names.setdefault(place, name)
    return names


def compose(in_view, day, states, actors, wanted=None, known_at=None):
    """The Scene of `in_view` on `day` with `states` ({place id: State}); `wanted`: actor ids filtered on."""
    colour = {row["id"]: row["colour"] for row in actors.rows}

    def colour_of(actor):
        return colour.get(actor, NEUTRAL)

    looks = {}  # state key -> (style, actors): a frame of 10,000 places shows a few hundred distinct states
    marks, shown_actors, kinds = [], set(), set()
    for place, row in in_view.rows.items():
        state = states.get(place)
        key = state.key if state is not None else None
        if key not in looks:
            looks[key] = (style_of(state, colour_of), set(state.actors()) if state is not None else set())
        style, named = looks[key]
        if wanted and not wanted.intersection(named):
            continue
        x, y, label = in_view.positions[place]
        kinds.add(style[0])
        shown_actors.update(named)
        marks.append(Mark(place, row["slug"], label, x, y, radius_of(row["size_class"]), state, style,
                          place == in_view.selected))
    marks.sort(key=lambda mark: mark.selected)  # the selected place on top, as the map brings it to front
    return Scene(
        view=in_view.view, day=day, date_label=label_in_language(day, day_precision(states.values(), day)), known_at=known_at,
        marks=marks, actors=[row for row in actors.rows if row["id"] in shown_actors],
        selected=_selected(in_view, states, actors), kinds=[kind for kind, _, _ in LEGEND if kind in kinds],
    )


def _selected(in_view, states, actors):
    if in_view.selected is None:
        return None
    name = {row["id"]: row["name"] for row in actors.rows}
    state = states.get(in_view.selected)
    return {"name": in_view.positions[in_view.selected][2],  # in the picture's language, as its label
            "words": describe(state, lambda a: name.get(a, gettext("unknown forces"))),
            "since_label": label_in_language(state.since, state.precision) if state is not None else ""}


def day_precision(states, day):
    """The timeline's label precision of `day`: the finest of the changes on it (static/shared/decode.js:
    dayPrecision), here of the places drawn; a day without a change is a day."""
    found = [state.precision for state in states if state.since == day and state.precision]
    return min(found, key=resolution.PRECISION_ORDER.__getitem__) if found else "day"


def scene_of(values, width, height, today):
    """The Scene of parsed picture parameters (pictures.parameters)."""
    view = view_of(values, width, height)
    day = values.get("at") or today
    known_at = end_of(day) if values.get("known") else None
    in_view = InView(view, values.get("lang"), values.get("place"))
    actors = Actors(served_language(values))
    wanted = wanted_actors(values, actors)
    states = records.snapshot(day, known_at, places=in_view.ids)
    scene = compose(in_view, day, states, actors, wanted, known_at)
    if values.get("areas"):
        colour = {row["id"]: row["colour"] for row in actors.rows}
        derived = derived_in_view(day, known_at, view)
        scene.areas = styled(derived, lambda actor: colour.get(actor, NEUTRAL), wanted)
    return scene


def wanted_actors(values, actors):
    return actor_ids(values, actors.id_by_slug) if values.get("actors") else None


def check_place(values):
    """A place named must exist (the map notes an unknown one; a picture cannot)."""
    slug = values.get("place")
    if slug and not Place.objects.filter(slug=slug).exists():
        raise ParameterError("place", f"place: unknown place slug {shown(slug)}.", "a place slug listed by /api/v2/places/")
