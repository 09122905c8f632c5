"""Bidirectional isolation for text where no <bdi> can go (a page's <title>)."""
from django import template

from geo.text import isolated as isolate

register = template.Library()


@register.filter
def isolated(name):
    return isolate(name)
