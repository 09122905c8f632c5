#!/usr/bin/env bash
# Backs up the database named by DATABASE_URL (as the app reads it) to BACKUP, with a manifest.
#   PostGIS:    pg_dump custom format (restore with pg_restore; any PostgreSQL 15+ with PostGIS 3).
#   SpatiaLite: SQLite's online backup API: a consistent copy even while the app writes.
# BACKUP.manifest.json records the row count of every table, read in the backup's own snapshot, and
# the file's SHA-256; restore.sh checks both. Both files are readable by their owner only; the
# password is never on a command line (scripts/dbstate.py passes it to pg_dump in a pgpass file).
# Usage: [DATABASE_URL=...] [BACKUP=path] scripts/backup.sh
set -euo pipefail
umask 077
cd "$(dirname "$0")/.."
PY=.venv/bin/python
url=${DATABASE_URL:-spatialite:///$PWD/data/controlmap.sqlite3}
stamp=$(date -u +%Y%m%dT%H%M%SZ)

case "$url" in
  postgis://*|postgres://*|postgresql://*) backup=${BACKUP:-data/backups/controlmap-$stamp.pgdump} ;;
  spatialite://*) backup=${BACKUP:-data/backups/controlmap-$stamp.sqlite3} ;;
  *) echo "backup: DATABASE_URL must be postgis:// or spatialite://" >&2; exit 2 ;;
esac
mkdir -p "$(dirname "$backup")"
tmp="$backup.partial"
trap 'rm -f "$tmp" "$tmp.manifest.json"' EXIT
DATABASE_URL=$url "$PY" scripts/dbstate.py backup "$tmp" "$tmp.manifest.json"
# Only a complete backup gets the final name; the manifest first, so an archive never lacks one.
mv "$tmp.manifest.json" "$backup.manifest.json"
mv "$tmp" "$backup"
echo "Backed up to $backup ($(du -h "$backup" | cut -f1)); manifest $backup.manifest.json"
