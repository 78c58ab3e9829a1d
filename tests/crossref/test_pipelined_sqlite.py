"""The cross-referencing workers' own settings on SQLite (the rest of ``pipelined`` needs a
database server: tests/crossref/test_pipelined.py)."""

import pytest
from django.db import connection

from articles.crossref import pipelined


@pytest.mark.django_db
def test_a_worker_reads_sqlite_through_a_page_cache_of_its_own_size() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("a page cache per connection is SQLite's")
    with connection.cursor() as cursor:
        before = cursor.execute("PRAGMA cache_size").fetchone()[0]
        try:
            pipelined.small_page_cache()
            after = cursor.execute("PRAGMA cache_size").fetchone()[0]
        finally:
            cursor.execute(f"PRAGMA cache_size={before}")
    assert before == -16_000  # SQLITE_CACHE_MB's default, for every other connection
    assert after == -pipelined.WORKER_CACHE_MB * 1000
