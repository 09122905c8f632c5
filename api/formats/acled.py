"""Published claims as an ACLED-shaped CSV (ACLED's columns, in its order), so that researchers can
merge ControlMap's reviewed record with their ACLED pulls.

A claim is a state from a date, where an ACLED row is an event; the columns say the same thing in
ACLED's terms: a place controlled by a state force reads as "Government regains territory", by any
other side as "Non-state actor overtakes territory" (both of ACLED's "Battles" type, as ACLED files
them); a contested, besieged or unknown state as a strategic development "Other", its status in the
tags. A claim imported from ACLED keeps its `event_id_cnty`; any other is `controlmap:<claim key>`.
Precision becomes time_precision: 1 a day, 2 an approximate date, 3 a month or a year. `timestamp`
is when ControlMap first knew the claim (its earliest cited publication), as Unix seconds.
"""
import datetime as dt

from geo.edtf import parse as parse_edtf
from geo.exchange.acled import COLUMNS, KEY_PREFIX
from geo.models import Actor, Place

from ..serializers import Places

TIME_PRECISION = {"day": 1, "approximate": 2, "month": 3, "year": 3}
STATE_KINDS = (Actor.Kind.STATE_FORCE, Actor.Kind.FOREIGN_STATE)


def event_kind(claim, holder_kind):
    """(disorder_type, event_type, sub_event_type) of a claim in ACLED's terms."""
    if claim["status"] != "controlled":
        return "Strategic developments", "Strategic developments", "Other"
    if holder_kind in STATE_KINDS:
        return "Political violence", "Battles", "Government regains territory"
    return "Political violence", "Battles", "Non-state actor overtakes territory"


def acled_rows(claims):
    """ACLED's header and one row per claim dict (api.serializers.claim_dict)."""
    places = {row["slug"]: row for row in Places(Place.objects.filter(slug__in={c["place"] for c in claims})).rows.values()}
    actors = {a["slug"]: a for a in Actor.objects.values("slug", "name", "kind")}
    rows = []
    for claim in claims:
        place, holder = places[claim["place"]], actors.get(claim["holder"])
        others = [actors[o["actor"]]["name"] for o in claim["others"]]
        key = claim["key"]
        day = parse_edtf(claim["since_edtf"]).date.isoformat()
        known = claim["known_from"]
        citations = claim["evidence"]
        values = {
            "event_id_cnty": key[len(KEY_PREFIX):] if key.startswith(KEY_PREFIX) else f"controlmap:{key}",
            "event_date": day, "year": day[:4], "time_precision": TIME_PRECISION[claim["precision"]],
            **dict(zip(("disorder_type", "event_type", "sub_event_type"), event_kind(claim, holder and holder["kind"]))),
            "actor1": holder["name"] if holder else "", "actor2": others[0] if others else "",
            "assoc_actor_2": "; ".join(others[1:]), "country": place["country"], "admin1": place["region"],
            "location": place["name"], "latitude": round(place["lat"], 5), "longitude": round(place["lon"], 5),
            "geo_precision": 1, "source": "; ".join(dict.fromkeys(c["outlet"] for c in citations)),
            "notes": f"{claim['claimant']}: " + " | ".join(c["quote"] for c in citations),
            "tags": f"controlmap status={claim['status']}; precision={claim['precision']}; since_edtf={claim['since_edtf']}",
            "timestamp": int(dt.datetime.fromisoformat(known).timestamp()) if known else "",
        }
        rows.append([values.get(column, "") for column in COLUMNS])
    return list(COLUMNS), rows

