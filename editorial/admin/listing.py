"""What the record lists show and search: names isolated for bidirectional text, a claim's date in the
editor's language, search by any name of a place, and the link from a claim to the map at its date."""
from django.contrib import admin
from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from geo.dates import label_in_language
from geo.text import search_variants


def name_search(queryset, term, prefix=""):
    """Places by any name or alias, ignoring case, diacritics and punctuation (Place.search_names)."""
    condition = Q()
    for variant in search_variants(term):
        condition |= Q(**{f"{prefix}search_names__contains": variant})
    return queryset.filter(condition) if condition else queryset.none()


def isolated(name, ordering=None, description=None):
    """A list column of a name isolated for bidirectional text: an Arabic name, or a right-to-left
    override character in any name, cannot reorder the text of the row around it. Its heading is
    `description` (lazy, in the editor's language), else the name."""

    @admin.display(description=description or name.replace("_", " "), ordering=ordering or name, empty_value="-")
    def column(obj):
        value = getattr(obj, name)
        return format_html("<bdi>{}</bdi>", value) if value not in (None, "") else None

    return column


@admin.display(description=gettext_lazy("effective date"), ordering="date")
def effective_date(claim):
    """As precise as the claim, in the editor's language ("Sep 2017", "c. Nov 2014")."""
    return label_in_language(claim.date, claim.precision)


def map_link(claim):
    return f"/?at={claim.date.isoformat()}&place={claim.place.slug}"
