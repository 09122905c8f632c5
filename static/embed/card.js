/**
 * The widget's place card: the state on the day shown, from the timeline already loaded; the sources
 * and the history (panel.js) only when the reader asks for them, one more request.
 *
 * createCard({scene, panel, mapView, placeBySlug, onChange(slug|null)}) -> {slug, open(slug, focus), fill()}.
 */
import { capitalised, isolated, phrase } from "../shared/bidi.js";
import { formatDay } from "../shared/days.js";
import { fill, gettext } from "../shared/i18n.js";
import { placeStateAt } from "../shared/state.js";
import { describe } from "../shared/symbols.js";

export function createCard({ scene, panel, mapView, placeBySlug, onChange }) {
  const $ = (selector) => document.querySelector(selector);
  const card = {
    slug: null,

    /** Shows the open place's state on the scene's day. */
    fill() {
      const place = placeBySlug.get(card.slug);
      const at = placeStateAt(scene.timeline, place.index, scene.day);
      const words = describe(at.state, scene.nameOfIndex);
      const since = at.since === null ? null : formatDay(at.since, at.precision);
      const what = !at.state ? [gettext("Unknown: no sourced claim for this date.")]
        : at.state.status === "controlled" ? fill(since ? gettext("Held by %(holder)s, since %(since)s.") : gettext("Held by %(holder)s."), { holder: words.holder, since })
          : fill(since ? gettext("%(status)s, since %(since)s.") : gettext("%(status)s."), { status: capitalised(words.status), since });
      $("#card-title").replaceChildren(isolated(place.name));
      $("#card-state").replaceChildren(...phrase(what));
    },

    open(slug, focus = false) {
      card.slug = slug;
      mapView.select(placeBySlug.get(slug).index);
      panel.close();
      card.fill();
      $("#place-card").hidden = false;
      if (focus) $("#card-title").focus({ preventScroll: true });
      onChange(slug);
    },
  };

  $("#card-close").addEventListener("click", () => {
    card.slug = null;
    panel.close();
    mapView.select(-1);
    $("#place-card").hidden = true;
    onChange(null);
  });
  $("#card-sources").addEventListener("click", () => panel.open(card.slug, scene.day));
  return card;
}
