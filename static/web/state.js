/**
 * State lookup from the compact timeline payload (format controlmap-timeline/1, see the API contract).
 *
 * The payload is decoded once into one sorted track of change points per place; the state of a place
 * on a day is then a binary search in its track, so scrubbing and playback never touch the network.
 * The rules that make the change points live on the server (geo.resolution); this module only looks
 * them up: a place's state on day D is the state of its last change on or before D, else unknown.
 */

export const FORMAT = "controlmap-timeline/1";
const DAY_MS = 86400000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Day number (days since 1970-01-01) of a partial ISO date; a year or month means its first day. Null if invalid. */
export function parseDay(text) {
  const match = PARTIAL_DATE.exec(String(text ?? "").trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(ms / DAY_MS);
}

export function dayToISO(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A label as precise as the evidence, as geo.dates.format_date: "3 Nov 2017", "Sep 2017", "2017", "c. Nov 2014". */
export function formatDay(day, precision = "day") {
  if (day === null || day === undefined) return "";
  const date = new Date(day * DAY_MS);
  const [d, m, y] = [date.getUTCDate(), MONTHS[date.getUTCMonth()], date.getUTCFullYear()];
  if (precision === "month") return `${m} ${y}`;
  if (precision === "year") return `${y}`;
  if (precision === "approximate") return `c. ${m} ${y}`;
  return `${d} ${m} ${y}`;
}

const PRECISION_RANK = { day: 0, month: 1, approximate: 2, year: 3 };

/** The finer of two precisions (day beats month beats approximate beats year). */
export function finerPrecision(a, b) {
  if (!a) return b;
  if (!b) return a;
  return PRECISION_RANK[a] <= PRECISION_RANK[b] ? a : b;
}

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

function columns(table, names, what) {
  if (!table || typeof table !== "object") throw new Error(`timeline: "${what}" is missing`);
  const length = table[names[0]]?.length ?? 0;
  for (const name of names) {
    if (!Array.isArray(table[name]) || table[name].length !== length) {
      throw new Error(`timeline: "${what}.${name}" must be a list as long as "${what}.${names[0]}"`);
    }
  }
  return length;
}

/**
 * Decodes a timeline payload. Throws an Error naming what is malformed.
 *
 * Returns {version, knownAt, first, last, actors[], places[], states[], tracks[], changeDays, changeCounts}:
 * tracks[p] = {days: Int32Array, states: Int32Array, precisions: string[]} sorted by day;
 * changeDays = the sorted distinct days on which any place changes; changeCounts[i] = how many change then;
 * dayPrecision = Map(day -> finest precision of that day's changes).
 */
export function decodeTimeline(payload) {
  if (!payload || payload.format !== FORMAT) throw new Error(`timeline: expected format ${FORMAT}`);
  const epoch = parseDay(payload.epoch ?? "1970-01-01");
  if (epoch === null) throw new Error(`timeline: invalid epoch ${JSON.stringify(payload.epoch)}`);
  const actorCount = columns(payload.actors, ["slug", "name", "short", "colour"], "actors");
  const actors = Array.from({ length: actorCount }, (_, i) => ({
    index: i, slug: payload.actors.slug[i], name: payload.actors.name[i], short: payload.actors.short[i], colour: payload.actors.colour[i],
  }));
  const placeCount = columns(payload.places, ["slug", "name", "kind", "size", "lon", "lat", "parent"], "places");
  const places = Array.from({ length: placeCount }, (_, i) => ({
    index: i, slug: payload.places.slug[i], name: payload.places.name[i], kind: payload.places.kind[i],
    size: payload.places.size[i], lon: payload.places.lon[i], lat: payload.places.lat[i], parent: payload.places.parent[i],
  }));
  const statuses = payload.statuses;
  const roles = payload.roles;
  const decodeState = (raw) => ({
    status: statuses[raw.status],
    holder: raw.holder >= 0 ? raw.holder : -1,
    others: (raw.others ?? []).map(([actor, role]) => ({ actor, role: roles[role] })),
    sides: (raw.sides ?? []).map(decodeState),
  });
  const states = (payload.states ?? []).map(decodeState);

  const changeCount = columns(payload.changes, ["place", "day", "state", "precision"], "changes");
  const perPlace = Array.from({ length: placeCount }, () => ({ days: [], states: [], precisions: [] }));
  const counts = new Map();
  const dayPrecision = new Map();
  let day = epoch;
  for (let i = 0; i < changeCount; i++) {
    day += payload.changes.day[i];
    const place = payload.changes.place[i];
    const state = payload.changes.state[i];
    if (!(place >= 0 && place < placeCount)) throw new Error(`timeline: change ${i} names place ${place}, which is not listed`);
    if (!(state >= 0 && state < states.length)) throw new Error(`timeline: change ${i} names state ${state}, which is not listed`);
    const track = perPlace[place];
    track.days.push(day);
    track.states.push(state);
    const precision = payload.precisions[payload.changes.precision[i]];
    track.precisions.push(precision);
    counts.set(day, (counts.get(day) ?? 0) + 1);
    dayPrecision.set(day, finerPrecision(dayPrecision.get(day), precision));
  }
  const tracks = perPlace.map((t) => ({ days: Int32Array.from(t.days), states: Int32Array.from(t.states), precisions: t.precisions }));
  const changeDays = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const changeCounts = Int32Array.from(changeDays, (d) => counts.get(d));
  return {
    version: payload.version, knownAt: payload.known_at ?? null,
    first: payload.first ? parseDay(payload.first) : null, last: payload.last ? parseDay(payload.last) : null,
    actors, places, states, tracks, changeDays, changeCounts, dayPrecision,
  };
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
  return { stateIndex: track.states[i], state: timeline.states[track.states[i]], since: track.days[i], precision: track.precisions[i] };
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

/** The places that change on days in (after, upTo], with the change's position in their track. */
export function changesBetween(timeline, after, upTo) {
  const result = [];
  if (upTo <= after) return result;
  for (let p = 0; p < timeline.tracks.length; p++) {
    const track = timeline.tracks[p];
    const to = lastAtOrBefore(track.days, upTo);
    for (let i = lastAtOrBefore(track.days, after) + 1; i <= to; i++) {
      result.push({ place: p, day: track.days[i], stateIndex: track.states[i], precision: track.precisions[i] });
    }
  }
  return result.sort((a, b) => a.day - b.day || a.place - b.place);
}

/**
 * The precision with which day `day` is known: the finest precision of the changes made that day,
 * or "day" when nothing changes then ("Sep 2017" for the day a month-precision change takes effect).
 */
export function precisionOfDay(timeline, day) {
  return timeline.dayPrecision.get(day) ?? "day";
}

/** Counts of changes in `bins` equal periods from first to last (for the timeline histogram). */
export function histogram(timeline, bins) {
  const counts = new Array(bins).fill(0);
  if (timeline.first === null || timeline.last === null) return counts;
  const span = Math.max(1, timeline.last - timeline.first + 1);
  timeline.changeDays.forEach((day, i) => {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(((day - timeline.first) / span) * bins)));
    counts[bin] += timeline.changeCounts[i];
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
