"""The oEmbed discovery link (https://oembed.com/#section4) for the page being rendered."""
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def oembed_discovery(context):
    request = context["request"]
    query = urlencode({"url": request.build_absolute_uri(), "format": "json"})
    href = request.build_absolute_uri(f"{reverse('embed:oembed')}?{query}")
    return format_html('<link rel="alternate" type="application/json+oembed" href="{}" title="ControlMap">', href)
