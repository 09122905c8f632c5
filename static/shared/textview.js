/**
 * The text view: a table of the places the map shows, with status, holder and since-when, kept in
 * step with the map (only changed rows are rewritten). It is the accessible alternative to the map.
 * It lists the places within the map's view, at most `limit` of them by name: ten thousand table rows
 * would cost seconds of layout and help no reader; search reaches any place. Names are isolated for
 * bidirectional text (bidi.js).
 *
 * config: {onPlaceClick(index), limit}
 */
import { isolated, phrase } from "./bidi.js";

export function createTextView(table, config) {
  const body = table.tBodies[0] ?? table.createTBody();
  const limit = config.limit ?? 400;
  const collator = new Intl.Collator(undefined, { sensitivity: "base" });
  let places = [];
  let order = [];
  let rows = new Map();

  function cell(row, text) {
    const td = row.insertCell();
    td.textContent = text;
    return td;
  }

  /** places: [{index, slug, name}] */
  function setPlaces(list) {
    places = list;
    order = new Int32Array([...list].sort((a, b) => collator.compare(a.name, b.name)).map((p) => p.index));
  }

  /**
   * Lists the places for which include(index) is true (in name order, at most `limit`), with
   * describeRow(index) -> {status, holder, since}: status and holder as describe() gives them (lists of
   * words and names), since as text. Returns {shown, total}.
   */
  function show(include, describeRow) {
    const fragment = document.createDocumentFragment();
    rows = new Map();
    let total = 0;
    for (const index of order) {
      if (!include(index)) continue;
      total++;
      if (rows.size >= limit) continue;
      const place = places[index];
      const row = document.createElement("tr");
      row.dataset.place = place.slug;
      const th = document.createElement("th");
      th.scope = "row";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link-button";
      button.append(isolated(place.name));
      button.addEventListener("click", () => config.onPlaceClick?.(index));
      th.append(button);
      row.append(th);
      const entry = { row, status: cell(row, ""), holder: cell(row, ""), since: cell(row, "") };
      rows.set(index, entry);
      fill(entry, describeRow(index));
      fragment.append(row);
    }
    body.replaceChildren(fragment);
    return { shown: rows.size, total };
  }

  function fill(entry, words) {
    entry.status.replaceChildren(...phrase(words.status));
    entry.holder.replaceChildren(...phrase(words.holder));
    entry.since.textContent = words.since;
  }

  /** Rewrites the listed rows among `indices`. */
  function update(indices, describeRow) {
    for (const index of indices) {
      const entry = rows.get(index);
      if (entry) fill(entry, describeRow(index));
    }
  }

  return { setPlaces, show, update };
}
