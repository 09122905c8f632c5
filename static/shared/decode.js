/**
 * Decoding of the compact timeline payloads (see the API contract: the timeline, format
 * controlmap-timeline/2, and the timeline as reported at each date, controlmap-reported-timeline/1) into
 * one sorted track of change points per place, plus the same changes regrouped by day (state.js looks
 * them up).
 */
import { parseDay } from "./days.js";

export const FORMAT = "controlmap-timeline/2";
// Each change also says from which day it is the state reported (`reported`): playback follows that day.
export const REPORTED_FORMAT = "controlmap-reported-timeline/1";
const PRECISION_RANK = { day: 0, month: 1, approximate: 2, year: 3 };

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
 * tracks[p] = {days: Int32Array, since: Int32Array, states: Int32Array, precisions: Uint8Array (indices into
 * precisionNames)} sorted by day, and the day index of `indexByDay`, built on first use: a day's snapshot
 * (the first drawing) needs the tracks alone, and the index is a third of the decoding. `days` are the days a change is shown
 * from, `since` the effective dates of the states shown (the same array as `days` but in the timeline as
 * reported). The tracks are views into shared typed arrays, filled by a counting sort on the place: no
 * per-change object or array is made, which keeps decoding 130,000 changes to a few tens of milliseconds.
 */
export function decodeTimeline(payload) {
  const reported = payload?.format === REPORTED_FORMAT;
  if (!payload || (payload.format !== FORMAT && !reported)) throw new Error(`timeline: expected format ${FORMAT} or ${REPORTED_FORMAT}`);
  const epoch = parseDay(payload.epoch ?? "1970-01-01");
  if (epoch === null) throw new Error(`timeline: invalid epoch ${JSON.stringify(payload.epoch)}`);
  const actorCount = columns(payload.actors, ["slug", "name", "short_name", "colour"], "actors");
  const actors = Array.from({ length: actorCount }, (_, i) => ({
    index: i, slug: payload.actors.slug[i], name: payload.actors.name[i], short_name: payload.actors.short_name[i], colour: payload.actors.colour[i],
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

  const changeCount = columns(payload.changes, ["place", "since", "state", "precision", ...(reported ? ["reported"] : [])], "changes");
  const { place: placeColumn, state: stateColumn, precision: precisionColumn } = payload.changes;
  const dayColumn = reported ? payload.changes.reported : payload.changes.since;
  const absolute = new Int32Array(changeCount);
  const absoluteSince = reported ? new Int32Array(changeCount) : absolute;
  const perPlace = new Int32Array(placeCount + 1);
  let day = epoch;
  let since = epoch;
  for (let i = 0; i < changeCount; i++) {
    day += dayColumn[i];
    absolute[i] = day;
    if (reported) {
      since += payload.changes.since[i];
      absoluteSince[i] = since;
    }
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
  const sinceOf = reported ? new Int32Array(changeCount) : days;
  const stateOf = new Int32Array(changeCount);
  const precisionOf = new Uint8Array(changeCount);
  const cursor = perPlace.slice(0, placeCount);
  for (let i = 0; i < changeCount; i++) {
    const at = cursor[placeColumn[i]]++;
    days[at] = absolute[i];
    if (reported) sinceOf[at] = absoluteSince[i];
    stateOf[at] = stateColumn[i];
    precisionOf[at] = precisionColumn[i];
  }
  const tracks = Array.from({ length: placeCount }, (_, p) => ({
    days: days.subarray(perPlace[p], perPlace[p + 1]),
    since: sinceOf.subarray(perPlace[p], perPlace[p + 1]),
    states: stateOf.subarray(perPlace[p], perPlace[p + 1]),
    precisions: precisionOf.subarray(perPlace[p], perPlace[p + 1]),
  }));
  return withDayIndex({
    version: payload.version, knownAt: payload.known_at ?? null,
    first: payload.first ? parseDay(payload.first) : null, last: payload.last ? parseDay(payload.last) : null,
    actors, places, states, precisionNames, tracks,
  });
}

const DAY_INDEX = ["changeDays", "changeCounts", "dayStart", "dayPlace", "dayState", "dayPrecisionIndex", "dayPrecision"];

/**
 * `timeline` with the fields of indexByDay(timeline.tracks, timeline.precisionNames), built when one is
 * first read; from then on they are plain fields (a step reads them in its loop).
 */
function withDayIndex(timeline) {
  const build = () => {
    const index = indexByDay(timeline.tracks, timeline.precisionNames);
    for (const name of DAY_INDEX) Object.defineProperty(timeline, name, { value: index[name], enumerable: true, writable: true });
    return index;
  };
  for (const name of DAY_INDEX) Object.defineProperty(timeline, name, { enumerable: true, configurable: true, get: () => build()[name] });
  return timeline;
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
  const empty = { days: new Int32Array(0), since: new Int32Array(0), states: new Int32Array(0), precisions: new Uint8Array(0) };
  const tracks = base.places.map((p) => trackOf.get(p.slug) ?? empty);
  const { version, knownAt, first, last, precisionNames } = other;
  return withDayIndex({
    version, knownAt, first, last, precisionNames, places: base.places, actors: base.actors, states: other.states.map(remap), tracks,
  });
}
