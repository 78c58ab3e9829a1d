"""Each page costs the same number of queries with 3 or 30 claims, links and mentions."""

import pytest
from django.urls import reverse

from articles.models import Claim, ClaimLink, CountCluster, LinkSuggestion, Note
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    MentionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

# Session, user and groups (access), plus what each page reads.
BOUNDS = {
    "overview": 13,
    "article-list": 8,
    "article": 9,
    "claim": 15,
    "actor": 11,
    "conflicts": 7,
}


def build(size: int) -> dict[str, list[object]]:
    """An article with ``size`` claims (a count cluster of them all), mentions and links."""
    words = " ".join(f"w{i:02d}." for i in range(size))
    text = f" date 2020-02 {words}"
    article = ArticleFactory(text=text)
    actor = ActorFactory()
    source = SourceFactory(actor=actor)
    cluster = CountCluster.objects.create(key="turks militair|dood", label="doden")
    claims = []
    for i in range(size):
        start = 14 + i * 5
        claim = ClaimFactory(
            article=article,
            start=start,
            end=start + 4,
            source=source,
            via=SourceFactory(),
            cluster=cluster,
            quantity_value=10 + i,
            quantity_qualifier="exact",
            quantity_key="turks militair|dood",
            quantity_what="doden",
        )
        claim.about.add(actor)
        Note.objects.create(claim=claim, body="n")
        other_article = ArticleFactory()
        MentionFactory(article=article, actor=actor, start=start, end=start + 2)
        MentionFactory(article=article, start=start + 2, end=start + 3)
        MentionFactory(article=other_article, actor=actor)
        claims.append(claim)
    first = claims[0]
    for other in claims[1:]:
        ClaimLink.objects.create(from_claim=first, to_claim=other, relation="conflicts")
        other_of = ClaimFactory(start=14, end=17)
        LinkSuggestion.objects.create(
            from_claim=other_of, to_claim=first, relation="related", score=0.5
        )
    return {
        "overview": [],
        "article-list": [],
        "article": [article.pk],
        "claim": [first.pk],
        "actor": [actor.pk],
        "conflicts": [],
    }


@pytest.mark.parametrize("size", [3, 30])
@pytest.mark.parametrize("name", list(BOUNDS))
def test_query_count_does_not_grow(reader_client, django_assert_max_num_queries, name, size):
    args = build(size)[name]
    url = reverse(f"articles:{name}", args=args)
    with django_assert_max_num_queries(BOUNDS[name]):
        response = reader_client.get(url)
    assert response.status_code == 200
    if name == "claim":
        assert response.content.decode().count("conflicts with") >= size - 1
    if name == "conflicts":
        assert response.content.decode().count('<li class="report') == size
    assert Claim.objects.count() >= size
