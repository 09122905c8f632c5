/**
 * What the map and the embed widget draw: the state of every place on one day of one timeline, as
 * symbols on the map and as rows of the table of places, filtered by side (and, in the widget, by place).
 *
 * createScene({base, mapView, only}) -> scene: base is the decoded timeline whose places and actors the
 * markers stand for; only, a Set of place indices (or null for all). Set scene.timeline (base, or one
 * aligned to it), scene.day and scene.actors (a Set of actor slugs), then scene.draw().
 */
import { formatDay } from "./days.js";
import { gettext } from "./i18n.js";
import { actorsOf, advanceSnapshot, changedPlaces, placeStateAt, snapshot, UNKNOWN } from "./state.js";
import { describe, radiusOf, spriteOf, styleOf } from "./symbols.js";

// Safari has no requestIdleCallback: a timer with a short budget does the same job there.
const idle = globalThis.requestIdleCallback ?? ((fn) => setTimeout(() => fn({ timeRemaining: () => 8 }), 50));

export function createScene({ base, mapView, only = null }) {
  const places = base.places;
  const all = places.map((p) => p.index);
  const shown = new Int32Array(places.length); // the state index of every place as drawn, on shownDay
  const scratch = new Int32Array(places.length);
  let shownDay = null;
  let shownTimeline = null;
  // One style object per state of the timeline drawn: the symbols' sprites are found by it (symbols.js).
  let styles = { timeline: null, byState: new Map() };

  const nameOfIndex = (i) => (i >= 0 ? base.actors[i].name : gettext("unknown side"));
  const colourOf = (i) => (i >= 0 ? base.actors[i].colour : "#8a8a8a");

  const scene = {
    timeline: base, day: null, actors: new Set(), only, nameOfIndex, colourOf,

    /** Whether place `index` is shown, as drawn: in `only`, and involving a side chosen (if any). */
    visible(index) {
      if (scene.only && !scene.only.has(index)) return false;
      if (!scene.actors.size) return true;
      return actorsOf(scene.timeline.states[shown[index]]).some((a) => scene.actors.has(base.actors[a]?.slug));
    },

    /** The symbol of place `index` as drawn, or null when it is hidden. */
    symbolFor(index) {
      if (!scene.visible(index)) return null;
      if (styles.timeline !== scene.timeline) styles = { timeline: scene.timeline, byState: new Map() };
      let style = styles.byState.get(shown[index]);
      if (!style) {
        style = styleOf(shown[index] === UNKNOWN ? null : scene.timeline.states[shown[index]], colourOf);
        styles.byState.set(shown[index], style);
      }
      return style;
    },

    /** The table row of place `index` on the scene's day: the words for its state and since when. */
    rowFor(index) {
      const at = placeStateAt(scene.timeline, index, scene.day);
      return { ...describe(at.state, nameOfIndex), since: at.since === null ? "—" : formatDay(at.since, at.precision) };
    },

    /**
     * Draws the scene's day; only places whose state changed are restyled unless `full`. From the day
     * drawn last, only the places that change in between are looked up (a playback frame touches a few
     * dozen places, not ten thousand); a long jump, another timeline or `full` takes a whole snapshot.
     * Returns {changed: the place indices restyled, relist: whether the table's list of places may differ}.
     */
    draw(full = false) {
      const { timeline, day } = scene;
      const everything = full || shownTimeline !== timeline;
      let changed = everything ? null : advanceSnapshot(timeline, shownDay, day, shown, places.length);
      if (changed === null) {
        snapshot(timeline, day, scratch);
        changed = everything ? all : changedPlaces(shown, scratch);
        shown.set(scratch);
      }
      shownDay = day;
      shownTimeline = timeline;
      mapView.restyle(changed, scene.symbolFor);
      // With a side filter, a change can bring a place in or out of the list.
      return { changed, relist: everything || (scene.actors.size > 0 && changed.length > 0) };
    },

    /**
     * Draws, while the page is idle, the symbol of every state of the timeline at every size on the
     * map, so that a jump into states not yet seen copies symbols instead of drawing them (at L the
     * first jumps drew a few hundred, half of their cost).
     */
    prepareSymbols() {
      const radii = [...new Set(places.map((p) => radiusOf(p.size)))];
      const styles = [null, ...base.states].map((state) => styleOf(state, colourOf));
      let next = 0;
      const work = (deadline) => {
        while (next < styles.length * radii.length && deadline.timeRemaining() > 2) {
          spriteOf(radii[next % radii.length], styles[Math.floor(next / radii.length)]);
          next++;
        }
        if (next < styles.length * radii.length) idle(work);
      };
      idle(work);
    },
  };
  return scene;
}
