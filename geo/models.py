"""The record: places, sides, who published what, and the sourced claims about control.

Invariants that must hold whatever writes the rows (forms, commands, imports, raw SQL) are
database constraints; `clean()` methods repeat them with messages an editor can act on.
"""
import calendar
import datetime as dt
import uuid

from django.conf import settings
from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .dates import format_date
from .text import search_variants

def new_key():
    return uuid.uuid4().hex


web_url = URLValidator(schemes=["http", "https"], message="Enter an http:// or https:// address.")
colour_validator = RegexValidator(r"^#[0-9a-f]{6}$", "Use a lower-case hex colour such as #d62728.")


class Place(models.Model):
    class Kind(models.TextChoices):
        CITY = "city", "city"
        TOWN = "town", "town"
        VILLAGE = "village", "village"
        NEIGHBOURHOOD = "neighbourhood", "neighbourhood"
        BORDER_CROSSING = "border_crossing", "border crossing"
        BASE = "base", "military base"
        OIL_FIELD = "oil_field", "oil field"
        DAM = "dam", "dam"
        AIRPORT = "airport", "airport"

    class Size(models.IntegerChoices):
        SITE = 1, "site or hamlet"
        VILLAGE = 2, "village"
        TOWN = 3, "town"
        CITY = 4, "city"
        MAJOR_CITY = 5, "major city"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, help_text="Stable identifier used in URLs and the API.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.TOWN)
    point = models.PointField(srid=4326)
    area = models.MultiPolygonField(srid=4326, null=True, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    country = models.CharField(max_length=2, help_text="ISO 3166-1 alpha-2 code, e.g. SY or IQ.")
    region = models.CharField("administrative region", max_length=200, blank=True)
    size_class = models.PositiveSmallIntegerField(choices=Size.choices, default=Size.TOWN)
    population = models.PositiveIntegerField(null=True, blank=True)
    wikidata_id = models.CharField(max_length=20, blank=True)
    geonames_id = models.PositiveIntegerField(null=True, blank=True)
    notes = models.TextField(blank=True)
    # Every name and alias, normalised with and without spaces (geo.text.search_variants), one
    # per line, so a substring search ignores case, diacritics, punctuation and spacing.
    search_names = models.TextField(blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(size_class__gte=1, size_class__lte=5), name="place_size_class_range"),
            models.CheckConstraint(condition=~Q(slug=""), name="place_slug_not_empty"),
            models.CheckConstraint(condition=~Q(parent=F("id")), name="place_not_own_parent"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.point is not None:
            if not -180 <= self.point.x <= 180 or not -90 <= self.point.y <= 90:
                raise ValidationError(
                    {"point": f"Longitude must be within ±180 and latitude within ±90; got {self.point.x}, {self.point.y}."}
                )
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": "A place cannot be its own parent."})

    def refresh_search_names(self, save=True):
        names = [self.name, *self.alternate_names.values_list("name", flat=True)] if self.pk else [self.name]
        self.search_names = "\n".join(dict.fromkeys(variant for name in names for variant in search_variants(name)))
        if save:
            Place.objects.filter(pk=self.pk).update(search_names=self.search_names)

    def save(self, *args, **kwargs):
        self.refresh_search_names(save=False)
        super().save(*args, **kwargs)


class PlaceName(models.Model):
    """An alternate name or spelling, with its language (BCP 47: en, ar, ar-Latn, ...)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="alternate_names")
    name = models.CharField(max_length=200)
    language = models.CharField(max_length=20, default="en")

    history = HistoricalRecords()

    class Meta:
        ordering = ["place", "language", "name"]
        constraints = [
            models.UniqueConstraint(fields=["place", "name"], name="placename_unique_per_place"),
            models.CheckConstraint(condition=~Q(name=""), name="placename_not_empty"),
        ]

    def __str__(self):
        return f"{self.name} ({self.language})"


class Actor(models.Model):
    """A side: a state force, an armed group, a militia or a foreign state."""

    class Kind(models.TextChoices):
        STATE_FORCE = "state_force", "state force"
        ARMED_GROUP = "armed_group", "armed group"
        MILITIA = "militia", "militia"
        FOREIGN_STATE = "foreign_state", "foreign state"
        COALITION = "coalition", "coalition"

    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=40)
    slug = models.SlugField(max_length=100, unique=True)
    colour = models.CharField(max_length=7, validators=[colour_validator])
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(slug=""), name="actor_slug_not_empty"),
            models.CheckConstraint(condition=Q(colour__startswith="#"), name="actor_colour_hex"),
        ]

    def __str__(self):
        return self.name


class ActorAlias(models.Model):
    """A name sources use for an actor (IS, ISIS, ISIL, Daesh, ...)."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    language = models.CharField(max_length=20, default="en")

    class Meta:
        ordering = ["actor", "name"]
        verbose_name_plural = "actor aliases"
        constraints = [models.UniqueConstraint(fields=["actor", "name"], name="actoralias_unique_per_actor")]

    def __str__(self):
        return self.name


class ActorRelation(models.Model):
    class Kind(models.TextChoices):
        BACKED_BY = "backed_by", "backed by"
        ALLIED_WITH = "allied_with", "allied with"

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    other = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="related_from")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["actor", "kind", "other__slug"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "kind", "other"], name="actorrelation_unique"),
            models.CheckConstraint(condition=~Q(actor=F("other")), name="actorrelation_not_self"),
        ]

    def __str__(self):
        return f"{self.actor} {self.get_kind_display()} {self.other}"


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


