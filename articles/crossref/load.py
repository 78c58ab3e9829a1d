"""Reading claims from the database as ``ClaimFacts``, in a constant number of queries."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from articles.models import Actor, Claim

from .facts import ClaimFacts

_FIELDS = (
    "id",
    "article_id",
    "text",
    "hedged",
    "status",
    "source_id",
    "via_id",
    "cluster_id",
    "quantity_value",
    "quantity_min",
    "quantity_max",
    "quantity_qualifier",
    "quantity_what",
    "quantity_key",
    "article__published_year",
    "article__published_month",
    "article__published_day",
    "article__source__name",
    "source__key",
    "source__name",
    "via__key",
)


def facts_queryset(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """The claims with just what cross-referencing reads: never the article's whole text."""
    return (
        claims.select_related("article__source", "source", "via")
        .only(*_FIELDS)
        .prefetch_related(Prefetch("about", queryset=Actor.objects.only("id", "name")))
    )


def facts_of(claim: Claim) -> ClaimFacts:
    article = claim.article
    about = list(claim.about.all())
    return ClaimFacts(
        claim_id=claim.pk,
        article_id=claim.article_id,
        year=article.published_year,
        month=article.published_month,
        day=article.published_day,
        text=claim.text,
        hedged=claim.hedged,
        source_id=claim.source_id,
        source_key=claim.source.key if claim.source else "",
        source_name=claim.source.name if claim.source else "",
        via_key=claim.via.key if claim.via else "",
        outlet=article.source.name,
        about=frozenset(actor.pk for actor in about),
        about_names=tuple((actor.pk, actor.name) for actor in about),
        value=claim.quantity_value,
        minimum=claim.quantity_min,
        maximum=claim.quantity_max,
        qualifier=claim.quantity_qualifier,
        what=claim.quantity_what,
        count_key=claim.quantity_key,
        cluster_id=claim.cluster_id,
    )


def load_facts(claims: QuerySet[Claim]) -> list[ClaimFacts]:
    return [facts_of(claim) for claim in facts_queryset(claims)]
