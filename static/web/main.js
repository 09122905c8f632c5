/**
 * The public map page: wires the modules together. The timeline payload is fetched once (and once per
 * knowledge date in "As reported then" mode); every state after that is a binary search in the browser.
 * The view lives in the URL: discrete moves push a history entry, playback and panning replace it.
 * Every name shown is isolated for bidirectional text (bidi.js).
 */
import { isolated, named, phrase } from "./bidi.js";
import { renderLegend } from "./legend.js";
import { createMapView, fetchOutline } from "./mapview.js";
import { createPanel } from "./panel.js";
import { createShare } from "./share.js";
import {
  actorsOf, advanceSnapshot, alignTimeline, changedPlaces, changesBetween, dayToISO, decodeTimeline, formatDay, histogram,
  nextChangeDay, parseDay, placeStateAt, precisionOfDay, previousChangeDay, snapshot, UNKNOWN,
} from "./state.js";
import { describe, styleOf } from "./symbols.js";
import { createTextView } from "./textview.js";
import { createTimeline } from "./timeline.js";
import { readState, writeState } from "./urlstate.js";

const started = performance.now();
let applying = false; // true while a URL state is applied: nothing is written back to history
const config = JSON.parse(document.getElementById("map-config").textContent);
const api = config.api;
const $ = (selector) => document.querySelector(selector);

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = "";
    try {
      detail = (await response.json()).detail ?? "";
    } catch { /* not JSON */ }
    throw new Error(`${url} answered ${response.status}${detail ? `: ${detail}` : ""}`);
  }
  return response.json();
}

function notice(text) {
  const item = document.createElement("li");
  item.textContent = text;
  $("#notices").append(item);
  $("#notices").hidden = false;
}

// Asked for before the timeline is awaited, so the outline is parsed while the timeline is decoded
// rather than after the first frame.
const outline = config.outlineUrl ? fetchOutline(config.outlineUrl) : null;
outline?.catch(() => {}); // a missing outline leaves the map without borders, nothing more

const { state: fromUrl, errors } = readState(location.search);
for (const error of errors) notice(error.message);

let today;
try {
  today = decodeTimeline(await getJSON(`${api}timeline/`));
} catch (error) {
  notice(`The map could not load its data: ${error.message}`);
  throw error;
}

const places = today.places;
const placeBySlug = new Map(places.map((p) => [p.slug, p]));
const actorBySlug = new Map(today.actors.map((a) => [a.slug, a]));
const nameOfIndex = (i) => (i >= 0 ? today.actors[i].name : "unknown");
const colourOf = (i) => (i >= 0 ? today.actors[i].colour : "#8a8a8a");

const view = {
  day: fromUrl.at ?? today.last ?? parseDay(new Date().toISOString().slice(0, 10)),
  known: fromUrl.known ?? false,
  actors: new Set((fromUrl.actors ?? []).filter((slug) => actorBySlug.has(slug))),
  place: null,
  mapInUrl: fromUrl.lat !== undefined && fromUrl.lng !== undefined,
};
for (const slug of fromUrl.actors ?? []) if (!actorBySlug.has(slug)) notice(`actors: “${slug}” is not a side on this map and was ignored.`);

let active = today;
let shownTimeline = null;
let shownDay = null;
const shown = new Int32Array(places.length); // the state index of every place as drawn, on shownDay
const scratch = new Int32Array(places.length);
const tablePending = new Set(); // places whose row lags the map while playing
let tableRelist = false; // the list itself lags (a full redraw or a side filter while playing)
const all = places.map((p) => p.index);

function visible(stateIndex) {
  if (!view.actors.size) return true;
  return actorsOf(active.states[stateIndex]).some((a) => view.actors.has(today.actors[a]?.slug));
}

function symbolFor(index) {
  const stateIndex = shown[index];
  if (!visible(stateIndex)) return null;
  return styleOf(stateIndex === UNKNOWN ? null : active.states[stateIndex], colourOf);
}

