/**
 * The canvas of the map's places and areas (mapview.js): Leaflet 1.9's canvas renderer (the vendored
 * copy), which draws the areas as Leaflet paths, with the places drawn by the renderer itself over them.
 *
 * A place is an index into typed arrays, not a Leaflet layer: as ten thousand CircleMarkers (an object,
 * a projection and Leaflet's bookkeeping each) the places cost a third of the map's first render, and
 * their projection after every zoom as much again; here one loop projects them all. Leaflet's renderer
 * also repaints the union of the changed boxes, which with changes scattered over the map is the whole
 * map on every frame; this one repaints each changed box on its own and finds the places under it in a
 * grid of screen cells (placegrid.js), so a playback frame costs in proportion to the places that changed.
 */
import { createPlaceGrid, reaches } from "./placegrid.js";
import { stampSymbol } from "./symbols.js";

const MAX_BOXES = 300; // beyond this many changed boxes one full repaint is cheaper
const FULL_SHARE = 0.5; // box by box costs about twice per symbol what a full repaint does (clips, lookups)
const REACH = 7; // px beyond a symbol's radius that its drawing may cover: the selection ring (symbols.js)
const SLOP = 5; // px beyond a symbol's radius at which a pointer still reaches it

/** Whether symbol `after` hides all of `before` when drawn over it (an unknown ring is the smallest). */
const covers = (before, after) => after.kind !== "unknown" || before.kind === "unknown";

/**
 * Leaflet's L.Canvas, drawing the places too. options: Leaflet's, plus onPlaceClick(index) and
 * onPlaceHover(index, or -1 when the pointer leaves the place).
 */
