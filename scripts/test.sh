#!/usr/bin/env bash
# Runs the whole suite on PostGIS and on SpatiaLite; fails if either fails.
set -uo pipefail
cd "$(dirname "$0")/.."
postgis_url=$(scripts/postgis.sh) || { echo "PostGIS is not available" >&2; exit 1; }
status=0
echo "== Test suite on PostGIS"
DATABASE_URL=$postgis_url .venv/bin/python -m pytest "$@" || status=1
echo "== Test suite on SpatiaLite"
DATABASE_URL="spatialite:///$PWD/data/test-controlmap.sqlite3" .venv/bin/python -m pytest "$@" || status=1
[ $status -eq 0 ] && echo "== Both databases: all tests passed" || echo "== FAILED on at least one database" >&2
exit $status
