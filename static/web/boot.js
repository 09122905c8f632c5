/**
 * The map's data and its places drawn, as early as the page allows. The page loads this module on its
 * own (an async module script, its imports preloaded first), so it runs once its own few modules arrive:
 * the timeline is decoded, the map made with a marker per place and the addressed day drawn; the page's
 * first render is that drawing, not the wiring of the timeline control, the table and the panels, which
 * main.js does after it with this instance. main.js and the modules only it needs (a score of files) are
 * asked for once the places are drawn: asked for with the others, their requests queued before the
 * timeline's on the browser's six connections and held the first drawing back.
 *
 * config: the page's settings (web/views.py map_config); fromUrl: the view the address asks for
 * ({state, errors}, urlstate.js); outline: a promise of the country outline's GeoJSON, or null;
 * placesDrawn: a promise of {mapView (mapview.js), scene (scene.js, its timeline the decoded one)},
 * settled once the addressed day's places are drawn (the `controlmap-first-render` mark), after which the
 * outline is drawn; mapEvents: what a click on a place and a move of the map do (set by main.js).
 */
import { parseDay } from "../shared/days.js";
import { decodeTimeline } from "../shared/decode.js";
import { getJSON } from "../shared/http.js";
import { createMapView } from "../shared/mapview.js";
import { createScene } from "../shared/scene.js";
import { readState } from "../shared/urlstate.js";
import { followRememberedLanguage } from "./language.js";

const started = performance.now();

export const config = JSON.parse(document.getElementById("map-config").textContent);
export const fromUrl = readState(location.search);
const timeline = getJSON(config.timelineUrl).then(decodeTimeline);
export const outline = config.outlineUrl ? getJSON(config.outlineUrl) : null;
export const mapEvents = { placeClick: () => {}, move: () => {} };

// The map's element and the styles that size it are there once the document is parsed (the styles come
// before Leaflet's script, which waits for them). A reader who chose another language then opens this
// address in it, and nothing here is drawn.
const parsed = (document.readyState === "loading"
  ? new Promise((resolve) => document.addEventListener("readystatechange", resolve, { once: true }))
  : Promise.resolve()).then(() => (followRememberedLanguage() ? new Promise(() => {}) : undefined));

const placesOnMap = Promise.all([timeline, parsed]).then(([today]) => {
  const { state } = fromUrl;
  const mapInUrl = state.lat !== undefined && state.lng !== undefined;
  const mapView = createMapView(document.getElementById("map"), {
    L: window.L, tileUrl: config.tileUrl, tileAttribution: config.tileAttribution,
    // The base tiles are asked for once the places are drawn: the tile layer's grid of images took 5 of
    // the 190 ms of main-thread work before them, and over the network the tiles come after anyway.
    tilesAfter: placesDrawn,
    // The country outline is drawn the frame after the places (so are their names, main.js): its
    // layers cost a tenth of the first render, and the places are what a reader waits for.
    outline: outline && placesDrawn.then(() => outline, () => outline),
    center: mapInUrl ? [state.lat, state.lng] : config.center, zoom: state.zoom ?? config.zoom,
    fit: mapInUrl ? null : today.places,
    minZoom: config.minZoom, maxZoom: config.maxZoom,
    onPlaceClick: (index) => mapEvents.placeClick(index),
    onMove: (where) => mapEvents.move(where),
  });
  mapView.setPlaces(today.places);
  return mapView;
});

/** The day the address asks for, else the record's last, else today: main.js's view starts there too. */
export const firstDay = (today) => fromUrl.state.at ?? today.last ?? parseDay(new Date().toISOString().slice(0, 10));

/** The side filter the address asks for, of the sides on this map (main.js reports the others). */
export const knownActors = (today, slugs) => new Set((slugs ?? []).filter((slug) => today.actors.some((a) => a.slug === slug)));

export const placesDrawn = Promise.all([timeline, placesOnMap]).then(async ([today, mapView]) => {
  const scene = createScene({ base: today, mapView });
  scene.actors = knownActors(today, fromUrl.state.actors);
  scene.day = firstDay(today);
  scene.draw(true);
  // The canvases repaint on the next animation frame, in the order they asked: a frame of our own,
  // asked for last, runs once the places are drawn.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  performance.mark("controlmap-first-render");
  document.body.dataset.firstRenderMs = String(Math.round(performance.now() - started));
  return { mapView, scene };
});

/** Starts the rest of the page, whether the places were drawn or not (main.js reports a failure). */
function startPage() {
  for (const href of config.entryModules) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = href;
    document.head.append(link);
  }
  return import(config.entry);
}
placesDrawn.then(startPage, startPage);

// Awaited by main.js, which reports a failure; until then a rejection is not an unhandled one.
timeline.catch(() => {});
placesOnMap.catch(() => {});
placesDrawn.catch(() => {});
outline?.catch(() => {}); // a missing outline leaves the map without borders, nothing more
