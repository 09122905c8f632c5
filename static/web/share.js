/**
 * The Share dialog of the main map: a link to the current view, the embed code for the same view with the
 * widget's options as toggles, and a live preview of that code. The view is read from the page's URL (the
 * main map keeps it there), so the link is exactly what the address bar says; the embed code is the same
 * markup as the oEmbed answer for that link (embed/views.py).
 *
 * createShare(button, {placeName(slug) -> name|undefined}); the button carries data-embed-url,
 * data-loader-url, data-image-url and data-animation-url (the pictures of the view: downloads.js).
 */
import { isolatedText } from "../shared/bidi.js";
import { formatDay } from "../shared/days.js";
import { DEFAULT_LANGUAGE, gettext, interpolate, language, pgettext } from "../shared/i18n.js";
import { CONTROLS, EMBED_SCHEMA, mapToEmbed, readState, writeState } from "../shared/urlstate.js";
import { createDownloads } from "./downloads.js";

const WIDTH = 640;
const HEIGHT = 480;
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]);

function el(tag, attributes = {}, text = null) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== null) node.textContent = text;
  return node;
}

function checkbox(name, label, checked) {
  const wrap = el("label", { class: "share-option" });
  const box = el("input", { type: "checkbox", name });
  box.checked = checked;
  wrap.append(box, document.createTextNode(` ${label}`));
  return wrap;
}

async function copy(text, status, what) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = what.copied;
  } catch {
    status.textContent = what.failed;
  }
}

/** Wires the Share button; the dialog is built on first use, so the page carries none of it until then. */
export function createShare(button, options = {}) {
  let share = null;
  button.addEventListener("click", () => {
    share ??= buildDialog(button, options);
    share.update();
    share.dialog.showModal();
  });
}

function buildDialog(button, { placeName = () => undefined }) {
  const embedPath = button.dataset.embedUrl;
  const loaderPath = button.dataset.loaderUrl;
  const dialog = el("dialog", { id: "share-dialog", class: "share-dialog", "aria-labelledby": "share-title" });
  const close = el("button", { type: "button", class: "share-close", "aria-label": gettext("Close the Share dialog") }, "×");
  const head = el("div", { class: "share-head" });
  head.append(el("h2", { id: "share-title" }, gettext("Share this view")), close);

  const link = el("input", { id: "share-link", type: "text", readonly: "", class: "share-field" });
  const copyLink = el("button", { type: "button" }, gettext("Copy link"));
  const linkRow = el("div", { class: "share-row" });
  linkRow.append(link, copyLink);

  const options = el("fieldset", { class: "share-options" });
  options.append(el("legend", {}, gettext("Embed options")));
  const controlNames = { timeline: gettext("Timeline"), legend: gettext("Legend"), panel: gettext("Place card and sources") };
  for (const name of CONTROLS) options.append(checkbox(`control-${name}`, controlNames[name], true));
  options.append(checkbox("autoplay", gettext("Play on load"), false), checkbox("loop", gettext("Loop"), false),
    checkbox("dark", gettext("Dark theme"), false), checkbox("resize", gettext("Fit the height to the content (adds the loader script)"), true));
  const speed = el("select", { name: "speed" });
  for (const [value, label] of [["", gettext("1 week per second (default)")], ["day", gettext("1 day per second")], ["month", gettext("1 month per second")]]) {
    speed.append(el("option", { value }, label));
  }
  const speedLabel = el("label", { class: "share-option" }, `${gettext("Playback speed")} `);
  speedLabel.append(speed);
  const windowRow = el("div", { class: "share-window" });
  const from = el("input", { name: "from", type: "text", placeholder: gettext("YYYY-MM-DD"), size: "10", "aria-describedby": "share-window-help" });
  const to = el("input", { name: "to", type: "text", placeholder: gettext("YYYY-MM-DD"), size: "10", "aria-describedby": "share-window-help" });
  const fromLabel = el("label", {}, `${gettext("Play from")} `);
  fromLabel.append(from);
  const toLabel = el("label", {}, ` ${gettext("to")} `);
  toLabel.append(to);
  windowRow.append(fromLabel, toLabel, el("span", { id: "share-window-help", class: "help" }, ` ${gettext("(blank: the whole timeline)")}`));
  options.append(speedLabel, windowRow);

  const code = el("textarea", { id: "share-code", readonly: "", rows: "4", class: "share-field" });
  const copyCode = el("button", { type: "button" }, gettext("Copy embed code"));
  const status = el("p", { class: "share-status", role: "status" });
  const preview = el("iframe", { class: "share-preview", title: gettext("Preview of the embedded map") });
  const downloads = createDownloads({ imagePath: button.dataset.imageUrl, animationPath: button.dataset.animationUrl, status });

  dialog.append(head,
    el("label", { for: "share-link" }, gettext("Link to this view")), linkRow, downloads.row,
    options,
    el("label", { for: "share-code" }, gettext("Embed code")), code, copyCode, status,
    el("h3", {}, gettext("Preview")), preview);
  document.body.append(dialog);

  let previewTimer = 0;
  function embedSource() {
    const { state: view } = readState(location.search);
    const state = mapToEmbed(view);
    const span = {};
    const chosen = CONTROLS.filter((name) => options.elements[`control-${name}`].checked);
    Object.assign(state, {
      controls: chosen, autoplay: options.elements.autoplay.checked, loop: options.elements.loop.checked,
      theme: options.elements.dark.checked ? "dark" : "light",
    });
    for (const [name, field] of [["speed", speed], ["from", from], ["to", to]]) {
      if (!field.value.trim()) continue;
      try {
        state[name] = EMBED_SCHEMA[name].parse(field.value.trim());
        span[name === "speed" ? "step" : name] = state[name];
        field.removeAttribute("aria-invalid");
      } catch (error) {
        field.setAttribute("aria-invalid", "true");
        status.textContent = interpolate(gettext("%(name)s: %(error)s; left out."), { name, error: error.message });
      }
    }
    const place = placeName(view.place);
    const title = [gettext("ControlMap: territorial control map"), place && isolatedText(place), view.at !== undefined ? formatDay(view.at) : undefined]
      .filter(Boolean).join(pgettext("a list", ", "));
    // The pictures are lettered in the page's language, even when it came from the browser, not the address.
    const lettered = view.lang || language === DEFAULT_LANGUAGE ? view : { ...view, lang: language };
    downloads.update(lettered, { step: Math.max(1, Math.round(span.step ?? 7)), from: span.from, to: span.to });
    return { src: new URL(`${embedPath}${writeState(state, EMBED_SCHEMA)}`, location.href).href, title };
  }

  function update() {
    status.textContent = "";
    link.value = location.href;
    const { src, title } = embedSource();
    const frame = `<iframe src="${escape(src)}" title="${escape(title)}" width="${WIDTH}" height="${HEIGHT}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
    const loader = `<script async src="${escape(new URL(loaderPath, location.href).href)}"></script>`;
    code.value = options.elements.resize.checked ? `${frame}\n${loader}` : frame;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => {
      if (preview.getAttribute("src") !== src) preview.setAttribute("src", src);
    }, 300);
  }

  options.addEventListener("change", update);
  options.addEventListener("input", update);
  copyLink.addEventListener("click", () => copy(link.value, status,
    { copied: gettext("Link copied."), failed: gettext("Could not copy: select the link and copy it.") }));
  copyCode.addEventListener("click", () => copy(code.value, status,
    { copied: gettext("Embed code copied."), failed: gettext("Could not copy: select the embed code and copy it.") }));
  close.addEventListener("click", () => dialog.close());
  return { dialog, update };
}
