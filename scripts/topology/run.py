"""`make topology`: the production layout of DEPLOY.md run for real on this machine, with faults.

Brings up the stack (scripts/topology/stack.py), drives readers and an editor through nginx
(scripts/topology/load.py) through the scenarios below, writes data/topology/report.json, and takes
everything down again, also when a step fails or the run is interrupted.

    .venv/bin/python scripts/topology/run.py [--clients 64] [--seconds 30]
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # noqa: E402
import stack  # noqa: E402

ADDRESS = ("127.0.0.1", stack.NGINX_PORT)
EDITOR = ("topology-editor", "a-long-topology-password-1")
PLACE, BEFORE, AFTER = "mosul", "iraqi-government", "islamic-state"
UNCACHED = 8  # clients beside the readers in the fault scenarios, whose requests reach the app servers

# The drafts the editor publishes: Mosul taken on the snapshot's day, then a second claim while the
# replica's replay is paused. Made on the primary before the load starts.
PREPARE = f"""
import datetime as dt
from django.contrib.auth import get_user_model
from geo.models import Actor, Citation, Claim, Place, Source
get_user_model().objects.create_superuser("{EDITOR[0]}", "editor@example.org", "{EDITOR[1]}")
ids = []
for day, holder in ((dt.date(2017, 11, 15), "{AFTER}"), (dt.date(2017, 11, 18), "{BEFORE}")):
    claim = Claim.objects.create(place=Place.objects.get(slug="{PLACE}"), status="controlled",
                                 holder=Actor.objects.get(slug=holder), date=day, claimant="Topology run",
                                 review="draft")
    Citation.objects.create(claim=claim, source=Source.objects.first(), quote="Topology run.")
    ids.append(claim.pk)
print(ids)
"""


def origin_share(stack_, since_bytes):
    """Of the requests nginx answered since `since_bytes` of its log: (total, reaching an app server)."""
    log = stack_.run_dir / "nginx-access.log"
    time.sleep(1.5)  # the access log is flushed every second
    with log.open("rb") as handle:
        handle.seek(since_bytes)
        lines = handle.read().decode().splitlines()
    # Fields: msec status cache-status "upstream addresses" ...; the cache status is empty for static files.
    origin = sum(1 for line in lines if line.split(" ")[3] != '"-"')
    retried = sum(1 for line in lines if '", ' in line or ', 127.' in line)  # more than one app server asked
    return len(lines), origin, retried


def log_size(stack_):
    log = stack_.run_dir / "nginx-access.log"
    return log.stat().st_size if log.exists() else 0


def scenario(stack_, name, clients, seconds, faults=(), target=load.reader, note="", uncached=0):
    """Readers for `seconds`; each fault is (at second, what it is, callable). Returns the figures.

    `uncached`: that many more clients asking for answers no cache holds (load.origin_reader), so a fault
    meets requests that reach the app servers and the databases, not only nginx's copies."""
    offset = log_size(stack_)
    running = load.Load(ADDRESS, clients, seconds, target)
    beside = load.Load(ADDRESS, uncached, seconds, load.origin_reader, processes=1) if uncached else None
    begun = time.monotonic()
    events = []
    for at, what, action in faults:
        time.sleep(max(0.0, at - (time.monotonic() - begun)))
        action()
        events.append({"at_s": round(time.monotonic() - begun, 1), "event": what})
    records = running.join()
    extra = {}
    if beside:
        uncached_records = beside.join()
        extra["uncached_clients"] = load.figures(f"{uncached} uncached clients", uncached_records, seconds)
        records += uncached_records
    total, origin, retried = origin_share(stack_, offset)
    if len(events) == 2:  # the figures while the fault lasted
        start, end = events[0]["at_s"], events[1]["at_s"]
        extra["during_fault"] = load.figures("during the fault", [r for r in records if start <= r[0] < end], end - start)
    result = load.figures(name, records, seconds, events=events, nginx_requests=total, origin_requests=origin,
                          origin_requests_per_1000=round(1000 * origin / total, 1) if total else None,
                          retried_on_another_app_server=retried, **extra)
    if note:
        result["note"] = note
    print(json.dumps(result), flush=True)
    return result


