"""Kinds of counted things, shared by the topics; the nouns differ per topic."""

from __future__ import annotations

from benchmarks.corpus.model import CountKind, Frame


def _nouns(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


def deaths(nouns: str, low: int = 3, high: int = 300) -> CountKind:
    return CountKind(
        "deaths",
        low,
        high,
        _nouns(nouns),
        (
            Frame("zijn", "om het leven gekomen"),
            Frame("zijn", "omgekomen"),
            Frame("kwamen", "om", "omkwamen"),
            Frame("zijn", "gevallen", np="{f} doden"),
            Frame("zijn", "gedood"),
        ),
    )


def injured(nouns: str, low: int = 4, high: int = 600) -> CountKind:
    return CountKind(
        "injured",
        low,
        high,
        _nouns(nouns),
        (
            Frame("raakten", "gewond"),
            Frame("zijn", "gewond geraakt"),
            Frame("zijn", "gevallen", np="{f} gewonden"),
            Frame("zijn", "gewond naar het ziekenhuis gebracht"),
        ),
    )


def displaced(nouns: str, low: int = 200, high: int = 400_000) -> CountKind:
    return CountKind(
        "displaced",
        low,
        high,
        _nouns(nouns),
        (
            Frame("zijn", "op de vlucht geslagen"),
            Frame("zijn", "geëvacueerd"),
            Frame("moesten", "hun huis verlaten", "hun huis moesten verlaten"),
            Frame("zijn", "dakloos geraakt"),
        ),
    )


def arrests(nouns: str, low: int = 3, high: int = 150) -> CountKind:
    return CountKind(
        "arrests",
        low,
        high,
        _nouns(nouns),
        (
            Frame("zijn", "aangehouden"),
            Frame("werden", "opgepakt"),
            Frame("zijn", "gearresteerd"),
        ),
    )


def money(*frames: Frame, low: int = 80_000, high: int = 900_000_000) -> CountKind:
    """Euros; a frame's ``np`` may wrap the amount: "voor {n} schade"."""
    return CountKind("euros", low, high, ("euro",), frames, money=True)


def jobs(low: int = 30, high: int = 4_000) -> CountKind:
    return CountKind(
        "jobs",
        low,
        high,
        _nouns("banen|arbeidsplaatsen|functies"),
        (Frame("verdwijnen"), Frame("worden", "geschrapt"), Frame("gaan", "verloren")),
    )


def workers(low: int = 30, high: int = 4_000) -> CountKind:
    return CountKind(
        "workers",
        low,
        high,
        _nouns("medewerkers|werknemers"),
        (
            Frame("worden", "ontslagen"),
            Frame("verliezen", "hun baan", "hun baan verliezen"),
            Frame("staan", "op straat", "op straat staan"),
        ),
    )


def houses(*frames: Frame, nouns: str = "woningen|huizen", low: int = 12, high: int = 9_000):
    return CountKind("houses", low, high, _nouns(nouns), frames)


def people(key: str, nouns: str, low: int, high: int, *frames: Frame) -> CountKind:
    """Any other count of people (voters, patients, strikers, migrants)."""
    return CountKind(key, low, high, _nouns(nouns), frames)


MONEY_INVOLVED = Frame("is", "gemoeid", "gemoeid is")
DAMAGE = Frame("is", "ontstaan", np="voor {n} schade")
