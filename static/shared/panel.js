/**
 * The place panel: the state at the current date with the claims that decide it (claimant, outlet,
 * date, quote, link), every side of a dispute, the whole history as periods, and every claim, the
 * superseded ones struck through with the reason. Every piece of data goes in with textContent, and
 * every name and quote is isolated for bidirectional text (bidi.js).
 *
 * config: {historyUrl(slug) -> URL, sourceUrl(sourceKey) -> URL of the stored copy, nameOf(actorSlug) -> name, onClose()}
 */
import { capitalised, isolated, named, phrase } from "./bidi.js";
import { describe } from "./symbols.js";
import { formatDay, parseDay } from "./days.js";

/** An element with `content`: a string as text, or a list of parts for phrase(). */
export function el(tag, attributes = {}, content = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (Array.isArray(content)) node.append(...phrase(content));
  else if (content !== null && content !== undefined) node.textContent = content;
  return node;
}

/** Only web addresses become links: a javascript: or data: URL in the data stays inert text. */
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

const dateLabel = (iso, precision) => formatDay(parseDay(iso), precision ?? "day");

/** The period of `periods` in force on `day`, or null before the first. */
export function periodAt(periods, day) {
  let found = null;
  for (const period of periods) {
    const start = parseDay(period.since);
    const end = period.end ? parseDay(period.end) : null;
    if (start <= day && (end === null || day < end)) found = period;
  }
  return found;
}