class Precision(models.TextChoices):
    DAY = "day", "day"
    MONTH = "month", "month"
    YEAR = "year", "year"
    APPROXIMATE = "approximate", "approximate"


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

    class Status(models.TextChoices):
        CONTROLLED = "controlled", "controlled"
        CONTESTED = "contested", "contested"
        BESIEGED = "besieged", "besieged"
        UNKNOWN = "unknown", "unknown"

    class Rank(models.TextChoices):
        PREFERRED = "preferred", "preferred"
        NORMAL = "normal", "normal"
        SUPERSEDED = "superseded", "superseded"

    class Review(models.TextChoices):
        DRAFT = "draft", "draft"
        PUBLISHED = "published", "published"
        REJECTED = "rejected", "rejected"

    key = models.SlugField(max_length=120, unique=True, default=new_key,
                           help_text="Stable identifier, used by imports and the seed data.")
    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="claims")
    status = models.CharField(max_length=20, choices=Status.choices)
    holder = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="held_claims",
                               help_text="Who holds the place (required for controlled and besieged).")
    date = models.DateField("effective date")
    precision = models.CharField(max_length=12, choices=Precision.choices, default=Precision.DAY)
    earliest = models.DateField(editable=False)
    latest = models.DateField(editable=False)
    end = models.DateField(null=True, blank=True, help_text="Optional: the claim asserts nothing from this day on.")
    claimant = models.CharField(max_length=200, help_text='Who asserts it, e.g. "Syrian army general command", "SOHR".')
    rank = models.CharField(max_length=12, choices=Rank.choices, default=Rank.NORMAL)
    rank_reason = models.TextField(blank=True)
    superseded_at = models.DateTimeField(null=True, blank=True,
                                         help_text="When the claim was shown wrong; views as known before then still count it.")
    superseded_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="supersedes")
    review = models.CharField(max_length=10, choices=Review.choices, default=Review.DRAFT)
    known_from = models.DateTimeField(null=True, blank=True, editable=False)
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    notes = models.TextField(blank=True)
    revision = models.PositiveIntegerField(default=1, editable=False,
                                           help_text="Moves on every save; a form opened on an older revision cannot overwrite.")

    history = HistoricalRecords(excluded_fields=["known_from", "updated_at"])

    class Meta:
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
                violation_error_message="A controlled or besieged claim needs a holder.",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["contested", "unknown"]) | Q(holder__isnull=True),
                name="claim_no_holder_when_unheld",
                violation_error_message="A contested or unknown claim has no holder: list the sides as other actors.",
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
                violation_error_message="A preferred or superseded claim needs the reason for its rank.",
            ),
            models.CheckConstraint(
                condition=~Q(rank="superseded") | Q(superseded_at__isnull=False),
                name="claim_superseded_at",
                violation_error_message="A superseded claim needs the time it was superseded.",
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
        holder = f" by {self.holder.short_name}" if self.holder_id else ""
        return f"{self.place} {self.status}{holder} from {self.date_label} ({self.claimant})"

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
            errors["holder"] = f"A {self.status} claim needs a holder: say who holds the place."
        if self.status in (self.Status.CONTESTED, self.Status.UNKNOWN) and self.holder_id:
            errors["holder"] = f"A {self.status} claim has no holder: list the sides as other actors."
        if self.date and self.precision in (Precision.MONTH, Precision.YEAR):
            start = date_bounds(self.date, self.precision)[0]
            if self.date != start:
                unit = "month" if self.precision == Precision.MONTH else "year"
                errors["date"] = (
                    f"A {unit}-precision date names no day: enter {start.isoformat()} (the first day of the {unit}), "
                    "or choose day precision."
                )
        if self.date and self.end and self.end <= self.date:
            errors["end"] = f"The end ({self.end}) must come after the effective date ({self.date})."
        if self.precision == Precision.APPROXIMATE and self.date:
            if (self.earliest and self.earliest > self.date) or (self.latest and self.latest < self.date):
                errors["date"] = "An approximate date must lie within its earliest and latest days."
        if self.rank != self.Rank.NORMAL and not self.rank_reason.strip():
            errors["rank_reason"] = f"Say why this claim is {self.rank}."
        if self.rank == self.Rank.SUPERSEDED and not self.superseded_at:
            errors["superseded_at"] = "Say when the claim was shown wrong (the publication that superseded it)."
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

    class Role(models.TextChoices):
        CONTESTING = "contesting", "contesting"
        BESIEGING = "besieging", "besieging"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="other_actors")
    actor = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=12, choices=Role.choices)

    class Meta:
        ordering = ["claim", "role", "actor"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "actor"], name="claimactor_unique"),
            models.CheckConstraint(condition=Q(role__in=["contesting", "besieging"]), name="claimactor_role_valid"),
        ]

    def __str__(self):
        return f"{self.actor} ({self.role})"


