"""benchmarks.phases: the figures a phase reads from the database."""

import pytest

from articles.models import LinkSuggestion
from benchmarks.corpus.generation import external_id
from benchmarks.phases import counts
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def _claim(outlet: str, story: int, position: int):
    return ClaimFactory(article=ArticleFactory(external_id=external_id(outlet, story, position)))


def test_suggestions_within_a_story_counts_links_between_articles_of_one_story() -> None:
    first = _claim("de-heraut", 83, 1)
    same_story = _claim("nos", 83, 2)
    other_story = _claim("de-heraut", 84, 1)
    near_number = _claim("trouw", 830, 1)
    pairs = [(first, same_story), (first, other_story), (same_story, near_number)]
    LinkSuggestion.objects.bulk_create(
        LinkSuggestion(from_claim=a, to_claim=b, relation="conflicts", score=0.6, reasons=[])
        for a, b in pairs
    )
    found = counts(None)
    assert found["link_suggestions"] == 3
    assert found["suggestions_within_a_story"] == 1


def test_external_ids_keep_one_digit_of_position() -> None:
    assert external_id("nos", 7, 6) == "nos-0000007-6"
    with pytest.raises(ValueError):
        external_id("nos", 7, 10)
