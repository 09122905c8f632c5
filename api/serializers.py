"""Payloads of the public API, built as plain dicts from geo.records states in bulk.

Nothing here decides a state: geo.resolution does, through geo.records. The snapshot and the
timeline never serialise row by row through nested serializers: places, actors and evidence are
read once with `values_list` and joined in Python, so the query count stays constant whatever the
size of the record.
"""
import datetime as dt
from array import array

from django.db import connections
from django.db.models import BooleanField, F, FloatField, Func, TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from geo import names, resolution
from geo.dates import format_date, iso_with_precision, parse_db_moment
from geo.edtf import end_edtf, to_edtf
from geo.models import Actor, Citation, Place
from geo.vocabulary import STATE_STATUSES, Precision, Role

STATUSES = list(STATE_STATUSES)
PRECISIONS = Precision.values
ROLES = Role.values
TIMELINE_FORMAT = "controlmap-timeline/2"
EPOCH = "1970-01-01"


def iso(moment):
    return moment.isoformat() if moment is not None else None


class Places:
    """Every place (or those of a queryset) as light rows: {id: {...}} with lon/lat as floats, in
    slug order by code point (as api.snapshots orders prepared features), whatever the database's
    collation."""

    FIELDS = ("id", "slug", "name", "kind", "size_class", "parent_id", "lon", "lat", "country", "region")

    def __init__(self, queryset=None, language=None):
        """`language`: names in it where the place has one (geo.names), else the default name."""
        queryset = Place.objects.all() if queryset is None else queryset
        rows = queryset.order_by().annotate(
            lon=Func(F("point"), function="ST_X", output_field=FloatField()),
            lat=Func(F("point"), function="ST_Y", output_field=FloatField()),
        ).values_list(*self.FIELDS)
        self.rows = {row[0]: dict(zip(self.FIELDS, row)) for row in sorted(rows, key=lambda row: row[1])}
        if not names.is_default(language):
            # Every name in the language, not an id list of the rows: one query whatever their number.
            for place_id, name in names.place_names(language).items():
                if place_id in self.rows:
                    self.rows[place_id]["name"] = name


class Actors:
    """Every actor, read once: slug by id and id by slug; with `language`, the names (and short names)
    in it where the side has a preferred one."""

    def __init__(self, language=None):
        self.rows = list(Actor.objects.order_by("slug").values("id", "slug", "name", "short_name", "colour"))
        localised = names.actor_names(language)
        for row in self.rows:
            if row["id"] in localised:
                row["name"] = row["short_name"] = localised[row["id"]]
        self.slug = {row["id"]: row["slug"] for row in self.rows}
        self.id_by_slug = {row["slug"]: row["id"] for row in self.rows}


CITATION_FIELDS = (
    "claim_id", "claim__key", "claim__claimant", "source__title", "source__outlet__name", "source__url",
    "source__archive_url", "source__published_at", "quote", "quote_is_paraphrase", "source__key", "source__language",
)


def deciding_ids(states):
    """The ids of the claims that decide the given states (a disputed state's claims cover its sides)."""
    return [claim.id for state in states.values() for claim in state.claims]


def citations_by_claim(claims):
    """{claim id: [citation dict]} for the claims of a queryset or an id list, in one query.

    A long id list goes to PostgreSQL as one array (`claim_id = ANY(array)`): the planner sizes it
    right and looks the citations up by index, where thousands of IN placeholders or an unnest
    subquery misled it into scanning every claim.
    """
    result = {}
    citations = Citation.objects.order_by()  # put in order below; the default ordering joins places
    if isinstance(claims, (list, tuple)) and len(claims) > 100 and connections[citations.db].vendor == "postgresql":
        # One array parameter: the planner knows how many ids it holds, and the query text stays short.
        citations = citations.filter(RawSQL('"geo_citation"."claim_id" = ANY(%s)', [list(claims)], output_field=BooleanField()))
    else:
        citations = citations.filter(claim__in=claims)
    # The publication time is read as text and parsed in C (the driver's datetime converter is a
    # regular expression in Python), and the rows are put in order here rather than by a database
    # sort of wide rows that spills to disk.
    fields = tuple("published_text" if field == "source__published_at" else field for field in CITATION_FIELDS)
    rows = citations.annotate(published_text=Cast("source__published_at", TextField())).values_list(*fields, "id")
    moment, earliest = parse_db_moment, dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    parsed = [(row, moment(row[7]) if row[7] is not None else None) for row in rows]
    parsed.sort(key=lambda item: (item[0][0], item[1] is None, item[1] or earliest, item[0][-1]))
    for (claim_id, key, claimant, title, outlet, url, archive_url, _, quote, paraphrase, source, language, _), published_at in parsed:
        result.setdefault(claim_id, (key, claimant, []))[2].append({
            "source_title": title, "outlet": outlet, "url": url, "archive_url": archive_url,
            "published_at": iso(published_at), "quote": quote, "quote_is_paraphrase": paraphrase, "source": source,
            "language": language,
        })
    return result


