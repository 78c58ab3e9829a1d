"""Merging duplicate actors into one: every reference moves to the actor that is kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count

from articles.models import Actor, ActorAlias, Claim, Mention, Source
from articles.normalise import normalise_name


@dataclass(frozen=True, slots=True)
class MergeReport:
    kept: Actor
    merged: tuple[str, ...]
    mentions: int
    claims_about: int
    sources: int
    aliases: int

    def message(self) -> str:
        names = ", ".join(self.merged)
        return (
            f"Merged {names} into {self.kept.name}: {self.mentions} mentions, "
            f"{self.claims_about} claims about, {self.sources} sources, {self.aliases} aliases."
        )


def actor_to_keep(actors: Sequence[Actor]) -> Actor:
    """The gazetteer's actor if any, else the most mentioned, else the oldest."""
    counted = Actor.objects.filter(pk__in=[a.pk for a in actors]).annotate(n=Count("mentions"))
    return min(counted, key=lambda a: (not a.in_gazetteer, -a.n, a.created_at, a.pk))


@transaction.atomic
def merge_actors(kept: Actor, others: Sequence[Actor]) -> MergeReport:
    """Move mentions, claims about, sources, aliases and nationals of ``others`` to ``kept``
    and delete ``others``; their names become aliases of ``kept``."""
    ids = [actor.pk for actor in others if actor.pk != kept.pk]
    merged = tuple(Actor.objects.filter(pk__in=ids).values_list("name", flat=True))
    mentions = _move_mentions(kept, ids)
    claims_about = _move_claims_about(kept, ids)
    sources = Source.objects.filter(actor_id__in=ids).update(actor=kept)
    Actor.objects.filter(country_id__in=ids).update(country=kept)
    aliases = ActorAlias.objects.filter(actor_id__in=ids).update(actor=kept)
    Actor.objects.filter(pk__in=ids).delete()
    known = set(kept.aliases.values_list("normalised", flat=True))
    for name in merged:
        if normalise_name(name) not in known:
            kept.aliases.create(name=name)
            aliases += 1
    return MergeReport(kept, merged, mentions, claims_about, sources, aliases)


def _move_mentions(kept: Actor, ids: list[int]) -> int:
    """Mentions of the same span by both actors become one: the kept actor's."""
    taken = set(kept.mentions.values_list("article_id", "start", "end"))
    duplicates = []
    for pk, *span in Mention.objects.filter(actor_id__in=ids).values_list(
        "pk", "article_id", "start", "end"
    ):
        if tuple(span) in taken:
            duplicates.append(pk)
        taken.add(tuple(span))
    Mention.objects.filter(pk__in=duplicates).delete()
    return Mention.objects.filter(actor_id__in=ids).update(actor=kept)


def _move_claims_about(kept: Actor, ids: list[int]) -> int:
    through = Claim.about.through
    already = set(through.objects.filter(actor=kept).values_list("claim_id", flat=True))
    claim_ids = set(through.objects.filter(actor_id__in=ids).values_list("claim_id", flat=True))
    through.objects.bulk_create(
        [through(claim_id=claim_id, actor=kept) for claim_id in sorted(claim_ids - already)]
    )
    through.objects.filter(actor_id__in=ids).delete()
    return len(claim_ids)
