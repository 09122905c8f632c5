"""BENCHMARKS.md from the benchmark's JSON (scripts/bench.py): tables, targets, growth, query plans."""
import statistics

TARGETS = """\
| target (issue 8) | measured | met |
| --- | --- | --- |
"""


def fmt(value, unit=""):
    if value is None:
        return "–"
    if isinstance(value, float):
        value = f"{value:,.1f}" if abs(value) >= 10 else f"{value:,.2f}"
    elif isinstance(value, int):
        value = f"{value:,}"
    return f"{value}{unit}"


def kb(n):
    return "–" if n is None else (f"{n / 1e6:,.2f} MB" if n >= 1e6 else f"{n / 1e3:,.1f} kB")


def find(report, size, engine="postgis"):
    return next((r for r in report["results"] if r["size"] == size and r["engine"] == engine), None)


def ratio(a, b):
    return None if not a or not b else a / b


def render(report):
    m = report["machine"]
    lines = [
        "# ControlMap benchmarks",
        "",
        "Written by `make bench` (scripts/bench.py); the raw figures are in BENCHMARKS.json. "
        f"Run on {m['date']}: {m['cpus']} cores, Python {m['python']}, load average at start "
        f"{', '.join(str(x) for x in m['load_average_at_start'])} (other work shares these cores, so single figures are noisy: "
        "ratios measured in the same run, such as server time over raw SQL time, are the steadier ones).",
        "",
        "Sizes: S is the seed data; M, L and XL add synthetic places and claims (`manage.py generate_synthetic`, "
        "seed 8: places over Syria and Iraq, day, month and approximate dates, same-day conflicts, superseded claims, "
        "1–3 citations each); L2 has L's places with twice the claims, which separates growth with claims from growth "
        f"with places. The snapshot is the control map on {report['at']}. Server times are measured in-process through "
        f"Django's test client (no network; the response cache is {m.get('response_cache', 'local memory')}"
        + (f"; PostgreSQL's shared_buffers {fmt(m['postgres_shared_buffers_mb'])} MB" if m.get("postgres_shared_buffers_mb") else "")
        + "); *raw SQL* replays the very statements "
        "of one uncached request through a bare cursor and fetches every row: the lower bound the view cannot beat. "
        "A snapshot as known now reads the day's prepared segments (api.snapshots: each place's state resolved once per "
        "write, with its Feature); *as known then* (`&known_at=`) resolves the claims on every request, as every "
        "snapshot did before the segments.",
        "",
        "## Snapshot (`/api/v2/control/?at=`)",
        "",
        "| size | engine | places | claims | features | uncached p50 / p95 | raw SQL p50 | ratio | as known then (resolved) p50 | deciding query p50 | cached p50 / p95 | 304 p50 / p95 | queries (miss / hit / 304) | bytes | gzip |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in report["results"]:
        s = r["snapshot"]
        lines.append(
            f"| {r['size']} | {r['engine']} | {fmt(r['places'])} | {fmt(r['claims'])} | {fmt(s['features'])} | "
            f"{fmt(s['uncached_ms']['p50'])} / {fmt(s['uncached_ms']['p95'])} ms | {fmt(s['raw_sql_ms']['p50'])} ms | "
            f"{fmt(s['ratio_to_raw_sql'])}× | {fmt(s.get('resolved_ms', {}).get('p50'))} ms | {fmt(s['deciding_sql_ms']['p50'])} ms | "
            f"{fmt(s['cached_ms']['p50'])} / {fmt(s['cached_ms']['p95'])} ms | "
            f"{fmt(s['not_modified_ms']['p50'])} / {fmt(s['not_modified_ms']['p95'])} ms | "
            f"{s['queries_uncached']} / {s['queries_when_cached']} / {s['queries_when_304']} | {kb(s['bytes'])} | {kb(s['gzip_bytes'])} |"
        )
    lines += [
        "",
        "## Prepared snapshots (api.snapshots)",
        "",
        "What the fast snapshot costs to keep: one segment per place and stretch of days with the same deciding "
        "claims; a full rebuild (after a bulk load, e.g. generate_synthetic, or `manage.py refresh_snapshots --all`); "
        "and resolving one place again, as happens when a write to it commits (median of 10 random places).",
        "",
        "| size | engine | segments | stored (every prepared table) | full rebuild | refresh one place p50 / p95 |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for r in report["results"]:
        p = r.get("prepared")
        if p:
            lines.append(f"| {r['size']} | {r['engine']} | {fmt(p['segments'])} | {kb(p['stored_bytes'])} | {fmt(p['rebuild_s'])} s | "
                         f"{fmt(p['refresh_place_ms']['p50'])} / {fmt(p['refresh_place_ms']['p95'])} ms |")
    lines += [
        "",
        "## Timeline (`/api/v2/timeline/`, the playback payload)",
        "",
        "| size | engine | counting claims | changes | build (view, from the segments) | resolving every claim instead (records.timeline) | as known then (`known_at`, from the segments over knowledge time) | cached | bytes | gzip | gzip bytes per change |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in report["results"]:
        t = r["timeline"]
        lines.append(
            f"| {r['size']} | {r['engine']} | {fmt(r['counting_claims'])} | {fmt(t['changes'])} | {fmt(t['build_ms'])} ms | "
            f"{fmt(t['records_timeline_ms'])} ms | {fmt(t.get('known_at_build_ms'))} ms | {fmt(t['cached_ms'])} ms | {kb(t['bytes'])} | {kb(t['gzip_bytes'])} | "
            f"{fmt(t['gzip_bytes_per_change'])} |"
        )
    lines += [
        "",
        "## Place history (`/api/v2/places/{slug}/history/`, uncached, random places with claims)",
        "",
        "| size | engine | places sampled | p50 | p95 |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for r in report["results"]:
        h = r["history"]
        lines.append(f"| {r['size']} | {r['engine']} | {h['places']} | {fmt(h['p50_ms'])} ms | {fmt(h['p95_ms'])} ms |")

    lines += areas(report)

    servers = report.get("servers", {})
    if servers:
        lines += [
            "",
            "## Under load: gunicorn on loopback",
            "",
            "2 sync workers (one per core), wrk with 4 connections for cached and static (2 for uncached, each request "
            "asking for another day), bounded in time. The static file is the same snapshot's bytes served by the same "
            "workers through the WSGI file wrapper. wrk runs on the same 2 cores.",
            "",
            "| size | cache | body | static req/s (p99) | cached snapshot req/s (p99) | cached ÷ static | uncached req/s (p50 / p99) | peak worker RSS after the timeline | peak worker RSS at the end |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for size, entry in servers.items():
            load = entry.get("load")
            if load:
                st, ca, un = load["static"] or {}, load["cached"] or {}, load["uncached"] or {}
                lines.append(
                    f"| {size} | {load['cache']} | {kb(load['bytes'])} | {fmt(st.get('rps'))} ({fmt(st.get('p99_ms'))} ms) | "
                    f"{fmt(ca.get('rps'))} ({fmt(ca.get('p99_ms'))} ms) | {fmt(load.get('cached_to_static'))} | "
                    f"{fmt(un.get('rps'))} ({fmt(un.get('p50_ms'))} / {fmt(un.get('p99_ms'))} ms) | "
                    f"{fmt(entry.get('peak_worker_rss_after_timeline_mb'))} MB | {fmt(entry.get('peak_worker_rss_mb'))} MB |"
                )
            else:
                lines.append(f"| {size} | – | – | – | – | – | – | {fmt(entry.get('peak_worker_rss_after_timeline_mb'))} MB | "
                             f"{fmt(entry.get('peak_worker_rss_mb'))} MB |")
        for size in ("L", "XL"):
            browser = servers.get(size, {}).get("browser")
            if browser:
                lines += browser_section(size, browser)

    lines += ["", "## Targets", "", TARGETS.rstrip()]
    lines += targets(report)
    lines += ["", "## How cost grows", ""] + growth(report)
    lines += ["", "## Query plans", "", "### The day's segments (a snapshot as known now)", "",
              "On PostgreSQL one scan of the GiST index on each segment's days (`daterange(start, stop) @> day`) finds "
              "the one segment per place that contains the day: no claim is read, and no segment of another day. "
              "SQLite, which has no range index, takes per place one backward step on the (place, start) index.", ""]
    for r in report["results"]:
        if r.get("explain_segments") and (r["size"] in ("L", "XL") or (r["size"] == "M" and r["engine"] == "spatialite")):
            lines += [f"#### {r['size']} on {r['engine']}", "", "```", "\n".join(r["explain_segments"]), "```", ""]
    lines += ["### The deciding query (a snapshot as known then)", "",
              "For each place, the counting claims of its latest date on or before the day. "
              "The plan is driven by the places: one backward scan of the partial (place, date) index per place, which "
              "stops at the first counting claim, so no claim after the day, and no older one, is read.", ""]
    for r in report["results"]:
        if r["size"] in ("L", "XL", "L2") or (r["size"] == "M" and r["engine"] == "spatialite"):
            plan = "\n".join(r["explain"]["plan"])
            lines += [f"#### {r['size']} on {r['engine']}", "", "```", plan, "```", ""]
    postgis = next((r for r in report["results"] if r["engine"] == "postgis"), None)
    if postgis:
        lines += ["The query (PostgreSQL form; SQLite, which has no LATERAL, joins each place to a correlated "
                  "`ORDER BY date DESC LIMIT 1` subquery on the same index):", "", "```sql", postgis["explain"]["sql"], "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def areas(report):
    """The derived areas and the changes between two days (scripts/bench_areas.py)."""
    measured = [r for r in report["results"] if r.get("areas")]
    if not measured:
        return []
    lines = [
        "",
        "## Derived areas (`/api/v2/areas/?at=`) and changes (`/api/v2/changes/?from=&to=`)",
        "",
        "Areas: built with an empty response cache (median of the days measured, and the slowest day), from the "
        f"claims (records.snapshot) through the Voronoi derivation (geo.areas); cached and 304 on {report['at']}; "
        f"bytes of the largest day; CPU: the serving process's CPU time of a build (median over the days), which "
        "other work on the machine does not inflate. Changes: from a week, a month and two years before "
        f"{report['at']} to that day.",
        "",
        "| size | engine | areas (largest day) | build p50 of days / slowest | CPU | as known then | cached p50 / p95 | 304 p50 / p95 | bytes | gzip | changes: places and build (week / month / two years) | changes gzip (two years) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in measured:
        a = r["areas"]
        days = list(a["days"].values())
        largest = max(days, key=lambda d: d["bytes"])
        builds = sorted(d["build_ms"] for d in days)
        changes = " / ".join(f"{fmt(c['features'])} in {fmt(c['build_ms'])} ms" for c in a["changes"].values())
        lines.append(
            f"| {r['size']} | {r['engine']} | {fmt(largest['features'])} | {fmt(builds[len(builds) // 2])} / "
            f"{fmt(max(d['build_ms_max'] for d in days))} ms | {fmt(statistics.median(d['build_cpu_ms'] for d in days))} ms | "
            f"{fmt(a['known_at']['build_ms'])} ms | "
            f"{fmt(a['cached_ms']['p50'])} / {fmt(a['cached_ms']['p95'])} ms | "
            f"{fmt(a['not_modified_ms']['p50'])} / {fmt(a['not_modified_ms']['p95'])} ms | {kb(largest['bytes'])} | "
            f"{kb(largest['gzip_bytes'])} | {changes} | {kb(a['changes']['two years']['gzip_bytes'])} |"
        )
    return lines


def browser_section(size, browser):
    """The map in Chromium at one size (bench_browser.browser_test's result) as a Markdown section."""
    served = (f"served by {browser['served_by']} (the deployed layout: nginx serves the static files, the app the rest), "
              if browser.get("served_by") else "")
    lines = [
        "",
        f"## The map in headless Chromium at {size}",
        "",
        f"Debian's Chromium through Playwright with the tests' flags (software rendering, no GPU), {served}"
        f"{browser.get('viewport', {}).get('width', 1280)}×{browser.get('viewport', {}).get('height', 800)}, "
        "non-local hosts unresolvable. First render: from navigation start to the page's `controlmap-first-render` mark "
        "(the timeline fetched, decoded and every place drawn); page ready: to the `controlmap-ready` mark (the timeline "
        "control, the table and every switch wired, after the first render); the first load builds the timeline on the server, "
        "the next ones get it from the cache (after the first, its API answers are asked for again, two at a time, "
        "so that every worker has them). Bytes: what the page fetched before that mark, as fetched and as gzip -6 "
        "sends it. A step: the date moved one day (Shift+→ on the timeline, 120 in a row from 2016-01-01), then the "
        "next frame drawn; a jump: 30 days on through the \"Go to date\" form; the same with \"As reported then\" "
        "on (`known=1`). *Busy* is the step's handler plus its "
        "frame's own work (style, layout, paint), without the wait for the display's next frame; *to frame* includes "
        "that wait. Playback: gaps between successive requestAnimationFrame callbacks while playing (16.7 ms is a "
        "frame on time at 60 Hz; most frames change nothing).",
        "",
        "| measure | value |",
        "| --- | ---: |",
        f"| first render, cold server cache | {fmt(browser['first_render_cold_ms'])} ms |",
        f"| first render, p50 of warm loads | {fmt(browser['first_render_warm_p50_ms'])} ms |",
        f"| of which after the page's module started (p50) | {fmt(sorted(l['module_to_render_ms'] for l in browser['loads'])[len(browser['loads']) // 2])} ms |",
    ]
    if browser.get("ready_warm_p50_ms") is not None:
        lines.append(f"| page ready (every control wired), p50 of warm loads | {fmt(browser['ready_warm_p50_ms'])} ms |")
    before = browser.get("before_first_render")
    if before:
        lines.append(f"| fetched before the first render ({before['requests']} requests), raw / gzip | "
                     f"{kb(before['raw_bytes'])} / {kb(before['gzip_bytes'])} |")
    for key, text in (("step_1_day", "1-day step"), ("jump_30_days", "30-day jump"),
                      ("step_1_day_reported", "1-day step, \"As reported then\""),
                      ("jump_30_days_reported", "30-day jump, \"As reported then\"")):
        step = browser.get(key)
        if step:
            busy, to_frame = step["busy"], step["to_frame"]
            lines.append(f"| {text}, busy p50 / p95 / max over {step['count']} | "
                         f"{fmt(busy['p50_ms'])} / {fmt(busy['p95_ms'])} / {fmt(busy['max_ms'])} ms |")
            lines.append(f"| {text}, to frame p50 / p95 | {fmt(to_frame['p50_ms'])} / {fmt(to_frame['p95_ms'])} ms |")
    for label in ("default", "fastest"):
        p = browser.get(f"playback_{label}")
        if p:
            lines.append(f"| playback ({label} speed) frame p50 / p95 / max over {p['frames']} frames | "
                         f"{fmt(p['p50_ms'])} / {fmt(p['p95_ms'])} / {fmt(p['max_ms'])} ms |")
    return lines


def targets(report):
    rows = []
    L, XL = find(report, "L"), find(report, "XL")

    def row(text, value, ok):
        rows.append(f"| {text} | {value} | {'yes' if ok else ('no' if ok is not None else '–')} |")

    if L:
        s = L["snapshot"]
        row("snapshot at L, p50 uncached ≤ 150 ms", f"{fmt(s['uncached_ms']['p50'])} ms", s["uncached_ms"]["p50"] <= 150)
        row("snapshot at L, cached p50 ≤ 2 ms", f"{fmt(s['cached_ms']['p50'])} ms", s["cached_ms"]["p50"] <= 2)
        row("snapshot at L, 304 p50 ≤ 2 ms", f"{fmt(s['not_modified_ms']['p50'])} ms", s["not_modified_ms"]["p50"] <= 2)
        p = L.get("prepared")
        if p:
            row("full rebuild of the prepared segments at L ≤ 30 s (issue 21)", f"{fmt(p['rebuild_s'])} s", p["rebuild_s"] <= 30)
            row("refresh one place after a write < 25 ms (issue 21)", f"{fmt(p['refresh_place_ms']['p50'])} ms",
                p["refresh_place_ms"]["p50"] < 25)
    if XL:
        s = XL["snapshot"]
        row("snapshot at XL, p50 uncached ≤ 600 ms", f"{fmt(s['uncached_ms']['p50'])} ms", s["uncached_ms"]["p50"] <= 600)
        p = XL.get("prepared")
        if p and p.get("stored_bytes"):
            row("prepared data at XL ≤ 1 GB on disk (issue 21)", kb(p["stored_bytes"]), p["stored_bytes"] <= 1e9)
    worst = max((r["snapshot"]["ratio_to_raw_sql"] for r in report["results"] if r["size"] != "S"), default=None)
    if worst is not None:
        row("snapshot never more than 2× the raw SQL (worst of M–XL, both engines)", f"{fmt(worst)}×", worst <= 2)
    if L:
        t = L["timeline"]
        row("timeline at L ≤ 8 gzip bytes per change", fmt(t["gzip_bytes_per_change"]), (t["gzip_bytes_per_change"] or 99) <= 8)
        row("timeline at L built within 1 s", f"{fmt(t['build_ms'])} ms", t["build_ms"] <= 1000)
        row("timeline then cached (until the next publication)", f"{fmt(t['cached_ms'])} ms", t["cached_ms"] < 50)
        if t.get("known_at_build_ms") is not None:
            row("timeline as known then at L ≤ 1 s (issue 21)", f"{fmt(t['known_at_build_ms'])} ms", t["known_at_build_ms"] <= 1000)
    for r in (find(report, "L"), find(report, "L", "spatialite")):
        a = (r or {}).get("areas")
        if a:
            days = a["days"].values()
            slowest = max(d["build_ms_max"] for d in days)
            row(f"areas at L on {r['engine']}, built in ≤ 5 s (slowest day)", f"{fmt(slowest)} ms", slowest <= 5000)
            row(f"areas at L on {r['engine']}, cached p95 ≤ 300 ms", f"{fmt(a['cached_ms']['p95'])} ms", a["cached_ms"]["p95"] <= 300)
            largest = max(d["gzip_bytes"] for d in days)
            row(f"areas at L on {r['engine']}, ≤ 2 MB gzipped (largest day)", kb(largest), largest <= 2e6)
    servers = report.get("servers", {})
    browser = servers.get("L", {}).get("browser")
    if browser:
        p = browser.get("playback_default")
        if p:
            row("playback at L, p95 frame ≤ 20 ms", f"{fmt(p['p95_ms'])} ms", p["p95_ms"] <= 20)
        row("first render at L ≤ 2 s (warm server cache)", f"{fmt(browser['first_render_warm_p50_ms'])} ms",
            browser["first_render_warm_p50_ms"] <= 2000)
        for key, text, limit in (("step_1_day", "1-day step", 15), ("jump_30_days", "30-day jump", 30),
                                 ("step_1_day_reported", "1-day step as reported then", 15),
                                 ("jump_30_days_reported", "30-day jump as reported then", 30)):
            if browser.get(key):
                p95 = browser[key]["busy"]["p95_ms"]
                row(f"{text} at L, busy p95 ≤ {limit} ms (issue 21)", f"{fmt(p95)} ms", p95 <= limit)
        row("first render at L ≤ 600 ms warm (issue 21)", f"{fmt(browser['first_render_warm_p50_ms'])} ms",
            browser["first_render_warm_p50_ms"] <= 600)
        if browser.get("before_first_render"):
            zipped = browser["before_first_render"]["gzip_bytes"]
            row("at most 700 kB gzipped before the first render (issue 21)", kb(zipped), zipped <= 700_000)
    browser = servers.get("XL", {}).get("browser")
    if browser:
        for key, text in (("step_1_day", "1-day step"), ("step_1_day_reported", "1-day step as reported then")):
            if browser.get(key):
                p95 = browser[key]["busy"]["p95_ms"]
                row(f"{text} at XL, busy p95 ≤ 33 ms (issue 21)", f"{fmt(p95)} ms", p95 <= 33)
        row("first render at XL ≤ 2 s warm (issue 21)", f"{fmt(browser['first_render_warm_p50_ms'])} ms",
            browser["first_render_warm_p50_ms"] <= 2000)
    load = servers.get("L", {}).get("load")
    if load and load.get("cached_to_static") is not None:
        row("cached snapshot throughput ≥ ½ the static file's (L)", f"{fmt(load['cached_to_static'])}×", load["cached_to_static"] >= 0.5)
    rss = servers.get("XL", {}).get("peak_worker_rss_mb")
    if rss is not None:
        row("app process < 300 MB resident serving XL", f"{fmt(rss)} MB", rss < 300)
    return rows


def growth(report):
    """Ratios between sizes for each figure, against the ratios of places and claims."""
    pairs = [("M", "L"), ("L", "XL"), ("L", "L2")]
    lines = [
        "Each cell is the figure at the larger size divided by the figure at the smaller (PostGIS). M→L and L→XL grow "
        "places and claims together (×10 and ×5); L→L2 doubles the claims of the same places.",
        "",
        "| figure | " + " | ".join(f"{a}→{b}" for a, b in pairs) + " |",
        "| --- | " + " | ".join("---:" for _ in pairs) + " |",
    ]
    figures = [
        ("places", lambda r: r["places"]),
        ("claims", lambda r: r["claims"]),
        ("snapshot uncached p50", lambda r: r["snapshot"]["uncached_ms"]["p50"]),
        ("snapshot raw SQL p50", lambda r: r["snapshot"]["raw_sql_ms"]["p50"]),
        ("snapshot as known then (resolved) p50", lambda r: r["snapshot"].get("resolved_ms", {}).get("p50")),
        ("deciding query p50", lambda r: r["snapshot"]["deciding_sql_ms"]["p50"]),
        ("prepared segments", lambda r: r.get("prepared", {}).get("segments")),
        ("full rebuild of the segments", lambda r: r.get("prepared", {}).get("rebuild_s")),
        ("refresh of one place p50", lambda r: r.get("prepared", {}).get("refresh_place_ms", {}).get("p50")),
        ("snapshot bytes", lambda r: r["snapshot"]["bytes"]),
        ("snapshot 304 p50", lambda r: r["snapshot"]["not_modified_ms"]["p50"]),
        ("timeline build", lambda r: r["timeline"]["build_ms"]),
        ("timeline gzip bytes", lambda r: r["timeline"]["gzip_bytes"]),
        ("place history p50", lambda r: r["history"]["p50_ms"]),
    ]
    for name, get in figures:
        cells = []
        for a, b in pairs:
            ra, rb = find(report, a), find(report, b)
            value = ratio(get(rb), get(ra)) if ra and rb else None
            cells.append("–" if value is None else f"×{value:.2f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "What drives each figure:",
        "",
        "- **Snapshot as known now** (uncached): one index scan for the day's segments, then their prepared "
        "Features written as they are: it grows with the number of places (the size of the answer), not with the "
        "claims (L→L2). A cached answer or a 304 costs the same at every size except for the body: no query, and "
        "three Redis round trips (the throttle count, the data version, and whether the shared cache still holds "
        "this process's copy of the body); a body larger than a process keeps (`API_CACHE_LOCAL_BYTES`, XL's) is "
        "sent out of Redis in 4 MB pieces.",
        "- **Snapshot as known then** (`known_at`): one index probe per place for the deciding claims, then their "
        "citations, resolved and shaped in Python per request: it grows with the places, and only with the logarithm "
        "of the claims per place.",
        "- **Prepared segments**: about one per place and date on which its deciding claims change, so their number, "
        "storage and full rebuild grow linearly with the claims; refreshing a place after a write costs its own "
        "claims only, whatever the size of the record.",
        "- **Timeline**: read from the segments (one row per change of evidence), merged into one entry per change of "
        "state: it grows linearly with claims (build time and bytes); it is built once per publication and then "
        "served from the cache.",
        "- **Place history**: the claims of one place and their citations: it grows with the claims per place, not "
        "with the size of the record.",
        "- **Memory**: a worker holds one answer while building it: the timeline streams the segments place by place "
        "and keeps four integers per change; the snapshot streams the day's Features from the database as UTF-8 bytes "
        "(2,000 rows at a time) and joins them into the body in one copy, so its peak is about the body twice, and "
        "grows with the number of places; Redis stores and serves the body as it is (no pickled copy). DRF's view/response reference cycles are broken once an answer is sent: "
        "before, every answer stayed in memory until a rare full collection and a worker grew by gigabytes.",
    ]
    return lines
