/**
 * Areas on the map (a district, a governorate, or a derived control area), drawn in the same symbology
 * as the point symbols (symbols.js): solid in the holder's colour when held, the two sides' colours in
 * broad stripes when contested, the holder's colour inside a thick edge in the besieger's when
 * besieged, fine hatching with a dashed edge when disputed, a hollow grey edge when unknown: colour is
 * never the only cue. Drawn by the map's own canvas renderer, under the places' symbols, so a click
 * reaches the symbol on top first and the area around it otherwise.
 */
import { NEUTRAL } from "./symbols.js";

const patterns = new Map();

/** A repeating pattern of diagonal stripes in `colours` (on white when `ground`), `stripe` px wide. */
function stripes(colours, stripe, ground) {
  const key = `${colours.join()}|${stripe}|${ground ?? ""}`;
  if (!patterns.has(key)) {
    const size = stripe * colours.length * (ground ? 2 : 1);
    const tile = document.createElement("canvas");
    tile.width = tile.height = size;
    const ctx = tile.getContext("2d");
    if (ground) {
      ctx.fillStyle = ground;
      ctx.fillRect(0, 0, size, size);
    }
    ctx.lineWidth = stripe * Math.SQRT1_2;
    const step = ground ? 2 * stripe : stripe;
    colours.forEach((colour, i) => {
      ctx.strokeStyle = colour;
      for (let offset = -size; offset <= size; offset += size) {
        const at = offset + i * step + stripe / 2;
        ctx.beginPath();
        ctx.moveTo(at - size, size);
        ctx.lineTo(at + size, -size);
        ctx.stroke();
      }
    });
    patterns.set(key, tile.getContext("2d").createPattern(tile, "repeat"));
  }
  return patterns.get(key);
}

/**
 * Leaflet path options for an area in `style` (symbols.styleOf; null: hidden). `strength` scales the
 * fill (a derived area is lighter than a reported one).
 */
export function areaStyle(style, strength = 1) {
  if (!style) return { hidden: true, stroke: false, fill: false };
  const [a, b = NEUTRAL] = style.colours;
  const base = { hidden: false, stroke: true, fill: true, weight: 1.5, dashArray: null, opacity: 0.9 };
  switch (style.kind) {
    case "controlled":
      return { ...base, color: a, fillColor: a, fillOpacity: 0.35 * strength };
    case "contested":
      return { ...base, color: "#1f1f1f", weight: 1, fillColor: stripes([a, b], 8), fillOpacity: 0.5 * strength };
    case "besieged":
      return { ...base, color: b, weight: 5, fillColor: a, fillOpacity: 0.35 * strength };
    case "disputed":
      return { ...base, color: "#1f1f1f", weight: 1.5, dashArray: "6 4", fillColor: stripes(style.colours, 3, "#ffffff"), fillOpacity: 0.6 * strength };
    default:
      return { ...base, color: "#6b6b6b", weight: 2, fillColor: "#ffffff", fillOpacity: 0.25 * strength };
  }
}

/**
 * A group of areas on `map`, drawn by `renderer`.
 * createAreas({L, map, renderer, strength, onClick(key, event), onSet()}) -> {set, restyle, toBack, keys, size,
 * group}; onSet runs after `set` added areas (drawn on top until the map sends them back: mapview.js).
 */
export function createAreas({ L, map, renderer, strength = 1, onClick, onSet }) {
  const Area = L.Polygon.extend({
    _containsPoint(p) {
      return !this.options.hidden && L.Polygon.prototype._containsPoint.call(this, p);
    },
  });
  const group = L.featureGroup().addTo(map);
  const byKey = new Map();
  if (onClick) group.on("click", (event) => onClick(event.propagatedFrom.areaKey, event));

  return {
    group,
    get keys() {
      return [...byKey.keys()];
    },
    get size() {
      return byKey.size;
    },
    /** Replaces the areas; each is hidden until restyled. */
    set(features, keyOf) {
      group.clearLayers();
      byKey.clear();
      for (const feature of features) {
        const key = keyOf(feature);
        const geometry = feature.geometry;
        if (key === null || key === undefined || !geometry) continue;
        const depth = geometry.type === "MultiPolygon" ? 2 : geometry.type === "Polygon" ? 1 : -1;
        if (depth < 0) continue;
        const area = new Area(L.GeoJSON.coordsToLatLngs(geometry.coordinates, depth), {
          renderer, ...areaStyle(null),
        });
        area.areaKey = key;
        area.feature = feature;
        byKey.set(key, area);
        group.addLayer(area);
      }
      onSet?.();
    },
    /** Restyles the areas among `keys` (others are skipped); styleOf(key) -> symbols.styleOf style or null. */
    restyle(keys, styleOf) {
      for (const key of keys) {
        const area = byKey.get(key);
        if (area) area.setStyle(areaStyle(styleOf(key), strength));
      }
    },
    /** Sends every area behind everything else the renderer draws. */
    toBack() {
      for (const area of byKey.values()) area.bringToBack();
    },
  };
}
