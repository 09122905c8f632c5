/**
 * The place panel: the state at the current date with the claims that decide it (claimant, outlet,
 * date, quote, link), every side of a dispute, the whole history as periods, and every claim, the
 * superseded ones struck through with the reason. Every piece of data goes in with textContent, and
 * every name and quote is isolated for bidirectional text (bidi.js).
 *
 * config: {historyUrl(slug) -> URL, sourceUrl(sourceKey) -> URL of the stored copy, nameOf(actorSlug) -> name, onClose()}
 */
import { capitalised, isolated, named, phrase } from "./bidi.js";
import { describe, heldBy } from "./symbols.js";
import { formatDay, parseDay } from "./days.js";
import { fill, gettext, interpolate } from "./i18n.js";

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
  const close = el("button", { type: "button", class: "panel-close", "aria-label": gettext("Close place panel") }, "×");
  const header = el("div", { class: "panel-header" });
  header.append(heading, close);
  const now = el("section", { class: "panel-now", "aria-labelledby": "panel-now-title" });
  const past = el("section", { class: "panel-history", "aria-labelledby": "panel-history-title" });
  const claims = el("section", { class: "panel-claims", "aria-labelledby": "panel-claims-title" });
  const status = el("p", { class: "panel-status", role: "status" });
  container.append(header, status, now, past, claims);
  close.addEventListener("click", () => config.onClose?.());

  const nameOf = (actor) => (actor ? config.nameOf(actor) : gettext("unknown side"));

  function renderEvidence(list) {
    const ul = el("ul", { class: "evidence" });
    for (const item of list) {
      const li = el("li", { class: "evidence-item" });
      const who = el("p", { class: "evidence-who" });
      who.append(el("strong", {}, [named(item.claimant)]),
        document.createTextNode(interpolate(gettext(" (%(date)s)"), { date: dateLabel(item.since, item.precision) })));
      if (item.rank === "preferred") who.append(document.createTextNode(gettext(" · preferred")));
      li.append(who);
      // The quote in its source's language, for screen readers; its own direction.
      const quoted = { class: "evidence-quote", dir: "auto", ...(item.language ? { lang: item.language } : {}) };
      if (item.quote) li.append(el("blockquote", quoted, item.quote));
      const source = el("p", { class: "evidence-source" });
      const url = safeUrl(item.url);
      const stored = item.source ? config.sourceUrl(item.source) : null;
      const title = [named(item.source_title || item.url || gettext("source"))];
      if (url) source.append(el("a", { href: url, rel: "noopener noreferrer external" }, title));
      else if (stored) source.append(el("a", { href: stored }, title));
      else source.append(el("span", {}, title));
      if (item.outlet) source.append(...phrase(" — ", named(item.outlet)));
      if (item.published_at) {
        const published = formatDay(parseDay(item.published_at.slice(0, 10)));
        source.append(document.createTextNode(interpolate(gettext(", published %(date)s"), { date: published })));
      }
      if (url && stored) source.append(document.createTextNode(" · "), el("a", { href: stored }, gettext("stored copy")));
      else if (!url) source.append(document.createTextNode(gettext(" (original address not kept)")));
      li.append(source);
      ul.append(li);
    }
    return ul;
  }

  function renderNow() {
    now.replaceChildren(el("h3", { id: "panel-now-title" }, interpolate(gettext("On %(date)s"), { date: formatDay(day) })));
    const period = periodAt(history.periods, day);
    if (!period) {
      now.append(el("p", { class: "panel-state" }, gettext("Unknown: no sourced claim for this date.")));
      return;
    }
    const words = describe(period, nameOf);
    const since = dateLabel(period.since, period.precision);
    const sentence = period.status === "controlled" ? fill(gettext("Held by %(holder)s, since %(since)s."), { holder: words.holder, since })
      : period.status === "besieged" ? fill(gettext("Held by %(holder)s, %(status)s, since %(since)s."), { holder: words.holder, status: words.status, since })
        : fill(gettext("%(status)s, since %(since)s."), { status: capitalised(words.status), since });
    now.append(el("p", { class: "panel-state" }, sentence));
    if (period.disputed) {
      for (const side of period.sides) {
        const sideWords = describe(side, nameOf);
        now.append(el("h4", {}, side.status === "controlled" ? fill(gettext("Reported held by %(holder)s"), { holder: sideWords.holder })
          : fill(gettext("Reported %(status)s"), { status: sideWords.status })));
        now.append(renderEvidence(side.evidence));
      }
    } else {
      now.append(el("h4", {}, gettext("Deciding claims")));
      now.append(renderEvidence(period.evidence));
    }
  }

  function renderHistory() {
    past.replaceChildren(el("h3", { id: "panel-history-title" }, gettext("Control history")));
    const ol = el("ol", { class: "periods" });
    const current = periodAt(history.periods, day);
    for (const period of history.periods) {
      const words = describe(period, nameOf);
      const state = period.status === "controlled" ? heldBy(words.holder)
        : period.status === "besieged" ? fill(gettext("%(holder)s, %(status)s"), { holder: words.holder, status: words.status }) : words.status;
      const since = dateLabel(period.since, period.precision);
      const li = el("li", {}, period.end
        ? fill(gettext("From %(since)s until %(end)s: %(state)s"), { since, end: formatDay(parseDay(period.end)), state })
        : fill(gettext("From %(since)s on: %(state)s"), { since, state }));
      if (period === current) {
        li.classList.add("current");
        li.setAttribute("aria-current", "true");
      }
      ol.append(li);
    }
    if (!history.periods.length) past.append(el("p", {}, gettext("No published claim yet.")));
    else past.append(ol);
  }

  function renderClaims() {
    claims.replaceChildren(el("h3", { id: "panel-claims-title" }, gettext("Every claim, newest first")));
    const ul = el("ul", { class: "claims" });
    for (const claim of history.claims) {
      const words = describe(claim, nameOf);
      const li = el("li", { class: claim.superseded ? "claim superseded" : "claim" });
      const summary = fill(gettext("%(since)s: %(state)s — %(claimant)s"), {
        since: dateLabel(claim.since, claim.precision), state: claim.status === "controlled" ? heldBy(words.holder) : words.status,
        claimant: named(claim.claimant),
      });
      li.append(claim.superseded ? el("del", {}, summary) : el("p", { class: "claim-summary" }, summary));
      if (claim.superseded) {
        // The reason is the editors' words, in English: isolated, in its own language.
        const reason = claim.rank_reason ? named(claim.rank_reason) : gettext("shown wrong by later reporting");
        li.append(el("p", { class: "claim-reason" }, claim.superseded_at
          ? fill(gettext("Superseded on %(date)s: %(reason)s"), { date: formatDay(parseDay(claim.superseded_at.slice(0, 10))), reason })
          : fill(gettext("Superseded: %(reason)s"), { reason })));
      } else if (claim.rank === "preferred" && claim.rank_reason) {
        li.append(el("p", { class: "claim-reason" }, fill(gettext("Preferred: %(reason)s"), { reason: named(claim.rank_reason) })));
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
    status.textContent = gettext("Loading…");
    try {
      const response = await fetch(config.historyUrl(slug));
      if (!response.ok) {
        throw new Error(response.status === 404 ? gettext("This place is not in the record.")
          : interpolate(gettext("The server answered %(status)s."), { status: response.status }));
      }
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
      status.textContent = interpolate(gettext("Could not load this place: %(error)s"), { error: error.message });
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
