/**
 * What a state looks like and what it says: the map symbols, the legend swatches and the words of the
 * text view all come from here, so they cannot drift apart. Each status has its own shape or pattern
 * (solid disc, split disc, ring, hatched dashed disc, hollow disc), so colour is never the only cue.
 * The server's pictures draw the same shapes (pictures/symbols.py mirrors this module: change both).
 */
import { named } from "./bidi.js";
import { fill, gettext, pgettext } from "./i18n.js";

export const NEUTRAL = "#8a8a8a";
const OUTLINE = "#1f1f1f";

/** The drawing style of a state (null: unknown). `colourOf(actorIndex)` gives an actor's colour. */
export function styleOf(state, colourOf) {
  if (!state || state.status === "unknown") return { kind: "unknown", colours: [] };
  if (state.status === "disputed") {
    const colours = state.sides.map((side) => (side.holder >= 0 ? colourOf(side.holder) : side.others.length ? colourOf(side.others[0].actor) : NEUTRAL));
    return { kind: "disputed", colours: colours.length ? colours : [NEUTRAL] };
  }
  if (state.status === "contested") {
    const colours = state.others.map((o) => colourOf(o.actor));
    return { kind: "contested", colours: colours.length >= 2 ? colours.slice(0, 2) : [colours[0] ?? NEUTRAL, NEUTRAL] };
  }
  if (state.status === "besieged") {
    const besieger = state.others.find((o) => o.role === "besieging");
    return { kind: "besieged", colours: [colourOf(state.holder), besieger ? colourOf(besieger.actor) : NEUTRAL] };
  }
  return { kind: "controlled", colours: [state.holder >= 0 ? colourOf(state.holder) : NEUTRAL] };
}

/**
 * A state as the API writes it (actor slugs: the snapshot's, the areas' and the changes' state fields) as
 * the drawing code reads it (actor indices, as decoded from the timeline); actorIndex(slug) -> index or -1.
 */
export function stateFromApi(props, actorIndex) {
  return {
    status: props.disputed ? "disputed" : props.status,
    holder: props.holder ? actorIndex(props.holder) : -1,
    others: (props.others ?? []).map((o) => ({ actor: actorIndex(o.actor), role: o.role })),
    sides: (props.sides ?? []).map((side) => stateFromApi(side, actorIndex)),
  };
}

/** Radius in pixels for a size class from 1 (site) to 5 (major city). */
export function radiusOf(size) {
  return 3 + 2 * Math.min(5, Math.max(1, size || 3));
}

/** Draws one symbol centred on (x, y) with radius r into a 2D canvas context. */
export function drawSymbol(ctx, x, y, r, style, selected = false) {
  const circle = (radius) => {
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, Math.PI * 2);
  };
  ctx.save();
  ctx.setLineDash([]);
  if (style.kind === "unknown") {
    circle(r * 0.8);
    ctx.fillStyle = "#ffffff";
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = "#6b6b6b";
    ctx.stroke();
  } else if (style.kind === "controlled") {
    circle(r);
    ctx.fillStyle = style.colours[0];
    ctx.fill();
  } else if (style.kind === "besieged") {
    circle(r);
    ctx.fillStyle = style.colours[1];
    ctx.fill();
    circle(r * 0.72);
    ctx.fillStyle = "#ffffff";
    ctx.fill();
    circle(r * 0.55);
    ctx.fillStyle = style.colours[0];
    ctx.fill();
  } else if (style.kind === "contested") {
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.arc(x, y, r, Math.PI / 2, (Math.PI * 3) / 2);
    ctx.fillStyle = style.colours[0];
    ctx.fill();
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.arc(x, y, r, -Math.PI / 2, Math.PI / 2);
    ctx.fillStyle = style.colours[1];
    ctx.fill();
    ctx.beginPath();
    ctx.moveTo(x, y - r);
    ctx.lineTo(x, y + r);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = "#ffffff";
    ctx.stroke();
  } else if (style.kind === "disputed") {
    circle(r);
    ctx.fillStyle = "#ffffff";
    ctx.fill();
    ctx.save();
    circle(r);
    ctx.clip();
    const stripe = Math.max(2, r / 3);
    ctx.lineWidth = stripe;
    for (let i = -4; i * stripe < 2 * r + stripe; i++) {
      ctx.beginPath();
      ctx.moveTo(x - r + i * stripe * 1.6, y + r);
      ctx.lineTo(x - r + i * stripe * 1.6 + 2 * r, y - r);
      ctx.strokeStyle = style.colours[((i % style.colours.length) + style.colours.length) % style.colours.length];
      ctx.stroke();
    }
    ctx.restore();
    ctx.setLineDash([3, 2]);
  }
  if (style.kind !== "unknown") {
    circle(r);
    ctx.lineWidth = 1;
    ctx.strokeStyle = OUTLINE;
    ctx.stroke();
  }
  if (selected) {
    ctx.setLineDash([]);
    circle(r + 3.5);
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = "#0047ab";
    ctx.stroke();
  }
  ctx.restore();
}

