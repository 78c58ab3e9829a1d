"""Bulk passes collect garbage less often, in their workers too, and restore the thresholds."""

import gc
from pathlib import Path

import pytest

from articles.crossref import pending
from articles.forking import forked_pool
from articles.garbage import GEN0_THRESHOLD, fewer_collections
from articles.ingest.files import discover
from articles.ingest.service import IngestOptions, ingest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _noop() -> None:
    return None


def test_the_block_raises_the_youngest_threshold_and_restores_all_three_even_on_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections(gen0=before[0] + 1000):
        assert gc.get_threshold() == (before[0] + 1000, *before[1:])
        raise RuntimeError("the pass failed")
    assert gc.get_threshold() == before


def test_a_lower_threshold_than_the_current_one_is_never_set():
    before = gc.get_threshold()
    with fewer_collections(gen0=GEN0_THRESHOLD), fewer_collections(gen0=10):
        assert gc.get_threshold()[0] == GEN0_THRESHOLD
    assert gc.get_threshold() == before


def test_workers_forked_in_the_block_collect_as_seldom():
    with fewer_collections(), forked_pool(1, _noop) as pool:
        assert pool.submit(gc.get_threshold).result()[0] == GEN0_THRESHOLD


@pytest.fixture
def thresholds_when_compared(monkeypatch) -> list[int]:
    """The youngest generation's threshold each time a batch is cross-referenced."""
    seen: list[int] = []
    crossref = pending.suggest_for_articles_together

    def recording(article_ids):
        seen.append(gc.get_threshold()[0])
        return crossref(article_ids)

    monkeypatch.setattr(pending, "suggest_for_articles_together", recording)
    return seen


@pytest.mark.django_db
@pytest.mark.parametrize("cross_reference", ["in the ingest", "afterwards"])
def test_the_ingest_and_the_cross_referencing_run_with_fewer_collections(
    thresholds_when_compared, cross_reference
):
    before = gc.get_threshold()
    ingest(discover([SEEDS]), IngestOptions(cross_reference=cross_reference == "in the ingest"))
    if cross_reference == "afterwards":
        pending.cross_reference_pending()
    assert thresholds_when_compared and set(thresholds_when_compared) == {GEN0_THRESHOLD}
    assert gc.get_threshold() == before
