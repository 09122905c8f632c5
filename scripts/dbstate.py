"""The database side of backup.sh and restore.sh, for the database named by DATABASE_URL (read like
the app reads it).

  backup ARCHIVE MANIFEST   a consistent copy and the row count of every table, read in one snapshot
  check-archive ARCHIVE MANIFEST   the archive matches its manifest and the kind of database
  target MANIFEST           exit 0 when the database is empty, 3 when it holds ControlMap's tables,
                            4 when it holds tables the backup does not (another application's)
  restore ARCHIVE           replaces the database with the archive in one transaction
  verify MANIFEST           every table has the row count the manifest recorded

The password never reaches a command line (where `ps` shows it to every user): the psycopg
connection takes it in-process, and pg_dump and psql read it from a private pgpass file that
exists only while they run. Files written here are readable by their owner only."""
import contextlib
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import dj_database_url
import psycopg

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = f"spatialite:///{ROOT / 'data' / 'controlmap.sqlite3'}"
PRIVATE = 0o600
EMPTY, CONTROLMAP_DATA, FOREIGN_TABLES = 0, 3, 4


class Refusal(Exception):
    """A reason to stop that the operator can act on; printed without a traceback."""


def database_config(url=None):
    config = dj_database_url.parse(url or os.environ.get("DATABASE_URL", DEFAULT))
    config["VENDOR"] = "sqlite" if config["ENGINE"].endswith("spatialite") else "postgresql"
    return config


def engine_name(config):
    return "spatialite" if config["VENDOR"] == "sqlite" else "postgis"


def pgpass_line(config):
    """One line of a pgpass file: `:` and `\\` in a field are escaped, as libpq reads them."""
    def field(value):
        return str(value).replace("\\", "\\\\").replace(":", "\\:")

    return ":".join(field(value) for value in (
        config["HOST"] or "localhost", config["PORT"] or 5432, config["NAME"], config["USER"], config["PASSWORD"]))


@contextlib.contextmanager
def postgres_client_environment(config):
    """The environment for libpq clients (pg_dump, pg_restore, psql): where to connect in PG*
    variables, the password in a pgpass file of mode 0600, removed when the block ends. Their
    command lines then name no server, user or password."""
    descriptor, pgpass = tempfile.mkstemp(prefix="controlmap-pgpass-")  # created 0600
    try:
        with os.fdopen(descriptor, "w") as file:
            file.write(pgpass_line(config) + "\n")
        environment = {key: value for key, value in os.environ.items() if key != "PGPASSWORD"}
        environment.update(PGHOST=config["HOST"] or "localhost", PGPORT=str(config["PORT"] or 5432),
                           PGUSER=config["USER"], PGDATABASE=config["NAME"], PGPASSFILE=pgpass)
        yield environment
    finally:
        os.unlink(pgpass)


def connect(config, read_only=True):
    if config["VENDOR"] == "sqlite":
        if not Path(config["NAME"]).exists():
            return None
        return sqlite3.connect(f"file:{config['NAME']}?mode=ro" if read_only else config["NAME"], uri=read_only)
    return psycopg.connect(host=config["HOST"] or "localhost", port=config["PORT"] or 5432, user=config["USER"],
                           password=config["PASSWORD"], dbname=config["NAME"], connect_timeout=5)


def table_names(connection, vendor, extensions=True):
    """The tables that hold data (SQLite's virtual tables, SpatiaLite's, are computed from real ones).
    `extensions=False` leaves out the tables a PostgreSQL extension brings (PostGIS's spatial_ref_sys):
    a database with only those is still empty."""
    if vendor == "sqlite":
        query = ("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                 "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    else:
        query = ("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                 "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')" + ("" if extensions else
                 " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
                 "AND d.objid = c.oid AND d.deptype = 'e')") + " ORDER BY c.relname")
    return [row[0] for row in connection.execute(query)]


def row_counts(connection, vendor):
    return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in table_names(connection, vendor)}


