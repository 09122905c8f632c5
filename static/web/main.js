/**
 * The public map page: wires the modules together. The timeline payload is fetched once, by the module
 * that also draws the places on the map before the others arrive (boot.js), and the timeline as reported
 * at each date once, for "As reported then" (known.js); every state after that is
 * a binary search in the browser, drawn by the scene shared with the embed widget (../shared/scene.js).
 * The view lives in the URL (urlsync.js). Every name shown is isolated for bidirectional text
 * (../shared/bidi.js).
 */
import { dayToISO, formatDay, parseDay } from "../shared/days.js";
import { getJSON } from "../shared/http.js";
import { gettext, inLanguage, interpolate, language } from "../shared/i18n.js";
import { renderLegend } from "../shared/legend.js";
import { createPanel } from "../shared/panel.js";
import { changesBetween, histogram, nextChangeDay, precisionOfDay, previousChangeDay } from "../shared/state.js";
import { createTextView } from "../shared/textview.js";
import { createTimeline } from "../shared/timeline.js";
import { readState } from "../shared/urlstate.js";
import { config, firstDay, fromUrl as addressed, knownActors as sidesOnMap, mapEvents, outline, placesDrawn } from "./boot.js";
import { createChanges } from "./changes.js";
import { createFilter } from "./filter.js";
import { createKnown } from "./known.js";
import { createLanguageSwitch } from "./language.js";
import { createLayers } from "./layers.js";
import { createSearch } from "./search.js";
import { createShare } from "./share.js";
import { createTable } from "./table.js";
import { createUrlSync } from "./urlsync.js";

const api = config.api;
const $ = (selector) => document.querySelector(selector);

function notice(text) {
  const item = document.createElement("li");
  item.textContent = text;
  $("#notices").append(item);
  $("#notices").hidden = false;
}

const { state: fromUrl, errors } = addressed;
for (const error of errors) notice(error.message);

let mapView;
let scene;
try {
  ({ mapView, scene } = await placesDrawn);
} catch (error) {
  notice(interpolate(gettext("The map could not load its data: %(error)s"), { error: error.message }));
  throw error;
}

const today = scene.timeline;
const places = today.places;
const placeBySlug = new Map(places.map((p) => [p.slug, p]));
const actorBySlug = new Map(today.actors.map((a) => [a.slug, a]));
const knownActors = (slugs) => sidesOnMap(today, slugs);
const timelineLabel = (day) => formatDay(day, precisionOfDay(today, day));

const view = {
  day: firstDay(today),
  known: fromUrl.known ?? false,
  actors: scene.actors,
  place: null,
  mapInUrl: fromUrl.lat !== undefined && fromUrl.lng !== undefined,
  lang: language, // the page's: the address, share links and embed codes keep it
};
for (const slug of fromUrl.actors ?? []) {
  if (!actorBySlug.has(slug)) notice(interpolate(gettext("actors: “%(slug)s” is not a side on this map and was ignored."), { slug }));
}

const openFromList = (index) => openPlace(places[index].slug, { push: true });
mapEvents.placeClick = openFromList;
mapEvents.move = () => {
  table.list();
  if (url.applying) return;
  view.mapInUrl = true;
  url.sync(false);
};
const url = createUrlSync({ view, mapView });

const textView = createTextView($("#text-view"), { onPlaceClick: openFromList });
const table = createTable({
  textView, scene, mapView, places, dateLabel: timelineLabel, count: $("#text-view-count"), heading: $("#text-view-date"),
});

// boot.js drew the addressed view: applying it here restyles only what differs (nothing), not every place.
let drawn = true;

/** Draws the current day (every place when `full`) and brings the table along. */
function render(full = false) {
  scene.day = view.day;
  table.update(scene.draw(full && !drawn));
  drawn = false;
  if (full) mapView.relabel();
}

const knownStatus = $("#known-status");
const known = createKnown({
  today, status: knownStatus, notice,
  url: inLanguage(`${api}timeline/reported/?v=${config.dataVersion}`),
  onLoaded: (timeline) => {
    if (!view.known) return;
    scene.timeline = timeline;
    render(true);
    known.say(view.day);
  },
});

function chooseTimeline() {
  scene.timeline = view.known ? known.timeline ?? today : today;
}

const changes = createChanges({
  api, places, scene, list: $("#changes"), title: $("#changes-title"), empty: $("#changes-empty"),
  onPlace: (slug) => openPlace(slug, { push: true }),
});

let panelTimer = 0;
function setDay(day, how) {
  const previous = view.day;
  view.day = day;
  chooseTimeline();
  render(how === "apply");
  if (how === "play") changes.queuePlayed(changesBetween(scene.timeline, previous, day));
  else if (how !== "drag") changes.show(changesBetween(scene.timeline, day - 1, day), interpolate(gettext("Changes on %(date)s"), { date: timelineLabel(day) }));
  if (view.known && how !== "play" && how !== "drag") known.say(day);
  if (view.place) {
    clearTimeout(panelTimer);
    if (view.known) panelTimer = setTimeout(() => panel.setDay(view.day, true), 250);
    else panel.setDay(view.day);
  }
  layers.follow(day);
  if (how === "step" || how === "jump" || how === "end-drag") {
    layers.settle();
    url.soon(true);
  } else if (how !== "apply" && (!timeline.playing || how === "drag")) {
    url.sync(false);
  }
}

