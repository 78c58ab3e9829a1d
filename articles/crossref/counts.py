"""Comparing counted things: does "34 Turkse doden" count what "22 Turkse militairen om het
leven gekomen" counts?

A count key is ``"<words>|<event>"`` (``turks militair|dood``, ``turks|dood``): the lemmas
of what is counted and the class of what happened to it (``dood``, ``gewond``, ``vlucht``).
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache


class CountMatch(StrEnum):
    SAME = "same"  # the same kind of thing: one key's words contain the other's
    LOOSE = "loose"  # the same event, different or unspecified subjects


def parse_count_key(key: str) -> tuple[frozenset[str], str]:
    words, _, event = key.partition("|")
    return frozenset(words.split()), event


# Scoring asks about the same few thousand keys, in pairs, a million times a batch.
@lru_cache(maxsize=2**16)
def count_match(key_a: str, key_b: str) -> CountMatch | None:
    """How closely two count keys describe the same count, or None when they do not."""
    if not key_a or not key_b:
        return None
    words_a, event_a = parse_count_key(key_a)
    words_b, event_b = parse_count_key(key_b)
    if event_a != event_b:
        return None
    smaller, larger = sorted((words_a, words_b), key=len)
    if smaller and smaller <= larger:
        return CountMatch.SAME
    return CountMatch.LOOSE if event_a else None
