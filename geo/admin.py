"""The editors' workspace: every record model in the admin, with history, review and conflict checks.

Editors write drafts; only users with geo.publish_claim (the Reviewers group) publish or reject.
An editor's change to anything the public sees (a published claim, a source a published claim cites,
a place, a side, an outlet) waits as a pending change (editorial.pending) until a reviewer publishes
it, and only reviewers delete what the public sees: the public record changes only then.
Who may see what on the public map is decided by geo.resolution alone: the "disagrees" column and
filter ask geo.resolution.disagreements rather than comparing claims here.
"""
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from leaflet.admin import LeafletGeoAdmin
from simple_history.admin import SimpleHistoryAdmin

from editorial.admin import ReviewedChangesMixin
from editorial.forms import ClaimForm, EditConflict, RejectForm, SourceForm, conflict_message
from geo.text import search_variants

from . import records, resolution
from .models import Actor, ActorAlias, ActorRelation, Citation, Claim, ClaimActor, Outlet, Place, PlaceName, Source

def name_search(queryset, term, prefix=""):
    """Places by any name or alias, ignoring case, diacritics and punctuation (Place.search_names)."""
    condition = Q()
    for variant in search_variants(term):
        condition |= Q(**{f"{prefix}search_names__contains": variant})
    return queryset.filter(condition) if condition else queryset.none()


def isolated(name, ordering=None):
    """A list column of a name isolated for bidirectional text: an Arabic name, or a right-to-left
    override character in any name, cannot reorder the text of the row around it."""

    @admin.display(description=name.replace("_", " "), ordering=ordering or name, empty_value="-")
    def column(obj):
        value = getattr(obj, name)
        return format_html("<bdi>{}</bdi>", value) if value not in (None, "") else None

    return column


def map_link(claim):
    return f"/?at={claim.date.isoformat()}&place={claim.place.slug}"


class PlaceNameInline(admin.TabularInline):
    model = PlaceName
    extra = 1


class PlaceClaimInline(admin.TabularInline):
    """The place's claims at a glance; they are edited on their own page, where review and locking apply."""

    model = Claim
    fk_name = "place"
    fields = ("status", "holder", "date_label", "claimant", "rank", "review")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ("date",)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Place)
class PlaceAdmin(ReviewedChangesMixin, LeafletGeoAdmin, SimpleHistoryAdmin):
    list_display = (isolated("name"), "slug", "kind", "country", "size_class", isolated("parent", "parent__name"))
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
    list_display = (isolated("name"), isolated("short_name"), "slug", "kind", "colour")
    list_filter = ("kind",)
    search_fields = ("name", "short_name", "slug", "aliases__name")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (ActorAliasInline, ActorRelationInline)


@admin.register(Outlet)
class OutletAdmin(ReviewedChangesMixin, SimpleHistoryAdmin):
    list_display = (isolated("name"), "slug", "reliability", isolated("alignment"))
    list_filter = ("reliability",)
    search_fields = ("name", "slug", "alignment")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Source)
class SourceAdmin(ReviewedChangesMixin, SimpleHistoryAdmin):
    form = SourceForm
    list_display = (isolated("title"), isolated("outlet", "outlet__name"), "published_at", "url")
    list_filter = ("outlet",)
    search_fields = ("title", "url", "outlet__name", "key")
    autocomplete_fields = ("outlet",)
    date_hierarchy = "published_at"


class CitationInline(admin.StackedInline):
    model = Citation
    extra = 1
    autocomplete_fields = ("source",)
    fields = ("source", "quote", "quote_is_paraphrase", "note")


class ClaimActorInline(admin.TabularInline):
    model = ClaimActor
    extra = 1
    autocomplete_fields = ("actor",)
    verbose_name = "other actor"
    verbose_name_plural = "other actors (contesting or besieging)"


class ActorFilter(admin.SimpleListFilter):
    title = "actor"
    parameter_name = "actor"

    def lookups(self, request, model_admin):
        return list(Actor.objects.values_list("slug", "name"))

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(
                Q(holder__slug=self.value()) | Q(pk__in=ClaimActor.objects.filter(actor__slug=self.value()).values("claim"))
            )
        return queryset


