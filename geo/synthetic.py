"""Synthetic conflict data at scale, for the benchmark: realistic shapes, bulk inserts.

Places are spread over Syria and Iraq; each gets a sequence of claims between 2014 and 2018 by the
real sides, with day, month and approximate precision, same-day conflicts, superseded claims, and
one to three citations each from sources published on or shortly after the claim's date. Rows are
bulk-inserted, so model save() and signals do not run: the derived fields (earliest, latest,
search_names) are computed here, known_from by the database's triggers as the citations go in, and
geo.signals.bulk_changed, sent once at the end, moves the data version and the snapshots on commit.
"""
import datetime as dt
import random

from django.contrib.gis.geos import Point
from django.core.management.color import no_style
from django.db import connection, transaction

from .models import Actor, Citation, Claim, ClaimActor, Outlet, Place, PlaceName, Precision, Source, date_bounds
from .signals import bulk_changed
from .text import search_variants

START, END = dt.date(2014, 1, 1), dt.date(2018, 12, 31)
SIDES = ["syrian-government", "islamic-state", "sdf", "iraqi-government", "syrian-rebels"]
KINDS = [("village", 2, 0.6), ("town", 3, 0.3), ("city", 4, 0.07), ("oil_field", 1, 0.02), ("base", 1, 0.01)]
SYLLABLES = ["al", "deir", "tal", "abu", "ain", "kafr", "hama", "ra", "qa", "bu", "sha", "zour", "mi", "dan", "jar", "hus"]
BATCH = 5000


