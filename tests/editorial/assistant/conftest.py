"""The assistant's module tests read the seed's names without a database, as load_gazetteer reads them."""
import datetime as dt
import json
from pathlib import Path

import pytest

from editorial.assistant import Gazetteer, propose

SEED = Path(__file__).parents[3] / "fixtures" / "seed.json"
TOWNS = Path(__file__).parent / "corpus" / "places.json"
SATURDAY = dt.datetime(2017, 11, 4, 10, tzinfo=dt.timezone.utc)


def claims(text, names, published=SATURDAY):
    """(place, status, holder or sides, date) of each proposal: what an editor checks first."""
    return {(p.place, p.status, p.holder or tuple(sorted(p.others)), p.date.isoformat()) for p in propose(text, published, names)}


@pytest.fixture(scope="session")
def names():
    """The seed's places, sides and alliances, and the towns the corpus names beyond them (corpus/places.json)."""
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    towns = json.loads(TOWNS.read_text(encoding="utf-8"))
    return Gazetteer(
        [(p["slug"], p["name"], p["kind"], [n["name"] for n in p["names"]]) for p in seed["places"] + towns],
        [(a["slug"], a["name"], a["kind"], [a["short_name"], *(x["name"] for x in a["aliases"])]) for a in seed["actors"]],
        {p["slug"]: p["country"] for p in seed["places"] + towns},
        {a["slug"]: {r["other"] for r in a["relations"] if r["kind"] == "allied_with"} for a in seed["actors"]},
    )
