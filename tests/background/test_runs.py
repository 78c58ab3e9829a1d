"""Running a background ingest: counts as results arrive, the outcome, and failures recorded."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError

from articles.background import runs
from articles.background.progress import RunProgress
from articles.background.tasks import ingest_run
from articles.ingest.service import FileResult, Status
from articles.models import Article, IngestRun

from .conftest import IMMEDIATE, SEED_A, SEEDS

pytestmark = pytest.mark.django_db


def test_the_task_ingests_the_folder_and_records_counts_and_error_lines(folder_with_a_bad_file):
    run = runs.start_folder_run(folder_with_a_bad_file)
    assert ingest_run.call(run.pk) == {"run": run.pk, "status": "done", "summary": run_summary(run)}

    run.refresh_from_db()
    assert (run.status, run.kind, run.files, run.new, run.failed) == ("done", "folder", 3, 2, 1)
    assert (run.updated, run.unchanged, run.claims) == (0, 0, 22)
    (error,) = run.errors
    assert error.startswith(f"{folder_with_a_bad_file / 'kapot.txt'}:1: missing date header")
    assert run.summary.startswith("3 files: 2 new, 0 updated, 0 unchanged, 1 failed;")
    assert run.started_at <= run.finished_at
    assert Article.objects.count() == 2


def run_summary(run: IngestRun) -> str:
    return IngestRun.objects.get(pk=run.pk).summary


def test_a_second_run_finds_the_files_unchanged(folder_with_a_bad_file):
    first = runs.start_folder_run(folder_with_a_bad_file)
    runs.run_ingest(first.pk)
    second = runs.run_again(IngestRun.objects.get(pk=first.pk), None)
    runs.run_ingest(second.pk)
    second.refresh_from_db()
    assert (second.new, second.unchanged, second.failed, second.claims) == (0, 2, 1, 0)


def test_with_the_immediate_backend_the_run_is_done_when_the_transaction_commits(
    settings, folder_with_a_bad_file, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    with django_capture_on_commit_callbacks(execute=True):
        run = runs.start_folder_run(folder_with_a_bad_file)
        assert IngestRun.objects.get(pk=run.pk).status == "queued"
    run.refresh_from_db()
    assert (run.status, run.new, run.claims) == ("done", 2, 22)
    assert run.task_result_id


def test_an_exception_in_the_ingest_marks_the_run_failed_with_its_message(
    monkeypatch, folder_with_a_bad_file
):
    def lose_the_database(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(runs, "ingest", lose_the_database)
    run = runs.start_folder_run(folder_with_a_bad_file)
    with pytest.raises(OperationalError):
        ingest_run.call(run.pk)
    run.refresh_from_db()
    assert run.status == "failed" and run.finished_at >= run.started_at
    assert run.summary == (
        "Stopped by an error: OperationalError: server closed the connection unexpectedly"
    )


def test_a_run_that_is_not_queued_is_not_run_again(folder_with_a_bad_file):
    run = runs.start_folder_run(folder_with_a_bad_file)
    IngestRun.objects.filter(pk=run.pk).update(status="running")
    assert runs.run_ingest(run.pk).status == "running"
    assert not Article.objects.exists()


def test_only_a_finished_run_runs_again(folder_with_a_bad_file):
    run = runs.start_folder_run(folder_with_a_bad_file)
    with pytest.raises(runs.NotFinished):
        runs.run_again(run, None)


def test_a_folder_run_needs_a_folder(tmp_path):
    with pytest.raises(NotADirectoryError):
        runs.start_folder_run(tmp_path / "nowhere")
    with pytest.raises(NotADirectoryError):
        runs.start_folder_run(SEEDS / SEED_A)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def result(status: Status = Status.NEW) -> FileResult:
    return FileResult("x.txt", status, "x", mentions=2, claims=1, actors=frozenset({"reuters"}))


def test_progress_is_written_every_so_many_files_or_seconds_not_per_file():
    run = IngestRun.objects.create(kind="folder", folder="/srv/drop", files=10)
    clock = FakeClock()
    progress = RunProgress(run.pk, every_files=3, every_seconds=2.0, clock=clock)

    def stored() -> tuple[int, int, int]:
        row = IngestRun.objects.get(pk=run.pk)
        return row.new, row.unchanged, row.claims

    progress.add(result())
    progress.add(result())
    assert stored() == (0, 0, 0) and progress.writes == 0
    progress.add(result(Status.UNCHANGED))
    assert stored() == (2, 1, 3) and progress.writes == 1
    progress.add(result())
    assert stored() == (2, 1, 3)
    clock.now += 2.0
    progress.add(result())
    assert stored() == (4, 1, 5) and progress.writes == 2


def test_queue_ingest_prints_the_run_id_and_queues_the_task(
    tmp_path, django_capture_on_commit_callbacks
):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("queue_ingest", str(tmp_path), stdout=out)
    run = IngestRun.objects.get()
    assert out.getvalue().strip() == str(run.pk)
    assert (run.kind, run.folder, run.requested_by) == ("command", str(tmp_path), None)
    assert run.task_result_id


def test_queue_ingest_refuses_what_is_not_a_folder(tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        call_command("queue_ingest", str(tmp_path / "nowhere"), stdout=StringIO())
    assert not IngestRun.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_queue_ingest_wait_fails_when_a_file_failed(settings, folder_with_a_bad_file):
    settings.TASKS = IMMEDIATE  # the run is done when queue_ingest's transaction commits
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match=r"Run \d+: 1 of 3 files failed."):
        call_command("queue_ingest", str(folder_with_a_bad_file), "--wait", stdout=out, stderr=err)
    assert out.getvalue().splitlines()[1].startswith("3 files: 2 new")
    assert "kapot.txt:1: missing date header" in err.getvalue()


@pytest.mark.django_db(transaction=True)
def test_queue_ingest_wait_succeeds_when_every_file_went_in(settings, tmp_path: Path):
    settings.TASKS = IMMEDIATE
    (tmp_path / SEED_A).write_bytes((SEEDS / SEED_A).read_bytes())
    out = StringIO()
    call_command("queue_ingest", str(tmp_path), "--wait", stdout=out)
    assert out.getvalue().splitlines()[1].startswith("1 files: 1 new")