function rowFor(index) {
  const at = placeStateAt(active, index, view.day);
  const words = describe(at.state, nameOfIndex);
  return { ...words, since: at.since === null ? "—" : formatDay(at.since, at.precision) };
}

const mapView = createMapView($("#map"), {
  L: window.L, tileUrl: config.tileUrl, tileAttribution: config.tileAttribution, outline,
  center: view.mapInUrl ? [fromUrl.lat, fromUrl.lng] : config.center, zoom: fromUrl.zoom ?? config.zoom,
  fit: view.mapInUrl ? null : places,
  minZoom: config.minZoom, maxZoom: config.maxZoom,
  onPlaceClick: (index) => openPlace(places[index].slug, { push: true }),
  onMove: () => {
    listPlaces();
    if (applying) return;
    view.mapInUrl = true;
    syncUrl(false);
  },
});
mapView.setPlaces(places);

const textView = createTextView($("#text-view"), { onPlaceClick: (index) => openPlace(places[index].slug, { push: true }) });
textView.setPlaces(places);

/** Lists in the text view the places shown within the map's view. */
function listPlaces() {
  const bounds = mapView.map.getBounds();
  const { shown: listed, total } = textView.show((i) => visible(shown[i]) && bounds.contains([places[i].lat, places[i].lon]), rowFor);
  $("#text-view-count").textContent = listed < total
    ? `${total} places in the map's view; the first ${listed} by name are listed. Zoom in or search to find others.`
    : `${total} place${total === 1 ? "" : "s"} in the map's view.`;
  tablePending.clear();
  tableRelist = false;
  $("#text-view-date").textContent = timelineLabel(view.day);
}

/**
 * Draws the current day; only places whose state changed are restyled unless `full`. From the day
 * drawn last, only the places that change in between are looked up (a playback frame touches a few
 * dozen places, not ten thousand); a long jump, another timeline or `full` takes a whole snapshot.
 */
function render(full = false) {
  const everything = full || shownTimeline !== active;
  let changed = everything ? null : advanceSnapshot(active, shownDay, view.day, shown, places.length);
  if (changed === null) {
    snapshot(active, view.day, scratch);
    changed = everything ? all : changedPlaces(shown, scratch);
    shown.set(scratch);
  }
  shownDay = view.day;
  shownTimeline = active;
  mapView.restyle(changed, symbolFor);
  // With a side filter, a change can bring a place in or out of the list.
  updateTable(changed, everything || (view.actors.size > 0 && changed.length > 0));
}

// While playing, the table (and its heading's date) stays on the day playback started from and
// catches up the moment it pauses or ends: a table cell is not a layout boundary, so rewriting even
// a few rows lays out all four hundred again, which took 30 to 200 ms, several frames, each time.
// Paused, stepped or dragged, it follows the map at once.
function updateTable(changed, relist) {
  if (relist) tableRelist = true;
  else for (const index of changed) tablePending.add(index);
  if (!document.body.classList.contains("playing")) flushTable();
}
function flushTable() {
  if (tableRelist) {
    listPlaces();
    return;
  }
  textView.update(tablePending, rowFor);
  tablePending.clear();
  $("#text-view-date").textContent = timelineLabel(view.day);
}

// "As reported then": one timeline per knowledge date, fetched on demand, at most one request at a time.
const knownCache = new Map();
let knownWanted = null;
let knownBusy = false;

async function fetchKnown() {
  knownBusy = true;
  while (knownWanted !== null) {
    const day = knownWanted;
    knownWanted = null;
    try {
      const timeline = alignTimeline(today, decodeTimeline(await getJSON(`${api}timeline/?known_at=${dayToISO(day)}`)));
      if (knownCache.size > 500) knownCache.clear();
      knownCache.set(day, timeline);
      if (view.known && day <= view.day) {
        active = timeline;
        render(true);
      }
    } catch (error) {
      notice(`Could not load the map as reported on ${dayToISO(day)}: ${error.message}`);
    }
  }
  knownBusy = false;
  $("#known-status").textContent = view.known ? `Showing what was reported by ${formatDay(view.day)}.` : "";
}

