"""A run's counts, written to its row as results arrive: every few seconds or every so many
files, not one UPDATE per file."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from articles.ingest.service import FileResult, IngestReport, Status
from articles.models import IngestRun

# A run over a folder of broken files must not grow a row without bound.
MAX_ERROR_LINES = 500


def counts_of(report: IngestReport) -> dict[str, Any]:
    """The run's fields for what the report has counted so far."""
    errors = report.errors[:MAX_ERROR_LINES]
    if len(report.errors) > MAX_ERROR_LINES:
        more = len(report.errors) - MAX_ERROR_LINES
        errors.append(_("… and %(count)d more errors") % {"count": more})
    return {
        "new": report.counts[Status.NEW],
        "updated": report.counts[Status.UPDATED],
        "unchanged": report.counts[Status.UNCHANGED],
        "failed": report.counts[Status.FAILED],
        "claims": report.claims,
        "mentions": report.mentions,
        "actors": len(report.actors),
        "errors": errors,
    }


class RunProgress:
    """Counts the results of a run and writes them now and then; pass ``add`` as ``on_result``."""

    def __init__(
        self,
        run_id: int,
        *,
        every_files: int = 100,
        every_seconds: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.run_id = run_id
        self.every_files = every_files
        self.every_seconds = every_seconds
        self.clock = clock
        self.report = IngestReport()
        self.writes = 0
        self._unwritten = 0
        self._written_at = clock()

    def add(self, result: FileResult) -> None:
        self.report.add(result)
        self._unwritten += 1
        due = self.clock() - self._written_at >= self.every_seconds
        if due or self._unwritten >= self.every_files:
            self.write()

    def write(self) -> None:
        IngestRun.objects.filter(pk=self.run_id).update(**counts_of(self.report))
        self.writes += 1
        self._unwritten = 0
        self._written_at = self.clock()
