"""Build segments for test texts: blocks separated by blank lines, the first is the lead;
a short line without final punctuation is a subheading."""

from __future__ import annotations

import re

from articles.extraction import extract
from articles.extraction.types import Extraction
from articles.ingest.parsed import ParsedSegment, SegmentKind

_BLOCK_RE = re.compile(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*")


def segments_of(text: str) -> list[ParsedSegment]:
    segments = []
    for index, match in enumerate(_BLOCK_RE.finditer(text)):
        block = match.group()
        kind = SegmentKind.LEAD if index == 0 else SegmentKind.PARAGRAPH
        if index and len(block) < 60 and block[-1] not in ".!?'\"”’":
            kind = SegmentKind.SUBHEADING
        segments.append(ParsedSegment(kind, match.start(), match.end()))
    return segments


def run(text: str) -> Extraction:
    return extract(text, segments_of(text))


def claim_for(extraction: Extraction, fragment: str):
    for claim in extraction.claims:
        if fragment in claim.text:
            return claim
    raise AssertionError(f"no claim containing {fragment!r}: {[c.text for c in extraction.claims]}")


def mentioned(extraction: Extraction) -> dict[str, str]:
    """surface text -> canonical name"""
    return {m.text: m.actor.name for m in extraction.mentions}