function chooseTimeline() {
  if (!view.known) {
    active = today;
    return;
  }
  if (knownCache.has(view.day)) {
    active = knownCache.get(view.day);
    $("#known-status").textContent = `Showing what was reported by ${formatDay(view.day)}.`;
    return;
  }
  $("#known-status").textContent = `Loading what was reported by ${formatDay(view.day)}…`;
  knownWanted = view.day;
  if (!knownBusy) fetchKnown();
}

// Changes on this date, and why (the claims that made them, fetched lazily).
const whyCache = new Map();
const SHOWN_CHANGES = 12;

// While playing, the list (a polite live region) takes the latest changes four times a second, and
// asks why only once playback stops: rewriting it and fetching claims on every frame cost more than
// drawing the map, and announced nothing a listener could follow.
let playedChanges = [];
let playedTimer = 0;
function queuePlayedChanges(changes) {
  playedChanges = playedChanges.concat(changes.slice(-SHOWN_CHANGES)).slice(-SHOWN_CHANGES);
  playedTimer ||= setTimeout(flushPlayedChanges, 250);
}
function flushPlayedChanges() {
  clearTimeout(playedTimer);
  playedTimer = 0;
  if (playedChanges.length) showChanges(playedChanges, "Changes while playing", true);
  playedChanges = [];
}
function dropPlayedChanges() {
  clearTimeout(playedTimer);
  playedTimer = 0;
  playedChanges = [];
}

function showChanges(changes, heading, append) {
  $("#changes-title").textContent = heading;
  const list = $("#changes");
  if (!append) list.replaceChildren();
  for (const change of changes.slice(-SHOWN_CHANGES)) {
    const place = places[change.place];
    const state = active.states[change.stateIndex];
    const words = describe(state, nameOfIndex);
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link-button";
    button.append(isolated(place.name));
    button.addEventListener("click", () => openPlace(place.slug, { push: true }));
    const what = state?.status === "controlled" ? [" now held by ", words.holder] : [" now ", words.status];
    li.append(button, ...phrase(what, ` (${formatDay(change.day, change.precision)})`));
    const why = document.createElement("span");
    why.className = "why";
    li.append(why);
    list.prepend(li);
    whyQueue.push([place.slug, change.day, why]);
  }
  while (list.children.length > SHOWN_CHANGES) list.lastElementChild.remove();
  explainQueued();
  $("#changes-empty").hidden = list.children.length > 0;
}

// At most three "why" requests at a time; entries that scrolled out of the list are dropped.
let whyQueue = [];
let whyBusy = 0;
function explainQueued() {
  whyQueue = whyQueue.filter(([, , target]) => target.isConnected);
  if (document.body.classList.contains("playing")) return; // asked again when playback stops
  while (whyBusy < 3 && whyQueue.length) {
    const [slug, day, target] = whyQueue.pop();
    whyBusy++;
    explain(slug, day, target).finally(() => {
      whyBusy--;
      explainQueued();
    });
  }
}

async function explain(slug, day, target) {
  if (!target.isConnected) return;
  const key = `${slug}/${day}`;
  if (!whyCache.has(key)) {
    const iso = dayToISO(day);
    whyCache.set(key, getJSON(`${api}claims/?place=${encodeURIComponent(slug)}&date_from=${iso}&date_to=${iso}`)
      .then((page) => (page.results ?? []).filter((c) => !c.superseded)).catch(() => []));
  }
  const claims = await whyCache.get(key);
  if (!claims.length) return;
  const claim = claims[0];
  const cited = claim.citations?.[0];
  const quote = cited?.quote && (cited.quote.length > 140 ? `${cited.quote.slice(0, 140)}…` : cited.quote);
  target.replaceChildren(...phrase(" — ", named(claim.claimant), cited?.outlet ? [", via ", named(cited.outlet)] : [],
    quote ? [": “", named(quote), "”"] : []));
}

