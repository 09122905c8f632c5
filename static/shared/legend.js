/**
 * The legend: every status with its symbol drawn by the map's own drawing code, in words as well,
 * and every side with its colour. Symbols are decorative (aria-hidden); the words carry the meaning.
 */
import { isolated } from "./bidi.js";
import { gettext, interpolate } from "./i18n.js";
import { drawSymbol, LEGEND, NEUTRAL, radiusOf } from "./symbols.js";

function swatch(style, size = 3) {
  const r = radiusOf(size);
  const side = 2 * r + 10;
  const canvas = document.createElement("canvas");
  const ratio = window.devicePixelRatio || 1;
  canvas.width = side * ratio;
  canvas.height = side * ratio;
  canvas.style.width = `${side}px`;
  canvas.style.height = `${side}px`;
  canvas.setAttribute("aria-hidden", "true");
  const ctx = canvas.getContext("2d");
  ctx.scale(ratio, ratio);
  drawSymbol(ctx, side / 2, side / 2, r, style);
  return canvas;
}

/** Fills `container` with the legend for `actors` ([{name, colour}]). */
export function renderLegend(container, actors) {
  const [a, b] = [actors[0]?.colour ?? NEUTRAL, actors[1]?.colour ?? NEUTRAL];
  const statuses = document.createElement("ul");
  statuses.className = "legend-list";
  for (const entry of LEGEND) {
    const colours = entry.kind === "controlled" ? [a] : entry.kind === "unknown" ? [] : [a, b];
    const li = document.createElement("li");
    const text = document.createElement("span");
    const strong = document.createElement("strong");
    strong.textContent = entry.label;
    text.append(strong, document.createTextNode(interpolate(gettext(": %(text)s"), { text: entry.text })));
    li.append(swatch({ kind: entry.kind, colours }), text);
    statuses.append(li);
  }
  const sides = document.createElement("ul");
  sides.className = "legend-list legend-sides";
  for (const actor of actors) {
    const li = document.createElement("li");
    li.append(swatch({ kind: "controlled", colours: [actor.colour] }, 1), isolated(actor.name));
    sides.append(li);
  }
  const sizes = document.createElement("p");
  sizes.className = "legend-note";
  sizes.textContent = gettext("Symbol size follows the size of the place, from a hamlet or site to a major city. "
    + "A place with an area (a district, a governorate) is also drawn as that area, in the same colours and patterns.");
  const sidesTitle = document.createElement("h3");
  sidesTitle.textContent = gettext("Sides");
  container.replaceChildren(statuses, sidesTitle, sides, sizes);
}
