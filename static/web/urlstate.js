/**
 * The view in the URL, declared once as a schema: each parameter's parser and writer live together,
 * so what is written always reads back the same (round trip), and a malformed parameter is reported
 * and ignored instead of breaking the page.
 */
import { dayToISO, parseDay } from "./state.js";

const SLUG = /^[-a-z0-9_]{1,200}$/;

const number = (min, max, digits) => ({
  parse(text) {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error("not a number");
    const value = Number(text);
    if (value < min || value > max) throw new Error(`must be between ${min} and ${max}`);
    return value;
  },
  write: (value) => (digits === 0 ? String(Math.round(value)) : String(Number(value.toFixed(digits)))),
});

/** The main map's parameters. The embed widget declares its own schema with the same parser. */
export const MAP_SCHEMA = {
  at: {
    help: "a date such as 2017-11-03, 2017-11 or 2017",
    parse(text) {
      const day = parseDay(text);
      if (day === null) throw new Error("not a date");
      return day;
    },
    write: dayToISO,
  },
  place: {
    help: "a place identifier such as deir-el-zour",
    parse(text) {
      if (!SLUG.test(text)) throw new Error("not a place identifier");
      return text;
    },
    write: (value) => value,
  },
  lat: { help: "a latitude", ...number(-90, 90, 4) },
  lng: { help: "a longitude", ...number(-180, 180, 4) },
  zoom: {
    help: "a zoom level from 0 to 20",
    parse(text) {
      if (!/^\d{1,2}$/.test(text) || Number(text) > 20) throw new Error("not a zoom level");
      return Number(text);
    },
    write: String,
  },
  actors: {
    help: "actor identifiers separated by commas",
    parse(text) {
      const slugs = text.split(",").filter(Boolean);
      if (!slugs.length || !slugs.every((slug) => SLUG.test(slug))) throw new Error("not a list of actor identifiers");
      return [...new Set(slugs)];
    },
    write: (value) => (value.length ? value.join(",") : null),
  },
  known: {
    help: "1 to show the map as reported at the date, 0 as known today",
    parse(text) {
      if (text === "1" || text === "true") return true;
      if (text === "0" || text === "false") return false;
      throw new Error("not 1 or 0");
    },
    write: (value) => (value ? "1" : null),
  },
};

/**
 * Reads the parameters of `search` ("?at=...") that the schema knows.
 * Returns {state, errors}: state holds only the valid parameters; errors lists
 * {param, value, message} for each malformed one. Unknown parameters are left alone.
 */
export function readState(search, schema = MAP_SCHEMA) {
  const params = new URLSearchParams(search);
  const state = {};
  const errors = [];
  for (const [name, field] of Object.entries(schema)) {
    if (!params.has(name)) continue;
    const value = params.get(name);
    try {
      state[name] = field.parse(value.trim());
    } catch (error) {
      errors.push({ param: name, value, message: `${name}=${JSON.stringify(value)} was ignored: ${error.message} (expected ${field.help}).` });
    }
  }
  return { state, errors };
}

/** The query string for `state`, parameters in schema order, empty values left out ("" when nothing is set). */
export function writeState(state, schema = MAP_SCHEMA) {
  const params = new URLSearchParams();
  for (const [name, field] of Object.entries(schema)) {
    const value = state[name];
    if (value === undefined || value === null) continue;
    const text = field.write(value);
    if (text !== null && text !== "") params.set(name, text);
  }
  const query = params.toString().replace(/%2C/g, ",");
  return query ? `?${query}` : "";
}
