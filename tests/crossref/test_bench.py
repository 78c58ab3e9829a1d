"""The cross-referencing benchmark at toy sizes: what it writes and that it exercises blocking.

Not timed: the figures themselves come from ``python -m articles.crossref.bench``.
"""

import pytest
from django.db.models import Count

from articles.crossref.bench import SizeResult, ratio, run
from articles.crossref.keys import blocking_keys
from articles.crossref.load import load_facts
from articles.models import Article, BlockingKey, Claim, LinkSuggestion, Source

pytestmark = pytest.mark.django_db

SIZES = (50, 100)


@pytest.fixture
def results() -> list[SizeResult]:
    # Three months: at toy sizes, ten years would leave the busiest month nearly empty.
    return run(SIZES, new=2, seed=1, months=3, report=lambda _result: None)


def test_grows_the_database_to_each_size(results):
    assert [r.articles for r in results] == list(SIZES)
    last = results[-1]
    assert Article.objects.count() == last.articles, "the new articles were rolled back"
    assert Claim.objects.count() == last.claims
    assert BlockingKey.objects.count() == last.keys
    assert LinkSuggestion.objects.count() == 0
    per_article = (
        Claim.objects.values("article").annotate(n=Count("pk")).values_list("n", flat=True)
    )
    assert min(per_article) >= 5 and max(per_article) <= 11
    assert Source.objects.filter(kind=Source.Kind.PUBLICATION).count() == last.articles
    assert Claim.about.through.objects.count() >= last.claims
    assert Claim.objects.exclude(quantity_key="").exists()
    assert 0 < results[0].month_articles < results[-1].month_articles


def test_writes_the_keys_production_writes(results):
    claims = Claim.objects.order_by("pk")[:200]
    stored: dict[int, set[str]] = {}
    for claim_id, key in BlockingKey.objects.filter(claim__in=claims).values_list(
        "claim_id", "key"
    ):
        stored.setdefault(claim_id, set()).add(key)
    for facts in load_facts(claims):
        assert stored[facts.claim_id] == blocking_keys(facts)


def test_new_articles_get_suggestions(results):
    for result in results:
        assert len(result.timings) == 2
        for timing in result.timings:
            assert timing.candidates > 0
            assert timing.suggestions > 0
            assert timing.queries > 0
            assert timing.index_rows > 0
        assert result.median_ms > 0 and result.p90_ms >= result.median_ms
    assert "target under 3x" in ratio(results)
