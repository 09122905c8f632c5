"""Database triggers that keep Claim.known_from equal to the earliest publication among the claim's
cited sources (NULL with none), whoever writes: a model save, a queryset update, an import, raw SQL.

What moves it: a citation added, removed or pointed elsewhere; a cited source's `published_at`
moved. A write of `known_from` itself (or a new claim) is corrected to the computed value, so no
writer can set it by hand. Existing rows are corrected here too; if any was wrong, the data version
moves so no cached answer built from it is served again.
"""
from django.db import migrations

EARLIEST = ("(SELECT MIN(s.published_at) FROM geo_citation c JOIN geo_source s ON s.id = c.source_id "
            "WHERE c.claim_id = {claim})")

POSTGRESQL = [
    # The one place the value is computed: every row written to geo_claim with `known_from` in its
    # SET list (or inserted) gets the computed value, whatever the statement said. Row-level and
    # BEFORE: it runs once the row is locked, and its query sees every committed citation.
    f"""CREATE FUNCTION geo_known_from_claim() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        NEW.known_from := {EARLIEST.format(claim='NEW.id')}; RETURN NEW; END $$""",
    "CREATE TRIGGER geo_known_from_claim BEFORE INSERT OR UPDATE OF known_from ON geo_claim "
    "FOR EACH ROW EXECUTE FUNCTION geo_known_from_claim()",
]
# Citations and sources only name the claims to compute again (`SET known_from = known_from`),
# once per statement with the written rows as transition tables: a bulk load of citations costs
# one UPDATE per statement. A citation write first takes a share lock on the sources it names, so
# a concurrent move of one of their dates waits for it (and then sees the citation), or it waits
# for the move and then computes with the new date: neither can leave the other's claim stale.
CITATION_CLAIMS = {
    "INSERT": ("NEW TABLE AS new_rows", "SELECT claim_id, source_id FROM new_rows"),
    "DELETE": ("OLD TABLE AS old_rows", "SELECT claim_id, source_id FROM old_rows"),
    "UPDATE": ("OLD TABLE AS old_rows NEW TABLE AS new_rows",  # only citations moved to another claim or source
               "SELECT x.claim_id, x.source_id FROM old_rows o JOIN new_rows n ON n.id = o.id CROSS JOIN LATERAL "
               "(VALUES (o.claim_id, o.source_id), (n.claim_id, n.source_id)) x (claim_id, source_id) "
               "WHERE (o.claim_id, o.source_id) IS DISTINCT FROM (n.claim_id, n.source_id)"),
}
for event, (referencing, rows) in CITATION_CLAIMS.items():
    name = f"geo_known_from_citation_{event.lower()}"
    POSTGRESQL += [
        f"""CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            PERFORM 1 FROM geo_source WHERE id IN (SELECT r.source_id FROM ({rows}) r) ORDER BY id FOR SHARE;
            UPDATE geo_claim SET known_from = known_from WHERE id IN (SELECT r.claim_id FROM ({rows}) r);
            RETURN NULL; END $$""",
        f"CREATE TRIGGER {name} AFTER {event} ON geo_citation REFERENCING {referencing} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
    ]
POSTGRESQL += [
    """CREATE FUNCTION geo_known_from_source() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        UPDATE geo_claim SET known_from = known_from WHERE id IN (
            SELECT c.claim_id FROM geo_citation c JOIN new_rows n ON n.id = c.source_id JOIN old_rows o ON o.id = n.id
            WHERE o.published_at IS DISTINCT FROM n.published_at);
        RETURN NULL; END $$""",
    "CREATE TRIGGER geo_known_from_source AFTER UPDATE ON geo_source "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION geo_known_from_source()",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS geo_known_from_claim ON geo_claim",
    "DROP FUNCTION IF EXISTS geo_known_from_claim()",
    *(sql for event in CITATION_CLAIMS for sql in (
        f"DROP TRIGGER IF EXISTS geo_known_from_citation_{event.lower()} ON geo_citation",
        f"DROP FUNCTION IF EXISTS geo_known_from_citation_{event.lower()}()")),
    "DROP TRIGGER IF EXISTS geo_known_from_source ON geo_source",
    "DROP FUNCTION IF EXISTS geo_known_from_source()",
]


