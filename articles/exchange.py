"""Export and import newsdb data as CSV, JSON or XLSX files, through the resources.

An import is all or nothing: any bad row rolls the whole file back, and the outcome names
every bad row (rows count from 1, the header not included). Import files in ``IMPORT_ORDER``:
each names rows of the ones before it by natural key.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from import_export.formats.base_formats import CSV, JSON, XLSX, Format
from import_export.resources import ModelResource
from import_export.results import Result, RowResult

from articles.resources import ActorResource, ClaimLinkResource, ClaimResource, SourceResource

RESOURCES: dict[str, type[ModelResource]] = {
    "actor": ActorResource,
    "source": SourceResource,
    "claim": ClaimResource,
    "claimlink": ClaimLinkResource,
}
IMPORT_ORDER: tuple[str, ...] = tuple(RESOURCES)
FORMATS: dict[str, type[Format]] = {"csv": CSV, "json": JSON, "xlsx": XLSX}


class ExchangeError(ValueError):
    """An unknown model or format, or a format whose library is not installed."""


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    model_name: str
    dry_run: bool
    totals: dict[str, int]
    changes: tuple[str, ...] = ()  # "row 3: new …" for every row that is (or would be) written
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        t = self.totals
        line = _(
            "%(model)s: %(new)d new, %(update)d updated, %(skip)d unchanged, %(bad)d bad rows"
        ) % {
            "model": self.model_name,
            "new": t.get(RowResult.IMPORT_TYPE_NEW, 0),
            "update": t.get(RowResult.IMPORT_TYPE_UPDATE, 0),
            "skip": t.get(RowResult.IMPORT_TYPE_SKIP, 0),
            "bad": t.get(RowResult.IMPORT_TYPE_ERROR, 0) + t.get(RowResult.IMPORT_TYPE_INVALID, 0),
        }
        if self.errors:
            return _("nothing written: %(line)s") % {"line": line}
        return _("dry run, nothing written: %(line)s") % {"line": line} if self.dry_run else line


def export_dataset(model_name: str, file_format: str, queryset: QuerySet | None = None) -> bytes:
    """Every row of the model (or of ``queryset``) as a file, related rows named by natural key."""
    resource = _resource(model_name)
    dataset = resource.export(queryset)
    dataset.title = str(resource._meta.model._meta.verbose_name_plural)
    data = _format(file_format).export_data(dataset)
    return data.encode("utf-8") if isinstance(data, str) else data


def import_dataset(
    model_name: str, data: bytes | str, file_format: str, dry_run: bool = False
) -> ImportOutcome:
    """Import a file of ``export_dataset``'s shape: all of it, or (on any bad row) none of it."""
    resource, fmt = _resource(model_name), _format(file_format)
    if isinstance(data, str) and fmt.is_binary():
        raise ExchangeError(_("%(format)s data must be bytes.") % {"format": file_format})
    try:
        dataset = fmt.create_dataset(data)
    except Exception as error:  # each format's parser raises its own kinds of error
        message = _("The file cannot be read as %(format)s: %(error)s") % {
            "format": file_format.upper(),
            "error": error,
        }
        return ImportOutcome(model_name, dry_run, {}, errors=(message,))
    if not dataset.headers and not len(dataset):
        return ImportOutcome(model_name, dry_run, {})  # e.g. the JSON export of no rows: []
    result = resource.import_data(dataset, dry_run=dry_run)
    return ImportOutcome(
        model_name,
        dry_run,
        dict(result.totals),
        changes=tuple(_changes(result)),
        errors=tuple(_errors(result)),
    )


def _resource(model_name: str) -> ModelResource:
    try:
        return RESOURCES[model_name.lower()]()
    except KeyError:
        raise ExchangeError(
            _("Unknown model “%(name)s”: use one of %(names)s.")
            % {"name": model_name, "names": ", ".join(RESOURCES)}
        ) from None


def _format(file_format: str) -> Format:
    try:
        format_class = FORMATS[file_format.lower()]
    except KeyError:
        raise ExchangeError(
            _("Unknown format “%(name)s”: use one of %(names)s.")
            % {"name": file_format, "names": ", ".join(FORMATS)}
        ) from None
    if not format_class.is_available():
        raise ExchangeError(
            _("%(format)s needs a library that is not installed: tablib[%(extra)s].")
            % {"format": file_format.upper(), "extra": file_format.lower()}
        )
    # utf-8-sig also reads the byte order mark spreadsheet programs put before CSV.
    return format_class(encoding="utf-8-sig") if not format_class().is_binary() else format_class()


def _changes(result: Result) -> list[str]:
    written = (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE)
    labels = {RowResult.IMPORT_TYPE_NEW: _("new"), RowResult.IMPORT_TYPE_UPDATE: _("updated")}
    # Every row has a result (skipped rows are reported too), so the position is the row.
    return [
        _("row %(number)d: %(change)s %(row)s")
        % {"number": number, "change": labels[row.import_type], "row": row.object_repr}
        for number, row in enumerate(result.rows, 1)
        if row.import_type in written
    ]


def _errors(result: Result) -> list[str]:
    by_row: list[tuple[int, str]] = []
    for invalid in result.invalid_rows:
        for field, messages in invalid.error_dict.items():
            for message in messages:
                text = message if field == NON_FIELD_ERRORS else f"{field}: {message}"
                by_row.append((invalid.number, text))
    for row in result.error_rows:
        by_row.extend((row.number, str(error.error)) for error in row.errors)
    lines = [
        _("row %(number)d: %(error)s") % {"number": number, "error": text}
        for number, text in sorted(by_row, key=lambda item: item[0])
    ]
    return lines + [str(error.error) for error in result.base_errors]
