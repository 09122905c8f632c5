"""The record as one JSON document (FORMAT): every place, actor, outlet, source and claim, by stable keys."""
import json

from ..models import Actor, Claim, Outlet, Place, Source

FORMAT = "controlmap/1"


def _iso(value):
    return value.isoformat() if value is not None else None


def export_document():
    actors = Actor.objects.prefetch_related("aliases", "relations__other").order_by("slug")
    places = Place.objects.select_related("parent").prefetch_related("alternate_names").order_by("slug")
    sources = Source.objects.select_related("outlet").order_by("published_at", "key")
    claims = (
        Claim.objects.select_related("place", "holder", "superseded_by", "editor")
        .prefetch_related("other_actors__actor", "citations__source")
        .order_by("place__slug", "date", "key")
    )
    return {
        "format": FORMAT,
        "actors": [
            {
                "slug": a.slug, "name": a.name, "short_name": a.short_name, "colour": a.colour, "kind": a.kind,
                "description": a.description,
                "aliases": [{"name": x.name, "language": x.language, **({"preferred": True} if x.preferred else {})}
                            for x in a.aliases.all()],
                "relations": [{"kind": r.kind, "other": r.other.slug, "note": r.note} for r in a.relations.all()],
            }
            for a in actors
        ],
        "outlets": [
            {"slug": o.slug, "name": o.name, "homepage": o.homepage, "alignment": o.alignment,
             "reliability": o.reliability, "notes": o.notes}
            for o in Outlet.objects.order_by("slug")
        ],
        "places": [
            {
                "slug": p.slug, "name": p.name, "kind": p.kind, "point": [p.point.x, p.point.y],
                "area": json.loads(p.area.geojson) if p.area else None,
                "parent": p.parent.slug if p.parent else None, "country": p.country, "region": p.region,
                "size_class": p.size_class, "population": p.population, "wikidata_id": p.wikidata_id,
                "geonames_id": p.geonames_id, "notes": p.notes,
                "names": [{"name": n.name, "language": n.language, **({"preferred": True} if n.preferred else {})}
                          for n in p.alternate_names.all()],
            }
            for p in places
        ],
        "sources": [
            {
                "key": s.key, "outlet": s.outlet.slug, "url": s.url, "title": s.title, "author": s.author,
                "published_at": _iso(s.published_at), "retrieved_at": _iso(s.retrieved_at), "language": s.language,
                "archive_url": s.archive_url, "seed_file": s.seed_file, "full_text": s.full_text, "notes": s.notes,
            }
            for s in sources
        ],
        "claims": [
            {
                "key": c.key, "place": c.place.slug, "status": c.status, "holder": c.holder.slug if c.holder else None,
                "others": [{"actor": o.actor.slug, "role": o.role} for o in c.other_actors.all()],
                "date": c.date.isoformat(), "precision": c.precision,
                "earliest": _iso(c.earliest) if c.precision == "approximate" else None,
                "latest": _iso(c.latest) if c.precision == "approximate" else None,
                "end": _iso(c.end), "claimant": c.claimant, "rank": c.rank, "rank_reason": c.rank_reason,
                "superseded_at": _iso(c.superseded_at), "superseded_by": c.superseded_by.key if c.superseded_by else None,
                "review": c.review, "editor": c.editor.get_username() if c.editor else None,
                "created_at": _iso(c.created_at), "notes": c.notes,
                "citations": [
                    {"source": x.source.key, "quote": x.quote, "quote_is_paraphrase": x.quote_is_paraphrase, "note": x.note}
                    for x in c.citations.all()
                ],
            }
            for c in claims
        ],
    }
