/**
 * State lookup in a decoded timeline (decode.js).
 *
 * The payload is decoded once into one sorted track of change points per place; the state of a place
 * on a day is then a binary search in its track, so scrubbing and playback never touch the network.
 * The rules that make the change points live on the server (geo.resolution); this module only looks
 * them up: a place's state on day D is the state of its last change on or before D, else unknown.
 */

/** Index of the last element <= value in a sorted array-like, or -1. */
export function lastAtOrBefore(sorted, value, from = 0, to = sorted.length) {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
export const UNKNOWN = -1;

/** Position in a track of the change that decides day `day`, or -1 before its first change. */
export function changeIndexAt(track, day) {
  return lastAtOrBefore(track.days, day);
}

/** The state index of a place on `day` (UNKNOWN before its first change). */
export function stateIndexAt(track, day) {
  const i = changeIndexAt(track, day);
  return i < 0 ? UNKNOWN : track.states[i];
}

/** What the text view and panel show for one place on one day: state, since (day), precision. */
export function placeStateAt(timeline, placeIndex, day) {
  const track = timeline.tracks[placeIndex];
  const i = changeIndexAt(track, day);
  if (i < 0) return { stateIndex: UNKNOWN, state: null, since: null, precision: null };
  return {
    stateIndex: track.states[i], state: timeline.states[track.states[i]], since: track.since[i],
    precision: timeline.precisionNames[track.precisions[i]],
  };
}

/** State index of every place on `day`, into `out` (reused between frames to avoid garbage). */
export function snapshot(timeline, day, out = new Int32Array(timeline.places.length)) {
  for (let p = 0; p < timeline.tracks.length; p++) out[p] = stateIndexAt(timeline.tracks[p], day);
  return out;
}

/** Indices of the places whose state differs between two snapshots: only these are restyled. */
export function changedPlaces(before, after) {
  const changed = [];
  for (let p = 0; p < after.length; p++) if (before[p] !== after[p]) changed.push(p);
  return changed;
}

/** The first change day after `day`, or null. */
export function nextChangeDay(timeline, day) {
  const i = lastAtOrBefore(timeline.changeDays, day) + 1;
  return i < timeline.changeDays.length ? timeline.changeDays[i] : null;
}

/** The last change day before `day`, or null. */
export function previousChangeDay(timeline, day) {
  const i = lastAtOrBefore(timeline.changeDays, day - 1);
  return i >= 0 ? timeline.changeDays[i] : null;
}

/** Positions in the day index of the changes made on days in (after, upTo]: [from, to). */
function daySlice(timeline, after, upTo) {
  const from = lastAtOrBefore(timeline.changeDays, after) + 1;
  const to = lastAtOrBefore(timeline.changeDays, upTo) + 1;
  return [from, Math.max(from, to)];
}

/** The places that change on days in (after, upTo], in order of day then place. */
export function changesBetween(timeline, after, upTo) {
  const result = [];
  if (upTo <= after) return result;
  const [from, to] = daySlice(timeline, after, upTo);
  for (let k = from; k < to; k++) {
    const day = timeline.changeDays[k];
    for (let at = timeline.dayStart[k]; at < timeline.dayStart[k + 1]; at++) {
      result.push({
        place: timeline.dayPlace[at], day, stateIndex: timeline.dayState[at],
        precision: timeline.precisionNames[timeline.dayPrecisionIndex[at]],
      });
    }
  }
  return result;
}

/**
 * Moves `out`, the snapshot of day `from`, to day `to` (either direction), touching only the places
 * that change between the two days. Returns the indices of the places whose state index differs, or
 * null when more than `limit` changes lie between (a full `snapshot` is then the cheaper way).
 */
export function advanceSnapshot(timeline, from, to, out, limit = Infinity) {
  const changed = [];
  if (from === to) return changed;
  const [first, last] = daySlice(timeline, Math.min(from, to), Math.max(from, to));
  const start = timeline.dayStart[first];
  const end = timeline.dayStart[last];
  if (end - start > limit) return null;
  for (let at = start; at < end; at++) {
    const place = timeline.dayPlace[at];
    const state = stateIndexAt(timeline.tracks[place], to);
    // A place met twice is settled the first time; one that ends where it began is not reported.
    if (out[place] !== state) {
      out[place] = state;
      changed.push(place);
    }
  }
  return changed;
}

/**
 * The precision with which day `day` is known: the finest precision of the changes made that day,
 * or "day" when nothing changes then ("Sep 2017" for the day a month-precision change takes effect).
 */
export function precisionOfDay(timeline, day) {
  return timeline.dayPrecision.get(day) ?? "day";
}

/**
 * Counts of changes between successive `edges` (sorted days): counts[i] holds the changes made on days
 * edges[i] to edges[i + 1] - 1, so the timeline's bars start and end on its axis ticks (axis.js);
 * changes outside the edges are not counted.
 */
export function histogram(timeline, edges) {
  const counts = new Array(Math.max(0, edges.length - 1)).fill(0);
  timeline.changeDays.forEach((day, i) => {
    const bin = lastAtOrBefore(edges, day);
    if (bin >= 0 && bin < counts.length) counts[bin] += timeline.changeCounts[i];
  });
  return counts;
}

/** Every actor index a state names (holder, other actors, the sides of a dispute). */
export function actorsOf(state) {
  if (!state) return [];
  const seen = new Set();
  if (state.holder >= 0) seen.add(state.holder);
  for (const other of state.others) seen.add(other.actor);
  for (const side of state.sides) for (const actor of actorsOf(side)) seen.add(actor);
  return [...seen];
}
