"""Ingesting with several worker processes stores what one process stores, once."""

from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Count

from articles.ingest import service
from articles.ingest.files import discover
from articles.ingest.service import Status, ingest
from articles.models import Actor, Article, Claim, LinkSuggestion, Source

from .conftest import SEED_A, SEED_B, SEEDS

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="worker processes need a database server (SQLite tests run in memory)",
    ),
]


def corpus(folder: Path, copies: int) -> None:
    """Distinct articles (ids and texts) telling the seeds' stories: the same actors, sources
    and counts, so every article links to articles another worker stored."""
    for seed in (SEED_A, SEED_B):
        text = (SEEDS / seed).read_text(encoding="utf-8")
        for n in range(copies):
            changed = text.replace(" het ", f" het ({n}) ", 1)
            (folder / f"{Path(seed).stem}_{n:02d}.txt").write_text(changed, encoding="utf-8")


def test_two_workers_store_every_article_once_and_link_across_workers(tmp_path, monkeypatch):
    corpus(tmp_path, 6)
    monkeypatch.setattr(service, "BATCH_FILES", 2)  # six batches for two workers
    results = []
    report = ingest(discover([tmp_path]), on_result=results.append, workers=2)

    assert report.ok, report.errors
    assert [r.file for r in results] == sorted(str(p) for p in tmp_path.glob("*.txt"))
    assert {r.status for r in results} == {Status.NEW}
    assert Article.objects.count() == 12
    for model in (Actor, Source):
        duplicated = model.objects.values("key").annotate(n=Count("pk")).filter(n__gt=1)
        assert not duplicated.exists(), model
    # Every article's claims were compared with those of articles stored before it, whichever
    # worker stored them: the 22 of the first copy links to the later copies' 22s.
    articles_linked = set(
        LinkSuggestion.objects.values_list("from_claim__article", flat=True)
    ) | set(LinkSuggestion.objects.values_list("to_claim__article", flat=True))
    assert len(articles_linked) == 12
    assert (
        Claim.objects.filter(cluster=None).exclude(quantity_key="").count()
        < Claim.objects.exclude(quantity_key="").count()
    )

    again = ingest(discover([tmp_path]), workers=2)
    assert again.counts[Status.UNCHANGED] == 12


def test_a_target_that_is_an_error_is_reported_and_the_others_stored(tmp_path):
    """A path that names no article file reaches a worker as an error, and is reported
    there like any failed file; the workers store the rest."""
    corpus(tmp_path, 2)
    missing = tmp_path / "missing.txt"
    results = []
    report = ingest(discover([missing, tmp_path]), on_result=results.append, workers=2)

    assert not report.ok
    assert [r.status for r in results] == [Status.FAILED] + [Status.NEW] * 4
    assert results[0].error == f"{missing}: no such file or directory"
    assert Article.objects.count() == 4
