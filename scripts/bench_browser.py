"""The benchmark's browser part: the map in headless Chromium: first render, the bytes it waits for,
the main thread's time before it, the cost of a one-day step and of a 30-day jump (as known now, and "As reported then"), and playback
frame times.

Its own module because it runs Playwright against any running server: bench.py calls it at L and XL,
and `bench.py --browser-url` alone against a development server, to compare front-end changes.
"""
import gzip
import json
import ssl
import statistics
import tempfile
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from bench_common import ROOT, percentile

VIEWPORT = {"width": 1200, "height": 700}
# Non-local hosts resolve nowhere, so nothing leaves the machine; unlike the tests' route handler, no
# request waits for a round trip through Playwright's driver (at 50 requests that was a fifth of the
# first render).
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"
# The bench's front server has a certificate of its own (bench_load.Front): the browser and the requests
# that warm the server's cache accept it, and every address they can reach is this machine's.
CHROMIUM_FLAGS = [OFFLINE, "--ignore-certificate-errors"]
LOOPBACK_TLS = ssl.create_default_context()
LOOPBACK_TLS.check_hostname = False
LOOPBACK_TLS.verify_mode = ssl.CERT_NONE
START = "2016-01-01"  # mid-record: every step and jump passes real changes
STEPS = 120
JUMPS = 40

# One step as a reader feels it: the date changed (the very key a reader presses, or the "Go to date"
# form), then the next animation frame drawn. `to_frame` is wall time from the change until the frame's
# rendering is done (a task posted from the frame's last requestAnimationFrame callback runs after its
# style, layout and paint); it includes the wait for the display's next frame (0 to 16.7 ms at 60 Hz),
# which no code can save. `busy` leaves that wait out: the handler's time plus the frame's own time
# from its start (or from the handler's end, if later) to the end of its rendering.
MEASURE_JS = """async ({kind, count, start}) => {
  const handle = document.querySelector('.tl-handle');
  const form = document.querySelector('.tl-jump');
  const input = form.querySelector('input');
  const parse = (text) => Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10));
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  const afterFrame = () => new Promise((resolve) => requestAnimationFrame((frameStart) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(frameStart);
    channel.port2.postMessage(0);
  }));
  await afterFrame();
  const samples = [];
  let day = parse(start);
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    if (kind === 'step') {
      handle.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', shiftKey: true, bubbles: true, cancelable: true}));
    } else {
      day += 30 * 86400000;
      input.value = iso(day);
      form.requestSubmit();
    }
    const t1 = performance.now();
    const frameStart = await afterFrame();
    const t2 = performance.now();
    samples.push({handler: t1 - t0, to_frame: t2 - t0, busy: (t1 - t0) + (t2 - Math.max(frameStart, t1))});
  }
  return samples;
}"""


def summary(values):
    return {"p50_ms": round(statistics.median(values), 2), "p95_ms": round(percentile(values, 0.95), 2),
            "max_ms": round(max(values), 2)}


def steps(page, kind, count, start):
    samples = page.evaluate(MEASURE_JS, {"kind": kind, "count": count, "start": start})
    return {"count": len(samples), **{name: summary([s[name] for s in samples]) for name in ("busy", "to_frame", "handler")}}


def bytes_before_render(page, base):
    """What the page fetched before its first render (the document and every resource that ended
    before the mark): bytes as decoded, and as gzip -6 would send them (the server leaves compression
    to the front server, so each body is fetched again here and compressed)."""
    urls = page.evaluate("""() => {
        const mark = performance.getEntriesByName('controlmap-first-render')[0].startTime;
        return [location.href, ...performance.getEntriesByType('resource')
            .filter((e) => e.responseEnd <= mark).map((e) => e.name)]; }""")
    raw = zipped = 0
    for url in dict.fromkeys(urls):
        if not url.startswith(base):
            continue
        try:
            with urllib.request.urlopen(url, timeout=300, context=LOOPBACK_TLS) as response:
                body = response.read()
        except urllib.error.HTTPError as error:  # an error answer is transferred too
            body = error.read()
        raw += len(body)
        zipped += len(gzip.compress(body, 6))
    return {"requests": len(urls), "raw_bytes": raw, "gzip_bytes": zipped}


def main_thread_before_render(path, mark_ms):
    """The renderer's main thread from navigation to the first-render mark, in a Chromium trace: the
    CPU time (thread time) and the wall time of its top-level tasks. The CPU time depends little on
    what else the machine runs; the wall time of a loaded machine includes the waits for a core. Of the
    task the mark falls in, the share before the mark counts (its CPU time in proportion to its wall time)."""
    with open(path, encoding="utf-8") as trace:
        events = json.load(trace)
    events = events["traceEvents"] if isinstance(events, dict) else events
    mark = [e for e in events if e.get("name") == "controlmap-first-render"][-1]
    start = mark["ts"] - mark_ms * 1000
    main = {e["tid"] for e in events if e.get("pid") == mark["pid"] and e.get("name") == "thread_name"
            and e["args"].get("name") == "CrRendererMain"}
    tasks = sorted((e for e in events if e.get("pid") == mark["pid"] and e.get("tid") in main and e.get("ph") == "X"
                    and "dur" in e and start <= e["ts"] < mark["ts"]), key=lambda e: (e["ts"], -e["dur"]))
    cpu = wall = 0
    ends = -1
    for task in tasks:
        if task["ts"] < ends:
            continue  # nested in the task before
        ends = task["ts"] + task["dur"]
        before = (min(ends, mark["ts"]) - task["ts"]) / task["dur"] if task["dur"] else 1
        cpu += task.get("tdur", task["dur"]) * before
        wall += min(ends, mark["ts"]) - task["ts"]
    return cpu / 1000, wall / 1000