def publication(stack_, editor, claim_ids, clients, seconds):
    """An editor publishes under load: when readers through nginx see it, and whether the editor sees it at once,
    also while the replica's replay is paused (a replica lagging as far as one likes)."""
    outcome = {}

    def publish_and_watch():
        published = time.monotonic()
        editor.publish(claim_ids[0])
        status, body, _ = editor.request("GET", f"/api/v2/control/?at={load.SNAPSHOT_DAY}")
        outcome["editor_sees_at_once"] = status == 200 and load.holder(body, PLACE) == AFTER
        while not load.reader_sees(ADDRESS, PLACE, AFTER):
            if time.monotonic() - published > 120:
                raise RuntimeError("readers did not see the publication within 120 s")
            time.sleep(0.25)
        outcome["publication_visible_s"] = round(time.monotonic() - published, 2)

    def publish_while_replica_paused():
        stack_.replica_sql("SELECT pg_wal_replay_pause()")
        try:
            editor.publish(claim_ids[1])
            status, body, _ = editor.request("GET", f"/api/v2/control/?at={load.SNAPSHOT_DAY}")
            outcome["editor_sees_at_once_replica_paused"] = status == 200 and load.holder(body, PLACE) == BEFORE
            time.sleep(3)
            outcome["readers_see_it_while_replica_paused"] = load.reader_sees(ADDRESS, PLACE, BEFORE)
        finally:
            stack_.replica_sql("SELECT pg_wal_replay_resume()")
        resumed = time.monotonic()
        while not load.reader_sees(ADDRESS, PLACE, BEFORE):
            time.sleep(0.25)
        outcome["visible_after_replay_resumed_s"] = round(time.monotonic() - resumed, 2)

    result = scenario(stack_, "publication under load", clients, seconds,
                      [(5, "editor publishes", publish_and_watch),
                       (5, "editor publishes, replica replay paused", publish_while_replica_paused)])
    result.pop("during_fault", None)  # two publications, not a fault
    result.update(outcome)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=30, help="length of each scenario")
    parser.add_argument("--output", type=Path, default=stack.ROOT / "data" / "topology" / "report.json")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so `finally` takes the stack down
    s, n, third = stack.Stack(), args.clients, args.seconds / 3
    report = {"clients": n, "scenario_seconds": args.seconds, "cpus": os.cpu_count(),
              "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "scenarios": [], "scaling": []}
    try:
        print("== bringing up: primary, two replicas, Redis, app servers, nginx", flush=True)
        s.databases(replicas=2)
        out = subprocess.run([sys.executable, "manage.py", "shell", "-c", PREPARE], cwd=stack.ROOT,
                             env=stack.app_environment([]), capture_output=True, text=True, check=True)
        claim_ids = json.loads(out.stdout.strip().splitlines()[-1])
        s.redis()

        # What one more app server or replica buys, on answers no cache holds (Redis emptied before each).
        for apps, replicas in ((2, 2), (2, 1), (1, 1)):
            for index in range(2):
                s.kill(f"app{index + 1}")
            for index in range(apps):
                s.app(index, replicas)
            s.nginx(apps)
            s.redis_cli("FLUSHALL")
            result = scenario(s, f"uncached snapshots, {apps} app server(s), {replicas} replica(s)", n,
                              min(args.seconds, 20), target=load.origin_reader)
            report["scaling"].append({**result, "app_servers": apps, "replicas": replicas})

        s.app(1, 1)
        s.nginx(2)
        editor = load.Editor(ADDRESS, *EDITOR)
        report["scenarios"].append(scenario(s, "steady", n, args.seconds))
        report["origin_requests_per_1000"] = report["scenarios"][-1]["origin_requests_per_1000"]
        report["scenarios"].append(scenario(s, "replica stopped", n, args.seconds, uncached=UNCACHED, faults=[
            (third, "replica stopped", lambda: s.stop_replica()),
            (2 * third, "replica started", lambda: s.start_replica())]))
        report["scenarios"][-1]["replica_caught_up"] = s.replica_has_caught_up(stack.REPLICAS[0][1])
        report["scenarios"].append(scenario(s, "app server killed", n, args.seconds, uncached=UNCACHED, faults=[
            (third, "app server 1 killed (SIGKILL)", lambda: s.kill("app1", signal.SIGKILL)),
            (2 * third, "app server 1 started", lambda: s.app(0, 1))]))
        report["scenarios"].append(scenario(s, "redis stopped", n, args.seconds, uncached=UNCACHED, faults=[
            (third, "redis stopped", lambda: s.kill("redis")),
            (2 * third, "redis started", lambda: s.redis())]))
        report["scenarios"].append(publication(s, editor, claim_ids, n, max(args.seconds, 40)))
        report["publication_visible_s"] = report["scenarios"][-1].get("publication_visible_s")
    finally:
        s.close()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"== report: {args.output}")
    failed = [item["name"] for item in report["scenarios"] if item["errors_5xx"] or item["errors_connection"]]
    print("== 5xx or failed connections in: " + ", ".join(failed) if failed else "== no 5xx in any scenario")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
