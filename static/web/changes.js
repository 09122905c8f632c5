/**
 * The list of changes on the date shown, and why: each change names the claim that made it, fetched
 * lazily (at most three requests at a time; entries that scrolled out of the list are dropped).
 *
 * While playing, the list (a polite live region) takes the latest changes four times a second, and asks
 * why only once playback stops: rewriting it and fetching claims on every frame cost more than drawing
 * the map, and announced nothing a listener could follow.
 */
import { named, phrase, isolated } from "../shared/bidi.js";
import { dayToISO, formatDay } from "../shared/days.js";
import { getJSON } from "../shared/http.js";
import { fill, gettext } from "../shared/i18n.js";
import { describe } from "../shared/symbols.js";

const SHOWN = 12;
const AT_ONCE = 3; // "why" requests in flight
const QUOTE_LENGTH = 140;

export function createChanges({ api, places, scene, list, title, empty, onPlace }) {
  const whyCache = new Map();
  let whyQueue = [];
  let whyBusy = 0;
  let played = [];
  let playedTimer = 0;
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
    explainQueued();
    empty.hidden = list.children.length > 0;
  }

  function flushPlayed() {
    clearTimeout(playedTimer);
    playedTimer = 0;
    if (played.length) show(played, gettext("Changes while playing"), true);
    played = [];
  }

  return {
    /** The changes of one day (or one step), replacing the list. */
    show(changes, heading) {
      clearTimeout(playedTimer);
      playedTimer = 0;
      played = [];
      show(changes, heading, false);
    },
    /** Changes passed while playing: added to the list a few times a second. */
    queuePlayed(changes) {
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
