// The URL schema: every view it writes reads back the same, and bad parameters are reported, not fatal.
import assert from "node:assert/strict";
import { test } from "node:test";

import { parseDay } from "../../static/shared/days.js";
import { MAP_SCHEMA, readState, writeState } from "../../static/shared/urlstate.js";

test("a full view round-trips through the URL", () => {
  const view = { at: parseDay("2017-11-03"), place: "deir-el-zour", lat: 35.3331, lng: 40.15, zoom: 9, actors: ["sdf", "islamic-state"], known: true };
  const query = writeState(view);
  assert.equal(query, "?at=2017-11-03&place=deir-el-zour&lat=35.3331&lng=40.15&zoom=9&actors=sdf,islamic-state&known=1");
  const { state, errors } = readState(query);
  assert.deepEqual(errors, []);
  assert.deepEqual(state, view);
  assert.equal(writeState(state), query);
});

test("defaults are left out of the URL", () => {
  assert.equal(writeState({ at: parseDay("2017-01-01"), actors: [], known: false, place: null }), "?at=2017-01-01");
  assert.equal(writeState({}), "");
});

test("malformed parameters are reported and ignored, the rest still apply", () => {
  const { state, errors } = readState("?at=2017-02-30&place=<script>&zoom=99&lat=abc&lng=40.1&known=maybe&actors=sdf&utm_source=x");
  assert.deepEqual(state, { lng: 40.1, actors: ["sdf"] });
  assert.deepEqual(errors.map((e) => e.param), ["at", "place", "lat", "zoom", "known"]);
  assert.match(errors[0].message, /^at="2017-02-30" was ignored: not a date/);
  assert.match(errors[1].message, /expected a place identifier/);
});

test("partial dates in the URL mean their first day", () => {
  assert.equal(writeState(readState("?at=2017-09").state), "?at=2017-09-01");
});

test("latitude and longitude are range-checked", () => {
  assert.deepEqual(readState("?lat=91&lng=-181").errors.map((e) => e.param), ["lat", "lng"]);
  assert.deepEqual(readState("?lat=-33.5&lng=151.25").state, { lat: -33.5, lng: 151.25 });
});

test("the schema is one object the embed widget can extend", () => {
  const schema = { ...MAP_SCHEMA, autoplay: { help: "1 or 0", parse: (t) => t === "1", write: (v) => (v ? "1" : null) } };
  assert.deepEqual(readState("?autoplay=1&zoom=7", schema).state, { zoom: 7, autoplay: true });
});

test("changes since a period or a date, and a date to compare, round-trip through the URL", () => {
  for (const query of ["?at=2017-11-20&areas=1&changes=week&compare=2014-06-01", "?at=2017-11-20&changes=2017-10-01"]) {
    const { state, errors } = readState(query);
    assert.deepEqual(errors, []);
    assert.equal(writeState(state), query);
  }
  assert.equal(readState("?changes=month").state.changes, "month");
  assert.equal(readState("?changes=2017-10").state.changes, parseDay("2017-10-01"));
  assert.match(readState("?changes=fortnight").errors[0].message, /not week, month or a date/);
  assert.deepEqual(readState("?compare=yesterday").errors.map((e) => e.param), ["compare"]);
});
