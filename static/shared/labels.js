/**
 * Place names on the map as DOM text, so that find-in-page and screen readers reach them and the page's
 * font shapes every script. Which names show is chosen after every move or zoom, never per playback
 * frame (a name does not change with the date): the biggest places first, the smaller ones as the map
 * zooms in, each name beside its symbol and clear of every name and labelled symbol before it.
 *
 * chooseLabels is the pure choice (unit-tested at ten thousand places); createLabels keeps the pane.
 */
const HEIGHT = 16; // px: one line of the label font with its halo
const GAP = 3; // px between a symbol and its name
const AREA_PER_LABEL = 5000; // px² of map per name at most: at 360 px a phone shows a few dozen
const MAX_LABELS = 150;
const CELL = 48; // px

/** The smallest size class named at `zoom`: major cities at country scale, every site at street scale. */
export function smallestNamedSize(zoom) {
  return Math.min(5, Math.max(1, 9 - Math.round(zoom)));
}

/** The most names a map of width × height px shows. */
export function labelBudget(width, height) {
  return Math.max(1, Math.min(MAX_LABELS, Math.floor((width * height) / AREA_PER_LABEL)));
}

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * The names to show. candidates: [{index, x, y, r}] in order of priority (biggest first), x and y the
 * symbol's centre in map pixels; width(index) the name's width in px. Returns [{index, x, y, w, h}]:
 * the box of each name, right of its symbol or else left of it, inside the map, overlapping no other
 * name and no labelled symbol; at most `max` of them.
 */
export function chooseLabels(candidates, { width, height, max, widthOf }) {
  const taken = new Map(); // cell -> boxes that touch it
  const cells = (box, visit) => {
    for (let cx = Math.floor(box.x / CELL); cx <= Math.floor((box.x + box.w) / CELL); cx++) {
      for (let cy = Math.floor(box.y / CELL); cy <= Math.floor((box.y + box.h) / CELL); cy++) visit(cx * 65536 + cy);
    }
  };
  const free = (box) => {
    let clear = true;
    cells(box, (key) => {
      if (clear && taken.get(key)?.some((other) => overlaps(box, other))) clear = false;
    });
    return clear;
  };
  const take = (box) => cells(box, (key) => {
    const list = taken.get(key);
    if (list) list.push(box);
    else taken.set(key, [box]);
  });
  const inside = (box) => box.x >= 0 && box.y >= 0 && box.x + box.w <= width && box.y + box.h <= height;
  const chosen = [];
  for (const { index, x, y, r } of candidates) {
    if (chosen.length >= max) break;
    const symbol = { x: x - r, y: y - r, w: 2 * r, h: 2 * r };
    if (!free(symbol)) continue;
    const w = Math.ceil(widthOf(index));
    const top = y - HEIGHT / 2;
    const box = [{ x: x + r + GAP, y: top, w, h: HEIGHT }, { x: x - r - GAP - w, y: top, w, h: HEIGHT }]
      .find((b) => inside(b) && free(b));
    if (!box) continue;
    take(symbol);
    take(box);
    chosen.push({ index, ...box });
  }
  return chosen;
}

/**
 * The label pane of a Leaflet map. setPlaces(places, radiusOf) once; update() after the view moves
 * (it listens for that itself) or when the shown places change (setShown).
 */
export function createLabels(map, L) {
  const pane = map.createPane("labels");
  pane.classList.add("map-labels");
  pane.style.zIndex = 450; // over the places' canvas, under tooltips and popups
  const font = "600 12px system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif";
  const measure = document.createElement("canvas").getContext("2d");
  measure.font = font;
  let places = [];
  let byPriority = [];
  let radii = [];
  let widths = new Float32Array(0);
  let shown = () => true;
  const elements = new Map(); // place index -> its label, made once

  const widthOf = (index) => {
    if (!widths[index]) widths[index] = measure.measureText(places[index].name).width + 2;
    return widths[index];
  };

  function labelOf(index) {
    let label = elements.get(index);
    if (!label) {
      label = document.createElement("bdi"); // the name isolated from the page's direction
      label.className = "map-label";
      label.style.font = font;
      label.textContent = places[index].name;
      elements.set(index, label);
    }
    return label;
  }

  function update() {
    if (!map._loaded || !places.length) return;
    const size = map.getSize();
    const smallest = smallestNamedSize(map.getZoom());
    const origin = map.containerPointToLayerPoint([0, 0]);
    const candidates = [];
    for (const place of byPriority) {
      if ((place.size || 3) < smallest) break;
      if (!shown(place.index)) continue;
      const point = map.latLngToContainerPoint([place.lat, place.lon]);
      if (point.x < 0 || point.y < 0 || point.x > size.x || point.y > size.y) continue;
      candidates.push({ index: place.index, x: point.x, y: point.y, r: radii[place.index] });
    }
    const chosen = chooseLabels(candidates, { width: size.x, height: size.y, max: labelBudget(size.x, size.y), widthOf });
    pane.replaceChildren(...chosen.map((box) => {
      const label = labelOf(box.index);
      L.DomUtil.setPosition(label, origin.add([box.x, box.y]));
      label.style.width = `${box.w}px`;
      return label;
    }));
  }

  map.on("moveend zoomend resize viewreset", update);
  return {
    update,
    setPlaces(list, radiusOf) {
      places = list;
      radii = list.map((place) => radiusOf(place.size));
      widths = new Float32Array(list.length);
      byPriority = [...list].sort((a, b) => (b.size || 3) - (a.size || 3) || a.index - b.index);
      elements.clear();
      update();
    },
    /** Which places may be named (shown(index) -> boolean); applied on the next update. */
    setShown(fn) {
      shown = fn;
    },
  };
}