def write_private(path, data):
    """Writes bytes to a new file of mode 0600, whatever the umask."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
    os.chmod(path, PRIVATE)


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def copy_sqlite(source_path, target_path):
    """SQLite's online backup API, in one step: one read transaction on the source (a consistent
    copy while the app writes) and one write transaction on the target (all or nothing)."""
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    target = sqlite3.connect(target_path)
    try:
        source.backup(target)
        if target.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise Refusal(f"{target_path}: the copy fails SQLite's integrity check")
    finally:
        target.close()
        source.close()


def dump_postgres(config, archive):
    """pg_dump in the snapshot of a REPEATABLE READ transaction that counts the rows first, so the
    manifest describes exactly the rows the archive holds, however many writes land meanwhile."""
    connection = connect(config)
    connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
    connection.read_only = True
    with connection:
        snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
        counts = row_counts(connection, "postgresql")
        with postgres_client_environment(config) as environment:
            subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}",
                            f"--file={archive}"], env=environment, check=True)
            subprocess.run(["pg_restore", "--list", str(archive)], env=environment, stdout=subprocess.DEVNULL,
                           check=True)  # a readable, complete archive
        connection.rollback()
    return counts


def backup(archive, manifest):
    config = database_config()
    if config["VENDOR"] == "sqlite":
        if not Path(config["NAME"]).exists():
            raise Refusal(f"backup: no database file at {config['NAME']}")
        Path(archive).unlink(missing_ok=True)
        write_private(archive, b"")
        copy_sqlite(config["NAME"], archive)
        with contextlib.closing(sqlite3.connect(f"file:{archive}?mode=ro", uri=True)) as copy:
            counts = row_counts(copy, "sqlite")  # read from the copy: the rows it holds
    else:
        write_private(archive, b"")
        counts = dump_postgres(config, archive)
    os.chmod(archive, PRIVATE)
    record = {"engine": engine_name(config), "sha256": sha256_of(archive), "tables": counts}
    write_private(manifest, json.dumps(record, indent=1, sort_keys=True).encode())


def check_archive(archive, manifest):
    expected = json.loads(Path(manifest).read_text())
    if sha256_of(archive) != expected["sha256"]:
        raise Refusal(f"restore: {archive} does not match its manifest's SHA-256: damaged or changed; nothing restored")
    engine = engine_name(database_config())
    if engine != expected["engine"]:
        raise Refusal(f"restore: {archive} is a {expected['engine']} backup; DATABASE_URL names a {engine} database")


def describe(names, limit=10):
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def target_state(manifest):
    """EMPTY, CONTROLMAP_DATA or FOREIGN_TABLES, with a message naming what the target holds. The
    tables ControlMap owns are those its backup holds; any other table belongs to someone else."""
    ours = set(json.loads(Path(manifest).read_text())["tables"])
    config = database_config()
    connection = connect(config)
    if connection is None:
        return EMPTY, ""
    with contextlib.closing(connection):
        found = table_names(connection, config["VENDOR"], extensions=False)
    foreign = [name for name in found if name not in ours]
    if foreign:
        return FOREIGN_TABLES, (
            f"restore: the target database {config['NAME']} holds {len(foreign)} tables that are not ControlMap's "
            f"(this backup has none of them): {describe(foreign)}. It may belong to another application; "
            "nothing restored.")
    if found:
        return CONTROLMAP_DATA, (
            f"restore: the target database {config['NAME']} already holds ControlMap data "
            f"({len(found)} tables); nothing restored.")
    return EMPTY, ""


def restore(archive):
    config = database_config()
    if config["VENDOR"] == "sqlite":
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        copy_sqlite(archive, config["NAME"])
        return
    # The schema is replaced and the archive restored in a single transaction: all or nothing.
    with postgres_client_environment(config) as environment:
        psql = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-o", "/dev/null"],
                                stdin=subprocess.PIPE, env=environment)
        psql.stdin.write(b"SET client_min_messages = warning; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;\n")
        psql.stdin.flush()
        pg_restore = subprocess.run(["pg_restore", "--no-owner", "--no-privileges", "--file=-", str(archive)],
                                    stdout=psql.stdin, env=environment)
        if pg_restore.returncode:
            psql.kill()  # its connection drops before COMMIT: the transaction is rolled back
        psql.stdin.close()
        if psql.wait() or pg_restore.returncode:
            raise Refusal(f"restore: restoring {archive} failed (see above); the database is as it was")


def verify(manifest):
    expected = json.loads(Path(manifest).read_text())["tables"]
    config = database_config()
    with contextlib.closing(connect(config)) as connection:
        found = row_counts(connection, config["VENDOR"])
    wrong = {t: (expected.get(t), found.get(t)) for t in expected.keys() | found.keys() if expected.get(t) != found.get(t)}
    if wrong:
        raise Refusal("restore: verification failed, table: (backed up, restored) rows: " + json.dumps(wrong, sort_keys=True))
    print(f"Verified: {len(expected)} tables, {sum(expected.values())} rows, as backed up.")


COMMANDS = {"backup": backup, "check-archive": check_archive, "restore": restore, "verify": verify}


def main(command="", *arguments):
    # A stopped run still removes its pgpass file: SIGTERM unwinds like Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    try:
        if command == "target" and len(arguments) == 1:
            state, message = target_state(*arguments)
            if message:
                print(message, file=sys.stderr)
            return state
        if command in COMMANDS:
            COMMANDS[command](*arguments)
            return 0
    except (Refusal, sqlite3.Error, psycopg.Error, subprocess.CalledProcessError) as refusal:
        print(refusal if isinstance(refusal, Refusal) else f"{command}: {refusal}", file=sys.stderr)
        return 2
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
