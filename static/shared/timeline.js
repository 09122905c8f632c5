/**
 * The timeline bar: a draggable handle over a histogram of changes with a tick at every change point,
 * play and pause, speed, previous and next change, and a typed date. Keys act only while focus is
 * inside the bar: Space plays or pauses, ←/→ step to the previous or next change, Shift+←/→ one day,
 * Home/End the first and last change.
 *
 * Right to left (an Arabic or Kurdish page), time runs from right to left, as the reader's eye and the
 * page's other lists do: the first day at the inline start (the right), ← steps forward in time and
 * → back, the play and step icons point the same way. Positions are inline offsets (inset-inline-start),
 * so the layout itself is the page's, not mirrored.
 *
 * Under the track, a dated axis (axis.js): the histogram's bars, the change ticks and the handle all
 * sit at the same place for the same day.
 *
 * config: {first, last (day numbers), changeDays (sorted), histogram(edges) -> counts between the edges,
 *          label(day) -> text,
 *          next(day), previous(day) -> day|null, parse(text) -> day|null,
 *          onDay(day, how) where how is "drag" | "step" | "jump" | "play" | "end-drag",
 *          onPlay(playing), speeds: [{days, label}], speed (days per second)}
 */
import { axisOf } from "./axis.js";
import { gettext, interpolate } from "./i18n.js";

const DEFAULT_SPEEDS = [
  { days: 1, label: gettext("1 day per second") },
  { days: 7, label: gettext("1 week per second") },
  { days: 30, label: gettext("1 month per second") },
];

const ICONS = {
  previous: "M6 4h2v16H6zM20 4v16L9 12z",
  next: "M16 4h2v16h-2zM4 4l11 8-11 8z",
  play: "M7 4l13 8-13 8z",
  pause: "M6 4h4v16H6zM14 4h4v16h-4z",
};

/** A decorative SVG icon (the button's aria-label names it). */
function icon(name) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "18");
  svg.setAttribute("height", "18");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", ICONS[name]);
  path.setAttribute("fill", "currentColor");
  svg.append(path);
  return svg;
}

function element(tag, attributes = {}, text = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== null) node.textContent = text;
  return node;
}

