/**
 * The canvas renderer of the map's places (mapview.js), a patch of Leaflet 1.9's (the vendored copy).
 *
 * Leaflet's canvas renderer repaints the union of the changed places' boxes: with changes scattered
 * over the map that is the whole map on every frame. This one repaints each changed box on its own,
 * and finds the places under a box in a grid of screen cells instead of testing all ten thousand:
 * a playback frame then costs in proportion to the places that changed, not to the places on the map.
 */
const CELL = 64; // px
export const MAX_BOXES = 300; // beyond this many changed boxes one full repaint is cheaper
const FULL_SHARE = 0.5; // box by box costs about twice per symbol what a full repaint does (clips, lookups)

/** Leaflet's L.Canvas, repainting box by box. */
export function patchRenderer(L) {
  return L.Canvas.extend({
    _extendRedrawBounds(layer) {
      if (!layer._pxBounds || this._full) return; // everything is repainted anyway
      const pad = (layer.options.weight || 0) + 1;
      const box = L.bounds(layer._pxBounds.min.subtract([pad, pad]), layer._pxBounds.max.add([pad, pad]));
      (this._dirtyBoxes ??= []).push(box);
      L.Canvas.prototype._extendRedrawBounds.call(this, layer);
    },
    // Anything that moves places on screen or changes their order rebuilds the grid on next use.
    _updatePaths() {
      this._dirtyBoxes = null;
      this._grid = null;
      L.Canvas.prototype._updatePaths.call(this);
    },
    _reset() {
      this._grid = null;
      L.Canvas.prototype._reset.call(this);
    },
    _initPath(layer) {
      this._grid = null;
      L.Canvas.prototype._initPath.call(this, layer);
    },
    _removePath(layer) {
      this._grid = null;
      L.Canvas.prototype._removePath.call(this, layer);
    },
    _updatePath(layer) {
      this._grid = null;
      L.Canvas.prototype._updatePath.call(this, layer);
    },
    _bringToFront(layer) {
      this._grid = null;
      L.Canvas.prototype._bringToFront.call(this, layer);
    },
    _bringToBack(layer) {
      this._grid = null;
      L.Canvas.prototype._bringToBack.call(this, layer);
    },
    /** Map of cell key -> layers overlapping that cell, each layer numbered in drawing order. */
    _buildGrid() {
      const grid = new Map();
      let order = 0;
      for (let item = this._drawFirst; item; item = item.next) {
        const layer = item.layer;
        layer._drawOrder = order++;
        const b = layer._pxBounds;
        if (!b) continue;
        for (let cx = Math.floor(b.min.x / CELL); cx <= Math.floor(b.max.x / CELL); cx++) {
          for (let cy = Math.floor(b.min.y / CELL); cy <= Math.floor(b.max.y / CELL); cy++) {
            const key = cx * 65536 + cy;
            const cell = grid.get(key);
            if (cell) cell.push(layer);
            else grid.set(key, [layer]);
          }
        }
      }
      this._grid = grid;
      this._gridLayers = order;
      this._visit = 0;
      return grid;
    },
    /** The layers whose boxes meet `box`, in drawing order. */
    _layersIn(box) {
      const grid = this._grid ?? this._buildGrid();
      const visit = ++this._visit;
      const found = [];
      for (let cx = Math.floor(box.min.x / CELL); cx <= Math.floor(box.max.x / CELL); cx++) {
        for (let cy = Math.floor(box.min.y / CELL); cy <= Math.floor(box.max.y / CELL); cy++) {
          const cell = grid.get(cx * 65536 + cy);
          if (!cell) continue;
          for (const layer of cell) {
            if (layer._gridVisit === visit) continue;
            layer._gridVisit = visit;
            if (layer._pxBounds.intersects(box)) found.push(layer);
          }
        }
      }
      return found.sort((a, b) => a._drawOrder - b._drawOrder);
    },
    /** Repaints everything on the next frame, whatever else asks for a box meanwhile. */
    _requestFullRedraw() {
      this._full = true;
      this._redrawRequest ||= L.Util.requestAnimFrame(this._redraw, this);
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
      const layers = [];
      let total = 0;
      for (const box of boxes) {
        box.min._floor();
        box.max._ceil();
        const found = this._layersIn(box);
        layers.push(found);
        total += found.length;
        if (total > this._gridLayers * FULL_SHARE) {
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
        for (const layer of layers[i]) layer._updatePath();
        this._drawing = false;
        ctx.restore();
      });
      this._redrawBounds = null;
    },
  });
}
