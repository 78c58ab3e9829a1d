"""What the seed-format parser hands to the rest of the ingest: plain data, no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SegmentKind(StrEnum):
    LEAD = "lead"
    PARAGRAPH = "paragraph"
    SUBHEADING = "subheading"
    PULL_QUOTE = "pull_quote"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day; nothing is invented."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"


@dataclass(frozen=True, slots=True)
class ParsedSegment:
    """A structural block of the article, as ``[start, end)`` offsets into ``ParsedArticle.text``.

    For a pull quote the span covers the whole block; ``credit_start`` is where its credit
    line (``Jens Stoltenberg NAVO-topman``) begins, or None when there is none.
    """

    kind: SegmentKind
    start: int
    end: int
    credit_start: int | None = None


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    external_id: str
    text: str  # the file decoded as UTF-8, BOM removed, nothing else changed
    date: PartialDate
    segments: tuple[ParsedSegment, ...] = field(default=())
    language: str = "nl"

    def segment_text(self, segment: ParsedSegment) -> str:
        return self.text[segment.start : segment.end]


class ArticleFileError(Exception):
    """A file that cannot be ingested; the message names the file and, where known, the line."""

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.reason = message
        location = f"{file}:{line}" if line is not None else file
        super().__init__(f"{location}: {message}")

    def __reduce__(self) -> tuple[type[ArticleFileError], tuple[str, str, int | None]]:
        # Its arguments are not the message Exception would pickle: a worker process
        # receives a target with its error, and sends a failed file's error back.
        return type(self), (self.file, self.reason, self.line)
