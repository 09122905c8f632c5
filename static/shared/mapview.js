/**
 * The Leaflet map: base tiles (optional), the offline country outline, and a symbol per place drawn
 * on one canvas with the places' areas (canvas.js). Only places handed to `restyle` are redrawn, so
 * playback cost follows the number of changes, not the number of places.
 *
 * config: {L, tileUrl, tileAttribution, tilesAfter (a promise after which the tiles are asked for; else
 *          at once), outlineUrl, outline (a promise of the outline's GeoJSON, when the page started
 *          fetching it already), center: [lat, lng], zoom, minZoom, maxZoom,
 *          fit: [{lat, lon}] (frames these places instead of center and zoom),
 *          onPlaceClick(index), onMove({lat, lng, zoom})}
 */
import { createAreas } from "./areas.js";
import { placesRenderer } from "./canvas.js";
import { getJSON } from "./http.js";
import { gettext, rtl } from "./i18n.js";
import { createLabels } from "./labels.js";
import { radiusOf } from "./symbols.js";

export function createMapView(element, config) {
  const { L } = config;
  const renderer = new (placesRenderer(L))({
    padding: 0.3, tolerance: 4, onPlaceClick: (index) => config.onPlaceClick?.(index), onPlaceHover: (index) => hover(index),
  });
  const map = L.map(element, {
    preferCanvas: true, renderer, center: config.center, zoom: config.zoom,
    minZoom: config.minZoom ?? 3, maxZoom: config.maxZoom ?? 16, keyboard: true, zoomSnap: 1,
  });
  map.attributionControl.setPrefix(false);
  if (rtl) { // the controls in the corners a right-to-left reader looks at first
    map.zoomControl.setPosition("topright");
    map.attributionControl.setPosition("bottomleft");
  }
  // Framed before any place is added and before onMove listens: nothing is projected twice.
  if (config.fit?.length) fitBounds(config.fit);
  if (config.tileUrl) {
    // The attribution is the site's own setting (trusted HTML such as an OpenStreetMap link).
    const tiles = L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: config.maxZoom ?? 16 });
    if (config.tilesAfter) config.tilesAfter.then(() => tiles.addTo(map), () => tiles.addTo(map));
    else tiles.addTo(map);
  }

  // The outline gets its own pane and canvas under the places, whenever its file arrives.
  map.createPane("outline").style.zIndex = 350;
  const outline = L.geoJSON(null, {
    renderer: L.canvas({ pane: "outline", padding: 0.3 }), interactive: false, pane: "outline",
    style: (feature) => ({
      color: "#5c5c5c", weight: feature.properties.name === "Syria" || feature.properties.name === "Iraq" ? 1.6 : 0.8,
      fillColor: feature.properties.name === "Syria" || feature.properties.name === "Iraq" ? "#f3efe4" : "#e8e6e1", fillOpacity: 1,
    }),
  }).addTo(map);
  const outlineData = config.outline ?? (config.outlineUrl ? getJSON(config.outlineUrl) : null);
  const outlineLoaded = outlineData
    ? outlineData.then((data) => {
      outline.addData(data);
      map.attributionControl.addAttribution(gettext("Borders: Natural Earth"));
    }).catch(() => {})
    : Promise.resolve();

  /** Frames `places`: their extent is found in one pass, not by making a LatLng of each (ten thousand). */
  function fitBounds(places) {
    let south = Infinity;
    let west = Infinity;
    let north = -Infinity;
    let east = -Infinity;
    for (const { lat, lon } of places) {
      south = Math.min(south, lat);
      north = Math.max(north, lat);
      west = Math.min(west, lon);
      east = Math.max(east, lon);
    }
    map.fitBounds(L.latLngBounds([south, west], [north, east]).pad(0.25), { animate: false, maxZoom: 7 });
  }

  let places = [];
  const labels = createLabels(map, L);
  labels.setShown((index) => renderer.placeStyle(index) !== null);
  map.addLayer(renderer); // before any place or area: they are drawn by it
  // One tooltip serves every place: the name of the one under the pointer.
  const tooltip = L.tooltip({ direction: "top" });
  function hover(index) {
    if (index < 0) {
      map.closeTooltip(tooltip);
      return;
    }
    const label = document.createElement("bdi"); // the name isolated from the page's direction
    label.textContent = places[index].name;
    tooltip.options.offset = [0, -radiusOf(places[index].size)];
    tooltip.setLatLng([places[index].lat, places[index].lon]).setContent(label);
    map.openTooltip(tooltip);
  }
  // Groups of areas, topmost first, all under the symbols: a place's own area over the derived ones.
  const areaGroups = [];
  const restack = () => areaGroups.forEach((group) => group.toBack());
  const addAreas = (options) => {
    const group = createAreas({ L, map, renderer, onSet: restack, ...options });
    areaGroups.push(group);
    return group;
  };
  const placeAreas = addAreas({ onClick: (index) => config.onPlaceClick?.(index) });
  const symbolNow = (index) => renderer.placeStyle(index);

  function setPlaces(list) {
    places = list;
    renderer.setPlaces(list, radiusOf);
    labels.setPlaces(list, radiusOf);
  }

  /** Sets the symbol of each place in `indices`; symbolOf(index) -> style or null (hidden). */
  function restyle(indices, symbolOf) {
    if (placeAreas.size) placeAreas.restyle(indices, symbolOf);
    renderer.restylePlaces(indices, symbolOf);
  }

  map.on("moveend", () => {
    const c = map.getCenter();
    config.onMove?.({ lat: c.lat, lng: c.lng, zoom: map.getZoom() });
  });

  return {
    map, outlineLoaded, setPlaces, restyle,
    /** Rings place `index` and draws it on top (-1: none). */
    select: (index) => renderer.selectPlace(index),
    /** Draws the areas of places ([GeoJSON Feature] with id = place slug) under the symbols, in their state. */
    setAreas(features, indexOf) {
      placeAreas.set(features, (feature) => indexOf(feature.id) ?? null);
      placeAreas.restyle(placeAreas.keys, symbolNow);
    },
    /** Another group of areas, drawn under the places' own (createAreas options but the renderer). */
    addAreas,
    /** Names the places shown now (after a full draw or a pause: never per playback frame). */
    relabel: labels.update,
    get count() {
      return places.length;
    },
    view() {
      const c = map.getCenter();
      return { lat: c.lat, lng: c.lng, zoom: map.getZoom() };
    },
    setView(lat, lng, zoom) {
      map.setView([lat, lng], zoom, { animate: false });
    },
    /** Frames every place (the default view when the URL names none). */
    fitPlaces(list) {
      if (list.length) fitBounds(list);
    },
    focus(index, zoom) {
      const place = places[index];
      if (place) map.setView([place.lat, place.lon], Math.max(map.getZoom(), zoom ?? 8), { animate: false });
    },
  };
}
