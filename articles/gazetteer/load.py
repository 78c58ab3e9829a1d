"""Loading a gazetteer file into ``Actor`` and ``ActorAlias`` rows.

Loading only adds: new actors, missing aliases and blank fields. It never overwrites or deletes
what is already there, so editors' corrections survive a reload of a newer file. Rows are
inserted in key order with ``ignore_conflicts``, so concurrent loads neither duplicate nor
deadlock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from articles.extraction.gazetteer import DATA_FILE, Gazetteer, GazetteerEntry
from articles.models import Actor, ActorAlias, Origin
from articles.normalise import normalise_name

_FILLABLE = ("wikidata_id", "description", "source_kind", "adjective", "adjective_neutral")


@dataclass(slots=True)
class GazetteerLoadReport:
    entries: int = 0
    actors_created: int = 0
    actors_updated: int = 0
    aliases_created: int = 0
    conflicts: list[str] = field(default_factory=list)


def load_gazetteer(path: Path | str = DATA_FILE) -> GazetteerLoadReport:
    """Add the entries of a gazetteer file (the format of ``extraction/data/gazetteer.json``)."""
    return load_entries(Gazetteer.from_file(path).entries)


@transaction.atomic
def load_entries(entries: Iterable[GazetteerEntry]) -> GazetteerLoadReport:
    by_key = {normalise_name(entry.name): entry for entry in entries}
    report = GazetteerLoadReport(entries=len(by_key))
    actors = _ensure_actors(by_key, report)
    report.actors_updated = _fill_blanks(actors, by_key)
    _add_aliases(actors, by_key, report)
    return report


def _ensure_actors(
    by_key: dict[str, GazetteerEntry], report: GazetteerLoadReport
) -> dict[str, Actor]:
    existing = set(Actor.objects.filter(key__in=by_key).values_list("key", flat=True))
    Actor.objects.bulk_create(
        [
            Actor(name=entry.name, key=key, kind=entry.kind, origin=Origin.GAZETTEER)
            for key, entry in sorted(by_key.items())
            if key not in existing
        ],
        ignore_conflicts=True,
    )
    actors = Actor.objects.in_bulk(list(by_key), field_name="key")
    report.actors_created = len(actors) - len(existing)
    return actors


def _fill_blanks(actors: dict[str, Actor], by_key: dict[str, GazetteerEntry]) -> int:
    country_ids = {key: actor.pk for key, actor in actors.items() if actor.kind == "country"}
    changed = []
    for key, actor in sorted(actors.items()):
        entry = by_key[key]
        before = _state(actor)
        actor.in_gazetteer = True
        for name in _FILLABLE:
            if not getattr(actor, name):
                value = entry.source_kind if name == "source_kind" else getattr(entry, name)
                setattr(actor, name, value)
        if actor.country_id is None and entry.country:
            actor.country_id = country_ids.get(normalise_name(entry.country))
        if _state(actor) != before:
            changed.append(actor)
    Actor.objects.bulk_update(changed, ["in_gazetteer", "country", *_FILLABLE], batch_size=500)
    return len(changed)


def _state(actor: Actor) -> tuple:
    return (actor.in_gazetteer, actor.country_id, *(getattr(actor, n) for n in _FILLABLE))


def _add_aliases(
    actors: dict[str, Actor], by_key: dict[str, GazetteerEntry], report: GazetteerLoadReport
) -> None:
    wanted: dict[str, ActorAlias] = {}
    for key, actor in actors.items():
        for name, kind in _surfaces(by_key[key]):
            normalised = normalise_name(name)
            if normalised and normalised not in wanted:
                wanted[normalised] = ActorAlias(
                    actor=actor, name=name, normalised=normalised, kind=kind
                )
    owners = dict(
        ActorAlias.objects.filter(normalised__in=wanted).values_list("normalised", "actor_id")
    )
    for normalised, alias in wanted.items():
        if normalised in owners and owners[normalised] != alias.actor.pk:
            report.conflicts.append(f"{alias.name!r} ({alias.actor.name})")
    new = [wanted[key] for key in sorted(wanted) if key not in owners]
    report.aliases_created = len(ActorAlias.objects.bulk_create(new, ignore_conflicts=True))


def _surfaces(entry: GazetteerEntry) -> Iterable[tuple[str, str]]:
    for name in (entry.name, *entry.aliases):
        yield name, ActorAlias.Kind.NAME
    for name in entry.metonyms:
        yield name, ActorAlias.Kind.METONYM
    for name in entry.demonym_nouns:
        yield name, ActorAlias.Kind.DEMONYM
