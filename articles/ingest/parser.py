"""Pure parser of the seed article format: bytes in, ``ParsedArticle`` out; no database.

The format::

     date YYYY-MM[-DD] <lead text>
    <blank line>
    paragraph
    <blank line>
    ...

Offsets are Python ``str`` indices into the decoded text (UTF-8, BOM removed, nothing else
changed), so CRLF line ends and trailing spaces stay in the text; every span is trimmed.

Rules:

* Header: line 1 is ``date`` and a date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), then the
  lead. Leading and extra spaces are tolerated. The lead runs from after the date to the end
  of the first paragraph; a header without any lead text is an error (an article without a
  lead is more likely a broken export than a real article, and inventing one is worse).
* Subheading: a single-line paragraph, not the last one, of at most 10 words and 80
  characters, with a letter, not starting with a lowercase letter or an opening quote, not
  ending with sentence punctuation (``. ! ? : ; …``) or a closing quote.
* Pull quote: a paragraph whose sentences all occur elsewhere in the article (compared
  case-, quote- and whitespace-insensitively, final punctuation ignored, at least 4 words),
  optionally closed by a credit on the same or its own line that follows the subheading rule
  for shape. Without a credit, the sentences must all occur in one strictly longer paragraph,
  so that a duplicated paragraph is not taken for a pull quote.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath

from articles.ingest.parsed import (
    ArticleFileError,
    ParsedArticle,
    ParsedSegment,
    PartialDate,
    SegmentKind,
)

__all__ = ["decode_article", "external_id_of", "parse_article", "parse_text"]

_UTF8_BOM = "\ufeff"
_FOREIGN_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
    (b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
    (b"\xff\xfe", "UTF-16 (little-endian)"),
    (b"\xfe\xff", "UTF-16 (big-endian)"),
)

_EOL_RE = re.compile(r"\r\n|\r|\n")
# Control characters other than tab, CR and LF, including C1 (usually mis-decoded text).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_HEADER_RE = re.compile(r"\s*date(?=\s|$)\s*(?P<date>\S*)\s*", re.IGNORECASE)
_DATE_RE = re.compile(r"(?a)(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")

_OPENING_QUOTES = "'\"„“‘‚«‹`"
_CLOSING_QUOTES = "'\"”’»›"
_QUOTES = frozenset(_OPENING_QUOTES + _CLOSING_QUOTES + "‛‟´")
_FINAL_PUNCTUATION = ".!?:;…"
_SENTENCE_END_RE = re.compile(r"[.!?…]+[" + re.escape(_CLOSING_QUOTES) + r"]*(?=\s|$)")

_LABEL_MAX_WORDS = 10
_LABEL_MAX_CHARS = 80
_PULL_QUOTE_MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class _Line:
    number: int  # 1-based
    start: int
    end: int  # end of the content, before the line break


@dataclass(frozen=True, slots=True)
class _Block:
    """A paragraph: consecutive non-blank lines, as a trimmed span."""

    first_line: int
    line_count: int
    start: int
    end: int


# --- decoding ---------------------------------------------------------------------------


def decode_article(raw: bytes, file: str) -> str:
    """Decode a seed file as UTF-8 (with or without BOM) and remove the BOM.

    Raises ArticleFileError for other encodings, invalid UTF-8 and control characters.
    """
    for bom, encoding in _FOREIGN_BOMS:
        if raw.startswith(bom):
            raise ArticleFileError(
                file, f"not UTF-8: file starts with a {encoding} byte order mark"
            )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8")
        _check_controls(before, file)
        line = _line_at(before, len(before))
        bad = raw[exc.start]
        message = f"not valid UTF-8: byte 0x{bad:02x} at byte offset {exc.start}"
        raise ArticleFileError(file, message, line) from None
    text = text.removeprefix(_UTF8_BOM)
    _check_controls(text, file)
    _check_not_empty(text, file)
    return text


def _check_not_empty(text: str, file: str) -> None:
    if not text.strip():
        raise ArticleFileError(file, "file is empty")


def _line_at(text: str, position: int) -> int:
    """The 1-based line number of ``position`` (CRLF, CR and LF each end a line)."""
    return len(_EOL_RE.findall(text, 0, position)) + 1


def _check_controls(text: str, file: str) -> None:
    match = _CONTROL_RE.search(text)
    if match is None:
        return
    char = match.group()
    what = "NUL byte" if char == "\x00" else f"control character U+{ord(char):04X}"
    raise ArticleFileError(file, f"binary content: {what}", _line_at(text, match.start()))


# --- parsing ------------------------------------------------------------------------------


def parse_article(raw: bytes, file: str) -> ParsedArticle:
    """Parse the bytes of a seed file; ``file`` is the display name, its stem the external id."""
    return parse_text(decode_article(raw, file), file)


def parse_text(text: str, file: str) -> ParsedArticle:
    """Parse decoded seed text (a leading BOM is removed); offsets index the returned text."""
    text = text.removeprefix(_UTF8_BOM)
    _check_controls(text, file)
    _check_not_empty(text, file)
    lines = _split_lines(text)
    date, lead_start = _parse_header(text, lines[0], file)
    blocks = _split_blocks(text, lines)
    lead = _lead_block(text, blocks[0], lead_start)
    if lead is None:
        raise ArticleFileError(file, "date header has no lead text", 1)
    segments = _classify(text, lead, blocks[1:])
    return ParsedArticle(external_id=external_id_of(file), text=text, date=date, segments=segments)


def external_id_of(file: str) -> str:
    """An article's identity: its file name without the suffix."""
    return PurePath(file).stem


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    position = 0
    for number, match in enumerate(_EOL_RE.finditer(text), start=1):
        lines.append(_Line(number, position, match.start()))
        position = match.end()
    lines.append(_Line(len(lines) + 1, position, len(text)))
    return lines


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_blocks(text: str, lines: list[_Line]) -> list[_Block]:
    blocks: list[_Block] = []
    group: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and text[line.start : line.end].strip():
            group.append(line)
            continue
        if group:
            start, end = _trim(text, group[0].start, group[-1].end)
            blocks.append(_Block(group[0].number, len(group), start, end))
            group = []
    return blocks


