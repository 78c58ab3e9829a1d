"""Claims filtered by who said them, who they are about, their review and their words."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from articles.figures import claim_figure
from articles.models import Actor, Claim

from .names import resolve_actor, resolve_article, resolve_source_filter
from .output import Column

CLAIM_COLUMNS: tuple[Column, ...] = (
    Column("id", _("id"), 8, align="right"),
    Column("article", _("article"), 24),
    Column("date", _("date"), 10),
    Column("source", _("source"), 32),
    Column("status", _("status"), 12),
    Column("hedged", _("hedged"), 6),
    Column("quantity", _("quantity"), 48),
    Column("about", _("about"), 32),
    Column("text", _("text"), 80),
)


@dataclass(frozen=True)
class ClaimFilters:
    """What ``claims`` asks for; empty fields filter nothing, the rest combine with AND."""

    actor: str | None = None
    about: str | None = None
    source: str | None = None
    status: str | None = None
    article: str | None = None
    hedged: bool = False
    text: str | None = None


def claim_list(filters: ClaimFilters) -> QuerySet[Claim]:
    """Matching claims in article-date order, ready for ``claim_rows`` in two queries.

    Names are resolved first (a few queries); raises ``UnknownName`` for one that matches
    nothing. ``about`` is tested with subqueries, so no claim is listed twice.
    """
    claims = Claim.objects.all()
    if filters.actor:
        actor = resolve_actor(filters.actor)
        claims = claims.filter(
            Q(source__actor=actor) | Q(via__actor=actor) | Q(pk__in=_claims_about(actor))
        )
    if filters.about:
        claims = claims.filter(pk__in=_claims_about(resolve_actor(filters.about)))
    if filters.source:
        claims = claims.filter(resolve_source_filter(filters.source))
    if filters.article:
        claims = claims.filter(article=resolve_article(filters.article))
    if filters.status:
        claims = claims.filter(status=filters.status)
    if filters.hedged:
        claims = claims.filter(hedged=True)
    for word in (filters.text or "").split():
        claims = claims.filter(text__icontains=word)
    about = Prefetch("about", queryset=Actor.objects.only("pk", "name").order_by("name"))
    return (
        claims.select_related("article", "source", "via")
        .defer("article__text")
        .prefetch_related(about)
        .order_by(
            "article__published_year",
            F("article__published_month").asc(nulls_first=True),
            F("article__published_day").asc(nulls_first=True),
            "article__external_id",
            "start",
            "pk",
        )
    )


def claim_rows(claims: Iterable[Claim]) -> Iterator[dict[str, object]]:
    """One row per claim with the keys of ``CLAIM_COLUMNS``."""
    for claim in claims:
        yield {
            "id": claim.pk,
            "article": claim.article.external_id,
            "date": str(claim.article.published),
            "source": source_label(claim),
            "status": claim.status,
            "hedged": claim.hedged,
            "quantity": quantity_label(claim),
            "about": ", ".join(actor.name for actor in claim.about.all()),
            "text": claim.text,
        }


def source_label(claim: Claim) -> str:
    """``Reuters``, ``een functionaris via Reuters``, or empty when the article says it."""
    name = claim.source.name if claim.source else ""
    if claim.via is None:
        return name
    return f"{name} via {claim.via.name}".strip()


def quantity_label(claim: Claim) -> str:
    """``≥ 22 Turkse militairen om het leven gekomen``; a range as ``≈ 200000–999999 …``."""
    figure = claim_figure(claim)
    return f"{figure} {claim.quantity_what}".strip() if figure else ""


def _claims_about(actor: Actor) -> QuerySet:
    return Claim.about.through.objects.filter(actor=actor).values("claim_id")
