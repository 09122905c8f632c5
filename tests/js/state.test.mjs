// Unit tests of the browser's state lookup, on payloads shaped exactly as the API contract's
// GET /api/v2/timeline/ answer (columnar actors and places, delta-encoded change days).
import assert from "node:assert/strict";
import { test } from "node:test";

import { dayToISO, formatDay, parseDay } from "../../static/shared/days.js";
import { alignTimeline, decodeTimeline } from "../../static/shared/decode.js";
import {
  actorsOf, advanceSnapshot, changedPlaces, changesBetween, histogram, nextChangeDay, placeStateAt, precisionOfDay,
  previousChangeDay, snapshot, stateIndexAt, UNKNOWN,
} from "../../static/shared/state.js";

const day = (iso) => parseDay(iso);

/** Encodes changes [{place, day: "YYYY-MM-DD", state, precision}] as the contract does. */
function payload(changes, { places = 3 } = {}) {
  const sorted = [...changes].sort((a, b) => a.place - b.place || day(a.day) - day(b.day));
  const precisions = ["day", "month", "year", "approximate"];
  let previous = 0;
  const days = sorted.map((c) => {
    const delta = day(c.day) - previous;
    previous = day(c.day);
    return delta;
  });
  const allDays = sorted.map((c) => day(c.day));
  return {
    format: "controlmap-timeline/2", version: 3, known_at: null,
    first: allDays.length ? dayToISO(Math.min(...allDays)) : null,
    last: allDays.length ? dayToISO(Math.max(...allDays)) : null,
    epoch: "1970-01-01",
    statuses: ["controlled", "contested", "besieged", "unknown", "disputed"],
    precisions, roles: ["contesting", "besieging"],
    actors: { slug: ["syrian-government", "islamic-state"], name: ["Syrian government", "Islamic State"], short_name: ["Gov", "IS"], colour: ["#d62728", "#222222"] },
    places: {
      slug: ["deir-el-zour", "boukamal", "qaim"].slice(0, places), name: ["Deir el-Zour", "Boukamal", "Qaim"].slice(0, places),
      kind: ["city", "town", "town"].slice(0, places), size: [4, 3, 3].slice(0, places),
      lon: [40.15, 40.9367, 41.0945].slice(0, places), lat: [35.333, 34.4536, 34.3688].slice(0, places), parent: [-1, -1, -1].slice(0, places),
    },
    states: [
      { status: 0, holder: 0, others: [] },                 // 0: held by the government
      { status: 0, holder: 1, others: [] },                 // 1: held by IS
      { status: 2, holder: 0, others: [[1, 1]] },           // 2: government besieged by IS
      { status: 4, holder: -1, others: [], sides: [{ status: 0, holder: 0, others: [] }, { status: 0, holder: 1, others: [] }] },
      { status: 1, holder: -1, others: [[0, 0], [1, 0]] },  // 4: contested
    ],
    changes: {
      place: sorted.map((c) => c.place), since: days, state: sorted.map((c) => c.state),
      precision: sorted.map((c) => precisions.indexOf(c.precision ?? "day")),
    },
  };
}

const SEED_LIKE = [
  { place: 0, day: "2014-07-01", state: 2, precision: "month" },
  { place: 0, day: "2017-09-01", state: 3, precision: "month" },
  { place: 0, day: "2017-11-03", state: 0 },
  { place: 1, day: "2014-07-01", state: 1 },
  { place: 1, day: "2017-11-19", state: 0 },
  { place: 2, day: "2014-06-20", state: 1 },
  { place: 2, day: "2017-11-03", state: 4 },
];

