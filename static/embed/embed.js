/**
 * The embeddable widget: the public map's modules with minimal chrome, configured from the query string
 * (params.js). A malformed or unknown parameter is reported in the console and falls back to its default;
 * the widget still draws. Data: one request (the timeline payload, preloaded by the page); only opening a
 * place's sources fetches more. Inside an iframe the host page keeps scrolling: the map takes the wheel and
 * one-finger drags only after the reader clicks it (two-finger gestures always work), and a hint says so.
 * With the host's loader script (loader.js) the widget asks for the height that fits its content.
 * Every name shown is isolated for bidirectional text (../web/bidi.js).
 */
import { capitalised, isolated, phrase } from "../web/bidi.js";
import { renderLegend } from "../web/legend.js";
import { createMapView } from "../web/mapview.js";
import { createPanel } from "../web/panel.js";
import {
  actorsOf, advanceSnapshot, changedPlaces, decodeTimeline, formatDay, nextChangeDay, parseDay, placeStateAt, precisionOfDay,
  previousChangeDay, snapshot, UNKNOWN,
} from "../web/state.js";
import { describe, styleOf } from "../web/symbols.js";
import { createTextView } from "../web/textview.js";
import { createTimeline } from "../web/timeline.js";
import { MAP_SCHEMA, readState, writeState } from "../web/urlstate.js";
import { CONTROLS, EMBED_SCHEMA, embedToMap } from "./params.js";

const config = JSON.parse(document.getElementById("embed-config").textContent);
const $ = (selector) => document.querySelector(selector);
const framed = window.self !== window.top;
const warn = (text) => console.warn(`ControlMap embed: ${text}`);

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

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

function fail(text) {
  $("#embed-error").textContent = text;
  $("#embed-error").hidden = false;
}

let today;
try {
  today = decodeTimeline(await getJSON(config.timelineUrl));
} catch (error) {
  try {
    if (!config.knownAt) throw error;
    warn(`the map as reported by ${config.knownAt} could not be loaded (${error.message}); showing it as known today.`);
    delete params.known_at;
    today = decodeTimeline(await getJSON(`${config.api}timeline/`));
  } catch (lastError) {
    fail("The map could not load its data. Please try again later.");
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
  actors: new Set(shownParams.actors),
  only: shownParams.places.length ? new Set(shownParams.places.map((s) => placeBySlug.get(s).index)) : null,
  place: shownParams.place ?? null,
  mapMoved: Boolean(params.centre || params.bbox || params.zoom !== undefined || params.place || params.places),
};
const first = params.from ?? today.first ?? params.at ?? params.known_at ?? 0; // nothing known yet: the knowledge date
const last = Math.max(first, params.to ?? today.last ?? first);
const clampDay = (day) => Math.min(last, Math.max(first, day));
if (params.at !== undefined && clampDay(params.at) !== params.at) warn(`at is outside the dates played (${formatDay(first)} to ${formatDay(last)}): the nearest is shown.`);
view.day = clampDay(params.at ?? last);
if (params.known_at !== undefined) $("#embed-note").textContent = `As reported by ${formatDay(params.known_at)}`;

// ---- drawing
let placing = true; // while the widget frames its first view, map moves are not the reader's
const card = { slug: null }; // the place whose card is open
const nameOfIndex = (i) => (i >= 0 ? today.actors[i].name : "unknown");
const colourOf = (i) => (i >= 0 ? today.actors[i].colour : "#8a8a8a");
const scratch = new Int32Array(places.length);
const shown = new Int32Array(places.length); // the state index of every place as drawn, on shownDay
let shownDay = null;
const all = places.map((p) => p.index);
let drawnOnce = false;

function visible(index) {
  if (view.only && !view.only.has(index)) return false;
  if (!view.actors.size) return true;
  return actorsOf(today.states[shown[index]]).some((a) => view.actors.has(today.actors[a]?.slug));
}

const symbolFor = (index) => (visible(index) ? styleOf(shown[index] === UNKNOWN ? null : today.states[shown[index]], colourOf) : null);

function rowFor(index) {
  const at = placeStateAt(today, index, view.day);
  return { ...describe(at.state, nameOfIndex), since: at.since === null ? "—" : formatDay(at.since, at.precision) };
}

const mapView = createMapView($("#map"), {
  L: window.L, tileUrl: config.tileUrl, tileAttribution: config.tileAttribution, outlineUrl: config.outlineUrl,
  center: config.center, zoom: config.zoom, minZoom: config.minZoom, maxZoom: config.maxZoom,
  onPlaceClick: (index) => controls.has("panel") && openCard(places[index].slug),
  onMove: () => {
    if (placing) return;
    view.mapMoved = true;
    updateLink();
  },
});
const textView = createTextView($("#text-view"), { onPlaceClick: (index) => openCard(places[index].slug, true) });
textView.setPlaces(places);

/** Draws the current day; from the day drawn last only the places that change in between are looked up. */
function render() {
  let changed = drawnOnce ? advanceSnapshot(today, shownDay, view.day, shown, places.length) : null;
  if (changed === null) {
    snapshot(today, view.day, scratch);
    changed = drawnOnce ? changedPlaces(shown, scratch) : all;
    shown.set(scratch);
  }
  shownDay = view.day;
  mapView.restyle(changed, symbolFor);
  if (!drawnOnce || (view.actors.size && changed.length)) textView.show(visible, rowFor);
  else textView.update(changed, rowFor);
  drawnOnce = true;
  if (card.slug) fillCard();
  updateLink();
}

// ---- the map's first view: bbox, else centre and zoom, else the place(s), else every place
const focusPlaces = view.only ? places.filter((p) => view.only.has(p.index)) : view.place ? [placeBySlug.get(view.place)] : places;
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
  const state = { at: view.day, place: card.slug ?? view.place, actors: [...view.actors], known_at: params.known_at };
  if (view.mapMoved) {
    const { lat, lng, zoom } = mapView.view();
    Object.assign(state, { centre: [lat, lng], zoom });
  }
  $("#full-map").href = new URL(`${config.mapUrl}${writeState(embedToMap(state), MAP_SCHEMA)}`, location.href).href;
}

