"""The admin of the records claims stand on: places, sides (actors), outlets and sources.

Each keeps its history (simple_history) and goes through pending review when an editor changes what
the public already sees (ReviewedChangesMixin). A place lists its claims read-only: claims are edited
on their own page (editorial.admin.claims), where review and locking apply.
"""
from django.contrib import admin
from leaflet.admin import LeafletGeoAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from editorial.forms import SourceForm
from geo.models import Actor, ActorAlias, ActorRelation, Claim, Outlet, Place, PlaceName, Source

from .listing import effective_date, isolated, name_search
from .pending_changes import ReviewedChangesMixin


class PlaceNameInline(admin.TabularInline):
    model = PlaceName
    extra = 1


class PlaceClaimInline(admin.TabularInline):
    """The place's claims at a glance; they are edited on their own page, where review and locking apply."""

    model = Claim
    fk_name = "place"
    fields = ("status", "holder", effective_date, "claimant", "rank", "review")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ("date",)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Place)
class PlaceAdmin(ReviewedChangesMixin, LeafletGeoAdmin, SimpleHistoryAdmin):
    list_display = (isolated("name", description=_("name")), "slug", "kind", "country", "size_class",
                    isolated("parent", "parent__name", _("parent")))
    list_filter = ("kind", "country", "size_class")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("parent",)
    inlines = (PlaceNameInline, PlaceClaimInline)

    def get_search_results(self, request, queryset, search_term):
        results, distinct = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            results = results | name_search(queryset, search_term)
        return results, distinct


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1


class ActorRelationInline(admin.TabularInline):
    model = ActorRelation
    fk_name = "actor"
    extra = 0
    autocomplete_fields = ("other",)


@admin.register(Actor)
class ActorAdmin(ReviewedChangesMixin, SimpleHistoryAdmin):
    list_display = (isolated("name", description=_("name")), isolated("short_name", description=_("short name")), "slug",
                    "kind", "colour")
    list_filter = ("kind",)
    search_fields = ("name", "short_name", "slug", "aliases__name")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (ActorAliasInline, ActorRelationInline)


@admin.register(Outlet)
class OutletAdmin(ReviewedChangesMixin, SimpleHistoryAdmin):
    list_display = (isolated("name", description=_("name")), "slug", "reliability",
                    isolated("alignment", description=_("alignment")))
    list_filter = ("reliability",)
    search_fields = ("name", "slug", "alignment")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Source)
class SourceAdmin(ReviewedChangesMixin, SimpleHistoryAdmin):
    form = SourceForm
    list_display = (isolated("title", description=_("title")), isolated("outlet", "outlet__name", _("outlet")),
                    "published_at", "url")
    list_filter = ("outlet",)
    search_fields = ("title", "url", "outlet__name", "key")
    autocomplete_fields = ("outlet",)
    date_hierarchy = "published_at"
