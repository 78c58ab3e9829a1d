"""What cross-referencing needs to know of a claim, detached from the database."""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from operator import attrgetter


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    claim_id: int
    article_id: int
    year: int
    month: int | None
    day: int | None
    text: str
    hedged: bool = False
    source_id: int | None = None
    source_key: str = ""
    source_name: str = ""
    via_key: str = ""
    outlet: str = ""
    about: frozenset[int] = frozenset()
    about_names: tuple[tuple[int, str], ...] = ()  # (actor id, name) for reasons
    value: Decimal | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    qualifier: str = ""
    what: str = ""
    count_key: str = ""
    cluster_id: int | None = None

    def __reduce__(self) -> tuple[type[ClaimFacts], tuple]:
        # Sent between the cross-referencing processes by the thousand: positional arguments
        # unpickle in half the time of a frozen dataclass's state, set field by field.
        return (ClaimFacts, _values(self))

    @property
    def has_figure(self) -> bool:
        return bool(self.count_key) and (self.value is not None or self.minimum is not None)

    @property
    def published(self) -> tuple[int, int | None, int | None]:
        return (self.year, self.month, self.day)

    @property
    def month_index(self) -> int | None:
        """Months since year 0, for date windows; None when only the year is known."""
        return None if self.month is None else self.year * 12 + self.month - 1


_values = attrgetter(*(field.name for field in fields(ClaimFacts)))
