"""`make backup` and `make restore` on the database under test: a round trip keeps every record,
also while editors write; restore refuses to overwrite data (ControlMap's or another
application's) or to use a damaged backup; backups are private and no password is on a command line."""
import json
import os
import secrets
import sqlite3
import stat
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django import db
from django.db import connection, transaction

from geo.models import Claim, Outlet
from scripts import dbstate

HistoricalOutlet = Outlet.history.model

ROOT = Path(__file__).resolve().parents[2]


def url_of(settings_dict, name=None):
    name = name or settings_dict["NAME"]
    if connection.vendor == "sqlite":
        return f"spatialite:///{name}"
    return (f"postgis://{settings_dict['USER']}:{settings_dict['PASSWORD']}@{settings_dict['HOST'] or '127.0.0.1'}:"
            f"{settings_dict['PORT'] or 5432}/{name}")


def make(target, database_url, **variables):
    environment = {**os.environ, "DATABASE_URL": database_url}
    arguments = [f"{key}={value}" for key, value in variables.items()]
    return subprocess.run(["make", "-s", target, *arguments], cwd=ROOT, env=environment, capture_output=True,
                          text=True, timeout=300)


def open_database(database_url):
    if database_url.startswith("spatialite"):
        return sqlite3.connect(database_url.removeprefix("spatialite:///"))
    import psycopg

    return psycopg.connect(database_url.replace("postgis://", "postgresql://"))


def every_record(database_url):
    """{table: sorted rows} for every real table, SpatiaLite's and PostGIS's own included."""
    with open_database(database_url) as db:
        if database_url.startswith("spatialite"):
            names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE "
                                              "'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")]
        else:
            names = [r[0] for r in db.execute("SELECT table_name FROM information_schema.tables WHERE "
                                              "table_schema='public' AND table_type='BASE TABLE'")]
        return {name: sorted(map(repr, db.execute(f'SELECT * FROM "{name}"').fetchall())) for name in names}


@pytest.fixture
def target(tmp_path):
    """An empty database of the kind under test to restore into, dropped afterwards on PostgreSQL, where
    it has PostGIS installed (its spatial_ref_sys table is the extension's: the database is still empty)."""
    if connection.vendor == "sqlite":
        yield url_of(connection.settings_dict, str(tmp_path / "restored.sqlite3"))
        return
    import psycopg

    name = f"{connection.settings_dict['NAME']}_restore"
    admin = url_of(connection.settings_dict, "postgres").replace("postgis://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(url_of(connection.settings_dict, name).replace("postgis://", "postgresql://"), autocommit=True) as db:
        db.execute("CREATE EXTENSION postgis")
    yield url_of(connection.settings_dict, name)
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_and_restore_round_trip_keeps_every_record(live_seeded, target, tmp_path):
    claim = Claim.objects.filter(review=Claim.Review.PUBLISHED).first()
    claim.notes = "Edited before the backup, so history has two rows."
    claim.save()
    source = url_of(connection.settings_dict)
    backup = tmp_path / "backups" / "controlmap.backup"

    made = make("backup", source, BACKUP=backup)
    assert made.returncode == 0, made.stderr
    assert backup.exists() and Path(f"{backup}.manifest.json").exists()

    restored = make("restore", target, BACKUP=backup)
    assert restored.returncode == 0, restored.stderr
    assert "Verified:" in restored.stdout
    original, copy = every_record(source), every_record(target)
    assert original.keys() == copy.keys() and "geo_historicalclaim" in copy
    for table in original:
        assert original[table] == copy[table], f"{table} differs after the round trip"

    # The restored copy already holds data: restoring again is refused and changes nothing...
    Claim.objects.filter(pk=claim.pk).update(notes="Changed after the backup.")
    refused = make("restore", target, BACKUP=backup)
    assert refused.returncode != 0 and "already holds ControlMap data" in refused.stderr
    assert every_record(target) == copy
    # ...unless FORCE=1, which first saves what it replaces.
    forced = make("restore", target, BACKUP=backup, FORCE=1)
    assert forced.returncode == 0, forced.stderr
    assert list(backup.parent.glob("controlmap.backup.replaced-*.manifest.json"))
    assert every_record(target) == copy


def test_restore_refuses_a_damaged_backup_or_one_of_the_other_kind(live_seeded, target, tmp_path):
    backup, good = tmp_path / "controlmap.backup", tmp_path / "good.backup"
    assert make("backup", url_of(connection.settings_dict), BACKUP=backup).returncode == 0
    assert make("backup", url_of(connection.settings_dict), BACKUP=good).returncode == 0
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0xFF
    backup.write_bytes(bytes(data))
    damaged = make("restore", target, BACKUP=backup)
    assert damaged.returncode != 0 and "does not match its manifest's SHA-256" in damaged.stderr
    other = "postgis://x:y@127.0.0.1:1/x" if connection.vendor == "sqlite" else f"spatialite:///{tmp_path}/x.sqlite3"
    wrong_kind = make("restore", other, BACKUP=good)
    assert wrong_kind.returncode != 0 and "backup; DATABASE_URL names a" in wrong_kind.stderr
    missing = make("restore", target)
    assert missing.returncode != 0 and "say which backup" in missing.stderr


@pytest.fixture
def backup_role(live_seeded):
    """On PostgreSQL, a login role of the controlmap role's rights with its own password (`:` and `\\`
    in it, which a pgpass file must escape), so a scan of command lines can look for that password
    alone; on SpatiaLite, the database under test (a file: no password to hide)."""
    if connection.vendor == "sqlite":
        yield url_of(connection.settings_dict), None
        return
    import psycopg
    from psycopg import sql

    settings_dict = connection.settings_dict
    role, password = f"{settings_dict['NAME']}_reader", f"pw:{secrets.token_hex(12)}\\end"
    admin = url_of(settings_dict, "postgres").replace("postgis://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP ROLE IF EXISTS "{role}"')
        db.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
            sql.Identifier(role), password, sql.Identifier(settings_dict["USER"])))
    yield (f"postgis://{role}:{quote(password, safe='')}@{settings_dict['HOST'] or '127.0.0.1'}:"
           f"{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"), password
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP ROLE "{role}"')


