"""Who published what: outlets and their sources (articles, statements)."""
import uuid

from django.contrib.gis.db import models
from django.core.validators import URLValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def new_key():
    return uuid.uuid4().hex


web_url = URLValidator(schemes=["http", "https"], message=_("Enter an http:// or https:// address."))


class Outlet(models.Model):
    """A publisher. Alignment and reliability notes help editors weigh its claims."""

    class Reliability(models.TextChoices):
        HIGH = "high", _("generally reliable")
        MIXED = "mixed", _("mixed")
        PARTISAN = "partisan", _("partisan (trust only against its own side's interest)")
        UNKNOWN = "unknown", _("unknown")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    homepage = models.URLField(_("homepage"), blank=True, validators=[web_url])
    alignment = models.CharField(_("alignment"), max_length=200, blank=True, help_text=_("e.g. Syrian state media, independent wire."))
    reliability = models.CharField(_("reliability"), max_length=10, choices=Reliability.choices, default=Reliability.UNKNOWN)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Source(models.Model):
    """One article or statement. Its publication time is what knowledge-time views use."""

    key = models.SlugField(_("key"), max_length=120, unique=True, default=new_key,
                           help_text=_("Stable identifier, used by imports and the seed data."))
    outlet = models.ForeignKey(Outlet, verbose_name=_("outlet"), on_delete=models.PROTECT, related_name="sources")
    url = models.URLField(_("url"), max_length=500, unique=True, null=True, blank=True, validators=[web_url],
                          help_text=_("Leave empty only for a statement with no web address (the quote must then carry the evidence)."))
    title = models.CharField(_("title"), max_length=500)
    author = models.CharField(_("author"), max_length=200, blank=True)
    published_at = models.DateTimeField(_("published at"), help_text=_("Date and time of publication, with time zone."))
    retrieved_at = models.DateTimeField(_("retrieved at"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=20, default="en")
    archive_url = models.URLField(_("archive url"), max_length=500, blank=True, validators=[web_url])
    full_text = models.TextField(_("full text"), blank=True)
    seed_file = models.CharField(_("seed file"), max_length=200, blank=True, help_text=_("File name under seeds/ holding the text."))
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["-published_at"]
        indexes = [models.Index(fields=["published_at"], name="source_published_idx")]
        constraints = [
            models.CheckConstraint(condition=~Q(url=""), name="source_url_null_not_empty"),
            models.CheckConstraint(
                condition=Q(url__isnull=True) | Q(url__startswith="http://") | Q(url__startswith="https://"),
                name="source_url_http",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.outlet}, {self.published_at:%Y-%m-%d})"

    def save(self, *args, **kwargs):
        if self.url == "":
            self.url = None
        super().save(*args, **kwargs)
