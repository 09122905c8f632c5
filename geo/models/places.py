"""Places and their alternate names: what the map shows a state for."""
from django.contrib.gis.db import models
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.utils.translation import gettext, gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..text import search_variants


class Place(models.Model):
    class Kind(models.TextChoices):
        CITY = "city", _("city")
        TOWN = "town", _("town")
        VILLAGE = "village", _("village")
        NEIGHBOURHOOD = "neighbourhood", _("neighbourhood")
        BORDER_CROSSING = "border_crossing", _("border crossing")
        BASE = "base", _("military base")
        OIL_FIELD = "oil_field", _("oil field")
        DAM = "dam", _("dam")
        AIRPORT = "airport", _("airport")

    class Size(models.IntegerChoices):
        SITE = 1, _("site or hamlet")
        VILLAGE = 2, _("village")
        TOWN = 3, _("town")
        CITY = 4, _("city")
        MAJOR_CITY = 5, _("major city")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, help_text=_("Stable identifier used in URLs and the API."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TOWN)
    point = models.PointField(_("point"), srid=4326)
    area = models.MultiPolygonField(_("area"), srid=4326, null=True, blank=True)
    parent = models.ForeignKey("self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    country = models.CharField(_("country"), max_length=2, help_text=_("ISO 3166-1 alpha-2 code, e.g. SY or IQ."))
    region = models.CharField(_("administrative region"), max_length=200, blank=True)
    size_class = models.PositiveSmallIntegerField(_("size class"), choices=Size.choices, default=Size.TOWN)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    wikidata_id = models.CharField(_("wikidata id"), max_length=20, blank=True)
    geonames_id = models.PositiveIntegerField(_("geonames id"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # Every name and alias, normalised with and without spaces (geo.text.search_variants), one
    # per line, so a substring search ignores case, diacritics, punctuation and spacing.
    search_names = models.TextField(_("search names"), blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
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
                    {"point": gettext("Longitude must be within ±180 and latitude within ±90; got %(x)s, %(y)s.") % {
                        "x": self.point.x, "y": self.point.y}}
                )
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": gettext("A place cannot be its own parent.")})

    def refresh_search_names(self, save=True):
        names = [self.name, *self.alternate_names.values_list("name", flat=True)] if self.pk else [self.name]
        self.search_names = "\n".join(dict.fromkeys(variant for name in names for variant in search_variants(name)))
        if save:
            Place.objects.filter(pk=self.pk).update(search_names=self.search_names)

    def save(self, *args, **kwargs):
        self.refresh_search_names(save=False)
        super().save(*args, **kwargs)


class PlaceName(models.Model):
    """An alternate name or spelling, with its language (BCP 47: en, ar, ar-Latn, ...); the preferred one
    in a language is the place's name for readers in that language (geo.names)."""

    place = models.ForeignKey(Place, verbose_name=_("place"), on_delete=models.CASCADE, related_name="alternate_names")
    name = models.CharField(_("name"), max_length=200)
    language = models.CharField(_("language"), max_length=20, default="en")
    preferred = models.BooleanField(_("preferred"), default=False, help_text=_("The place's name for readers in this language."))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("place name")
        verbose_name_plural = _("place names")
        ordering = ["place", "language", "name"]
        constraints = [
            models.UniqueConstraint(fields=["place", "name"], name="placename_unique_per_place"),
            models.UniqueConstraint(fields=["place", "language"], condition=Q(preferred=True),
                                    name="placename_one_preferred_per_language"),
            models.CheckConstraint(condition=~Q(name=""), name="placename_not_empty"),
        ]

    def __str__(self):
        return f"{self.name} ({self.language})"