def insert_rows(model, fields, rows):
    """Insert plain tuples with explicit primary keys (COPY on PostgreSQL, executemany on SQLite):
    the ORM's per-value preparation costs a millisecond a row, this a few microseconds."""
    if not rows:
        return 0
    meta = model._meta
    columns = [meta.get_field(name).column for name in fields]
    adapters = []
    for name in fields:
        internal = meta.get_field(name).get_internal_type()
        adapters.append(connection.ops.adapt_datetimefield_value if internal == "DateTimeField"
                        else connection.ops.adapt_datefield_value if internal == "DateField" else None)
    if any(adapters):
        rows = [tuple(value if adapt is None or value is None else adapt(value) for adapt, value in zip(adapters, row)) for row in rows]
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    table = connection.ops.quote_name(meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # COPY: PostgreSQL's bulk path
            with cursor.cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({', '.join(['%s'] * len(columns))})", rows)
    return len(rows)


def next_id(model):
    return (model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1


def reset_sequences(models):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)


def delete_data_set(seed):
    """Remove one synthetic data set with plain SQL (the ORM would load every row to cascade)."""
    prefix = f"syn{seed}-%"
    statements = [
        ("geo_citation", "claim_id IN (SELECT id FROM geo_claim WHERE key LIKE %s)"),
        ("geo_claimactor", "claim_id IN (SELECT id FROM geo_claim WHERE key LIKE %s)"),
        ("geo_claim", "key LIKE %s"),
        ("geo_source", "key LIKE %s"),
        ("geo_placename", "place_id IN (SELECT id FROM geo_place WHERE slug LIKE %s)"),
        ("geo_place", "slug LIKE %s"),
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        for table, condition in statements:
            cursor.execute(f"DELETE FROM {table} WHERE {condition}", [prefix])
        bulk_changed.send(sender=Generator)


def _name(rng, index):
    return "-".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title() + f" {index}"


class Generator:
    def __init__(self, places, claims, seed):
        self.rng = random.Random(seed)
        self.places, self.claims, self.seed = places, claims, seed
        self.prefix = f"syn{seed}"

    def run(self, stdout=None):
        actors = {a.slug: a.pk for a in Actor.objects.filter(slug__in=SIDES)}
        missing = set(SIDES) - actors.keys()
        if missing:
            raise ValueError(f"Load the seed data first (manage.py load_seed): missing actors {sorted(missing)}.")
        outlets = list(Outlet.objects.values_list("pk", flat=True))
        with transaction.atomic():
            place_ids = self.make_places()
            sources = self.make_sources(outlets)
            counts = self.make_claims(place_ids, actors, sources)
            bulk_changed.send(sender=Generator)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE geo_place; ANALYZE geo_claim; ANALYZE geo_citation; ANALYZE geo_claimactor; ANALYZE geo_source")
        return {"places": len(place_ids), "sources": len(sources), **counts}

    def make_places(self):
        rng, rows, names = self.rng, [], []
        for index in range(self.places):
            kind, size = rng.choices([(k, s) for k, s, _ in KINDS], weights=[w for *_, w in KINDS])[0]
            lon, lat = rng.uniform(36.0, 47.5), rng.uniform(31.0, 37.2)
            name = _name(rng, index)
            arabic = f"قرية {index}"
            rows.append(Place(
                name=name, slug=f"{self.prefix}-place-{index}", kind=kind, point=Point(lon, lat, srid=4326),
                country="SY" if lon < 41.2 else "IQ", region="synthetic", size_class=size,
                search_names="\n".join(dict.fromkeys(v for n in (name, arabic) for v in search_variants(n))),
            ))
            names.append(arabic)
        created = Place.objects.bulk_create(rows, batch_size=BATCH)
        PlaceName.objects.bulk_create(
            [PlaceName(place_id=p.pk, name=n, language="ar") for p, n in zip(created, names)], batch_size=BATCH)
        return [p.pk for p in created]

    def make_sources(self, outlets):
        """One source per outlet every few days: claims cite sources published on or after their date."""
        days = (END - START).days + 10
        per_day = max(1, min(len(outlets), self.claims // max(days, 1) + 1))
        rows, by_day, pk = [], {}, next_id(Source)
        for day in range(days):
            published_day = START + dt.timedelta(days=day)
            for outlet in self.rng.sample(outlets, per_day):
                published = dt.datetime.combine(published_day, dt.time(self.rng.randint(6, 20)), tzinfo=dt.timezone.utc)
                rows.append((pk, f"{self.prefix}-src-{day}-{outlet}", outlet, f"https://example.org/{self.prefix}/{day}/{outlet}",
                             f"Synthetic report {day}/{outlet}", "", published, "en", "", "", "", ""))
                by_day.setdefault(published_day, []).append((pk, published))
                pk += 1
        insert_rows(Source, ["id", "key", "outlet", "url", "title", "author", "published_at", "language", "archive_url",
                             "full_text", "seed_file", "notes"], rows)
        return by_day

    CLAIM_FIELDS = ["id", "key", "place", "status", "holder", "date", "precision", "earliest", "latest", "claimant", "rank",
                    "rank_reason", "superseded_at", "review", "created_at", "updated_at", "notes", "revision"]

    def make_claims(self, place_ids, actors, sources):
        rng = self.rng
        side_ids = [actors[s] for s in SIDES]
        per_place, remainder = divmod(self.claims, max(len(place_ids), 1))
        claims, others, citations = [], [], []
        counts = {"claims": 0, "conflicts": 0, "superseded": 0}
        span = (END - START).days
        now = dt.datetime.now(dt.timezone.utc)
        claim_id, other_id, citation_id = next_id(Claim), next_id(ClaimActor), next_id(Citation)

        def claim_row(key, place, status, holder, date, precision, earliest, latest, claimant, superseded_at=None):
            nonlocal claim_id
            new_id, claim_id = claim_id, claim_id + 1
            superseded = superseded_at is not None
            claims.append((new_id, key, place, status, holder, date, precision, earliest, latest, claimant,
                           "superseded" if superseded else "normal",
                           "Contradicted by later reporting (synthetic)." if superseded else "", superseded_at,
                           "published", now, now, "", 1))
            return new_id

        def cite(claim, source, quote):
            nonlocal citation_id
            citations.append((citation_id, claim, source, quote, False, ""))
            citation_id += 1

        def flush():
            insert_rows(Claim, self.CLAIM_FIELDS, claims)
            insert_rows(ClaimActor, ["id", "claim", "actor", "role"], others)
            insert_rows(Citation, ["id", "claim", "source", "quote", "quote_is_paraphrase", "note"], citations)
            claims.clear(), others.clear(), citations.clear()

        for place_index, place in enumerate(place_ids):
            count = per_place + (1 if place_index < remainder else 0)
            days = sorted(rng.sample(range(span), min(count, span)))
            holder = rng.choice(side_ids)
            for number, day in enumerate(days):
                if counts["claims"] >= self.claims:
                    break
                precision = rng.choices([Precision.DAY, Precision.MONTH, Precision.APPROXIMATE], weights=[85, 10, 5])[0]
                date = START + dt.timedelta(days=day)
                if precision == Precision.MONTH:
                    date = date.replace(day=1)
                earliest, latest = date_bounds(date, precision)
                holder = rng.choice(side_ids) if rng.random() < 0.6 else holder
                status = rng.choices(["controlled", "contested", "besieged"], weights=[80, 14, 6])[0]
                enemy = rng.choice([s for s in side_ids if s != holder])
                published = [p for offset in range(4) for p in sources.get(date + dt.timedelta(days=offset), [])]
                cited = rng.sample(published, min(len(published), rng.randint(1, 3)))
                first_published = min(p for _, p in cited)
                superseded_at = first_published + dt.timedelta(days=rng.randint(1, 5)) if rng.random() < 0.03 else None
                claimant = rng.choice(["SOHR", "Army statement", "Local activists", "Wire report"])
                new = claim_row(f"{self.prefix}-c-{place}-{number}", place, status, None if status == "contested" else holder,
                                date, precision, earliest, latest, claimant, superseded_at)
                counts["claims"] += 1
                counts["superseded"] += superseded_at is not None
                if status == "contested":
                    others.extend([(other_id, new, holder, "contesting"), (other_id + 1, new, enemy, "contesting")])
                    other_id += 2
                elif status == "besieged":
                    others.append((other_id, new, enemy, "besieging"))
                    other_id += 1
                for source, _ in cited:
                    cite(new, source, f"Synthetic quote {number} for place {place}.")
                if rng.random() < 0.05 and counts["claims"] < self.claims:  # a same-day conflicting report
                    twin = claim_row(f"{self.prefix}-c-{place}-{number}-conflict", place, "controlled", enemy, date, precision,
                                     earliest, latest, "Opposing side's statement")
                    cite(twin, cited[0][0], "Synthetic conflicting quote.")
                    counts["claims"] += 1
                    counts["conflicts"] += 1
            if len(claims) >= BATCH * 4:
                flush()
        flush()
        reset_sequences([Source, Claim, ClaimActor, Citation])
        return counts
