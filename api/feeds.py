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

from geo.models import Claim
from geo.text import isolated

from .legacy import CURRENT

FEED_SIZE = 50


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    title = "ControlMap: newly published claims"
    subtitle = "Who holds which town, from which date, and who says so."

    def link(self):
        return reverse("api:claims", kwargs={"version": CURRENT})

    def items(self):
        return list(
            Claim.objects.filter(review=Claim.Review.PUBLISHED)
            .select_related("place", "holder")
            .prefetch_related("citations__source__outlet")
            .order_by("-updated_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, claim):
        holder = f" by {isolated(claim.holder.name)}" if claim.holder_id else ""
        return f"{isolated(claim.place.name)}: {claim.status}{holder} from {claim.date_label}"

    def item_description(self, claim):
        """Atom summaries are HTML to feed readers: every piece of data is escaped."""
        lines = [f"Claimed by {isolated(claim.claimant)}."]
        if claim.rank == Claim.Rank.SUPERSEDED:
            lines.append(f"Superseded: {claim.rank_reason}")
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
