"""``actor_list``: counts that do not multiply each other, filters, order, query count."""

import pytest

from articles.models import Actor
from articles.queries.actors import ACTOR_COLUMNS, actor_list, actor_rows
from tests.factories import (
    ActorFactory,
    AliasFactory,
    ArticleFactory,
    ClaimFactory,
    MentionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def make_stoltenberg() -> Actor:
    """3 mentions, 2 claims by him, 1 about him, 2 aliases; counts a join would multiply."""
    stoltenberg = ActorFactory(name="Jens Stoltenberg")
    AliasFactory(actor=stoltenberg, name="Stoltenberg")
    AliasFactory(actor=stoltenberg, name="NAVO-topman")
    article = ArticleFactory()
    for start in (14, 18, 22):
        MentionFactory(article=article, actor=stoltenberg, start=start, end=start + 3)
    source = SourceFactory(name="Stoltenberg", actor=stoltenberg)
    ClaimFactory(source=source)
    ClaimFactory(source=source).about.set([stoltenberg, ActorFactory(name="Turkije")])
    ClaimFactory(via=source)  # relayed, not by him
    return stoltenberg


def rows(**filters) -> list[dict]:
    return list(actor_rows(actor_list(**filters)))


def test_counts_are_right_and_not_multiplied():
    stoltenberg = make_stoltenberg()
    by_name = {row["name"]: row for row in rows()}
    assert by_name["Jens Stoltenberg"] == {
        "id": stoltenberg.pk,
        "name": "Jens Stoltenberg",
        "kind": "person",
        "mentions": 3,
        "claims_by": 2,
        "claims_about": 1,
        "aliases": 2,
    }
    turkey = by_name["Turkije"]
    counts = ("mentions", "claims_by", "claims_about", "aliases")
    assert [turkey[key] for key in counts] == [0, 0, 1, 0]
    assert set(turkey) == {column.key for column in ACTOR_COLUMNS}


def test_most_mentioned_first_then_by_name():
    make_stoltenberg()
    for name in ("Beta", "Alfa"):
        MentionFactory(actor=ActorFactory(name=name))
    assert [row["name"] for row in rows()] == ["Jens Stoltenberg", "Alfa", "Beta", "Turkije"]


def test_kind_and_name_filters():
    make_stoltenberg()
    ActorFactory(name="Türkiye Cumhuriyeti", kind="country")
    assert [row["name"] for row in rows(kind="country")] == ["Türkiye Cumhuriyeti"]
    assert [row["name"] for row in rows(name="TURK")] == ["Turkije", "Türkiye Cumhuriyeti"]
    assert [row["name"] for row in rows(name="topman")] == ["Jens Stoltenberg"]  # an alias
    assert rows(kind="country", name="stoltenberg") == []


@pytest.mark.parametrize("count", [5, 50])
def test_one_query_whatever_the_number_of_actors(count, django_assert_num_queries):
    for _ in range(count):
        MentionFactory(actor=AliasFactory().actor)
    with django_assert_num_queries(1):
        assert len(rows()) == count
