"""What a database holds, for backup.sh and restore.sh: `tables` (JSON: table -> row count) or
`empty` (exit 0 when the database has no ControlMap tables yet). Reads DATABASE_URL like the app.
`copy SOURCE TARGET` copies one SQLite file into another with the online backup API (one
transaction on the target: all or nothing) and checks the copy's integrity."""
import json
import os
import sqlite3
import sys
from pathlib import Path

import dj_database_url

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = f"spatialite:///{ROOT / 'data' / 'controlmap.sqlite3'}"


def connect():
    config = dj_database_url.parse(os.environ.get("DATABASE_URL", DEFAULT))
    if config["ENGINE"].endswith("spatialite"):
        if not Path(config["NAME"]).exists():
            return None, None
        return sqlite3.connect(f"file:{config['NAME']}?mode=ro", uri=True), "sqlite"
    import psycopg

    return psycopg.connect(host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"],
                           password=config["PASSWORD"], dbname=config["NAME"], connect_timeout=5), "postgresql"


def tables(connection, vendor):
    if vendor == "sqlite":
        # Virtual tables (SpatiaLite's) are views computed from the real ones: not counted.
        query = ("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                 "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    else:
        query = ("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                 "AND table_type = 'BASE TABLE' ORDER BY table_name")
    names = [row[0] for row in connection.execute(query)]
    return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def copy_sqlite(source_path, target_path):
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    target = sqlite3.connect(target_path)
    source.backup(target)
    if target.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        print(f"{target_path}: the copy fails SQLite's integrity check", file=sys.stderr)
        return 1
    target.close()
    return 0


def main(command, *arguments):
    if command == "copy" and len(arguments) == 2:
        return copy_sqlite(*arguments)
    connection, vendor = connect()
    found = tables(connection, vendor) if connection else {}
    if command == "tables":
        print(json.dumps(found, indent=1, sort_keys=True))
        return 0
    if command == "empty":
        return 1 if "django_migrations" in found else 0
    print(f"usage: {sys.argv[0]} tables|empty|copy SOURCE TARGET", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(*(sys.argv[1:] or [""])))
