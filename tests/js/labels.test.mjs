// Unit tests of the choice of place names on the map (static/shared/labels.js): pure, so ten thousand
// places are cheap to try here; the browser tests check the drawn names' boxes.
import assert from "node:assert/strict";
import { test } from "node:test";

import { chooseLabels, labelBudget, smallestNamedSize } from "../../static/shared/labels.js";

/** A reproducible scatter of `count` places over a width × height map, sizes 1 to 5. */
function scatter(count, width, height) {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: count }, (_, index) => {
    const size = 1 + Math.floor(random() * 5);
    return { index, size, x: random() * width, y: random() * height, r: 3 + 2 * size };
  }).sort((a, b) => b.size - a.size || a.index - b.index);
}

const overlap = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

for (const [width, height] of [[1280, 560], [360, 420]]) {
  test(`at ${width} px, ten thousand places give a bounded set of names that never overlap`, () => {
    const candidates = scatter(10000, width, height);
    const max = labelBudget(width, height);
    const started = performance.now();
    const chosen = chooseLabels(candidates, { width, height, max, widthOf: (i) => 40 + (i % 7) * 12 });
    const took = performance.now() - started;
    assert.ok(chosen.length > 5 && chosen.length <= max, `${chosen.length} names, at most ${max}`);
    assert.ok(took < 50, `chosen in ${took.toFixed(1)} ms`);
    for (let i = 0; i < chosen.length; i++) {
      const box = chosen[i];
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.w <= width && box.y + box.h <= height, "inside the map");
      for (let j = i + 1; j < chosen.length; j++) assert.ok(!overlap(box, chosen[j]), `names ${box.index} and ${chosen[j].index} overlap`);
      // No name covers the symbol of another named place.
      for (const other of chosen) {
        if (other === box) continue;
        const c = candidates.find((p) => p.index === other.index);
        assert.ok(!overlap(box, { x: c.x - c.r, y: c.y - c.r, w: 2 * c.r, h: 2 * c.r }), "a name covers a labelled symbol");
      }
    }
  });
}

test("the biggest places are named first: a small place gives way to a big one nearby", () => {
  const candidates = [
    { index: 0, size: 5, x: 100, y: 100, r: 13 },
    { index: 1, size: 1, x: 104, y: 102, r: 5 },
    { index: 2, size: 1, x: 300, y: 100, r: 5 },
  ];
  const chosen = chooseLabels(candidates, { width: 500, height: 300, max: 10, widthOf: () => 60 });
  assert.deepEqual(chosen.map((box) => box.index), [0, 2]);
  assert.equal(chosen[0].x, 100 + 13 + 3, "right of its symbol");
});

test("a name that does not fit right of its symbol goes left of it; one that fits nowhere is left out", () => {
  const chosen = chooseLabels([{ index: 0, size: 3, x: 480, y: 50, r: 9 }], { width: 500, height: 100, max: 5, widthOf: () => 60 });
  assert.equal(chosen[0].x, 480 - 9 - 3 - 60);
  assert.deepEqual(chooseLabels([{ index: 0, size: 3, x: 30, y: 50, r: 9 }], { width: 60, height: 100, max: 5, widthOf: () => 80 }), []);
});

test("zooming in names smaller places", () => {
  assert.equal(smallestNamedSize(4), 5);
  assert.equal(smallestNamedSize(6), 3);
  assert.equal(smallestNamedSize(8), 1);
  assert.equal(smallestNamedSize(14), 1);
  assert.ok(labelBudget(360, 400) < labelBudget(1280, 600));
});
