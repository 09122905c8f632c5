/**
 * The map's data and its places on the map, as early as the page allows. The page loads this module
 * on its own (an async module script, its imports preloaded first), so it runs once its own few modules
 * arrive: the timeline is decoded, and the map made with a marker per place, while the page's other
 * modules are still downloading, instead of after all of them. main.js imports the same instance and
 * wires the rest to it.
 *
 * config: the page's settings (web/views.py map_config); fromUrl: the view the address asks for
 * ({state, errors}, urlstate.js); timeline: a promise of the decoded timeline; outline: a promise of the
 * country outline's GeoJSON, or null; placesOnMap: a promise of the map view (mapview.js) with its
 * places added, hidden until drawn; mapEvents: what a click on a place and a move of the map do (set by
 * main.js); firstRenderDone(): called once the places are drawn, after which the outline is drawn.
 */
import { decodeTimeline } from "../shared/decode.js";
import { getJSON } from "../shared/http.js";
import { createMapView } from "../shared/mapview.js";
import { readState } from "../shared/urlstate.js";

export const config = JSON.parse(document.getElementById("map-config").textContent);
export const fromUrl = readState(location.search);
export const timeline = getJSON(config.timelineUrl).then(decodeTimeline);
export const outline = config.outlineUrl ? getJSON(config.outlineUrl) : null;
export const mapEvents = { placeClick: () => {}, move: () => {} };

let rendered;
const firstRender = new Promise((resolve) => {
  rendered = resolve;
});
export const firstRenderDone = () => rendered();

// The map's element and the styles that size it are there once the document is parsed (the styles come
// before Leaflet's script, which waits for them).
const parsed = document.readyState === "loading"
  ? new Promise((resolve) => document.addEventListener("readystatechange", resolve, { once: true }))
  : Promise.resolve();

export const placesOnMap = Promise.all([timeline, parsed]).then(([today]) => {
  const { state } = fromUrl;
  const mapInUrl = state.lat !== undefined && state.lng !== undefined;
  const mapView = createMapView(document.getElementById("map"), {
    L: window.L, tileUrl: config.tileUrl, tileAttribution: config.tileAttribution,
    // The country outline is drawn the frame after the places (so are their names, main.js): its
    // layers cost a tenth of the first render, and the places are what a reader waits for.
    outline: outline && firstRender.then(() => outline),
    center: mapInUrl ? [state.lat, state.lng] : config.center, zoom: state.zoom ?? config.zoom,
    fit: mapInUrl ? null : today.places,
    minZoom: config.minZoom, maxZoom: config.maxZoom,
    onPlaceClick: (index) => mapEvents.placeClick(index),
    onMove: (where) => mapEvents.move(where),
  });
  mapView.setPlaces(today.places);
  return mapView;
});

// Awaited by main.js, which reports a failure; until then a rejection is not an unhandled one.
timeline.catch(() => {});
placesOnMap.catch(() => {});
outline?.catch(() => {}); // a missing outline leaves the map without borders, nothing more
