"""Places in the public API: the list (with search by any name), one place with its state, and one
place's history. The views share api.views.PublicView's caching, throttling and parameters."""
from django.db.models import Q, TextField, Value
from django.db.models.functions import Replace
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers as drf
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework_gis.serializers import GeoFeatureModelSerializer

from geo import names, records
from geo.models import Claim, Place
from geo.text import search_variants

from . import schema
from .filters import PAGES, ParameterError, Query, at_day, choice, day, language, moment, plain, shown
from .pagination import FeaturePagination
from .renderers import FastJSONRenderer as JSONRenderer, GeoJSONRenderer
from .serializers import (
    Actors, Places, citations_by_claim, claim_dict, claims_with_relations, deciding_ids, iso, period_dict, place_properties,
    snapshot_features,
)
from .views import PublicView


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
