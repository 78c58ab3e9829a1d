"""Internal mention candidates and the set that collects them without bad overlaps."""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from articles.extraction.types import ActorRef, FoundMention


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    actor: ActorRef
    source_kind: str
    country: str = ""  # canonical country name, when known (for "De Noor")
    descriptor: str = ""  # for phrases like "Russische staatstelevisie": the head noun

    def to_mention(self, text: str) -> FoundMention:
        return FoundMention(self.start, self.end, text[self.start : self.end], self.actor)


_FREE = -1  # no item covers the position


class CandidateSet:
    """Mentions of one text. A new mention may not overlap an existing one, except that a
    mention may be added around existing ones (a role phrase containing a place name)."""

    def __init__(self, size: int = 0) -> None:
        """``size``: the length of the text (the set grows if a mention ends beyond it)."""
        self.items: list[Candidate] = []
        # character position -> index of the outermost item covering it, or _FREE; an
        # array, not a list: the garbage collector need not scan it (a 5 MB text has
        # 5 million positions)
        self._owner = array("l", [_FREE]) * size

    def overlaps(self, start: int, end: int) -> bool:
        span = self._owner[start:end]
        return span.count(_FREE) != len(span)

    def add(self, candidate: Candidate, allow_nesting: bool = False) -> bool:
        start, end = candidate.start, candidate.end
        span = self._owner[start:end]
        if span.count(_FREE) != len(span):  # covers earlier mentions
            if not allow_nesting:
                return False
            for index in set(span) - {_FREE}:
                item = self.items[index]
                if item.start < start or item.end > end:
                    return False
        self.items.append(candidate)
        if end > len(self._owner):
            self._owner.extend(array("l", [_FREE]) * (end - len(self._owner)))
        self._owner[start:end] = array("l", [len(self.items) - 1]) * (end - start)
        return True

    def at(self, position: int) -> Candidate | None:
        index = self._owner[position] if 0 <= position < len(self._owner) else _FREE
        return None if index == _FREE else self.items[index]

    def sorted(self) -> list[Candidate]:
        return sorted(self.items, key=_by_start_longest_first)


def _by_start_longest_first(candidate: Candidate) -> tuple[int, int]:
    return candidate.start, -candidate.end
