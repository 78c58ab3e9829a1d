"""Coreference within one article: short names, demonym nouns and descriptive phrases
resolve to an actor named elsewhere in the article."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from articles.extraction.candidates import Candidate, CandidateSet
from articles.extraction.gazetteer import Gazetteer
from articles.extraction.lexicon import NAME_PARTICLES
from articles.extraction.phrases import DESCRIPTOR_SOURCE_KINDS


def add_demonym_nouns(
    text: str, mentions: CandidateSet, gazetteer: Gazetteer, spans: list[tuple[int, int]]
) -> None:
    """``De Noor`` -> the last person before it whose country is Norway."""
    if not gazetteer.demonym_nouns:
        return
    nouns = "|".join(re.escape(n) for n in sorted(gazetteer.demonym_nouns, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])[Dd]e\s+(?P<noun>{nouns})(?![\w-])")
    people: dict[str, list[Candidate]] = {}
    for candidate in sorted(mentions.items, key=lambda c: c.end):
        if candidate.actor.kind == "person" and candidate.country:
            people.setdefault(candidate.country, []).append(candidate)
    for start, end in spans:
        for match in pattern.finditer(text, start, end):
            country = gazetteer.demonym_nouns[match.group("noun")].name
            compatriots = people.get(country, [])
            at = bisect_right(compatriots, match.start(), key=lambda c: c.end)
            if at:
                person = compatriots[at - 1]
                mentions.add(Candidate(match.start(), match.end(), person.actor, "person", country))


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
    for candidate in sorted(mentions.items, key=lambda c: c.start):
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
    named: dict[tuple[str, str], list[Candidate]] = {}
    for c in sorted(mentions.items, key=lambda c: c.start):
        if c.actor.name in gazetteer.by_name and not c.descriptor:
            named.setdefault((c.source_kind, c.country), []).append(c)
    for candidate in mentions.items:
        wanted = DESCRIPTOR_SOURCE_KINDS.get(candidate.descriptor)
        matches = named.get((wanted or "", candidate.country), [])
        if not matches:
            continue
        at = bisect_left(matches, candidate.start, key=lambda c: c.start)
        nearby = matches[max(0, at - 1) : at + 1]
        nearest = min(nearby, key=lambda c: abs(c.start - candidate.start))
        candidate.actor = nearest.actor
        candidate.source_kind = nearest.source_kind
