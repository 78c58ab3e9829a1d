"""Known actors: the gazetteer that ships with newsdb, read as plain JSON (no Django)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

DOMESTIC_COUNTRIES = ("Nederland", "België")


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    adjective: str  # inflected: "Turkse"


@dataclass(frozen=True, slots=True)
class KnownPerson:
    name: str  # the gazetteer name, written in full at the first mention
    short: str  # a surname alias for later mentions
    country: str


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The parts of the gazetteer the generator uses, in file order (deterministic)."""

    names: frozenset[str]
    countries: tuple[Country, ...]
    people: tuple[KnownPerson, ...]
    locations: dict[str, tuple[str, ...]]  # country -> gazetteer locations in it
    homes: dict[str, str]  # organisation -> its country, for local ones (NGOs, Dutch bodies)
    digest: str  # sha256 of the file: a corpus depends on it


def _gazetteer_bytes() -> bytes:
    return files("articles").joinpath("extraction", "data", "gazetteer.json").read_bytes()


@cache
def load_gazetteer() -> Gazetteer:
    raw = _gazetteer_bytes()
    entries: list[dict[str, Any]] = json.loads(raw)["entries"]
    return Gazetteer(
        names=frozenset(e["name"] for e in entries),
        countries=tuple(
            Country(e["name"], e["adjective"])
            for e in entries
            if e["kind"] == "country" and e.get("adjective")
        ),
        people=tuple(_person(e) for e in entries if e["kind"] == "person"),
        locations=_locations(entries),
        homes=_homes(entries),
        digest=hashlib.sha256(raw).hexdigest(),
    )


def _person(entry: dict[str, Any]) -> KnownPerson:
    name = entry["name"]
    suffixes = [a for a in entry.get("aliases", ()) if name.endswith(" " + a)]
    return KnownPerson(name, suffixes[0] if suffixes else name, entry.get("country", ""))


def _homes(entries: list[dict[str, Any]]) -> dict[str, str]:
    """Organisations that only speak about their own country: NGOs with a country (the
    Syrian Observatory) and every Dutch or Flemish body."""
    return {
        e["name"]: e["country"]
        for e in entries
        if e["kind"] == "organisation"
        and e.get("country")
        and (e.get("source_kind") == "ngo" or e["country"] in DOMESTIC_COUNTRIES)
    }


def _locations(entries: list[dict[str, Any]]) -> dict[str, tuple[str, ...]]:
    by_country: dict[str, list[str]] = {}
    for entry in entries:
        if entry["kind"] == "location" and entry.get("country"):
            by_country.setdefault(entry["country"], []).append(entry["name"])
    return {country: tuple(names) for country, names in by_country.items()}
