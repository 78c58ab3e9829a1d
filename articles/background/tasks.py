"""The background ingest task, run by a task worker (``manage.py db_worker``)."""

from __future__ import annotations

from . import runs
from .compat import task


@task()
def ingest_run(run_id: int) -> dict[str, object]:
    """Ingest a queued run's folder; the result is the run's outcome, for the task queue."""
    run = runs.run_ingest(run_id)
    return {"run": run.pk, "status": run.status, "summary": run.summary}