def _sqlite_recompute(claim):
    earliest = EARLIEST.format(claim=claim)
    return f"UPDATE geo_claim SET known_from = {earliest} WHERE id = {claim} AND known_from IS NOT {earliest};"


# SQLite has no BEFORE trigger that can change the row, and writers are serialised: AFTER triggers
# write the computed value, only where it differs (a row left alone fires no further trigger). Its
# recursive_triggers setting is off, so the correcting UPDATE does not fire the trigger that made
# it; the WHEN clause stops it anyway.
SQLITE = [
    f"CREATE TRIGGER geo_known_from_claim_insert AFTER INSERT ON geo_claim "
    f"WHEN NEW.known_from IS NOT {EARLIEST.format(claim='NEW.id')} BEGIN {_sqlite_recompute('NEW.id')} END",
    f"CREATE TRIGGER geo_known_from_claim_update AFTER UPDATE OF known_from ON geo_claim "
    f"WHEN NEW.known_from IS NOT {EARLIEST.format(claim='NEW.id')} BEGIN {_sqlite_recompute('NEW.id')} END",
    f"CREATE TRIGGER geo_known_from_citation_insert AFTER INSERT ON geo_citation "
    f"BEGIN {_sqlite_recompute('NEW.claim_id')} END",
    f"CREATE TRIGGER geo_known_from_citation_delete AFTER DELETE ON geo_citation "
    f"BEGIN {_sqlite_recompute('OLD.claim_id')} END",
    f"CREATE TRIGGER geo_known_from_citation_update AFTER UPDATE OF claim_id, source_id ON geo_citation "
    f"BEGIN {_sqlite_recompute('OLD.claim_id')} {_sqlite_recompute('NEW.claim_id')} END",
    f"CREATE TRIGGER geo_known_from_source_update AFTER UPDATE OF published_at ON geo_source "
    f"WHEN OLD.published_at IS NOT NEW.published_at BEGIN "
    f"UPDATE geo_claim SET known_from = {EARLIEST.format(claim='geo_claim.id')} "
    f"WHERE id IN (SELECT claim_id FROM geo_citation WHERE source_id = NEW.id) "
    f"AND known_from IS NOT {EARLIEST.format(claim='geo_claim.id')}; END",
]
SQLITE_DROP = [f"DROP TRIGGER IF EXISTS {sql.split()[2]}" for sql in SQLITE]


def correct_existing(schema_editor):
    """Correct the rows that are wrong now; returns how many were."""
    computed = EARLIEST.format(claim="geo_claim.id")
    if schema_editor.connection.vendor == "postgresql":
        sql = f"UPDATE geo_claim SET known_from = known_from WHERE known_from IS DISTINCT FROM {computed}"
    else:
        sql = f"UPDATE geo_claim SET known_from = {computed} WHERE known_from IS NOT {computed}"
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.rowcount


def create(apps, schema_editor):
    for sql in POSTGRESQL if schema_editor.connection.vendor == "postgresql" else SQLITE:
        schema_editor.execute(sql)
    if correct_existing(schema_editor):
        from django.db.models import F
        from django.utils import timezone

        DataVersion = apps.get_model("geo", "DataVersion")
        if not DataVersion.objects.filter(pk=1).update(version=F("version") + 1, changed_at=timezone.now()):
            DataVersion.objects.create(pk=1, version=1, changed_at=timezone.now())


def drop(apps, schema_editor):
    for sql in POSTGRESQL_DROP if schema_editor.connection.vendor == "postgresql" else SQLITE_DROP:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("geo", "0003_actor_relation_ordering")]

    operations = [migrations.RunPython(create, drop)]
