"""Rows out to a terminal or a pipe: a fixed-width table, JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal, Protocol

from django.utils.functional import Promise
from django.utils.translation import gettext as _

from articles.figures import plain_number

FORMATS = ("table", "json", "csv")
ELLIPSIS = "…"
_SPACE = re.compile(r"\s+")


class Writable(Protocol):
    """A text stream: a file, ``sys.stdout`` or a command's ``self.stdout``."""

    def write(self, text: str, /) -> object: ...


@dataclass(frozen=True)
class Column:
    """One output column: the row key, its (lazily translated) heading, its widest table cell."""

    key: str
    heading: str | Promise
    max_width: int = 40
    align: Literal["left", "right"] = "left"


def non_negative_int(value: str) -> int:
    """argparse ``type`` for ``--limit``: 0 or more."""
    return _whole_number(value, 0, _("%(value)r is not a whole number of 0 or more."))


def positive_int(value: str) -> int:
    """argparse ``type`` for ``--workers``: 1 or more."""
    return _whole_number(value, 1, _("%(value)r is not a whole number of 1 or more."))


def _whole_number(value: str, least: int, message: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = least - 1
    if number < least:
        raise argparse.ArgumentTypeError(message % {"value": value})
    return number


def write_rows(
    rows: Iterable[Mapping[str, object]], columns: Sequence[Column], fmt: str, stream: Writable
) -> int:
    """Write ``rows`` (only ``columns``' keys) as ``fmt``; return how many rows were written.

    Every write ends with a newline, so a Django ``OutputWrapper`` adds none of its own.
    """
    writers = {"table": _write_table, "json": _write_json, "csv": _write_csv}
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r}, expected one of {FORMATS}")
    return writers[fmt](rows, columns, stream)


def _write_csv(rows: Iterable[Mapping[str, object]], columns: Sequence[Column], stream) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([column.key for column in columns])
    count = 0
    for row in rows:
        writer.writerow([_csv_cell(row.get(column.key)) for column in columns])
        count += 1
    return count


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, list | tuple):
        return ", ".join(_csv_cell(item) for item in value)
    return str(value)


def _write_json(rows: Iterable[Mapping[str, object]], columns: Sequence[Column], stream) -> int:
    """Streams: one object per line, each written once the next row shows if a comma follows."""
    count = 0
    pending: str | None = None
    for row in rows:
        if pending is None:
            stream.write("[\n")
        else:
            stream.write(pending + ",\n")
        pending = json.dumps(
            {column.key: row.get(column.key) for column in columns},
            ensure_ascii=False,
            default=_json_value,
        )
        count += 1
    stream.write("[]\n" if pending is None else pending + "\n]\n")
    return count


def _json_value(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    return str(value)  # lazy translations, PartialDate, model instances


def _write_table(rows: Iterable[Mapping[str, object]], columns: Sequence[Column], stream) -> int:
    """Buffers the rows it prints (widths need them all), nothing more."""
    cells = [[_table_cell(row.get(column.key)) for column in columns] for row in rows]
    if not cells:
        stream.write(_("No rows.") + "\n")
        return 0
    headings = [str(column.heading) for column in columns]
    widths = [
        max(len(heading), min(column.max_width, max(len(line[index]) for line in cells)))
        for index, (column, heading) in enumerate(zip(columns, headings, strict=True))
    ]
    stream.write(_table_line(headings, columns, widths))
    stream.write(_table_line(["-" * width for width in widths], columns, widths))
    for line in cells:
        stream.write(_table_line(line, columns, widths))
    return len(cells)


def _table_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, list | tuple):
        return ", ".join(_table_cell(item) for item in value)
    return _SPACE.sub(" ", str(value)).strip()


def _table_line(cells: Sequence[str], columns: Sequence[Column], widths: Sequence[int]) -> str:
    parts = []
    for cell, column, width in zip(cells, columns, widths, strict=True):
        if len(cell) > width:
            cell = cell[: width - 1] + ELLIPSIS
        parts.append(cell.rjust(width) if column.align == "right" else cell.ljust(width))
    return "  ".join(parts).rstrip() + "\n"


@contextmanager
def stopped_reader_is_fine() -> Iterator[None]:
    """End quietly when the reader of our output goes away (``manage.py claims | head``).

    The interpreter would otherwise print a traceback when it flushes stdout at exit; see the
    note on SIGPIPE in the Python documentation of the ``signal`` module.
    """
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise SystemExit(1) from None
