#!/usr/bin/env bash
# Restores BACKUP (made by backup.sh) into the database named by DATABASE_URL, then verifies that
# every table has the row count the manifest recorded.
# An empty database is restored into. One that holds ControlMap's tables, or tables this backup
# does not hold (another application's), is refused unless FORCE=1; when it is overwritten, its
# current contents are first backed up to BACKUP.replaced-<time>.
# The password is never on a command line (scripts/dbstate.py passes it to psql in a pgpass file).
# Usage: BACKUP=path [FORCE=1] [DATABASE_URL=...] scripts/restore.sh
set -euo pipefail
umask 077
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DATABASE_URL=${DATABASE_URL:-spatialite:///$PWD/data/controlmap.sqlite3}
backup=${BACKUP:-}
[ -n "$backup" ] || { echo "restore: say which backup: BACKUP=path make restore" >&2; exit 2; }
[ -f "$backup" ] || { echo "restore: no backup at $backup" >&2; exit 2; }
manifest=$backup.manifest.json
[ -f "$manifest" ] || { echo "restore: $manifest is missing; it is written by scripts/backup.sh" >&2; exit 2; }

"$PY" scripts/dbstate.py check-archive "$backup" "$manifest"

state=0
"$PY" scripts/dbstate.py target "$manifest" || state=$?
case "$state" in
  0) ;;
  3|4)
    if [ "${FORCE:-0}" != 1 ]; then
      echo "         To replace it (after a safety backup), run again with FORCE=1." >&2
      exit 3
    fi
    safety=$backup.replaced-$(date -u +%Y%m%dT%H%M%SZ)
    BACKUP=$safety scripts/backup.sh >/dev/null
    echo "Current contents saved to $safety"
    ;;
  *) exit 2 ;;
esac

"$PY" scripts/dbstate.py restore "$backup"
"$PY" scripts/dbstate.py verify "$manifest"
echo "Restored $backup"
