/**
 * The map's data, asked for, parsed and decoded as soon as this module's three imports arrive. The page
 * loads it on its own (an async module script), so the timeline is decoded while the page's other modules
 * are still downloading, instead of after all of them (main.js imports the same instance and awaits it).
 *
 * config: the page's settings (web/views.py map_config); timeline: a promise of the decoded timeline;
 * outline: a promise of the country outline's GeoJSON, or null.
 */
import { decodeTimeline } from "../shared/decode.js";
import { getJSON } from "../shared/http.js";

export const config = JSON.parse(document.getElementById("map-config").textContent);

export const timeline = getJSON(config.timelineUrl).then(decodeTimeline);
export const outline = config.outlineUrl ? getJSON(config.outlineUrl) : null;

// Awaited by main.js, which reports a failure; until then a rejection is not an unhandled one.
timeline.catch(() => {});
outline?.catch(() => {}); // a missing outline leaves the map without borders, nothing more
