/**
 * The embeddable widget: the map's shared modules (../shared/) with minimal chrome, configured from the
 * query string (../shared/parameters.js). A malformed or unknown parameter is reported in the console and
 * falls back to its default; the widget still draws. Data: one request (the timeline payload, preloaded
 * by the page); only opening a place's sources fetches more. In an iframe, frame.js keeps the host page
 * scrolling and sizes the frame. Every name shown is isolated for bidirectional text (../shared/bidi.js).
 */
import { formatDay, parseDay } from "../shared/days.js";
import { decodeTimeline } from "../shared/decode.js";
import { getJSON } from "../shared/http.js";
import { formatNumber, gettext, inLanguage, interpolate } from "../shared/i18n.js";
import { renderLegend } from "../shared/legend.js";
import { createMapView } from "../shared/mapview.js";
import { createPanel } from "../shared/panel.js";
import { createScene } from "../shared/scene.js";
import { histogram, nextChangeDay, precisionOfDay, previousChangeDay } from "../shared/state.js";
import { createTextView } from "../shared/textview.js";
import { createTimeline } from "../shared/timeline.js";
import { CONTROLS, EMBED_SCHEMA, embedToMap, MAP_SCHEMA, readState, writeState } from "../shared/urlstate.js";
import { createCard } from "./card.js";
import { cooperativeGestures, heightReports } from "./frame.js";

const config = JSON.parse(document.getElementById("embed-config").textContent);
const $ = (selector) => document.querySelector(selector);
const framed = window.self !== window.top;
const warn = (text) => console.warn(`ControlMap embed: ${text}`);
const SPEEDS = { 1: gettext("1 day per second"), 7: gettext("1 week per second"), 30: gettext("1 month per second") };

// ---- the parameters
const { state: params, errors } = readState(location.search, EMBED_SCHEMA);
for (const error of errors) warn(error.message);
for (const name of new Set(new URLSearchParams(location.search).keys())) {
  if (!(name in EMBED_SCHEMA)) warn(`unknown parameter “${name}” was ignored (known: ${Object.keys(EMBED_SCHEMA).join(", ")}).`);
}
if (params.from !== undefined && params.to !== undefined && params.from > params.to) {
  warn("from is after to: the whole timeline is played instead.");
  delete params.from;
  delete params.to;
}
if (params.known_at !== undefined && !config.knownAt) delete params.known_at; // the server read it as the widget does
const controls = new Set(params.controls ?? CONTROLS);
document.body.classList.toggle("theme-dark", params.theme === "dark");
document.body.classList.toggle("theme-light", params.theme !== "dark");

let today;
try {
  today = decodeTimeline(await getJSON(config.timelineUrl));
} catch (error) {
  try {
    if (!config.knownAt) throw error;
    warn(`the map as reported by ${config.knownAt} could not be loaded (${error.message}); showing it as known today.`);
    delete params.known_at;
    today = decodeTimeline(await getJSON(inLanguage(`${config.api}timeline/`)));
  } catch (lastError) {
    $("#embed-error").textContent = gettext("The map could not load its data. Please try again later.");
    $("#embed-error").hidden = false;
    throw lastError;
  }
}

const places = today.places;
const placeBySlug = new Map(places.map((p) => [p.slug, p]));
const actorSlugs = new Set(today.actors.map((a) => a.slug));
function known(list, what, has) {
  return (list ?? []).filter((slug) => {
    if (!has(slug)) warn(`${what}: “${slug}” is not on this map and was ignored.`);
    return has(slug);
  });
}

// What the widget shows: the parameters less what is not on this map (data-view, once drawn).
const shownParams = {
  ...params,
  actors: known(params.actors, "actors", (s) => actorSlugs.has(s)),
  places: known(params.places, "places", (s) => placeBySlug.has(s)),
  place: known(params.place ? [params.place] : [], "place", (s) => placeBySlug.has(s))[0],
};
const view = {
  place: shownParams.place ?? null,
  mapMoved: Boolean(params.centre || params.bbox || params.zoom !== undefined || params.place || params.places),
};
const only = shownParams.places.length ? new Set(shownParams.places.map((s) => placeBySlug.get(s).index)) : null;
const first = params.from ?? today.first ?? params.at ?? params.known_at ?? 0; // nothing known yet: the knowledge date
const last = Math.max(first, params.to ?? today.last ?? first);
const clampDay = (day) => Math.min(last, Math.max(first, day));
if (params.at !== undefined && clampDay(params.at) !== params.at) warn(`at is outside the dates played (${formatDay(first)} to ${formatDay(last)}): the nearest is shown.`);
if (params.known_at !== undefined) $("#embed-note").textContent = interpolate(gettext("As reported by %(date)s"), { date: formatDay(params.known_at) });

