/**
 * The view lives in the URL: discrete moves push a history entry, playback and panning replace it, and
 * nothing is written back while a URL state is being applied (first load, back and forward).
 * createUrlSync({view, mapView}) -> {sync(push), applying, whileApplying(fn)}.
 */
import { writeState } from "../shared/urlstate.js";

export function createUrlSync({ view, mapView }) {
  let applying = false;
  return {
    get applying() {
      return applying;
    },
    sync(push) {
      if (applying) return;
      const state = { at: view.day, place: view.place, actors: [...view.actors], known: view.known,
        areas: view.areas, changes: view.changes, compare: view.compare, lang: view.lang };
      if (view.mapInUrl) Object.assign(state, mapView.view());
      const query = writeState(state);
      if (query === location.search) return;
      history[push ? "pushState" : "replaceState"](null, "", `${location.pathname}${query}`);
    },
    whileApplying(apply) {
      applying = true;
      try {
        apply();
      } finally {
        applying = false;
      }
    },
  };
}
