#!/usr/bin/env bash
# Restores BACKUP (made by backup.sh) into the database named by DATABASE_URL, then verifies that
# every table has the row count the manifest recorded.
# Refuses to overwrite a database that holds ControlMap tables unless FORCE=1; when it does
# overwrite, it first backs the current contents up to BACKUP.replaced-<time>.
# Usage: BACKUP=path [FORCE=1] [DATABASE_URL=...] scripts/restore.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
url=${DATABASE_URL:-spatialite:///$PWD/data/controlmap.sqlite3}
backup=${BACKUP:-}
[ -n "$backup" ] || { echo "restore: say which backup: BACKUP=path make restore" >&2; exit 2; }
[ -f "$backup" ] || { echo "restore: no backup at $backup" >&2; exit 2; }
manifest=$backup.manifest.json
[ -f "$manifest" ] || { echo "restore: $manifest is missing; it is written by scripts/backup.sh" >&2; exit 2; }

"$PY" - "$backup" "$manifest" "$url" <<'PY' || exit 2
import hashlib, json, sys
backup, manifest, url = sys.argv[1:]
expected = json.load(open(manifest))
if hashlib.sha256(open(backup, "rb").read()).hexdigest() != expected["sha256"]:
    sys.exit(f"restore: {backup} does not match its manifest's SHA-256: damaged or changed; nothing restored")
engine = "spatialite" if url.startswith("spatialite") else "postgis"
if engine != expected["engine"]:
    sys.exit(f"restore: {backup} is a {expected['engine']} backup; DATABASE_URL names a {engine} database")
PY

if ! DATABASE_URL=$url "$PY" scripts/dbstate.py empty; then
  if [ "${FORCE:-0}" != 1 ]; then
    echo "restore: the target database already holds ControlMap data; nothing restored." >&2
    echo "         To replace it (after a safety backup), run again with FORCE=1." >&2
    exit 3
  fi
  safety=$backup.replaced-$(date -u +%Y%m%dT%H%M%SZ)
  BACKUP=$safety DATABASE_URL=$url scripts/backup.sh >/dev/null
  echo "Current contents saved to $safety"
fi

case "$url" in
  spatialite://*)
    database=${url#spatialite:///}
    mkdir -p "$(dirname "$database")"
    # One backup-API step copies every page in one transaction on the target: all or nothing.
    "$PY" scripts/dbstate.py copy "$backup" "$database"
    ;;
  *)
    pg_url="postgresql://${url#*://}"
    # The schema is replaced and the archive restored in a single transaction: all or nothing.
    { echo "SET client_min_messages = warning; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;"
      pg_restore --no-owner --no-privileges --file=- "$backup"; } \
      | psql -X -q -v ON_ERROR_STOP=1 --single-transaction -o /dev/null "$pg_url"
    ;;
esac

DATABASE_URL=$url "$PY" scripts/dbstate.py tables > "$backup.restored.tables"
"$PY" - "$manifest" "$backup.restored.tables" <<'PY'
import json, sys
expected, found = (json.load(open(path)) for path in sys.argv[1:])
expected = expected["tables"]
wrong = {t: (expected.get(t), found.get(t)) for t in expected.keys() | found.keys() if expected.get(t) != found.get(t)}
if wrong:
    sys.exit("restore: verification failed, table: (backed up, restored) rows: " + json.dumps(wrong, sort_keys=True))
print(f"Verified: {len(expected)} tables, {sum(expected.values())} rows, as backed up.")
PY
rm -f "$backup.restored.tables"
echo "Restored $backup"
