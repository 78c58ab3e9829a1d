"""Weighted random choices with the cumulative weights computed once."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Weighted(Generic[T]):
    """Picks ``items[i]`` with probability ``weights[i] / sum(weights)``."""

    __slots__ = ("_cumulative", "_items", "_last", "_total")

    def __init__(self, items: Sequence[T], weights: Sequence[float]) -> None:
        if not items or len(items) != len(weights):
            raise ValueError("need one weight per item, and at least one item")
        self._items = tuple(items)
        self._cumulative = list(accumulate(weights))
        self._total = self._cumulative[-1]
        self._last = len(self._items) - 1

    def pick(self, rng: random.Random) -> T:
        index = bisect_right(self._cumulative, rng.random() * self._total)
        return self._items[min(index, self._last)]

    def __len__(self) -> int:
        return len(self._items)


class Zipf(Weighted[T]):
    """Picks item ``r`` (0-based rank) with a weight of ``1 / (r + 1) ** exponent``: a few
    items are picked often, most rarely."""

    __slots__ = ()

    def __init__(self, items: Sequence[T], exponent: float = 1.0) -> None:
        super().__init__(items, [1.0 / (rank + 1) ** exponent for rank in range(len(items))])


def weighted_options(options: Sequence[tuple]) -> Weighted[tuple]:
    """Options whose last element is their weight."""
    return Weighted(options, [option[-1] for option in options])
