"""Reading claims from the database as ``ClaimFacts``, in a constant number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from django.db.models import Prefetch, QuerySet

from articles.bulk import among
from articles.models import Actor, Claim

from .facts import ClaimFacts

# The columns ``_facts_of_row`` unpacks, in its order.
_ROW_FIELDS = (
    "id",
    "article_id",
    "text",
    "hedged",
    "source_id",
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
# What ``facts_of`` reads of a claim instance: the same, its status and its relay.
_FIELDS = (*_ROW_FIELDS, "status", "via_id")
# Ids per query: well under SQLite's limit of bound parameters.
CHUNK = 5000


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
    """The claims' facts in two queries, read as tuples: no model instances to build."""
    rows = list(claims.values_list(*_ROW_FIELDS))
    about = _about([row[0] for row in rows])
    return [_facts_of_row(row, about.get(row[0], ())) for row in rows]


def load_facts_of_articles(article_ids: Collection[int]) -> list[ClaimFacts]:
    """The facts of these articles' claims, unless orphaned."""
    return load_facts(Claim.objects.filter(article_id__in=article_ids, is_orphaned=False))


def load_facts_by_id(claim_ids: Collection[int]) -> list[ClaimFacts]:
    """The facts of these claims, unless orphaned; a query pair per ``CHUNK`` ids."""
    ordered = sorted(claim_ids)
    return [
        facts
        for first in range(0, len(ordered), CHUNK)
        for facts in load_facts(
            Claim.objects.filter(pk__in=among(ordered[first : first + CHUNK]), is_orphaned=False)
        )
    ]


def _about(claim_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    about: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for first in range(0, len(claim_ids), CHUNK):
        rows = Claim.about.through.objects.filter(
            claim_id__in=among(claim_ids[first : first + CHUNK])
        ).values_list("claim_id", "actor_id", "actor__name")
        for claim_id, actor_id, name in rows:
            about[claim_id].append((actor_id, name))
    return about


def _facts_of_row(row: tuple, about: Iterable[tuple[int, str]]) -> ClaimFacts:
    (claim_id, article_id, text, hedged, source_id, cluster_id, value, minimum, maximum,
     qualifier, what, count_key, year, month, day, outlet, source_key, source_name,
     via_key) = row  # fmt: skip
    names = tuple(sorted(about, key=lambda actor: (actor[1], actor[0])))
    return ClaimFacts(
        claim_id=claim_id,
        article_id=article_id,
        year=year,
        month=month,
        day=day,
        text=text,
        hedged=hedged,
        source_id=source_id,
        source_key=source_key or "",
        source_name=source_name or "",
        via_key=via_key or "",
        outlet=outlet,
        about=frozenset(actor_id for actor_id, _name in names),
        about_names=names,
        value=value,
        minimum=minimum,
        maximum=maximum,
        qualifier=qualifier,
        what=what,
        count_key=count_key,
        cluster_id=cluster_id,
    )
