"""Blocking keys: the indexed things a claim shares with the claims it could link to.

Keys carry the month of the claim's article, so a lookup in a window of months touches only
claims of those months; a claim whose article has no month is keyed by its year alone.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from articles.normalise import normalise_name

from .counts import parse_count_key
from .facts import ClaimFacts

# A lookup reaches claims published up to this many months before or after the claim's own.
WINDOW_MONTHS = 1
_NON_WORD = re.compile(r"\W+")


def _period(year: int, month: int | None) -> str:
    return f"{year:04d}" if month is None else f"{year:04d}-{month:02d}"


@lru_cache(maxsize=8192)  # a claim's keys are worked out to store and to look up
def text_fingerprint(text: str) -> str:
    """Identical sentences (the same agency copy) share this, whatever their case or spacing."""
    words = _NON_WORD.sub(" ", normalise_name(text)).strip()
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:20]


def _topics(facts: ClaimFacts) -> list[str]:
    topics = [f"a:{actor_id}" for actor_id in sorted(facts.about)]
    if facts.count_key:
        words, event = parse_count_key(facts.count_key)
        topics.append(f"n:{event}" if event else f"n:|{' '.join(sorted(words))}")
        topics.extend(f"q:{event}:{word}" for word in sorted(words))
    return topics


def blocking_keys(facts: ClaimFacts) -> set[str]:
    """The keys stored for a claim."""
    period = _period(facts.year, facts.month)
    keys = {f"{period}/{topic}" for topic in _topics(facts)}
    keys.add(f"t:{text_fingerprint(facts.text)}")
    return keys


def lookup_keys(facts: ClaimFacts) -> set[str]:
    """The keys to look up for a claim: its own topics in every month of its window."""
    if facts.month is None:
        periods = [_period(facts.year, None)]
    else:
        first = facts.year * 12 + facts.month - 1 - WINDOW_MONTHS
        periods = [
            _period(index // 12, index % 12 + 1)
            for index in range(first, first + 2 * WINDOW_MONTHS + 1)
        ]
    keys = {f"{period}/{topic}" for period in periods for topic in _topics(facts)}
    keys.add(f"t:{text_fingerprint(facts.text)}")
    return keys
