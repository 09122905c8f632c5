"""The record's enumerations, named once: the models, geo.resolution, the API, its schema and the
timeline format import them from here.

Django's TextChoices need neither settings nor a database, so the pure resolution module can read
them too. The order of each list is part of the timeline format (states and precisions travel as
indexes into these lists, which the payload carries).
"""
from django.db.models import TextChoices


class Status(TextChoices):
    """What a claim asserts about a place."""

    CONTROLLED = "controlled", "controlled"
    CONTESTED = "contested", "contested"
    BESIEGED = "besieged", "besieged"
    UNKNOWN = "unknown", "unknown"


# What a resolved state may be besides a claim's status: claims deciding together that disagree.
DISPUTED = "disputed"
STATE_STATUSES = (*Status.values, DISPUTED)


class Precision(TextChoices):
    DAY = "day", "day"
    MONTH = "month", "month"
    YEAR = "year", "year"
    APPROXIMATE = "approximate", "approximate"


class Rank(TextChoices):
    PREFERRED = "preferred", "preferred"
    NORMAL = "normal", "normal"
    SUPERSEDED = "superseded", "superseded"


class Review(TextChoices):
    DRAFT = "draft", "draft"
    PUBLISHED = "published", "published"
    REJECTED = "rejected", "rejected"


class Role(TextChoices):
    """The part an actor other than the holder plays in a claim."""

    CONTESTING = "contesting", "contesting"
    BESIEGING = "besieging", "besieging"
