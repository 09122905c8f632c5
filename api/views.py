"""The public, read-only API under /api/v2/ (and /api/v1/, its names kept readable: api.legacy).

Every state comes from geo.resolution: through geo.records, or prepared by api.snapshots for the
record as known now. These views only parse parameters, read display fields in bulk and shape the
contract's payloads (the OpenAPI schema at /api/v2/schema/ documents them). Every view is cached
and answers conditional requests through api.caching, is throttled for anonymous clients, and
answers write methods with 405; what makes them fast lives in api.fastpath.
"""
import orjson
from django.db.models import Exists, OuterRef, Q, TextField, Value
from django.db.models.functions import Replace
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.decorators import api_view, authentication_classes, permission_classes, throttle_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_gis.serializers import GeoFeatureModelSerializer
from rest_framework import serializers as drf

from geo import names, records
from geo.models import Actor, Citation, Claim, Place, Source
from geo.text import search_variants

from . import legacy, schema, snapshots
from .caching import CachedGetMixin
from .fastpath import ExpensiveThrottle, PublicThrottle, ReleasedAfterSending, gc_paused
from .filters import (
    PAGES, STATUSES, ParameterError, Query, shown, actor_ids, at_day, bbox_polygon, box, choice, claim_filter, data_version, day,
    language,
    last_day, moment, plain, slugs,
)
from .pagination import FeaturePagination, ListPagination
from .formats.acled import acled_rows
from .renderers import AcledCSVRenderer, CSVRenderer, FastJSONRenderer as JSONRenderer, FormatNegotiation, GeoJSONRenderer, WrittenJSON
from .serializers import (
    Actors, Places, citations_by_claim, deciding_ids, claim_dict, period_changes, claims_with_relations, iso, period_dict, place_properties,
    snapshot_features, timeline_payload,
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
        """As known then, the claims are resolved on every build; a CSV is the whole map written out."""
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
        prepared = snapshots.snapshot_body(collection, at, within, wanted) if known_at is None else None
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


class PlaceFeatureSerializer(GeoFeatureModelSerializer):
    place = drf.CharField(source="slug")
    size = drf.IntegerField(source="size_class")
    parent = drf.SlugRelatedField(slug_field="slug", read_only=True)
    names = drf.SerializerMethodField()

    class Meta:
        model = Place
        geo_field = "point"
        id_field = "slug"
        fields = ["slug", "place", "name", "kind", "size", "country", "region", "parent", "names"]

    def get_names(self, place):
        return [name.name for name in place.alternate_names.all()]

    def to_representation(self, place):
        """The name in the language asked for (`lang` in the context) where the place has one."""
        feature = super().to_representation(place)
        lang = self.context.get("lang")
        if not names.is_default(lang):
            # From the prefetched names, as geo.names chooses: the preferred one, else the lowest id.
            localised = [name for name in place.alternate_names.all() if name.language == lang]
            if localised:
                feature["properties"]["name"] = min(localised, key=lambda name: (not name.preferred, name.id)).name
        return feature


class PlacesView(PublicView):
    """Places as GeoJSON; ?q= finds a place by any name or alias, ignoring case and diacritics."""

    cache_endpoint = "places"
    renderer_classes = (GeoJSONRenderer, JSONRenderer)
    query = Query(q=plain, **PAGES, lang=language, format=choice("geojson", "json"))

    def get_queryset(self):
        places = Place.objects.select_related("parent").prefetch_related("alternate_names").order_by("name", "slug")
        query = self.values.get("q")
        if query is None:
            return places
        variants = search_variants(query)
        if not variants[0]:
            raise ParameterError("q", f"q: {shown(query)} has no letters or digits to search for.", "any part of a place name or alias")
        compact = variants[-1].replace(" ", "")
        return places.annotate(compact_names=Replace("search_names", Value(" "), Value(""), output_field=TextField())).filter(
            Q(search_names__contains=variants[0]) | Q(compact_names__contains=compact)
        )

    def download_name(self, request):
        return "places"

    @extend_schema(
        operation_id="places_list", summary="Places (search by any name)",
        parameters=[
            OpenApiParameter("q", str, description="Any part of a name or alias, in any script; case and diacritics are ignored."),
            *schema.PAGE_PARAMETERS, schema.page_size(FeaturePagination.max_page_size), schema.LANG,
            schema.formats("geojson", "json"),
        ],
        responses={(200, "application/geo+json"): schema.ref("PlaceCollection"),
                   (200, "application/json"): schema.ref("PlaceCollection"), **schema.ERRORS},
    )
    def get(self, request, **kwargs):
        paginator = FeaturePagination()
        page = paginator.paginate_queryset(self.get_queryset(), request, view=self)
        serializer = PlaceFeatureSerializer(page, many=True, context={"lang": self.values.get("lang")})
        return paginator.get_paginated_response(serializer.data)


def place_row(slug, lang=None):
    places = Places(Place.objects.filter(slug=slug), lang)
    if not places.rows:
        raise NotFound(f"No place with the slug {slug!r}.")
    return places


class PlaceDetailView(PublicView):
    """One place as a Feature with its state (today, or ?at=)."""

    cache_endpoint = "place"
    cache_daily = True
    renderer_classes = (GeoJSONRenderer, JSONRenderer)
    query = Query(at=day, known_at=moment, lang=language, format=choice("geojson", "json"))

    @extend_schema(
        operation_id="place_retrieve", summary="One place with its current state", parameters=[schema.SLUG, schema.AT, schema.KNOWN_AT, schema.LANG, schema.formats("geojson", "json")],
        responses={(200, "application/geo+json"): schema.ref("ControlFeature"),
                   (200, "application/json"): schema.ref("ControlFeature"), **schema.ERRORS},
    )
    def get(self, request, slug, **kwargs):
        at, known_at = at_day(self.values), self.values.get("known_at")
        places = place_row(slug, self.values.get("lang"))
        ids = list(places.rows)
        states = records.snapshot(at, known_at, places=ids)
        citations = citations_by_claim(deciding_ids(states))
        return Response(snapshot_features(places, states, Actors().slug, citations, with_unknown=True)[0])

    def download_name(self, request):
        return f"place-{self.kwargs['slug']}"


class PlaceHistoryView(PublicView):
    """The control periods of one place, and every published claim with its citations."""

    cache_endpoint = "history"
    query = Query(known_at=moment, lang=language)

    @extend_schema(operation_id="place_history", summary="History of one place", parameters=[schema.SLUG, schema.KNOWN_AT, schema.LANG],
                   responses={200: schema.ref("History"), **schema.ERRORS})
    def get(self, request, slug, **kwargs):
        known_at = self.values.get("known_at")
        places = place_row(slug, self.values.get("lang"))
        (place_id, row), = places.rows.items()
        published = Claim.objects.filter(place_id=place_id, review=Claim.Review.PUBLISHED)
        periods = records.place_periods(place_id, known_at, payload=False)
        shown = published.filter(known_from__lte=known_at) if known_at else published
        citations = citations_by_claim(published)
        actor_slug = Actors().slug
        return Response({
            "place": {**place_properties(row), "country": row["country"], "region": row["region"],
                      "lon": round(row["lon"], 5), "lat": round(row["lat"], 5)},
            "known_at": iso(known_at),
            "periods": [period_dict(period, actor_slug, citations) for period in periods],
            "claims": [claim_dict(claim, citations, known_at)
                       for claim in claims_with_relations(shown.order_by("-date", "-id"))],
        })


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
