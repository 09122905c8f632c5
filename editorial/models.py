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


class PendingChange(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "pending review"
        PUBLISHED = "published", "published"
        REJECTED = "rejected", "rejected"

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True, blank=True, help_text="Empty for a new record.")
    target = GenericForeignKey("content_type", "object_id")
    base = models.JSONField(help_text="The published version the change was made against.")
    proposed = models.JSONField(help_text="The version the editor saved.")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True, help_text="Why a reviewer rejected the change.")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "state"], name="pendingchange_target_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=["pending", "published", "rejected"]),
                                   name="pendingchange_state_valid"),
            models.CheckConstraint(
                condition=Q(state="pending", decided_by__isnull=True, decided_at__isnull=True)
                | Q(~Q(state="pending"), decided_by__isnull=False, decided_at__isnull=False),
                name="pendingchange_decision_recorded",
                violation_error_message="A published or rejected change records who decided and when.",
            ),
            models.CheckConstraint(
                condition=~Q(state="rejected") | ~Q(reason=""),
                name="pendingchange_rejection_reason",
                violation_error_message="A rejected change needs the reason.",
            ),
        ]

    def __str__(self):
        return f"Change #{self.pk} to {self.record_label} by {self.author}"

    @property
    def record_label(self):
        if self.object_id is None:
            fields = self.proposed.get("fields", {})
            return f"new {self.content_type.name}: {fields.get('name') or fields.get('title') or ''}".strip()
        target = self.target
        return str(target) if target is not None else f"{self.content_type.name} #{self.object_id} (deleted)"