/** Names (named() parts) joined as "A, B and C" in the page's language. */
function list(names) {
  if (names.length <= 1) return names;
  const comma = pgettext("list", ", ");
  return [...names.slice(0, -1).flatMap((name, i) => (i ? [comma, name] : [name])), pgettext("list", " and "), names.at(-1)];
}

/**
 * The words for a state: {status, holder}, each a list of strings and named() parts, so that the page
 * isolates every name from the words around it (bidi.js). Each sentence is one translated template
 * (i18n.fill): the language orders its words, the names keep their places.
 */
export function describe(state, nameOf) {
  if (!state || state.status === "unknown") return { status: [pgettext("status", "unknown")], holder: [pgettext("holder", "unknown")] };
  const name = (actor) => named(nameOf(actor));
  const others = (role) => {
    const found = state.others.filter((o) => o.role === role).map((o) => name(o.actor));
    return found.length ? list(found) : [gettext("unknown forces")];
  };
  if (state.status === "controlled") return { status: [pgettext("status", "controlled")], holder: [name(state.holder)] };
  if (state.status === "besieged") return { status: fill(gettext("besieged by %(sides)s"), { sides: others("besieging") }), holder: [name(state.holder)] };
  if (state.status === "contested") {
    return { status: fill(gettext("contested between %(sides)s"), { sides: others("contesting") }), holder: [gettext("none (contested)")] };
  }
  const sides = state.sides.map((side, i) => {
    const words = describe(side, nameOf);
    return [i ? gettext("; others say ") : "", ...(side.status === "controlled" ? heldBy(words.holder) : words.status)];
  });
  return { status: fill(gettext("disputed: reports say %(reports)s"), { reports: sides.flat() }), holder: [pgettext("holder", "disputed")] };
}

/** "held by X", as every list and sentence says it. */
export const heldBy = (holder) => fill(gettext("held by %(holder)s"), { holder });

/** The statuses of the legend, in the order it lists them, with an example style. */
export const LEGEND = [
  { kind: "controlled", label: pgettext("legend", "Held"), text: gettext("solid disc in the holder's colour") },
  { kind: "contested", label: pgettext("legend", "Contested"), text: gettext("disc split between the sides fighting inside") },
  { kind: "besieged", label: pgettext("legend", "Besieged"), text: gettext("holder's disc inside a ring in the besieger's colour") },
  { kind: "disputed", label: pgettext("legend", "Disputed"), text: gettext("hatched disc with a dashed edge: sources disagree") },
  { kind: "unknown", label: pgettext("legend", "Unknown"), text: gettext("hollow grey circle: no sourced claim") },
];

const sprites = new Map();
let painter = null; // the one 2D context every sprite is drawn with

/**
 * The same symbol, drawn once into a small image and then copied: a copy costs a fraction of the arcs,
 * clips and stripes, which is what lets ten thousand places play back smoothly.
 */
export function stampSymbol(ctx, x, y, r, style, selected = false) {
  const sprite = spriteOf(r, style, selected);
  ctx.drawImage(sprite.image, Math.round(x - sprite.half), Math.round(y - sprite.half), 2 * sprite.half, 2 * sprite.half);
}

// The sprites of a style object by radius, unselected: a first render stamps ten thousand symbols of a
// few dozen styles (scene.js keeps one style object per state), and a key string made per stamp cost
// more than the stamps themselves.
const spritesOfStyle = new WeakMap();

/** The sprite of a symbol, drawn on first use (scene.js draws the likely ones ahead, when idle). */
export function spriteOf(r, style, selected = false) {
  if (selected) return spriteByKey(r, style, true);
  let byRadius = spritesOfStyle.get(style);
  if (!byRadius) spritesOfStyle.set(style, (byRadius = new Map()));
  let sprite = byRadius.get(r);
  if (!sprite) byRadius.set(r, (sprite = spriteByKey(r, style, false)));
  return sprite;
}

/**
 * The sprite of a symbol, shared by every style object that draws the same: {image, half}. Every sprite
 * is drawn by one offscreen canvas and taken from it as an ImageBitmap: a canvas element and a context
 * of its own per sprite cost more than the drawing (a first render makes a few hundred), and an image
 * is copied without the snapshot a canvas needs.
 */
function spriteByKey(r, style, selected) {
  const key = `${style.kind}|${style.colours.join()}|${r}|${selected ? 1 : 0}`;
  let sprite = sprites.get(key);
  if (!sprite) {
    const half = Math.ceil(r + (selected ? 6 : 2)); // room for the selection ring only when it is drawn
    const ratio = globalThis.devicePixelRatio || 1;
    painter ??= new OffscreenCanvas(1, 1).getContext("2d");
    painter.canvas.width = painter.canvas.height = 2 * half * ratio; // a blank canvas, its context reset
    painter.scale(ratio, ratio);
    drawSymbol(painter, half, half, r, style, selected);
    sprite = { image: painter.canvas.transferToImageBitmap(), half };
    if (sprites.size > 2000) sprites.clear();
    sprites.set(key, sprite);
  }
  return sprite;
}
