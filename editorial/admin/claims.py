"""The claims' admin: the list reviewers work from, the claim's page, and its publish and reject buttons.

Editors write drafts; only reviewers (geo.publish_claim) publish or reject, and the workflow itself, with
the optimistic locking of a claim's revision, lives in editorial.review: this module asks it and reports
back. Whether two claims disagree is decided by geo.resolution alone: the "disagrees" column and the
"in conflict" filter ask geo.resolution.disagreements rather than comparing claims here.
"""
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _, gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from editorial import review
from editorial.forms import ClaimForm, RejectForm
from geo import records, resolution
from geo.models import Actor, Citation, Claim, ClaimActor

from .listing import effective_date, isolated, map_link, name_search
from .pending_changes import ReviewedChangesMixin


class CitationInline(admin.StackedInline):
    model = Citation
    extra = 1
    autocomplete_fields = ("source",)
    fields = ("source", "quote", "quote_is_paraphrase", "note")


class ClaimActorInline(admin.TabularInline):
    model = ClaimActor
    extra = 1
    autocomplete_fields = ("actor",)
    verbose_name = gettext_lazy("other side")
    verbose_name_plural = gettext_lazy("other sides (contesting or besieging)")


class ActorFilter(admin.SimpleListFilter):
    title = gettext_lazy("side")
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
    title = gettext_lazy("in conflict")
    parameter_name = "conflict"

    def lookups(self, request, model_admin):
        return (("yes", _("disagrees with another claim")), ("no", _("no disagreement")))

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
    list_display = (isolated("place", "place__name", gettext_lazy("place")), "status",
                    isolated("holder", "holder__name", gettext_lazy("holder")), effective_date,
                    isolated("claimant", description=gettext_lazy("claimant")), "review", "rank", "disagrees", "on_map")
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

    @admin.display(description=gettext_lazy("disagrees with"))
    def disagrees(self, claim):
        others = getattr(claim, "disagreeing", [])
        if not others:
            return ""
        return format_html("⚠ {}", format_html_join(", ", '<a href="{}" title="{}"><bdi>#{} {}</bdi></a>', (
            (reverse("admin:geo_claim_change", args=[o.pk]), str(o), o.pk, o.get_status_display()) for o in others
        )))

    @admin.display(description=gettext_lazy("map"))
    def on_map(self, claim):
        return format_html('<a href="{}">{}</a>', map_link(claim), _("view on the map at this date"))

    # -- permissions --------------------------------------------------------------------------------
    def has_publish_permission(self, request):
        return review.may_review(request.user)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.review == Claim.Review.PUBLISHED and not request.user.is_superuser:
            return False  # supersede or reject it instead: the record keeps what was once public
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        if not request.user.is_superuser and queryset.filter(review=Claim.Review.PUBLISHED).exists():
            raise PermissionDenied(_("A published claim is never deleted: supersede or reject it with a reason."))
        super().delete_queryset(request, queryset)

    def delete_model(self, request, obj):
        if not self.has_delete_permission(request, obj):
            raise PermissionDenied(_("A published claim is never deleted: supersede or reject it with a reason."))
        super().delete_model(request, obj)

    # -- saving with optimistic locking -----------------------------------------------------------------
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except review.EditConflict as conflict:
            self.message_user(request, str(conflict), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        try:
            with transaction.atomic():
                return super().history_form_view(request, object_id, version_id, extra_context)
        except review.EditConflict as conflict:
            self.message_user(request, str(conflict), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:geo_claim_change", args=[object_id]))

    def save_model(self, request, obj, form, change):
        if change:
            review.take_revision(obj, form.cleaned_data.get("opened_revision"))
        else:
            review.start_draft(obj, request.user)
        super().save_model(request, obj, form, change)
        if change:
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

    def report(self, request, outcome):
        self.message_user(request, outcome.message, messages.SUCCESS if outcome.done else messages.ERROR)

    @admin.action(description=gettext_lazy("Publish the selected claims (all or none)"), permissions=["publish"])
    def publish_claims(self, request, queryset):
        self.report(request, review.publish(request.user, list(queryset.values_list("pk", flat=True))))

    @admin.action(description=gettext_lazy("Reject the selected claims, with a reason"), permissions=["publish"])
    def reject_claims(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        form = RejectForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            self.report(request, review.reject(request.user, ids, form.cleaned_data["reason"]))
            return None
        return self.render_reject(request, Claim.objects.filter(pk__in=ids), form, action=True)

    def render_reject(self, request, claims, form, action):
        context = {
            **self.admin_site.each_context(request), "title": _("Reject claims"), "claims": claims, "form": form,
            "opts": self.model._meta, "action": action, "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/geo/claim/reject.html", context)

    def publish_view(self, request, pk):
        claim = get_object_or_404(Claim, pk=pk)
        if request.method != "POST":
            raise PermissionDenied(_("Only reviewers publish claims."))
        self.report(request, review.publish(request.user, [claim.pk]))
        return HttpResponseRedirect(reverse("admin:geo_claim_change", args=[pk]))

    def reject_view(self, request, pk):
        claim = get_object_or_404(Claim, pk=pk)
        if not self.has_publish_permission(request):
            raise PermissionDenied(_("Only reviewers reject claims."))
        form = RejectForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            self.report(request, review.reject(request.user, [pk], form.cleaned_data["reason"]))
            return HttpResponseRedirect(reverse("admin:geo_claim_change", args=[pk]))
        return self.render_reject(request, [claim], form, action=False)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update({
            "can_publish": obj is not None and self.has_publish_permission(request),
            "map_url": map_link(obj) if obj is not None else "",
        })
        return super().render_change_form(request, context, add, change, form_url, obj)
