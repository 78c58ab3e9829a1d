"""Real ``db_worker`` processes on PostgreSQL: one takes a queued run to done, and three at
once ingest overlapping corpora without duplicating the actors and sources they share."""

import os
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django_tasks_db.models import DBTaskResult

from articles.background.runs import start_folder_run
from articles.models import Actor, ActorAlias, Article, Claim, IngestRun, Mention, Source
from benchmarks.corpus import write_corpus

from .conftest import SEED_A, SEED_B, SEEDS

pytestmark = [
    pytest.mark.django_db(transaction=True),  # the workers only see committed rows
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="worker processes need PostgreSQL"
    ),
]
WORKERS = 3
ARTICLES = 30  # each in two of the three runs: 20 files a run
WORKER_TIMEOUT = 120  # seconds: a backstop against a hung worker, never a measurement


def database_url() -> str:
    """The test database (pytest-django's ``test_…``), as a DATABASE_URL for a subprocess."""
    db = connection.settings_dict
    login = quote(db["USER"], safe="")
    if db["PASSWORD"]:
        login += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{login}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def start_worker(*options: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url()}
    env["NEWSDB_INBOX_DIR"] = str(settings.NEWSDB_INBOX_DIR)
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
    return subprocess.Popen(
        [*command, "--interval", "0.2", *options],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.fixture
def workers():
    """Start workers with ``workers(n, *options)``; each is stopped and waited for at the end,
    before the test database goes."""
    started: list[subprocess.Popen] = []

    def start(count: int, *options: str) -> list[subprocess.Popen]:
        new = [start_worker(*options) for _ in range(count)]
        started.extend(new)
        return new

    yield start
    for process in started:
        if process.poll() is None:
            process.terminate()  # the worker's own SIGTERM handler: a graceful stop
    for process in started:
        try:
            process.communicate(timeout=WORKER_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def finish(process: subprocess.Popen) -> str:
    output, _ = process.communicate(timeout=WORKER_TIMEOUT)
    assert process.returncode == 0, output
    return output


def test_a_worker_takes_a_queued_run_to_done(tmp_path, inbox, workers):
    folder = tmp_path / "drop"
    folder.mkdir()
    for name in (SEED_A, SEED_B):
        shutil.copyfile(SEEDS / name, folder / name)
    workers(1)
    out = StringIO()
    call_command(
        "queue_ingest", str(folder), "--wait", "--poll", "0.2", "--timeout", "90", stdout=out
    )
    run = IngestRun.objects.get()
    assert (run.status, run.new, run.claims, run.errors) == ("done", 2, 22, [])
    assert out.getvalue().splitlines() == [str(run.pk), run.summary]
    task = DBTaskResult.objects.get(id=run.task_result_id)
    assert task.status == "SUCCESSFUL" and task.return_value["status"] == "done"


@pytest.fixture
def overlapping_corpora(tmp_path: Path) -> list[Path]:
    """One generated world in three overlapping folders: every article is in two of them, and
    the articles share actors and sources."""
    generated = tmp_path / "generated"
    write_corpus(generated, ARTICLES, seed=3)
    files = sorted(generated.glob("*/*.txt"))
    step = ARTICLES // WORKERS
    corpora = []
    for n in range(WORKERS):
        corpus = tmp_path / f"corpus{n}"
        corpus.mkdir()
        for i in range(2 * step):
            path = files[(n * step + i) % ARTICLES]
            shutil.copyfile(path, corpus / path.name)
        corpora.append(corpus)
    return corpora


def duplicated(queryset, *fields: str) -> list:
    """Rows of ``fields`` that occur more than once (GROUP BY … HAVING COUNT(*) > 1)."""
    groups = queryset.values(*fields).annotate(n=Count("pk")).filter(n__gt=1)
    return list(groups.values_list(*fields, "n"))


def test_three_workers_at_once_store_every_actor_source_and_article_once(
    overlapping_corpora, inbox, workers
):
    runs = [start_folder_run(corpus) for corpus in overlapping_corpora]
    processes = workers(WORKERS, "--batch", "--max-tasks", "1")  # one run each, all at once
    outputs = [finish(process) for process in processes]

    done = list(IngestRun.objects.filter(pk__in=[run.pk for run in runs]))
    per_run = 2 * ARTICLES // WORKERS
    assert [(r.status, r.files, r.failed, r.errors) for r in done] == [
        ("done", per_run, 0, [])
    ] * WORKERS, outputs
    # A file in two runs at once may be counted new by both: each decides before it writes.
    assert all(r.new + r.updated + r.unchanged == per_run for r in done)
    tasks = DBTaskResult.objects.all()
    assert len({worker for task in tasks for worker in task.worker_ids}) == WORKERS
    stems = {path.stem for corpus in overlapping_corpora for path in corpus.glob("*.txt")}
    assert set(Article.objects.values_list("external_id", flat=True)) == stems
    assert Article.objects.count() == len(stems) == ARTICLES
    assert duplicated(Actor.objects, "key") == []
    assert duplicated(Actor.objects, "name", "kind") == []
    assert duplicated(ActorAlias.objects, "normalised") == []
    assert duplicated(Source.objects, "key") == []
    assert duplicated(Source.objects, "name", "kind", "corpus") == []
    assert duplicated(Claim.objects, "article", "start", "end") == []
    assert duplicated(Mention.objects, "article", "actor", "start", "end") == []
    assert Actor.objects.filter(key="reuters").count() == 1
