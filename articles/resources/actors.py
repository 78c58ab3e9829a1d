"""Actors, with their aliases in one cell, and sources: both found by their normalised name."""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import suppress

from django.utils.translation import gettext as _
from import_export.fields import Field
from import_export.widgets import CharWidget, Widget

from articles.models import Actor, ActorAlias, Origin, Source
from articles.normalise import normalise_name

from .base import DerivedField, NaturalKeyResource, Owners
from .widgets import CHUNK, SEPARATOR, ActorWidget, blank, fetch_in, text

_ALIAS_LENGTH = ActorAlias._meta.get_field("name").max_length
_KIND_PREFIX = re.compile(r"^(?P<kind>[a-z_]+):(?P<name>.+)$", re.DOTALL)


def format_alias(name: str, kind: str) -> str:
    """``Erdogan`` for a name, ``metonym:Ankara`` for any other kind."""
    return name if kind == ActorAlias.Kind.NAME else f"{kind}:{name}"


def parse_aliases(value: object) -> list[tuple[str, str]]:
    """``Erdogan|metonym:Ankara`` as ``(name, kind)`` pairs; ValueError for an unknown kind."""
    aliases = []
    for part in text(value).split(SEPARATOR):
        part = part.strip()
        match = _KIND_PREFIX.match(part)
        kind, name = (match["kind"], match["name"].strip()) if match else ("name", part)
        if kind not in ActorAlias.Kind.values:
            raise ValueError(
                _("“%(kind)s” is not a kind of alias: use one of %(kinds)s.")
                % {"kind": kind, "kinds": ", ".join(ActorAlias.Kind.values)}
            )
        if name:
            aliases.append((name, kind))
    return aliases


def _aliases(actor: Actor) -> tuple:
    """The aliases as ``(normalised, (name, kind))`` in key order: equal when nothing changes."""
    aliases = actor.aliases.all() if actor.pk else ()
    return tuple(sorted((alias.normalised, (alias.name, alias.kind)) for alias in aliases))


class AliasesWidget(Widget):
    def render(self, value, obj=None, **kwargs) -> str:
        return SEPARATOR.join(format_alias(name, kind) for _key, (name, kind) in value or ())


def _alias_keys(rows: list[dict]) -> set[str]:
    keys = set()
    for row in rows:
        with suppress(ValueError):  # reported with its row
            keys.update(normalise_name(name) for name, _kind in parse_aliases(row.get("aliases")))
    return keys


ACTOR_FIELDS = (
    "name",
    "kind",
    "wikidata_id",
    "description",
    "origin",
    "in_gazetteer",
    "country",
    "source_kind",
    "adjective",
    "adjective_neutral",
    "aliases",
)


