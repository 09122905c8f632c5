/**
 * The reader and writer of each kind of URL parameter declared in parameters.js: parse(text) returns the
 * value or throws an Error saying what is wrong; write(value) returns the text, or null when the value is
 * the default and is left out of the URL. What is written always reads back the same. The errors a reader
 * may see are in the page's language; the declaration's own words (its axes, help and errors) are English.
 */
import { dayToISO, parseDay } from "./days.js";
import { gettext, interpolate } from "./i18n.js";

const SLUG = /^[-a-z0-9_]{1,200}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const rounded = (value, digits) => String(Number(value.toFixed(digits)));

function inRange(value, min, max, what) {
  if (value < min || value > max) throw new Error(interpolate(gettext("%(what)s must be between %(min)s and %(max)s"), { what, min, max }));
}

function coordinates({ axes }) {
  return {
    parse(text) {
      const parts = text.split(",");
      if (parts.length !== axes.length || !parts.every((part) => NUMBER.test(part.trim()))) throw new Error(interpolate(gettext("not %(count)s numbers"), { count: axes.length }));
      const values = parts.map(Number);
      axes.forEach(([what, min, max], i) => inRange(values[i], min, max, what));
      return values;
    },
    write: (values) => values.map((v) => rounded(v, 4)).join(","),
  };
}

const KINDS = {
  date: () => ({
    parse(text) {
      const day = parseDay(text);
      if (day === null) throw new Error(gettext("not a date"));
      return day;
    },
    write: dayToISO,
  }),
  slug: ({ error }) => ({
    parse(text) {
      if (!SLUG.test(text)) throw new Error(error);
      return text;
    },
    write: (value) => value,
  }),
  slugs: ({ error }) => ({
    parse(text) {
      const slugs = text.split(",").filter(Boolean);
      if (!slugs.length || !slugs.every((slug) => SLUG.test(slug))) throw new Error(error);
      return [...new Set(slugs)];
    },
    write: (value) => (value.length ? value.join(",") : null),
  }),
  number: ({ min, max, digits }) => ({
    parse(text) {
      if (!NUMBER.test(text)) throw new Error(gettext("not a number"));
      const value = Number(text);
      if (value < min || value > max) throw new Error(interpolate(gettext("must be between %(min)s and %(max)s"), { min, max }));
      return value;
    },
    write: (value) => rounded(value, digits),
  }),
  zoom: ({ max }) => ({
    parse(text) {
      if (!/^\d{1,2}$/.test(text) || Number(text) > max) throw new Error(gettext("not a zoom level"));
      return Number(text);
    },
    write: String,
  }),
  flag: ({ yes, no }) => ({
    parse(text) {
      if (yes.includes(text)) return true;
      if (no.includes(text)) return false;
      throw new Error(gettext("not 1 or 0"));
    },
    write: (value) => (value ? "1" : null),
  }),
  coordinates,
  box(declared) {
    const { parse, write } = coordinates(declared);
    return {
      parse(text) {
        const [w, s, e, n] = parse(text);
        if (w >= e || s >= n) throw new Error(gettext("west must be less than east and south less than north"));
        return [w, s, e, n];
      },
      write,
    };
  },
  speed: ({ min, max, words }) => ({
    parse(text) {
      if (text in words) return words[text];
      if (!/^\d+(\.\d+)?$/.test(text)) throw new Error(gettext("not a speed"));
      const value = Number(text);
      inRange(value, min, max, "the speed");
      return value;
    },
    write: (value) => String(value),
  }),
  controls: ({ choices }) => ({
    parse(text) {
      if (text === "" || text === "none") return [];
      const names = text.split(",").map((name) => name.trim()).filter(Boolean);
      const unknown = names.filter((name) => !choices.includes(name));
      if (unknown.length) throw new Error(`unknown control ${unknown.map((n) => JSON.stringify(n)).join(", ")}`);
      return choices.filter((name) => names.includes(name));
    },
    // All controls is the default, so it is not written.
    write: (value) => (value.length === choices.length ? null : value.length ? value.join(",") : "none"),
  }),
  // A span back from the date shown: one of the named periods, or the date it starts from.
  period: ({ words }) => ({
    parse(text) {
      if (words.includes(text)) return text;
      const day = parseDay(text);
      if (day === null) throw new Error(`not ${words.join(", ")} or a date`);
      return day;
    },
    write: (value) => (typeof value === "number" ? dayToISO(value) : value),
  }),
  // The first choice is the default, so it is not written.
  choice: ({ choices }) => ({
    parse(text) {
      if (!choices.includes(text)) throw new Error(`not ${choices.join(" or ")}`);
      return text;
    },
    write: (value) => (value === choices[0] ? null : value),
  }),
};

/** {name: {help, parse, write}} for declared parameters {name: {kind, help, ...}}, in the declared order. */
export function schemaOf(declared) {
  return Object.fromEntries(Object.entries(declared).map(([name, field]) => {
    if (!(field.kind in KINDS)) throw new Error(`parameter ${name}: unknown kind ${JSON.stringify(field.kind)}`);
    return [name, { help: field.help, ...KINDS[field.kind](field) }];
  }));
}