def disagreeing_ids():
    """Ids of claims that disagree with another claim of the same place and date (geo.resolution decides)."""
    twins = Claim.objects.filter(place=OuterRef("place"), date=OuterRef("date")).exclude(pk=OuterRef("pk"))
    candidates = Claim.objects.filter(Exists(twins))
    return set(resolution.disagreements(records.facts(candidates)))


class ConflictFilter(admin.SimpleListFilter):
    title = "in conflict"
    parameter_name = "conflict"

    def lookups(self, request, model_admin):
        return (("yes", "disagrees with another claim"), ("no", "no disagreement"))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pk__in=disagreeing_ids())
        if self.value() == "no":
            return queryset.exclude(pk__in=disagreeing_ids())
        return queryset


@admin.register(Claim)
class ClaimAdmin(ReviewedChangesMixin, SimpleHistoryAdmin):
    form = ClaimForm
    change_form_template = "admin/geo/claim/change_form.html"
    list_display = (isolated("place", "place__name"), "status", isolated("holder", "holder__name"), "date_label",
                    isolated("claimant"), "review", "rank", "disagrees", "on_map")
    list_filter = ("review", "status", ActorFilter, "rank", ConflictFilter, "precision")
    list_select_related = ("place", "holder")
    search_fields = ("claimant", "citations__quote", "place__name", "place__slug")
    autocomplete_fields = ("place", "holder", "superseded_by")
    readonly_fields = ("review", "revision", "editor", "known_from", "created_at", "updated_at")
    inlines = (CitationInline, ClaimActorInline)
    actions = ("publish_claims", "reject_claims")
    history_list_display = ("review", "status")

    # -- list -------------------------------------------------------------------------------------
    def get_search_results(self, request, queryset, search_term):
        results, _ = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            results = results | name_search(queryset, search_term, prefix="place__")
        return results, True

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        self.annotate_disagreements(changelist.result_list)
        return changelist

    @staticmethod
    def annotate_disagreements(claims):
        """Attach to each listed claim the claims it disagrees with (two queries for the whole page)."""
        claims = list(claims)
        if not claims:
            return
        same_days = Claim.objects.filter(place__in={c.place_id for c in claims}, date__in={c.date for c in claims})
        facts = records.facts(same_days.select_related("holder"), payload=True)
        found = resolution.disagreements(facts)
        for claim in claims:
            claim.disagreeing = [fact.payload for fact in found.get(claim.id, [])]

    @admin.display(description="disagrees with")
    def disagrees(self, claim):
        others = getattr(claim, "disagreeing", [])
        if not others:
            return ""
        return format_html("⚠ {}", format_html_join(", ", '<a href="{}" title="{}"><bdi>#{} {}</bdi></a>', (
            (reverse("admin:geo_claim_change", args=[o.pk]), str(o), o.pk, o.status) for o in others
        )))

    @admin.display(description="map")
    def on_map(self, claim):
        return format_html('<a href="{}">view on the map at this date</a>', map_link(claim))

    # -- permissions --------------------------------------------------------------------------------
    def has_publish_permission(self, request):
        return request.user.has_perm("geo.publish_claim")

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.review == Claim.Review.PUBLISHED and not request.user.is_superuser:
            return False  # supersede or reject it instead: the record keeps what was once public
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        if not request.user.is_superuser and queryset.filter(review=Claim.Review.PUBLISHED).exists():
            raise PermissionDenied("A published claim is never deleted: supersede or reject it with a reason.")
        super().delete_queryset(request, queryset)

    def delete_model(self, request, obj):
        if not self.has_delete_permission(request, obj):
            raise PermissionDenied("A published claim is never deleted: supersede or reject it with a reason.")
        super().delete_model(request, obj)

    # -- saving with optimistic locking -----------------------------------------------------------------
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict as conflict:
            self.message_user(request, str(conflict), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        try:
            with transaction.atomic():
                return super().history_form_view(request, object_id, version_id, extra_context)
        except EditConflict as conflict:
            self.message_user(request, str(conflict), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:geo_claim_change", args=[object_id]))

    def save_model(self, request, obj, form, change):
        if not change:
            obj.editor = request.user
            obj.review = Claim.Review.DRAFT
            obj.revision = 1
            super().save_model(request, obj, form, change)
            return
        current = Claim.objects.filter(pk=obj.pk).values("review", "revision").get()
        # Review moves only through publish and reject (a revert must not publish an old copy).
        obj.review = current["review"]
        opened = form.cleaned_data.get("opened_revision") or current["revision"]
        if not Claim.objects.filter(pk=obj.pk, revision=opened).update(revision=opened + 1):
            raise EditConflict(conflict_message(obj.pk, opened))
        obj.revision = opened + 1
        super().save_model(request, obj, form, change)
        obj.refresh_known_from()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.refresh_known_from()

    # -- review -------------------------------------------------------------------------------------------
    def get_urls(self):
        own = [
            path("<int:pk>/publish/", self.admin_site.admin_view(self.publish_view), name="geo_claim_publish"),
            path("<int:pk>/reject/", self.admin_site.admin_view(self.reject_view), name="geo_claim_reject"),
        ]
        return own + super().get_urls()

    def apply_review(self, request, claim_ids, review, reason=""):
        """Publish or reject the claims, all or none; returns an error message or None."""
        with transaction.atomic():
            claims = list(Claim.objects.select_for_update().filter(pk__in=claim_ids).order_by("pk"))
            if review == Claim.Review.PUBLISHED:
                quoted = set(Citation.objects.filter(claim__in=claims).exclude(quote="").values_list("claim_id", flat=True))
                unquoted = [c for c in claims if c.pk not in quoted]
                if unquoted:
                    names = "; ".join(f"#{c.pk} {c}" for c in unquoted)
                    return (f"Nothing was published: {len(unquoted)} claim(s) have no citation with a quote, and a claim "
                            f"is published only with the source's words that support it: {names}.")
            stamp = timezone.now().strftime("%Y-%m-%d %H:%M")
            try:
                for claim in claims:
                    claim.review = review
                    claim.revision += 1
                    if reason:
                        claim.notes = f"{claim.notes}\n\nRejected by {request.user} on {stamp} UTC: {reason}".strip()
                    claim._history_user = request.user
                    claim._change_reason = (f"{review}: {reason}" if reason else review)[:100]
                    claim.save()
            except IntegrityError as error:
                transaction.set_rollback(True)
                return f"Nothing was changed: the database refused the change ({error})."
        return None

    def _done(self, request, count, review, error):
        if error:
            self.message_user(request, error, messages.ERROR)
        else:
            self.message_user(request, f"{count} claim(s) {review}.", messages.SUCCESS)

    @admin.action(description="Publish the selected claims (all or none)", permissions=["publish"])
    def publish_claims(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        self._done(request, len(ids), "published", self.apply_review(request, ids, Claim.Review.PUBLISHED))

    @admin.action(description="Reject the selected claims, with a reason", permissions=["publish"])
    def reject_claims(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        form = RejectForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            self._done(request, len(ids), "rejected", self.apply_review(request, ids, Claim.Review.REJECTED, reason))
            return None
        return self.render_reject(request, Claim.objects.filter(pk__in=ids), form, action=True)

    def render_reject(self, request, claims, form, action):
        context = {
            **self.admin_site.each_context(request), "title": "Reject claims", "claims": claims, "form": form,
            "opts": self.model._meta, "action": action, "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/geo/claim/reject.html", context)

    def publish_view(self, request, pk):
        claim = get_object_or_404(Claim, pk=pk)
        if request.method != "POST" or not self.has_publish_permission(request):
            raise PermissionDenied("Only reviewers publish claims.")
        self._done(request, 1, "published", self.apply_review(request, [claim.pk], Claim.Review.PUBLISHED))
        return HttpResponseRedirect(reverse("admin:geo_claim_change", args=[pk]))

    def reject_view(self, request, pk):
        claim = get_object_or_404(Claim, pk=pk)
        if not self.has_publish_permission(request):
            raise PermissionDenied("Only reviewers reject claims.")
        form = RejectForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            self._done(request, 1, "rejected", self.apply_review(request, [pk], Claim.Review.REJECTED, form.cleaned_data["reason"]))
            return HttpResponseRedirect(reverse("admin:geo_claim_change", args=[pk]))
        return self.render_reject(request, [claim], form, action=False)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update({
            "can_publish": obj is not None and self.has_publish_permission(request),
            "map_url": map_link(obj) if obj is not None else "",
        })
        return super().render_change_form(request, context, add, change, form_url, obj)
