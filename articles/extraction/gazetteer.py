"""The curated actor list: countries, organisations, media, leaders, locations.

Built from the shipped JSON file (``Gazetteer.default()``, loaded once per process) or from
plain entries (``Gazetteer.from_entries``), e.g. rows the editors keep in the database.
Matching is one Aho-Corasick pass with word boundaries checked here.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import ahocorasick

from articles.extraction.types import ActorRef

DATA_FILE = Path(__file__).parent / "data" / "gazetteer.json"

_DEFAULT_SOURCE_KIND = {"country": "government", "person": "person", "role": "other"}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One actor and the ways it is written. Only ``name`` and ``kind`` are required."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    source_kind: str = ""
    wikidata_id: str = ""
    description: str = ""
    country: str = ""  # canonical name of the country a person/organisation belongs to
    metonyms: tuple[str, ...] = ()  # e.g. a capital standing for its country
    adjective: str = ""  # countries: inflected demonym adjective ("Turkse")
    adjective_neutral: str = ""  # countries: uninflected form ("Turks")
    demonym_nouns: tuple[str, ...] = ()  # countries: "Turk", "Noor"

    @property
    def effective_source_kind(self) -> str:
        return self.source_kind or _DEFAULT_SOURCE_KIND.get(self.kind, "other")

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> GazetteerEntry:
        tuple_fields = ("aliases", "metonyms", "demonym_nouns")
        values = {key: row[key] for key in cls.__slots__ if key in row}
        for key in tuple_fields:
            if key in values:
                values[key] = tuple(values[key])
        return cls(**values)


@dataclass(frozen=True, slots=True)
class GazetteerMatch:
    start: int
    end: int
    entry: GazetteerEntry
    metonym: bool  # matched a metonym (a capital), not a name or alias


class Gazetteer:
    """Surface forms of known actors, plus demonyms for building phrases."""

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.entries: list[GazetteerEntry] = list(entries)
        self.by_name: dict[str, GazetteerEntry] = {e.name: e for e in self.entries}
        self._actors: dict[str, ActorRef] = {}
        self.adjectives: dict[str, GazetteerEntry] = {}
        self.demonym_nouns: dict[str, GazetteerEntry] = {}
        self._automaton = ahocorasick.Automaton()
        for index, entry in enumerate(self.entries):
            self._index_entry(index, entry)
        if len(self._automaton):
            self._automaton.make_automaton()
        self.neutral_adjectives: dict[str, str] = {
            form: entry.adjective_neutral or form for form, entry in self.adjectives.items()
        }

    @classmethod
    def from_entries(cls, entries: Iterable[GazetteerEntry]) -> Gazetteer:
        return cls(entries)

    @classmethod
    def from_file(cls, path: Path | str) -> Gazetteer:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(GazetteerEntry.from_dict(row) for row in data["entries"])

    @staticmethod
    def default() -> Gazetteer:
        """The shipped gazetteer, loaded once per process."""
        return _default_gazetteer()

    def _index_entry(self, index: int, entry: GazetteerEntry) -> None:
        for surface in (entry.name, *entry.aliases):
            self._add_surface(surface, index, metonym=False)
        for surface in entry.metonyms:
            self._add_surface(surface, index, metonym=True)
        for form in (entry.adjective, entry.adjective_neutral):
            if form:
                self.adjectives[form] = entry
        for noun in entry.demonym_nouns:
            self.demonym_nouns[noun] = entry

    def _add_surface(self, surface: str, index: int, metonym: bool) -> None:
        for variant in sorted(spelling_variants(surface)):
            existing = self._automaton.get(variant, None)
            if existing is not None and not existing[2]:
                continue  # the first real name wins over later aliases or metonyms
            self._automaton.add_word(variant, (len(variant), index, metonym))

    def actor(self, entry: GazetteerEntry) -> ActorRef:
        actor = self._actors.get(entry.name)
        if actor is None:
            actor = ActorRef(
                name=entry.name,
                kind=entry.kind,
                aliases=entry.aliases,
                wikidata_id=entry.wikidata_id,
                description=entry.description,
            )
            self._actors[entry.name] = actor
        return actor

    def country_of(self, entry: GazetteerEntry) -> GazetteerEntry | None:
        if entry.kind == "country":
            return entry
        return self.by_name.get(entry.country)

    def find(self, text: str) -> list[GazetteerMatch]:
        """Leftmost-longest, non-overlapping matches on word boundaries."""
        if not len(self._automaton) or not text:
            return []
        candidates: list[tuple[int, int, int, bool]] = []
        for last, (length, index, metonym) in self._automaton.iter(text):
            start, end = last + 1 - length, last + 1
            if _is_boundary(text, start, end):
                candidates.append((start, -end, index, metonym))
        candidates.sort()
        matches: list[GazetteerMatch] = []
        covered_until = 0
        for start, negative_end, index, metonym in candidates:
            if start < covered_until:
                continue
            matches.append(GazetteerMatch(start, -negative_end, self.entries[index], metonym))
            covered_until = -negative_end
        return matches


def spelling_variants(surface: str) -> set[str]:
    """The ways a name is written in running text, so one alias per normalised form suffices.

    ``Erdoğan`` is also ``Erdogan``; a multi-word name may start lower case or upper case
    (``al-Qaida``, ``Al-Qaida``; ``koning Willem-Alexander``); a long acronym is also written
    capitalised (``UNICEF``, ``Unicef``). A one-word name keeps its case: ``Mali`` is no ``mali``.
    """
    variants = {surface, unicodedata.normalize("NFD", surface), _without_accents(surface)}
    multi_part = " " in surface or "-" in surface
    if surface[:1].islower() or multi_part:
        variants |= {v[0].swapcase() + v[1:] for v in list(variants) if v[:1].isalpha()}
    if surface.isalpha() and surface.isupper() and len(surface) >= 4:
        variants.add(surface.capitalize())
    return variants


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def _is_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")


@cache
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.from_file(DATA_FILE)
