"""The benchmark's load test: gunicorn on loopback under wrk, and its workers' peak memory.

Its own module because it drives a real server from the outside (processes, sockets, wrk), apart from
the in-process measurements of bench_database and the browser of bench_browser.
"""
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from bench_common import AT, BENCH_DIR, REDIS_BENCH_URL, ROOT, child_env


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answering(port, seconds):
    """Whether something accepts connections on the loopback `port` within `seconds`."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.3)
    return False


def redis_available():
    try:
        import redis

        client = redis.Redis.from_url(REDIS_BENCH_URL, socket_timeout=2)
        client.flushdb()  # the bench's own Redis database: versions of different bench databases would collide
        return True
    except Exception:
        return False


class Server:
    """gunicorn on loopback with 2 sync workers (one per core), the bench's Redis cache if there is one."""

    def __init__(self, url, workers=2):
        self.port = free_port()
        self.redis = redis_available()
        env = child_env(url, **({"REDIS_URL": REDIS_BENCH_URL} if self.redis else {}))
        env["BENCH_STATIC_DIR"] = str(BENCH_DIR / "static")
        self.process = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "--chdir", str(ROOT), "--pythonpath", str(ROOT / "scripts"),
             "--workers", str(workers), "--bind", f"127.0.0.1:{self.port}", "--timeout", "300", "--log-level", "warning",
             "bench_wsgi:application"],
            env=env, cwd=ROOT, start_new_session=True,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        if not answering(self.port, 60):
            self.stop()
            raise RuntimeError("gunicorn did not start")

    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def peak_rss_mb(self):
        """The largest peak resident size (VmHWM) among the workers."""
        peaks = []
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
        return round(max(peaks), 1) if peaks else None

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


class Front:
    """nginx in front of a Server, as deployed (DEPLOY.md): HTTPS with HTTP/2, as readers reach the CDN
    (a certificate of its own for 127.0.0.1, which the bench's browser accepts), the static files from
    STATIC_ROOT after `collectstatic`, gzip, the app's answers through its cache honouring
    Cache-Control; otherwise the config `make topology` runs (scripts/topology/nginx.conf). Through the
    Server alone, Django's static files handler answers each of the map's files from a Python worker, two
    at a time; over HTTP/1.1 the browser's six connections to a host queue the page's score of modules
    behind its timeline, a wait no reader of the HTTPS site meets."""

    def __init__(self, server):
        unused = f"spatialite:///{BENCH_DIR / 'collectstatic.sqlite3'}"  # collectstatic reads no database
        subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "manage.py", "collectstatic", "--noinput", "-v0"],
                       env=child_env(unused), cwd=ROOT, check=True)
        self.run_dir = Path(tempfile.mkdtemp(prefix="controlmap-bench-front-"))
        self.run_dir.chmod(0o755)
        port = free_port()
        key, certificate = self.run_dir / "key.pem", self.run_dir / "certificate.pem"
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                        "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
                       check=True, capture_output=True)
        plain = "listen 127.0.0.1:@PORT@;"
        template = (ROOT / "scripts" / "topology" / "nginx.conf").read_text()
        if plain not in template:
            raise RuntimeError(f"scripts/topology/nginx.conf: no '{plain}' line to serve over HTTPS")
        text = (template.replace(plain, f"listen 127.0.0.1:@PORT@ ssl http2; ssl_certificate {certificate}; "
                                        f"ssl_certificate_key {key};")
                .replace("@RUN@", str(self.run_dir)).replace("@PORT@", str(port))
                .replace("@STATIC_ROOT@", str(ROOT / "data" / "staticfiles"))
                .replace("@APP_SERVERS@", f"server 127.0.0.1:{server.port};"))
        if os.geteuid() == 0:  # nginx's workers read the project's files and write the cache in the run directory
            text = "user root root;\n" + text
        (self.run_dir / "nginx.conf").write_text(text)
        self.process = subprocess.Popen(["nginx", "-c", str(self.run_dir / "nginx.conf"), "-p", str(self.run_dir),
                                         "-e", str(self.run_dir / "nginx-error.log")], start_new_session=True)
        self.base = f"https://127.0.0.1:{port}"
        if not answering(port, 30):
            error = (self.run_dir / "nginx-error.log").read_text()[-2000:]
            self.stop()
            raise RuntimeError(f"nginx did not start: {error}")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(20)
        shutil.rmtree(self.run_dir, ignore_errors=True)


UNCACHED_LUA = """
-- Each request asks for another day, so none is answered from the response cache.
local thread_id = 0
local counter = 0
function setup(thread) thread:set("thread_id", thread_id); thread_id = thread_id + 1 end
function request()
  counter = counter + 1
  local day = os.date("!%Y-%m-%d", 1388534400 + ((counter * 2 + thread_id) % 1800) * 86400)
  return wrk.format("GET", "/api/v2/control/?at=" .. day)
end
"""


def wrk(url, seconds, connections=4, script=None):
    """Requests per second and latency percentiles (ms) from wrk, or None without wrk."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "--latency"]
    if script:
        path = BENCH_DIR / "uncached.lua"
        path.write_text(script)
        command += ["-s", str(path)]
    try:
        output = subprocess.run(command + [url], capture_output=True, text=True, timeout=seconds + 120).stdout
    except FileNotFoundError:
        return None
    unit = {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}

    def latency(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        return round(float(match.group(1)) * unit[match.group(2)], 2) if match else None

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    requests = re.search(r"(\d+) requests in", output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": float(rps.group(1)) if rps else 0.0, "requests": int(requests.group(1)) if requests else 0,
            "p50_ms": latency("50"), "p99_ms": latency("99"), "errors": int(errors.group(1)) if errors else 0,
            "connections": connections, "seconds": seconds}


def load_test(server, size, quick):
    import urllib.request

    seconds = 5 if quick else 10
    snapshot = f"{server.base}/api/v2/control/?at={AT}"
    with urllib.request.urlopen(snapshot, timeout=300) as response:  # fills the cache
        body = response.read()
    static_name = f"same-size-{size.lower()}.json"
    (BENCH_DIR / "static" / static_name).write_bytes(body)
    result = {"bytes": len(body), "cache": "redis" if server.redis else "locmem (per worker)", "workers": 2}
    result["static"] = wrk(f"{server.base}/bench-static/{static_name}", seconds)
    result["cached"] = wrk(snapshot, seconds)
    result["uncached"] = wrk(f"{server.base}/api/v2/control/", seconds * 2, connections=2, script=UNCACHED_LUA)
    if result["static"] and result["cached"] and result["static"]["rps"]:
        result["cached_to_static"] = round(result["cached"]["rps"] / result["static"]["rps"], 2)
    return result