const layers = createLayers({
  L: window.L, api, view, mapView, scene, today, actorBySlug, placeBySlug, notice, openPlace, label: timelineLabel,
  sync: (push) => url.sync(push),
  mapConfig: { tileUrl: config.tileUrl, tileAttribution: config.tileAttribution, outline, minZoom: config.minZoom, maxZoom: config.maxZoom },
});

const timeline = createTimeline($("#timeline"), {
  first: today.first ?? view.day, last: today.last ?? view.day, changeDays: today.changeDays,
  histogram: (edges) => histogram(today, edges), label: timelineLabel, parse: parseDay,
  next: (day) => nextChangeDay(today, day), previous: (day) => previousChangeDay(today, day),
  onDay: setDay,
  onPlay: (playing) => {
    document.body.classList.toggle("playing", playing);
    if (playing) return;
    changes.stopped();
    if (view.known) known.say(view.day);
    table.flush();
    mapView.relabel();
    layers.settle();
    url.sync(false);
  },
});

const panel = createPanel($("#panel"), {
  historyUrl: (slug) => inLanguage(`${api}places/${encodeURIComponent(slug)}/history/${view.known ? `?known_at=${dayToISO(view.day)}` : ""}`),
  sourceUrl: (key) => config.sourceUrl.replace("KEY", encodeURIComponent(key)),
  nameOf: (slug) => actorBySlug.get(slug)?.name ?? slug,
  onClose: () => closePlace({ push: true }),
});

function openPlace(slug, { push = false, focus = true } = {}) {
  const place = placeBySlug.get(slug);
  if (!place) {
    notice(interpolate(gettext("place: “%(slug)s” is not on this map."), { slug }));
    return Promise.resolve();
  }
  view.place = slug;
  mapView.select(place.index);
  document.body.classList.add("panel-open");
  url.sync(push);
  return panel.open(slug, view.day, { focus });
}

function closePlace({ push = false } = {}) {
  const had = view.place;
  view.place = null;
  mapView.select(-1);
  panel.close();
  document.body.classList.remove("panel-open");
  url.sync(push);
  if (had) $(`#text-view tr[data-place="${CSS.escape(had)}"] button`)?.focus({ preventScroll: true });
}

const knownSwitch = $("#known");
knownSwitch.checked = view.known;
knownSwitch.addEventListener("change", () => {
  view.known = knownSwitch.checked;
  chooseTimeline();
  if (view.known) known.say(view.day);
  else knownStatus.textContent = "";
  render(true);
  layers.settle();
  if (view.place) panel.setDay(view.day, true);
  url.sync(true);
});

const filter = createFilter($("#actor-filter"), $("#filter-summary"), {
  actors: today.actors, chosen: view.actors,
  onChange: () => {
    render(true);
    layers.settle();
    url.sync(true);
  },
});

createSearch({
  form: $("#search-form"), input: $("#search"), results: $("#search-results"), status: $("#search-status"), api, placeBySlug,
  onChoose: (place) => {
    mapView.focus(place.index, 9);
    openPlace(place.slug, { push: true });
  },
});

// Mobile: the timeline folds away
$("#timeline-toggle").addEventListener("click", (event) => {
  const expanded = event.currentTarget.getAttribute("aria-expanded") === "true";
  event.currentTarget.setAttribute("aria-expanded", String(!expanded));
  $("#timeline").hidden = expanded;
});

/** Applies a URL state (first load and back/forward) without writing history. */
function apply(state) {
  url.whileApplying(() => {
    view.known = state.known ?? false;
    knownSwitch.checked = view.known;
    view.actors = scene.actors = knownActors(state.actors);
    filter.set(view.actors);
    if (state.lat !== undefined && state.lng !== undefined) {
      view.mapInUrl = true;
      mapView.setView(state.lat, state.lng, state.zoom ?? mapView.view().zoom);
    } else if (state.zoom !== undefined) {
      mapView.setView(mapView.view().lat, mapView.view().lng, state.zoom);
    }
    const day = state.at ?? today.last ?? view.day;
    timeline.show(day);
    setDay(day, "apply"); // draws every place: the side filter or the timeline may have changed
    layers.apply(state);
    if (state.place) openPlace(state.place, { focus: false });
    else if (view.place) closePlace();
  });
}

window.addEventListener("popstate", () => {
  timeline.pause();
  const { state, errors: bad } = readState(location.search);
  for (const error of bad) notice(error.message);
  apply(state);
});

renderLegend($("#legend"), today.actors);
createLanguageSwitch($("#language-switch"));
createShare($("#share-open"), { placeName: (slug) => placeBySlug.get(slug)?.name });
apply(fromUrl);
// Places' areas follow the first render: they do not change with the date, so they are fetched once.
getJSON(`${api}place-areas/`)
  .then((areas) => {
    mapView.setAreas(areas.features, (slug) => placeBySlug.get(slug)?.index);
    document.body.dataset.areas = String(areas.features.length);
  })
  .catch((error) => notice(interpolate(gettext("The areas of places could not be loaded: %(error)s"), { error: error.message })));
table.release();
performance.mark("controlmap-ready");
document.body.dataset.ready = "true";
scene.prepareSymbols();