class CommandLineWatch(threading.Thread):
    """Reads every process's command line, as `ps` shows them to any user, until stopped."""

    def __init__(self, secret):
        super().__init__(daemon=True)
        self.secret, self.seen, self.leaks, self.running = secret, set(), [], True

    def run(self):
        while self.running:
            for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
                try:
                    arguments = cmdline.read_bytes().decode(errors="replace").split("\0")
                except OSError:  # the process ended meanwhile
                    continue
                self.seen.add(Path(arguments[0]).name)
                if any(self.secret in argument or quote(self.secret, safe="") in argument for argument in arguments):
                    self.leaks.append(arguments)

    def stop(self):
        self.running = False
        self.join()


class Editors(threading.Thread):
    """Creates outlets one transaction at a time, as editors in the admin do, until stopped."""

    def __init__(self):
        super().__init__(daemon=True)
        self.created, self.running, self.error = 0, True, None

    def run(self):
        try:
            while self.running:
                with transaction.atomic():  # the outlet and its history row together
                    Outlet.objects.create(name=f"Outlet {self.created}", slug=f"concurrent-{self.created}")
                self.created += 1
        except Exception as error:  # reported by the test
            self.error = error
        finally:
            db.connection.close()

    def stop(self):
        self.running = False
        self.join()
        assert self.error is None, self.error


