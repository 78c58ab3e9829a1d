"""Finding or creating the actors and sources an extraction refers to.

Lookups go through normalised unique keys and inserts use ``ignore_conflicts``, so two ingests
running at once never create the same actor or source twice; rows are inserted in key order,
so two such transactions wait for each other instead of deadlocking. Ids are cached for one
run; ids created inside a transaction join the cache only once it has committed.
"""

from __future__ import annotations

from collections.abc import Iterable

from articles.extraction.types import ActorRef, FoundSource
from articles.models import Actor, ActorAlias, Origin, Source
from articles.normalise import normalise_name


class Resolver:
    def __init__(self) -> None:
        self._actors: dict[str, int] = {}
        self._sources: dict[str, int] = {}
        self._pending_actors: dict[str, int] = {}
        self._pending_sources: dict[str, int] = {}

    def commit(self) -> None:
        self._actors.update(self._pending_actors)
        self._sources.update(self._pending_sources)
        self.rollback()

    def rollback(self) -> None:
        self._pending_actors = {}
        self._pending_sources = {}

    def actor_ids(self, refs: Iterable[ActorRef]) -> dict[str, int]:
        """Actor id per normalised canonical name, creating the actors that do not exist."""
        wanted = {normalise_name(ref.name): ref for ref in refs}
        known = {key: self._cached_actor(key) for key in wanted}
        missing = [key for key, actor_id in known.items() if actor_id is None]
        if missing:
            found = dict(
                ActorAlias.objects.filter(normalised__in=missing).values_list(
                    "normalised", "actor_id"
                )
            )
            absent = {key: wanted[key] for key in missing if key not in found}
            if absent:
                found.update(_create_actors(absent))
            self._pending_actors.update(found)
            known.update(found)
        return {key: actor_id for key, actor_id in known.items() if actor_id is not None}

    def source_ids(
        self, sources: Iterable[FoundSource], actor_ids: dict[str, int]
    ) -> dict[str, int]:
        """Source id per source key, creating the sources that do not exist."""
        wanted = {Source.key_for(source.name): source for source in sources}
        known = {key: self._cached_source(key) for key in wanted}
        missing = [key for key, source_id in known.items() if source_id is None]
        if missing:
            found = dict(Source.objects.filter(key__in=missing).values_list("key", "id"))
            absent = [key for key in missing if key not in found]
            if absent:
                Source.objects.bulk_create(
                    [_new_source(key, wanted[key], actor_ids) for key in sorted(absent)],
                    ignore_conflicts=True,
                )
                found.update(Source.objects.filter(key__in=absent).values_list("key", "id"))
            self._pending_sources.update(found)
            known.update(found)
        return {key: source_id for key, source_id in known.items() if source_id is not None}

    def _cached_actor(self, key: str) -> int | None:
        return self._pending_actors.get(key) or self._actors.get(key)

    def _cached_source(self, key: str) -> int | None:
        return self._pending_sources.get(key) or self._sources.get(key)


def _create_actors(absent: dict[str, ActorRef]) -> dict[str, int]:
    Actor.objects.bulk_create(
        [
            Actor(
                name=ref.name,
                key=key,
                kind=ref.kind,
                description=ref.description,
                origin=Origin.EXTRACTOR,
            )
            for key, ref in sorted(absent.items())
        ],
        ignore_conflicts=True,
    )
    created = dict(Actor.objects.filter(key__in=absent).values_list("key", "id"))
    aliases = {
        normalise_name(name): ActorAlias(
            actor_id=created[key], name=name, normalised=normalise_name(name)
        )
        for key, ref in absent.items()
        if key in created
        for name in (ref.name, *ref.aliases)
        if normalise_name(name)
    }
    ActorAlias.objects.bulk_create([aliases[key] for key in sorted(aliases)], ignore_conflicts=True)
    return created


def _new_source(key: str, found: FoundSource, actor_ids: dict[str, int]) -> Source:
    actor_id = actor_ids.get(normalise_name(found.actor.name)) if found.actor else None
    return Source(name=found.name, key=key, kind=found.kind, actor_id=actor_id)