export function createTimeline(container, config) {
  const speeds = config.speeds ?? DEFAULT_SPEEDS;
  const first = config.first;
  const last = Math.max(config.last, first);
  let day = first;
  let speed = config.speed ?? speeds[1].days;
  let playing = false;
  let frame = 0;

  container.classList.add("timeline");
  container.replaceChildren();
  const rtl = getComputedStyle(container).direction === "rtl";
  const controls = element("div", { class: "tl-controls" });
  const prev = element("button", { type: "button", class: "tl-prev", "aria-label": gettext("Previous change"), title: gettext("Previous change") });
  const play = element("button", { type: "button", class: "tl-play", "aria-label": gettext("Play"), title: gettext("Play") });
  const next = element("button", { type: "button", class: "tl-next", "aria-label": gettext("Next change"), title: gettext("Next change") });
  prev.append(icon("previous"));
  play.append(icon("play"));
  next.append(icon("next"));
  const dateLabel = element("output", { class: "tl-date", "aria-live": "polite" });
  const speedLabel = element("label", { class: "tl-speed" }, `${gettext("Speed")} `);
  const speedSelect = element("select", { class: "tl-speed-select" });
  for (const option of speeds) {
    const node = element("option", { value: String(option.days) }, option.label);
    if (option.days === speed) node.selected = true;
    speedSelect.append(node);
  }
  speedLabel.append(speedSelect);
  const jump = element("form", { class: "tl-jump", novalidate: "" });
  const jumpLabel = element("label", { for: `${container.id || "tl"}-jump` }, gettext("Go to date"));
  const jumpInput = element("input", {
    id: `${container.id || "tl"}-jump`, type: "text", inputmode: "numeric", placeholder: gettext("YYYY-MM-DD"), size: "10",
    autocomplete: "off", "aria-describedby": `${container.id || "tl"}-jump-error`,
  });
  const jumpButton = element("button", { type: "submit" }, gettext("Go"));
  const jumpError = element("span", { id: `${container.id || "tl"}-jump-error`, class: "tl-error", role: "alert" });
  jump.append(jumpLabel, jumpInput, jumpButton, jumpError);
  controls.append(prev, play, next, dateLabel, speedLabel, jump);

  const track = element("div", { class: "tl-track" });
  const canvas = element("canvas", { class: "tl-histogram", "aria-hidden": "true" });
  const handle = element("div", {
    class: "tl-handle", role: "slider", tabindex: "0", "aria-label": gettext("Date"),
    "aria-valuemin": String(first), "aria-valuemax": String(last), "aria-keyshortcuts": "Space ArrowLeft ArrowRight Home End",
  });
  track.append(canvas, handle);
  const axis = element("div", { class: "tl-axis", "aria-hidden": "true" });
  const keys = element("p", { class: "tl-keys" }, rtl
    ? gettext("Keys on the timeline: Space plays or pauses; → ← previous or next change; Shift + → ← one day.")
    : gettext("Keys on the timeline: Space plays or pauses; ← → previous or next change; Shift + ← → one day."));
  container.append(controls, track, axis, keys);

  const fraction = (d) => (last === first ? 0 : (Math.min(last, Math.max(first, d)) - first) / (last - first));

  function drawTrack() {
    const width = track.clientWidth;
    const height = track.clientHeight;
    if (!width || !height) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const x = (d) => (rtl ? 1 - fraction(d) : fraction(d)) * width; // on the canvas, from its left edge
    const { years, months, edges } = axisOf(first, last, width);
    const counts = config.histogram(edges);
    const peak = Math.max(1, ...counts);
    ctx.fillStyle = "#c9d3e0";
    counts.forEach((count, i) => {
      const barHeight = (count / peak) * (height - 10);
      ctx.fillRect(x(edges[i]) + 0.5, height - barHeight, Math.max(1, x(edges[i + 1]) - x(edges[i]) - 1), barHeight);
    });
    ctx.fillStyle = "#8893a3";
    for (const tick of months) ctx.fillRect(Math.round(x(tick.day)), height - 5, 1, 5);
    for (const tick of years) ctx.fillRect(Math.round(x(tick.day)), 8, 1, height - 8);
    ctx.fillStyle = "#33415c";
    for (const change of config.changeDays) ctx.fillRect(Math.round((rtl ? 1 - fraction(change) : fraction(change)) * (width - 1)), 0, 1, 7);
    // Names of years and months, each from its tick in the direction of reading, as long as it fits in the track.
    axis.replaceChildren(...[...years.map((t) => [t, "tl-year"]), ...months.map((t) => [t, "tl-month"])]
      .filter(([tick]) => tick.label && fraction(tick.day) * width <= width - (tick.label.length > 3 ? 30 : 22))
      .map(([tick, kind]) => {
        const name = element("span", { class: kind }, tick.label);
        name.style.insetInlineStart = `${fraction(tick.day) * 100}%`;
        return name;
      }));
  }

  function place() {
    handle.style.insetInlineStart = `${fraction(day) * 100}%`;
    const text = config.label(day);
    handle.setAttribute("aria-valuenow", String(day));
    handle.setAttribute("aria-valuetext", text);
    dateLabel.textContent = text;
  }

  function set(newDay, how) {
    day = Math.round(newDay);
    place();
    config.onDay(day, how);
  }

  function setPlaying(value) {
    if (playing === value) return;
    playing = value;
    play.replaceChildren(icon(playing ? "pause" : "play"));
    play.setAttribute("aria-label", playing ? gettext("Pause") : gettext("Play"));
    play.setAttribute("title", playing ? gettext("Pause") : gettext("Play"));
    cancelAnimationFrame(frame);
    if (playing) {
      if (day >= last) set(first, "jump");
      let start = null;
      const from = day;
      const tick = (now) => {
        if (!playing) return;
        start ??= now;
        const target = Math.min(last, from + Math.floor(((now - start) / 1000) * speed));
        if (target !== day) set(target, "play");
        if (target >= last) setPlaying(false);
        else frame = requestAnimationFrame(tick);
      };
      frame = requestAnimationFrame(tick);
    }
    config.onPlay?.(playing);
  }

  const step = (target, how = "step") => {
    if (target !== null && target !== undefined) set(Math.min(last, Math.max(first, target)), how);
  };

  prev.addEventListener("click", () => step(config.previous(day)));
  next.addEventListener("click", () => step(config.next(day)));
  play.addEventListener("click", () => setPlaying(!playing));
  speedSelect.addEventListener("change", () => {
    const wasPlaying = playing;
    setPlaying(false);
    speed = Number(speedSelect.value);
    if (wasPlaying) setPlaying(true);
  });
  jump.addEventListener("submit", (event) => {
    event.preventDefault();
    const parsed = config.parse(jumpInput.value);
    if (parsed === null) {
      jumpError.textContent = interpolate(gettext("“%(text)s” is not a date: type YYYY-MM-DD, YYYY-MM or YYYY."), { text: jumpInput.value });
      jumpInput.setAttribute("aria-invalid", "true");
      return;
    }
    jumpError.textContent = "";
    jumpInput.removeAttribute("aria-invalid");
    setPlaying(false);
    set(parsed, "jump");
  });

  container.addEventListener("keydown", (event) => {
    const target = event.target;
    if (target.closest("input, select, textarea")) return;
    if (event.key === " " || event.key === "Spacebar") {
      if (target.tagName === "BUTTON") return; // a focused button already acts on Space
      event.preventDefault();
      setPlaying(!playing);
    } else if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      event.preventDefault();
      setPlaying(false);
      const forward = (event.key === "ArrowRight") !== rtl; // time runs in the reading direction
      if (event.shiftKey) step(day + (forward ? 1 : -1));
      else step(forward ? config.next(day) : config.previous(day));
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      setPlaying(false);
      step(event.key === "Home" ? first : last);
    }
  });

  const dayAt = (clientX) => {
    const box = track.getBoundingClientRect();
    const along = rtl ? box.right - clientX : clientX - box.left;
    return first + Math.round(Math.min(1, Math.max(0, along / box.width)) * (last - first));
  };
  let dragging = false;
  track.addEventListener("pointerdown", (event) => {
    dragging = true;
    track.setPointerCapture(event.pointerId);
    setPlaying(false);
    handle.focus({ preventScroll: true });
    set(dayAt(event.clientX), "drag");
  });
  track.addEventListener("pointermove", (event) => {
    if (dragging) {
      const target = dayAt(event.clientX);
      if (target !== day) set(target, "drag");
    }
  });
  const endDrag = () => {
    if (!dragging) return;
    dragging = false;
    config.onDay(day, "end-drag");
  };
  track.addEventListener("pointerup", endDrag);
  track.addEventListener("pointercancel", endDrag);
  new ResizeObserver(drawTrack).observe(track);

  place();
  return {
    get day() {
      return day;
    },
    get playing() {
      return playing;
    },
    /** Moves the handle without telling onDay (the caller already knows). */
    show(newDay) {
      day = newDay;
      place();
    },
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    refreshLabel: place,
  };
}
