"""The public, read-only API under /api/v2/ (and /api/v1/, its names kept readable: api.legacy).

Every state comes from geo.resolution: through geo.records, or prepared by api.snapshots (read as
known then by api.known_then). These views only parse parameters, read display fields in bulk and
shape the contract's payloads (the OpenAPI schema at /api/v2/schema/ documents them). Every view is
cached and answers conditional requests through api.caching, is throttled for anonymous clients,
and answers write methods with 405; what makes them fast lives in api.fastpath.
"""
import orjson
from django.db.models import Exists, OuterRef
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.decorators import api_view, authentication_classes, permission_classes, throttle_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from geo import names, records
from geo.models import Actor, Citation, Claim, Place, Source

from . import known_then, legacy, schema, snapshots
from .caching import CachedGetMixin
from .fastpath import ExpensiveThrottle, PublicThrottle, ReleasedAfterSending, gc_paused
from .filters import (
    PAGES, STATUSES, Query, actor_ids, at_day, bbox_polygon, box, choice, claim_filter, data_version, day, language, last_day,
    moment, plain, slugs,
)
from .pagination import ListPagination
from .formats.acled import acled_rows
from .renderers import AcledCSVRenderer, CSVRenderer, FastJSONRenderer as JSONRenderer, FormatNegotiation, GeoJSONRenderer, WrittenJSON
from .serializers import (
    Actors, Places, citations_by_claim, deciding_ids, claim_dict, period_changes, claims_with_relations, iso, snapshot_features,
    timeline_payload,
)


class PublicView(ReleasedAfterSending, CachedGetMixin, APIView):
    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (PublicThrottle,)
    content_negotiation_class = FormatNegotiation
    renderer_classes = (JSONRenderer,)
    http_method_names = ["get", "head", "options"]

    def finalize_response(self, request, response, *args, **kwargs):
        # Errors are JSON whatever format was asked for.
        if response.status_code >= 400:
            request.accepted_renderer, request.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
        # A request refused before DRF read its version (content negotiation comes first) has none.
        version = getattr(request, "version", None)
        if response.status_code < 400 and getattr(response, "data", None) is not None and not getattr(response, "is_rendered", True):
            response.data = legacy.readable_in(version, self.cache_endpoint, response.data)
        response = super().finalize_response(request, response, *args, **kwargs)
        return legacy.mark_deprecated(response, request) if version == legacy.DEPRECATED else response


# CSV columns that list one value per citation, joined with " | ": (column, key in the citation).
CITATION_COLUMNS = [("sources", "source_title"), ("outlets", "outlet"), ("urls", "url"),
                    ("published_at", "published_at"), ("quotes", "quote")]
EVIDENCE_COLUMNS = [("claims", "claim"), ("claimants", "claimant"), *CITATION_COLUMNS]


def joined(entries, columns):
    return [" | ".join(str(entry[key] or "") for entry in entries) for _, key in columns]


def actor_roles(items):
    return ";".join(f"{o['actor']}:{o['role']}" for o in items)


