"""`make backup` and `make restore` on the database under test: a round trip keeps every record,
and restore refuses to overwrite data or to use a damaged backup."""
import datetime as dt
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from django.db import connection

from geo.models import Claim

ROOT = Path(__file__).resolve().parent.parent


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
    """An empty database of the kind under test to restore into, dropped afterwards on PostgreSQL."""
    if connection.vendor == "sqlite":
        yield url_of(connection.settings_dict, str(tmp_path / "restored.sqlite3"))
        return
    import psycopg

    name = f"{connection.settings_dict['NAME']}_restore"
    admin = url_of(connection.settings_dict, "postgres").replace("postgis://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
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
