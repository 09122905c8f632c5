/**
 * "Changes since": the places whose state on the date shown differs from their state a week or a month
 * before, or on a chosen date (GET /api/v2/changes/, exactly the difference of the two snapshots),
 * ringed on the map and listed with both states and the claim that decided the new one, as
 * DeepStateMap marks recent advances.
 *
 * Asked for when the date settles (a step, a jump, the end of a drag, a pause), never per playback
 * frame: while playing, the rings stay at the last settled date and follow once playback pauses.
 */
import { isolated, named } from "../shared/bidi.js";
import { dayToISO, formatDay, parseDay } from "../shared/days.js";
import { getJSON } from "../shared/http.js";
import { fill, gettext, interpolate, ngettext, rtl } from "../shared/i18n.js";
import { el } from "../shared/panel.js";
import { describe, heldBy, radiusOf, stateFromApi } from "../shared/symbols.js";

const PERIODS = { week: 7, month: 30 };
const LISTED = 40;
const RING = "#c92a2a";
const QUOTE_LENGTH = 140;

/** The first day of the span `changes` ("week", "month" or a day) ending on `day`. */
const spanStart = (changes, day) => (typeof changes === "number" ? changes : day - PERIODS[changes]);

export function createSince({ L, mapView, api, scene, actorBySlug, placeBySlug, choice, from, section, notice, onPlace, onChange }) {
  const actorIndex = (slug) => actorBySlug.get(slug)?.index ?? -1;
  const map = mapView.map;
  map.createPane("marks").style.zIndex = 440; // over the symbols, under the names
  const renderer = L.canvas({ pane: "marks", padding: 0.3 });
  const rings = L.layerGroup().addTo(map);
  const list = section.querySelector("ol");
  const title = section.querySelector("h2");
  const more = section.querySelector(".since-more");
  let asked = 0;
  let shownFor = null;

  const words = (props) => {
    const state = describe(props.status === "unknown" ? null : stateFromApi(props, actorIndex), scene.nameOfIndex);
    return props.status === "controlled" && !props.disputed ? heldBy(state.holder) : state.status;
  };

  function item(feature) {
    const props = feature.properties;
    const place = placeBySlug.get(props.place);
    const button = el("button", { type: "button", class: "link-button" }, [isolated(place?.name ?? props.place)]);
    button.addEventListener("click", () => onPlace(props.place));
    const evidence = props.to.evidence?.[0];
    const quote = evidence?.quote && (evidence.quote.length > QUOTE_LENGTH ? `${evidence.quote.slice(0, QUOTE_LENGTH)}…` : evidence.quote);
    const why = evidence ? [" — ", named(evidence.claimant), quote ? fill(gettext(": “%(quote)s”"), { quote: named(quote) }) : []] : [];
    const since = props.to.since ? formatDay(parseDay(props.to.since), props.to.precision) : null;
    return el("li", {}, [button, ": ", words(props.from), rtl ? " ← " : " → ", words(props.to),
      since ? interpolate(gettext(" (%(date)s)"), { date: since }) : "", el("span", { class: "why" }, why)]);
  }

  function show(answer, start, day) {
    rings.clearLayers();
    for (const feature of answer.features) {
      const place = placeBySlug.get(feature.properties.place);
      if (!place) continue;
      L.circleMarker([place.lat, place.lon], {
        renderer, radius: radiusOf(place.size) + 5, color: RING, weight: 3, fill: false, interactive: false,
      }).addTo(rings);
    }
    title.textContent = interpolate(gettext("Changed since %(start)s (to %(end)s)"), { start: formatDay(start), end: formatDay(day) });
    list.replaceChildren(...answer.features.slice(0, LISTED).map(item));
    const rest = answer.features.length - LISTED;
    more.textContent = rest > 0 ? interpolate(ngettext("and %(count)s more, ringed on the map", "and %(count)s more, ringed on the map", rest), { count: rest }) : "";
    section.querySelector(".since-empty").hidden = answer.features.length > 0;
    document.body.dataset.changes = String(answer.features.length);
  }

  function clear() {
    asked++;
    shownFor = null;
    rings.clearLayers();
    section.hidden = true;
    delete document.body.dataset.changes;
  }

  /** Shows the changes of view {changes, day, knownAt}; late answers are dropped. */
  async function load({ changes, day, knownAt }) {
    if (changes === null || changes === undefined) return clear();
    const start = spanStart(changes, day);
    section.hidden = false;
    if (start >= day) {
      clear();
      section.hidden = false;
      title.textContent = gettext("Changed since");
      list.replaceChildren(el("li", {}, interpolate(gettext("Choose a date before %(date)s."), { date: formatDay(day) })));
      return;
    }
    const query = new URLSearchParams({ from: dayToISO(start), to: dayToISO(day) });
    if (knownAt !== null && knownAt !== undefined) query.set("known_at", dayToISO(knownAt));
    const key = query.toString();
    if (key === shownFor) return;
    const ticket = ++asked;
    try {
      const answer = await getJSON(`${api}changes/?${key}`);
      if (ticket !== asked) return;
      shownFor = key;
      show(answer, start, day);
    } catch (error) {
      if (ticket === asked) notice(interpolate(gettext("The changes since %(date)s could not be loaded: %(error)s"), { date: formatDay(start), error: error.message }));
    }
  }

  /** The choice as the controls show it: "week", "month", a day, or null. */
  const chosen = () => (choice.value === "date" ? (from.value ? Math.round(from.valueAsNumber / 86400000) : null) : choice.value || null);
  choice.addEventListener("change", () => {
    from.hidden = choice.value !== "date";
    if (choice.value === "date" && !from.value) return from.focus();
    onChange(chosen());
  });
  from.addEventListener("change", () => onChange(chosen()));

  return {
    /** Sets the controls to `changes` ("week", "month", a day or null); settle() shows them. */
    set(changes) {
      choice.value = changes === null || changes === undefined ? "" : typeof changes === "number" ? "date" : changes;
      from.hidden = choice.value !== "date";
      if (typeof changes === "number") from.value = dayToISO(changes);
    },
    settle: load,
  };
}
