"""Database triggers that mark places stale (api.models.StalePlace) on every write to what their
prepared snapshot features show, whoever writes: the ORM, a queryset update, raw SQL or a bulk
load. Model signals would miss all but the first; see api.snapshots."""
from django.db import migrations

# table: (events, the key column of a written row, the places it touches given those rows as `r`)
WATCHED = {
    "geo_place": (("UPDATE", "DELETE"), "id", "SELECT r.id AS place_id FROM {rows} r"),
    "geo_claim": (("INSERT", "UPDATE", "DELETE"), "place_id", "SELECT r.place_id FROM {rows} r"),
    "geo_claimactor": (("INSERT", "UPDATE", "DELETE"), "claim_id",
                       "SELECT c.place_id FROM geo_claim c JOIN {rows} r ON c.id = r.claim_id"),
    "geo_citation": (("INSERT", "UPDATE", "DELETE"), "claim_id",
                     "SELECT c.place_id FROM geo_claim c JOIN {rows} r ON c.id = r.claim_id"),
    "geo_source": (("UPDATE",), "id",
                   "SELECT c.place_id FROM geo_claim c JOIN geo_citation t ON t.claim_id = c.id JOIN {rows} r ON r.id = t.source_id"),
    "geo_outlet": (("UPDATE",), "id",
                   "SELECT c.place_id FROM geo_claim c JOIN geo_citation t ON t.claim_id = c.id "
                   "JOIN geo_source s ON s.id = t.source_id JOIN {rows} r ON r.id = s.outlet_id"),
    "geo_actor": (("UPDATE",), "id",
                  "SELECT c.place_id FROM geo_claim c JOIN {rows} r ON r.id = c.holder_id UNION "
                  "SELECT c.place_id FROM geo_claim c JOIN geo_claimactor a ON a.claim_id = c.id JOIN {rows} r ON r.id = a.actor_id"),
}


def _name(table, event):
    return f"api_stale_{table}_{event.lower()}"


def postgresql(table, event, column, places):
    """One statement-level trigger per event, reading the written rows as transition tables: a bulk
    insert of a million claims marks their places in one statement per batch, not per row."""
    name = _name(table, event)
    relations = {"INSERT": ["new_rows"], "DELETE": ["old_rows"], "UPDATE": ["old_rows", "new_rows"]}[event]
    referencing = " ".join(f"{'NEW' if rel == 'new_rows' else 'OLD'} TABLE AS {rel}" for rel in relations)
    select = " UNION ".join(places.format(rows=rel) for rel in relations)
    return [
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"INSERT INTO api_staleplace (place_id) SELECT DISTINCT q.place_id FROM ({select}) q "
        # DO UPDATE, not DO NOTHING: it waits for a refresh holding the mark (api.snapshots), so the
        # mark survives a refresh that read the place before this write committed.
        f"WHERE q.place_id IS NOT NULL ON CONFLICT (place_id) DO UPDATE SET place_id = EXCLUDED.place_id; RETURN NULL; END $$",
        f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {referencing} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
    ], [f"DROP TRIGGER IF EXISTS {name} ON {table}", f"DROP FUNCTION IF EXISTS {name}()"]


def sqlite(table, event, column, places):
    """SQLite has row-level triggers only: the written row stands in for the transition table.
    Writers are serialised, so marking once is enough."""
    name = _name(table, event)
    relations = {"INSERT": ["NEW"], "DELETE": ["OLD"], "UPDATE": ["OLD", "NEW"]}[event]
    select = " UNION ".join(places.format(rows=f"(SELECT {rel}.{column} AS {column})") for rel in relations)
    return [
        f"CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN INSERT OR IGNORE INTO api_staleplace (place_id) "
        f"SELECT q.place_id FROM ({select}) q WHERE q.place_id IS NOT NULL; END",
    ], [f"DROP TRIGGER IF EXISTS {name}"]


def statements(schema_editor, forward):
    make = postgresql if schema_editor.connection.vendor == "postgresql" else sqlite
    for table, (events, column, places) in WATCHED.items():
        for event in events:
            create, drop = make(table, event, column, places)
            yield from (create if forward else drop)


def create(apps, schema_editor):
    for sql in statements(schema_editor, True):
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    for sql in statements(schema_editor, False):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("api", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
