"""Migrations run forward to the latest, backward to zero and forward again on the database under test,
and a step back and forth on the project's own apps keeps the data."""
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from geo.models import Citation, Claim, Place

PROJECT_APPS = ("geo", "editorial")


def executor():
    return MigrationExecutor(connection)


def leaves():
    return executor().loader.graph.leaf_nodes()


def tables():
    return set(connection.introspection.table_names())


def test_models_and_migrations_agree(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_forward_backward_to_zero_and_forward_again(live_seeded):
    assert executor().migration_plan(leaves()) == [], "the test database is at the latest migrations"
    counts = (Place.objects.count(), Claim.objects.count(), Citation.objects.count())
    assert counts[1] > 0

    # One step back and forth on each project app keeps every row.
    for app in PROJECT_APPS:
        nodes = sorted(name for label, name in executor().loader.graph.leaf_nodes() if label == app)
        previous = executor().loader.graph.node_map[(app, nodes[-1])].parents
        earlier = [key for key in previous if key[0] == app]
        if earlier:
            executor().migrate(earlier)
            executor().migrate([(app, nodes[-1])])
    assert (Place.objects.count(), Claim.objects.count(), Citation.objects.count()) == counts

    # Everything back to zero: every table of every app is gone.
    apps = {label for label, _ in leaves()}
    Claim.objects.update(superseded_by=None)
    executor().migrate([(app, None) for app in apps])
    left = {t for t in tables() for app in apps if t.startswith(f"{app}_") and t != "django_migrations"}
    assert not left and "geo_claim" not in tables(), left
    assert executor().migration_plan(leaves()) != []

    # And forward again (through the command, as a deployment runs it): the schema works.
    call_command("migrate", verbosity=0)
    assert executor().migration_plan(leaves()) == []
    assert {"geo_claim", "geo_historicalclaim", "auth_user", "django_session"} <= tables()
    call_command("load_seed", verbosity=0)
    assert (Place.objects.count(), Claim.objects.count(), Citation.objects.count()) == counts
