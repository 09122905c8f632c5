/**
 * What the map adds on request, each in the URL: the derived control areas (areas=1, derived.js), the
 * changes since a week, a month or a date (changes=, since.js) and a second date side by side
 * (compare=, compare.js). They follow the view when the date settles (settle), never per playback frame.
 *
 * createLayers({L, api, view, mapView, mapConfig, scene, today, actorBySlug, placeBySlug, notice,
 *               openPlace(slug), sync(push), label(day)}) -> {apply(state), settle(), follow(day)}
 */
import { parseDay } from "../shared/days.js";
import { createCompare } from "./compare.js";
import { createDerived } from "./derived.js";
import { createSince } from "./since.js";

const $ = (selector) => document.querySelector(selector);
const YEAR = 365;

export function createLayers(context) {
  const { L, api, view, mapView, scene, today, actorBySlug, placeBySlug, notice, openPlace, sync } = context;
  const onPlace = (slug) => openPlace(slug, { push: true });
  const knownAt = () => (view.known ? view.day : null);
  // Written to the history before the maps resize (which replaces the entry with the moved view).
  const changed = (what, value) => {
    view[what] = value;
    sync(true);
    settle();
  };

  const derived = createDerived({
    L, mapView, api, scene, actorBySlug, placeBySlug, notice, onPlace, toggle: $("#derived"), legend: $("#derived-legend"),
    onToggle: (on) => {
      derived.set(on);
      changed("areas", on);
    },
  });
  const since = createSince({
    L, mapView, api, scene, actorBySlug, placeBySlug, notice, onPlace,
    choice: $("#since-choice"), from: $("#since-from"), section: $("#since"), onChange: (value) => changed("changes", value),
  });
  const compare = createCompare({
    L, mainView: mapView, mapConfig: context.mapConfig, base: today, label: context.label,
    container: $("#maps"), element: $("#compare-map"), bar: $("#compare-bar"), input: $("#compare-date"),
    onPlaceClick: (index) => onPlace(today.places[index].slug),
  });
  $("#compare-open").addEventListener("click", () => changed("compare", Math.max(today.first ?? view.day - YEAR, view.day - YEAR)));
  $("#compare-close").addEventListener("click", () => {
    changed("compare", null);
    $("#compare-open").focus();
  });
  $("#compare-date").addEventListener("change", (event) => {
    const day = parseDay(event.target.value);
    if (day !== null) changed("compare", day);
  });

  function settle() {
    derived.settle({ day: view.day, knownAt: knownAt(), actors: view.actors });
    since.settle({ changes: view.changes, day: view.day, knownAt: knownAt() });
    const compared = view.compare ?? null;
    // The compared date as known today: "as reported then" follows the main map's date only.
    compare.show({ compare: compared, day: view.day, actors: view.actors, timeline: today, knownToday: view.known });
    $("#compare-open").hidden = compared !== null;
  }

  return {
    /** Takes the layers of a URL state (first load, back and forward). */
    apply(state) {
      view.areas = state.areas ?? false;
      view.changes = state.changes ?? null;
      view.compare = state.compare ?? null;
      derived.set(view.areas);
      since.set(view.changes);
      settle();
    },
    settle,
    follow: compare.follow,
  };
}