class Citation(models.Model):
    """A source and the exact words in it that support the claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    quote = models.TextField(help_text="The exact words of the source, or a close paraphrase marked as such in the note.")
    quote_is_paraphrase = models.BooleanField(default=False,
                                              help_text="The source's wording is summarised, not quoted verbatim.")
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "source__published_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "source"], name="citation_unique_per_source"),
            models.CheckConstraint(condition=~Q(quote=""), name="citation_quote_not_empty"),
        ]

    def __str__(self):
        return f"{self.source}: “{self.quote[:60]}”"


class DataVersion(models.Model):
    """One row whose counter moves on every change to published data: the cache and ETag key."""

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    # With a cache shared by every process (settings.DATA_VERSION_CACHED, on with Redis), the
    # version is read from it, so a revalidation (304) or a cached answer costs no query at all.
    CACHE_KEY = "controlmap:data-version"
    CACHE_SECONDS = 60  # a bound on staleness should the cache ever miss a write; bump() writes at once

    @classmethod
    def current(cls):
        from django.core.cache import cache

        cached = getattr(settings, "DATA_VERSION_CACHED", False)
        if cached:
            row = cache.get(cls.CACHE_KEY)
            if row is not None:
                return row
        row = cls.stored()
        if cached:
            cache.add(cls.CACHE_KEY, row, cls.CACHE_SECONDS)  # add: never overwrites what bump() wrote meanwhile
        return row

    @classmethod
    def stored(cls):
        """(version, changed_at) as the database read by this request holds it (a replica may lag).

        Read on every public request without a shared cache: one plain statement (the ORM's query
        building cost as much again as the query)."""
        from django.db import connections, router

        from .records import parse_db_moment

        with connections[router.db_for_read(cls)].cursor() as cursor:
            cursor.execute("SELECT version, changed_at FROM geo_dataversion WHERE id = 1")
            row = cursor.fetchone()
        return (row[0], parse_db_moment(row[1])) if row else (0, None)

    @classmethod
    def bump(cls):
        from django.core.cache import cache
        from django.db import transaction

        now = timezone.now()
        with transaction.atomic():
            updated = cls.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now)
            if not updated:
                cls.objects.get_or_create(pk=1, defaults={"version": 1, "changed_at": now})
            if getattr(settings, "DATA_VERSION_CACHED", False):
                # Written while the row is locked, so concurrent bumps write in version order. The data
                # of this version is committed already (bump runs on commit); were this update rolled
                # back, its version number would come back with another changed_at, which the
                # response cache keys include.
                cache.set(cls.CACHE_KEY, cls.objects.filter(pk=1).values_list("version", "changed_at").first(),
                          cls.CACHE_SECONDS)