// ---- the place card: the state from the timeline; the sources only when asked (one more request)
const panel = createPanel($("#panel"), {
  historyUrl: (slug) => `${config.api}places/${encodeURIComponent(slug)}/history/${params.known_at !== undefined ? `?known_at=${config.knownAt}` : ""}`,
  sourceUrl: (key) => config.sourceUrl.replace("KEY", encodeURIComponent(key)),
  nameOf: (slug) => today.actors.find((a) => a.slug === slug)?.name ?? slug,
  onClose: () => panel.close(),
});

function fillCard() {
  const place = placeBySlug.get(card.slug);
  const at = placeStateAt(today, place.index, view.day);
  const words = describe(at.state, nameOfIndex);
  const what = !at.state ? "Unknown: no sourced claim for this date"
    : at.state.status === "controlled" ? ["Held by ", words.holder] : capitalised(words.status);
  $("#card-title").replaceChildren(isolated(place.name));
  $("#card-state").replaceChildren(...phrase(what, at.since === null ? "." : `, since ${formatDay(at.since, at.precision)}.`));
}

function openCard(slug, focus = false) {
  if (!controls.has("panel")) return;
  card.slug = slug;
  view.place = slug;
  mapView.select(placeBySlug.get(slug).index);
  panel.close();
  fillCard();
  $("#place-card").hidden = false;
  if (focus) $("#card-title").focus({ preventScroll: true });
  updateLink();
}

$("#card-close").addEventListener("click", () => {
  card.slug = null;
  view.place = null;
  panel.close();
  mapView.select(-1);
  $("#place-card").hidden = true;
  updateLink();
});
$("#card-sources").addEventListener("click", () => panel.open(card.slug, view.day));