def evidence(claims, citations):
    """One entry per citation of the given ClaimFacts: who claims what, where, in which words."""
    entries = []
    for fact in claims:
        key, claimant, cited = citations.get(fact.id, (None, None, ()))
        for citation in cited:
            entries.append({
                "claim": key, "claimant": claimant, "since": iso_with_precision(fact.date, fact.precision),
                "since_edtf": to_edtf(fact.date, fact.precision),
                "precision": fact.precision, "rank": fact.rank, **citation,
            })
    return entries


def others(pairs, actor_slug):
    return [{"actor": actor_slug[actor], "role": role} for actor, role in pairs]


def state_properties(state, actor_slug, citations):
    """The contract's state fields for one geo.resolution.State."""
    return {
        "status": state.status,
        "holder": actor_slug.get(state.holder),
        "others": others(state.others, actor_slug),
        "since": iso_with_precision(state.since, state.precision),
        "since_edtf": to_edtf(state.since, state.precision),
        "since_label": format_date(state.since, state.precision),
        "precision": state.precision,
        "disputed": state.disputed,
        "sides": [
            {
                "status": side.status, "holder": actor_slug.get(side.holder), "others": others(side.others, actor_slug),
                "evidence": evidence(side.claims, citations),
            }
            for side in state.sides
        ],
        "evidence": evidence(state.claims, citations),
    }


def place_properties(row):
    return {"place": row["slug"], "name": row["name"], "kind": row["kind"], "size": row["size_class"]}


def feature(row, properties):
    return {
        "type": "Feature",
        "id": row["slug"],
        "geometry": {"type": "Point", "coordinates": [round(row["lon"], 5), round(row["lat"], 5)]},
        "properties": properties,
    }


def snapshot_features(places, states, actor_slug, citations, with_unknown=False):
    """Features for the places (rows of `Places`) with a state, in slug order."""
    features = []
    for place_id, row in places.rows.items():
        state = states.get(place_id)
        if state is None:
            if not with_unknown:
                continue
            state = resolution.UNKNOWN_STATE
        features.append(feature(row, {**place_properties(row), **state_properties(state, actor_slug, citations)}))
    return features


def _state_entry(state, actor_index):
    def pairs(items):
        return [[actor_index[actor], ROLES.index(role)] for actor, role in items]

    entry = {
        "status": STATUSES.index(state.status),
        "holder": actor_index.get(state.holder, -1),
        "others": pairs(state.others),
    }
    if state.sides:
        entry["sides"] = [
            {"status": STATUSES.index(side.status), "holder": actor_index.get(side.holder, -1), "others": pairs(side.others)}
            for side in state.sides
        ]
    return entry


def period_changes(timeline):
    """timeline_payload's changes from {place id: [Period]} or (place id, [Period]) pairs (streamed)."""
    for place_id, periods in (timeline.items() if hasattr(timeline, "items") else timeline):
        for period in periods:
            state = period.state
            yield place_id, period.start, state.key, state.precision, state


