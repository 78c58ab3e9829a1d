"""Quotations and sentences inside one segment; nothing is split across segments.

A sentence never ends inside a balanced quotation, so a multi-sentence quote followed by
``, zei X`` stays one unit. Unbalanced quote marks are ignored.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from articles.extraction.lexicon import ABBREVIATIONS
from articles.ingest.parsed import ParsedSegment, SegmentKind

MAX_QUOTE_LENGTH = 3000
_CLOSERS = {"'": "'", '"': '"', "„": "”“", "“": "”", "‘": "’", "«": "»", "‚": "’‘"}
_ALL_CLOSERS = "'\"”“’»"
_OPEN_RE = re.compile("[" + re.escape("".join(_CLOSERS)) + "]")
_CLOSE_RE = re.compile("[" + re.escape(_ALL_CLOSERS) + "]")
_END_RE = re.compile(r"[.!?…]+")
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


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Balanced quotations in ``text[start:end]``, outermost only, in order."""
    closings = _closing_positions(text, start, end)
    quotes: list[Quote] = []
    position = start
    for match in _OPEN_RE.finditer(text, start, end):
        opening = match.start()
        if opening < position or not _can_open(text, opening, end):
            continue
        close = _first_closing(closings, text[opening], opening)
        if close is None:
            continue
        quotes.append(Quote(opening, close + 1))
        position = close + 1
    return quotes


def _closing_positions(text: str, start: int, end: int) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = {}
    for match in _CLOSE_RE.finditer(text, start, end):
        index = match.start()
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


def split_segment(text: str, segment: ParsedSegment, index: int) -> list[Sentence]:
    """Sentences of one segment (a pull quote's credit line is left out)."""
    end = segment.end
    if segment.kind == SegmentKind.PULL_QUOTE and segment.credit_start is not None:
        end = segment.credit_start
    quotes = find_quotes(text, segment.start, end)
    starts = [q.start for q in quotes]
    sentences: list[Sentence] = []
    current = segment.start
    for boundary, next_start in _boundaries(text, segment.start, end, quotes, starts):
        _append(sentences, text, current, boundary, index, segment.kind, quotes, starts)
        current = next_start
    _append(sentences, text, current, end, index, segment.kind, quotes, starts)
    return sentences


def _boundaries(text: str, start: int, end: int, quotes: list[Quote], starts: list[int]):
    for match in _END_RE.finditer(text, start, end):
        if _inside_quote(quotes, starts, match.start(), match.end()):
            continue
        if _is_abbreviation(text, start, match.start()) and match.group() == ".":
            continue
        boundary = match.end()
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
    word_start = dot
    floor = max(segment_start, dot - 24)
    while word_start > floor and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lstrip(_STARTERS)
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
    inside = quotes[bisect_left(starts, start) : bisect_left(starts, end)]
    own = tuple(q for q in inside if q.end <= end)
    sentences.append(Sentence(start, end, index, kind, own))


def split_sentences(text: str, segments: list[ParsedSegment]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for index, segment in enumerate(segments):
        sentences.extend(split_segment(text, segment, index))
    return sentences
