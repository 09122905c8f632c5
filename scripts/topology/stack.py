"""The components of `make topology`, each on a port of its own: a PostGIS primary and its streaming
replicas (Debian clusters made with pg_createcluster and pg_basebackup), Redis, gunicorn app servers and
nginx. Every start is undone by `Stack.close()`; clusters of an earlier, interrupted run are dropped first.

The main PostgreSQL cluster (5432) is never touched: these clusters have names and ports of their own.
"""
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PG_VERSION = "15"
PRIMARY = ("cm_topology_primary", 5441)
REPLICAS = [("cm_topology_replica1", 5442), ("cm_topology_replica2", 5443)]
REDIS_PORT = 6391
APP_PORTS = [8441, 8442]
NGINX_PORT = 8440
DATABASE = "controlmap"
PASSWORD = "controlmap-topology"


def as_postgres(command):
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else ["sudo", "-u", "postgres", *command]


def as_root(command):
    return command if os.geteuid() == 0 else ["sudo", *command]


def run(command, **kwargs):
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=600, **kwargs)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return done.stdout


def url(port):
    return f"postgis://{DATABASE}:{PASSWORD}@127.0.0.1:{port}/{DATABASE}"


def cluster_exists(name):
    return Path(f"/etc/postgresql/{PG_VERSION}/{name}").exists()


