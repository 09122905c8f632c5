/**
 * Search by any name (the API knows the aliases, Arabic included): results as buttons under the field,
 * asked for 200 ms after typing stops; an answer that arrives after a newer question is dropped.
 * createSearch({form, input, results, status, api, placeBySlug, onChoose(place)}).
 */
import { isolated } from "../shared/bidi.js";
import { getJSON } from "../shared/http.js";
import { gettext, inLanguage, interpolate, ngettext } from "../shared/i18n.js";

const SHOWN = 10;
const PAUSE = 200; // ms

export function createSearch({ form, input, results, status, api, placeBySlug, onChoose }) {
  let timer = 0;
  let latest = 0;

  async function search(text) {
    const mine = ++latest;
    if (text.trim().length < 2) {
      results.replaceChildren();
      status.textContent = "";
      return;
    }
    try {
      const data = await getJSON(inLanguage(`${api}places/?q=${encodeURIComponent(text.trim())}`));
      if (mine !== latest) return;
      const found = (data.features ?? []).map((f) => placeBySlug.get(f.id ?? f.properties?.place ?? f.properties?.slug)).filter(Boolean);
      results.replaceChildren(...found.slice(0, SHOWN).map((place) => {
        const li = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "link-button";
        button.append(isolated(place.name));
        button.addEventListener("click", () => {
          results.replaceChildren();
          onChoose(place);
        });
        li.append(button);
        return li;
      }));
      status.textContent = found.length ? interpolate(ngettext("%(count)s place found", "%(count)s places found", found.length), { count: found.length })
        : gettext("No place of that name");
    } catch (error) {
      status.textContent = interpolate(gettext("Search failed: %(error)s"), { error: error.message });
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), PAUSE);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search(input.value).then(() => results.querySelector("button")?.focus());
  });
}
