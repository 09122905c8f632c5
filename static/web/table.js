/**
 * The table of places under the map: the places shown within the map's view, on the day drawn.
 *
 * While playing, the table (and its heading's date) stays on the day playback started from and catches
 * up the moment it pauses or ends: a table cell is not a layout boundary, so rewriting even a few rows
 * lays out all four hundred again, which took 30 to 200 ms, several frames, each time. Stepped or
 * dragged, its rows follow once the date rests a moment (at L that layout was half of a step's cost);
 * a new list (a full redraw, another side filter) follows at once.
 *
 * On a page's first load the table waits for the map: its places are sorted by name and listed once
 * the places are drawn (`release`), so that their sorting and layout do not hold up the first picture.
 */
import { gettext, interpolate, ngettext } from "../shared/i18n.js";

const REST_MS = 150;

export function createTable({ textView, scene, mapView, places, dateLabel, count, heading }) {
  const pending = new Set(); // places whose row lags the map while playing
  let relisting = false; // the list itself lags (a full redraw or a side filter while playing)
  let timer = 0;
  let held = true; // until the first render
  const playing = () => document.body.classList.contains("playing");

  /** Lists the places shown within the map's view. */
  function list() {
    if (held) {
      relisting = true;
      return;
    }
    const bounds = mapView.map.getBounds();
    const { shown: listed, total } = textView.show((i) => scene.visible(i) && bounds.contains([places[i].lat, places[i].lon]), scene.rowFor);
    count.textContent = listed < total
      ? interpolate(gettext("%(total)s places in the map's view; the first %(listed)s by name are listed. Zoom in or search to find others."), { total, listed })
      : interpolate(ngettext("%(total)s place in the map's view.", "%(total)s places in the map's view.", total), { total });
    pending.clear();
    relisting = false;
    heading.textContent = dateLabel(scene.day);
  }

  /** Brings the table up to the day drawn. */
  function flush() {
    clearTimeout(timer);
    timer = 0;
    if (relisting) {
      list();
      return;
    }
    textView.update(pending, scene.rowFor);
    pending.clear();
    heading.textContent = dateLabel(scene.day);
  }

  /** After a draw: the places restyled, and whether the list itself may differ. */
  function update({ changed, relist }) {
    if (relist) relisting = true;
    else for (const index of changed) pending.add(index);
    if (playing() || held) return;
    if (relisting) flush();
    else {
      clearTimeout(timer);
      timer = setTimeout(flush, REST_MS);
    }
  }

  /** Lists the places for the first time (after the first render). */
  function release() {
    held = false;
    textView.setPlaces(places);
    list();
  }

  return { list, flush, update, release };
}
