// Unit tests of the words for a state: every name comes out as a part of its own, so the page can
// isolate it for bidirectional text, and the plain-text isolation cannot be closed early by a name.
import assert from "node:assert/strict";
import { test } from "node:test";

import { capitalised, isolatedText, plain } from "../../static/shared/bidi.js";
import { describe } from "../../static/shared/symbols.js";

const names = ["Syrian Army", "\u202eSDF", "الجيش السوري"];
const nameOf = (i) => names[i];

test("every actor name is a named part, never run into the words", () => {
  const besieged = describe({ status: "besieged", holder: 0, others: [{ role: "besieging", actor: 1 }, { role: "besieging", actor: 2 }] }, nameOf);
  assert.deepEqual(besieged.holder, [{ name: "Syrian Army" }]);
  assert.deepEqual(besieged.status, ["besieged by ", { name: "\u202eSDF" }, " and ", { name: "الجيش السوري" }]);
  const disputed = describe({
    status: "disputed",
    sides: [{ status: "controlled", holder: 2, others: [] }, { status: "contested", others: [{ role: "contesting", actor: 0 }, { role: "contesting", actor: 1 }] }],
  }, nameOf);
  assert.equal(plain(disputed.status), "disputed: reports say held by الجيش السوري; others say contested between Syrian Army and \u202eSDF");
  assert.deepEqual(disputed.status.filter((part) => typeof part !== "string"), [{ name: "الجيش السوري" }, { name: "Syrian Army" }, { name: "\u202eSDF" }]);
  assert.deepEqual(describe(null, nameOf), { status: ["unknown"], holder: ["unknown"] });
  assert.equal(plain(capitalised(describe({ status: "contested", others: [] }, nameOf).status)), "Contested between unknown forces");
});

test("plain-text isolation wraps the name in FSI and PDI, and drops isolation marks inside it", () => {
  assert.equal(isolatedText("\u202eSDF"), "\u2068\u202eSDF\u2069");
  assert.equal(isolatedText("Raqqa\u2069\u202e tail"), "\u2068Raqqa\u202e tail\u2069");
});
