"""Pending changes: what an editor proposed for a record the public already sees.

The public record changes only when a reviewer publishes. An editor's edit of a published claim, or
of a source a published claim cites, is kept here instead of being written: the published version it
was made against (`base`; empty for a new record) and the version the editor saved (`proposed`), both
as plain JSON built by editorial.pending. Rows are never deleted; published and rejected changes stay as the history of
what was proposed, by whom, and who decided.
"""
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _, pgettext_lazy


class PendingChange(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", pgettext_lazy("pending change", "pending review")
        PUBLISHED = "published", pgettext_lazy("pending change", "published")
        REJECTED = "rejected", pgettext_lazy("pending change", "rejected")

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("kind of record"))
    object_id = models.PositiveBigIntegerField(_("record id"), null=True, blank=True, help_text=_("Empty for a new record."))
    target = GenericForeignKey("content_type", "object_id")
    base = models.JSONField(_("published version"), help_text=_("The published version the change was made against."))
    proposed = models.JSONField(_("proposed version"), help_text=_("The version the editor saved."))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("author"))
    created_at = models.DateTimeField(_("proposed at"), default=timezone.now, editable=False)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True, help_text=_("Why a reviewer rejected the change."))

    class Meta:
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "state"], name="pendingchange_target_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=["pending", "published", "rejected"]),
                                   name="pendingchange_state_valid"),
            models.CheckConstraint(
                condition=Q(state="pending", decided_by__isnull=True, decided_at__isnull=True)
                | Q(~Q(state="pending"), decided_by__isnull=False, decided_at__isnull=False),
                name="pendingchange_decision_recorded",
                violation_error_message=_("A published or rejected change records who decided and when."),
            ),
            models.CheckConstraint(
                condition=~Q(state="rejected") | ~Q(reason=""),
                name="pendingchange_rejection_reason",
                violation_error_message=_("A rejected change needs the reason."),
            ),
        ]

    def __str__(self):
        return gettext("Change #%(number)s to %(record)s by %(author)s") % {
            "number": self.pk, "record": self.record_label, "author": self.author}

    @property
    def record_label(self):
        if self.object_id is None:
            fields = self.proposed.get("fields", {})
            return (gettext("new %(kind)s: %(name)s") % {
                "kind": self.content_type.name, "name": fields.get("name") or fields.get("title") or ""}).strip()
        target = self.target
        return str(target) if target is not None else gettext("%(kind)s #%(number)s (deleted)") % {
            "kind": self.content_type.name, "number": self.object_id}
