"""What every newsdb resource shares: rows found by natural key, a file imported whole or not at
all, and no query per row (lookups are read per import, writes are bulk)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import resources
from import_export.fields import Field
from import_export.instance_loaders import BaseInstanceLoader
from import_export.widgets import CharWidget

from .widgets import IsoDateTimeWidget, NaturalKeyWidget, PlainDecimalWidget, PlainIntegerWidget


class DerivedField(Field):
    """A column made of related rows (an actor's aliases, a claim's actors).

    ``read`` takes it from what was prefetched. The value is kept on the instance when the row
    is loaded, so import-export's diff and ``skip_unchanged`` compare it without a query (a
    deep copy of an instance drops its prefetched rows); the resource writes it itself.
    """

    def __init__(self, read: Callable[[models.Model], object], **kwargs) -> None:
        super().__init__(readonly=True, **kwargs)
        self.read = read

    def get_value(self, instance: models.Model) -> object:
        derived = instance.__dict__.get("_derived", {})
        return derived[self.column_name] if self.column_name in derived else self.read(instance)

    def remember(self, instance: models.Model, value: object) -> None:
        instance.__dict__.setdefault("_derived", {})[self.column_name] = value


class NaturalKeyLoader(BaseInstanceLoader):
    """Reads the existing rows a whole dataset names before its first row is imported."""

    def __init__(self, resource: NaturalKeyResource, dataset=None) -> None:
        super().__init__(resource, dataset)
        keys = {resource.safe_row_key(row) for row in resource.rows} - {None}
        self.found: dict[Hashable, list[models.Model]] = defaultdict(list)
        for instance in resource.existing(keys):
            self.found[resource.instance_key(instance)].append(instance)

    def get_instance(self, row) -> models.Model | None:
        found = self.found.get(self.resource.safe_row_key(row), [])
        if len(found) > 1:
            raise ValidationError(
                _("%(count)d rows in the database have this key; it cannot tell them apart.")
                % {"count": len(found)}
            )
        return found[0] if found else None


class Owners:
    """Who holds each value of a unique field once the import is done.

    A value held in the database by a row the dataset also gives is released unless that row
    gives it again (the dataset is the truth for its rows); a value held by a row the dataset
    does not give stays taken, and a row that gives it is an error: never a silent steal.
    """

    def __init__(self, held: dict[str, tuple[Hashable, str]], given: set[Hashable]) -> None:
        self.held = held  # value -> (owner key, owner label) in the database
        self.given = given  # owner keys of the dataset's rows
        self.taken: dict[str, tuple[Hashable, str]] = {}

    def take(self, value: str, owner: Hashable, label: str) -> str | None:
        """None when ``owner`` may hold ``value``, else who holds it."""
        if value in self.taken:
            other, other_label = self.taken[value]
            return None if other == owner else other_label
        holder = self.held.get(value)
        if holder is not None and holder[0] != owner and holder[0] not in self.given:
            return holder[1]
        self.taken[value] = (owner, label)
        return None


class NaturalKeyResource(resources.ModelResource):
    """A resource whose rows name each other by natural key, never by database id."""

    WIDGETS_MAP = {
        **resources.ModelResource.WIDGETS_MAP,
        "TextField": CharWidget,
        "DecimalField": PlainDecimalWidget,
        "DateTimeField": IsoDateTimeWidget,
        "PositiveIntegerField": PlainIntegerWidget,
    }

    #: Model fields an imported row may change: what ``bulk_update`` writes.
    update_fields: tuple[str, ...] = ()

    class Meta:
        instance_loader_class = NaturalKeyLoader
        use_bulk = True  # rows are validated in Python, then written per batch
        batch_size = 500
        use_transactions = True
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = False  # full_clean() queries per row; see validate()

    # What a subclass defines.

    def row_key(self, row: dict) -> Hashable | None:
        """The natural key of a row of the file."""
        raise NotImplementedError

    def instance_key(self, instance: models.Model) -> Hashable:
        """The natural key of a row of the database."""
        raise NotImplementedError

    def existing(self, keys: set[Hashable]) -> Iterable[models.Model]:
        """The database rows with these keys, with everything a row's import reads."""
        raise NotImplementedError

    def primed(self) -> dict[str, NaturalKeyWidget]:
        """Widgets by column, to read once the rows the column names (a widget may serve two)."""
        return {}

    def prepare(self, rows: list[dict]) -> None:
        """Read, for all rows at once, what validating one row needs."""

    def set_keys(self, instance: models.Model) -> None:
        """Compute the stored natural key (``save()`` would; bulk writes do not call it)."""

    def complete(self, instance: models.Model, row: dict, errors: dict) -> None:
        """Derive fields and check what the database would refuse; add to ``errors``."""

    def flush(self, saved: list[models.Model]) -> None:
        """Write what bulk saving leaves out (relations of saved rows), once rows have ids."""

    def export_queryset(self, queryset: models.QuerySet) -> models.QuerySet:
        return queryset

    # The import.

    def import_data(self, dataset, dry_run=False, raise_errors=False, **kwargs):
        # A file is imported whole or not at all, in the admin too: any bad row rolls back.
        kwargs.update(use_transactions=True, rollback_on_validation_errors=True)
        return super().import_data(dataset, dry_run=dry_run, raise_errors=raise_errors, **kwargs)

    def before_import(self, dataset, **kwargs) -> None:
        self.rows = list(dataset.dict)
        self.columns = set(dataset.headers or ())
        self.first_rows: dict[Hashable, int | None] = {}  # natural key -> its first row
        self.row_number: int | None = None
        self.saved: list[models.Model] = []
        by_widget: dict[int, tuple[NaturalKeyWidget, list[str]]] = {}
        for column, widget in self.primed().items():
            by_widget.setdefault(id(widget), (widget, []))[1].append(column)
        for widget, columns in by_widget.values():
            widget.prime(row.get(column) for row in self.rows for column in columns)
        self.prepare(self.rows)

    def row_label(self, name: str) -> str:
        """The row being imported, for messages about another row that conflicts with it."""
        return _("%(name)s (row %(number)s)") % {"name": name, "number": self.row_number}

    def safe_row_key(self, row: dict) -> Hashable | None:
        try:
            return self.row_key(row)
        except (ValueError, TypeError):
            return None  # the row's own fields report it

    def import_instance(self, instance, row, **kwargs) -> None:
        errors: dict = {}
        self.row_number = kwargs.get("row_number")
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        self._check_once_in_file(row, errors)
        self.set_keys(instance)
        if not errors:
            self.complete(instance, row, errors)
        if not errors:
            self.validate(instance, errors)
        if errors:
            raise ValidationError(errors)

    def validate(self, instance: models.Model, errors: dict) -> None:
        """``clean_fields()`` but for relations, which the widgets resolved (it would query)."""
        relations = [f for f in instance._meta.concrete_fields if f.is_relation]
        for field in relations:
            if not field.null and getattr(instance, field.attname) is None:
                errors[field.name] = [field.error_messages["null"]]
        try:
            instance.clean_fields(exclude=[f.name for f in relations])
        except ValidationError as error:
            error.update_error_dict(errors)

    def _check_once_in_file(self, row: dict, errors: dict) -> None:
        key = self.safe_row_key(row)
        if key is None:
            return
        if key in self.first_rows:
            message = _("The same %(model)s as row %(number)s.") % {
                "number": self.first_rows[key],
                "model": self._meta.model._meta.verbose_name,
            }
            errors.setdefault(NON_FIELD_ERRORS, []).append(message)
        else:
            self.first_rows[key] = self.row_number

    def after_init_instance(self, instance, new, row, **kwargs) -> None:
        for field in self.fields.values():
            if isinstance(field, DerivedField):
                field.remember(instance, field.read(instance))

    def before_save_instance(self, instance, row, **kwargs) -> None:
        if instance.pk is not None and hasattr(instance, "updated_at"):
            instance.updated_at = timezone.now()  # bulk_update() leaves auto_now alone

    def after_save_instance(self, instance, row, **kwargs) -> None:
        self.saved.append(instance)

    def get_bulk_update_fields(self) -> list[str]:
        extra = ["updated_at"] if hasattr(self._meta.model, "updated_at") else []
        return [*self.update_fields, *extra]

    def after_import(self, dataset, result, **kwargs) -> None:
        if result.has_errors() or result.has_validation_errors():
            return  # all of it is rolled back
        self.flush(self.saved)
        # No super(): ModelResource resets the id sequence to the highest id it can see, which
        # is for files that carry ids (these never do) and races concurrent inserts.

    # The export.

    def filter_export(self, queryset, **kwargs) -> models.QuerySet:
        return self.export_queryset(queryset)
