"""Coreference within one article: short names, demonym nouns and descriptive phrases
resolve to an actor named elsewhere in the article."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter
from weakref import WeakKeyDictionary

from articles.extraction.candidates import Candidate, CandidateSet
from articles.extraction.gazetteer import Gazetteer
from articles.extraction.lexicon import NAME_PARTICLES
from articles.extraction.patterns import alternation
from articles.extraction.phrases import DESCRIPTOR_SOURCE_KINDS

_START = attrgetter("start")
_END = attrgetter("end")


def add_demonym_nouns(
    text: str, mentions: CandidateSet, gazetteer: Gazetteer, spans: list[tuple[int, int]]
) -> None:
    """``De Noor`` -> the last person before it whose country is Norway."""
    if not gazetteer.demonym_nouns:
        return
    pattern = _demonym_pattern(gazetteer)
    people: dict[str, list[Candidate]] | None = None  # made at the first match
    for start, end in spans:
        for match in pattern.finditer(text, start, end):
            if people is None:
                people = _people_by_country(mentions)
            country = gazetteer.demonym_nouns[match.group("noun")].name
            compatriots = people.get(country, [])
            at = bisect_right(compatriots, match.start(), key=_END)
            if at:
                person = compatriots[at - 1]
                mentions.add(Candidate(match.start(), match.end(), person.actor, "person", country))


def _people_by_country(mentions: CandidateSet) -> dict[str, list[Candidate]]:
    people: dict[str, list[Candidate]] = {}
    for candidate in sorted(mentions.items, key=_END):
        if candidate.actor.kind == "person" and candidate.country:
            people.setdefault(candidate.country, []).append(candidate)
    return people


_DEMONYM_PATTERNS: WeakKeyDictionary[Gazetteer, re.Pattern[str]] = WeakKeyDictionary()


def _demonym_pattern(gazetteer: Gazetteer) -> re.Pattern[str]:
    pattern = _DEMONYM_PATTERNS.get(gazetteer)
    if pattern is None:
        nouns = alternation(gazetteer.demonym_nouns)
        # (?<![\w-]) after the D, so that the pattern starts with [Dd] (fast to search)
        pattern = re.compile(rf"[Dd](?<![\w-][Dd])e\s+(?P<noun>{nouns})(?![\w-])")
        _DEMONYM_PATTERNS[gazetteer] = pattern
    return pattern


def _surname(name: str) -> str:
    words = name.split()
    if len(words) < 2:
        return ""
    rest = words[1:]
    if rest[0] in NAME_PARTICLES:
        return " ".join(rest)
    return rest[-1] if len(rest) == 1 else " ".join(rest)


def resolve_short_names(mentions: CandidateSet) -> None:
    """A later one-word (or particle + word) person name takes an earlier full name."""
    full: dict[str, Candidate] = {}
    for candidate in sorted(mentions.items, key=_START):
        if candidate.actor.kind not in ("person", "organisation"):
            continue
        name = candidate.actor.name
        target = full.get(name) or full.get(name[:1].lower() + name[1:])
        if target is not None and len(name) < len(target.actor.name):
            candidate.actor = target.actor
            candidate.source_kind = target.source_kind
            candidate.country = target.country
            continue
        if candidate.actor.kind == "person":
            surname = _surname(name)
            if surname:
                full.setdefault(surname, candidate)
                full.setdefault(surname[:1].upper() + surname[1:], candidate)


def resolve_descriptors(mentions: CandidateSet, gazetteer: Gazetteer) -> None:
    """``de Russische staatstelevisie`` -> the Russian broadcaster named in the article."""
    wanted = [(DESCRIPTOR_SOURCE_KINDS.get(c.descriptor) or "", c.country) for c in mentions.items]
    keys = set(wanted)
    named: dict[tuple[str, str], list[Candidate]] = {}
    for c in sorted(mentions.items, key=_START):
        key = (c.source_kind, c.country)
        if key in keys and c.actor.name in gazetteer.by_name and not c.descriptor:
            named.setdefault(key, []).append(c)
    if not named:
        return
    for candidate, key in zip(mentions.items, wanted, strict=True):
        matches = named.get(key, [])
        if not matches:
            continue
        at = bisect_left(matches, candidate.start, key=_START)
        nearby = matches[max(0, at - 1) : at + 1]
        nearest = min(nearby, key=lambda c: abs(c.start - candidate.start))
        candidate.actor = nearest.actor
        candidate.source_kind = nearest.source_kind
