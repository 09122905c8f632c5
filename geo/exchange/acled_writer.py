"""Writing an ACLED import's sources, draft claims and citations in batches, with their history.

A model save per row runs two commit hooks per row (the data version and the snapshots, each
committing on its own after the import): measured at 40 ms a row, a file of 20,000 territory
changes would take a quarter of an hour. So each row is validated on its own (a bad row is
reported, not written), then written a batch at a time (bulk inserts, plain updates;
django-simple-history's bulk helpers keep the history rows), and geo.signals.bulk_changed tells the
data version and the snapshots once. The database's triggers keep known_from and mark the places
touched, as for any write.
"""
from django.core.exceptions import ValidationError
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from ..models import Citation, Claim, Source
from ..signals import bulk_changed

BATCH = 1000
SOURCE_FIELDS = ("outlet_id", "title", "author", "published_at", "full_text", "notes")
CLAIM_FIELDS = ("place_id", "status", "holder_id", "date", "precision", "earliest", "latest", "claimant", "notes")
CITATION_FIELDS = ("quote", "quote_is_paraphrase", "note")
NOT_CHECKED = ["place", "holder", "outlet", "editor", "superseded_by", "claim", "source"]  # ids from our own lookups


def validated(instance):
    """Run the model's field and clean() checks (not the foreign keys: those are ids we looked up);
    ValueError with the messages when it fails."""
    try:
        instance.full_clean(exclude=[name for name in NOT_CHECKED if hasattr(instance, f"{name}_id")],
                            validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        messages = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        raise ValueError("; ".join(f"{field}: {' '.join(text)}" if field and field != "__all__" else " ".join(text)
                                   for field, text in messages.items())) from None


class Writer:
    """The rows of one import, pending until `flush` (every BATCH events, and at the end)."""

    def __init__(self, user, prefix):
        """`prefix`: the keys of the claims and sources this import writes (and reads back)."""
        self.user = user
        self.claims = {c.key: c for c in Claim.objects.filter(key__startswith=prefix)}
        self.sources = {s.key: s for s in Source.objects.filter(key__startswith=prefix)}
        self.citations = {(c.claim_id, c.source_id): c for c in Citation.objects.filter(claim__key__startswith=prefix)}
        self.new, self.changed, self.linked = {Source: [], Claim: [], Citation: []}, {Source: {}, Claim: {}, Citation: {}}, []
        self.pending = self.written = 0

    def _set(self, instance, fields, values):
        """Assign `values`; True if anything differed."""
        differs = False
        for name, value in zip(fields, values):
            if getattr(instance, name) != value:
                setattr(instance, name, value)
                differs = True
        return differs

    def _put(self, model, instance, created, differs):
        if created:
            self.new[model].append(instance)
        elif differs and instance.pk is not None:
            self.changed[model][id(instance)] = instance

    def event(self, key, source_values, claim_values, citation_values):
        """Stage one event's source, draft claim and citation; "created", "updated" or "unchanged".
        ValueError (nothing staged) when a row fails the models' checks."""
        source, claim = self.sources.get(key), self.claims.get(key)
        new_source, new_claim = source is None, claim is None
        source = source or Source(key=key)
        claim = claim or Claim(key=key, review=Claim.Review.DRAFT, editor=self.user)
        before = (tuple(getattr(source, n) for n in SOURCE_FIELDS), tuple(getattr(claim, n) for n in CLAIM_FIELDS))
        source_differs = self._set(source, SOURCE_FIELDS, source_values)
        claim_differs = self._set(claim, CLAIM_FIELDS, claim_values)
        try:
            if source_differs:
                validated(source)
            if claim_differs:
                validated(claim)
        except ValueError:
            self._set(source, SOURCE_FIELDS, before[0])
            self._set(claim, CLAIM_FIELDS, before[1])
            raise
        citation = self.citations.get((claim.pk, source.pk)) if not (new_claim or new_source) else None
        new_citation = citation is None
        citation = citation or Citation(quote_is_paraphrase=True)
        citation_differs = self._set(citation, CITATION_FIELDS, citation_values)
        if claim_differs and not new_claim:
            claim.revision += 1  # an editor's form opened before this import cannot overwrite it
            claim.updated_at = timezone.now()
        self.sources[key], self.claims[key] = source, claim
        self._put(Source, source, new_source, source_differs)
        self._put(Claim, claim, new_claim, claim_differs)
        if new_citation:
            self.linked.append((citation, claim, source))
        else:
            self._put(Citation, citation, False, citation_differs)
        self.pending += 1
        if self.pending >= BATCH:
            self.flush()
        if new_claim:
            return "created"
        return "updated" if (source_differs or claim_differs or citation_differs) else "unchanged"

    def flush(self):
        options = {"default_user": self.user, "default_date": timezone.now()}
        for model in (Source, Claim):
            if self.new[model]:
                bulk_create_with_history(self.new[model], model, batch_size=500, **options)
        citations = []
        for citation, claim, source in self.linked:
            citation.claim_id, citation.source_id = claim.pk, source.pk
            self.citations[(claim.pk, source.pk)] = citation
            citations.append(citation)
        if citations:
            bulk_create_with_history(citations, Citation, batch_size=500, **options)
        fields = {Source: SOURCE_FIELDS, Claim: (*CLAIM_FIELDS, "revision", "updated_at"), Citation: CITATION_FIELDS}
        for model, changed in self.changed.items():
            # One UPDATE a row: Django's bulk_update writes a CASE over the whole batch per column, which
            # SQLite evaluated row by row (10 ms a row at 20,000 changed drafts).
            for instance in changed.values():
                model._default_manager.filter(pk=instance.pk).update(**{name: getattr(instance, name) for name in fields[model]})
            if changed:
                model.history.bulk_history_create(list(changed.values()), batch_size=500, update=True, **options)
        self.written += sum(map(len, self.new.values())) + len(citations) + sum(map(len, self.changed.values()))
        self.new, self.changed, self.linked = {Source: [], Claim: [], Citation: []}, {Source: {}, Claim: {}, Citation: {}}, []
        self.pending = 0

    def finish(self):
        """Write what is pending, and tell what follows the record (once) if anything was written."""
        self.flush()
        if self.written:
            bulk_changed.send(sender=Writer)