// ---- drawing
let placing = true; // while the widget frames its first view, map moves are not the reader's
const mapView = createMapView($("#map"), {
  L: window.L, tileUrl: config.tileUrl, tileAttribution: config.tileAttribution, outlineUrl: config.outlineUrl,
  center: config.center, zoom: config.zoom, minZoom: config.minZoom, maxZoom: config.maxZoom,
  onPlaceClick: (index) => openCard(places[index].slug),
  onMove: () => {
    if (placing) return;
    view.mapMoved = true;
    updateLink();
  },
});
const scene = createScene({ base: today, mapView, only });
scene.actors = new Set(shownParams.actors);
scene.day = clampDay(params.at ?? last);
const textView = createTextView($("#text-view"), { onPlaceClick: (index) => openCard(places[index].slug, true) });
textView.setPlaces(places);
let drawnOnce = false;

/** Draws the current day; from the day drawn last only the places that change in between are looked up. */
function render() {
  const full = !drawnOnce;
  const { changed, relist } = scene.draw(full);
  if (full) mapView.relabel();
  if (relist) textView.show(scene.visible, scene.rowFor);
  else textView.update(changed, scene.rowFor);
  drawnOnce = true;
  if (card.slug) card.fill();
  updateLink();
}

// ---- the map's first view: bbox, else centre and zoom, else the place(s), else every place
const focusPlaces = only ? places.filter((p) => only.has(p.index)) : view.place ? [placeBySlug.get(view.place)] : places;
if (params.bbox) {
  const [w, s, e, n] = params.bbox;
  mapView.map.fitBounds([[s, w], [n, e]], { animate: false });
} else if (params.centre) {
  mapView.setView(params.centre[0], params.centre[1], params.zoom ?? config.zoom);
} else if (focusPlaces.length === 1 && view.place) {
  mapView.setView(focusPlaces[0].lat, focusPlaces[0].lon, params.zoom ?? 8);
} else {
  mapView.fitPlaces(focusPlaces);
  if (params.zoom !== undefined) mapView.map.setZoom(params.zoom, { animate: false });
}
placing = false;
mapView.setPlaces(places); // after the first view is framed: ten thousand places are not projected twice
if (view.place) mapView.select(placeBySlug.get(view.place).index);

// ---- the link to the same view on the main site
function updateLink() {
  const state = { at: scene.day, place: card.slug ?? view.place, actors: [...scene.actors], known_at: params.known_at };
  if (view.mapMoved) {
    const { lat, lng, zoom } = mapView.view();
    Object.assign(state, { centre: [lat, lng], zoom });
  }
  $("#full-map").href = new URL(`${config.mapUrl}${writeState(embedToMap(state), MAP_SCHEMA)}`, location.href).href;
}

// ---- the place card and its sources
const panel = createPanel($("#panel"), {
  historyUrl: (slug) => inLanguage(`${config.api}places/${encodeURIComponent(slug)}/history/${params.known_at !== undefined ? `?known_at=${config.knownAt}` : ""}`),
  sourceUrl: (key) => config.sourceUrl.replace("KEY", encodeURIComponent(key)),
  nameOf: (slug) => today.actors.find((a) => a.slug === slug)?.name ?? slug,
  onClose: () => panel.close(),
});
const card = createCard({
  scene, panel, mapView, placeBySlug,
  onChange: (slug) => {
    view.place = slug;
    updateLink();
  },
});
function openCard(slug, focus = false) {
  if (controls.has("panel")) card.open(slug, focus);
}

// ---- the timeline (also the playback engine when its bar is hidden)
const speed = params.speed ?? 7;
const speeds = [...new Set([1, 7, 30, speed])].sort((a, b) => a - b);
const timeline = createTimeline($("#timeline"), {
  first, last, changeDays: today.changeDays.filter((d) => d >= first && d <= last), histogram: (edges) => histogram(today, edges), speed,
  speeds: speeds.map((days) => ({ days, label: SPEEDS[days] ?? interpolate(gettext("%(days)s days per second"), { days: formatNumber(days) }) })),
  label: (day) => formatDay(day, precisionOfDay(today, day)),
  parse: parseDay,
  next: (day) => nextChangeDay(today, day), previous: (day) => previousChangeDay(today, day),
  onDay: (day) => {
    scene.day = day;
    render();
    if (panel.slug) panel.setDay(day);
  },
  onPlay: (playing) => {
    document.body.classList.toggle("playing", playing);
    if (!playing) mapView.relabel();
    if (!playing && params.loop && timeline.day >= last) setTimeout(() => timeline.play(), 1200);
  },
});
timeline.show(scene.day);
$("#timeline").hidden = !controls.has("timeline");
$("#legend-box").hidden = !controls.has("legend");
renderLegend($("#legend"), today.actors);
render();
if (view.place) openCard(view.place);

const sendHeight = framed ? heightReports() : null;
if (framed) cooperativeGestures(mapView.map, $("#map"), $("#map-hint"));

// ---- play
const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
if (params.autoplay && calm) console.info("ControlMap embed: autoplay is off because the reader prefers reduced motion.");
else if (params.autoplay) timeline.play();
await mapView.outlineLoaded;
sendHeight?.(true);
document.body.dataset.view = writeState(shownParams, EMBED_SCHEMA);
document.body.dataset.readyMs = String(Math.round(performance.now()));
document.body.dataset.ready = "true";
