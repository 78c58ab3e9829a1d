"""Actors of the synthetic archive: known ones from the gazetteer and invented ones, picked
with a Zipf-like popularity so that a few recur often and most are rare."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product
from typing import TypeVar

from benchmarks.corpus import names
from benchmarks.corpus.known import DOMESTIC_COUNTRIES, Gazetteer, KnownPerson
from benchmarks.corpus.picking import Zipf

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a story happens: a town, another town nearby, the region and the country."""

    name: str
    town: str
    region: str
    country: str
    adjective: str  # of the country: "Syrische"


@dataclass(frozen=True, slots=True)
class Actor:
    """Someone or something a text names; ``full`` at the first mention, ``short`` after."""

    full: str
    short: str
    plural: bool = False  # takes a plural verb ("de lokale autoriteiten melden")
    credit: str = ""  # persons only: the credit line of a pull quote


def _shuffled(items: Sequence[T], rng: random.Random) -> list[T]:
    result = list(items)
    rng.shuffle(result)
    return result


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


@dataclass(frozen=True, slots=True)
class PeoplePools:
    """Popularity-ranked pools; the ranking depends on the seed."""

    invented: Zipf[tuple[str, str]]  # (first name, surname)
    domestic: dict[str, Zipf[KnownPerson]]  # by country
    foreign: Zipf[KnownPerson]

    @classmethod
    def build(cls, gazetteer: Gazetteer, rng: random.Random) -> PeoplePools:
        pairs = _shuffled(list(product(names.FIRST_NAMES, names.SURNAMES)), rng)
        people = gazetteer.people
        home = {
            country: Zipf(_shuffled([p for p in people if p.country == country], rng), 0.9)
            for country in DOMESTIC_COUNTRIES
        }
        abroad = [p for p in people if p.country not in DOMESTIC_COUNTRIES]
        return cls(
            invented=Zipf(pairs, 1.05),
            domestic=home,
            foreign=Zipf(_shuffled(abroad, rng), 0.9),
        )

    def invented_person(self, function: str, rng: random.Random) -> Actor:
        """``function`` precedes the name: "econoom", "ASML-topman", "burgemeester"."""
        first, surname = self.invented.pick(rng)
        name = f"{first} {surname}"
        return Actor(f"{function} {name}", _capitalised(surname), credit=f"{name}, {function}")

    def known_person(self, scope: str, country: str, rng: random.Random) -> Actor:
        """A gazetteer person: of ``country`` (when it is domestic) for the scope
        "domestic", else a foreign one; the scope "any" is either."""
        if scope == "any":
            scope = "domestic" if rng.random() < 0.5 else "foreign"
        pool = self.domestic.get(country, self.domestic[DOMESTIC_COUNTRIES[0]])
        if scope != "domestic":
            pool = self.foreign
        person = pool.pick(rng)
        return Actor(person.name, person.short, credit=person.name)


def _foundations() -> list[str]:
    return [f"Stichting {a} {b}" for a in names.FOUNDATION_WORDS for b in names.FOUNDATION_NOUNS]


def _companies() -> list[str]:
    invented = [a + b for a in names.COMPANY_STEMS for b in names.COMPANY_ENDINGS]
    family = [
        f"{_capitalised(s)} {sector}" for s in names.SURNAMES[::3] for sector in names.SECTORS[::2]
    ]
    return invented + family


def _unions() -> list[str]:
    """Three-letter acronyms: "NVB", "CMB"."""
    letters = names.UNION_LETTERS
    return [a + b + c for a in letters for b in "BCFMV" for c in "BKMN" if a != b]


@dataclass(frozen=True, slots=True)
class OrganisationPools:
    foundations: Zipf[str]
    companies: Zipf[str]
    unions: Zipf[str]

    @classmethod
    def build(cls, rng: random.Random) -> OrganisationPools:
        return cls(
            foundations=Zipf(_shuffled(_foundations(), rng), 1.0),
            companies=Zipf(_shuffled(_companies(), rng), 1.0),
            unions=Zipf(_shuffled(_unions(), rng), 1.0),
        )

    def company(self, rng: random.Random, where: Place) -> Actor:
        name = self.companies.pick(rng)
        full = f"het bedrijf {name}" if rng.random() < 0.3 else name
        return Actor(full, name)

    def organisation(self, kind: str, rng: random.Random, where: Place) -> Actor:
        """An invented organisation of ``kind`` (see ``ORGANISATION_KINDS``) near ``where``;
        "ministry:Volksgezondheid" is the ministry of that portfolio."""
        kind, _, portfolio = kind.partition(":")
        if kind == "ministry":
            return Actor(f"het ministerie van {portfolio}", "het ministerie")
        return _ORGANISATION_MAKERS[kind](self, rng, where)


def _foundation(pools: OrganisationPools, rng: random.Random, where: Place) -> Actor:
    name = pools.foundations.pick(rng)
    return Actor(name, name)


def _union(pools: OrganisationPools, rng: random.Random, where: Place) -> Actor:
    name = pools.unions.pick(rng)
    return Actor(f"vakbond {name}", f"de {name}")


def _party(pools: OrganisationPools, rng: random.Random, where: Place) -> Actor:
    town = where.name
    name = rng.choice((f"Leefbaar {town}", f"{town} Lokaal", f"{town} Vooruit"))
    return Actor(f"de lokale partij {name}", name)


def _hospital(pools: OrganisationPools, rng: random.Random, where: Place) -> Actor:
    region = where.region
    return Actor(f"het Streekziekenhuis {region}", "het ziekenhuis")


def _health_service(pools: OrganisationPools, rng: random.Random, where: Place) -> Actor:
    region = where.region
    return Actor(f"de GGD {region}", "de GGD")


def _safety_region(pools: OrganisationPools, rng: random.Random, where: Place) -> Actor:
    region = where.region
    return Actor(f"de veiligheidsregio {region}", "de veiligheidsregio")


def _housing(pools: OrganisationPools, rng: random.Random, where: Place) -> Actor:
    name = f"{rng.choice(names.HOUSING_NAMES)} {where.name}"
    return Actor(f"woningcorporatie {name}", name)


_ORGANISATION_MAKERS = {
    "foundation": _foundation,
    "company": OrganisationPools.company,
    "union": _union,
    "party": _party,
    "hospital": _hospital,
    "health_service": _health_service,
    "safety_region": _safety_region,
    "housing": _housing,
}
ORGANISATION_KINDS = (*_ORGANISATION_MAKERS, "ministry:<portfolio>")
