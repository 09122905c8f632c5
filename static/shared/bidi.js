/**
 * Names among the page's own words, isolated for bidirectional text. A place, side, outlet or claimant
 * written in Arabic, or carrying a right-to-left override (U+202E), is laid out on its own and cannot
 * reorder the words and dates around it: in the page each name goes in a <bdi> (direction from its own
 * first strong letter, any override ending with it); where only plain text fits (an attribute, copied
 * code) it goes between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, the same isolation in characters.
 */

const ISOLATE_MARKS = /[\u2066-\u2069]/g;

/** A name among words: describe() and the callers of phrase() mark names with it. */
export const named = (name) => ({ name });

/** A <bdi> holding `text`, as text, never markup. */
export function isolated(text) {
  const bdi = document.createElement("bdi");
  bdi.textContent = text;
  return bdi;
}

/** Nodes for `parts` (nested lists allowed): strings as text, named() parts in a <bdi> each, nodes as they are. */
export function phrase(...parts) {
  return parts.flat(Infinity).filter((part) => part !== "" && part !== null && part !== undefined)
    .map((part) => (typeof part === "string" ? document.createTextNode(part) : part instanceof Node ? part : isolated(part.name)));
}

/** `parts` as plain text, names as they are: for sorting and comparing, never for display. */
export const plain = (parts) => parts.flat(Infinity).map((part) => (typeof part === "string" ? part : part.name)).join("");

/**
 * `name` isolated in plain text. Isolation marks inside the name are dropped, so a name cannot end its
 * isolation early and spill into the text after it.
 */
export const isolatedText = (name) => `\u2068${String(name).replace(ISOLATE_MARKS, "")}\u2069`;

/** The parts with their first letter capitalised (the start of a sentence). */
export function capitalised(parts) {
  const [first, ...rest] = parts;
  return typeof first === "string" && first ? [first[0].toUpperCase() + first.slice(1), ...rest] : parts;
}