test("decodes the columnar payload, undoing the delta encoding across places", () => {
  const timeline = decodeTimeline(payload(SEED_LIKE));
  assert.equal(timeline.places[1].name, "Boukamal");
  assert.equal(timeline.actors[0].colour, "#d62728");
  assert.deepEqual([...timeline.tracks[0].days].map(dayToISO), ["2014-07-01", "2017-09-01", "2017-11-03"]);
  assert.deepEqual([...timeline.tracks[2].days].map(dayToISO), ["2014-06-20", "2017-11-03"]);
  assert.deepEqual(timeline.states[2].others, [{ actor: 1, role: "besieging" }]);
  assert.equal(timeline.states[3].sides.length, 2);
  assert.equal(dayToISO(timeline.first), "2014-06-20");
  assert.equal(dayToISO(timeline.last), "2017-11-19");
});

test("the timeline as reported at each date plays by the day reported and shows each state's own date", () => {
  // Boukamal: the army's capture of 9 Nov reported that day; IS's retaking of 10 Nov reported on the 11th.
  const reported = payload([{ place: 1, day: "2017-11-09", state: 0 }, { place: 1, day: "2017-11-11", state: 1 }]);
  reported.format = "controlmap-reported-timeline/1";
  reported.changes.reported = reported.changes.since;
  reported.changes.since = [day("2017-11-09"), day("2017-11-10") - day("2017-11-09")];
  const timeline = decodeTimeline(reported);
  assert.equal(placeStateAt(timeline, 1, day("2017-11-10")).stateIndex, 0);
  const after = placeStateAt(timeline, 1, day("2017-11-11"));
  assert.equal(after.stateIndex, 1);
  assert.equal(dayToISO(after.since), "2017-11-10");
  assert.deepEqual(changesBetween(timeline, day("2017-11-10"), day("2017-11-11")).map((c) => c.place), [1]);
  delete reported.changes.reported;
  assert.throws(() => decodeTimeline(reported), /changes\.reported/);
  // The timeline's own payload: the since of a state is the day it is shown from.
  assert.deepEqual(placeStateAt(decodeTimeline(payload(SEED_LIKE)), 1, day("2017-12-01")).since, day("2017-11-19"));
});

test("a place is unknown before its first change and takes the last change on or before the day", () => {
  const timeline = decodeTimeline(payload(SEED_LIKE));
  const deir = timeline.tracks[0];
  assert.equal(stateIndexAt(deir, day("2014-06-30")), UNKNOWN);
  assert.equal(stateIndexAt(deir, day("2014-07-01")), 2);
  assert.equal(stateIndexAt(deir, day("2017-11-02")), 3);
  assert.equal(stateIndexAt(deir, day("2017-11-03")), 0);
  assert.equal(stateIndexAt(deir, day("2030-01-01")), 0);
  const at = placeStateAt(timeline, 0, day("2017-10-15"));
  assert.equal(at.state.status, "disputed");
  assert.equal(formatDay(at.since, at.precision), "Sep 2017");
  assert.equal(placeStateAt(timeline, 1, day("2000-01-01")).state, null);
});

/** A repeatable pseudo-random number generator in [0, 1). */
function seededRandom(seed) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** Changes of three places: fewer than `most` each, on distinct days within `span` days of 2014-01-01. */
function randomChanges(random, most, span) {
  const changes = [];
  for (let place = 0; place < 3; place++) {
    const used = new Set();
    const count = Math.floor(random() * most);
    for (let i = 0; i < count; i++) {
      const d = day("2014-01-01") + Math.floor(random() * span);
      if (used.has(d)) continue;
      used.add(d);
      changes.push({ place, day: dayToISO(d), state: Math.floor(random() * 5) });
    }
  }
  return changes;
}

test("binary search agrees with a linear scan on random tracks", () => {
  const random = seededRandom(42);
  for (let round = 0; round < 50; round++) {
    const changes = randomChanges(random, 12, 1500);
    const timeline = decodeTimeline(payload(changes));
    for (let probe = 0; probe < 40; probe++) {
      const d = day("2013-12-01") + Math.floor(random() * 1600);
      const out = snapshot(timeline, d);
      for (let place = 0; place < 3; place++) {
        const mine = changes.filter((c) => c.place === place && day(c.day) <= d).sort((a, b) => day(a.day) - day(b.day));
        assert.equal(out[place], mine.length ? mine.at(-1).state : UNKNOWN, `place ${place} on ${dayToISO(d)}`);
      }
    }
  }
});

