/**
 * "As reported then": one payload, the timeline as reported at each date (every place's state as known
 * at the end of each day, decoded like the timeline and aligned to it), fetched the first time the mode is
 * on; from then on a date in this mode is a lookup like any other, as fast as playback of the present.
 *
 * createKnown({today, url, status, notice(text), onLoaded(timeline)})
 * -> {timeline: the timeline as reported, or null while it is not here (asking for it fetches it),
 *     say(day): writes in `status` whose knowledge the map shows, or that it is still coming}.
 */
import { formatDay } from "../shared/days.js";
import { alignTimeline, decodeTimeline } from "../shared/decode.js";
import { getJSON } from "../shared/http.js";
import { gettext, interpolate } from "../shared/i18n.js";

export function createKnown({ today, url, status, notice, onLoaded }) {
  let reported = null;
  let loading = null;

  function load() {
    loading ??= getJSON(url)
      .then((payload) => {
        reported = alignTimeline(today, decodeTimeline(payload));
        onLoaded(reported);
      })
      .catch((error) => {
        loading = null; // the next use asks again
        notice(interpolate(gettext("Could not load the map as reported then: %(error)s"), { error: error.message }));
      });
    return loading;
  }

  return {
    get timeline() {
      if (!reported) load();
      return reported;
    },
    say(day) {
      const text = reported ? gettext("Showing what was reported by %(date)s.") : gettext("Loading what was reported by %(date)s…");
      status.textContent = interpolate(text, { date: formatDay(day) });
    },
  };
}