def pg_ctlcluster(name, action, *options):
    run(as_root(["pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, name, action, *options]))


def drop_cluster(name):
    if cluster_exists(name):
        run(as_root(["pg_dropcluster", "--stop", PG_VERSION, name]))


def create_cluster(name, port):
    settings = ["wal_level=replica", "max_wal_senders=10", "hot_standby=on",
                "shared_buffers=256MB", "max_connections=200"]
    run(as_root(["pg_createcluster", "--start-conf", "manual", *[part for item in settings for part in ("-o", item)],
                 PG_VERSION, name, "-p", str(port)]))
    return Path(f"/var/lib/postgresql/{PG_VERSION}/{name}")


def psql(port, sql, database="postgres"):
    return run(as_postgres(["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-p", str(port), "-d", database,
                            "-c", sql]))


def app_environment(replicas):
    return {
        **{k: v for k, v in os.environ.items() if k not in {"DEBUG", "TEST_DATABASE_NAME", "DATABASE_REPLICA_URLS"}},
        "DEBUG": "0", "SECRET_KEY": SECRET_KEY, "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": url(PRIMARY[1]), "DATABASE_REPLICA_URLS": ",".join(url(port) for _, port in replicas),
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0", "CLIENT_IP_HEADER": "X-Real-IP", "CONN_MAX_AGE": "600",
        "API_CACHE_MAX_AGE": "10", "API_THROTTLE_ANON": "100000000/minute",
        "API_THROTTLE_EXPENSIVE": "100000000/minute", "REPLICA_RETRY_SECONDS": "5", "LOG_LEVEL": "ERROR",
    }


SECRET_KEY = secrets.token_urlsafe(64)


def wait_for(check, what, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not come up in {seconds} s")


def answers(address):
    request = urllib.request.Request(address, headers={"X-Forwarded-Proto": "https"})  # as nginx sends it
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def port_in_use(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


class Stack:
    def __init__(self):
        busy = [port for port in (REDIS_PORT, NGINX_PORT, *APP_PORTS) if port_in_use(port)]
        if busy:  # a run killed outright leaves its processes: say which ports, never kill what may not be ours
            raise RuntimeError(f"ports {busy} are in use (a run killed outright?); stop what listens there first")
        self.run_dir = Path(tempfile.mkdtemp(prefix="controlmap-topology-"))
        self.run_dir.chmod(0o755)
        self.processes = {}  # name -> Popen
        self.replicas = []

    # -- databases
    def databases(self, replicas=2):
        for name, _ in [*REPLICAS, PRIMARY]:
            drop_cluster(name)
        create_cluster(*PRIMARY)
        pg_ctlcluster(PRIMARY[0], "start")
        psql(PRIMARY[1], f"CREATE ROLE {DATABASE} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")
        psql(PRIMARY[1], f"CREATE DATABASE {DATABASE} OWNER {DATABASE}")
        psql(PRIMARY[1], "CREATE EXTENSION postgis", DATABASE)
        env = app_environment([])
        for command in (["migrate", "--noinput", "-v0"], ["load_seed", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            run([sys.executable, "manage.py", *command], cwd=ROOT, env=env)
        for name, port in REPLICAS[:replicas]:
            data = create_cluster(name, port)
            run(as_postgres(["find", data, "-mindepth", "1", "-delete"]))
            run(as_postgres(["pg_basebackup", "-p", PRIMARY[1], "-D", data, "-R", "-X", "stream", "-c", "fast"]))
            pg_ctlcluster(name, "start")
            self.replicas.append((name, port))
        wait_for(lambda: all(self.replica_has_caught_up(port) for _, port in self.replicas), "the replicas")

    def replica_has_caught_up(self, port):
        primary = psql(PRIMARY[1], "SELECT pg_current_wal_lsn()").strip()
        return psql(port, f"SELECT pg_last_wal_replay_lsn() >= '{primary}'::pg_lsn").strip() == "t"

    def stop_replica(self, index=0):
        pg_ctlcluster(self.replicas[index][0], "stop", "-m", "fast")

    def start_replica(self, index=0):
        pg_ctlcluster(self.replicas[index][0], "start")

    def replica_sql(self, sql, index=0):
        return psql(self.replicas[index][1], sql, DATABASE).strip()

    # -- processes
    def spawn(self, name, command, env=None, check=None):
        log = open(self.run_dir / f"{name}.log", "ab")
        self.processes[name] = subprocess.Popen([str(part) for part in command], cwd=ROOT, env=env, stdout=log,
                                                stderr=subprocess.STDOUT, start_new_session=True)
        if check:
            def started():
                if self.processes[name].poll() is not None:
                    raise RuntimeError(f"{name} exited: {(self.run_dir / f'{name}.log').read_text()[-2000:]}")
                return check()
            wait_for(started, name)

    def kill(self, name, sig=signal.SIGTERM):
        process = self.processes.pop(name, None)
        if process and process.poll() is None:
            os.killpg(process.pid, sig)  # the whole group: gunicorn's workers too
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def redis(self):
        self.spawn("redis", ["redis-server", "--port", REDIS_PORT, "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", self.run_dir, "--maxmemory", "512mb",
                             "--maxmemory-policy", "allkeys-lru"],
                   check=lambda: self.redis_cli("PING") == "PONG")

    def redis_cli(self, *command):
        done = subprocess.run(["redis-cli", "-p", str(REDIS_PORT), *command], capture_output=True, text=True)
        return done.stdout.strip()

    def app(self, index, replicas=1):
        port = APP_PORTS[index]
        command = [ROOT / ".venv/bin/gunicorn", "controlmap.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2",
                   "-k", "gthread", "--threads", "8", "--keep-alive", "30", "--timeout", "60"]
        self.spawn(f"app{index + 1}", command, env=app_environment(self.replicas[:replicas]),
                   check=lambda: answers(f"http://127.0.0.1:{port}/healthz"))

    def nginx(self, apps=2):
        servers = "\n        ".join(f"server 127.0.0.1:{port} max_fails=1 fail_timeout=3s;" for port in APP_PORTS[:apps])
        text = (Path(__file__).with_name("nginx.conf").read_text()
                .replace("@RUN@", str(self.run_dir)).replace("@PORT@", str(NGINX_PORT))
                .replace("@STATIC_ROOT@", str(ROOT / "data" / "staticfiles")).replace("@APP_SERVERS@", servers))
        if os.geteuid() == 0:  # workers read the project's static files and write the cache in the run directory
            text = "user root root;\n" + text
        config = self.run_dir / "nginx.conf"
        config.write_text(text)
        self.kill("nginx")
        shutil.rmtree(self.run_dir / "cache", ignore_errors=True)
        self.spawn("nginx", ["nginx", "-c", config, "-p", self.run_dir, "-e", self.run_dir / "nginx-error.log"],
                   check=lambda: answers(f"http://127.0.0.1:{NGINX_PORT}/static/web/map.css"))

    def close(self):
        for name in list(self.processes):
            self.kill(name)
        for name, _ in [*REPLICAS, PRIMARY]:
            try:
                drop_cluster(name)
            except RuntimeError as error:
                print(error, file=sys.stderr)
        shutil.rmtree(self.run_dir, ignore_errors=True)