def _parse_header(text: str, line: _Line, file: str) -> tuple[PartialDate, int]:
    """The date on line 1 and the offset where the lead may start."""
    match = _HEADER_RE.match(text, line.start, line.end)
    if match is None:
        raise ArticleFileError(file, "missing date header: expected 'date YYYY-MM[-DD] <lead>'", 1)
    token = match.group("date")
    if not token:
        raise ArticleFileError(file, "date header has no date", 1)
    return _parse_date(token, file), match.end()


def _parse_date(token: str, file: str) -> PartialDate:
    match = _DATE_RE.fullmatch(token)
    if match is None:
        message = f"malformed date '{token}': expected YYYY-MM-DD, YYYY-MM or YYYY"
        raise ArticleFileError(file, message, 1)
    year = int(match.group("year"))
    month = None if match.group("month") is None else int(match.group("month"))
    day = None if match.group("day") is None else int(match.group("day"))
    if year < 1:
        raise ArticleFileError(file, f"invalid year {year} in date '{token}'", 1)
    if month is not None and not 1 <= month <= 12:
        raise ArticleFileError(file, f"invalid month {month} in date '{token}'", 1)
    if month is not None and day is not None:
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            message = f"invalid day {day} in date '{token}' ({token[:7]} has {days} days)"
            raise ArticleFileError(file, message, 1)
    return PartialDate(year, month, day)


def _lead_block(text: str, first: _Block, lead_start: int) -> _Block | None:
    start, end = _trim(text, max(lead_start, first.start), first.end)
    if start >= end:
        return None
    return _Block(first.first_line, first.line_count, start, end)


# --- classification -----------------------------------------------------------------------


def _classify(text: str, lead: _Block, blocks: list[_Block]) -> tuple[ParsedSegment, ...]:
    normalised = [_normalise(text[b.start : b.end]) for b in [lead, *blocks]]
    segments = [ParsedSegment(SegmentKind.LEAD, lead.start, lead.end)]
    for index, block in enumerate(blocks, start=1):
        others = normalised[:index] + normalised[index + 1 :]
        is_last = index == len(blocks)
        segments.append(_classify_block(text, block, others, is_last))
    return tuple(segments)