test("moving a snapshot from day to day agrees with a full snapshot, forwards and back", () => {
  // Playback and stepping move the drawn snapshot through the day index only (issue 8): it must land
  // exactly where a fresh snapshot of the new day would, and name each place whose state differs once.
  const random = seededRandom(7);
  for (let round = 0; round < 30; round++) {
    const changes = randomChanges(random, 15, 400);
    const timeline = decodeTimeline(payload(changes));
    let at = day("2013-12-20");
    const drawn = snapshot(timeline, at);
    for (let move = 0; move < 40; move++) {
      const to = day("2013-12-01") + Math.floor(random() * 450);
      const before = Int32Array.from(drawn);
      const changed = advanceSnapshot(timeline, at, to, drawn);
      const fresh = snapshot(timeline, to);
      assert.deepEqual([...drawn], [...fresh], `from ${dayToISO(at)} to ${dayToISO(to)}`);
      assert.deepEqual([...changed].sort(), changedPlaces(before, fresh));
      at = to;
    }
  }
  const timeline = decodeTimeline(payload(SEED_LIKE));
  assert.equal(advanceSnapshot(timeline, day("2014-01-01"), day("2017-12-01"), snapshot(timeline, day("2014-01-01")), 3), null,
    "more changes in between than the limit: the caller takes a full snapshot");
});

test("a timeline known at another date is re-indexed to the places of the first", () => {
  const today = decodeTimeline(payload(SEED_LIKE));
  // Known then, Qaim was not yet in the record and Boukamal had one change.
  const then = payload([{ place: 0, day: "2014-07-01", state: 1 }], { places: 2 });
  then.places = { slug: ["boukamal", "deir-el-zour"], name: ["Boukamal", "Deir el-Zour"], kind: ["town", "city"], size: [3, 4], lon: [40.9, 40.1], lat: [34.4, 35.3], parent: [-1, -1] };
  const aligned = alignTimeline(today, decodeTimeline(then));
  assert.equal(aligned.places, today.places);
  assert.equal(stateIndexAt(aligned.tracks[1], day("2015-01-01")), 1, "Boukamal, second in today's list");
  assert.equal(stateIndexAt(aligned.tracks[0], day("2015-01-01")), UNKNOWN);
  assert.equal(aligned.tracks[2].days.length, 0);
  assert.deepEqual(changesBetween(aligned, day("2014-06-30"), day("2014-07-01")).map((c) => c.place), [1]);
  const drawn = snapshot(aligned, day("2014-06-01"));
  assert.deepEqual(advanceSnapshot(aligned, day("2014-06-01"), day("2014-07-01"), drawn), [1]);
});

test("only the places whose state changed are reported for restyling", () => {
  const timeline = decodeTimeline(payload(SEED_LIKE));
  const before = snapshot(timeline, day("2017-11-02"));
  const after = snapshot(timeline, day("2017-11-03"), new Int32Array(3));
  assert.deepEqual(changedPlaces(before, after), [0, 2]);
  assert.deepEqual(changedPlaces(after, snapshot(timeline, day("2017-11-10"))), []);
});

test("steps between change points and lists what changed in a window", () => {
  const timeline = decodeTimeline(payload(SEED_LIKE));
  assert.equal(dayToISO(nextChangeDay(timeline, day("2017-11-02"))), "2017-11-03");
  assert.equal(dayToISO(nextChangeDay(timeline, day("2017-11-03"))), "2017-11-19");
  assert.equal(nextChangeDay(timeline, day("2017-11-19")), null);
  assert.equal(dayToISO(previousChangeDay(timeline, day("2017-11-03"))), "2017-09-01");
  assert.equal(previousChangeDay(timeline, day("2014-06-20")), null);
  const changes = changesBetween(timeline, day("2017-11-02"), day("2017-11-20"));
  assert.deepEqual(changes.map((c) => [timeline.places[c.place].slug, dayToISO(c.day)]),
    [["deir-el-zour", "2017-11-03"], ["qaim", "2017-11-03"], ["boukamal", "2017-11-19"]]);
});

