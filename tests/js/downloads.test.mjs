// The Share dialog's download links: the map's own parameters, and no link past the server's frame limit.
import assert from "node:assert/strict";
import { test } from "node:test";

import { parseDay } from "../../static/shared/days.js";
import { downloadAddresses, MAX_FRAMES } from "../../static/web/downloads.js";

const paths = { imagePath: "/image.png", animationPath: "/animation.gif", today: parseDay("2026-11-30") };

test("the picture and the animation show the view of the page", () => {
  const view = { at: parseDay("2017-11-09"), place: "boukamal", lat: 34.45, lng: 40.94, zoom: 9, known: true };
  const found = downloadAddresses(view, { ...paths, from: parseDay("2017-11-01"), step: 1 });
  assert.equal(found.picture, "/image.png?at=2017-11-09&place=boukamal&lat=34.45&lng=40.94&zoom=9&known=1");
  assert.equal(found.animation, "/animation.gif?at=2017-11-09&place=boukamal&lat=34.45&lng=40.94&zoom=9&known=1"
    + "&from=2017-11-01&to=2017-11-09&step=1&width=800&height=600");
  assert.equal(found.problem, null);
  assert.equal(found.span, "1 Nov 2017 to 9 Nov 2017, 9 frames");
});

test("a blank window plays the 90 days up to the date shown, a week a frame", () => {
  const found = downloadAddresses({ at: parseDay("2017-11-09") }, { ...paths, step: 7 });
  assert.match(found.animation, /from=2017-08-11&to=2017-11-09&step=7/);
  assert.equal(downloadAddresses({}, { ...paths, step: 7 }).picture, "/image.png");
  assert.match(downloadAddresses({}, { ...paths, step: 7 }).animation, /to=2026-11-30/);
});

test("too many frames or a reversed window withholds the animation and says why", () => {
  const long = downloadAddresses({}, { ...paths, from: parseDay("2014-01-01"), to: parseDay("2018-01-01"), step: 1 });
  assert.equal(long.animation, null);
  assert.match(long.problem, new RegExp(`1462 frames; at most ${MAX_FRAMES}`));
  const reversed = downloadAddresses({}, { ...paths, from: parseDay("2018-01-01"), to: parseDay("2017-01-01"), step: 1 });
  assert.equal(reversed.animation, null);
  assert.match(reversed.problem, /ends before it starts/);
});
