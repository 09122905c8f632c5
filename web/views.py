"""The public map page. Everything it shows comes from the API; the page only carries its settings."""
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from api import versions
from geo.dates import label_in_language
from geo.models import Citation, Claim, Source
from geo.names import place_names
from web.catalogue import catalogue
from web.modules import module_graph

ENTRY = "web/main.js"
BOOT = "web/boot.js"  # the page's one module script: it draws the places, then starts ENTRY (which imports it)
PAGE_SECONDS = 10  # how long a CDN may serve the map page, hence an old data version, after a publication


def map_config():
    """What the map's JavaScript needs from the settings, as one JSON object."""
    leaflet = settings.LEAFLET_CONFIG
    language = get_language()
    return {
        "api": "/api/v2/",
        # Names in the page's language: every API address the page asks carries it (static/shared/i18n.js).
        "timelineUrl": "/api/v2/timeline/" + ("" if language == settings.LANGUAGE_CODE else f"?lang={language}"),
        "tileUrl": settings.TILE_URL,
        "tileAttribution": settings.TILE_ATTRIBUTION,
        "outlineUrl": static("web/data/countries.geojson"),
        # The stored copy of a source: "KEY" is replaced by the source key in the browser.
        "sourceUrl": reverse("web:source", args=["KEY"]),
        "center": list(leaflet.get("DEFAULT_CENTER", (35.0, 41.0))),
        "zoom": leaflet.get("DEFAULT_ZOOM", 6),
        "minZoom": leaflet.get("MIN_ZOOM", 3),
        "maxZoom": leaflet.get("MAX_ZOOM", 16),
    }


@require_safe
@cache_control(public=True, max_age=PAGE_SECONDS)
def map_page(request):
    # The map asks for its data under this version (api.caching: immutable while current), so the page is
    # what names the version, and it is cached only for PAGE_SECONDS.
    config = {**map_config(), "dataVersion": versions.current()[0]}
    language = get_language()
    config["timelineUrl"] = f"{config['api']}timeline/?" + urlencode(
        {"v": config["dataVersion"], **({} if language == settings.LANGUAGE_CODE else {"lang": language})})
    first = module_graph(BOOT)
    config["entry"] = static(ENTRY)
    config["entryModules"] = [static(module) for module in module_graph(ENTRY) if module not in first]
    return render(request, "web/map.html", {"map_config": config, "catalogue": catalogue(), "boot": BOOT, "modules": first})


@require_safe
def source_page(request, key):
    """The stored copy of a source cited by a published claim: what a reader checks a quote against,
    even when the original address is gone (the seed article's republisher was not kept)."""
    cited = Citation.objects.filter(source=OuterRef("pk"), claim__review=Claim.Review.PUBLISHED)
    source = get_object_or_404(Source.objects.filter(Exists(cited)).select_related("outlet"), key=key)
    citations = list(
        Citation.objects.filter(source=source, claim__review=Claim.Review.PUBLISHED)
        .select_related("claim__place").order_by("claim__place__name", "claim__date")
    )
    localised = place_names(get_language())
    for citation in citations:
        claim = citation.claim
        citation.place_label = localised.get(claim.place_id, claim.place.name)
        citation.since_label = label_in_language(claim.date, claim.precision)
    published = source.published_at and label_in_language(timezone.localtime(source.published_at).date(), "day")
    return render(request, "web/source.html", {"source": source, "citations": citations, "published_label": published})
