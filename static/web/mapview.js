/**
 * The Leaflet map: base tiles (optional), the offline country outline, and one canvas-drawn symbol
 * per place. Only places handed to `restyle` are redrawn, so playback cost follows the number of
 * changes, not the number of places.
 *
 * config: {L, tileUrl, tileAttribution, outlineUrl, center: [lat, lng], zoom, minZoom, maxZoom,
 *          onPlaceClick(index), onMove({lat, lng, zoom})}
 */
import { radiusOf, stampSymbol } from "./symbols.js";

/**
 * Leaflet's canvas renderer repaints the union of the changed places' boxes: with changes scattered
 * over the map that is the whole map on every frame. This one repaints each changed box on its own.
 */
function patchRenderer(L) {
  return L.Canvas.extend({
    _extendRedrawBounds(layer) {
      if (!layer._pxBounds) return;
      const pad = (layer.options.weight || 0) + 1;
      const box = L.bounds(layer._pxBounds.min.subtract([pad, pad]), layer._pxBounds.max.add([pad, pad]));
      (this._dirtyBoxes ??= []).push(box);
      L.Canvas.prototype._extendRedrawBounds.call(this, layer);
    },
    _updatePaths() {
      this._dirtyBoxes = null;
      L.Canvas.prototype._updatePaths.call(this);
    },
    _redraw() {
      const boxes = this._dirtyBoxes;
      this._dirtyBoxes = null;
      if (!this._redrawBounds || !boxes || boxes.length > 200) {
        L.Canvas.prototype._redraw.call(this);
        return;
      }
      this._redrawRequest = null;
      for (const box of boxes) {
        box.min._floor();
        box.max._ceil();
        this._redrawBounds = box;
        this._clear();
        this._draw();
      }
      this._redrawBounds = null;
    },
  });
}

export function createMapView(element, config) {
  const { L } = config;
  const renderer = new (patchRenderer(L))({ padding: 0.3, tolerance: 4 });
  const map = L.map(element, {
    preferCanvas: true, renderer, center: config.center, zoom: config.zoom,
    minZoom: config.minZoom ?? 3, maxZoom: config.maxZoom ?? 16, keyboard: true, zoomSnap: 1,
  });
  map.attributionControl.setPrefix(false);
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
  const outlineLoaded = config.outlineUrl
    ? fetch(config.outlineUrl).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status}`)))).then((data) => {
      outline.addData(data);
      map.attributionControl.addAttribution("Borders: Natural Earth");
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

  let markers = [];
  let selected = -1;
  const layer = L.layerGroup().addTo(map);

  function setPlaces(places) {
    layer.clearLayers();
    markers = places.map((place) => {
      const marker = new PlaceMarker([place.lat, place.lon], {
        renderer, radius: radiusOf(place.size), symbol: { kind: "unknown", colours: [] }, hidden: false, selected: false,
      });
      marker.bindTooltip(() => {
        const label = document.createElement("span");
        label.textContent = place.name;
        return label;
      }, { direction: "top", offset: [0, -radiusOf(place.size)] });
      marker.on("click", () => config.onPlaceClick?.(place.index));
      return marker;
    });
    for (const marker of markers) layer.addLayer(marker);
    selected = -1;
  }

  /** Sets the symbol of each place in `indices`; symbolOf(index) -> style or null (hidden). */
  function restyle(indices, symbolOf) {
    for (const index of indices) {
      const marker = markers[index];
      if (!marker) continue;
      const symbol = symbolOf(index);
      marker.options.hidden = symbol === null;
      if (symbol) marker.options.symbol = symbol;
      marker.redraw();
    }
  }

  function select(index) {
    if (markers[selected]) {
      markers[selected].options.selected = false;
      markers[selected].redraw();
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
      if (places.length) map.fitBounds(L.latLngBounds(places.map((p) => [p.lat, p.lon])).pad(0.25), { animate: false, maxZoom: 7 });
    },
    focus(index, zoom) {
      const marker = markers[index];
      if (marker) map.setView(marker.getLatLng(), Math.max(map.getZoom(), zoom ?? 8), { animate: false });
    },
  };
}
