"""The benchmark's browser part: the map in headless Chromium, first render and playback frame times.

Its own module because it runs Playwright against any running server: bench.py calls it at L, and
`bench.py --browser-url` alone against a development server, to compare front-end changes.
"""
import statistics

from bench_common import ROOT, percentile


def browser_test(server, quick):
    """First render and playback frame times at L in headless Chromium (the tests' flags, local only)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_conftest", ROOT / "tests" / "conftest.py")
    conftest = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conftest)
    from playwright.sync_api import sync_playwright

    result = {"loads": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=conftest.CHROMIUM, args=conftest.CHROMIUM_ARGS, headless=True)
        try:
            for attempt in range(3 if quick else 5):
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                context.route("**/*", conftest.block_non_local)
                page = context.new_page()
                page.goto(f"{server.base}/?at=2014-01-01", wait_until="commit")
                page.wait_for_selector("body[data-ready='true']", timeout=120_000)
                timing = page.evaluate("""() => ({
                    mark: performance.getEntriesByName('controlmap-first-render')[0]?.startTime,
                    module: Number(document.body.dataset.firstRenderMs) })""")
                result["loads"].append({"navigation_to_render_ms": round(timing["mark"], 1), "module_to_render_ms": timing["module"]})
                if attempt < (2 if quick else 4):
                    context.close()
            # Playback at the default speed, frames timed by requestAnimationFrame.
            for label, speed_index in (("default", None), ("fastest", -1)):
                if speed_index is not None:
                    options = page.locator(".tl-speed-select option")
                    page.select_option(".tl-speed-select", options.nth(options.count() - 1).get_attribute("value"))
                page.evaluate("""() => { window.__frames = []; const tick = (t) => { window.__frames.push(t);
                    if (window.__recording) requestAnimationFrame(tick); }; window.__recording = true; requestAnimationFrame(tick); }""")
                page.click(".tl-play")
                page.wait_for_timeout(4000 if quick else 8000)
                frames = page.evaluate("() => { window.__recording = false; return window.__frames; }")
                if page.get_attribute(".tl-play", "aria-label") == "Pause":
                    page.click(".tl-play")
                page.wait_for_timeout(300)
                gaps = [b - a for a, b in zip(frames, frames[1:])][1:]  # the first gap includes the click
                result[f"playback_{label}"] = {
                    "frames": len(gaps), "p50_ms": round(statistics.median(gaps), 2), "p95_ms": round(percentile(gaps, 0.95), 2),
                    "max_ms": round(max(gaps), 2),
                }
                page.goto(f"{server.base}/?at=2014-01-01", wait_until="commit")
                page.wait_for_selector("body[data-ready='true']", timeout=120_000)
            context.close()
        finally:
            browser.close()
    renders = [load["navigation_to_render_ms"] for load in result["loads"]]
    result["first_render_cold_ms"] = renders[0]
    result["first_render_warm_p50_ms"] = round(statistics.median(renders[1:]), 1)
    return result