def test_backup_taken_while_editors_write_verifies_after_restore(backup_role, target, tmp_path):
    """The manifest counts the rows of the backup's own snapshot: writes committed while pg_dump
    (or the SQLite copy) runs are in neither, so the restore verifies. The password is on no
    command line while the backup runs."""
    source, password = backup_role
    backup = tmp_path / "during-writes.backup"
    editors = Editors()
    editors.start()
    while editors.created < 20:
        time.sleep(0.01)
    watch = CommandLineWatch(password) if password else None
    if watch:
        watch.start()
    outlets_before = Outlet.objects.count()
    made = make("backup", source, BACKUP=backup)
    outlets_after = Outlet.objects.count()
    if watch:
        watch.stop()
    editors.stop()
    assert made.returncode == 0, made.stderr
    assert outlets_before < outlets_after, "the editors wrote while the backup ran"
    backed_up = json.loads(Path(f"{backup}.manifest.json").read_text())["tables"]
    assert outlets_before <= backed_up["geo_outlet"] <= outlets_after
    assert backed_up["geo_historicaloutlet"] - backed_up["geo_outlet"] == (
        HistoricalOutlet.objects.count() - Outlet.objects.count()), "history and outlets counted in one snapshot"
    if watch:
        assert "pg_dump" in watch.seen, "the scan saw the backup running"
        assert not watch.leaks, f"the password is on a command line: {watch.leaks}"

    restored = make("restore", target, BACKUP=backup)
    assert restored.returncode == 0, restored.stderr + restored.stdout
    assert "Verified:" in restored.stdout
    assert len(every_record(target)["geo_outlet"]) == backed_up["geo_outlet"]


def test_backups_are_private_whatever_the_umask(live_seeded, target, tmp_path):
    source = url_of(connection.settings_dict)
    backup = tmp_path / "shared" / "controlmap.backup"
    made = subprocess.run(["sh", "-c", 'umask 000 && exec make -s backup BACKUP="$0"', str(backup)], cwd=ROOT,
                          env={**os.environ, "DATABASE_URL": source}, capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(Path(f"{backup}.manifest.json").stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700
    assert make("restore", target, BACKUP=backup).returncode == 0
    forced = subprocess.run(["sh", "-c", 'umask 000 && exec make -s restore FORCE=1 BACKUP="$0"', str(backup)], cwd=ROOT,
                            env={**os.environ, "DATABASE_URL": target}, capture_output=True, text=True, timeout=300)
    assert forced.returncode == 0, forced.stderr
    safety = list(backup.parent.glob("controlmap.backup.replaced-*"))
    assert len(safety) == 2 and all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in safety)
    assert not list(backup.parent.glob("*.partial*")), "no unfinished file is left"


def test_restore_refuses_another_applications_database_unless_forced(live_seeded, target, tmp_path):
    backup = tmp_path / "controlmap.backup"
    assert make("backup", url_of(connection.settings_dict), BACKUP=backup).returncode == 0
    with open_database(target) as other:
        other.execute("CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)")
        other.execute("CREATE TABLE customers (id integer PRIMARY KEY, name text)")
        other.execute("INSERT INTO invoices VALUES (1, 12.5)")
        other.commit()
    theirs = every_record(target)

    refused = make("restore", target, BACKUP=backup)
    assert refused.returncode != 0
    assert "2 tables that are not ControlMap's" in refused.stderr and "customers, invoices" in refused.stderr
    assert "FORCE=1" in refused.stderr
    assert every_record(target) == theirs, "the other application's data is untouched"

    forced = make("restore", target, BACKUP=backup, FORCE=1)
    assert forced.returncode == 0, forced.stderr
    assert "invoices" not in every_record(target)
    safety = next(path for path in tmp_path.glob("controlmap.backup.replaced-*") if path.suffix != ".json")
    assert json.loads(Path(f"{safety}.manifest.json").read_text())["tables"]["invoices"] == 1, "their data was saved"


def test_postgres_clients_get_the_password_from_a_private_pgpass_file_only():
    """pg_dump, pg_restore and psql are started with this environment and no connection argument:
    the password is in a file of mode 0600 that is gone when they are done."""
    password = "s3cret:with\\colon"
    config = dbstate.database_config(f"postgis://editor:{quote(password, safe='')}@db.example:6543/controlmap")
    with dbstate.postgres_client_environment({**config}) as environment:
        pgpass = Path(environment["PGPASSFILE"])
        assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
        assert pgpass.read_text() == "db.example:6543:controlmap:editor:s3cret\\:with\\\\colon\n"
        assert (environment["PGHOST"], environment["PGPORT"], environment["PGUSER"], environment["PGDATABASE"]) == (
            "db.example", "6543", "editor", "controlmap")
        assert "PGPASSWORD" not in environment
        assert not any(password in value for value in environment.values())
    assert not pgpass.exists()
