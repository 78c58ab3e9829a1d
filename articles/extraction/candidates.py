"""Internal mention candidates and the set that collects them without bad overlaps."""

from __future__ import annotations

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


class CandidateSet:
    """Mentions of one text. A new mention may not overlap an existing one, except that a
    mention may be added around existing ones (a role phrase containing a place name)."""

    def __init__(self) -> None:
        self.items: list[Candidate] = []
        self._owner: dict[int, int] = {}  # character position -> index of outermost item

    def overlaps(self, start: int, end: int) -> bool:
        owner = self._owner
        return any(position in owner for position in range(start, end))

    def add(self, candidate: Candidate, allow_nesting: bool = False) -> bool:
        inner = {self._owner.get(p) for p in range(candidate.start, candidate.end)}
        inner.discard(None)
        if inner and not allow_nesting:
            return False
        for index in inner:
            item = self.items[index]  # type: ignore[index]
            if item.start < candidate.start or item.end > candidate.end:
                return False
        self.items.append(candidate)
        index = len(self.items) - 1
        for position in range(candidate.start, candidate.end):
            self._owner[position] = index
        return True

    def at(self, position: int) -> Candidate | None:
        index = self._owner.get(position)
        return None if index is None else self.items[index]

    def sorted(self) -> list[Candidate]:
        return sorted(self.items, key=lambda c: (c.start, -c.end))
