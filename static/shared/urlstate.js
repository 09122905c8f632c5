/**
 * The view in the URL, for the main map and the embed widget, read and written by the schemas that
 * fields.js builds from parameters.js: a malformed parameter is reported and ignored instead of
 * breaking the page. Also the translation between a main-map view and a widget view, from the same
 * declaration (embed/parameters.py translates a map address for oEmbed by it too).
 */
import { schemaOf } from "./fields.js";
import { gettext, interpolate } from "./i18n.js";
import PARAMETERS from "./parameters.js";

export const MAP_SCHEMA = schemaOf(PARAMETERS.map);
export const EMBED_SCHEMA = schemaOf(PARAMETERS.embed);
/** The widget's optional controls, in the order the widget lists them. */
export const CONTROLS = PARAMETERS.embed.controls.choices;

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
      errors.push({ param: name, value, message: interpolate(gettext("%(name)s=%(value)s was ignored: %(error)s (expected %(help)s)."),
        { name, value: JSON.stringify(value), error: error.message, help: field.help }) });
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

const translated = Object.entries(PARAMETERS.embed).filter(([, field]) => field.map);

/** The widget view showing a main-map view ({at, place, lat, lng, zoom, actors, known}). */
export function mapToEmbed(view) {
  const state = {};
  for (const [name, { map: source, if: flag }] of translated) {
    if (Array.isArray(source)) {
      if (source.every((part) => view[part] !== undefined)) state[name] = source.map((part) => view[part]);
    } else if (!flag || view[flag]) {
      state[name] = view[source];
    }
  }
  return state;
}

/**
 * The main-map view of a widget view. "As reported then" on the main map means known at the date shown,
 * so a widget fixed to another knowledge date opens as known today.
 */
export function embedToMap(state) {
  const view = {};
  for (const [name, { map: source, if: flag }] of translated) {
    if (Array.isArray(source)) {
      if (state[name]) source.forEach((part, i) => { view[part] = state[name][i]; });
    } else if (flag) {
      if (state[name] !== undefined && state[name] === state[source]) view[flag] = true;
    } else {
      view[source] = state[name];
    }
  }
  return view;
}