class ControlView(PublicView):
    """The state of every place on one day: an RFC 7946 FeatureCollection."""

    cache_endpoint = "control"
    cache_daily = True
    renderer_classes = (GeoJSONRenderer, JSONRenderer, CSVRenderer)
    query = Query(at=day, known_at=moment, actors=slugs, bbox=box, lang=language, format=choice("geojson", "json", "csv"),
                  v=data_version)

    def build_throttles(self, values):
        """As known then, the claims of some places are resolved on every build; a CSV is the whole map written out."""
        csv = getattr(self.request.accepted_renderer, "format", None) == "csv"  # by ?format= or Accept
        return [ExpensiveThrottle()] if "known_at" in values or csv else []

    @extend_schema(
        operation_id="control_snapshot", summary="Control snapshot on a day",
        parameters=[schema.AT, schema.KNOWN_AT, schema.ACTORS, schema.BBOX, schema.LANG, schema.formats("geojson", "json", "csv"),
                    schema.DATA_VERSION],
        responses={
            (200, "application/geo+json"): schema.ref("ControlCollection"),
            (200, "application/json"): schema.ref("ControlCollection"),
            (200, "text/csv"): {"type": "string"},
            **schema.ERRORS,
        },
    )
    def get(self, request, **kwargs):
        values = self.values
        at, known_at, bbox, lang = at_day(values), values.get("known_at"), bbox_polygon(values), values.get("lang")
        actors = Actors()
        wanted = actor_ids(values, actors.id_by_slug)
        places_query = Place.objects.filter(point__intersects=bbox) if bbox else Place.objects.all()
        within = places_query.values("id") if bbox else None
        collection = {"type": "FeatureCollection", "at": at.isoformat(), "known_at": iso(known_at),
                      "version": self.validators.version, "features": []}
        if known_at is None:
            prepared = snapshots.snapshot_body(collection, at, within, wanted)
        else:
            prepared = known_then.snapshot_body(collection, at, known_at, actors.slug, within, wanted)
        if prepared is not None and names.is_default(lang):  # JSON already: sent as it is, or read back for CSV
            return Response(orjson.loads(prepared) if request.accepted_renderer.format == "csv" else WrittenJSON(prepared))
        if prepared is not None:  # the prepared Features carry the default names
            collection, localised = orjson.loads(prepared), names.place_names(lang, by="place__slug")
            for item in collection["features"]:
                item["properties"]["name"] = localised.get(item["id"], item["properties"]["name"])
            return Response(collection)
        # Resolving makes tens of thousands of small dicts: no collector passes over them. Not around the
        # prepared body above, whose streamed chunks the collector frees as they go (a worker's peak stays low).
        with gc_paused():
            states = records.snapshot(at, known_at, places=within)
            if wanted:
                states = {place: state for place, state in states.items() if wanted.intersection(state.actors())}
            citations = citations_by_claim(deciding_ids(states))
            collection["features"] = snapshot_features(Places(places_query, lang), states, actors.slug, citations)
        return Response(collection)

    def download_name(self, request):
        return f"control-{at_day(self.values).isoformat()}"

    def csv_table(self, data):
        header = ["place", "name", "kind", "size", "lon", "lat", "status", "holder", "others", "since", "since_label",
                  "precision", "disputed", "sides", *(column for column, _ in EVIDENCE_COLUMNS)]
        rows = []
        for feature in data["features"]:
            p = feature["properties"]
            sides = " | ".join(f"{s['status']} {s['holder'] or ''} {actor_roles(s['others'])}".strip() for s in p["sides"])
            rows.append([
                p["place"], p["name"], p["kind"], p["size"], *feature["geometry"]["coordinates"], p["status"], p["holder"],
                actor_roles(p["others"]), p["since"], p["since_label"], p["precision"], p["disputed"], sides,
                *joined(p["evidence"], EVIDENCE_COLUMNS),
            ])
        return header, rows


class TimelineView(PublicView):
    """Every change of every place in one compact payload (the map's playback)."""

    cache_endpoint = "timeline"
    query = Query(known_at=moment, lang=language, v=data_version)

    def build_throttles(self, values):
        return [ExpensiveThrottle()] if "known_at" in values else []

    @extend_schema(operation_id="timeline", summary="Timeline (playback payload)",
                   parameters=[schema.KNOWN_AT, schema.LANG, schema.DATA_VERSION],
                   responses={200: schema.ref("Timeline"), **schema.ERRORS})
    def get(self, request, **kwargs):
        known_at = self.values.get("known_at")
        changes = snapshots.timeline_changes(known_at)
        with gc_paused():
            changes = period_changes(records.iter_timeline(known_at)) if changes is None else changes
            lang = self.values.get("lang")
            payload = timeline_payload(changes, Places(language=lang), Actors(lang), self.validators.version, known_at)
        return Response(payload)


class ActorsView(PublicView):
    """Every side, with its colour, the names sources use for it, and who backs it."""

    cache_endpoint = "actors"
    query = Query(lang=language)

    @extend_schema(operation_id="actors_list", summary="Actors (sides)", parameters=[schema.LANG],
                   responses={200: schema.array(schema.ref("Actor")), **schema.ERRORS})
    def get(self, request, **kwargs):
        actors = Actor.objects.order_by("slug").prefetch_related("aliases", "relations__other")
        localised = names.actor_names(self.values.get("lang"))
        return Response([
            {
                "slug": a.slug, "name": localised.get(a.id, a.name), "short_name": localised.get(a.id, a.short_name),
                "colour": a.colour, "kind": a.kind,
                "description": a.description, "aliases": [alias.name for alias in a.aliases.all()],
                "relations": [{"kind": r.kind, "actor": r.other.slug} for r in a.relations.all()],
            }
            for a in actors
        ])


