"""GET /api/v2/changes/: every place whose state on one day differs from its state on another.

Both states are resolved by geo.records as the snapshot's are, and shown with the snapshot's
state fields (api.serializers.state_properties), so the answer is exactly the difference of the two
snapshots: a place differs when its state looks different (State.key: status, holder, others,
sides), a place with no state counting as unknown. New evidence for an unchanged state is no change.
"""
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from geo import records, resolution

from . import schema
from .fastpath import ExpensiveThrottle, gc_paused
from .filters import DATE_ACCEPTED, ParameterError, Query, choice, day, moment
from .renderers import FastJSONRenderer as JSONRenderer, GeoJSONRenderer
from .serializers import Actors, Places, citations_by_claim, feature, iso, place_properties, state_properties
from .views import PublicView


def changed_places(before, after):
    """Ids of the places whose state differs between two snapshots ({place id: State})."""
    unknown = resolution.UNKNOWN_STATE
    return {place for place in before.keys() | after.keys()
            if before.get(place, unknown).key != after.get(place, unknown).key}


class ChangesView(PublicView):
    """The places whose state changed between two days, with both states: an RFC 7946 FeatureCollection."""

    cache_endpoint = "changes"
    renderer_classes = (GeoJSONRenderer, JSONRenderer)
    query = Query(**{"from": day, "to": day, "known_at": moment, "format": choice("geojson", "json")})

    def build_throttles(self, values):
        """Two snapshots resolved from the claims per build, however short the span."""
        return [ExpensiveThrottle()]

    def download_name(self, request):
        return f"changes-{self.values['from'].isoformat()}-{self.values['to'].isoformat()}"

    @extend_schema(
        operation_id="control_changes", summary="Places whose state changed between two days",
        parameters=[schema.FROM, schema.TO, schema.KNOWN_AT, schema.formats("geojson", "json")],
        responses={(200, "application/geo+json"): schema.ref("ChangeCollection"),
                   (200, "application/json"): schema.ref("ChangeCollection"), **schema.ERRORS},
    )
    def get(self, request, **kwargs):
        values = self.values
        for name in ("from", "to"):
            if name not in values:
                raise ParameterError(name, f"{name}: required.", DATE_ACCEPTED)
        start, end, known_at = values["from"], values["to"], values.get("known_at")
        if start > end:
            raise ParameterError("to", f"to ({end}) is before from ({start}).", DATE_ACCEPTED)
        with gc_paused():
            before, after = records.snapshot(start, known_at), records.snapshot(end, known_at)
            changed = changed_places(before, after)
            unknown = resolution.UNKNOWN_STATE
            pairs = {place: (before.get(place, unknown), after.get(place, unknown)) for place in changed}
            citations = citations_by_claim(sorted({claim.id for pair in pairs.values() for state in pair
                                                   for claim in state.claims}))
            actor_slug = Actors().slug
            features = []
            for place, row in Places().rows.items():
                if place not in pairs:
                    continue
                old, new = pairs[place]
                features.append(feature(row, {
                    **place_properties(row),
                    "from": state_properties(old, actor_slug, citations),
                    "to": state_properties(new, actor_slug, citations),
                    "claims": sorted({citations[claim.id][0] for claim in new.claims}),
                }))
        return Response({
            "type": "FeatureCollection", "from": start.isoformat(), "to": end.isoformat(), "known_at": iso(known_at),
            "version": self.validators.version, "features": features,
        })