def traced_loads(browser, base, count):
    """Warm loads with Chromium's trace on (apart from the timed ones: tracing slows a page down a little)."""
    cpu, wall = [], []
    with tempfile.TemporaryDirectory() as directory:
        for _ in range(count):
            context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            path = f"{directory}/trace.json"
            browser.start_tracing(page=page, path=path, categories=["devtools.timeline", "blink.user_timing", "toplevel"])
            page = load_into(page, base, f"at={START}")
            mark = page.evaluate("performance.getEntriesByName('controlmap-first-render')[0].startTime")
            browser.stop_tracing()
            context.close()
            task_cpu, task_wall = main_thread_before_render(path, mark)
            cpu.append(task_cpu)
            wall.append(task_wall)
    return {"loads": count, "cpu_p50_ms": round(statistics.median(cpu), 1), "busy_p50_ms": round(statistics.median(wall), 1)}


def load(context, base, query):
    return load_into(context.new_page(), base, query)


def load_into(page, base, query):
    page.goto(f"{base}/?{query}", wait_until="commit")
    page.wait_for_selector("body[data-ready='true']", timeout=300_000)
    return page


def warm(page, parallel=2):
    """Asks for the page's data (the timelines it fetched) a few times at once, so that every worker of
    the server has them in its cache: a warm load is then warm whichever worker answers."""
    urls = page.evaluate("""() => performance.getEntriesByType('resource').map((e) => e.name)
        .filter((name) => name.includes('/api/'))""")

    def get(url):
        with urllib.request.urlopen(url, timeout=900, context=LOOPBACK_TLS) as response:
            response.read()

    with ThreadPoolExecutor(parallel) as pool:
        for _ in range(2):
            list(pool.map(get, [url for url in urls for _ in range(parallel)]))


def browser_test(server, quick):
    """First render, bytes, steps, jumps and playback frame times in headless Chromium (the tests' flags, local only)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_conftest", ROOT / "tests" / "conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    from playwright.sync_api import sync_playwright

    result = {"viewport": VIEWPORT, "loads": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=conftest.CHROMIUM, args=[*conftest.CHROMIUM_ARGS, *CHROMIUM_FLAGS], headless=True)
        try:
            for attempt in range(3 if quick else 6):
                context = browser.new_context(viewport=VIEWPORT)
                page = load(context, server.base, f"at={START}")
                timing = page.evaluate("""() => ({
                    mark: performance.getEntriesByName('controlmap-first-render')[0]?.startTime,
                    ready: performance.getEntriesByName('controlmap-ready')[0]?.startTime,
                    module: Number(document.body.dataset.firstRenderMs) })""")
                result["loads"].append({"navigation_to_render_ms": round(timing["mark"], 1), "module_to_render_ms": timing["module"],
                                        "navigation_to_ready_ms": timing["ready"] and round(timing["ready"], 1)})
                if attempt == 0:
                    warm(page)
                if attempt == 1:
                    result["before_first_render"] = bytes_before_render(page, server.base)
                context.close()
            result["main_thread_before_first_render"] = traced_loads(browser, server.base, 3 if quick else 5)
            context = browser.new_context(viewport=VIEWPORT)
            page = load(context, server.base, f"at={START}")
            page.wait_for_timeout(500)  # the areas, fetched after the first render, settle
            result["step_1_day"] = steps(page, "step", STEPS // 3 if quick else STEPS, START)
            result["jump_30_days"] = steps(page, "jump", JUMPS // 2 if quick else JUMPS, "2014-01-01")
            # "As reported then": the timeline as reported at each date, fetched once, then the same steps.
            page = load(context, server.base, f"at={START}&known=1")
            page.wait_for_function("() => document.querySelector('#known-status').textContent.startsWith('Showing')",
                                   timeout=900_000)
            page.wait_for_timeout(500)
            result["step_1_day_reported"] = steps(page, "step", STEPS // 3 if quick else STEPS, START)
            result["jump_30_days_reported"] = steps(page, "jump", JUMPS // 2 if quick else JUMPS, "2014-01-01")
            for label in ("default", "fastest"):
                page = load(context, server.base, "at=2014-01-01")
                result[f"playback_{label}"] = playback(page, label, quick)
            context.close()
        finally:
            browser.close()
    renders = [entry["navigation_to_render_ms"] for entry in result["loads"]]
    result["first_render_cold_ms"] = renders[0]
    result["first_render_warm_p50_ms"] = round(statistics.median(renders[1:]), 1)
    readies = [entry["navigation_to_ready_ms"] for entry in result["loads"][1:]]
    if None not in readies:  # a page of before the `controlmap-ready` mark has none
        result["ready_warm_p50_ms"] = round(statistics.median(readies), 1)
    return result


def playback(page, label, quick):
    """Gaps between animation frames while playing (most frames change nothing: see the steps above)."""
    if label == "fastest":
        options = page.locator(".tl-speed-select option")
        page.select_option(".tl-speed-select", options.nth(options.count() - 1).get_attribute("value"))
    page.evaluate("""() => { window.__frames = []; const tick = (t) => { window.__frames.push(t);
        if (window.__recording) requestAnimationFrame(tick); }; window.__recording = true; requestAnimationFrame(tick); }""")
    page.click(".tl-play")
    page.wait_for_timeout(4000 if quick else 8000)
    frames = page.evaluate("() => { window.__recording = false; return window.__frames; }")
    if page.get_attribute(".tl-play", "aria-label") == "Pause":
        page.click(".tl-play")
    gaps = [b - a for a, b in zip(frames, frames[1:])][1:]  # the first gap includes the click
    return {"frames": len(gaps), "p50_ms": round(statistics.median(gaps), 2), "p95_ms": round(percentile(gaps, 0.95), 2),
            "max_ms": round(max(gaps), 2)}
