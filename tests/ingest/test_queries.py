"""The ingest writes in bulk: its query count does not grow with the size of an article."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.ingest.files import discover
from articles.ingest.service import ingest
from articles.models import BlockingKey, Claim, LinkSuggestion, Mention

from .conftest import SEED_A, SEEDS

pytestmark = pytest.mark.django_db(transaction=True)


def article_with(paragraphs: int, name: str, folder) -> None:
    body = (SEEDS / SEED_A).read_text(encoding="utf-8").split("\n\n")
    lead, rest = body[0], body[1:]
    # Repeated paragraphs: more claims and mentions of the same actors and sources.
    blocks = [rest[n % len(rest)] for n in range(paragraphs)]
    (folder / name).write_text("\n\n".join([lead, *blocks]), encoding="utf-8")


def queries_to_ingest(path) -> int:
    with CaptureQueriesContext(connection) as captured:
        report = ingest(discover([path]))
    assert report.ok, report.errors
    return len(captured.captured_queries)


def bulk_rows() -> int:
    """Rows the ingest writes in bulk: claims, mentions, blocking keys, suggested links."""
    return sum(m.objects.count() for m in (Claim, Mention, BlockingKey, LinkSuggestion))


def test_query_count_does_not_grow_with_article_size(tmp_path):
    article_with(3, "small.txt", tmp_path)
    article_with(60, "large.txt", tmp_path)
    queries_to_ingest(tmp_path)  # creates the actors and sources both share
    rows_before = bulk_rows()
    one, both = queries_to_ingest(tmp_path / "small.txt"), queries_to_ingest(tmp_path)
    assert both == one, "unchanged files of one batch cost one lookup together"
    # A run reads the gazetteer once (actors and their aliases) and looks once for articles
    # awaiting cross-referencing.
    assert one <= 4
    article_with(3, "small2.txt", tmp_path)
    article_with(60, "large2.txt", tmp_path)
    small = queries_to_ingest(tmp_path / "small2.txt")
    large = queries_to_ingest(tmp_path / "large2.txt")
    extra_rows = bulk_rows() - rows_before
    # Bulk inserts only split into batches (SQLite takes 999 parameters per statement).
    assert large - small <= extra_rows / 25, (small, large, extra_rows)
