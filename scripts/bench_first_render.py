"""Where the map's first render goes: warm loads of a running server in headless Chromium, each profiled.

    .venv/bin/python scripts/bench_first_render.py --url http://127.0.0.1:8000 [--loads 5]

Prints JSON (p50 over the loads, ms from navigation start unless said):
- `arrivals`: when the page's parts arrived: the timeline (and how long its request queued in the browser
  before it went out, waited for the server's first byte, and transferred), the last module, the document
  becoming interactive, the boot module starting (static/web/boot.js), the first-render mark;
- `requests`: how many requests ended before the mark, and their queueing in the browser (p50 and max);
- `main_thread`: the main thread's CPU and busy time before the mark (as bench_browser.py measures them);
- `self_time`: the main thread's time before the mark in V8's sampling profiler, by script file (the
  browser's own work, as parsing, style, layout and paint, is "(program)"), and the costliest functions.

What it answers that `bench.py --browser-url` does not: whether a first render waits for the network or
for the main thread, and for what work of the main thread.
"""
import argparse
import collections
import json
import statistics
import tempfile

from bench_browser import CHROMIUM_FLAGS, START, VIEWPORT, load_into, main_thread_before_render
from bench_common import ROOT

MARKS_JS = """document.addEventListener('readystatechange', () => performance.mark('document-' + document.readyState));"""

ARRIVALS_JS = """() => {
  const mark = performance.getEntriesByName('controlmap-first-render')[0].startTime;
  const resources = performance.getEntriesByType('resource').filter((e) => e.responseEnd <= mark);
  const timeline = resources.find((e) => e.name.includes('/api/v2/timeline/'));
  const modules = resources.filter((e) => e.name.endsWith('.js'));
  const interactive = performance.getEntriesByName('document-interactive')[0];
  return {
    first_render: mark,
    boot_started: mark - Number(document.body.dataset.firstRenderMs),
    document_interactive: interactive ? interactive.startTime : null,
    last_module: Math.max(...modules.map((e) => e.responseEnd)),
    timeline: timeline.responseEnd,
    timeline_queued: timeline.requestStart - timeline.startTime,
    timeline_server: timeline.responseStart - timeline.requestStart,
    timeline_transfer: timeline.responseEnd - timeline.responseStart,
    requests: resources.length,
    queued: resources.filter((e) => e.requestStart > 0).map((e) => e.requestStart - e.startTime),
  };
}"""


def self_times(profile, start, end):
    """Sampled time (ms) between two trace timestamps, by script file and by function."""
    nodes = {node["id"]: node["callFrame"] for node in profile["nodes"]}
    by_file = collections.Counter()
    by_function = collections.Counter()
    now = profile["startTime"]
    for node, delta in zip(profile["samples"], profile["timeDeltas"]):
        now += delta
        if not start <= now <= end:
            continue
        frame = nodes[node]
        script = frame["url"].rsplit("/", 1)[-1] or frame["functionName"] or "(anonymous)"
        by_file[script] += delta / 1000
        if frame["url"]:
            by_function[f"{frame['functionName'] or '(anonymous)'} ({script}:{frame['lineNumber'] + 1})"] += delta / 1000
    return by_file, by_function


def profiled_load(browser, base):
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(MARKS_JS)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Profiler.enable")
    session.send("Profiler.setSamplingInterval", {"interval": 200})  # µs
    session.send("Profiler.start")
    with tempfile.TemporaryDirectory() as directory:
        path = f"{directory}/trace.json"
        browser.start_tracing(page=page, path=path, categories=["devtools.timeline", "blink.user_timing", "toplevel"])
        load_into(page, base, f"at={START}")
        arrivals = page.evaluate(ARRIVALS_JS)
        profile = session.send("Profiler.stop")["profile"]
        browser.stop_tracing()
        context.close()
        cpu, busy = main_thread_before_render(path, arrivals["first_render"])
        with open(path, encoding="utf-8") as trace:
            events = json.load(trace)
    events = events["traceEvents"] if isinstance(events, dict) else events
    mark = [e for e in events if e.get("name") == "controlmap-first-render"][-1]["ts"]
    by_file, by_function = self_times(profile, mark - arrivals["first_render"] * 1000, mark)
    return arrivals, (cpu, busy), by_file, by_function


def first_render_breakdown(base, loads):
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_conftest", ROOT / "tests" / "conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    from playwright.sync_api import sync_playwright

    runs = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=conftest.CHROMIUM, args=[*conftest.CHROMIUM_ARGS, *CHROMIUM_FLAGS], headless=True)
        try:
            warm_up = browser.new_context(viewport=VIEWPORT)
            load_into(warm_up.new_page(), base, f"at={START}")  # the server's caches filled
            warm_up.close()
            runs = [profiled_load(browser, base) for _ in range(loads)]
        finally:
            browser.close()

    def p50(values):
        values = [v for v in values if v is not None]
        return round(statistics.median(values), 1) if values else None

    arrivals = [run[0] for run in runs]
    files = collections.Counter()
    functions = collections.Counter()
    for _, _, by_file, by_function in runs:
        files.update({name: ms / loads for name, ms in by_file.items()})
        functions.update({name: ms / loads for name, ms in by_function.items()})
    queued = [wait for a in arrivals for wait in a["queued"]]
    return {
        "loads": loads,
        "arrivals": {key: p50([a[key] for a in arrivals]) for key in arrivals[0] if key not in ("requests", "queued")},
        "requests": {"before_first_render": p50([a["requests"] for a in arrivals]), "queued_p50_ms": p50(queued),
                     "queued_max_ms": round(max(queued), 1) if queued else None},
        "main_thread": {"cpu_p50_ms": p50([run[1][0] for run in runs]), "busy_p50_ms": p50([run[1][1] for run in runs])},
        "self_time": {
            "by_file_mean_ms": {name: round(ms, 1) for name, ms in files.most_common(15)},
            "top_functions_mean_ms": {name: round(ms, 1) for name, ms in functions.most_common(15)},
        },
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="a running server with the map, e.g. http://127.0.0.1:8000")
    parser.add_argument("--loads", type=int, default=5, help="warm loads to profile")
    args = parser.parse_args()
    print(json.dumps(first_render_breakdown(args.url.rstrip("/"), args.loads), indent=1))
