"""The record's enumerations, named once: the models, geo.resolution, the API, its schema and the
timeline format import them from here.

Django's TextChoices need neither settings nor a database, so the pure resolution module can read
them too. The order of each list is part of the timeline format (states and precisions travel as
indexes into these lists, which the payload carries). The labels are what editors read, in their
language (lazy: translated when shown); the values are the record's and the API's.
"""
from django.db.models import TextChoices
from django.utils.translation import pgettext_lazy


class Status(TextChoices):
    """What a claim asserts about a place."""

    CONTROLLED = "controlled", pgettext_lazy("claim status", "controlled")
    CONTESTED = "contested", pgettext_lazy("claim status", "contested")
    BESIEGED = "besieged", pgettext_lazy("claim status", "besieged")
    UNKNOWN = "unknown", pgettext_lazy("claim status", "unknown")


# What a resolved state may be besides a claim's status: claims deciding together that disagree.
DISPUTED = "disputed"
STATE_STATUSES = (*Status.values, DISPUTED)


class Precision(TextChoices):
    DAY = "day", pgettext_lazy("date precision", "day")
    MONTH = "month", pgettext_lazy("date precision", "month")
    YEAR = "year", pgettext_lazy("date precision", "year")
    APPROXIMATE = "approximate", pgettext_lazy("date precision", "approximate")


class Rank(TextChoices):
    PREFERRED = "preferred", pgettext_lazy("claim rank", "preferred")
    NORMAL = "normal", pgettext_lazy("claim rank", "normal")
    SUPERSEDED = "superseded", pgettext_lazy("claim rank", "superseded")


class Review(TextChoices):
    DRAFT = "draft", pgettext_lazy("review state", "draft")
    PUBLISHED = "published", pgettext_lazy("review state", "published")
    REJECTED = "rejected", pgettext_lazy("review state", "rejected")


class Role(TextChoices):
    """The part an actor other than the holder plays in a claim."""

    CONTESTING = "contesting", pgettext_lazy("actor role", "contesting")
    BESIEGING = "besieging", pgettext_lazy("actor role", "besieging")
