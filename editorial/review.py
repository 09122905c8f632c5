"""How a claim moves through review, apart from the pages that ask for it.

A claim becomes public only here: a reviewer publishes it (with at least one quoted citation) or
rejects it with a reason, all the selected claims or none. Two editors saving the same claim are kept
apart by its revision number (optimistic locking): a save names the revision its form was opened at,
and loses, with a message saying who saved in between, if the claim has moved on. The admin pages in
editorial.admin.claims only ask and report; a change to a claim that is already public goes through
editorial.pending instead.
"""
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext

from geo.models import Citation, Claim

from .pending import PUBLISH_PERMISSION


class EditConflict(Exception):
    """Raised when a claim moved on between opening a form and saving it."""


def conflict_message(claim_id, opened):
    latest = Claim.history.filter(id=claim_id).select_related("history_user").first()
    current = Claim.objects.filter(pk=claim_id).values_list("revision", flat=True).first()
    slots = {"opened": opened, "current": current}
    if latest is None:
        changed = _("This claim was changed after you opened it")
    else:
        changed = _("This claim was changed by %(who)s at %(when)s UTC after you opened it") % {
            "who": latest.history_user or _("someone"), "when": f"{latest.history_date:%Y-%m-%d %H:%M}"}
    return changed + _(
        " (you opened revision %(opened)s; it is now revision %(current)s). Your changes were not saved, so nothing "
        "was overwritten: open the claim again to see the other changes, then make yours.") % slots


def start_draft(claim, editor):
    """A new claim is the editor's draft at revision 1, whatever the form said."""
    claim.editor = editor
    claim.review = Claim.Review.DRAFT
    claim.revision = 1


def take_revision(claim, opened):
    """Before an editor's save of a stored claim: claim the next revision if the claim is still at the one
    the form was opened at (None: the current one), or raise EditConflict. The review state is kept as
    stored, since it moves only through publish and reject (a revert must not publish an old copy)."""
    current = Claim.objects.filter(pk=claim.pk).values("review", "revision").get()
    claim.review = current["review"]
    opened = opened or current["revision"]
    if not Claim.objects.filter(pk=claim.pk, revision=opened).update(revision=opened + 1):
        raise EditConflict(conflict_message(claim.pk, opened))
    claim.revision = opened + 1


def may_review(user):
    return user.has_perm(PUBLISH_PERMISSION)


def apply_review(user, claim_ids, review, reason=""):
    """Publish or reject the claims, all or none; returns an error message or None."""
    with transaction.atomic():
        claims = list(Claim.objects.select_for_update().filter(pk__in=claim_ids).order_by("pk"))
        if review == Claim.Review.PUBLISHED:
            quoted = set(Citation.objects.filter(claim__in=claims).exclude(quote="").values_list("claim_id", flat=True))
            unquoted = [c for c in claims if c.pk not in quoted]
            if unquoted:
                names = "; ".join(f"#{c.pk} {c}" for c in unquoted)
                return ngettext(
                    "Nothing was published: %(count)d claim has no citation with a quote, and a claim is published "
                    "only with the source's words that support it: %(names)s.",
                    "Nothing was published: %(count)d claims have no citation with a quote, and a claim is published "
                    "only with the source's words that support it: %(names)s.", len(unquoted)) % {
                    "count": len(unquoted), "names": names}
        stamp = timezone.now().strftime("%Y-%m-%d %H:%M")
        try:
            for claim in claims:
                claim.review = review
                claim.revision += 1
                if reason:
                    claim.notes = f"{claim.notes}\n\nRejected by {user} on {stamp} UTC: {reason}".strip()
                claim._history_user = user
                claim._change_reason = (f"{review}: {reason}" if reason else review)[:100]
                claim.save()
        except IntegrityError as error:
            transaction.set_rollback(True)
            return _("Nothing was changed: the database refused the change (%(error)s).") % {"error": error}
    return None


@dataclass(frozen=True)
class Outcome:
    """What a reviewer is told after publishing or rejecting."""

    done: bool
    message: str


def _outcome(count, review, error):
    if error:
        return Outcome(False, error)
    if review == Claim.Review.PUBLISHED:
        done = ngettext("%(count)d claim published.", "%(count)d claims published.", count)
    else:
        done = ngettext("%(count)d claim rejected.", "%(count)d claims rejected.", count)
    return Outcome(True, done % {"count": count})


def publish(user, claim_ids):
    if not may_review(user):
        raise PermissionDenied(_("Only reviewers publish claims."))
    return _outcome(len(claim_ids), Claim.Review.PUBLISHED, apply_review(user, claim_ids, Claim.Review.PUBLISHED))


def reject(user, claim_ids, reason):
    if not may_review(user):
        raise PermissionDenied(_("Only reviewers reject claims."))
    return _outcome(len(claim_ids), Claim.Review.REJECTED, apply_review(user, claim_ids, Claim.Review.REJECTED, reason))
