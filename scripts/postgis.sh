#!/usr/bin/env bash
# Makes a local PostGIS ready for the tests: starts the cluster if it is stopped, and creates the
# role and database (with the postgis extension) if they are missing. Prints the DATABASE_URL.
set -euo pipefail
PGHOST=127.0.0.1 PGPORT=${PGPORT:-5432}
ROLE=controlmap DATABASE=controlmap PASSWORD=controlmap

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! pg_isready -q -h "$PGHOST" -p "$PGPORT"; then
  version=$(ls /etc/postgresql | sort -V | tail -1)
  echo "Starting PostgreSQL $version" >&2
  if [ "$(id -u)" -eq 0 ]; then pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2
  else sudo pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2; fi
  for _ in $(seq 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 1; done
fi

psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PGPORT" "$@"; }
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname='$ROLE'")" != 1 ]; then
  # Superuser: the test runner creates test databases with the postgis extension.
  psql_admin -c "CREATE ROLE $ROLE LOGIN SUPERUSER PASSWORD '$PASSWORD'"
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname='$DATABASE'")" != 1 ]; then
  psql_admin -c "CREATE DATABASE $DATABASE OWNER $ROLE"
fi
psql_admin -d "$DATABASE" -c "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS postgis"
echo "postgis://$ROLE:$PASSWORD@$PGHOST:$PGPORT/$DATABASE"
