/**
 * The side filter: one checkbox per actor; the map and the table show only the places involving a side
 * checked (all when none is). createFilter(fieldset, summary, {actors, chosen: Set of slugs, onChange(chosen)}).
 */
import { isolated } from "../shared/bidi.js";
import { gettext, interpolate } from "../shared/i18n.js";

export function createFilter(fieldset, summary, { actors, chosen, onChange }) {
  for (const actor of actors) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = actor.slug;
    box.checked = chosen.has(actor.slug);
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = actor.colour;
    swatch.setAttribute("aria-hidden", "true");
    label.append(box, swatch, isolated(actor.name));
    fieldset.append(label);
  }
  const summarise = () => {
    summary.textContent = chosen.size ? interpolate(gettext("Sides shown: %(shown)s of %(all)s"), { shown: chosen.size, all: actors.length })
      : gettext("All sides shown");
  };
  fieldset.addEventListener("change", (event) => {
    if (event.target.checked) chosen.add(event.target.value);
    else chosen.delete(event.target.value);
    summarise();
    onChange(chosen);
  });
  return {
    /** Shows another choice (from the URL) without calling onChange. */
    set(slugs) {
      chosen = slugs;
      for (const box of fieldset.querySelectorAll("input")) box.checked = chosen.has(box.value);
      summarise();
    },
  };
}