def timeline_payload(changes, places, actors, version, known_at):
    """The compact playback payload of the contract: columns, distinct states, delta-encoded days.

    `changes` yields (place id, start, state key, precision, State) in place and date order, streamed
    (period_changes, or api.snapshots.timeline_changes): only four small integers are kept per change
    (in arrays, written to JSON by the renderer), so building the payload of a million claims needs a
    fraction of the memory of holding their periods. The State is read once per distinct key.
    """
    epoch = dt.date.fromisoformat(EPOCH)
    actor_index = {row["id"]: index for index, row in enumerate(actors.rows)}
    place_index = {place_id: index for index, place_id in enumerate(places.rows)}
    rows = list(places.rows.values())
    states, state_index = [], {}
    precision_index = {name: index for index, name in enumerate(PRECISIONS)}
    change_place, change_day, change_state, change_precision = (array("i") for _ in range(4))
    for place_id, start, key, precision, state in changes:
        where = place_index.get(place_id)
        if where is None:
            continue
        index = state_index.get(key)
        if index is None:
            index = state_index[key] = len(states)
            states.append(_state_entry(state, actor_index))
        change_place.append(where)
        change_day.append((start - epoch).days)
        change_state.append(index)
        change_precision.append(precision_index.get(precision, 0))
    # Sorted by place (in the places' order), then day; days delta-encoded along that order.
    order = sorted(range(len(change_place)), key=change_place.__getitem__)  # stable: days stay in order
    days = array("i", (change_day[i] for i in order))
    deltas = array("i", days)
    for i in range(len(deltas) - 1, 0, -1):
        deltas[i] -= days[i - 1]
    first = epoch + dt.timedelta(days=min(days)) if days else None
    last = epoch + dt.timedelta(days=max(days)) if days else None
    return {
        "format": TIMELINE_FORMAT,
        "version": version,
        "known_at": iso(known_at),
        "first": iso(first),
        "last": iso(last),
        "epoch": EPOCH,
        "statuses": STATUSES,
        "precisions": PRECISIONS,
        "roles": ROLES,
        "actors": {
            "slug": [a["slug"] for a in actors.rows], "name": [a["name"] for a in actors.rows],
            "short_name": [a["short_name"] for a in actors.rows], "colour": [a["colour"] for a in actors.rows],
        },
        "places": {
            "slug": [r["slug"] for r in rows], "name": [r["name"] for r in rows], "kind": [r["kind"] for r in rows],
            "size": [r["size_class"] for r in rows], "lon": [round(r["lon"], 5) for r in rows],
            "lat": [round(r["lat"], 5) for r in rows],
            "parent": [place_index.get(r["parent_id"], -1) for r in rows],
        },
        "states": states,
        "changes": {
            "place": array("i", (change_place[i] for i in order)), "since": deltas,
            "state": array("i", (change_state[i] for i in order)),
            "precision": array("i", (change_precision[i] for i in order)),
        },
    }


def period_dict(period, actor_slug, citations):
    state = period.state
    return {
        **state_properties(state, actor_slug, citations),
        "since": iso_with_precision(period.start, state.precision),
        "since_label": format_date(period.start, state.precision),
        "since_edtf": to_edtf(period.start, state.precision),
        "end": iso(period.end),
        "end_edtf": end_edtf(period.end),
    }


def claim_dict(claim, citations, known_at=None):
    """A published claim as the history and the claims list show it, superseded ones marked with why.

    With `known_at`, a claim superseded only later was not yet known to be wrong.
    """
    superseded = claim.rank == claim.Rank.SUPERSEDED and (
        known_at is None or claim.superseded_at is None or claim.superseded_at <= known_at
    )
    return {
        "key": claim.key,
        "place": claim.place.slug,
        "status": claim.status,
        "holder": claim.holder.slug if claim.holder_id else None,
        "others": [{"actor": o.actor.slug, "role": o.role} for o in claim.other_actors.all()],
        "since": iso_with_precision(claim.date, claim.precision),
        "since_edtf": to_edtf(claim.date, claim.precision),
        "precision": claim.precision,
        "since_label": claim.date_label,
        "end": iso(claim.end),
        "end_edtf": end_edtf(claim.end),
        "claimant": claim.claimant,
        "rank": claim.rank,
        "rank_reason": claim.rank_reason,
        "superseded": superseded,
        "superseded_at": iso(claim.superseded_at),
        "superseded_by": claim.superseded_by.key if claim.superseded_by_id else None,
        "known_from": iso(claim.known_from),
        "evidence": citations.get(claim.id, (None, None, []))[2],
    }


def claims_with_relations(queryset):
    return queryset.select_related("place", "holder", "superseded_by").prefetch_related("other_actors__actor")