export function createPanel(container, config) {
  let history = null;
  let slug = null;
  let day = null;
  let request = 0;

  container.hidden = true;
  const heading = el("h2", { class: "panel-title", tabindex: "-1", id: "panel-title" });
  const close = el("button", { type: "button", class: "panel-close", "aria-label": "Close place panel" }, "×");
  const header = el("div", { class: "panel-header" });
  header.append(heading, close);
  const now = el("section", { class: "panel-now", "aria-labelledby": "panel-now-title" });
  const past = el("section", { class: "panel-history", "aria-labelledby": "panel-history-title" });
  const claims = el("section", { class: "panel-claims", "aria-labelledby": "panel-claims-title" });
  const status = el("p", { class: "panel-status", role: "status" });
  container.append(header, status, now, past, claims);
  close.addEventListener("click", () => config.onClose?.());

  const nameOf = (actor) => (actor ? config.nameOf(actor) : "unknown");

  function renderEvidence(list) {
    const ul = el("ul", { class: "evidence" });
    for (const item of list) {
      const li = el("li", { class: "evidence-item" });
      const who = el("p", { class: "evidence-who" });
      who.append(el("strong", {}, [named(item.claimant)]), document.createTextNode(` (${dateLabel(item.since, item.precision)})`));
      if (item.rank === "preferred") who.append(document.createTextNode(" · preferred"));
      li.append(who);
      if (item.quote) li.append(el("blockquote", { class: "evidence-quote", dir: "auto" }, item.quote));
      const source = el("p", { class: "evidence-source" });
      const url = safeUrl(item.url);
      const stored = item.source ? config.sourceUrl(item.source) : null;
      const title = [named(item.source_title || item.url || "source")];
      if (url) source.append(el("a", { href: url, rel: "noopener noreferrer external" }, title));
      else if (stored) source.append(el("a", { href: stored }, title));
      else source.append(el("span", {}, title));
      if (item.outlet) source.append(...phrase(" — ", named(item.outlet)));
      if (item.published_at) source.append(document.createTextNode(`, published ${item.published_at.slice(0, 10)}`));
      if (url && stored) source.append(document.createTextNode(" · "), el("a", { href: stored }, "stored copy"));
      else if (!url) source.append(document.createTextNode(" (original address not kept)"));
      li.append(source);
      ul.append(li);
    }
    return ul;
  }

  function renderNow() {
    now.replaceChildren(el("h3", { id: "panel-now-title" }, `On ${formatDay(day)}`));
    const period = periodAt(history.periods, day);
    if (!period) {
      now.append(el("p", { class: "panel-state" }, "Unknown: no sourced claim for this date."));
      return;
    }
    const words = describe(period, nameOf);
    const sentence = period.status === "controlled" ? ["Held by ", words.holder]
      : period.status === "besieged" ? ["Held by ", words.holder, ", ", words.status]
        : capitalised(words.status);
    now.append(el("p", { class: "panel-state" }, [sentence, `, since ${period.since_label}.`]));
    if (period.disputed) {
      for (const side of period.sides) {
        const sideWords = describe(side, nameOf);
        now.append(el("h4", {}, side.status === "controlled" ? ["Reported held by ", sideWords.holder] : ["Reported ", sideWords.status]));
        now.append(renderEvidence(side.evidence));
      }
    } else {
      now.append(el("h4", {}, "Deciding claims"));
      now.append(renderEvidence(period.evidence));
    }
  }

  function renderHistory() {
    past.replaceChildren(el("h3", { id: "panel-history-title" }, "Control history"));
    const ol = el("ol", { class: "periods" });
    const current = periodAt(history.periods, day);
    for (const period of history.periods) {
      const words = describe(period, nameOf);
      const end = period.end ? ` until ${formatDay(parseDay(period.end))}` : " on";
      const text = period.status === "controlled" ? ["held by ", words.holder] : period.status === "besieged" ? [words.holder, ", ", words.status] : words.status;
      const li = el("li", {}, [`From ${period.since_label}${end}: `, text]);
      if (period === current) {
        li.classList.add("current");
        li.setAttribute("aria-current", "true");
      }
      ol.append(li);
    }
    if (!history.periods.length) past.append(el("p", {}, "No published claim yet."));
    else past.append(ol);
  }

  function renderClaims() {
    claims.replaceChildren(el("h3", { id: "panel-claims-title" }, "Every claim, newest first"));
    const ul = el("ul", { class: "claims" });
    for (const claim of history.claims) {
      const words = describe(claim, nameOf);
      const li = el("li", { class: claim.superseded ? "claim superseded" : "claim" });
      const summary = [`${claim.since_label}: `, claim.status === "controlled" ? ["held by ", words.holder] : words.status, " — ", named(claim.claimant)];
      li.append(claim.superseded ? el("del", {}, summary) : el("p", { class: "claim-summary" }, summary));
      if (claim.superseded) {
        li.append(el("p", { class: "claim-reason" }, [`Superseded${claim.superseded_at ? ` on ${claim.superseded_at.slice(0, 10)}` : ""}: `,
          claim.rank_reason ? named(claim.rank_reason) : "shown wrong by later reporting"]));
      } else if (claim.rank === "preferred" && claim.rank_reason) {
        li.append(el("p", { class: "claim-reason" }, ["Preferred: ", named(claim.rank_reason)]));
      }
      li.append(renderEvidence(claim.evidence.map((c) => ({ ...c, claimant: claim.claimant, since: claim.since, precision: claim.precision }))));
      ul.append(li);
    }
    claims.append(ul);
  }

  function render() {
    if (!history) return;
    renderNow();
    renderHistory();
    renderClaims();
  }

  async function load() {
    const mine = ++request;
    status.textContent = "Loading…";
    try {
      const response = await fetch(config.historyUrl(slug));
      if (!response.ok) throw new Error(response.status === 404 ? "This place is not in the record." : `The server answered ${response.status}.`);
      const data = await response.json();
      if (mine !== request) return;
      history = data;
      heading.replaceChildren(isolated(data.place.name));
      status.textContent = "";
      render();
    } catch (error) {
      if (mine !== request) return;
      history = null;
      heading.textContent = slug;
      now.replaceChildren();
      past.replaceChildren();
      claims.replaceChildren();
      status.textContent = `Could not load this place: ${error.message}`;
    }
  }

  return {
    get slug() {
      return slug;
    },
    /** Opens (or reloads) the panel of `placeSlug` on `onDay`. */
    open(placeSlug, onDay, { focus = true } = {}) {
      const same = placeSlug === slug && history;
      slug = placeSlug;
      day = onDay;
      container.hidden = false;
      if (focus) heading.focus({ preventScroll: true });
      if (same) render();
      return same ? Promise.resolve() : load();
    },
    /** Re-renders for another date; `reload` refetches (the knowledge time changed). */
    setDay(onDay, reload = false) {
      day = onDay;
      if (!slug) return Promise.resolve();
      if (reload) return load();
      render();
      return Promise.resolve();
    },
    close() {
      slug = null;
      history = null;
      request++;
      container.hidden = true;
    },
  };
}
