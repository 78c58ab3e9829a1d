"""Starting background ingest runs, and running one: what the task executes.

A run is created in the caller's transaction and its task enqueued when that commits, so the
worker never looks for a run that is not there yet. Running claims the run first (queued to
running, in one UPDATE), so a task delivered twice ingests once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.ingest.files import discover
from articles.ingest.service import IngestOptions, IngestReport, ingest
from articles.models import IngestRun

from .inbox import new_run_folder, save_uploads
from .progress import RunProgress, counts_of

logger = logging.getLogger(__name__)
# The corpus of uploaded files' sources: the same file uploaded twice is one source.
UPLOAD_CORPUS = "uploads"
# Attempts at recording a failure when the database itself is what failed.
FAILURE_ATTEMPTS = 3

Kind = IngestRun.Kind
Status = IngestRun.Status


class NotFinished(ValueError):
    """Only a finished run can run again."""


@transaction.atomic
def start_upload_run(files: Sequence[UploadedFile], user: AbstractBaseUser | None) -> IngestRun:
    """Save uploaded (already validated) files to a new inbox folder and queue their ingest."""
    run = IngestRun.objects.create(
        kind=Kind.UPLOAD, requested_by=user, corpus=UPLOAD_CORPUS, files=len(files)
    )
    folder = new_run_folder(run.pk)
    save_uploads(files, folder)
    run.folder = str(folder)
    run.save(update_fields=["folder"])
    _enqueue_on_commit(run)
    return run


@transaction.atomic
def start_folder_run(
    path: str | Path, user: AbstractBaseUser | None = None, *, kind: str = Kind.FOLDER
) -> IngestRun:
    """Queue the ingest of every .txt file below ``path`` (a drop folder, say)."""
    folder = Path(path).resolve()
    if not folder.is_dir():
        raise NotADirectoryError(_("%(path)s is not a folder.") % {"path": folder})
    run = IngestRun.objects.create(kind=kind, requested_by=user, folder=str(folder))
    _enqueue_on_commit(run)
    return run


@transaction.atomic
def run_again(run: IngestRun, user: AbstractBaseUser | None) -> IngestRun:
    """Queue a new run over the same folder as a finished one; the old run stays as it was."""
    if not run.is_finished:
        raise NotFinished(_("Run %(id)s has not finished.") % {"id": run.pk})
    again = IngestRun.objects.create(
        kind=run.kind, requested_by=user, folder=run.folder, corpus=run.corpus
    )
    _enqueue_on_commit(again)
    return again


def run_ingest(run_id: int) -> IngestRun:
    """Ingest the run's folder, writing its counts as files go through and its outcome at the
    end. Any exception marks the run failed with its message, then propagates, so that the
    task fails too. A run that is not queued (a task delivered twice) is left alone."""
    if not _claim(run_id):
        logger.warning("Ingest run %s is not queued; not running it again", run_id)
        return IngestRun.objects.get(pk=run_id)
    try:
        report = _ingest(IngestRun.objects.get(pk=run_id))
        summary = "; ".join(filter(None, [report.summary(), report.crossref_summary()]))
        _finish(run_id, Status.DONE, summary, **counts_of(report))
    except BaseException as error:  # also SystemExit: a worker stopped in the middle of a run
        _record_failure(run_id, error)
        raise
    return IngestRun.objects.get(pk=run_id)


def _ingest(run: IngestRun) -> IngestReport:
    targets = list(discover([run.folder]))
    IngestRun.objects.filter(pk=run.pk).update(files=len(targets))
    progress = RunProgress(run.pk)
    options = IngestOptions(corpus=run.corpus or None)
    return ingest(targets, options, on_result=progress.add)


def _claim(run_id: int) -> bool:
    claimed = IngestRun.objects.filter(pk=run_id, status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=timezone.now()
    )
    return claimed == 1


def _finish(run_id: int, status: str, summary: str, **fields: object) -> None:
    IngestRun.objects.filter(pk=run_id).update(
        status=status, finished_at=timezone.now(), summary=summary, **fields
    )


def _record_failure(run_id: int, error: BaseException) -> None:
    """Mark the run failed with the error's message; when the database is what failed, retry
    on a new connection, so that a run does not stay "running" after its worker gave up."""
    logger.error("Ingest run %s failed", run_id, exc_info=error)
    summary = _("Stopped by an error: %(error)s") % {"error": f"{type(error).__name__}: {error}"}
    for attempt in range(1, FAILURE_ATTEMPTS + 1):
        try:
            _finish(run_id, Status.FAILED, summary)
            return
        except DatabaseError:
            if attempt == FAILURE_ATTEMPTS:
                logger.exception("Could not record the failure of ingest run %s", run_id)
                return
            if not connection.in_atomic_block:
                connection.close()  # the next query connects again
            time.sleep(attempt)


def _enqueue_on_commit(run: IngestRun) -> None:
    transaction.on_commit(partial(_enqueue, run.pk))


def _enqueue(run_id: int) -> None:
    from .tasks import ingest_run  # tasks imports this module

    result = ingest_run.enqueue(run_id)
    IngestRun.objects.filter(pk=run_id).update(task_result_id=str(result.id))


class StillRunning(TimeoutError):
    """The run had not finished when the wait was over."""


def wait_for_run(run_id: int, *, poll: float = 2.0, timeout: float | None = None) -> IngestRun:
    """The run once it has finished, looking every ``poll`` seconds; StillRunning after
    ``timeout`` seconds (by default, wait for as long as it takes)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        run = IngestRun.objects.get(pk=run_id)
        if run.is_finished:
            return run
        if deadline is not None and time.monotonic() >= deadline:
            raise StillRunning(
                _("Run %(id)s is still %(status)s.")
                % {"id": run_id, "status": run.get_status_display()}
            )
        time.sleep(poll)
