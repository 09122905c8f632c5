#!/usr/bin/env bash
# Re-runs everything RELIABILITY.md reports: the hardening, backup, migration, fault and load tests on
# PostGIS and SpatiaLite, then the full load test (64 clients for 60 s) against gunicorn with the
# production settings on each database, and pip-audit if it can reach its advisory database.
# Figures go to data/reliability/. Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
out=data/reliability
mkdir -p "$out"
status=0
tests=(tests/ops/test_hardening.py tests/ops/test_hardening_data.py tests/ops/test_hardening_browser.py tests/ops/test_backup.py
       tests/ops/test_migrations.py tests/ops/test_faults.py tests/ops/test_load.py tests/ops/test_foundation.py)
postgis=$(scripts/postgis.sh) || { echo "PostGIS is not available" >&2; exit 1; }
psql_url="postgresql://${postgis#*://}"

echo "== Hardening tests on PostGIS"
TEST_DATABASE_NAME=test_controlmap_reliability DATABASE_URL=$postgis $PY -m pytest -q "${tests[@]}" \
  --junitxml="$out/tests-postgis.xml" || status=1
echo "== Hardening tests on SpatiaLite"
DATABASE_URL="spatialite:///$PWD/data/test-reliability.sqlite3" $PY -m pytest -q "${tests[@]}" \
  --junitxml="$out/tests-spatialite.xml" || status=1

echo "== Load test on PostGIS (64 clients, 60 s)"
load_db=controlmap_loadtest
psql -X -q "$psql_url" -c "DROP DATABASE IF EXISTS $load_db" -c "CREATE DATABASE $load_db" || status=1
psql -X -q "${psql_url%/*}/$load_db" -c "CREATE EXTENSION IF NOT EXISTS postgis" || status=1
DATABASE_URL="${postgis%/*}/$load_db" $PY scripts/loadtest.py --prepare --clients 64 --duration 60 \
  --output "$out/load-postgis.json" >/dev/null || status=1
echo "== Load test on SpatiaLite (64 clients, 60 s)"
rm -f data/loadtest.sqlite3
DATABASE_URL="spatialite:///$PWD/data/loadtest.sqlite3" $PY scripts/loadtest.py --prepare --clients 64 --duration 60 \
  --output "$out/load-spatialite.json" >/dev/null || status=1
$PY - "$out" <<'PY'
import json, sys
for engine in ("postgis", "spatialite"):
    try:
        figures = json.load(open(f"{sys.argv[1]}/load-{engine}.json"))
    except FileNotFoundError:
        continue
    total = figures["total"]
    print(f"{engine}: {total['requests']} requests, {total['errors']} errors, {total['throughput_rps']} req/s, "
          f"p99 {total['p99_ms']} ms")
    for name, e in figures["endpoints"].items():
        print(f"  {name:9} {e['throughput_rps']:7} req/s  p50 {e['p50_ms']} ms  p99 {e['p99_ms']} ms  errors {e['errors']}")
PY

echo "== pip-audit (needs PyPI's or OSV's advisory database over the network)"
# In its own venv under data/: auditing must not change the project's environment.
audit=data/audit-venv
if [ -x $audit/bin/pip-audit ] || { /usr/bin/python3 -m venv $audit && $audit/bin/pip install -q pip-audit; } >/dev/null 2>&1; then
  $audit/bin/pip-audit -r constraints.txt --no-deps --progress-spinner off > "$out/pip-audit.txt" 2>&1
  audited=$?
  if grep -q "could not be audited" "$out/pip-audit.txt"; then
    echo "pip-audit: the advisory database was not reachable; packages NOT audited (see $out/pip-audit.txt)"
  elif [ $audited -eq 0 ]; then echo "pip-audit: no known vulnerabilities"
  else echo "pip-audit: findings in $out/pip-audit.txt"; cat "$out/pip-audit.txt"; fi
else
  echo "pip-audit could not be installed (no network?): not run" | tee "$out/pip-audit.txt"
fi
[ $status -eq 0 ] && echo "== Reliability: all passed; figures in $out/" || echo "== Reliability: FAILED (see above)" >&2
exit $status