// ---- the timeline (also the playback engine when its bar is hidden)
const speeds = [1, 7, 30];
const speed = params.speed ?? 7;
if (!speeds.includes(speed)) speeds.push(speed);
speeds.sort((a, b) => a - b);
const changeDays = today.changeDays.filter((d) => d >= first && d <= last);
const bins = new Array(40).fill(0);
today.changeDays.forEach((d, i) => {
  if (d >= first && d <= last) bins[Math.min(39, Math.floor(((d - first) / (last - first + 1)) * 40))] += today.changeCounts[i];
});
const timeline = createTimeline($("#timeline"), {
  first, last, changeDays, histogram: bins, speed,
  speeds: speeds.map((days) => ({ days, label: days === 1 ? "1 day per second" : days === 7 ? "1 week per second" : days === 30 ? "1 month per second" : `${days} days per second` })),
  label: (day) => formatDay(day, precisionOfDay(today, day)),
  parse: parseDay,
  next: (day) => nextChangeDay(today, day), previous: (day) => previousChangeDay(today, day),
  onDay: (day) => {
    view.day = day;
    render();
    if (panel.slug) panel.setDay(day);
  },
  onPlay: (playing) => {
    document.body.classList.toggle("playing", playing);
    if (!playing && params.loop && timeline.day >= last) setTimeout(() => timeline.play(), 1200);
  },
});
timeline.show(view.day);
$("#timeline").hidden = !controls.has("timeline");
$("#legend-box").hidden = !controls.has("legend");
renderLegend($("#legend"), today.actors);
render();
if (view.place && controls.has("panel")) openCard(view.place);

// ---- cooperative gestures inside an iframe
if (framed) {
  const { map } = mapView;
  const element = $("#map");
  const hint = $("#map-hint");
  let active = false;
  let timer = 0;
  const say = (text) => {
    hint.textContent = text;
    hint.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(() => { hint.hidden = true; }, 2000);
  };
  const setActive = (value) => {
    active = value;
    for (const handler of [map.scrollWheelZoom, map.dragging]) handler[value ? "enable" : "disable"]();
    element.classList.toggle("map-active", value);
    if (value) hint.hidden = true;
  };
  setActive(false);
  element.addEventListener("wheel", () => active || say("Click the map to zoom it with the wheel."), { passive: true });
  element.addEventListener("touchstart", (event) => active || event.touches.length > 1 || say("Use two fingers to move the map, or tap it first."), { passive: true });
  element.addEventListener("click", () => active || setActive(true));
  window.addEventListener("blur", () => active && setActive(false));
}

// ---- height for the host's loader script: the controls as laid out, plus a map in proportion to the width
let sentHeight = 0;
function sendHeight(force = false) {
  if (!framed) return;
  const width = document.documentElement.clientWidth;
  const mapHeight = Math.round(Math.min(560, Math.max(220, width * 0.6)));
  const parts = [".embed-bar", "#timeline", ".embed-extras"].map((s) => $(s)).filter((el) => !el.hidden);
  const height = Math.ceil(mapHeight + parts.reduce((sum, el) => sum + el.getBoundingClientRect().height, 0));
  if (!force && height === sentHeight) return;
  sentHeight = height;
  window.parent.postMessage({ type: "controlmap:resize", height }, "*");
}
const observer = new ResizeObserver(() => sendHeight());
for (const selector of [".embed-bar", "#timeline", ".embed-extras"]) observer.observe($(selector));
window.addEventListener("resize", () => sendHeight());
window.addEventListener("message", (event) => {
  if (event.source === window.parent && event.data?.type === "controlmap:hello") sendHeight(true);
});

// ---- play
const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
if (params.autoplay && calm) console.info("ControlMap embed: autoplay is off because the reader prefers reduced motion.");
else if (params.autoplay) timeline.play();
await mapView.outlineLoaded;
sendHeight(true);
document.body.dataset.view = writeState(shownParams, EMBED_SCHEMA);
document.body.dataset.readyMs = String(Math.round(performance.now()));
document.body.dataset.ready = "true";
