"""Words, lemmas and the query language shared by the SQLite index and the snippets.

SQLite's FTS5 has no Dutch stemmer, so the index holds the *lemmas* of the text (simplemma):
``militairen`` is indexed as ``militair``, and a query is lemmatised the same way. The words
are split like FTS5's ``unicode61`` tokenizer splits them (letters and digits; ``_`` and
``-`` separate), and compared folded (lower case, no diacritics: ``Syrië`` = ``syrie``) as
its ``remove_diacritics 2`` does.

Change how a word becomes a lemma, and the SQLite index must be rebuilt
(``manage.py rebuild_search_index``); migration 0008 holds a frozen copy of these rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma

WORD = re.compile(r"[^\W_]+")
# A query token: an optionally negated "quoted phrase" (closing quote optional) or a word.
_QUERY_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
# Shorter lemmas match only themselves; longer ones also every word they begin.
PREFIX_FROM = 4


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    """The Dutch lemma of one word, in lower case: ``Militairen`` → ``militair``."""
    lower = word.lower()
    return simplemma.lemmatize(lower, lang="nl").lower() or lower


@lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """Lower case without diacritics, as FTS5's ``unicode61 remove_diacritics 2`` compares."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> Iterator[re.Match[str]]:
    return WORD.finditer(text)


def lemma_text(*texts: str) -> str:
    """What the SQLite index stores for a text: its lemmas, in order, space-separated."""
    return " ".join(lemma(word) for text in texts for word in WORD.findall(text))


@dataclass(frozen=True, slots=True)
class Atom:
    """A word or phrase of a query, as lemmas."""

    lemmas: tuple[str, ...]

    @property
    def prefix(self) -> bool:
        return len(self.lemmas) == 1 and len(self.lemmas[0]) >= PREFIX_FROM

    def fts(self) -> str:
        quoted = '"' + " ".join(self.lemmas).replace('"', '""') + '"'
        return quoted + "*" if self.prefix else quoted


@dataclass(slots=True)
class ParsedQuery:
    """A query in the syntax of PostgreSQL's ``websearch_to_tsquery``: words (all must
    match), ``"a phrase"``, ``or`` between alternatives, and ``-word`` to exclude."""

    groups: list[list[Atom]] = field(default_factory=list)  # AND of ORs
    excluded: list[Atom] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.groups)

    def fts(self) -> str:
        """The FTS5 MATCH expression; only meaningful when the query is not empty."""
        expr = " AND ".join(
            "(" + " OR ".join(atom.fts() for atom in group) + ")" for group in self.groups
        )
        for atom in self.excluded:
            expr = f"({expr}) NOT {atom.fts()}"
        return expr

    def matcher(self) -> Matcher:
        exact, prefixes = set(), set()
        for group in self.groups:
            for atom in group:
                keys = {fold(word) for word in atom.lemmas}
                (prefixes if atom.prefix else exact).update(keys)
        return Matcher(frozenset(exact), tuple(sorted(prefixes)))


@dataclass(frozen=True, slots=True)
class Matcher:
    """Whether a word of the text is one the query looked for (to mark it in a snippet)."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]

    def __call__(self, word: str) -> bool:
        key = fold(lemma(word))
        return key in self.exact or key.startswith(self.prefixes)


def parse_query(query: str) -> ParsedQuery:
    parsed = ParsedQuery()
    pending_or = False
    for token in _QUERY_TOKEN.findall(query):
        if token.lower() == "or":
            pending_or = bool(parsed.groups)
            continue
        negated = token.startswith("-")
        raw = token.lstrip("-").strip('"')
        lemmas = tuple(lemma(m.group()) for m in words(raw))
        if not lemmas:
            continue
        atom = Atom(lemmas)
        if negated:
            parsed.excluded.append(atom)
        elif pending_or:
            parsed.groups[-1].append(atom)
        else:
            parsed.groups.append([atom])
        pending_or = False
    return parsed
