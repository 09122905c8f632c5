/**
 * The map's timeline, started by the page's first script: its 2.4 MB (at 10,000 places) are fetched as
 * bytes and handed to a worker (timeline-worker.js) that parses and decodes them, so the page's main
 * thread, which meanwhile runs Leaflet, lays the page out and makes the map, does neither (in Chromium's
 * profile of a warm load at L, parsing and decoding were a quarter of the main thread's time before the
 * places were drawn). A classic script, because the page's module scripts run only once all their
 * modules have arrived, which is later than the timeline.
 *
 * window.controlmapTimeline: a promise of decodeColumns' lists (../shared/decode.js); boot.js assembles
 * them, and fetches and decodes the timeline itself if this promise fails (no module workers, an error
 * answer, a malformed payload), so that what it reports is the same as ever.
 */
window.controlmapTimeline = (() => {
  const { url, worker: workerUrl } = document.currentScript.dataset;
  const worker = new Worker(workerUrl, { type: "module" });
  const decoded = new Promise((resolve, reject) => {
    worker.addEventListener("message", ({ data }) => (data.error ? reject(new Error(data.error)) : resolve(data.decoded)));
    worker.addEventListener("error", () => reject(new Error("the timeline's worker did not start")));
  });
  const answer = fetch(url, { headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(`${url} answered ${response.status}`))));
  answer.then((bytes) => worker.postMessage(bytes, [bytes]), () => {});
  const settled = Promise.all([answer, decoded]).then(([, columns]) => columns);
  settled.finally(() => worker.terminate()).catch(() => {}); // boot.js handles a failure
  return settled;
})();
