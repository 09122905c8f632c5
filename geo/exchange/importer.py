"""Importing a document: an upsert by stable keys (slugs, source and claim keys), all in one transaction.

A document with any error changes nothing, and the error names the row and the field. Rows that are
already as the document says are not saved again, so loading twice adds no history and no rows.

A document is not review: an import publishes only when run on behalf of a user who may publish
(`publisher`). Without one, claims the document marks published are stored as drafts, and a claim
already published, or a source one cites, is left as it is (a change to it is an error). The seed
loader alone imports the project's own seed data as published (`import_seed`).
"""
import json
from dataclasses import dataclass, field as dataclass_field

from django.contrib.gis.geos import GEOSException, GEOSGeometry, MultiPolygon, Point
from django.core.exceptions import PermissionDenied
from django.db import transaction

from ..models import Actor, ActorAlias, ActorRelation, Citation, Claim, ClaimActor, Outlet, Place, PlaceName, Source
from .export import FORMAT
from .rows import Rows
from .seed_files import seed_file_path, seed_text

PUBLISH_PERMISSION = "geo.publish_claim"


class ImportError_(Exception):
    """The document cannot be imported; `errors` lists every problem found, each naming its row."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class Imported:
    """What an import did: rows created, changed or removed, and the keys of the claims the
    document marks published that were stored as drafts (no publisher)."""

    changed: int = 0
    drafted: list = dataclass_field(default_factory=list)


def check_publisher(user):
    """Raise PermissionDenied, saying why, unless `user` may publish claims."""
    if not user.is_active:
        raise PermissionDenied(f"User {user.get_username()!r} is inactive: an inactive user publishes nothing.")
    if not user.has_perm(PUBLISH_PERMISSION):
        raise PermissionDenied(f"User {user.get_username()!r} may not publish claims (needs the "
                               f"{PUBLISH_PERMISSION} permission, e.g. the reviewer role).")


class Importer(Rows):
    def run(self):
        if self.document.get("format") != FORMAT:
            self.error("document", f"'format' must be {FORMAT!r}, got {self.document.get('format')!r}")
            return
        actors = self.import_actors()
        outlets = self.import_outlets()
        places = self.import_places()
        sources = self.import_sources(outlets)
        self.import_claims(places, actors, sources)

    def import_actors(self):
        actors = {}
        rows = self.rows("actors")
        for index, row in enumerate(rows):
            where = f"actors[{index}] ({row.get('slug') if isinstance(row, dict) else '?'})"
            slug = self.field(row, where, "slug")
            if not slug:
                continue
            actor = self.upsert(Actor, {"slug": slug}, {
                "name": self.field(row, where, "name"), "short_name": self.field(row, where, "short_name"),
                "colour": self.field(row, where, "colour"), "kind": self.field(row, where, "kind"),
                "description": self.field(row, where, "description", required=False),
            }, where)
            if actor:
                actors[slug] = actor
        known = dict(Actor.objects.values_list("slug", "pk"))
        for index, row in enumerate(rows):
            actor = actors.get(row.get("slug") if isinstance(row, dict) else None)
            if actor is None:
                continue
            where = f"actors[{index}] ({actor.slug})"
            aliases = {(a["name"], a.get("language", "en"), a.get("preferred") is True)
                       for a in self.items(row, "aliases", where, ("name",))}
            self.sync(actor.aliases, ("name", "language", "preferred"), aliases,
                      lambda key, actor=actor: ActorAlias.objects.create(actor=actor, name=key[0], language=key[1],
                                                                         preferred=key[2]), where)
            relations = set()
            for relation in self.items(row, "relations", where, ("kind", "other")):
                if relation.get("other") not in known:
                    self.error(where, f"relation to unknown actor {relation.get('other')!r}")
                    continue
                relations.add((relation["kind"], known[relation["other"]], relation.get("note", "")))
            self.sync(actor.relations, ("kind", "other_id", "note"), relations,
                       lambda key, actor=actor: ActorRelation.objects.create(actor=actor, kind=key[0], other_id=key[1], note=key[2]),
                       where)
        return dict(Actor.objects.in_bulk(field_name="slug"))

    def import_outlets(self):
        for index, row in enumerate(self.rows("outlets")):
            where = f"outlets[{index}] ({row.get('slug') if isinstance(row, dict) else '?'})"
            slug = self.field(row, where, "slug")
            if slug:
                self.upsert(Outlet, {"slug": slug}, {
                    "name": self.field(row, where, "name"),
                    "homepage": self.field(row, where, "homepage", required=False),
                    "alignment": self.field(row, where, "alignment", required=False),
                    "reliability": self.field(row, where, "reliability", required=False, default="unknown"),
                    "notes": self.field(row, where, "notes", required=False),
                }, where)
        return dict(Outlet.objects.in_bulk(field_name="slug"))

    def geometry(self, row, where):
        point = self.field(row, where, "point")
        try:
            lon, lat = (float(value) for value in point)
        except (TypeError, ValueError):
            self.error(where, f"'point' must be [longitude, latitude], got {point!r}")
            return None, None
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            self.error(where, f"'point' [{lon}, {lat}] is outside longitude ±180, latitude ±90")
            return None, None
        area = None
        if row.get("area"):
            try:
                area = GEOSGeometry(json.dumps(row["area"]), srid=4326)
            except (GEOSException, ValueError, TypeError) as error:
                self.error(where, f"'area' is not valid GeoJSON: {error}")
            else:
                if area.geom_type == "Polygon":
                    area = MultiPolygon(area, srid=4326)
                if area.geom_type != "MultiPolygon":
                    self.error(where, f"'area' must be a Polygon or MultiPolygon, got {area.geom_type}")
                    area = None
        return Point(lon, lat, srid=4326), area

    def import_places(self):
        rows = self.rows("places")
        imported = {}
        for index, row in enumerate(rows):
            where = f"places[{index}] ({row.get('slug') if isinstance(row, dict) else '?'})"
            slug = self.field(row, where, "slug")
            point, area = self.geometry(row, where) if slug else (None, None)
            if not slug or point is None:
                continue
            existing = Place.objects.filter(slug=slug).first()
            values = {
                "name": self.field(row, where, "name"), "kind": self.field(row, where, "kind"),
                "country": self.field(row, where, "country"),
                "region": self.field(row, where, "region", required=False),
                "size_class": self.field(row, where, "size_class", required=False, default=3),
                "population": row.get("population"),
                "wikidata_id": self.field(row, where, "wikidata_id", required=False),
                "geonames_id": row.get("geonames_id"),
                "notes": self.field(row, where, "notes", required=False),
            }
            # Geometries compare by value, not identity: only assign when they differ.
            if existing is None or not existing.point.equals_exact(point, 1e-9):
                values["point"] = point
            if existing is None or (existing.area is None) != (area is None) or (area and not existing.area.equals(area)):
                values["area"] = area
            place = self.upsert(Place, {"slug": slug}, values, where)
            if place:
                imported[slug] = (place, row, where)
        by_slug = dict(Place.objects.in_bulk(field_name="slug"))
        for slug, (place, row, where) in imported.items():
            parent_slug = row.get("parent")
            if parent_slug and parent_slug not in by_slug:
                self.error(where, f"parent {parent_slug!r} is not a known place")
            elif parent_slug == slug:
                self.error(where, "a place cannot be its own parent")
            else:
                parent_id = by_slug[parent_slug].pk if parent_slug else None
                if place.parent_id != parent_id:
                    Place.objects.filter(pk=place.pk).update(parent_id=parent_id)
                    self.changed += 1
            names = {(n["name"], n.get("language", "en"), n.get("preferred") is True)
                     for n in self.items(row, "names", where, ("name",))}
            self.sync(place.alternate_names, ("name", "language", "preferred"), names,
                      lambda key, place=place: PlaceName.objects.create(place=place, name=key[0], language=key[1],
                                                                        preferred=key[2]), where)
        return dict(Place.objects.in_bulk(field_name="slug"))

    def import_sources(self, outlets):
        for index, row in enumerate(self.rows("sources")):
            where = f"sources[{index}] ({row.get('key') if isinstance(row, dict) else '?'})"
            key = self.field(row, where, "key")
            outlet = outlets.get(self.field(row, where, "outlet"))
            if not key:
                continue
            if outlet is None:
                self.error(where, f"outlet {row.get('outlet')!r} is not a known outlet")
                continue
            full_text = row.get("full_text") or ""
            seed_file = row.get("seed_file") or ""
            if seed_file:
                try:
                    path = seed_file_path(seed_file)
                    full_text = full_text or seed_text(path, seed_file)
                except ValueError as error:
                    self.error(where, str(error))
                    continue
            url = row.get("url") or None
            if url and Source.objects.filter(url=url).exclude(key=key).exists():
                other = Source.objects.get(url=url)
                self.error(where, f"url {url} already belongs to source {other.key!r} ({other.title})")
                continue
            changed_before = self.changed
            self.upsert(Source, {"key": key}, {
                "outlet": outlet, "url": url, "title": self.field(row, where, "title"),
                "author": self.field(row, where, "author", required=False),
                "published_at": self.moment(self.field(row, where, "published_at"), where, "published_at"),
                "retrieved_at": self.moment(row.get("retrieved_at"), where, "retrieved_at"),
                "language": self.field(row, where, "language", required=False, default="en"),
                "archive_url": self.field(row, where, "archive_url", required=False),
                "seed_file": seed_file, "full_text": full_text,
                "notes": self.field(row, where, "notes", required=False),
            }, where)
            if self.changed > changed_before and not self.may_publish and Citation.objects.filter(
                    source__key=key, claim__review=Claim.Review.PUBLISHED).exists():
                self.leave_published_alone(where, changed_before, "this source is cited by a published claim")
        return dict(Source.objects.in_bulk(field_name="key"))

    def import_claims(self, places, actors, sources):
        from django.contrib.auth import get_user_model

        users = {u.get_username(): u for u in get_user_model().objects.all()}
        imported = []
        for index, row in enumerate(self.rows("claims")):
            where = f"claims[{index}] ({row.get('key') if isinstance(row, dict) else '?'})"
            key = self.field(row, where, "key")
            if not key:
                continue
            place = places.get(self.field(row, where, "place"))
            if place is None:
                self.error(where, f"place {row.get('place')!r} is not a known place")
                continue
            holder_slug = row.get("holder")
            if holder_slug and holder_slug not in actors:
                self.error(where, f"holder {holder_slug!r} is not a known actor")
                continue
            date, precision = self.effective_date(row, where)
            values = {
                "place": place, "status": self.field(row, where, "status"),
                "holder": actors[holder_slug] if holder_slug else None,
                "date": date, "precision": precision, "end": self.date(row.get("end"), where, "end"),
                "claimant": self.field(row, where, "claimant"),
                "rank": self.field(row, where, "rank", required=False, default="normal"),
                "rank_reason": self.field(row, where, "rank_reason", required=False),
                "superseded_at": self.moment(row.get("superseded_at"), where, "superseded_at"),
                "review": self.field(row, where, "review", required=False, default="draft"),
                "editor": users.get(row.get("editor")),
                "notes": self.field(row, where, "notes", required=False),
            }
            if row.get("created_at"):
                values["created_at"] = self.moment(row["created_at"], where, "created_at")
            if precision == "approximate":
                values["earliest"] = self.date(row.get("earliest"), where, "earliest")
                values["latest"] = self.date(row.get("latest"), where, "latest")
            if values["date"] is None:
                continue
            citations = self.items(row, "citations", where, ("source", "quote"))
            if values["review"] == Claim.Review.PUBLISHED and not citations:
                self.error(where, "a published claim needs at least one citation with a quote")
                continue
            published = Claim.objects.filter(key=key, review=Claim.Review.PUBLISHED).exists()
            if values["review"] == Claim.Review.PUBLISHED and not published and not self.may_publish:
                values["review"] = Claim.Review.DRAFT
                self.drafted.append(key)
            changed_before = self.changed
            claim = self.upsert(Claim, {"key": key}, values, where)
            if claim is None:
                continue
            imported.append((claim, row, where, published))
            others = set()
            for other in self.items(row, "others", where, ("actor", "role")):
                if other["actor"] not in actors:
                    self.error(where, f"other actor {other['actor']!r} is not a known actor")
                else:
                    others.add((actors[other["actor"]].pk, other["role"]))
            self.sync(claim.other_actors, ("actor_id", "role"), others,
                      lambda k, claim=claim: ClaimActor.objects.create(claim=claim, actor_id=k[0], role=k[1]), where)
            wanted = {}
            for citation in citations:
                source = sources.get(citation["source"])
                if source is None:
                    self.error(where, f"citation source {citation['source']!r} is not a known source")
                    continue
                wanted[source.pk] = (citation["quote"], bool(citation.get("quote_is_paraphrase")), citation.get("note", ""))
            for existing in claim.citations.all():
                if existing.source_id not in wanted:
                    if self.publisher is not None:
                        existing._history_user = self.publisher
                    existing.delete()
                    self.changed += 1
                elif (existing.quote, existing.quote_is_paraphrase, existing.note) != wanted[existing.source_id]:
                    existing.quote, existing.quote_is_paraphrase, existing.note = wanted.pop(existing.source_id)
                    self.save(existing)
                    self.changed += 1
                else:
                    wanted.pop(existing.source_id)
            for source_id, (quote, paraphrase, note) in wanted.items():
                self.save(Citation(claim=claim, source_id=source_id, quote=quote, quote_is_paraphrase=paraphrase, note=note))
                self.changed += 1
            if published:
                self.leave_published_alone(where, changed_before, "this claim is published")
        keys = dict(Claim.objects.values_list("key", "pk"))
        for claim, row, where, published in imported:
            target = row.get("superseded_by")
            if target and target not in keys:
                self.error(where, f"superseded_by {target!r} is not a known claim")
                continue
            target_id = keys[target] if target else None
            if claim.superseded_by_id != target_id:
                changed_before = self.changed
                Claim.objects.filter(pk=claim.pk).update(superseded_by_id=target_id)
                self.changed += 1
                if published:
                    self.leave_published_alone(where, changed_before, "this claim is published")


def import_document(document, publisher=None):
    """Import a document in one transaction, as drafts unless `publisher` (a user who may publish,
    see check_publisher) runs it. Returns what it did (Imported).

    Raises ImportError_ listing every problem, having changed nothing; PermissionDenied if
    `publisher` may not publish.
    """
    if publisher is not None:
        check_publisher(publisher)
    return _import(document, Importer(document, may_publish=publisher is not None, publisher=publisher))


def import_seed(document):
    """Import the project's own seed data (fixtures/seed.json): trusted data, not user input, so its
    published claims stay published with no publisher. Only the load_seed command calls this;
    import_data never reaches it."""
    return _import(document, Importer(document, may_publish=True))


def _import(document, importer):
    if not isinstance(document, dict):
        raise ImportError_(["document: must be a JSON object"])
    with transaction.atomic():
        importer.run()
        if importer.errors:
            transaction.set_rollback(True)
    if importer.errors:
        raise ImportError_(importer.errors)
    return Imported(importer.changed, importer.drafted)
