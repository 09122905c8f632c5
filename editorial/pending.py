"""How an unreviewed change to a public record waits for a reviewer, and how it is published.

A record is described by what the public sees of it (`REVIEWED`): its fields and its related rows
(a claim's citations and other actors, a place's other names), each row keyed by what identifies it
(the cited source, the actor, the name). `snapshot` turns a record into plain JSON in those terms. Publishing merges three versions
the way Git merges a branch: `base` (published when the editor saved), `proposed` (the editor's) and
the record as it is now. What the editor changed is applied; what nobody changed stays; a field or
row that both the editor and someone since changed differently is a conflict, and nothing is written.
"""
import datetime as dt
import json
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from geo.models import Actor, ActorAlias, ActorRelation, Citation, Claim, ClaimActor, Outlet, Place, PlaceName, Source

from .models import PendingChange

PUBLISH_PERMISSION = "geo.publish_claim"
LONGEST_VALUE = 2000  # a reviewer reads a long text's start in the diff, and the record in full


@dataclass(frozen=True)
class Related:
    """Rows of a related model seen as part of the record, keyed by the fields that identify a row."""

    model: type
    parent_field: str
    key: tuple
    values: tuple

    def key_of(self, row):
        return json.dumps([getattr(row, _field(self.model, name).attname) for name in self.key], ensure_ascii=False)

    def attributes_of(self, key):
        return {_field(self.model, name).attname: value for name, value in zip(self.key, json.loads(key))}


def always(obj):
    return True


def _claim_is_public(claim):
    return claim.review == Claim.Review.PUBLISHED


def _source_is_public(source):
    return Citation.objects.filter(source=source, claim__review=Claim.Review.PUBLISHED).exists()


@dataclass(frozen=True)
class Reviewed:
    fields: tuple
    related: dict = field(default_factory=dict)
    is_public: object = always
    # A new record of this model is public at once (a place is drawn, a side is listed): its addition
    # is reviewed too. A new claim starts as a draft and a new source is uncited, so neither is public.
    public_when_added: bool = True


# Places, sides and outlets are shown on the map and in every citation as soon as they exist; a claim
# from its publication; a source once a published claim cites it.
REVIEWED = {
    Claim: Reviewed(
        fields=("place", "status", "holder", "date", "precision", "end", "claimant", "rank", "rank_reason",
                "superseded_at", "superseded_by", "notes"),
        related={
            "citations": Related(Citation, "claim", ("source",), ("quote", "quote_is_paraphrase", "note")),
            "other_actors": Related(ClaimActor, "claim", ("actor",), ("role",)),
        },
        is_public=_claim_is_public,
        public_when_added=False,
    ),
    Source: Reviewed(
        fields=("key", "outlet", "url", "title", "author", "published_at", "retrieved_at", "language",
                "archive_url", "full_text", "seed_file", "notes"),
        is_public=_source_is_public,
        public_when_added=False,
    ),
    Place: Reviewed(
        fields=("name", "slug", "kind", "point", "area", "parent", "country", "region", "size_class", "population",
                "wikidata_id", "geonames_id", "notes"),
        related={"alternate_names": Related(PlaceName, "place", ("name",), ("language", "preferred"))},
    ),
    Actor: Reviewed(
        fields=("name", "short_name", "slug", "colour", "kind", "description"),
        related={
            "aliases": Related(ActorAlias, "actor", ("name",), ("language", "preferred")),
            "relations": Related(ActorRelation, "actor", ("kind", "other"), ("note",)),
        },
    ),
    Outlet: Reviewed(fields=("name", "slug", "homepage", "alignment", "reliability", "notes")),
}


class ChangeCaptured(Exception):
    """Raised inside the editor's save, after every row is written, to roll all of it back."""

    def __init__(self, proposed):
        super().__init__("captured as a pending change")
        self.proposed = proposed


class PublishRefused(Exception):
    """A pending change that cannot be published as it stands; the message says why."""


def addition_needs_review(user, model):
    """Whether this user's new record of this model must wait for a reviewer."""
    return model in REVIEWED and REVIEWED[model].public_when_added and not user.has_perm(PUBLISH_PERMISSION)


def needs_review(user, obj):
    """Whether this user's change to this record must wait for a reviewer."""
    return (obj is not None and obj.pk is not None and type(obj) in REVIEWED
            and not user.has_perm(PUBLISH_PERMISSION) and REVIEWED[type(obj)].is_public(obj))


# ------------------------------------------------------------------ records as JSON


