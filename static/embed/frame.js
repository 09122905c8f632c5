/**
 * The widget inside a host page's iframe. The host page keeps scrolling: the map takes the wheel and
 * one-finger drags only after the reader clicks it (two-finger gestures always work), and a hint says
 * so. With the host's loader script (loader.js) the widget asks for the height that fits its content:
 * the controls as laid out, plus a map in proportion to the width.
 */
import { gettext } from "../shared/i18n.js";
const HINT_MS = 2000;
const PARTS = [".embed-bar", "#timeline", ".embed-extras"];

/** Cooperative gestures on `element`, the container of Leaflet's `map`; `hint` shows what to do. */
export function cooperativeGestures(map, element, hint) {
  let active = false;
  let timer = 0;
  const say = (text) => {
    hint.textContent = text;
    hint.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(() => { hint.hidden = true; }, HINT_MS);
  };
  const setActive = (value) => {
    active = value;
    for (const handler of [map.scrollWheelZoom, map.dragging]) handler[value ? "enable" : "disable"]();
    element.classList.toggle("map-active", value);
    if (value) hint.hidden = true;
  };
  setActive(false);
  element.addEventListener("wheel", () => active || say(gettext("Click the map to zoom it with the wheel.")), { passive: true });
  element.addEventListener("touchstart", (event) => active || event.touches.length > 1 || say(gettext("Use two fingers to move the map, or tap it first.")), { passive: true });
  element.addEventListener("click", () => active || setActive(true));
  window.addEventListener("blur", () => active && setActive(false));
}

/** Tells the host's loader the height wanted, whenever it changes or the loader says hello; returns send(force). */
export function heightReports() {
  let sent = 0;
  const parts = PARTS.map((selector) => document.querySelector(selector));
  function send(force = false) {
    const width = document.documentElement.clientWidth;
    const mapHeight = Math.round(Math.min(560, Math.max(220, width * 0.6)));
    const height = Math.ceil(mapHeight + parts.filter((el) => !el.hidden).reduce((sum, el) => sum + el.getBoundingClientRect().height, 0));
    if (!force && height === sent) return;
    sent = height;
    window.parent.postMessage({ type: "controlmap:resize", height }, "*");
  }
  const observer = new ResizeObserver(() => send());
  for (const part of parts) observer.observe(part);
  window.addEventListener("resize", () => send());
  window.addEventListener("message", (event) => {
    if (event.source === window.parent && event.data?.type === "controlmap:hello") send(true);
  });
  return send;
}