class SourcesView(PublicView):
    """Sources cited by published claims, newest first."""

    cache_endpoint = "sources"
    query = Query(**PAGES)

    @extend_schema(operation_id="sources_list", summary="Sources", parameters=[*schema.PAGE_PARAMETERS, schema.page_size(ListPagination.max_page_size)],
                   responses={200: schema.ref("SourcePage"), **schema.ERRORS})
    def get(self, request, **kwargs):
        cited = Citation.objects.filter(source=OuterRef("pk"), claim__review=Claim.Review.PUBLISHED)
        sources = Source.objects.filter(Exists(cited)).select_related("outlet").order_by("-published_at", "id")
        paginator = ListPagination()
        page = paginator.paginate_queryset(sources, request, view=self)
        return paginator.get_paginated_response([
            {
                "key": s.key, "title": s.title, "url": s.url, "archive_url": s.archive_url, "author": s.author,
                "published_at": iso(s.published_at), "language": s.language,
                "outlet": {"slug": s.outlet.slug, "name": s.outlet.name, "alignment": s.outlet.alignment,
                           "reliability": s.outlet.reliability},
            }
            for s in page
        ])


class ClaimsView(PublicView):
    """Published claims, filtered and paginated, newest effective date first."""

    cache_endpoint = "claims"
    renderer_classes = (JSONRenderer, CSVRenderer, AcledCSVRenderer)
    query = Query(place=plain, actor=slugs, status=STATUSES, date_from=day, date_to=last_day, source=plain, **PAGES,
                  format=choice("json", "csv", "acled"))

    @extend_schema(
        operation_id="claims_list", summary="Claims",
        parameters=[
            OpenApiParameter("place", str, description="A place slug."),
            OpenApiParameter("actor", str, description="Claims naming this actor (holder or other side); comma-separate several."),
            OpenApiParameter("status", {"type": "string", "enum": Claim.Status.values}),
            OpenApiParameter("date_from", {"type": "string", "pattern": schema.PARTIAL_DATE},
                             description="Effective date on or after this day (YYYY, YYYY-MM or YYYY-MM-DD)."),
            OpenApiParameter("date_to", {"type": "string", "pattern": schema.PARTIAL_DATE},
                             description="Effective date on or before this day; a month or year means up to its last day."),
            OpenApiParameter("source", str, description="A source key: claims citing it."),
            *schema.PAGE_PARAMETERS, schema.page_size(ListPagination.max_page_size), schema.formats("json", "csv", "acled"),
        ],
        responses={(200, "application/json"): schema.ref("ClaimPage"), (200, "text/csv"): {"type": "string"}, **schema.ERRORS},
    )
    def get(self, request, **kwargs):
        claims = Claim.objects.filter(claim_filter(self.values), review=Claim.Review.PUBLISHED)
        paginator = ListPagination()
        page = paginator.paginate_queryset(claims_with_relations(claims.order_by("-date", "-id")), request, view=self)
        citations = citations_by_claim([claim.id for claim in page])
        return paginator.get_paginated_response([claim_dict(claim, citations) for claim in page])

    def download_name(self, request):
        return "claims"

    def csv_table(self, data):
        header = ["key", "place", "status", "holder", "others", "since", "precision", "since_label", "end", "claimant",
                  "rank", "rank_reason", "superseded", "superseded_at", "superseded_by", "known_from", *(column for column, _ in CITATION_COLUMNS)]
        rows = [
            [c["key"], c["place"], c["status"], c["holder"], actor_roles(c["others"]), c["since"], c["precision"],
             c["since_label"], c["end"], c["claimant"], c["rank"], c["rank_reason"], c["superseded"], c["superseded_at"],
             c["superseded_by"], c["known_from"],
             *joined(c["evidence"], CITATION_COLUMNS)]
            for c in data["results"]
        ]
        return legacy.csv_header(self.request.version, header), rows

    def acled_table(self, data):
        return acled_rows(data["results"])


@extend_schema(exclude=True)
@api_view(["GET", "HEAD", "OPTIONS"])
@authentication_classes([])
@permission_classes([AllowAny])
@throttle_classes([PublicThrottle])
def not_found(request):
    raise NotFound(f"No API endpoint at {request.path}; see /api/v2/docs/.")


class SchemaView(CachedGetMixin, SpectacularAPIView):
    """The OpenAPI 3 document, with the same validators and cache as the data."""

    cache_endpoint = "schema"
    query = Query(format=choice("json", "yaml"))
    throttle_classes = (PublicThrottle,)
    http_method_names = ["get", "head", "options"]