def _plain(value):
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, GEOSGeometry):
        return value.ewkt
    return value


def _field(model, name):
    return model._meta.get_field(name)


def snapshot(obj):
    """The record as JSON: {"fields": {name: value}, <related name>: {key: {name: value}}}."""
    spec = REVIEWED[type(obj)]
    record = {"fields": {name: _plain(_field(type(obj), name).value_from_object(obj)) for name in spec.fields}}
    for name, related in spec.related.items():
        rows = related.model.objects.filter(**{related.parent_field: obj})
        record[name] = dict(sorted(
            (related.key_of(row), {value: _plain(getattr(row, value)) for value in related.values}) for row in rows
        ))
    return record


def _items(record):
    for section, entries in record.items():
        for key, value in entries.items():
            yield (section, key), value


def merge(base, proposed, current):
    """Three-way merge of records: returns (merged record, [(section, key) in conflict])."""
    merged = {section: dict(entries) for section, entries in current.items()}
    conflicts = []
    base_items, proposed_items, current_items = dict(_items(base)), dict(_items(proposed)), dict(_items(current))
    for item in sorted(set(base_items) | set(proposed_items)):
        was, wanted, now = base_items.get(item), proposed_items.get(item), current_items.get(item)
        if wanted == was or wanted == now:
            continue
        if now != was:
            conflicts.append(item)
            continue
        section, key = item
        if wanted is None:
            merged[section].pop(key, None)
        else:
            merged.setdefault(section, {})[key] = wanted
    return merged, conflicts


# ------------------------------------------------------------------ what a reviewer reads


