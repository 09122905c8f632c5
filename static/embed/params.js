/**
 * The widget's parameters, declared as a schema for web/urlstate.js (the same reader and writer as the
 * main map's URL), and the translation between a main-map view and a widget view. embed/views.py
 * (oEmbed) lists the same names in the same order and translates a map address the same way.
 */
import { MAP_SCHEMA } from "../web/urlstate.js";

export const CONTROLS = ["timeline", "legend", "panel"];
const SPEED_WORDS = { day: 1, week: 7, month: 30 };

const coordinates = (count, help, check) => ({
  help,
  parse(text) {
    const parts = text.split(",");
    if (parts.length !== count || !parts.every((part) => /^-?\d+(\.\d+)?$/.test(part.trim()))) throw new Error(`not ${count} numbers`);
    const values = parts.map(Number);
    check(values);
    return values;
  },
  write: (values) => values.map((v) => String(Number(v.toFixed(4)))).join(","),
});

const flag = (help) => ({
  help,
  parse(text) {
    if (["1", "true", "yes", "on"].includes(text)) return true;
    if (["0", "false", "no", "off"].includes(text)) return false;
    throw new Error("not 1 or 0");
  },
  write: (value) => (value ? "1" : null),
});

const inRange = (value, min, max, what) => {
  if (value < min || value > max) throw new Error(`${what} must be between ${min} and ${max}`);
};

export const EMBED_SCHEMA = {
  at: MAP_SCHEMA.at,
  from: { ...MAP_SCHEMA.at, help: "the first date to play, such as 2017-11-08" },
  to: { ...MAP_SCHEMA.at, help: "the last date to play, such as 2017-11-20" },
  place: MAP_SCHEMA.place,
  places: { ...MAP_SCHEMA.actors, help: "place identifiers separated by commas" },
  centre: coordinates(2, "a latitude and a longitude separated by a comma, such as 35.33,40.14", ([lat, lng]) => {
    inRange(lat, -90, 90, "the latitude");
    inRange(lng, -180, 180, "the longitude");
  }),
  zoom: MAP_SCHEMA.zoom,
  bbox: coordinates(4, "west,south,east,north in degrees, such as 38,33,44,37", ([w, s, e, n]) => {
    inRange(w, -180, 180, "west");
    inRange(e, -180, 180, "east");
    inRange(s, -90, 90, "south");
    inRange(n, -90, 90, "north");
    if (w >= e || s >= n) throw new Error("west must be less than east and south less than north");
  }),
  actors: MAP_SCHEMA.actors,
  known_at: { ...MAP_SCHEMA.at, help: "a date: show what had been published by then" },
  autoplay: flag("1 to play on load"),
  speed: {
    help: "days per second (0.1 to 3650), or day, week or month",
    parse(text) {
      if (text in SPEED_WORDS) return SPEED_WORDS[text];
      if (!/^\d+(\.\d+)?$/.test(text)) throw new Error("not a speed");
      const value = Number(text);
      inRange(value, 0.1, 3650, "the speed");
      return value;
    },
    write: (value) => String(value),
  },
  loop: flag("1 to start again at the end"),
  controls: {
    help: `none, or any of ${CONTROLS.join(", ")} separated by commas`,
    parse(text) {
      if (text === "" || text === "none") return [];
      const names = text.split(",").map((name) => name.trim()).filter(Boolean);
      const unknown = names.filter((name) => !CONTROLS.includes(name));
      if (unknown.length) throw new Error(`unknown control ${unknown.map((n) => JSON.stringify(n)).join(", ")}`);
      return CONTROLS.filter((name) => names.includes(name));
    },
    // All controls is the default, so it is not written.
    write: (value) => (value.length === CONTROLS.length ? null : value.length ? value.join(",") : "none"),
  },
  theme: {
    help: "light or dark",
    parse(text) {
      if (text !== "light" && text !== "dark") throw new Error("not light or dark");
      return text;
    },
    write: (value) => (value === "dark" ? "dark" : null),
  },
};

/** The widget view showing a main-map view ({at, place, lat, lng, zoom, actors, known}). */
export function mapToEmbed(view) {
  const state = { at: view.at, place: view.place, zoom: view.zoom, actors: view.actors };
  if (view.lat !== undefined && view.lng !== undefined) state.centre = [view.lat, view.lng];
  if (view.known && view.at !== undefined) state.known_at = view.at;
  return state;
}

/**
 * The main-map view of a widget view. "As reported then" on the main map means known at the date shown,
 * so a widget fixed to another knowledge date opens as known today.
 */
export function embedToMap(state) {
  const view = { at: state.at, place: state.place, zoom: state.zoom, actors: state.actors };
  if (state.centre) [view.lat, view.lng] = state.centre;
  if (state.known_at !== undefined && state.known_at === state.at) view.known = true;
  return view;
}
