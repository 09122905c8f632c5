// Unit tests of the browser modules' translation helpers (static/shared/i18n.js) and of date labels
// without a catalogue (English): the browser tests check Arabic and Sorani pages.
import assert from "node:assert/strict";
import { test } from "node:test";

import { formatDay, parseDay } from "../../static/shared/days.js";
import { corner, fill, gettext, inLanguage, interpolate, language, ngettext, pgettext } from "../../static/shared/i18n.js";

test("without a catalogue every string is its English self", () => {
  assert.equal(language, "en");
  assert.equal(gettext("Play"), "Play");
  assert.equal(pgettext("status", "controlled"), "controlled");
  assert.equal(ngettext("%(count)s place found", "%(count)s places found", 1), "%(count)s place found");
  assert.equal(ngettext("%(count)s place found", "%(count)s places found", 2), "%(count)s places found");
});

test("a template's slots take names as parts, lists spread, so that bidi.phrase isolates each name", () => {
  const name = { name: "البوكمال" };
  assert.deepEqual(fill("held by %(holder)s, since %(since)s.", { holder: [name], since: "3 Nov 2017" }),
    ["held by ", name, ", since 3 Nov 2017."]);
  assert.deepEqual(fill("%(status)s", { status: ["besieged by ", name] }), ["besieged by ", name]);
  assert.equal(interpolate("On %(date)s", { date: "3 Nov 2017" }), "On 3 Nov 2017");
});

test("English addresses and corners are left as they are", () => {
  assert.equal(inLanguage("/api/v2/timeline/"), "/api/v2/timeline/");
  assert.equal(corner("topright"), "topright");
});

test("English date labels keep the precision rules", () => {
  assert.equal(formatDay(parseDay("2017-11-03")), "3 Nov 2017");
  assert.equal(formatDay(parseDay("2017-09"), "month"), "Sep 2017");
  assert.equal(formatDay(parseDay("2014-11"), "approximate"), "c. Nov 2014");
  assert.equal(formatDay(parseDay("2017"), "year"), "2017");
});
