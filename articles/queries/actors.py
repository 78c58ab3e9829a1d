"""Actors with how often they are mentioned, quoted and written about."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from articles.models import Actor, ActorAlias, Claim, Mention
from articles.normalise import normalise_name

from .output import Column

ACTOR_COLUMNS: tuple[Column, ...] = (
    Column("id", _("id"), 8, align="right"),
    Column("name", _("name"), 48),
    Column("kind", _("kind"), 12),
    Column("mentions", _("mentions"), 8, align="right"),
    Column("claims_by", _("claims by"), 9, align="right"),
    Column("claims_about", _("claims about"), 12, align="right"),
    Column("aliases", _("aliases"), 7, align="right"),
)


def actor_list(*, kind: str | None = None, name: str | None = None) -> QuerySet[Actor]:
    """Actors annotated with ``mention_count``, ``claims_by_count``, ``claims_about_count``
    and ``alias_count``, most mentioned first; ``name`` as in ``named_like``.

    Each count is its own correlated subquery, so no count multiplies another."""
    actors = Actor.objects.all()
    if kind:
        actors = actors.filter(kind=kind)
    if name:
        actors = actors.filter(named_like(name))
    return actors.annotate(
        mention_count=_count(Mention.objects.all(), "actor"),
        claims_by_count=_count(Claim.objects.all(), "source__actor"),
        claims_about_count=_count(Claim.about.through.objects.all(), "actor"),
        alias_count=_count(ActorAlias.objects.all(), "actor"),
    ).order_by("-mention_count", "name", "pk")


def named_like(name: str) -> Q:
    """An ``Actor`` filter: ``name`` occurs in its key or one of its aliases, normalised."""
    key = normalise_name(name)
    aliased = ActorAlias.objects.filter(normalised__contains=key).values("actor_id")
    return Q(key__contains=key) | Q(pk__in=aliased)


def actor_rows(actors: Iterable[Actor]) -> Iterator[dict[str, object]]:
    """One row per annotated actor (from ``actor_list``) with the keys of ``ACTOR_COLUMNS``."""
    for actor in actors:
        yield {
            "id": actor.pk,
            "name": actor.name,
            "kind": actor.kind,
            "mentions": actor.mention_count,
            "claims_by": actor.claims_by_count,
            "claims_about": actor.claims_about_count,
            "aliases": actor.alias_count,
        }


def _count(rows: QuerySet, field: str) -> Coalesce:
    """How many of ``rows`` have ``field`` equal to the outer actor: a correlated subquery."""
    counted = (
        rows.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
