#!/usr/bin/env bash
# Backs up the database named by DATABASE_URL (as the app reads it) to BACKUP, with a manifest.
#   PostGIS:    pg_dump custom format (restore with pg_restore; any PostgreSQL 15+ with PostGIS 3).
#   SpatiaLite: SQLite's online backup API: a consistent copy even while the app writes.
# BACKUP.manifest.json records the row count of every table and the file's SHA-256; restore.sh checks both.
# Usage: [DATABASE_URL=...] [BACKUP=path] scripts/backup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
url=${DATABASE_URL:-spatialite:///$PWD/data/controlmap.sqlite3}
stamp=$(date -u +%Y%m%dT%H%M%SZ)

case "$url" in
  postgis://*|postgres://*|postgresql://*)
    backup=${BACKUP:-data/backups/controlmap-$stamp.pgdump}
    mkdir -p "$(dirname "$backup")"
    tmp="$backup.partial"
    pg_dump --format=custom --no-owner --no-privileges --file="$tmp" "postgresql://${url#*://}"
    pg_restore --list "$tmp" >/dev/null  # readable, complete archive
    ;;
  spatialite://*)
    database=${url#spatialite:///}
    [ -f "$database" ] || { echo "backup: no database file at $database" >&2; exit 1; }
    backup=${BACKUP:-data/backups/controlmap-$stamp.sqlite3}
    mkdir -p "$(dirname "$backup")"
    tmp="$backup.partial"
    rm -f "$tmp"
    "$PY" scripts/dbstate.py copy "$database" "$tmp"
    ;;
  *) echo "backup: DATABASE_URL must be postgis:// or spatialite://" >&2; exit 2 ;;
esac

DATABASE_URL=$url "$PY" scripts/dbstate.py tables > "$tmp.tables"
"$PY" - "$tmp" "$tmp.tables" "$backup.manifest.json" "$url" <<'PY'
import hashlib, json, sys
archive, tables, manifest, url = sys.argv[1:]
digest = hashlib.sha256(open(archive, "rb").read()).hexdigest()
engine = "postgis" if not url.startswith("spatialite") else "spatialite"
json.dump({"engine": engine, "sha256": digest, "tables": json.load(open(tables))}, open(manifest, "w"), indent=1)
PY
rm -f "$tmp.tables"
mv "$tmp" "$backup"  # only a complete backup gets the final name
echo "Backed up to $backup ($(du -h "$backup" | cut -f1)); manifest $backup.manifest.json"
