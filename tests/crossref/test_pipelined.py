"""Cross-referencing with worker processes comparing ahead finds what one process finds."""

from pathlib import Path

import pytest
from django.db import connection

from articles.crossref import pipelined
from articles.crossref.pending import cross_reference_pending, pending_articles
from articles.ingest.files import discover
from articles.ingest.service import IngestOptions, ingest
from articles.models import Article, BlockingKey, Claim, CountCluster, LinkSuggestion
from benchmarks.corpus import write_corpus

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="worker processes need a database server (SQLite tests run in memory)",
    ),
]
BATCH = 4  # articles per batch: a dozen batches, several compared ahead of their turn


def what_was_found() -> tuple[set, set]:
    rows = LinkSuggestion.objects.values_list(
        "from_claim_id", "to_claim_id", "relation", "score", "reasons"
    )
    suggestions = {(*row[:4], repr(row[4])) for row in rows}
    # Cluster ids differ between passes; which claims share a cluster must not.
    members: dict[int, set[int]] = {}
    for claim_id, cluster_id in Claim.objects.exclude(cluster=None).values_list("pk", "cluster"):
        members.setdefault(cluster_id, set()).add(claim_id)
    return suggestions, {frozenset(m) for m in members.values()}


def start_again() -> None:
    LinkSuggestion.objects.all().delete()
    BlockingKey.objects.all().delete()
    Claim.objects.update(cluster=None)
    CountCluster.objects.all().delete()
    Article.objects.update(crossref_pending=True)


@pytest.fixture
def stored_pending(tmp_path: Path) -> None:
    info = write_corpus(tmp_path / "corpus", 48, seed=3, months=2)
    report = ingest(discover([info.directory]), IngestOptions(cross_reference=False))
    assert report.ok, report.errors
    assert pending_articles() == 48


def test_workers_find_the_same_suggestions_and_clusters_as_one_process(stored_pending):
    one = cross_reference_pending(batch_articles=BATCH)
    in_turn = what_was_found()
    assert in_turn[0] and in_turn[1], "the corpus has linked claims and shared counts"
    start_again()

    seen: list[int] = []
    two = cross_reference_pending(
        batch_articles=BATCH, workers=2, on_batch=lambda n, _done: seen.append(n)
    )

    assert what_was_found() == in_turn
    assert (two.articles, two.suggestions, two.clustered) == (
        one.articles,
        one.suggestions,
        one.clustered,
    )
    assert sum(seen) == 48 and pending_articles() == 0 and not two.errors


def test_a_failing_worker_leaves_the_rest_to_this_process(stored_pending, monkeypatch, caplog):
    monkeypatch.setattr(pipelined, "_plan", _fails_in_worker)
    done = cross_reference_pending(batch_articles=BATCH, workers=2)

    assert "Cross-referencing in processes failed" in caplog.text
    assert "ValueError: a bug in a worker" in caplog.text
    assert done.articles == 48 and not done.errors and pending_articles() == 0
    assert LinkSuggestion.objects.exists()


def _fails_in_worker(ids: list[int], own: list, up_to_claim: int):
    raise ValueError("a bug in a worker")
