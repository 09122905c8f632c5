"""The sides: actors, the names sources use for them, and how they relate."""
from django.contrib.gis.db import models
from django.core.validators import RegexValidator
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

colour_validator = RegexValidator(r"^#[0-9a-f]{6}$", _("Use a lower-case hex colour such as #d62728."))


class Actor(models.Model):
    """A side: a state force, an armed group, a militia or a foreign state."""

    class Kind(models.TextChoices):
        STATE_FORCE = "state_force", _("state force")
        ARMED_GROUP = "armed_group", _("armed group")
        MILITIA = "militia", _("militia")
        FOREIGN_STATE = "foreign_state", _("foreign state")
        COALITION = "coalition", _("coalition")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    colour = models.CharField(_("colour"), max_length=7, validators=[colour_validator])
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("side")
        verbose_name_plural = _("sides")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(slug=""), name="actor_slug_not_empty"),
            models.CheckConstraint(condition=Q(colour__startswith="#"), name="actor_colour_hex"),
        ]

    def __str__(self):
        return self.name


class ActorAlias(models.Model):
    """A name sources use for an actor (IS, ISIS, ISIL, Daesh, ...); the preferred one in a language is
    the side's name for readers in that language (geo.names)."""

    actor = models.ForeignKey(Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("name"), max_length=200)
    language = models.CharField(_("language"), max_length=20, default="en")
    preferred = models.BooleanField(_("preferred"), default=False, help_text=_("The side's name (and short name) for readers in this language."))

    class Meta:
        verbose_name = _("side's name")
        verbose_name_plural = _("sides' names")
        ordering = ["actor", "name"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "name"], name="actoralias_unique_per_actor"),
            models.UniqueConstraint(fields=["actor", "language"], condition=Q(preferred=True),
                                    name="actoralias_one_preferred_per_language"),
        ]

    def __str__(self):
        return self.name


class ActorRelation(models.Model):
    class Kind(models.TextChoices):
        BACKED_BY = "backed_by", _("backed by")
        ALLIED_WITH = "allied_with", _("allied with")

    actor = models.ForeignKey(Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    other = models.ForeignKey(Actor, verbose_name=_("other"), on_delete=models.CASCADE, related_name="related_from")
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        ordering = ["actor", "kind", "other__slug"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "kind", "other"], name="actorrelation_unique"),
            models.CheckConstraint(condition=~Q(actor=F("other")), name="actorrelation_not_self"),
        ]

    def __str__(self):
        return f"{self.actor} {self.get_kind_display()} {self.other}"
