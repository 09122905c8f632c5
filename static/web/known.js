/**
 * "As reported then": one timeline per knowledge date, fetched on demand, at most one request at a time;
 * while one is in flight only the latest date asked for waits, the dates passed meanwhile are skipped.
 *
 * createKnown({today, url(day), status, notice(text), onLoaded(day, timeline), stillWanted() -> day|null})
 * -> {timelineFor(day)}: the timeline as known on `day` if it is here, else null (and it is fetched).
 */
import { dayToISO, formatDay } from "../shared/days.js";
import { alignTimeline, decodeTimeline } from "../shared/decode.js";
import { getJSON } from "../shared/http.js";
import { gettext, interpolate } from "../shared/i18n.js";

const KEPT = 500; // timelines kept before the cache starts again

export function createKnown({ today, url, status, notice, onLoaded, stillWanted }) {
  const cache = new Map();
  let wanted = null;
  let busy = false;
  const say = (day) => interpolate(gettext("Showing what was reported by %(date)s."), { date: formatDay(day) });

  async function fetchWanted() {
    busy = true;
    while (wanted !== null) {
      const day = wanted;
      wanted = null;
      try {
        const timeline = alignTimeline(today, decodeTimeline(await getJSON(url(day))));
        if (cache.size > KEPT) cache.clear();
        cache.set(day, timeline);
        onLoaded(day, timeline);
      } catch (error) {
        notice(interpolate(gettext("Could not load the map as reported on %(date)s: %(error)s"), { date: formatDay(day), error: error.message }));
      }
    }
    busy = false;
    const day = stillWanted();
    status.textContent = day === null ? "" : say(day);
  }

  function timelineFor(day) {
    if (cache.has(day)) {
      status.textContent = say(day);
      return cache.get(day);
    }
    status.textContent = interpolate(gettext("Loading what was reported by %(date)s…"), { date: formatDay(day) });
    wanted = day;
    if (!busy) fetchWanted();
    return null;
  }

  return { timelineFor };
}
