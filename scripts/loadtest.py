"""A bounded load test on loopback: CLIENTS concurrent readers for DURATION seconds against gunicorn
with the production settings, on the map page, the control snapshot, the timeline and the embed.

Each client is a thread with its own keep-alive HTTP connection, asking for the four pages in turn;
the clients are spread over several processes so the generator is not held back by one GIL.
Every answer other than 200 counts as an error. Prints and writes (--output) the figures as JSON.

    .venv/bin/python scripts/loadtest.py --clients 64 --duration 60 --output data/reliability/load.json
    .venv/bin/python scripts/loadtest.py --url http://127.0.0.1:8000   # an already running server

Without --url it starts gunicorn on DATABASE_URL (migrated and seeded with --prepare). The anonymous
API throttle is raised for the run: all 64 clients share one loopback address, which in production
would be 64 readers.
"""
import argparse
import http.client
import json
import multiprocessing
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PATHS = {
    "map": "/",
    "snapshot": "/api/v2/control/?at=2017-11-20",
    "timeline": "/api/v2/timeline/",
    "embed": "/embed/?at=2017-11-20",
}
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Encoding": "identity", "User-Agent": "controlmap-loadtest"}


def client(base, deadline, results, offset):
    parts = urlsplit(base)
    connection = None
    names = list(PATHS)
    index = offset
    while time.monotonic() < deadline:
        name = names[index % len(names)]
        index += 1
        started = time.perf_counter()
        try:
            if connection is None:
                connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            connection.request("GET", PATHS[name], headers=HEADERS)
            response = connection.getresponse()
            body = response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException) as error:
            status, body = f"{type(error).__name__}", b""
            if connection is not None:
                connection.close()
            connection = None
        results.append((name, status, time.perf_counter() - started, len(body)))


def process(base, deadline, threads, first, queue):
    results = []
    workers = [threading.Thread(target=client, args=(base, deadline, results, first + n)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    queue.put(results)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))] if ordered else None


def summarise(results, duration, clients):
    def figures(rows):
        latencies = [row[2] for row in rows]
        errors = [row for row in rows if row[1] != 200]
        return {
            "requests": len(rows), "errors": len(errors),
            "error_statuses": sorted({str(row[1]) for row in errors}),
            "throughput_rps": round(len(rows) / duration, 1),
            "p50_ms": round(percentile(latencies, 0.50) * 1000, 1) if rows else None,
            "p99_ms": round(percentile(latencies, 0.99) * 1000, 1) if rows else None,
            "max_ms": round(max(latencies) * 1000, 1) if rows else None,
            "mean_bytes": round(sum(row[3] for row in rows) / len(rows)) if rows else None,
        }

    return {
        "clients": clients, "duration_s": duration,
        "total": figures(results),
        "endpoints": {name: {"path": path, **figures([r for r in results if r[0] == name])} for name, path in PATHS.items()},
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env():
    environment = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "TEST_DATABASE_NAME"}}
    environment.update(DEBUG="0", SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(64),
                       ALLOWED_HOSTS="127.0.0.1", API_THROTTLE_ANON="100000000/minute", LOG_LEVEL="ERROR")
    return environment


def start_server(workers, threads):
    port = free_port()
    command = [str(ROOT / ".venv/bin/gunicorn"), "controlmap.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers),
               "-k", "gthread", "--threads", str(threads), "--keep-alive", "5", "--timeout", "30"]
    server = subprocess.Popen(command, cwd=ROOT, env=production_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            request = urllib.request.Request(f"{base}/healthz", headers=HEADERS)
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return server, base, " ".join(command[1:])
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit(f"gunicorn did not answer /healthz: {server.stderr.read().decode()[-2000:]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--duration", type=float, default=60)
    parser.add_argument("--processes", type=int, default=4, help="load generator processes sharing the clients")
    parser.add_argument("--url", help="an already running server; otherwise gunicorn is started")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker")
    parser.add_argument("--prepare", action="store_true", help="migrate and load the seed data first")
    parser.add_argument("--output", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()

    if args.prepare:
        for command in (["migrate", "--noinput"], ["load_seed"]):
            subprocess.run([sys.executable, "manage.py", *command, "-v", "0"], cwd=ROOT, env=production_env(), check=True)
    server, base, served_by = (None, args.url.rstrip("/"), args.url) if args.url else start_server(args.workers, args.threads)
    try:
        for path in PATHS.values():  # warm the caches the way a first visitor would
            urllib.request.urlopen(urllib.request.Request(base + path, headers=HEADERS), timeout=30).read()
    except OSError as error:
        print(f"warning: warming {base} failed: {error}", file=sys.stderr)
    queue = multiprocessing.Queue()
    processes = min(args.processes, args.clients)
    share = [args.clients // processes + (1 if n < args.clients % processes else 0) for n in range(processes)]
    started = time.monotonic()
    deadline = started + args.duration
    workers = [multiprocessing.Process(target=process, args=(base, deadline, share[n], sum(share[:n]), queue))
               for n in range(processes)]
    for worker in workers:
        worker.start()
    results = [row for _ in workers for row in queue.get()]
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    if server is not None:
        server.terminate()
        server.wait(timeout=30)
    summary = summarise(results, round(elapsed, 1), args.clients)
    summary.update(server=served_by, database=os.environ.get("DATABASE_URL", "spatialite (data/controlmap.sqlite3)").split("@")[-1],
                   cpus=os.cpu_count(), measured_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    text = json.dumps(summary, indent=1)
    print(text)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n", encoding="utf-8")
    return 0 if summary["total"]["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
