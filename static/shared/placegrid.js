/**
 * Which places' symbols reach a box or a point on the map's canvas (canvas.js): a grid of screen cells
 * over the places' drawn positions, so that a changed box or the pointer looks at the few places near
 * it, not at ten thousand. Built after each projection; places are listed in drawing (index) order.
 */
const CELL = 64; // px
const key = (cx, cy) => cx * 65536 + cy;

/** Whether a drawing centred on (x, y) reaching `reach` px meets `box` (Leaflet Bounds, layer pixels). */
export const reaches = (x, y, reach, box) =>
  x + reach >= box.min.x && x - reach <= box.max.x && y + reach >= box.min.y && y - reach <= box.max.y;

/** x, y: the places' layer pixels; reachOf(index): how far from its centre a place's drawing reaches. */
export function createPlaceGrid(x, y, reachOf) {
  const cells = new Map();
  for (let index = 0; index < x.length; index++) {
    const reach = reachOf(index);
    for (let cx = Math.floor((x[index] - reach) / CELL); cx <= Math.floor((x[index] + reach) / CELL); cx++) {
      for (let cy = Math.floor((y[index] - reach) / CELL); cy <= Math.floor((y[index] + reach) / CELL); cy++) {
        const cell = cells.get(key(cx, cy));
        if (cell) cell.push(index);
        else cells.set(key(cx, cy), [index]);
      }
    }
  }
  const visited = new Int32Array(x.length);
  let visit = 0;
  return {
    /** The places whose drawings may reach the cell under `point`, in drawing order. */
    at(point) {
      return cells.get(key(Math.floor(point.x / CELL), Math.floor(point.y / CELL))) ?? [];
    },
    /** The places whose drawings may reach into `box` (Leaflet Bounds), in drawing order. */
    placesIn(box) {
      visit++;
      const found = [];
      for (let cx = Math.floor(box.min.x / CELL); cx <= Math.floor(box.max.x / CELL); cx++) {
        for (let cy = Math.floor(box.min.y / CELL); cy <= Math.floor(box.max.y / CELL); cy++) {
          for (const index of cells.get(key(cx, cy)) ?? []) {
            if (visited[index] === visit) continue;
            visited[index] = visit;
            if (reaches(x[index], y[index], reachOf(index), box)) found.push(index);
          }
        }
      }
      return found.sort((a, b) => a - b);
    },
  };
}
