"""Who published what: outlets and their sources (articles, statements)."""
import uuid

from django.contrib.gis.db import models
from django.core.validators import URLValidator
from django.db.models import Q
from simple_history.models import HistoricalRecords


def new_key():
    return uuid.uuid4().hex


web_url = URLValidator(schemes=["http", "https"], message="Enter an http:// or https:// address.")


class Outlet(models.Model):
    """A publisher. Alignment and reliability notes help editors weigh its claims."""

    class Reliability(models.TextChoices):
        HIGH = "high", "generally reliable"
        MIXED = "mixed", "mixed"
        PARTISAN = "partisan", "partisan (trust only against its own side's interest)"
        UNKNOWN = "unknown", "unknown"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    homepage = models.URLField(blank=True, validators=[web_url])
    alignment = models.CharField(max_length=200, blank=True, help_text="e.g. Syrian state media, independent wire.")
    reliability = models.CharField(max_length=10, choices=Reliability.choices, default=Reliability.UNKNOWN)
    notes = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Source(models.Model):
    """One article or statement. Its publication time is what knowledge-time views use."""

    key = models.SlugField(max_length=120, unique=True, default=new_key,
                           help_text="Stable identifier, used by imports and the seed data.")
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="sources")
    url = models.URLField(max_length=500, unique=True, null=True, blank=True, validators=[web_url],
                          help_text="Leave empty only for a statement with no web address (the quote must then carry the evidence).")
    title = models.CharField(max_length=500)
    author = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(help_text="Date and time of publication, with time zone.")
    retrieved_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=20, default="en")
    archive_url = models.URLField(max_length=500, blank=True, validators=[web_url])
    full_text = models.TextField(blank=True)
    seed_file = models.CharField(max_length=200, blank=True, help_text="File name under seeds/ holding the text.")
    notes = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
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
