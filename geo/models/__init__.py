"""The record: places, sides, who published what, and the sourced claims about control.

One module per concept (places, actors, sources, claims, version); `from geo.models import X`
names any of them. Models and their invariants only: invariants that must hold whatever writes the
rows (forms, commands, imports, raw SQL) are database constraints, and `clean()` methods repeat
them with messages an editor can act on. Reading claims for resolution is geo.records' business,
the data version's cache handling api.versions'.
"""
from .actors import Actor, ActorAlias, ActorRelation, colour_validator
from .claims import Citation, Claim, ClaimActor, Precision, date_bounds
from .places import Place, PlaceName
from .sources import Outlet, Source, new_key, web_url
from .version import DataVersion

__all__ = [
    "Actor", "ActorAlias", "ActorRelation", "Citation", "Claim", "ClaimActor", "DataVersion", "Outlet", "Place",
    "PlaceName", "Precision", "Source", "colour_validator", "date_bounds", "new_key", "web_url",
]
