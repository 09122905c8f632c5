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
 * Returns {version, knownAt, first, last, actors[], places[], states[], precisionNames[], tracks[], ...dayIndex}:
 * tracks[p] = {days: Int32Array, states: Int32Array, precisions: Uint8Array (indices into precisionNames)}
 * sorted by day, and the day index of `indexByDay`. The tracks are views into three shared typed arrays,
 * filled by a counting sort on the place: no per-change object or array is made, which keeps decoding
 * 130,000 changes to a few tens of milliseconds.
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
  const precisionNames = payload.precisions ?? [];

  const changeCount = columns(payload.changes, ["place", "day", "state", "precision"], "changes");
  const { place: placeColumn, day: dayColumn, state: stateColumn, precision: precisionColumn } = payload.changes;
  const absolute = new Int32Array(changeCount);
  const perPlace = new Int32Array(placeCount + 1);
  let day = epoch;
  for (let i = 0; i < changeCount; i++) {
    day += dayColumn[i];
    absolute[i] = day;
    const place = placeColumn[i];
    const state = stateColumn[i];
    if (!(place >= 0 && place < placeCount)) throw new Error(`timeline: change ${i} names place ${place}, which is not listed`);
    if (!(state >= 0 && state < states.length)) throw new Error(`timeline: change ${i} names state ${state}, which is not listed`);
    if (!(precisionColumn[i] >= 0 && precisionColumn[i] < precisionNames.length)) {
      throw new Error(`timeline: change ${i} names precision ${precisionColumn[i]}, which is not listed`);
    }
    perPlace[place + 1]++;
  }
  for (let p = 0; p < placeCount; p++) perPlace[p + 1] += perPlace[p];
  const days = new Int32Array(changeCount);
  const stateOf = new Int32Array(changeCount);
  const precisionOf = new Uint8Array(changeCount);
  const cursor = perPlace.slice(0, placeCount);
  for (let i = 0; i < changeCount; i++) {
    const at = cursor[placeColumn[i]]++;
    days[at] = absolute[i];
    stateOf[at] = stateColumn[i];
    precisionOf[at] = precisionColumn[i];
  }
  const tracks = Array.from({ length: placeCount }, (_, p) => ({
    days: days.subarray(perPlace[p], perPlace[p + 1]),
    states: stateOf.subarray(perPlace[p], perPlace[p + 1]),
    precisions: precisionOf.subarray(perPlace[p], perPlace[p + 1]),
  }));
  return {
    version: payload.version, knownAt: payload.known_at ?? null,
    first: payload.first ? parseDay(payload.first) : null, last: payload.last ? parseDay(payload.last) : null,
    actors, places, states, precisionNames, tracks, ...indexByDay(tracks, precisionNames),
  };
}

/**
 * The changes of every track regrouped by day, so that what changes between two days is one slice:
 * {changeDays (sorted distinct days), changeCounts, dayStart, dayPlace, dayState, dayPrecisionIndex,
 * dayPrecision}. The changes of changeDays[k] are positions dayStart[k] to dayStart[k + 1] - 1 of the
 * day* arrays, in place order; dayPrecision = Map(day -> finest precision of that day's changes).
 * Playback then costs in proportion to the changes it passes, not to the number of places.
 */
export function indexByDay(tracks, precisionNames) {
  let first = Infinity;
  let last = -Infinity;
  let total = 0;
  for (const track of tracks) {
    if (!track.days.length) continue;
    first = Math.min(first, track.days[0]);
    last = Math.max(last, track.days[track.days.length - 1]);
    total += track.days.length;
  }
  const perDay = new Int32Array(total ? last - first + 2 : 1);
  for (const track of tracks) for (const d of track.days) perDay[d - first + 1]++;
  const changeDayList = [];
  const changeCountList = [];
  for (let offset = 1; offset < perDay.length; offset++) {
    if (perDay[offset]) {
      changeDayList.push(first + offset - 1);
      changeCountList.push(perDay[offset]);
    }
    perDay[offset] += perDay[offset - 1];
  }
  const dayPlace = new Int32Array(total);
  const dayState = new Int32Array(total);
  const dayPrecisionIndex = new Uint8Array(total);
  const rankOf = precisionNames.map((name) => PRECISION_RANK[name] ?? PRECISION_RANK.year);
  const finestRank = new Int8Array(perDay.length).fill(PRECISION_RANK.year + 1);
  const finestIndex = new Uint8Array(perDay.length);
  tracks.forEach((track, p) => {
    for (let i = 0; i < track.days.length; i++) {
      const offset = track.days[i] - first;
      const at = perDay[offset]++;
      const precision = track.precisions[i];
      dayPlace[at] = p;
      dayState[at] = track.states[i];
      dayPrecisionIndex[at] = precision;
      if (rankOf[precision] < finestRank[offset]) {
        finestRank[offset] = rankOf[precision];
        finestIndex[offset] = precision;
      }
    }
  });
  const finest = new Map(changeDayList.map((d) => [d, precisionNames[finestIndex[d - first]]]));
  const changeCounts = Int32Array.from(changeCountList);
  const dayStart = new Int32Array(changeCounts.length + 1);
  for (let k = 0; k < changeCounts.length; k++) dayStart[k + 1] = dayStart[k] + changeCounts[k];
  return { changeDays: Int32Array.from(changeDayList), changeCounts, dayStart, dayPlace, dayState, dayPrecisionIndex, dayPrecision: finest };
}

/**
 * A timeline decoded from another request (another knowledge date), re-indexed to the places and
 * actors of `base`, so that one snapshot array and one set of markers serve both.
 */
export function alignTimeline(base, other) {
  const sameList = (a, b) => a.length === b.length && a.every((x, i) => x.slug === b[i].slug);
  if (sameList(base.places, other.places) && sameList(base.actors, other.actors)) return other;
  const actorIndex = new Map(base.actors.map((a) => [a.slug, a.index]));
  const actorMap = other.actors.map((a) => actorIndex.get(a.slug) ?? -1);
  const remap = (s) => ({
    status: s.status, holder: s.holder >= 0 ? actorMap[s.holder] : -1,
    others: s.others.map((o) => ({ actor: actorMap[o.actor], role: o.role })), sides: s.sides.map(remap),
  });
  const trackOf = new Map(other.places.map((p) => [p.slug, other.tracks[p.index]]));
  const empty = { days: new Int32Array(0), states: new Int32Array(0), precisions: new Uint8Array(0) };
  const tracks = base.places.map((p) => trackOf.get(p.slug) ?? empty);
  return {
    ...other, places: base.places, actors: base.actors, states: other.states.map(remap), tracks,
    ...indexByDay(tracks, other.precisionNames),
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
  return {
    stateIndex: track.states[i], state: timeline.states[track.states[i]], since: track.days[i],
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