test("dates are labelled as precisely as the claims that decide them", () => {
  const timeline = decodeTimeline(payload(SEED_LIKE));
  assert.equal(formatDay(day("2017-09-01"), precisionOfDay(timeline, day("2017-09-01"))), "Sep 2017");
  assert.equal(formatDay(day("2017-11-03"), precisionOfDay(timeline, day("2017-11-03"))), "3 Nov 2017");
  assert.equal(formatDay(day("2017-09-15"), precisionOfDay(timeline, day("2017-09-15"))), "15 Sep 2017");
  assert.equal(formatDay(day("2014-11-01"), "approximate"), "c. Nov 2014");
  assert.equal(formatDay(day("2014-01-01"), "year"), "2014");
});

test("the histogram counts every change once, in the periods between its edges", () => {
  const timeline = decodeTimeline(payload(SEED_LIKE));
  const edges = [timeline.first, ...[2015, 2016, 2017].map((year) => day(`${year}-01-01`)), timeline.last + 1];
  const bins = histogram(timeline, edges);
  assert.equal(bins.length, 4);
  assert.equal(bins.reduce((a, b) => a + b, 0), SEED_LIKE.length);
  assert.equal(bins.at(-1), SEED_LIKE.filter((c) => c.day >= "2017").length, "the 2017 changes fall in the last bin");
});

test("actorsOf names holders, besiegers and both sides of a dispute", () => {
  const timeline = decodeTimeline(payload(SEED_LIKE));
  assert.deepEqual(actorsOf(timeline.states[2]).sort(), [0, 1]);
  assert.deepEqual(actorsOf(timeline.states[3]).sort(), [0, 1]);
  assert.deepEqual(actorsOf(timeline.states[0]), [0]);
});

test("partial ISO dates mean their first day; impossible dates are refused", () => {
  assert.equal(dayToISO(parseDay("2017-09")), "2017-09-01");
  assert.equal(dayToISO(parseDay("2017")), "2017-01-01");
  assert.equal(parseDay("2017-02-30"), null);
  assert.equal(parseDay("3 Nov 2017"), null);
  assert.equal(parseDay(""), null);
});

test("a malformed payload is refused with a message naming the problem", () => {
  assert.throws(() => decodeTimeline({ format: "other" }), /format controlmap-timeline\/2/);
  const broken = payload(SEED_LIKE);
  broken.places.lat.pop();
  assert.throws(() => decodeTimeline(broken), /places\.lat/);
  const badState = payload(SEED_LIKE);
  badState.changes.state[0] = 99;
  assert.throws(() => decodeTimeline(badState), /state 99/);
});

test("an empty timeline decodes to no changes", () => {
  const timeline = decodeTimeline(payload([]));
  assert.equal(timeline.first, null);
  assert.equal(timeline.changeDays.length, 0);
  assert.equal(nextChangeDay(timeline, 0), null);
  assert.deepEqual(histogram(timeline, [0, 10, 20]), [0, 0]);
});

test("the histogram of a window counts only the changes within it (the widget's from and to)", () => {
  const timeline = decodeTimeline(payload(SEED_LIKE));
  const weeks = [1, 8, 15, 22, 31].map((d) => day("2017-11-01") + d - 1);
  assert.deepEqual(histogram(timeline, weeks), [2, 0, 1, 0], "3 and 19 November");
  assert.deepEqual(histogram(timeline, [day("2015-01-01"), day("2016-01-01")]), [0]);
});
