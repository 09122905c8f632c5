"""An Atom feed of newly published claims, for readers and newsrooms who follow changes.

"Newly published" is the time the claim last changed while published (updated_at): a claim about
2014 entered today is news to the feed's readers today.

Names (places, actors, claimants, outlets, source titles) are isolated for bidirectional text with
FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE: Atom titles are plain text, where no <bdi> exists, and
an Arabic name or a right-to-left override inside a name must not reorder the text around it.
"""
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import get_language, gettext, gettext_lazy as _, pgettext

from geo.dates import label_in_language
from geo.models import Claim
from geo.names import actor_names, place_names
from geo.text import isolated
from geo.vocabulary import Status

from .legacy import CURRENT

FEED_SIZE = 50


def title_of(status, place, holder, since):
    """A claim as a sentence: each status with its own, so that a language words each its own way."""
    if holder is None:
        return {
            Status.CONTROLLED: pgettext("feed", "%(place)s: controlled from %(since)s"),
            Status.CONTESTED: pgettext("feed", "%(place)s: contested from %(since)s"),
            Status.BESIEGED: pgettext("feed", "%(place)s: besieged from %(since)s"),
        }.get(status, pgettext("feed", "%(place)s: unknown from %(since)s")) % {"place": place, "since": since}
    return {
        Status.CONTROLLED: pgettext("feed", "%(place)s: controlled by %(holder)s from %(since)s"),
        Status.CONTESTED: pgettext("feed", "%(place)s: contested by %(holder)s from %(since)s"),
        Status.BESIEGED: pgettext("feed", "%(place)s: besieged by %(holder)s from %(since)s"),
    }.get(status, pgettext("feed", "%(place)s: unknown by %(holder)s from %(since)s")) % {
        "place": place, "holder": holder, "since": since}


class ChangesFeed(Feed):
    """In the language of `?lang=` (controlmap.languages), names from geo.names; quotes as their source wrote them."""

    feed_type = Atom1Feed
    title = _("ControlMap: newly published claims")
    subtitle = _("Who holds which town, from which date, and who says so.")

    def link(self):
        return reverse("api:claims", kwargs={"version": CURRENT})

    def items(self):
        claims = list(
            Claim.objects.filter(review=Claim.Review.PUBLISHED)
            .select_related("place", "holder")
            .prefetch_related("citations__source__outlet")
            .order_by("-updated_at", "-id")[:FEED_SIZE]
        )
        places, actors = place_names(get_language()), actor_names(get_language())
        for claim in claims:
            claim.place_label = places.get(claim.place_id, claim.place.name)
            claim.holder_label = actors.get(claim.holder_id, claim.holder.name) if claim.holder_id else None
        return claims

    def item_title(self, claim):
        holder = isolated(claim.holder_label) if claim.holder_label else None
        return title_of(claim.status, isolated(claim.place_label), holder, label_in_language(claim.date, claim.precision))

    def item_description(self, claim):
        """Atom summaries are HTML to feed readers: every piece of data is escaped."""
        lines = [gettext("Claimed by %(claimant)s.") % {"claimant": isolated(claim.claimant)}]
        if claim.rank == Claim.Rank.SUPERSEDED:
            lines.append(gettext("Superseded: %(reason)s") % {"reason": claim.rank_reason})
        for citation in claim.citations.all():
            lines.append(f"“{isolated(citation.quote)}” ({isolated(citation.source.outlet.name)}: {isolated(citation.source.title)})")
        return "<br>".join(escape(line) for line in lines)

    def item_link(self, claim):
        return reverse("api:place-history", kwargs={"version": CURRENT, "slug": claim.place.slug}) + f"#claim-{claim.key}"

    def item_guid(self, claim):
        return f"urn:controlmap:claim:{claim.key}:{claim.revision}"

    item_guid_is_permalink = False

    def item_updateddate(self, claim):
        return claim.updated_at

    def item_pubdate(self, claim):
        return claim.updated_at

    def item_author_name(self, claim):
        return isolated(claim.claimant)
