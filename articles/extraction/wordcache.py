"""A per-process cache for functions of one word (lemmas, lexicon look-ups, cue words)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

T = TypeVar("T")

MAX_WORDS = 65536
MAX_LENGTH = 64  # longer "words" (ids, garbage) are computed each time, never kept


def word_cache(function: Callable[[str], T]) -> Callable[[str], T]:
    """Cache ``function`` for the last ``MAX_WORDS`` words of up to ``MAX_LENGTH``
    characters, so that a pathological text cannot fill the memory of a long-running
    process with huge keys."""
    cached = lru_cache(maxsize=MAX_WORDS)(function)

    @wraps(function)
    def lookup(word: str) -> T:
        return cached(word) if len(word) <= MAX_LENGTH else function(word)

    return lookup
