"""Every changelist and change page costs the same few queries with thousands of claims."""

from itertools import pairwise

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import (
    Actor,
    Article,
    Claim,
    ClaimLink,
    CountCluster,
    LinkSuggestion,
    Mention,
    Note,
    Source,
)
from tests.factories import ActorFactory, ArticleFactory, SourceFactory

pytestmark = pytest.mark.django_db
PAGES = [
    ("article", {}),
    ("claim", {}),
    ("claim", {"status": "unreviewed", "has_quantity": "yes", "has_conflicts": "yes"}),
    ("claim", {"published": "2020-2", "q": "doden"}),
    ("actor", {}),
    ("actor", {"q": "actor"}),
    ("source", {}),
    ("mention", {}),
    ("claimlink", {}),
    ("note", {}),
]


def corpus(articles: int, claims_per_article: int) -> None:
    actors = ActorFactory.create_batch(5)
    sources = [SourceFactory(actor=actor) for actor in actors]
    for _ in range(articles):
        article = ArticleFactory(text=" date 2020-02 " + "Zeker 22 doden, zei hij. " * 40)
        claims = Claim.objects.bulk_create(
            Claim(
                article=article,
                start=14 + 25 * i,
                end=14 + 25 * i + 24,
                text=article.text[14 + 25 * i : 14 + 25 * i + 24],
                source=sources[i % 5],
                via=sources[(i + 1) % 5],
                quantity_value=22,
                quantity_qualifier="at_least",
            )
            for i in range(claims_per_article)
        )
        Mention.objects.bulk_create(
            Mention(article=article, actor=actors[i % 5], start=c.start, end=c.start + 6)
            for i, c in enumerate(claims)
        )
        ClaimLink.objects.bulk_create(
            ClaimLink(from_claim=a, to_claim=b, relation="conflicts") for a, b in pairwise(claims)
        )
        Claim.about.through.objects.bulk_create(
            Claim.about.through(claim=c, actor=actors[i % 5]) for i, c in enumerate(claims)
        )
        Note.objects.create(claim=claims[0], body="n")


def queries(client, url: str, params: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


def test_changelists_do_not_grow_with_the_data(editor_client):
    corpus(articles=2, claims_per_article=10)
    small = {
        (m, str(p)): queries(editor_client, reverse(f"admin:articles_{m}_changelist"), p)
        for m, p in PAGES
    }
    corpus(articles=60, claims_per_article=40)  # 2,400 more claims, mentions and links
    assert Claim.objects.count() > 2000
    for model, params in PAGES:
        large = queries(editor_client, reverse(f"admin:articles_{model}_changelist"), params)
        assert large <= small[(model, str(params))], (model, params)
        assert large <= 12, (model, params, large)


def test_change_pages_do_not_grow_with_the_data(editor_client):
    corpus(articles=1, claims_per_article=5)
    small_article = Article.objects.get()
    corpus(articles=1, claims_per_article=40)
    large_article = Article.objects.latest("pk")
    for article in (small_article, large_article):
        claim = article.claims.first()
        actor = Actor.objects.first()
        source = Source.objects.filter(actor__isnull=False).first()
        counts = [
            queries(editor_client, reverse("admin:articles_article_change", args=[article.pk])),
            queries(editor_client, reverse("admin:articles_claim_change", args=[claim.pk])),
            queries(editor_client, reverse("admin:articles_actor_change", args=[actor.pk])),
            queries(editor_client, reverse("admin:articles_source_change", args=[source.pk])),
        ]
        if article == small_article:
            baseline = counts
    assert all(large <= small for small, large in zip(baseline, counts, strict=True)), (
        baseline,
        counts,
    )


def crossref_corpus(rows: int, reports: int = 3) -> list[CountCluster]:
    """``rows`` count clusters of ``reports`` reports each, and two suggested links per cluster
    (pending, and one accepted for the "all" view)."""
    actor = ActorFactory()
    source = SourceFactory(actor=actor)
    clusters = CountCluster.objects.bulk_create(
        CountCluster(key="turks|dood", label="Turkse doden") for _ in range(rows)
    )
    for cluster in clusters:
        article = ArticleFactory(text=" date 2020-02 " + "Zeker 22 doden, zei hij. " * reports)
        claims = Claim.objects.bulk_create(
            Claim(
                article=article,
                start=14 + 25 * i,
                end=14 + 25 * i + 24,
                text=article.text[14 + 25 * i : 14 + 25 * i + 24],
                source=source,
                quantity_value=22 + i,
                quantity_qualifier="at_least" if i % 2 else "exact",
                quantity_key="turks|dood",
                cluster=cluster,
            )
            for i in range(reports)
        )
        Claim.about.through.objects.bulk_create(
            Claim.about.through(claim=c, actor=actor) for c in claims
        )
        LinkSuggestion.objects.bulk_create(
            LinkSuggestion(
                from_claim=a,
                to_claim=b,
                relation="conflicts",
                score=0.7,
                reasons=[{"code": "same_month"}],
                status="pending" if i == 0 else "accepted",
                decided_at=None if i == 0 else timezone.now(),
            )
            for i, (a, b) in enumerate(pairwise(claims[:3]))
        )
    return clusters


CROSSREF_PAGES = [
    ("linksuggestion", {}),
    ("linksuggestion", {"status": "all", "relation": "conflicts", "q": "doden"}),
    ("countcluster", {}),
    ("countcluster", {"has_house_figure": "no", "q": "dood"}),
]


@pytest.mark.parametrize(("model", "params"), CROSSREF_PAGES)
def test_crossref_changelists_do_not_grow_with_the_data(
    editor_client, django_assert_max_num_queries, model, params
):
    url = reverse(f"admin:articles_{model}_changelist")
    crossref_corpus(5)
    small = queries(editor_client, url, params)
    crossref_corpus(45)  # 50 clusters, 100 suggestions: every row on the one page
    with django_assert_max_num_queries(min(small, 12)):
        response = editor_client.get(url, params)
    assert len(response.context["cl"].result_list) >= 50


def test_crossref_change_pages_do_not_grow_with_the_data(editor_client):
    small, large = crossref_corpus(1, reports=3)[0], crossref_corpus(1, reports=30)[0]
    counts = []
    for cluster in (small, large):
        claim = cluster.claims.order_by("start")[1]  # one suggestion out, one in
        suggestion = LinkSuggestion.objects.filter(from_claim__cluster=cluster).first()
        counts.append(
            [
                queries(
                    editor_client, reverse("admin:articles_countcluster_change", args=[cluster.pk])
                ),
                queries(editor_client, reverse("admin:articles_claim_change", args=[claim.pk])),
                queries(
                    editor_client,
                    reverse("admin:articles_linksuggestion_change", args=[suggestion.pk]),
                ),
            ]
        )
    assert all(large <= small for small, large in zip(*counts, strict=True)), counts
