"""Pending changes in the admin: how an editor's save of a public record is kept for review, and the
reviewers' queue.

Every record admin mixes in ReviewedChangesMixin, so an editor who may not publish edits a public record
with the usual forms, and the write waits in editorial.pending (which decides what is public and how a
change merges) until a reviewer publishes it from the queue.
"""
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _, gettext_lazy, pgettext_lazy

from editorial import pending
from editorial.forms import RejectForm
from editorial.models import PendingChange


class ReviewedChangesMixin:
    """For a ModelAdmin of a model in editorial.pending.REVIEWED: an editor who may not publish saves a
    public record as usual (every form and inline validates and is written), then the whole write is
    rolled back and kept as a pending change. Reverting from the history needs change permission and
    follows the same rule; deleting a public record is left to reviewers."""

    change_form_template = "admin/reviewed_change_form.html"

    def has_delete_permission(self, request, obj=None):
        if pending.needs_review(request.user, obj):
            return False
        return super().has_delete_permission(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST":
            if object_id is None:
                needed = pending.addition_needs_review(request.user, self.model)
            else:
                needed = pending.needs_review(request.user, self.get_object(request, unquote(object_id)))
            if needed:
                request.capture_change = "form"
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except pending.ChangeCaptured as captured:
            return self.store_pending(request, object_id, captured.proposed)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied(_("Reverting needs permission to change this record."))
            if pending.needs_review(request.user, obj):
                request.capture_change = "revert"
        try:
            with transaction.atomic():
                return super().history_form_view(request, object_id, version_id, extra_context)
        except pending.ChangeCaptured as captured:
            return self.store_pending(request, object_id, captured.proposed)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if getattr(request, "capture_change", None) == "revert":  # a revert saves no related rows
            raise pending.ChangeCaptured(pending.snapshot(obj))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if getattr(request, "capture_change", None) == "form":
            raise pending.ChangeCaptured(pending.snapshot(form.instance))

    def store_pending(self, request, object_id, proposed):
        obj = self.get_object(request, unquote(object_id)) if object_id is not None else None
        stored = pending.propose(self.model, obj, proposed, request.user)
        if stored is None:
            self.message_user(request, _("You changed nothing: the published version stands as it is."), messages.INFO)
            return HttpResponseRedirect(request.path)
        change_url = reverse("admin:editorial_pendingchange_change", args=[stored.pk])
        if obj is None:
            self.message_user(request, format_html(_(
                'Your new {} is <a href="{}">pending review (change #{})</a>: readers see it once a reviewer '
                'publishes it.'), self.model._meta.verbose_name, change_url, stored.pk), messages.WARNING)
            return HttpResponseRedirect(change_url)
        self.message_user(request, format_html(_(
            'Your change is <a href="{}">pending review (change #{})</a>: readers keep seeing the published '
            'version until a reviewer publishes yours.'), change_url, stored.pk), messages.WARNING)
        return HttpResponseRedirect(request.path)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update({
            "pending_changes": list(pending.pending_for(obj)) if obj is not None else [],
            "change_needs_review": pending.needs_review(request.user, obj) if obj is not None
            else pending.addition_needs_review(request.user, self.model),
        })
        return super().render_change_form(request, context, add, change, form_url, obj)


class PendingStateFilter(admin.SimpleListFilter):
    """Pending first: the reviewers' queue is what the list opens on."""

    title = gettext_lazy("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [*PendingChange.State.choices, ("all", pgettext_lazy("every state", "all"))]

    def choices(self, changelist):
        value = self.value() or PendingChange.State.PENDING
        for lookup, title in self.lookup_choices:
            yield {"selected": value == lookup, "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                   "display": title}

    def queryset(self, request, queryset):
        value = self.value() or PendingChange.State.PENDING
        return queryset if value == "all" else queryset.filter(state=value)


@admin.register(PendingChange)
class PendingChangeAdmin(admin.ModelAdmin):
    """The reviewers' queue: each change as a diff against what the public sees now, to publish or reject."""

    list_display = ("number", "record", "changed", "author", "created_at", "state", "decided_by")
    list_filter = (PendingStateFilter, "content_type")
    list_select_related = ("author", "decided_by", "content_type")
    change_form_template = "admin/editorial/pendingchange/change_form.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=pgettext_lazy("a pending change", "change"))
    def number(self, change):
        return f"#{change.pk}"

    @admin.display(description=gettext_lazy("record"))
    def record(self, change):
        return format_html("<bdi>{}</bdi>", change.record_label)

    @admin.display(description=gettext_lazy("what changes"))
    def changed(self, change):
        return ", ".join(row.label for row in pending.diff(change))

    def get_urls(self):
        return [
            path("<int:pk>/publish/", self.admin_site.admin_view(self.publish_view), name="editorial_pendingchange_publish"),
            path("<int:pk>/reject/", self.admin_site.admin_view(self.reject_view), name="editorial_pendingchange_reject"),
        ] + super().get_urls()

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        target = obj.target if obj is not None and obj.object_id is not None else None
        context.update({
            "diff": pending.diff(obj) if obj is not None else [],
            "target": target,
            "target_url": reverse(f"admin:{target._meta.app_label}_{target._meta.model_name}_change", args=[target.pk])
            if target is not None else "",
            "can_publish": request.user.has_perm(pending.PUBLISH_PERMISSION),
            "reject_form": RejectForm(),
        })
        return super().render_change_form(request, context, add, change, form_url, obj)

    def publish_view(self, request, pk):
        change = get_object_or_404(PendingChange, pk=pk)
        if request.method != "POST":
            raise PermissionDenied(_("Publish with the button on the change's page."))
        try:
            pending.publish(change, request.user)
        except pending.PublishRefused as refused:
            if not request.user.has_perm(pending.PUBLISH_PERMISSION):
                raise PermissionDenied(str(refused)) from None
            self.message_user(request, str(refused), messages.ERROR)
        else:
            self.message_user(request, _("Change #%(number)s published: readers see it now.") % {"number": pk},
                              messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:editorial_pendingchange_change", args=[pk]))

    def reject_view(self, request, pk):
        change = get_object_or_404(PendingChange, pk=pk)
        if request.method != "POST" or not request.user.has_perm(pending.PUBLISH_PERMISSION):
            raise PermissionDenied(_("Only reviewers reject changes."))
        form = RejectForm(request.POST)
        if not form.is_valid():
            self.message_user(request, _("Say why the change is rejected."), messages.ERROR)
        else:
            try:
                pending.reject(change, request.user, form.cleaned_data["reason"])
            except pending.PublishRefused as refused:
                self.message_user(request, str(refused), messages.ERROR)
            else:
                self.message_user(request, _("Change #%(number)s rejected; it stays in the record with your reason.") % {
                    "number": pk}, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:editorial_pendingchange_change", args=[pk]))
