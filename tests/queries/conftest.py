"""The two seed articles ingested, shared by the query tests."""

from pathlib import Path

import pytest

from tests.ingest.conftest import corpus, run_ingest  # noqa: F401 (fixtures)


@pytest.fixture
def seeded(run_ingest, corpus: Path) -> None:  # noqa: F811
    """The seeds in the database: 2 articles, their actors, claims and sources."""
    run = run_ingest(corpus)
    assert run.failed is None, run.failed
