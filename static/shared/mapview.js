/**
 * The Leaflet map: base tiles (optional), the offline country outline, and one canvas-drawn symbol
 * per place. Only places handed to `restyle` are redrawn, so playback cost follows the number of
 * changes, not the number of places.
 *
 * config: {L, tileUrl, tileAttribution, outlineUrl, outline (a promise of the outline's GeoJSON, when the
 *          page started fetching it already), center: [lat, lng], zoom, minZoom, maxZoom,
 *          fit: [{lat, lon}] (frames these places instead of center and zoom),
 *          onPlaceClick(index), onMove({lat, lng, zoom})}
 */
import { createAreas } from "./areas.js";
import { MAX_BOXES, patchRenderer } from "./canvas.js";
import { getJSON } from "./http.js";
import { gettext, rtl } from "./i18n.js";
import { createLabels } from "./labels.js";
import { radiusOf, stampSymbol } from "./symbols.js";

/** Whether symbol `after` hides all of `before` when drawn over it (an unknown ring is the smallest). */
const covers = (before, after) => after.kind !== "unknown" || before.kind === "unknown";

export function createMapView(element, config) {
  const { L } = config;
  const renderer = new (patchRenderer(L))({ padding: 0.3, tolerance: 4 });
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
    L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: config.maxZoom ?? 16 }).addTo(map);
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

  /** A circle marker whose canvas drawing is one of the state symbols. */
  const PlaceMarker = L.CircleMarker.extend({
    _updatePath() {
      const r = this._renderer;
      if (!r._drawing || this._empty() || this.options.hidden) return;
      stampSymbol(r._ctx, this._point.x, this._point.y, this._radius, this.options.symbol, this.options.selected);
    },
    _containsPoint(p) {
      return !this.options.hidden && p.distanceTo(this._point) <= this._radius + this._clickTolerance();
    },
  });

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

  let markers = [];
  let names = [];
  const labels = createLabels(map, L);
  labels.setShown((index) => markers[index] !== undefined && !markers[index].options.hidden);
  let selected = -1;
  // One group listens for every place and one tooltip serves them all: ten thousand markers with a
  // tooltip and a click handler each cost a third of the first render.
  const layer = L.featureGroup().addTo(map);
  map.addLayer(renderer); // before any marker: addMarkers hands them straight to it
  const tooltip = L.tooltip({ direction: "top" });
  layer.on("click", (event) => config.onPlaceClick?.(event.propagatedFrom.placeIndex));
  layer.on("mouseover", (event) => {
    const marker = event.propagatedFrom;
    const label = document.createElement("bdi"); // the name isolated from the page's direction
    label.textContent = names[marker.placeIndex];
    tooltip.options.offset = [0, -marker.options.radius];
    tooltip.setLatLng(marker.getLatLng()).setContent(label);
    map.openTooltip(tooltip);
  });
  layer.on("mouseout", () => map.closeTooltip(tooltip));
  // Groups of areas, topmost first, all under the symbols: a place's own area over the derived ones.
  const areaGroups = [];
  const restack = () => areaGroups.forEach((group) => group.toBack());
  const addAreas = (options) => {
    const group = createAreas({ L, map, renderer, onSet: restack, ...options });
    areaGroups.push(group);
    return group;
  };
  const placeAreas = addAreas({ onClick: (index) => config.onPlaceClick?.(index) });
  const symbolNow = (index) => (markers[index].options.hidden ? null : markers[index].options.symbol);

  /**
   * Adds the markers to the group, the map and the renderer in one pass. Leaflet's addLayer does the
   * same per marker (bookkeeping, projection, the renderer's draw list) plus an event or two and a
   * repaint request each, which at ten thousand places costs a quarter of a second; here the renderer
   * is asked for one repaint at the end. Relies on Leaflet 1.9's Path internals (the vendored copy).
   */
  function addMarkers(list) {
    // One parents object shared by every marker: ten thousand objects of their own cost 35 ms of the
    // first render. Removing one marker from the group would unhook them all; only clearLayers does.
    const parents = { [L.stamp(layer)]: layer };
    for (const marker of list) {
      const id = L.stamp(marker);
      layer._layers[id] = marker;
      marker._eventParents = parents;
      map._layers[id] = marker;
      marker._mapToAdd = map;
      marker._map = map;
      marker._zoomAnimated = map._zoomAnimated;
      marker._renderer = renderer;
      renderer._initPath(marker);
      marker._project();
    }
    renderer._requestFullRedraw();
  }

  function setPlaces(places) {
    layer.clearLayers();
    names = places.map((place) => place.name);
    markers = places.map((place) => {
      const marker = new PlaceMarker([place.lat, place.lon], {
        // Hidden until the first restyle gives it its state: the map is not painted twice at start.
        renderer, radius: radiusOf(place.size), symbol: { kind: "unknown", colours: [] }, hidden: true, selected: false,
      });
      marker.placeIndex = place.index;
      return marker;
    });
    addMarkers(markers);
    selected = -1;
    labels.setPlaces(places, radiusOf);
  }

  /**
   * Sets the symbol of each place in `indices`; symbolOf(index) -> style or null (hidden).
   *
   * At the zoom that shows a whole country, ten thousand symbols overlap many deep, so repainting a
   * changed place's box means repainting every neighbour under it. A new symbol that covers the old
   * one is stamped straight on top instead (the latest change shows on top, as it should while
   * playing); only a symbol that shrinks or disappears repaints its box.
   */
  function restyle(indices, symbolOf) {
    if (placeAreas.size) placeAreas.restyle(indices, symbolOf);
    const ctx = renderer._ctx;
    const stamps = [];
    const boxes = [];
    for (const index of indices) {
      const marker = markers[index];
      if (!marker) continue;
      const symbol = symbolOf(index);
      const before = marker.options.hidden ? null : marker.options.symbol;
      marker.options.hidden = symbol === null;
      if (symbol) marker.options.symbol = symbol;
      if (!marker._map) continue;
      if (symbol && before && covers(before, symbol) && !marker.options.selected && ctx && marker._point && !marker._empty()) {
        stamps.push(marker);
      } else {
        boxes.push(marker);
      }
    }
    // Stamping costs one copy per changed place, so only the boxes to repaint decide on a full repaint;
    // with one already due (at start, after a zoom) it paints the new symbols anyway.
    if (boxes.length > MAX_BOXES || renderer._full) {
      if (renderer._map) renderer._requestFullRedraw();
      return;
    }
    for (const marker of stamps) stampSymbol(ctx, marker._point.x, marker._point.y, marker._radius, marker.options.symbol, false);
    for (const marker of boxes) renderer._requestRedraw(marker);
  }

  function select(index) {
    if (markers[selected]) {
      markers[selected].options.selected = false;
      if (markers[selected]._map) renderer._requestRedraw(markers[selected]);
    }
    selected = index;
    if (markers[index]) {
      markers[index].options.selected = true;
      markers[index].bringToFront();
    }
  }

  map.on("moveend", () => {
    const c = map.getCenter();
    config.onMove?.({ lat: c.lat, lng: c.lng, zoom: map.getZoom() });
  });

  return {
    map, outlineLoaded, setPlaces, restyle, select,
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
      return markers.length;
    },
    view() {
      const c = map.getCenter();
      return { lat: c.lat, lng: c.lng, zoom: map.getZoom() };
    },
    setView(lat, lng, zoom) {
      map.setView([lat, lng], zoom, { animate: false });
    },
    /** Frames every place (the default view when the URL names none). */
    fitPlaces(places) {
      if (places.length) fitBounds(places);
    },
    focus(index, zoom) {
      const marker = markers[index];
      if (marker) map.setView(marker.getLatLng(), Math.max(map.getZoom(), zoom ?? 8), { animate: false });
    },
  };
}
