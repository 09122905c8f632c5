/**
 * Two dates side by side: a second map beside the main one (above it on a narrow screen) shows every
 * place on the compared date, panned and zoomed with the main map and the main map with it, each
 * captioned with its date. Made the first time it is asked for; the main page's playback never
 * draws it (it shows a fixed date).
 */
import { formatDay } from "../shared/days.js";
import { corner, gettext, interpolate } from "../shared/i18n.js";
import { createMapView } from "../shared/mapview.js";
import { createScene } from "../shared/scene.js";

function caption(L, map, position) {
  const control = L.control({ position: corner(position) });
  const text = document.createElement("p");
  text.className = "map-caption";
  control.onAdd = () => text;
  control.addTo(map);
  return text;
}

export function createCompare({ L, mainView, mapConfig, base, container, element, bar, input, label, onPlaceClick }) {
  let other = null; // {mapView, scene, caption}
  let mainCaption = null;
  let syncing = false;

  /** Moves `to` where `from` is, without it moving `from` back. */
  function follow(from, to) {
    if (syncing) return;
    syncing = true;
    to.setView(from.getCenter(), from.getZoom(), { animate: false });
    syncing = false;
  }

  function make() {
    const { lat, lng, zoom } = mainView.view();
    const mapView = createMapView(element, { ...mapConfig, L, center: [lat, lng], zoom, fit: null, onPlaceClick, onMove: null });
    mapView.setPlaces(base.places);
    mainView.map.on("move zoomend", () => follow(mainView.map, mapView.map));
    mapView.map.on("move zoomend", () => follow(mapView.map, mainView.map));
    mainCaption = caption(L, mainView.map, "topright");
    return { mapView, scene: createScene({ base, mapView }), caption: caption(L, mapView.map, "topright") };
  }

  return {
    /** Shows view {compare (a day or null), day, timeline, actors, knownToday (say so in the caption)}. */
    show({ compare, day, timeline, actors, knownToday }) {
      const on = compare !== null && compare !== undefined;
      const was = !element.hidden;
      element.hidden = bar.hidden = !on;
      container.classList.toggle("comparing", on);
      if (on) {
        other ??= make();
        other.mapView.map.invalidateSize({ animate: false });
        follow(mainView.map, other.mapView.map);
        other.scene.timeline = timeline;
        other.scene.actors = actors;
        other.scene.day = compare;
        other.scene.draw(true);
        other.mapView.relabel();
        other.caption.textContent = knownToday ? interpolate(gettext("%(date)s (as known today)"), { date: formatDay(compare) }) : formatDay(compare);
        mainCaption.textContent = label(day);
        input.value = new Date(compare * 86400000).toISOString().slice(0, 10);
      }
      if (on !== was) mainView.map.invalidateSize({ animate: false });
      if (mainCaption) mainCaption.hidden = !on;
    },
    /** The main map's date moved: its caption follows (a text change, cheap enough while playing). */
    follow(day) {
      if (mainCaption && !element.hidden) mainCaption.textContent = label(day);
    },
  };
}