class ActorResource(NaturalKeyResource):
    """An actor by canonical name; ``aliases`` holds all its aliases in one cell, kinds kept
    (``Erdogan|metonym:Ankara``; the canonical name is usually among them, as ingest makes it).

    A country may be an actor of the same file, on any row: countries are set once every row
    is written. An alias that another actor keeps is an error of the row that gives it.
    """

    origin = Field(
        attribute="origin", column_name="origin", widget=CharWidget(), default=Origin.EDITOR
    )
    country = Field(attribute="country", column_name="country", widget=ActorWidget(), readonly=True)
    aliases = DerivedField(_aliases, column_name="aliases", widget=AliasesWidget())

    # Saved in bulk: the name and its key, and everything else but the aliases.
    update_fields = ("key", *(f for f in ACTOR_FIELDS if f != "aliases"))

    class Meta:
        model = Actor
        fields = ACTOR_FIELDS
        import_id_fields = ("name",)

    def init_instance(self, row=None) -> Actor:
        return Actor(origin=Origin.EDITOR)

    def row_key(self, row: dict) -> str | None:
        return normalise_name(text(row.get("name"))) or None

    def instance_key(self, instance: Actor) -> str:
        return instance.key

    def existing(self, keys: set[str]) -> Iterable[Actor]:
        actors = Actor.objects.select_related("country").prefetch_related("aliases")
        return fetch_in(actors, "key", keys)

    def primed(self) -> dict:
        return {"country": self.fields["country"].widget}

    def prepare(self, rows: list[dict]) -> None:
        given = {key for key in map(self.safe_row_key, rows) if key}
        self.kinds = {self.safe_row_key(row): text(row.get("kind")) for row in rows}
        aliases = ActorAlias.objects.values_list("normalised", "actor__key", "actor__name")
        found = fetch_in(aliases, "normalised", _alias_keys(rows))
        held = {normalised: (key, name) for normalised, key, name in found}
        self.alias_owners = Owners(held, given if "aliases" in self.columns else set())
        wikidata = {text(row.get("wikidata_id")) for row in rows} - {""}
        ids = Actor.objects.values_list("wikidata_id", "key", "name")
        held = {wid: (key, name) for wid, key, name in fetch_in(ids, "wikidata_id", wikidata)}
        self.wikidata_owners = Owners(held, given if "wikidata_id" in self.columns else set())

    def set_keys(self, instance: Actor) -> None:
        instance.key = normalise_name(instance.name or "")

    def complete(self, actor: Actor, row: dict, errors: dict) -> None:
        if not actor.key:
            return  # a blank name: clean_fields() says so
        actor.current_aliases = {a.normalised: a for a in actor.aliases.all()} if actor.pk else {}
        if "country" in row:
            self._country(actor, row["country"], errors)
        if "aliases" in row:
            self._aliases(actor, row["aliases"], errors)
        if actor.wikidata_id:
            label = self.row_label(actor.name)
            holder = self.wikidata_owners.take(actor.wikidata_id, actor.key, label)
            if holder:
                errors["wikidata_id"] = [
                    _("%(id)s is already the Wikidata id of %(holder)s.")
                    % {"id": actor.wikidata_id, "holder": holder}
                ]

    def _country(self, actor: Actor, value: object, errors: dict) -> None:
        actor.pending_country = None
        if blank(value):
            actor.country = None
            return
        widget = self.fields["country"].widget
        key = widget.key(value)
        found = widget.cached().get(key, [])
        kind = self.kinds.get(key) or (found[0].kind if found else None)
        if kind is None:
            errors["country"] = [widget.not_found(value)]
        elif kind != Actor.Kind.COUNTRY:
            errors["country"] = [_("“%(name)s” is not a country.") % {"name": text(value)}]
        elif found:
            actor.country = found[0]
        else:  # an actor of this file, not written yet
            actor.country, actor.pending_country = None, key

    def _aliases(self, actor: Actor, value: object, errors: dict) -> None:
        try:
            wanted = parse_aliases(value)
        except ValueError as error:
            errors["aliases"] = [str(error)]
            return
        aliases: dict[str, tuple[str, str]] = {}
        problems = []
        for name, kind in wanted:
            key = normalise_name(name)
            if not key:
                problems.append(_("“%(alias)s” is not a name.") % {"alias": name})
                continue
            if key in aliases:
                problems.append(
                    _("“%(name)s” and “%(other)s” are the same alias.")
                    % {"name": name, "other": aliases[key][0]}
                )
                continue
            aliases[key] = (name, kind)
            if len(name) > _ALIAS_LENGTH:
                problems.append(
                    _("“%(alias)s” is longer than %(count)d characters.")
                    % {"alias": name, "count": _ALIAS_LENGTH}
                )
            holder = self.alias_owners.take(key, actor.key, self.row_label(actor.name))
            if holder:
                problems.append(
                    _("“%(alias)s” already names %(holder)s.") % {"alias": name, "holder": holder}
                )
        if problems:
            errors["aliases"] = problems
        actor.wanted_aliases = aliases
        self.fields["aliases"].remember(actor, tuple(sorted(aliases.items())))

    def skip_row(self, instance, original, row, import_validation_errors=None) -> bool:
        if getattr(instance, "pending_country", None):
            return False  # the country is set after the rows are written
        return super().skip_row(instance, original, row, import_validation_errors)

    def flush(self, saved: list[Actor]) -> None:
        self._set_countries([a for a in saved if getattr(a, "pending_country", None)])
        self._write_aliases([a for a in saved if getattr(a, "wanted_aliases", None) is not None])

    def _set_countries(self, actors: list[Actor]) -> None:
        keys = {actor.pending_country for actor in actors}
        ids = dict(fetch_in(Actor.objects.values_list("key", "pk"), "key", keys))
        for actor in actors:
            actor.country_id = ids[actor.pending_country]
        Actor.objects.bulk_update(actors, ["country"], batch_size=CHUNK)

    def _write_aliases(self, actors: list[Actor]) -> None:
        gone, changed, new = [], [], []
        for actor in actors:
            for key, alias in actor.current_aliases.items():
                if key not in actor.wanted_aliases:
                    gone.append(alias.pk)
                elif (alias.name, alias.kind) != actor.wanted_aliases[key]:
                    alias.name, alias.kind = actor.wanted_aliases[key]
                    changed.append(alias)
            new.extend(
                ActorAlias(actor=actor, name=name, normalised=key, kind=kind)
                for key, (name, kind) in actor.wanted_aliases.items()
                if key not in actor.current_aliases
            )
        # Deleted first: an alias may move to another actor of the same file.
        for start in range(0, len(gone), CHUNK):
            ActorAlias.objects.filter(pk__in=gone[start : start + CHUNK]).delete()
        ActorAlias.objects.bulk_update(changed, ["name", "kind"], batch_size=CHUNK)
        ActorAlias.objects.bulk_create(new, batch_size=CHUNK)

    def dehydrate_aliases(self, actor: Actor) -> str:
        # In the order they were made: the canonical name first, as the gazetteer has it.
        aliases = sorted(actor.aliases.all(), key=lambda alias: alias.pk)
        return SEPARATOR.join(format_alias(alias.name, alias.kind) for alias in aliases)

    def export_queryset(self, queryset):
        actors = queryset.select_related("country").prefetch_related("aliases")
        return actors.order_by("name", "key")