def _classify_block(text: str, block: _Block, others: list[str], is_last: bool) -> ParsedSegment:
    content = text[block.start : block.end]
    if block.line_count == 1 and not is_last and _is_label(content):
        return ParsedSegment(SegmentKind.SUBHEADING, block.start, block.end)
    pull_quote = _pull_quote(text, block, others)
    if pull_quote is not None:
        return pull_quote
    return ParsedSegment(SegmentKind.PARAGRAPH, block.start, block.end)


def _is_label(content: str) -> bool:
    """Short, unpunctuated, one line: the shape of a subheading or a credit."""
    return (
        "\n" not in content
        and "\r" not in content
        and len(content) <= _LABEL_MAX_CHARS
        and len(content.split()) <= _LABEL_MAX_WORDS
        and any(char.isalpha() for char in content)
        and not content[0].islower()
        and content[0] not in _OPENING_QUOTES
        and content[-1] not in _FINAL_PUNCTUATION + _CLOSING_QUOTES
    )


def _pull_quote(text: str, block: _Block, others: list[str]) -> ParsedSegment | None:
    """The block as a pull quote, trying the longest repeated body first."""
    for boundary in sorted(_body_boundaries(text, block), reverse=True):
        credit_start, _ = _trim(text, boundary, block.end)
        credit = text[credit_start : block.end]
        if credit and not _is_label(credit):
            continue
        body = text[block.start : boundary]
        if _repeats(body, others, strict=not credit):
            credit_offset = credit_start if credit else None
            return ParsedSegment(SegmentKind.PULL_QUOTE, block.start, block.end, credit_offset)
    return None


def _body_boundaries(text: str, block: _Block) -> set[int]:
    """Where the repeated text may end: the block end, the end of the line before the last,
    or a sentence end on the last line. Any other end leaves a credit of two lines or more,
    which cannot be a label."""
    boundaries = {block.end}
    start, end = block.start, block.end
    last_eol = max(text.rfind("\n", start, end), text.rfind("\r", start, end))
    if last_eol >= 0:
        boundaries.add(_trim(text, start, last_eol)[1])
    last_line = last_eol + 1 if last_eol >= 0 else start
    for match in _SENTENCE_END_RE.finditer(text, last_line, end):
        boundaries.add(match.end())
    boundaries.discard(start)
    return boundaries


def _repeats(body: str, others: list[str], *, strict: bool) -> bool:
    """Whether every sentence of ``body`` occurs in the other blocks (normalised): each in
    some other block, or with ``strict`` all in one block longer than the body.

    Sentences are normalised and looked up one at a time, and the first one found nowhere
    ends the search: most paragraphs repeat nothing, and their first sentence shows it.
    """
    candidates: frozenset[int] | None = None  # the blocks holding every sentence so far
    words = 0
    for sentence in map(_normalise_sentence, _sentences(body)):
        if not sentence:
            continue
        found = frozenset(i for i, other in enumerate(others) if _contains(other, sentence))
        candidates = found if candidates is None else candidates & found
        if not (candidates if strict else found):
            return False
        words += len(sentence.split())
    if candidates is None or words < _PULL_QUOTE_MIN_WORDS:
        return False
    if not strict:
        return True
    length = len(_normalise(body))
    return any(len(others[index]) > length for index in candidates)


def _sentences(content: str) -> Iterator[str]:
    start = 0
    for match in _SENTENCE_END_RE.finditer(content):
        yield content[start : match.end()]
        start = match.end()
    yield content[start:]


def _normalise(content: str) -> str:
    """Case-, quote- and whitespace-insensitive form used to find repeated text."""
    folded = content.casefold()
    for quote in _QUOTES:
        if quote in folded:
            folded = folded.replace(quote, "")
    return " ".join(folded.split())


def _normalise_sentence(sentence: str) -> str:
    return _normalise(sentence).rstrip(_FINAL_PUNCTUATION + ", ")


def _contains(haystack: str, needle: str) -> bool:
    if needle not in haystack:  # cheap test first; the regex checks word boundaries
        return False
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None
