"""The sourced claims about control: a claim, the other actors it names and its citations."""
import calendar
import datetime as dt

from django.conf import settings
from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..dates import format_date
from ..vocabulary import Precision, Rank, Review, Role, Status
from .actors import Actor
from .places import Place
from .sources import Source, new_key



def date_bounds(date, precision, earliest=None, latest=None):
    """The earliest and latest days a date of this precision allows.

    Day, month and year are exact periods. An approximate date ("nearly three years ago") keeps the
    window the editor gives, or 45 days either side of the stated day when none is given.
    """
    if precision == Precision.DAY:
        return date, date
    if precision == Precision.MONTH:
        return date.replace(day=1), date.replace(day=calendar.monthrange(date.year, date.month)[1])
    if precision == Precision.YEAR:
        return date.replace(month=1, day=1), date.replace(month=12, day=31)
    margin = dt.timedelta(days=45)
    return earliest or date - margin, latest or date + margin


class Claim(models.Model):
    """One sourced assertion about who controls one place from one date.

    `date` is when the claim takes effect (see geo.resolution for the rules); `earliest` and
    `latest` bound what its precision allows. `known_from` is the earliest publication among its
    citations, kept here so knowledge-time queries need no join; triggers in the database keep it
    (migration 0004), whatever writes the claim, its citations or their sources.
    """

    Status, Rank, Review = Status, Rank, Review

    key = models.SlugField(_("key"), max_length=120, unique=True, default=new_key,
                           help_text=_("Stable identifier, used by imports and the seed data."))
    place = models.ForeignKey(Place, verbose_name=_("place"), on_delete=models.PROTECT, related_name="claims")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    holder = models.ForeignKey(Actor, verbose_name=_("holder"), null=True, blank=True, on_delete=models.PROTECT, related_name="held_claims",
                               help_text=_("Who holds the place (required for controlled and besieged)."))
    date = models.DateField(_("effective date"))
    precision = models.CharField(_("precision"), max_length=12, choices=Precision.choices, default=Precision.DAY)
    earliest = models.DateField(_("earliest"), editable=False)
    latest = models.DateField(_("latest"), editable=False)
    end = models.DateField(_("end"), null=True, blank=True, help_text=_("Optional: the claim asserts nothing from this day on."))
    claimant = models.CharField(_("claimant"), max_length=200, help_text=_('Who asserts it, e.g. "Syrian army general command", "SOHR".'))
    rank = models.CharField(_("rank"), max_length=12, choices=Rank.choices, default=Rank.NORMAL)
    rank_reason = models.TextField(_("rank reason"), blank=True)
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True,
                                         help_text=_("When the claim was shown wrong; views as known before then still count it."))
    superseded_by = models.ForeignKey("self", verbose_name=_("superseded by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="supersedes")
    review = models.CharField(_("review"), max_length=10, choices=Review.choices, default=Review.DRAFT)
    known_from = models.DateTimeField(_("known from"), null=True, blank=True, editable=False)
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("editor"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    notes = models.TextField(_("notes"), blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False,
                                           help_text=_("Moves on every save; a form opened on an older revision cannot overwrite."))

    history = HistoricalRecords(excluded_fields=["known_from", "updated_at"])

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["place", "date", "id"]
        permissions = [("publish_claim", "Can publish or reject claims")]
        indexes = [
            # The snapshot and timeline queries walk published claims per place in date order.
            models.Index(fields=["place", "date"], name="claim_place_date_idx", condition=Q(review="published")),
            models.Index(fields=["date"], name="claim_date_idx", condition=Q(review="published")),
            models.Index(fields=["review", "updated_at"], name="claim_review_updated_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status__in=["controlled", "besieged"]) | Q(holder__isnull=False),
                name="claim_holder_required",
                violation_error_message=_("A controlled or besieged claim needs a holder."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["contested", "unknown"]) | Q(holder__isnull=True),
                name="claim_no_holder_when_unheld",
                violation_error_message=_("A contested or unknown claim has no holder: list the sides as other actors."),
            ),
            models.CheckConstraint(condition=Q(earliest__lte=F("date"), latest__gte=F("date")), name="claim_date_within_bounds"),
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(end__gt=F("date")), name="claim_end_after_date"),
            models.CheckConstraint(
                condition=~Q(precision="day") | Q(earliest=F("date"), latest=F("date")), name="claim_day_bounds"
            ),
            models.CheckConstraint(
                condition=~Q(precision__in=["month", "year"]) | Q(earliest=F("date")), name="claim_period_starts_at_date"
            ),
            models.CheckConstraint(
                condition=Q(rank="normal") | ~Q(rank_reason=""),
                name="claim_rank_reason",
                violation_error_message=_("A preferred or superseded claim needs the reason for its rank."),
            ),
            models.CheckConstraint(
                condition=~Q(rank="superseded") | Q(superseded_at__isnull=False),
                name="claim_superseded_at",
                violation_error_message=_("A superseded claim needs the time it was superseded."),
            ),
            models.CheckConstraint(condition=~Q(claimant=""), name="claim_claimant_not_empty"),
            models.CheckConstraint(condition=Q(status__in=["controlled", "contested", "besieged", "unknown"]), name="claim_status_valid"),
            models.CheckConstraint(condition=Q(rank__in=["preferred", "normal", "superseded"]), name="claim_rank_valid"),
            models.CheckConstraint(condition=Q(review__in=["draft", "published", "rejected"]), name="claim_review_valid"),
            models.CheckConstraint(
                condition=Q(precision__in=["day", "month", "year", "approximate"]), name="claim_precision_valid"
            ),
        ]

    def __str__(self):
        slots = {"place": self.place, "status": self.get_status_display(), "date": self.date_label, "claimant": self.claimant}
        if self.holder_id:
            return gettext("%(place)s %(status)s by %(holder)s from %(date)s (%(claimant)s)") % {
                **slots, "holder": self.holder.short_name}
        return gettext("%(place)s %(status)s from %(date)s (%(claimant)s)") % slots

    @property
    def date_label(self):
        return format_date(self.date, self.precision)

    def normalise_date(self):
        """Derive the earliest and latest days from the date and its precision.

        A month or year date must already be the first day of its period (clean() says so, and a
        constraint refuses anything else): a false day is never silently rewritten.
        """
        if self.date is None:
            return
        if self.precision == Precision.APPROXIMATE:
            self.earliest, self.latest = date_bounds(self.date, self.precision, self.earliest, self.latest)
        else:
            self.earliest, self.latest = date_bounds(self.date, self.precision)

    def clean(self):
        errors = {}
        if self.status in (self.Status.CONTROLLED, self.Status.BESIEGED) and not self.holder_id:
            errors["holder"] = gettext("A %(status)s claim needs a holder: say who holds the place.") % {
                "status": self.get_status_display()}
        if self.status in (self.Status.CONTESTED, self.Status.UNKNOWN) and self.holder_id:
            errors["holder"] = gettext("A %(status)s claim has no holder: list the sides as other actors.") % {
                "status": self.get_status_display()}
        if self.date and self.precision in (Precision.MONTH, Precision.YEAR):
            start = date_bounds(self.date, self.precision)[0]
            if self.date != start:
                errors["date"] = (gettext(
                    "A month-precision date names no day: enter %(start)s (the first day of the month), or choose day "
                    "precision.") if self.precision == Precision.MONTH else gettext(
                    "A year-precision date names no day: enter %(start)s (the first day of the year), or choose day "
                    "precision.")) % {"start": start.isoformat()}
        if self.date and self.end and self.end <= self.date:
            errors["end"] = gettext("The end (%(end)s) must come after the effective date (%(date)s).") % {
                "end": self.end, "date": self.date}
        if self.precision == Precision.APPROXIMATE and self.date:
            if (self.earliest and self.earliest > self.date) or (self.latest and self.latest < self.date):
                errors["date"] = gettext("An approximate date must lie within its earliest and latest days.")
        if self.rank != self.Rank.NORMAL and not self.rank_reason.strip():
            errors["rank_reason"] = gettext("Say why this claim is %(rank)s.") % {"rank": self.get_rank_display()}
        if self.rank == self.Rank.SUPERSEDED and not self.superseded_at:
            errors["superseded_at"] = gettext("Say when the claim was shown wrong (the publication that superseded it).")
        if errors:
            raise ValidationError(errors)

    def clean_fields(self, exclude=None):
        self.normalise_date()
        super().clean_fields(exclude=exclude)

    def save(self, *args, **kwargs):
        self.normalise_date()
        super().save(*args, **kwargs)

    def refresh_known_from(self):
        """Read `known_from` again: the database's triggers (migration 0004) keep it, and a citation
        or source written since leaves this instance's copy behind."""
        self.refresh_from_db(fields=["known_from"])

    @property
    def has_quoted_citation(self):
        return self.citations.exclude(quote="").exists()


class ClaimActor(models.Model):
    """An actor other than the holder, with its role in the claim."""

    Role = Role

    claim = models.ForeignKey(Claim, verbose_name=_("claim"), on_delete=models.CASCADE, related_name="other_actors")
    actor = models.ForeignKey(Actor, verbose_name=_("actor"), on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)

    class Meta:
        verbose_name = _("other side")
        verbose_name_plural = _("other sides")
        ordering = ["claim", "role", "actor"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "actor"], name="claimactor_unique"),
            models.CheckConstraint(condition=Q(role__in=["contesting", "besieging"]), name="claimactor_role_valid"),
        ]

    def __str__(self):
        return f"{self.actor} ({self.role})"


class Citation(models.Model):
    """A source and the exact words in it that support the claim."""

    claim = models.ForeignKey(Claim, verbose_name=_("claim"), on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="citations")
    quote = models.TextField(_("quote"), help_text=_("The exact words of the source, or a close paraphrase marked as such in the note."))
    quote_is_paraphrase = models.BooleanField(_("quote is paraphrase"), default=False,
                                              help_text=_("The source's wording is summarised, not quoted verbatim."))
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["claim", "source__published_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "source"], name="citation_unique_per_source"),
            models.CheckConstraint(condition=~Q(quote=""), name="citation_quote_not_empty"),
        ]

    def __str__(self):
        return f"{self.source}: “{self.quote[:60]}”"
