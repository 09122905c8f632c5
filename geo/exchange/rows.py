"""Reading a document's rows, every problem named by its row, and writing a row only when it differs.

The base of geo.exchange.importer's Importer: the sections it imports are there, the row handling here.
"""
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from .. import edtf
from ..models import Precision


class Rows:
    """One import's reading and writing: the errors found so far, and how many rows it changed."""

    def __init__(self, document, may_publish, publisher=None):
        self.document = document
        self.may_publish = may_publish
        self.publisher = publisher  # recorded as the user of every history row the import writes
        self.errors = []
        self.changed = 0
        self.drafted = []

    def error(self, where, message):
        self.errors.append(f"{where}: {message}")

    def rows(self, section):
        rows = self.document.get(section, [])
        if not isinstance(rows, list):
            self.error(section, "must be a list")
            return []
        return rows

    def field(self, row, where, name, required=True, default=""):
        if not isinstance(row, dict):
            self.error(where, "must be an object")
            return default
        if name not in row or row[name] is None:
            if required:
                self.error(where, f"'{name}' is required")
            return default if not required else None
        return row[name]

    def items(self, row, name, where, required):
        """The nested list `name` of `row`, keeping only well-formed entries (the rest are errors)."""
        entries = row.get(name) or []
        if not isinstance(entries, list):
            self.error(where, f"'{name}' must be a list")
            return []
        good = []
        for index, entry in enumerate(entries):
            missing = [key for key in required if not isinstance(entry, dict) or entry.get(key) in (None, "")]
            if missing:
                self.error(where, f"{name}[{index}] lacks {', '.join(missing)}")
            else:
                good.append(entry)
        return good

    def date(self, value, where, name):
        if value in (None, ""):
            return None
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            self.error(where, f"'{name}' must be an ISO date (YYYY-MM-DD), got {value!r}")

    def effective_date(self, row, where):
        """A claim's (date, precision): an ISO day with the row's `precision` (day if none), or an EDTF
        month, year or approximate day (geo.edtf), which sets the precision it implies."""
        value, given = self.field(row, where, "date"), row.get("precision")
        if value is None:
            return None, given or Precision.DAY
        try:
            parsed = edtf.parse(str(value))
        except edtf.EDTFError as error:
            self.error(where, f"'date': {error}")
            return None, given or Precision.DAY
        if parsed.precision == Precision.DAY:
            return parsed.date, given or Precision.DAY
        if given not in (None, "", parsed.precision):
            self.error(where, f"'date' {value!r} is of {parsed.precision} precision, but 'precision' is {given!r}")
        return parsed.date, parsed.precision

    def moment(self, value, where, name):
        if value in (None, ""):
            return None
        try:
            moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            self.error(where, f"'{name}' must be an ISO date-time with offset, got {value!r}")
            return None
        if moment.tzinfo is None:
            self.error(where, f"'{name}' needs a time-zone offset, got {value!r}")
            return None
        return moment

    def upsert(self, model, lookup, values, where):
        """Create or update one row; save (and add history) only if something differs."""
        instance = model.objects.filter(**lookup).first()
        created = instance is None
        if created:
            instance = model(**lookup)
        dirty = created
        for name, value in values.items():
            field = model._meta.get_field(name)
            current = getattr(instance, field.attname) if field.is_relation else getattr(instance, name)
            wanted = (value.pk if value is not None else None) if field.is_relation else value
            if current != wanted:
                setattr(instance, name, value)
                dirty = True
        if not dirty:
            return instance
        try:
            instance.full_clean(validate_unique=False, validate_constraints=False)
            with transaction.atomic():
                self.save(instance)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.error(where, f"{field}: {' '.join(messages)}")
            return None
        except IntegrityError as error:
            self.error(where, f"violates a database rule: {error}")
            return None
        self.changed += 1
        return instance

    def save(self, instance):
        if self.publisher is not None:
            instance._history_user = self.publisher
        instance.save()

    def sync(self, related_manager, fields, wanted, make, where):
        """Make the related rows exactly `wanted` (tuples of `fields`): delete the rest, create what lacks."""
        existing = {tuple(row[:-1]): row[-1] for row in related_manager.values_list(*fields, "pk")}
        stale = [pk for key, pk in existing.items() if key not in wanted]
        if stale:
            for instance in related_manager.model.objects.filter(pk__in=stale):
                instance.delete()
            self.changed += 1
        for key in sorted(wanted - existing.keys(), key=str):
            try:
                with transaction.atomic():
                    make(key)
            except (IntegrityError, ValidationError) as error:
                self.error(where, f"{dict(zip(fields, key))}: {error}")
                continue
            self.changed += 1

    def leave_published_alone(self, where, changed_before, what):
        """Without a publisher, a row readers see as published must come out of the import unchanged."""
        if not self.may_publish and self.changed > changed_before:
            self.error(where, f"{what}: an import changes it only when run by a user who may publish "
                              "(import_data --publish --as REVIEWER)")
