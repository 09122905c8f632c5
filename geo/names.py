"""Names in the reader's language: a place's and a side's from their names marked preferred in that
language (PlaceName, ActorAlias); without one, the default name (English, the record's own).

A language matches exactly (`ar` is not `ar-Latn`, a transliteration). A place with names in a language
but none preferred shows the first entered; a side shows only a name marked preferred, because its
aliases include descriptions sources use ("the militant group") that are no name to label it with.
"""
from django.conf import settings

from .models import ActorAlias, PlaceName


def is_default(language):
    return not language or language == settings.LANGUAGE_CODE


def place_names(language, by="place_id"):
    """{place id (or the field `by` names, such as "place__slug"): name in `language`} for the places
    that have one."""
    if is_default(language):
        return {}
    rows = PlaceName.objects.filter(language=language).order_by("preferred", "-id")
    return dict(rows.values_list(by, "name"))  # written last wins: the preferred, else the lowest id


def actor_names(language):
    """{actor id: preferred name in `language`}."""
    if is_default(language):
        return {}
    return dict(ActorAlias.objects.filter(language=language, preferred=True).values_list("actor_id", "name"))
