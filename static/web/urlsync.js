/**
 * The view lives in the URL: discrete moves push a history entry, playback and panning replace it, and
 * nothing is written back while a URL state is being applied (first load, back and forward).
 * createUrlSync({view, mapView}) -> {sync(push), soon(push), applying, whileApplying(fn)}.
 *
 * Date steps come in bursts (an arrow key held, a run of jumps): the first move of a burst writes the
 * URL at once, the later ones once the burst rests, into the same history entry. A history write costs
 * 5 to 8 ms of the frame in Chromium, half of a step's budget, and a hundred entries for one held key
 * help no back button.
 */
import { writeState } from "../shared/urlstate.js";

const REST_MS = 350; // a pause this long ends a burst

export function createUrlSync({ view, mapView }) {
  let applying = false;
  let timer = 0; // set while a burst lasts
  let behind = false; // the URL lags the view within the burst

  function write(push) {
    behind = false;
    const state = { at: view.day, place: view.place, actors: [...view.actors], known: view.known,
      areas: view.areas, changes: view.changes, compare: view.compare, lang: view.lang };
    if (view.mapInUrl) Object.assign(state, mapView.view());
    const query = writeState(state);
    if (query === location.search) return;
    history[push ? "pushState" : "replaceState"](null, "", `${location.pathname}${query}`);
  }

  return {
    get applying() {
      return applying;
    },
    sync(push) {
      if (!applying) write(push);
    },
    /** A date move: written at once if it starts a burst, else when the burst rests. */
    soon(push) {
      if (applying) return;
      if (timer) behind = true;
      else write(push);
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = 0;
        if (behind) write(false);
      }, REST_MS);
    },
    whileApplying(apply) {
      clearTimeout(timer); // a burst not yet written gives way to the state applied
      timer = 0;
      behind = false;
      applying = true;
      try {
        apply();
      } finally {
        applying = false;
      }
    },
  };
}
