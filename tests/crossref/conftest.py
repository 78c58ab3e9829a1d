"""Fixtures for cross-referencing: the seeds ingested, and small stored articles."""

from pathlib import Path

import pytest

from articles.crossref.suggest import suggest_for_article
from articles.models import Claim, Source
from tests.factories import ArticleFactory
from tests.ingest.conftest import SEEDS, corpus, run_ingest  # noqa: F401 (fixtures)


@pytest.fixture
def seeded(run_ingest) -> None:  # noqa: F811
    """Both seed articles stored; the ingest suggested links as it went."""
    run = run_ingest(SEEDS)
    assert run.failed is None, run.failed


def seed_claim(text_start: str) -> Claim:
    return Claim.objects.get(text__startswith=text_start)


@pytest.fixture
def count_article():
    """Store an article with one claim counting something, and suggest its links as the
    ingest does (unless ``suggest=False``)."""

    def make(
        sentence: str,
        *,
        value: int,
        qualifier: str = "exact",
        key: str = "turks militair|dood",
        what: str = "Turkse militairen gedood",
        month: int = 2,
        year: int = 2020,
        source: str | None = None,
        suggest: bool = True,
    ) -> Claim:
        text = f" date {year}-{month:02d} {sentence}"
        article = ArticleFactory(text=text, published_year=year, published_month=month)
        claim = Claim.objects.create(
            article=article,
            start=text.index(sentence),
            end=len(text),
            text=sentence,
            source=Source.objects.get_or_create(name=source, key=Source.key_for(source))[0]
            if source
            else None,
            quantity_value=value,
            quantity_qualifier=qualifier,
            quantity_what=what,
            quantity_key=key,
        )
        if suggest:
            suggest_for_article(article)
        return claim

    return make


__all__ = ["Path", "corpus"]