def _label_of_value(model, name, value):
    if value is None or value == "":
        return "—"
    model_field = _field(model, name)
    if model_field.is_relation:
        target = model_field.related_model.objects.filter(pk=value).first()
        return str(target) if target is not None else _("#%(number)s (deleted)") % {"number": value}
    if model_field.choices:
        return dict(model_field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    text = str(value)
    return text if len(text) <= LONGEST_VALUE else _("%(start)s… (%(length)s characters)") % {
        "start": text[:LONGEST_VALUE], "length": number_format(len(text), force_grouping=True)}


def _label_of_row(related, row):
    if row is None:
        return "—"
    return "; ".join(f"{_field(related.model, name).verbose_name}: {_label_of_value(related.model, name, row[name])}"
                     for name in related.values if row.get(name) not in (None, "", False))


@dataclass
class DiffRow:
    label: str
    published: str
    proposed: str
    conflict: bool = False
    changed_since: bool = False


def diff(change, current=None):
    """The rows a reviewer compares: each field or related row the editor changed, the published value
    now, the proposed value, and whether someone changed it differently since (a conflict)."""
    model = change.content_type.model_class()
    spec = REVIEWED[model]
    if current is None:
        target = change.target if change.object_id is not None else None
        current = snapshot(target) if target is not None else change.base
    base_items, proposed_items, current_items = dict(_items(change.base)), dict(_items(change.proposed)), dict(
        _items(current))
    rows = []
    for item in sorted(set(base_items) | set(proposed_items), key=_display_order(spec)):
        was, wanted, now = base_items.get(item), proposed_items.get(item), current_items.get(item)
        if wanted == was:
            continue
        section, key = item
        if section == "fields":
            label = str(_field(model, key).verbose_name)
            show = lambda value: _label_of_value(model, key, value)  # noqa: E731
        else:
            related = spec.related[section]
            identity = ", ".join(_label_of_value(related.model, name, value)
                                 for name, value in zip(related.key, json.loads(key)))
            label = f"{related.model._meta.verbose_name}: {identity}"
            show = lambda value: _label_of_row(related, value)  # noqa: E731
        rows.append(DiffRow(label, show(now), show(wanted), conflict=now not in (was, wanted),
                            changed_since=now != was))
    return rows


def _display_order(spec):
    order = {name: index for index, name in enumerate(spec.fields)}
    sections = {name: index for index, name in enumerate(spec.related, start=1)}
    return lambda item: (0, order[item[1]], "") if item[0] == "fields" else (sections[item[0]], 0, item[1])


# ------------------------------------------------------------------ proposing, publishing, rejecting


def propose(model, obj, proposed, author):
    """Store the editor's version of a public record (obj None: a new record) as a pending change;
    None when it changes nothing."""
    base = snapshot(obj) if obj is not None else {}
    if proposed == base:
        return None
    return PendingChange.objects.create(
        content_type=ContentType.objects.get_for_model(model), object_id=obj.pk if obj is not None else None,
        base=base, proposed=proposed, author=author,
    )


def pending_for(obj):
    return PendingChange.objects.filter(content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk,
                                        state=PendingChange.State.PENDING).select_related("author")


def _apply(obj, record, history_user, reason):
    model = type(obj)
    spec = REVIEWED[model]
    for name, value in record["fields"].items():
        model_field = _field(model, name)
        setattr(obj, model_field.attname, model_field.to_python(value))
    obj.full_clean(exclude=[name for name in ("earliest", "latest") if hasattr(obj, name)])
    if isinstance(obj, Claim):
        obj.revision += 1  # a form opened before the publication can no longer overwrite it
    obj._history_user, obj._change_reason = history_user, reason
    obj.save()
    for name, related in spec.related.items():
        wanted = record.get(name, {})
        existing = {related.key_of(row): row for row in related.model.objects.filter(**{related.parent_field: obj})}
        for key, row in existing.items():
            if key not in wanted:
                row._history_user, row._change_reason = history_user, reason
                row.delete()
        for key, values in wanted.items():
            row = existing.get(key) or related.model(**{related.parent_field: obj}, **related.attributes_of(key))
            if row.pk is not None and all(getattr(row, k) == v for k, v in values.items()):
                continue
            for value_name, value in values.items():
                setattr(row, value_name, value)
            row.full_clean(validate_unique=False)
            row._history_user, row._change_reason = history_user, reason
            row.save()


def publish(change, reviewer):
    """Merge the change into the public record, all or nothing. Raises PublishRefused with the reason."""
    if not reviewer.has_perm(PUBLISH_PERMISSION):
        raise PublishRefused(_("Only reviewers publish changes."))
    model = change.content_type.model_class()
    with transaction.atomic():
        change = PendingChange.objects.select_for_update().get(pk=change.pk)
        if change.state != PendingChange.State.PENDING:
            raise PublishRefused(_("Change #%(number)s is already %(state)s.") % {
                "number": change.pk, "state": change.get_state_display()})
        if change.object_id is None:
            obj, current = model(), {}
        else:
            obj = model.objects.select_for_update().filter(pk=change.object_id).first()
            if obj is None:
                raise PublishRefused(_("The %(kind)s of change #%(number)s no longer exists.") % {
                    "kind": model._meta.verbose_name, "number": change.pk})
            current = snapshot(obj)
        merged, conflicts = merge(change.base, change.proposed, current)
        if conflicts:
            labels = ", ".join(row.label for row in diff(change) if row.conflict)
            raise PublishRefused(_(
                "Nothing was published: since change #%(number)s was proposed, someone changed the same parts "
                "differently (%(parts)s). Reject it with that reason, and the editor can propose it again.") % {
                "number": change.pk, "parts": labels})
        reason = f"change #{change.pk} by {change.author}, published by {reviewer}"[:100]
        try:
            with transaction.atomic():
                _apply(obj, merged, change.author, reason)
                if isinstance(obj, Claim) and obj.review == Claim.Review.PUBLISHED and not obj.has_quoted_citation:
                    raise PublishRefused(_(
                        "Nothing was published: the claim would be left without a citation with a quote, and a "
                        "published claim keeps the source's words that support it."))
        except ValidationError as error:
            raise PublishRefused(_("Nothing was published: %(problems)s") % {"problems": "; ".join(error.messages)}) from None
        except IntegrityError as error:
            raise PublishRefused(_("Nothing was published: the database refused the change (%(error)s).") % {
                "error": error}) from None
        change.state, change.decided_by, change.decided_at = PendingChange.State.PUBLISHED, reviewer, timezone.now()
        change.object_id = obj.pk
        change.save(update_fields=["state", "decided_by", "decided_at", "object_id"])
    return obj


def reject(change, reviewer, reason):
    if not reviewer.has_perm(PUBLISH_PERMISSION):
        raise PublishRefused(_("Only reviewers reject changes."))
    if not reason.strip():
        raise PublishRefused(_("Say why the change is rejected."))
    with transaction.atomic():
        updated = PendingChange.objects.filter(pk=change.pk, state=PendingChange.State.PENDING).update(
            state=PendingChange.State.REJECTED, decided_by=reviewer, decided_at=timezone.now(), reason=reason.strip())
    if not updated:
        raise PublishRefused(_("Change #%(number)s is no longer pending.") % {"number": change.pk})

