/**
 * The derived control areas (GET /api/v2/areas/), a layer the reader turns on: territory shaded by the
 * state of its nearest sourced places, by the method the answer states. Honest by construction: the
 * layer says "derived, not reported" on the map and in the legend, the legend quotes the method and
 * its parameters as the answer carries them, and a click on an area lists the places and the claims
 * that shaped it, each place opening its panel with those claims quoted.
 *
 * Areas are asked for when the date settles (a step, a jump, the end of a drag, a pause), never per
 * playback frame: while playing they stay at the last settled date and follow once playback pauses.
 */
import { capitalised, isolated, phrase } from "../shared/bidi.js";
import { dayToISO, formatDay } from "../shared/days.js";
import { getJSON } from "../shared/http.js";
import { corner, fill, gettext, interpolate } from "../shared/i18n.js";
import { el } from "../shared/panel.js";
import { describe, stateFromApi, styleOf } from "../shared/symbols.js";

const NOTE = gettext("Shaded areas: derived from the nearest sourced places, not reported");

export function createDerived({ L, mapView, api, scene, actorBySlug, placeBySlug, toggle, legend, notice, onPlace, onToggle }) {
  const actorIndex = (slug) => actorBySlug.get(slug)?.index ?? -1;
  let features = [];
  let asked = 0;
  let shownFor = null;
  // Kept clear of the zoom buttons, and scrolling inside a phone's short map.
  const popup = L.popup({ maxWidth: 280, maxHeight: 200, autoPanPaddingTopLeft: [52, 10], autoPanPaddingBottomRight: [10, 10] });

  const note = L.control({ position: corner("bottomleft") });
  note.onAdd = () => el("p", { class: "derived-note" }, [NOTE]);

  function details(feature) {
    const props = feature.properties;
    const words = describe(stateFromApi(props, actorIndex), scene.nameOfIndex);
    const box = el("div", { class: "derived-popup" }, [
      el("h3", {}, [gettext("Derived area, not reported")]),
      el("p", {}, props.status === "controlled" && !props.disputed ? fill(gettext("Held by %(holder)s"), { holder: words.holder })
        : [capitalised(words.status)]),
      el("h4", {}, [gettext("Shaped by these places")]),
    ]);
    const places = el("ul");
    for (const slug of props.places) {
      const place = placeBySlug.get(slug);
      const button = el("button", { type: "button", class: "link-button" }, [isolated(place?.name ?? slug)]);
      button.addEventListener("click", () => {
        mapView.map.closePopup(popup);
        onPlace(slug);
      });
      places.append(el("li", {}, [button]));
    }
    const claims = el("ul", { class: "derived-claims" });
    for (const key of props.claims ?? []) claims.append(el("li", {}, [el("code", {}, [key])]));
    box.append(places, el("h4", {}, [gettext("Deciding claims")]), claims,
      el("p", { class: "help" }, [gettext("Each place's panel quotes the claims that decide it.")]));
    return box;
  }

  const areas = mapView.addAreas({
    strength: 0.6,
    onClick: (key, event) => {
      const feature = features[key];
      if (feature) popup.setLatLng(event.latlng).setContent(details(feature)).openOn(mapView.map);
    },
  });

  function describeMethod(method) {
    if (!method) return;
    const parameters = Object.entries(method).filter(([name]) => !["name", "description", "derived"].includes(name));
    legend.replaceChildren(
      el("p", {}, [method.description ?? method.name ?? ""]),
      el("ul", { class: "derived-method" }, parameters.map(([name, value]) => el("li", {}, [`${name.replaceAll("_", " ")}: ${value}`]))),
    );
  }

  function draw() {
    features.forEach((feature, i) => { feature.key = i; });
    areas.set(toggle.checked ? features : [], (feature) => feature.key);
    areas.restyle(areas.keys, (key) => styleOf(stateFromApi(features[key].properties, actorIndex), scene.colourOf));
    document.body.dataset.derived = String(toggle.checked ? features.length : 0);
  }

  /** Asks for the areas of `day` (as known then when `knownAt`), for the sides chosen; late answers are dropped. */
  async function load({ day, knownAt, actors }) {
    const query = new URLSearchParams({ at: dayToISO(day) });
    if (knownAt !== null && knownAt !== undefined) query.set("known_at", dayToISO(knownAt));
    if (actors.size) query.set("actors", [...actors].join(","));
    const key = query.toString();
    if (key === shownFor) return;
    const ticket = ++asked;
    try {
      const answer = await getJSON(`${api}areas/?${key}`);
      if (ticket !== asked || !toggle.checked) return;
      shownFor = key;
      features = answer.features ?? [];
      describeMethod(answer.method);
      draw();
      legend.closest("section").querySelector(".derived-date").textContent = interpolate(gettext("on %(date)s"), { date: formatDay(day) });
    } catch (error) {
      if (ticket === asked) notice(interpolate(gettext("The derived control areas could not be loaded: %(error)s"), { error: error.message }));
    }
  }

  toggle.addEventListener("change", () => onToggle(toggle.checked));
  return {
    /** Turns the layer on or off; once on, settle() shows the areas. */
    set(on) {
      toggle.checked = on;
      legend.closest("section").hidden = !on;
      if (on) {
        note.addTo(mapView.map);
      } else {
        note.remove();
        asked++;
        shownFor = null;
        features = [];
        draw();
      }
    },
    /** Shows the areas of view {day, knownAt, actors} if the layer is on. */
    settle(view) {
      if (toggle.checked) load(view);
    },
  };
}
