"""Quotations and sentences inside one segment; nothing is split across segments.

A sentence never ends inside a balanced quotation, so a multi-sentence quote followed by
``, zei X`` stays one unit. Unbalanced quote marks are ignored.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from articles.extraction.lexicon import ABBREVIATIONS
from articles.extraction.patterns import char_positions, char_runs
from articles.ingest.parsed import ParsedSegment, SegmentKind

MAX_QUOTE_LENGTH = 3000
_CLOSERS = {"'": "'", '"': '"', "„": "”“", "“": "”", "‘": "’", "«": "»", "‚": "’‘"}
_ALL_CLOSERS = "'\"”“’»"
_OPENERS = "".join(_CLOSERS)
_ENDS = ".!?…"  # runs of these end a sentence
_TRAILERS = _ALL_CLOSERS + ")]"
_STARTERS = "'\"„“‘‚«([¿¡"
_OPEN_CONTEXT = " \t\r\n([{:;,—–-/"


@dataclass(slots=True)
class Quote:
    start: int  # the opening mark
    end: int  # just after the closing mark

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    segment: int  # index into the segments
    kind: SegmentKind
    quotes: tuple[Quote, ...] = ()


class Marks:
    """Where the quote marks and sentence-end marks of a text are, found once for all its
    segments."""

    __slots__ = ("closers", "ends", "openers")

    def __init__(self, text: str, start: int = 0, end: int | None = None) -> None:
        end = len(text) if end is None else end
        self.openers = char_positions(text, _OPENERS, start, end)
        self.closers = char_positions(text, _ALL_CLOSERS, start, end)
        self.ends = char_positions(text, _ENDS, start, end)

    @staticmethod
    def between(positions: list[int], start: int, end: int) -> list[int]:
        return positions[bisect_left(positions, start) : bisect_left(positions, end)]


def find_quotes(text: str, start: int, end: int, marks: Marks | None = None) -> list[Quote]:
    """Balanced quotations in ``text[start:end]``, outermost only, in order."""
    marks = marks or Marks(text, start, end)
    closings = _closing_positions(text, start, end, marks)
    quotes: list[Quote] = []
    position = start
    for opening in marks.between(marks.openers, start, end):
        if opening < position or not _can_open(text, opening, end):
            continue
        close = _first_closing(closings, text[opening], opening)
        if close is None:
            continue
        quotes.append(Quote(opening, close + 1))
        position = close + 1
    return quotes


def _closing_positions(text: str, start: int, end: int, marks: Marks) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = {}
    for index in marks.between(marks.closers, start, end):
        after = text[index + 1] if index + 1 < end else " "
        if index > start and not text[index - 1].isspace() and not after.isalnum():
            positions.setdefault(text[index], []).append(index)
    return positions


def _can_open(text: str, index: int, end: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < end else " "
    if (before not in _OPEN_CONTEXT and not before.isspace()) or after.isspace():
        return False
    # 's avonds, 't, 'n: elisions, not quotations
    return not (text[index] in "'’" and text[index + 1 : index + 3] in ("s ", "t ", "n "))


def _first_closing(closings: dict[str, list[int]], opener: str, opening: int) -> int | None:
    best: int | None = None
    for closer in _CLOSERS[opener]:
        positions = closings.get(closer, [])
        at = bisect_right(positions, opening + 1)
        in_reach = at < len(positions) and positions[at] - opening <= MAX_QUOTE_LENGTH
        if in_reach and (best is None or positions[at] < best):
            best = positions[at]
    return best


def split_segment(
    text: str, segment: ParsedSegment, index: int, marks: Marks | None = None
) -> list[Sentence]:
    """Sentences of one segment (a pull quote's credit line is left out)."""
    end = segment.end
    if segment.kind == SegmentKind.PULL_QUOTE and segment.credit_start is not None:
        end = segment.credit_start
    marks = marks or Marks(text, segment.start, end)
    quotes = find_quotes(text, segment.start, end, marks)
    starts = [q.start for q in quotes]
    sentences: list[Sentence] = []
    current = segment.start
    ends = marks.between(marks.ends, segment.start, end)
    for boundary, next_start in _boundaries(text, segment.start, end, ends, quotes, starts):
        _append(sentences, text, current, boundary, index, segment.kind, quotes, starts)
        current = next_start
    _append(sentences, text, current, end, index, segment.kind, quotes, starts)
    return sentences


def _boundaries(
    text: str, start: int, end: int, ends: list[int], quotes: list[Quote], starts: list[int]
) -> Iterator[tuple[int, int]]:
    """(end of a sentence, start of the next); ``ends``: the end marks in the segment."""
    for run_start, run_end in char_runs(ends):
        if starts and _inside_quote(quotes, starts, run_start, run_end):
            continue
        if (
            run_end - run_start == 1
            and text[run_start] == "."
            and _is_abbreviation(text, start, run_start)
        ):
            continue
        boundary = run_end
        while boundary < end and text[boundary] in _TRAILERS:
            boundary += 1
        if boundary < end and not text[boundary].isspace():
            continue
        following = boundary
        while following < end and text[following].isspace():
            following += 1
        if following >= end:
            continue
        char = text[following]
        if char.isupper() or char.isdigit() or char in _STARTERS:
            yield boundary, following


def _inside_quote(quotes: list[Quote], starts: list[int], begin: int, finish: int) -> bool:
    at = bisect_left(starts, begin) - 1
    if at < 0:
        return False
    quote = quotes[at]
    return quote.start < begin and finish < quote.inner_end


def _is_abbreviation(text: str, segment_start: int, dot: int) -> bool:
    before = text[max(segment_start, dot - 24) : dot]
    if not before or before[-1].isspace():
        return False
    word = before.rsplit(None, 1)[-1].lstrip(_STARTERS)
    if len(word) == 1 and word.isupper():
        return True  # an initial: J. Stoltenberg
    if "." in word and all(part.isalpha() and len(part) <= 2 for part in word.split(".")):
        return True  # o.a., m.b.t.
    return word.lower() in ABBREVIATIONS


def _append(
    sentences: list[Sentence],
    text: str,
    start: int,
    end: int,
    index: int,
    kind: SegmentKind,
    quotes: list[Quote],
    starts: list[int],
) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    own: tuple[Quote, ...] = ()
    if starts:
        inside = quotes[bisect_left(starts, start) : bisect_left(starts, end)]
        own = tuple(q for q in inside if q.end <= end)
    sentences.append(Sentence(start, end, index, kind, own))


def split_sentences(text: str, segments: list[ParsedSegment]) -> list[Sentence]:
    sentences: list[Sentence] = []
    marks = Marks(text)
    for index, segment in enumerate(segments):
        sentences.extend(split_segment(text, segment, index, marks))
    return sentences
