"""Readers and an editor through nginx, as the map's visitors send them, for `make topology`.

A reader visits the map: the page (short-lived, naming the data version), the scripts, styles and outline
it loads, the timeline and the day's snapshot under that version (immutable), and now and then a place's
history. Each reader is a thread with its own keep-alive connection; the readers are spread over
processes so the generator is not held back by one GIL. Every answer is kept as (seconds since the
start, kind, status, latency) for the figures, and the windows around a fault.
"""
import gzip
import http.client
import http.cookies
import json
import multiprocessing
import random
import re
import time
import urllib.parse

HEADERS = {"Accept-Encoding": "gzip", "User-Agent": "controlmap-topology-reader"}
ASSETS = re.compile(r'(?:href|src)="(/static/[^"]+)"')
CONFIG = re.compile(r'<script id="map-config" type="application/json">(.*?)</script>', re.S)
SNAPSHOT_DAY = "2017-11-20"
PLACES = ["deir-el-zour", "boukamal", "qaim", "raqqa", "mosul", "jamiyat", "jabiliyeh"]


def get(connection, path, headers=HEADERS):
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    if response.getheader("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return response.status, body, response


def visit(connection, record, started, rng):
    """One visit to the map; returns nothing, records every request."""
    def fetch(kind, path):
        begun = time.perf_counter()
        try:
            status, body, _ = get(connection[0], path)
        except (OSError, http.client.HTTPException) as error:
            connection[0].close()
            connection[0] = http.client.HTTPConnection(*connection[1], timeout=30)
            status, body = type(error).__name__, b""
        record.append((round(begun - started, 3), kind, status, time.perf_counter() - begun))
        return status, body

    status, page = fetch("page", "/")
    if status != 200:
        return
    text = page.decode()
    version = json.loads(CONFIG.search(text).group(1))["dataVersion"]
    for asset in ASSETS.findall(text):
        fetch("static", asset)
    for kind, path in (("data", f"/api/v2/timeline/?v={version}"),
                       ("data", f"/api/v2/control/?at={SNAPSHOT_DAY}&v={version}")):
        status, _ = fetch(kind, path)
        if status == 302:  # the version moved under the visit: the redirect names the current one
            fetch(kind, path)
    if rng.random() < 0.2:
        fetch("history", f"/api/v2/places/{rng.choice(PLACES)}/history/")


def reader(address, deadline, started, record, seed):
    rng = random.Random(seed)
    connection = [http.client.HTTPConnection(*address, timeout=30), address]
    while time.monotonic() < deadline:
        try:
            visit(connection, record, started, rng)
        except (ValueError, AttributeError, KeyError) as error:  # a page the reader could not read counts
            record.append((round(time.perf_counter() - started, 3), "page", type(error).__name__, 0.0))


def origin_reader(address, deadline, started, record, seed):
    """Requests no cache holds, neither nginx nor Redis: snapshots of a random day within a random box, each
    built by an app server from a replica. What more app servers or replicas buy is measured with these."""
    rng = random.Random(seed)
    connection = http.client.HTTPConnection(*address, timeout=60)
    while time.monotonic() < deadline:
        day = f"{rng.randint(2014, 2019)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        west, south = rng.uniform(35, 42), rng.uniform(30, 36)
        box = f"{west:.4f},{south:.4f},{west + rng.uniform(1, 5):.4f},{south + rng.uniform(1, 4):.4f}"
        begun = time.perf_counter()
        try:
            status, _, _ = get(connection, f"/api/v2/control/?at={day}&bbox={box}")
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            connection = http.client.HTTPConnection(*address, timeout=60)
            status = type(error).__name__
        record.append((round(begun - started, 3), "origin", status, time.perf_counter() - begun))


def _process(target, address, deadline, started, threads, first, queue):
    import threading

    record = []
    workers = [threading.Thread(target=target, args=(address, deadline, started, record, first + n))
               for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    queue.put(record)


class Load:
    """Readers for `seconds`, started at once; `join()` returns every record."""

    def __init__(self, address, clients, seconds, target=reader, processes=4):
        self.queue = multiprocessing.Queue()
        self.started_wall = time.time()
        started = time.perf_counter()
        deadline = time.monotonic() + seconds
        share = [clients // processes + (1 if n < clients % processes else 0) for n in range(processes)]
        self.workers = [multiprocessing.Process(target=_process, args=(target, address, deadline, started, share[n],
                                                                       sum(share[:n]), self.queue))
                        for n in range(processes)]
        for worker in self.workers:
            worker.start()

    def join(self):
        records = [row for _ in self.workers for row in self.queue.get()]
        for worker in self.workers:
            worker.join()
        return records


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))] if ordered else None


def figures(name, records, seconds, **extra):
    latencies = [row[3] for row in records]
    failed = [row for row in records if not isinstance(row[2], int) or row[2] >= 500]
    return {
        "name": name, "requests": len(records),
        "errors_5xx": sum(1 for row in failed if isinstance(row[2], int)),
        "errors_connection": sum(1 for row in failed if not isinstance(row[2], int)),
        "throughput_rps": round(len(records) / seconds, 1),
        **{f"p{int(q * 100)}_ms": round(percentile(latencies, q) * 1000, 1) if records else None
           for q in (0.50, 0.95, 0.99)},
        **extra,
    }


class Editor:
    """An editor signed in to the admin through nginx, with the session and CSRF cookies a browser keeps."""

    def __init__(self, address, username, password):
        self.address, self.cookies = address, {}
        self.origin = f"https://{address[0]}:{address[1]}"
        status, body, _ = self.request("GET", "/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body.decode()).group(1)
        form = {"username": username, "password": password, "csrfmiddlewaretoken": token, "next": "/admin/"}
        status, _, _ = self.request("POST", "/admin/login/", form, referer="/admin/login/")
        if status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"the editor could not sign in (HTTP {status})")

    def request(self, method, path, form=None, referer=None):
        connection = http.client.HTTPConnection(*self.address, timeout=60)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "User-Agent": "editor"}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers.update({"Content-Type": "application/x-www-form-urlencoded", "Referer": self.origin + referer,
                            "X-CSRFToken": self.cookies.get("csrftoken", "")})
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie(header)
            self.cookies.update({key: morsel.value for key, morsel in cookie.items()})
        connection.close()
        return response.status, content, response

    def publish(self, claim_id):
        status, _, _ = self.request("POST", f"/admin/geo/claim/{claim_id}/publish/",
                                    {"csrfmiddlewaretoken": self.cookies["csrftoken"]},
                                    referer=f"/admin/geo/claim/{claim_id}/change/")
        if status != 302:
            raise RuntimeError(f"publishing claim {claim_id} answered HTTP {status}")


def holder(body, place):
    return next(f for f in json.loads(body)["features"] if f["id"] == place)["properties"]["holder"]


def reader_sees(address, place, wanted):
    """What a reader arriving now sees, through nginx: the page's version, then the snapshot under it."""
    connection = http.client.HTTPConnection(*address, timeout=30)
    try:
        _, page, _ = get(connection, "/", {"User-Agent": "probe"})
        version = json.loads(CONFIG.search(page.decode()).group(1))["dataVersion"]
        status, body, response = get(connection, f"/api/v2/control/?at={SNAPSHOT_DAY}&v={version}",
                                     {"User-Agent": "probe"})
        if status == 302:  # the page named a version superseded meanwhile
            status, body, _ = get(connection, response.getheader("Location"), {"User-Agent": "probe"})
        return status == 200 and holder(body, place) == wanted
    finally:
        connection.close()
