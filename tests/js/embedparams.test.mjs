// The widget's parameters: what the Share dialog writes reads back the same, bad values are reported and
// left out, and a main-map view survives the trip into the widget and back.
import assert from "node:assert/strict";
import { test } from "node:test";

import { parseDay } from "../../static/shared/days.js";
import { CONTROLS, EMBED_SCHEMA, embedToMap, MAP_SCHEMA, mapToEmbed, readState, writeState } from "../../static/shared/urlstate.js";

test("every widget view written reads back the same", () => {
  const views = [
    {},
    { at: parseDay("2017-11-03"), place: "deir-el-zour", centre: [35.3, 40.1], zoom: 8 },
    { from: parseDay("2017-10-01"), to: parseDay("2017-11-20"), places: ["boukamal", "qaim"], actors: ["sdf"],
      known_at: parseDay("2017-11-10"), autoplay: true, speed: 2.5, loop: true, controls: ["legend"], theme: "dark" },
    { bbox: [38, 33.5, 44.25, 37], controls: [] },
  ];
  for (const view of views) {
    const query = writeState(view, EMBED_SCHEMA);
    const { state, errors } = readState(query, EMBED_SCHEMA);
    assert.deepEqual(errors, []);
    assert.equal(writeState(state, EMBED_SCHEMA), query);
  }
  assert.equal(writeState({ controls: [...CONTROLS], theme: "light", autoplay: false }, EMBED_SCHEMA), "", "defaults are not written");
  assert.equal(writeState({ controls: [] }, EMBED_SCHEMA), "?controls=none");
});

test("malformed parameters are named and left out; the rest is kept", () => {
  const { state, errors } = readState(
    "?at=2017-02-30&centre=95,40&bbox=44,33,38,37&speed=0&controls=map&theme=blue&autoplay=maybe&zoom=8&speed=week",
    EMBED_SCHEMA,
  );
  assert.deepEqual(errors.map((e) => e.param).sort(), ["at", "autoplay", "bbox", "centre", "controls", "speed", "theme"]);
  assert.deepEqual(state, { zoom: 8 });
  assert.match(errors.find((e) => e.param === "bbox").message, /west must be less than east/);
  assert.equal(readState("?speed=month&controls=panel,timeline", EMBED_SCHEMA).state.speed, 30);
  assert.deepEqual(readState("?controls=panel,timeline", EMBED_SCHEMA).state.controls, ["timeline", "panel"]);
});

test("a main-map view goes into the widget and comes back unchanged", () => {
  const query = "?at=2017-11-03&place=deir-el-zour&lat=35.3&lng=40.1&zoom=8&actors=syrian-government,islamic-state&known=1";
  const view = readState(query, MAP_SCHEMA).state;
  const embed = mapToEmbed(view);
  assert.equal(writeState(embed, EMBED_SCHEMA),
    "?at=2017-11-03&place=deir-el-zour&centre=35.3,40.1&zoom=8&actors=syrian-government,islamic-state&known_at=2017-11-03");
  assert.equal(writeState(embedToMap(readState(writeState(embed, EMBED_SCHEMA), EMBED_SCHEMA).state), MAP_SCHEMA), query);
  // A widget fixed to another knowledge date cannot be said on the main map: it opens as known today.
  assert.equal(embedToMap({ at: parseDay("2017-11-20"), known_at: parseDay("2017-11-10") }).known, undefined);
});

test("each list names what it lists when malformed", () => {
  const { errors } = readState("?places=Atlantis!&actors=Martians!", EMBED_SCHEMA);
  assert.match(errors.find((e) => e.param === "places").message, /not a list of place identifiers/);
  assert.match(errors.find((e) => e.param === "actors").message, /not a list of actor identifiers/);
});