function timelineLabel(day) {
  return formatDay(day, precisionOfDay(today, day));
}

function syncUrl(push) {
  if (applying) return;
  const state = { at: view.day, place: view.place, actors: [...view.actors], known: view.known };
  if (view.mapInUrl) Object.assign(state, mapView.view());
  const query = writeState(state);
  if (query === location.search) return;
  history[push ? "pushState" : "replaceState"](null, "", `${location.pathname}${query}`);
}

let panelTimer = 0;
function setDay(day, how) {
  const previous = view.day;
  view.day = day;
  chooseTimeline();
  render(how === "apply");
  if (how === "play") queuePlayedChanges(changesBetween(active, previous, day));
  else if (how !== "drag") {
    dropPlayedChanges();
    showChanges(changesBetween(active, day - 1, day), `Changes on ${timelineLabel(day)}`, false);
  }
  if (view.place) {
    clearTimeout(panelTimer);
    if (view.known) panelTimer = setTimeout(() => panel.setDay(view.day, true), 250);
    else panel.setDay(view.day);
  }
  if (how === "step" || how === "jump" || how === "end-drag") syncUrl(true);
  else if (how === "apply") return;
  else if (!timeline.playing || how === "drag") syncUrl(false);
}

const timeline = createTimeline($("#timeline"), {
  first: today.first ?? view.day, last: today.last ?? view.day, changeDays: today.changeDays,
  histogram: histogram(today, 60), label: timelineLabel, parse: parseDay,
  next: (day) => nextChangeDay(today, day), previous: (day) => previousChangeDay(today, day),
  onDay: setDay,
  onPlay: (playing) => {
    document.body.classList.toggle("playing", playing);
    if (playing) return;
    flushPlayedChanges();
    flushTable();
    explainQueued();
    syncUrl(false);
  },
});

const panel = createPanel($("#panel"), {
  historyUrl: (slug) => `${api}places/${encodeURIComponent(slug)}/history/${view.known ? `?known_at=${dayToISO(view.day)}` : ""}`,
  sourceUrl: (key) => config.sourceUrl.replace("KEY", encodeURIComponent(key)),
  nameOf: (slug) => actorBySlug.get(slug)?.name ?? slug,
  onClose: () => closePlace({ push: true }),
});

function openPlace(slug, { push = false, focus = true } = {}) {
  const place = placeBySlug.get(slug);
  if (!place) {
    notice(`place: “${slug}” is not on this map.`);
    return Promise.resolve();
  }
  view.place = slug;
  mapView.select(place.index);
  document.body.classList.add("panel-open");
  syncUrl(push);
  return panel.open(slug, view.day, { focus });
}

function closePlace({ push = false } = {}) {
  const had = view.place;
  view.place = null;
  mapView.select(-1);
  panel.close();
  document.body.classList.remove("panel-open");
  syncUrl(push);
  if (had) $(`#text-view tr[data-place="${CSS.escape(had)}"] button`)?.focus({ preventScroll: true });
}

// "As reported then"
const knownSwitch = $("#known");
knownSwitch.checked = view.known;
knownSwitch.addEventListener("change", () => {
  view.known = knownSwitch.checked;
  chooseTimeline();
  if (!view.known) $("#known-status").textContent = "";
  render(true);
  if (view.place) panel.setDay(view.day, true);
  syncUrl(true);
});