export function placesRenderer(L) {
  return L.Canvas.extend({
    initialize(options) {
      L.Canvas.prototype.initialize.call(this, options);
      this._worldX = new Float64Array(0); // the places at zoom 0, in the map's projection
      this._worldY = new Float64Array(0);
      this._x = new Float64Array(0); // the places in layer pixels at the map's zoom
      this._y = new Float64Array(0);
      this._radius = new Uint8Array(0);
      this._styles = []; // each place's symbol style (symbols.js), null while hidden
      this._selected = -1;
      this._hoveredPlace = -1;
      this._projected = false;
    },

    /** Replaces the places ([{lat, lon, size}]); each is hidden until restylePlaces gives it a style. */
    setPlaces(places, radiusOf) {
      const count = places.length;
      const crs = this._map.options.crs;
      this._worldX = new Float64Array(count);
      this._worldY = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        const point = crs.latLngToPoint({ lat: places[i].lat, lng: places[i].lon }, 0);
        this._worldX[i] = point.x;
        this._worldY[i] = point.y;
      }
      this._x = new Float64Array(count);
      this._y = new Float64Array(count);
      this._radius = Uint8Array.from(places, (place) => radiusOf(place.size));
      this._styles = new Array(count).fill(null);
      this._selected = -1;
      this._hoveredPlace = -1;
      this._projectPlaces();
      this._requestFullRedraw();
    },

    /** The style place `index` is drawn in, or null when it is hidden. */
    placeStyle(index) {
      return this._styles[index] ?? null;
    },

    /**
     * Sets the style of each place in `indices`; styleOf(index) -> style or null (hidden).
     *
     * At the zoom that shows a whole country, ten thousand symbols overlap many deep, so repainting a
     * changed place's box means repainting every neighbour under it. A new symbol that covers the old
     * one is stamped straight on top instead (the latest change shows on top, as it should while
     * playing); only a symbol that shrinks or disappears repaints its box.
     */
    restylePlaces(indices, styleOf) {
      const stamps = [];
      const boxes = [];
      for (const index of indices) {
        if (!(index < this._styles.length)) continue;
        const style = styleOf(index);
        const before = this._styles[index];
        this._styles[index] = style;
        if (!before && !style) continue;
        if (style && before && covers(before, style) && index !== this._selected) stamps.push(index);
        else boxes.push(index);
      }
      if (!this._map) return;
      // Stamping costs one copy per changed place, so only the boxes to repaint decide on a full repaint;
      // with one already due (at start, after a zoom) it paints the new symbols anyway.
      if (boxes.length > MAX_BOXES || this._full) {
        this._requestFullRedraw();
        return;
      }
      for (const index of stamps) this._stampPlace(index, false);
      for (const index of boxes) this._requestPlaceRedraw(index);
    },

    /** Draws place `index` on top with the selection ring (-1: none). */
    selectPlace(index) {
      const before = this._selected;
      this._selected = index < this._styles.length ? index : -1;
      if (!this._map) return;
      if (before >= 0) this._requestPlaceRedraw(before);
      if (this._selected >= 0) this._requestPlaceRedraw(this._selected);
    },

    /** The place drawn topmost whose symbol is within reach of layer point `point`, or -1. */
    placeAt(point) {
      let found = -1;
      for (const index of this._placeGrid().at(point)) {
        if (!this._styles[index]) continue;
        const reach = this._radius[index] + SLOP;
        const dx = point.x - this._x[index];
        const dy = point.y - this._y[index];
        if (dx * dx + dy * dy > reach * reach) continue;
        if (index === this._selected) return index;
        found = index; // cells list places in drawing order: the last found is on top
      }
      return found;
    },

    _stampPlace(index, selected) {
      stampSymbol(this._ctx, this._x[index], this._y[index], this._radius[index], this._styles[index], selected);
    },

    _projectPlaces() {
      const map = this._map;
      const crs = map.options.crs;
      const zoom = map.getZoom();
      const scale = crs.scale(zoom) / crs.scale(0);
      const origin = map.getPixelOrigin();
      for (let i = 0; i < this._x.length; i++) {
        // Rounded as Leaflet rounds a projected point (Map.latLngToLayerPoint).
        this._x[i] = Math.round(this._worldX[i] * scale) - origin.x;
        this._y[i] = Math.round(this._worldY[i] * scale) - origin.y;
      }
      this._grid = null;
      this._projected = true;
    },

    _placeGrid() {
      this._grid ??= createPlaceGrid(this._x, this._y, (index) => this._radius[index] + REACH);
      return this._grid;
    },

    /** Draws `places` (indices in drawing order), the selected one last and ringed. */
    _drawPlaces(places) {
      for (const index of places) {
        if (index !== this._selected && this._styles[index]) this._stampPlace(index, false);
      }
      if (this._selected >= 0 && this._styles[this._selected]) this._stampPlace(this._selected, true);
    },

    _requestPlaceRedraw(index) {
      const reach = this._radius[index] + REACH;
      const x = this._x[index];
      const y = this._y[index];
      const box = L.bounds([Math.floor(x - reach), Math.floor(y - reach)], [Math.ceil(x + reach), Math.ceil(y + reach)]);
      if (!this._full) (this._dirtyBoxes ??= []).push(box);
      this._redrawBounds = (this._redrawBounds ?? L.bounds(box.min, box.max)).extend(box.min).extend(box.max);
      this._redrawRequest ||= L.Util.requestAnimFrame(this._redraw, this);
    },

    // An area's change is one more box to repaint.
    _extendRedrawBounds(layer) {
      if (!layer._pxBounds || this._full) return; // everything is repainted anyway
      const pad = (layer.options.weight || 0) + 1;
      const box = L.bounds(layer._pxBounds.min.subtract([pad, pad]), layer._pxBounds.max.add([pad, pad]));
      (this._dirtyBoxes ??= []).push(box);
      L.Canvas.prototype._extendRedrawBounds.call(this, layer);
    },

    // Anything that moves the places on screen projects them again, before the full repaint it asks for.
    _updatePaths() {
      this._dirtyBoxes = null;
      if (!this._postponeUpdatePaths) this._projectPlaces();
      L.Canvas.prototype._updatePaths.call(this);
    },

    /** Repaints everything on the next frame, whatever else asks for a box meanwhile. */
    _requestFullRedraw() {
      this._full = true;
      this._redrawRequest ||= L.Util.requestAnimFrame(this._redraw, this);
    },

    // The areas (Leaflet's paths), then the places over them, inside the redraw bounds if any.
    _draw() {
      L.Canvas.prototype._draw.call(this);
      if (!this._projected) return;
      const ctx = this._ctx;
      const bounds = this._redrawBounds ?? this._bounds;
      ctx.save();
      if (this._redrawBounds) {
        const size = bounds.getSize();
        ctx.beginPath();
        ctx.rect(bounds.min.x, bounds.min.y, size.x, size.y);
        ctx.clip();
      }
      const inside = [];
      for (let index = 0; index < this._x.length; index++) {
        if (reaches(this._x[index], this._y[index], this._radius[index] + REACH, bounds)) inside.push(index);
      }
      this._drawPlaces(inside);
      ctx.restore();
    },

    _redraw() {
      const boxes = this._dirtyBoxes;
      this._dirtyBoxes = null;
      if (this._full || !this._redrawBounds || !boxes || boxes.length > MAX_BOXES) {
        this._full = false;
        this._redrawBounds = null;
        L.Canvas.prototype._redraw.call(this);
        return;
      }
      // Where symbols crowd (50,000 places in a country's view), the boxes can hold more symbols between
      // them than the whole map: then one full repaint is the cheaper.
      const places = [];
      let total = 0;
      for (const box of boxes) {
        box.min._floor();
        box.max._ceil();
        const found = this._placeGrid().placesIn(box);
        places.push(found);
        total += found.length;
        if (total > this._x.length * FULL_SHARE) {
          this._redrawBounds = null;
          L.Canvas.prototype._redraw.call(this);
          return;
        }
      }
      this._redrawRequest = null;
      const ctx = this._ctx;
      boxes.forEach((box, i) => {
        const size = box.getSize();
        ctx.clearRect(box.min.x, box.min.y, size.x, size.y);
        ctx.save();
        ctx.beginPath();
        ctx.rect(box.min.x, box.min.y, size.x, size.y);
        ctx.clip();
        this._drawing = true;
        for (let order = this._drawFirst; order; order = order.next) {
          const layer = order.layer;
          if (layer._pxBounds?.intersects(box)) layer._updatePath();
        }
        this._drawing = false;
        this._drawPlaces(places[i]);
        ctx.restore();
      });
      this._redrawBounds = null;
    },

    // A place on top takes the pointer before the areas under it.
    _onClick(event) {
      const index = this.placeAt(this._map.mouseEventToLayerPoint(event));
      if (index < 0) {
        L.Canvas.prototype._onClick.call(this, event);
        return;
      }
      if (event.type === "click" && !this._map._draggableMoved(this._map)) this.options.onPlaceClick?.(index);
      this._fireEvent(false, event); // the map's own handling, as for a click on the map
    },

    _handleMouseHover(event, point) {
      const index = this.placeAt(point);
      if (index < 0) {
        if (this._hoveredPlace >= 0) this._leavePlace();
        L.Canvas.prototype._handleMouseHover.call(this, event, point);
        return;
      }
      if (this._hoveredLayer) L.Canvas.prototype._handleMouseOut.call(this, event); // off the area under it
      if (index !== this._hoveredPlace) {
        this._hoveredPlace = index;
        L.DomUtil.addClass(this._container, "leaflet-interactive"); // the pointer cursor
        this.options.onPlaceHover?.(index);
      }
      this._fireEvent(false, event); // the map's own handling, as for a move over the map
    },

    _handleMouseOut(event) {
      if (this._hoveredPlace >= 0) this._leavePlace();
      L.Canvas.prototype._handleMouseOut.call(this, event);
    },

    _leavePlace() {
      this._hoveredPlace = -1;
      L.DomUtil.removeClass(this._container, "leaflet-interactive");
      this.options.onPlaceHover?.(-1);
    },
  });
}
