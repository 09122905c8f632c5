"""The share card tags (Open Graph, Twitter) of a map or widget page: pictures.cards."""
from django import template
from django.utils.html import format_html_join

from pictures.cards import card

register = template.Library()


@register.simple_tag(takes_context=True)
def share_card(context, widget=False):
    request = context["request"]
    found = card(request, widget)
    tags = [
        ("property", "og:type", "website"), ("property", "og:site_name", "ControlMap"),
        ("property", "og:url", request.build_absolute_uri()),
        ("property", "og:title", found["title"]), ("property", "og:description", found["description"]),
        ("property", "og:image", found["image"]), ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", found["width"]), ("property", "og:image:height", found["height"]),
        ("property", "og:image:alt", found["alt"]),
        ("name", "twitter:card", "summary_large_image"), ("name", "twitter:title", found["title"]),
        ("name", "twitter:description", found["description"]), ("name", "twitter:image", found["image"]),
    ]
    return format_html_join("\n  ", '<meta {}="{}" content="{}">', tags)