// Filter by side
const filter = $("#actor-filter");
for (const actor of today.actors) {
  const label = document.createElement("label");
  const box = document.createElement("input");
  box.type = "checkbox";
  box.value = actor.slug;
  box.checked = view.actors.has(actor.slug);
  const swatch = document.createElement("span");
  swatch.className = "swatch";
  swatch.style.background = actor.colour;
  swatch.setAttribute("aria-hidden", "true");
  label.append(box, swatch, isolated(actor.name));
  filter.append(label);
}
function updateFilterSummary() {
  $("#filter-summary").textContent = view.actors.size ? `Sides shown: ${view.actors.size} of ${today.actors.length}` : "All sides shown";
}
filter.addEventListener("change", (event) => {
  if (event.target.checked) view.actors.add(event.target.value);
  else view.actors.delete(event.target.value);
  updateFilterSummary();
  render(true);
  syncUrl(true);
});

// Search by any name (the API knows the aliases, Arabic included)
let searchTimer = 0;
let searchRequest = 0;
const searchInput = $("#search");
const results = $("#search-results");
async function search(text) {
  const mine = ++searchRequest;
  if (text.trim().length < 2) {
    results.replaceChildren();
    $("#search-status").textContent = "";
    return;
  }
  try {
    const data = await getJSON(`${api}places/?q=${encodeURIComponent(text.trim())}`);
    if (mine !== searchRequest) return;
    const found = (data.features ?? []).map((f) => placeBySlug.get(f.id ?? f.properties?.place ?? f.properties?.slug)).filter(Boolean);
    results.replaceChildren(...found.slice(0, 10).map((place) => {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link-button";
      button.append(isolated(place.name));
      button.addEventListener("click", () => {
        results.replaceChildren();
        mapView.focus(place.index, 9);
        openPlace(place.slug, { push: true });
      });
      li.append(button);
      return li;
    }));
    $("#search-status").textContent = found.length ? `${found.length} place${found.length > 1 ? "s" : ""} found` : "No place of that name";
  } catch (error) {
    $("#search-status").textContent = `Search failed: ${error.message}`;
  }
}
searchInput.addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => search(searchInput.value), 200);
});
$("#search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(searchTimer);
  search(searchInput.value).then(() => results.querySelector("button")?.focus());
});

// Mobile: the timeline folds away
$("#timeline-toggle").addEventListener("click", (event) => {
  const expanded = event.currentTarget.getAttribute("aria-expanded") === "true";
  event.currentTarget.setAttribute("aria-expanded", String(!expanded));
  $("#timeline").hidden = expanded;
});

/** Applies a URL state (first load and back/forward) without writing history. */
function apply(state) {
  applying = true;
  try {
    view.known = state.known ?? false;
    knownSwitch.checked = view.known;
    view.actors = new Set((state.actors ?? []).filter((slug) => actorBySlug.has(slug)));
    for (const box of filter.querySelectorAll("input")) box.checked = view.actors.has(box.value);
    updateFilterSummary();
    if (state.lat !== undefined && state.lng !== undefined) {
      view.mapInUrl = true;
      mapView.setView(state.lat, state.lng, state.zoom ?? mapView.view().zoom);
    } else if (state.zoom !== undefined) {
      mapView.setView(mapView.view().lat, mapView.view().lng, state.zoom);
    }
    const day = state.at ?? today.last ?? view.day;
    timeline.show(day);
    setDay(day, "apply"); // draws every place: the side filter or the timeline may have changed
    if (state.place) openPlace(state.place, { focus: false });
    else if (view.place) closePlace();
  } finally {
    applying = false;
  }
}

window.addEventListener("popstate", () => {
  timeline.pause();
  const { state, errors: bad } = readState(location.search);
  for (const error of bad) notice(error.message);
  apply(state);
});

renderLegend($("#legend"), today.actors);
createShare($("#share-open"), { placeName: (slug) => placeBySlug.get(slug)?.name });
apply(fromUrl);
await mapView.outlineLoaded;
// The canvases repaint on the next animation frame, in the order they asked: a frame of our own,
// asked for last, runs once the places and the outline are drawn.
await new Promise((resolve) => requestAnimationFrame(resolve));
const firstRender = Math.round(performance.now() - started);
performance.mark("controlmap-first-render");
document.body.dataset.ready = "true";
document.body.dataset.firstRenderMs = String(firstRender);