def _cell(value: object) -> str:
    """A cell as the model stores it (``save()`` computes the key from the unstripped name)."""
    return "" if value is None else str(value)


class SourceResource(NaturalKeyResource):
    """A source by name; a file source by corpus and file name, as ``Source.key_for`` says."""

    actor = Field(attribute="actor", column_name="actor", widget=ActorWidget())

    update_fields = (
        "name",
        "key",
        "kind",
        "actor",
        "corpus",
        "file_path",
        "checksum",
        "url",
        "description",
    )

    class Meta:
        model = Source
        fields = ("name", "kind", "actor", "corpus", "file_path", "checksum", "url", "description")
        import_id_fields = ("name",)

    def row_key(self, row: dict) -> str | None:
        name = _cell(row.get("name"))
        if not name.strip():
            return None
        is_file = bool(_cell(row.get("file_path")))
        return Source.key_for(name, corpus=_cell(row.get("corpus")), is_file=is_file)

    def instance_key(self, instance: Source) -> str:
        return instance.key

    def existing(self, keys: set[str]) -> Iterable[Source]:
        return fetch_in(Source.objects.select_related("actor"), "key", keys)

    def primed(self) -> dict:
        return {"actor": self.fields["actor"].widget}

    def set_keys(self, instance: Source) -> None:
        is_file = bool(instance.file_path)
        instance.key = Source.key_for(instance.name or "", corpus=instance.corpus, is_file=is_file)

    def export_queryset(self, queryset):
        return queryset.select_related("actor").order_by("key")
