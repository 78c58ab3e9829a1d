"""The extractor's ``Gazetteer`` built from the actors editors keep in the database."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from django.db import DatabaseError

from articles.extraction.gazetteer import DATA_FILE, Gazetteer, GazetteerEntry
from articles.models import Actor, ActorAlias

from .load import load_gazetteer


@dataclass(frozen=True, slots=True)
class GazetteerSnapshot:
    """The gazetteer as it is now, and a fingerprint that changes whenever it does."""

    entries: tuple[GazetteerEntry, ...] = field(compare=False)
    fingerprint: str = ""

    @classmethod
    def of(cls, entries: list[GazetteerEntry]) -> GazetteerSnapshot:
        entries = sorted(entries, key=lambda entry: entry.name)
        payload = json.dumps([asdict(entry) for entry in entries], ensure_ascii=False)
        return cls(tuple(entries), hashlib.sha256(payload.encode()).hexdigest()[:12])

    @property
    def gazetteer(self) -> Gazetteer:
        return _build(self)


def snapshot_from_database() -> GazetteerSnapshot:
    """Every actor marked ``in_gazetteer``, with its aliases: two queries."""
    actors = (
        Actor.objects.in_gazetteer()
        .select_related("country")
        .prefetch_related("aliases")
        .order_by("key")
    )
    return GazetteerSnapshot.of([_entry(actor) for actor in actors])


def gazetteer_for_ingest(*, load_if_empty: bool = True) -> GazetteerSnapshot:
    """The database's gazetteer; the shipped file is loaded first into an empty database.

    Without ``load_if_empty`` (dry runs) nothing is written: see ``gazetteer_for_reading``.
    """
    if not load_if_empty:
        return gazetteer_for_reading()
    snapshot = snapshot_from_database()
    if not snapshot.entries:
        load_gazetteer(DATA_FILE)
        snapshot = snapshot_from_database()
    return snapshot


def gazetteer_for_reading() -> GazetteerSnapshot:
    """The database's gazetteer when there is one, else the shipped file; never writes."""
    try:
        snapshot = snapshot_from_database()
    except DatabaseError:  # not migrated yet: extraction still works from the file
        snapshot = None
    if snapshot and snapshot.entries:
        return snapshot
    return GazetteerSnapshot.of(Gazetteer.default().entries)


def _entry(actor: Actor) -> GazetteerEntry:
    aliases: dict[str, list[str]] = {kind: [] for kind in ActorAlias.Kind.values}
    for alias in sorted(actor.aliases.all(), key=lambda alias: alias.pk):
        if alias.name != actor.name:
            aliases[alias.kind].append(alias.name)
    return GazetteerEntry(
        name=actor.name,
        kind=actor.kind,
        aliases=tuple(aliases[ActorAlias.Kind.NAME]),
        source_kind=actor.source_kind,
        wikidata_id=actor.wikidata_id,
        description=actor.description,
        country=actor.country.name if actor.country else "",
        metonyms=tuple(aliases[ActorAlias.Kind.METONYM]),
        adjective=actor.adjective,
        adjective_neutral=actor.adjective_neutral,
        demonym_nouns=tuple(aliases[ActorAlias.Kind.DEMONYM]),
    )


@lru_cache(maxsize=4)
def _build(snapshot: GazetteerSnapshot) -> Gazetteer:
    return Gazetteer.from_entries(snapshot.entries)
