"""Ingests running at the same time share actors and sources without duplicates or deadlocks."""

import threading
from pathlib import Path

import pytest
from django.db import connection, connections

from articles.ingest import resolve
from articles.ingest.files import discover
from articles.ingest.service import IngestReport, ingest
from articles.models import Actor, ActorAlias, Article, Source

from .conftest import SEED_A, SEEDS

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
]
WORKERS = 4


def corpus_of_copies(folder: Path, copies: int) -> list[Path]:
    """Different articles (distinct ids) that mention the same actors and sources."""
    text = (SEEDS / SEED_A).read_text(encoding="utf-8")
    paths = []
    for n in range(copies):
        path = folder / f"copy_{n:02d}.txt"
        path.write_text(text.replace("donderdagavond", f"donderdagavond ({n})"), "utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def all_insert_at_once(monkeypatch):
    """Hold each worker's first actor insert until every worker has reached its own."""
    together = threading.Barrier(WORKERS, timeout=30)
    waited = threading.local()
    real = resolve._create_actors

    def racing(absent):
        if not getattr(waited, "done", False):
            waited.done = True
            together.wait()
        return real(absent)

    monkeypatch.setattr(resolve, "_create_actors", racing)


def test_parallel_ingests_create_each_actor_and_source_once(tmp_path, all_insert_at_once):
    paths = corpus_of_copies(tmp_path, WORKERS * 3)
    reports: list[IngestReport] = []
    start = threading.Barrier(WORKERS)

    def worker(share: list[Path]) -> None:
        try:
            start.wait()
            reports.append(ingest(discover(share)))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(paths[i::WORKERS],)) for i in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert [r.errors for r in reports] == [[]] * WORKERS
    assert Article.objects.count() == len(paths)
    keys = list(Actor.objects.values_list("key", flat=True))
    assert len(keys) == len(set(keys)) and Actor.objects.filter(key="reuters").count() == 1
    assert Source.objects.filter(key="reuters").count() == 1
    aliases = list(ActorAlias.objects.values_list("normalised", flat=True))
    assert len(aliases) == len(set(aliases))
