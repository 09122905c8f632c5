/**
 * Parses and decodes the map's timeline off the page's main thread (started by timeline-start.js): it
 * receives the answer's bytes and sends back decodeColumns' lists, its typed arrays transferred, not copied.
 */
import { decodeColumns } from "../shared/decode.js";

addEventListener("message", ({ data: bytes }) => {
  try {
    const decoded = decodeColumns(JSON.parse(new TextDecoder().decode(bytes)));
    const buffers = new Set([decoded.offsets, decoded.days, decoded.since, decoded.stateOf, decoded.precisionOf].map((array) => array.buffer));
    postMessage({ decoded }, [...buffers]);
  } catch (error) {
    postMessage({ error: error.message });
  }
});
