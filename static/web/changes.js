/**
 * The list of changes on the date shown, and why: each change names the claim that made it, fetched
 * lazily (at most three requests at a time; entries that scrolled out of the list are dropped).
 *
 * While playing, the list (a polite live region) takes the latest changes four times a second, and asks
 * why only once playback stops: rewriting it and fetching claims on every frame cost more than drawing
 * the map, and announced nothing a listener could follow. Stepped, it asks why once the date rests:
 * a dozen answers arriving mid-step each lay the page out again.
 */
import { named, phrase, isolated } from "../shared/bidi.js";
import { dayToISO, formatDay } from "../shared/days.js";
import { getJSON } from "../shared/http.js";
import { fill, gettext } from "../shared/i18n.js";
import { describe } from "../shared/symbols.js";

const SHOWN = 12;
const AT_ONCE = 3; // "why" requests in flight
const QUOTE_LENGTH = 140;
const REST_MS = 300; // the date rests this long before the list asks why
const THROTTLE_MS = 250; // a burst of steps rewrites the list at most this often

export function createChanges({ api, places, scene, list, title, empty, onPlace }) {
  const whyCache = new Map();
  let whyQueue = [];
  let whyBusy = 0;
  let played = [];
  let playedTimer = 0;
  let whyTimer = 0;
  let stepTimer = 0;
  let shownAt = -Infinity;
  let latest = null; // [changes, heading] of the last step of a burst, not shown yet
  const playing = () => document.body.classList.contains("playing");

  async function explain(slug, day, target) {
    if (!target.isConnected) return;
    const key = `${slug}/${day}`;
    if (!whyCache.has(key)) {
      const iso = dayToISO(day);
      whyCache.set(key, getJSON(`${api}claims/?place=${encodeURIComponent(slug)}&date_from=${iso}&date_to=${iso}`)
        .then((page) => (page.results ?? []).filter((c) => !c.superseded)).catch(() => []));
    }
    const claims = await whyCache.get(key);
    if (!claims.length) return;
    const claim = claims[0];
    const cited = claim.evidence?.[0];
    const quote = cited?.quote && (cited.quote.length > QUOTE_LENGTH ? `${cited.quote.slice(0, QUOTE_LENGTH)}…` : cited.quote);
    target.replaceChildren(...phrase(" — ", named(claim.claimant),
      cited?.outlet ? fill(gettext(", via %(outlet)s"), { outlet: named(cited.outlet) }) : [],
      quote ? fill(gettext(": “%(quote)s”"), { quote: named(quote) }) : []));
  }

  /** Asks why for the entries still listed; while playing, waits for playback to stop. */
  function explainQueued() {
    whyQueue = whyQueue.filter(([, , target]) => target.isConnected);
    if (playing()) return;
    while (whyBusy < AT_ONCE && whyQueue.length) {
      const [slug, day, target] = whyQueue.pop();
      whyBusy++;
      explain(slug, day, target).finally(() => {
        whyBusy--;
        explainQueued();
      });
    }
  }

  function show(changes, heading, append) {
    title.textContent = heading;
    if (!append) list.replaceChildren();
    for (const change of changes.slice(-SHOWN)) {
      const place = places[change.place];
      const state = scene.timeline.states[change.stateIndex];
      const words = describe(state, scene.nameOfIndex);
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link-button";
      button.append(isolated(place.name));
      button.addEventListener("click", () => onPlace(place.slug));
      const date = formatDay(change.day, change.precision);
      const what = state?.status === "controlled" ? fill(gettext(" now held by %(holder)s (%(date)s)"), { holder: words.holder, date })
        : fill(gettext(" now %(status)s (%(date)s)"), { status: words.status, date });
      li.append(button, ...phrase(what));
      const why = document.createElement("span");
      why.className = "why";
      li.append(why);
      list.prepend(li);
      whyQueue.push([place.slug, change.day, why]);
    }
    while (list.children.length > SHOWN) list.lastElementChild.remove();
    clearTimeout(whyTimer);
    whyTimer = setTimeout(explainQueued, REST_MS);
    empty.hidden = list.children.length > 0;
  }

  function flushPlayed() {
    clearTimeout(playedTimer);
    playedTimer = 0;
    if (played.length) show(played, gettext("Changes while playing"), true);
    played = [];
  }

  return {
    /**
     * The changes of one day (or one step), replacing the list: at once, but in a burst of steps (a
     * key held) at most four times a second, the latest day's, as while playing.
     */
    show(changes, heading) {
      clearTimeout(playedTimer);
      playedTimer = 0;
      played = [];
      const now = performance.now();
      if (!stepTimer && now - shownAt >= THROTTLE_MS) {
        shownAt = now;
        show(changes, heading, false);
        return;
      }
      latest = [changes, heading];
      stepTimer ||= setTimeout(() => {
        stepTimer = 0;
        shownAt = performance.now();
        show(...latest, false);
      }, Math.max(0, THROTTLE_MS - (now - shownAt)));
    },
    /** Changes passed while playing: added to the list a few times a second. */
    queuePlayed(changes) {
      clearTimeout(stepTimer); // a step's list not shown yet gives way to playback's
      stepTimer = 0;
      played = played.concat(changes.slice(-SHOWN)).slice(-SHOWN);
      playedTimer ||= setTimeout(flushPlayed, 250);
    },
    /** Playback stopped: the list catches up and asks why. */
    stopped() {
      flushPlayed();
      explainQueued();
    },
  };
}
