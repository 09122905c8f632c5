"""Payloads of the public API, built as plain dicts from geo.records states in bulk.

Nothing here decides a state: geo.resolution does, through geo.records. The snapshot and the
timeline never serialise row by row through nested serializers: places, actors and evidence are
read once with `values_list` and joined in Python, so the query count stays constant whatever the
size of the record.
"""
import datetime as dt

from django.db.models import F, FloatField, Func

from geo import resolution
from geo.dates import format_date, iso_with_precision
from geo.models import Actor, Citation, Place

STATUSES = ["controlled", "contested", "besieged", "unknown", "disputed"]
PRECISIONS = ["day", "month", "year", "approximate"]
ROLES = ["contesting", "besieging"]
TIMELINE_FORMAT = "controlmap-timeline/1"
EPOCH = "1970-01-01"


def iso(moment):
    return moment.isoformat() if moment is not None else None


class Places:
    """Every place (or those of a queryset) as light rows: {id: {...}} with lon/lat as floats."""

    FIELDS = ("id", "slug", "name", "kind", "size_class", "parent_id", "lon", "lat", "country", "region")

    def __init__(self, queryset=None):
        queryset = Place.objects.all() if queryset is None else queryset
        rows = queryset.order_by("slug").annotate(
            lon=Func(F("point"), function="ST_X", output_field=FloatField()),
            lat=Func(F("point"), function="ST_Y", output_field=FloatField()),
        ).values_list(*self.FIELDS)
        self.rows = {row[0]: dict(zip(self.FIELDS, row)) for row in rows}


class Actors:
    """Every actor, read once: slug by id and id by slug."""

    def __init__(self):
        self.rows = list(Actor.objects.order_by("slug").values("id", "slug", "name", "short_name", "colour"))
        self.slug = {row["id"]: row["slug"] for row in self.rows}
        self.id_by_slug = {row["slug"]: row["id"] for row in self.rows}


CITATION_FIELDS = (
    "claim_id", "claim__key", "claim__claimant", "source__title", "source__outlet__name", "source__url",
    "source__archive_url", "source__published_at", "quote", "quote_is_paraphrase", "source__key",
)


def deciding_ids(states):
    """The ids of the claims that decide the given states (a disputed state's claims cover its sides)."""
    return [claim.id for state in states.values() for claim in state.claims]


def citations_by_claim(claims):
    """{claim id: [citation dict]} for the claims of a queryset or a short id list, in one query.

    For many claims pass a queryset: PostgreSQL checks `claim_id = ANY(list)` row by row against the
    whole list, while a subquery joins in time linear in the rows.
    """
    result = {}
    rows = Citation.objects.filter(claim__in=claims).order_by("claim_id", "source__published_at", "id")
    for claim_id, key, claimant, title, outlet, url, archive_url, published_at, quote, paraphrase, source in rows.values_list(
        *CITATION_FIELDS
    ):
        result.setdefault(claim_id, (key, claimant, []))[2].append({
            "source_title": title, "outlet": outlet, "url": url, "archive_url": archive_url,
            "published_at": iso(published_at), "quote": quote, "quote_is_paraphrase": paraphrase, "source": source,
        })
    return result


def evidence(claims, citations):
    """One entry per citation of the given ClaimFacts: who claims what, where, in which words."""
    entries = []
    for fact in claims:
        key, claimant, cited = citations.get(fact.id, (None, None, ()))
        for citation in cited:
            entries.append({
                "claim": key, "claimant": claimant, "date": iso_with_precision(fact.date, fact.precision),
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


def timeline_payload(timeline, places, actors, version, known_at):
    """The compact playback payload of the contract: columns, distinct states, delta-encoded days."""
    epoch = dt.date.fromisoformat(EPOCH)
    actor_index = {row["id"]: index for index, row in enumerate(actors.rows)}
    place_ids = list(places.rows)
    place_index = {place_id: index for index, place_id in enumerate(place_ids)}
    rows = list(places.rows.values())
    states, state_index = [], {}
    change_place, change_day, change_state, change_precision = [], [], [], []
    previous, first, last = 0, None, None
    for place_id in place_ids:
        for period in timeline.get(place_id, ()):
            state = period.state
            index = state_index.get(state.key)
            if index is None:
                index = state_index[state.key] = len(states)
                states.append(_state_entry(state, actor_index))
            day = (period.start - epoch).days
            change_place.append(place_index[place_id])
            change_day.append(day - previous)
            previous = day
            change_state.append(index)
            change_precision.append(PRECISIONS.index(state.precision) if state.precision in PRECISIONS else 0)
            first = period.start if first is None or period.start < first else first
            last = period.start if last is None or period.start > last else last
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
            "short": [a["short_name"] for a in actors.rows], "colour": [a["colour"] for a in actors.rows],
        },
        "places": {
            "slug": [r["slug"] for r in rows], "name": [r["name"] for r in rows], "kind": [r["kind"] for r in rows],
            "size": [r["size_class"] for r in rows], "lon": [round(r["lon"], 5) for r in rows],
            "lat": [round(r["lat"], 5) for r in rows],
            "parent": [place_index.get(r["parent_id"], -1) for r in rows],
        },
        "states": states,
        "changes": {"place": change_place, "day": change_day, "state": change_state, "precision": change_precision},
    }


def period_dict(period, actor_slug, citations):
    state = period.state
    return {
        "start": iso_with_precision(period.start, state.precision),
        "end": iso(period.end),
        "precision": state.precision,
        "label": format_date(period.start, state.precision),
        **{k: v for k, v in state_properties(state, actor_slug, citations).items() if k not in ("since", "since_label", "precision")},
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
        "date": iso_with_precision(claim.date, claim.precision),
        "precision": claim.precision,
        "date_label": claim.date_label,
        "end": iso(claim.end),
        "claimant": claim.claimant,
        "rank": claim.rank,
        "rank_reason": claim.rank_reason,
        "superseded": superseded,
        "superseded_at": iso(claim.superseded_at),
        "superseded_by": claim.superseded_by.key if claim.superseded_by_id else None,
        "known_from": iso(claim.known_from),
        "citations": citations.get(claim.id, (None, None, []))[2],
    }


def claims_with_relations(queryset):
    return queryset.select_related("place", "holder", "superseded_by").prefetch_related("other_actors__actor")
