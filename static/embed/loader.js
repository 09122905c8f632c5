/*
 * ControlMap embed loader, for host pages: sizes each ControlMap iframe to the height its widget asks for.
 *   <script async src="https://CONTROLMAP-SITE/static/embed/loader.js"></script>
 * Only messages from ControlMap's origin (the origin this script was loaded from), sent by one of the
 * page's iframes, of the shape {type: "controlmap:resize", height: number}, are obeyed; the height is
 * kept within bounds. Without this script an embedded map works at the iframe's fixed height.
 */
(function () {
  "use strict";
  if (window.controlMapLoader) return;
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, location.href).origin;
  var MIN_HEIGHT = 200;
  var MAX_HEIGHT = 3000;
  window.controlMapLoader = { origin: origin };

  function frames() {
    return Array.prototype.filter.call(document.getElementsByTagName("iframe"), function (frame) {
      try {
        return new URL(frame.src, location.href).origin === origin;
      } catch (error) {
        return false;
      }
    });
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "controlmap:resize") return;
    if (typeof data.height !== "number" || !isFinite(data.height)) return;
    var height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, data.height)));
    frames().forEach(function (frame) {
      if (frame.contentWindow === event.source) frame.style.height = height + "px";
    });
  });

  // Widgets that loaded before this script ask again for their height.
  function hello() {
    frames().forEach(function (frame) {
      if (frame.contentWindow) frame.contentWindow.postMessage({ type: "controlmap:hello" }, "*"); // harmless to any page; no warning while the frame is still blank
    });
  }
  hello();
  if (document.readyState !== "complete") window.addEventListener("load", hello);
})();
