"""Saving an article and the assistant's proposals: one source, draft claims, their citations.

All or nothing: a proposal that fails validation rolls the whole article back, with a message
naming the proposal, so an editor never finds half an article in the record. Nothing is published.
"""
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from geo.models import Actor, Citation, Claim, ClaimActor, Outlet, Place, Source

ROLE_FOR_STATUS = {Claim.Status.CONTESTED: ClaimActor.Role.CONTESTING, Claim.Status.BESIEGED: ClaimActor.Role.BESIEGING}


def existing_source_for(url):
    return Source.objects.filter(url=url).first() if url else None


@transaction.atomic
def save_article(*, outlet, title, published_at, text, proposals, url=None, seed_file="", user=None, claimant=""):
    """Create the source and one draft claim (with its citation) per proposal; returns (source, claims).

    `proposals` are dicts or assistant.Proposal objects with place, status, holder, others, date
    (a date), precision, quote, confidence, why and optionally claimant.
    """
    if not isinstance(outlet, Outlet):
        raise ValidationError(_("Unknown outlet %(outlet)r.") % {"outlet": outlet})
    duplicate = existing_source_for(url)
    if duplicate:
        raise ValidationError(_("A source with the URL %(url)s already exists: “%(title)s” (id %(id)s).") % {
            "url": url, "title": duplicate.title, "id": duplicate.pk})
    source = Source(outlet=outlet, title=title, url=url or None, published_at=published_at, full_text=text,
                    seed_file=seed_file)
    source.full_clean()
    source.save()
    places = {p.slug: p for p in Place.objects.all()}
    actors = {a.slug: a for a in Actor.objects.all()}
    claims = []
    for number, proposal in enumerate(proposals, start=1):
        item = proposal if isinstance(proposal, dict) else vars_of(proposal)
        label = _("Proposal %(number)s (%(place)s)") % {"number": number, "place": item.get("place") or _("no place")}
        try:
            claims.append(_draft(item, source, places, actors, user, claimant or outlet.name))
        except ValidationError as error:
            messages = "; ".join(f"{k}: {' '.join(v)}" if k != "__all__" else " ".join(v)
                                 for k, v in error.message_dict.items()) if hasattr(error, "error_dict") else " ".join(error.messages)
            raise ValidationError(f"{label}: {messages}") from None
    return source, claims


def vars_of(proposal):
    return {name: getattr(proposal, name) for name in
            ("place", "status", "holder", "others", "date", "precision", "quote", "confidence", "why", "claimant")}


def _draft(item, source, places, actors, user, default_claimant):
    place = places.get(item.get("place"))
    if place is None:
        raise ValidationError({"place": [_("No place with the slug %(slug)r.") % {"slug": item.get("place")}]})
    holder_slug = item.get("holder") or None
    if holder_slug and holder_slug not in actors:
        raise ValidationError({"holder": [_("No side with the slug %(slug)s.") % {"slug": repr(holder_slug)}]})
    others = [slug for slug in item.get("others") or [] if slug]
    unknown = [slug for slug in others if slug not in actors]
    if unknown:
        raise ValidationError({"others": [_("No side with the slug %(slug)s.") % {"slug": ", ".join(map(repr, unknown))}]})
    date = item.get("date")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            raise ValidationError({"date": [_("%(date)r is not a date (YYYY-MM-DD).") % {"date": date}]}) from None
    quote = (item.get("quote") or "").strip()
    if not quote:
        raise ValidationError({"quote": [_("A draft needs the supporting sentence as its quote.")]})
    confidence = item.get("confidence")
    claim = Claim(
        place=place, status=item.get("status"), holder=actors.get(holder_slug) if holder_slug else None, date=date,
        precision=item.get("precision") or "day", claimant=(item.get("claimant") or default_claimant).strip()[:200],
        review=Claim.Review.DRAFT, editor=user,
        notes=f"Proposed by the article assistant (confidence {confidence}): {item.get('why', '')}".strip(),
    )
    claim.full_clean(exclude=["earliest", "latest"])
    claim.save()
    role = ROLE_FOR_STATUS.get(claim.status)
    if others and role is None:
        raise ValidationError({"others": [_("A %(status)s claim lists no other sides.") % {"status": claim.get_status_display()}]})
    for slug in others:
        if slug != holder_slug:
            ClaimActor.objects.create(claim=claim, actor=actors[slug], role=role)
    Citation.objects.create(claim=claim, source=source, quote=quote)
    return claim
