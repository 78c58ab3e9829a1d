"""Extraction of actors, claims, sources and quantities from Dutch news text.

Pure Python: no database, no Django. ``extract`` returns plain data with character offsets
into the article text; the ingest stores it.
"""

from __future__ import annotations

from collections.abc import Sequence

import simplemma

from articles.extraction.candidates import Candidate
from articles.extraction.claims import apply_credits, find_claims
from articles.extraction.gazetteer import Gazetteer, GazetteerEntry
from articles.extraction.mentions import find_mentions
from articles.extraction.sentences import Sentence, split_sentences
from articles.extraction.tokens import tokenize
from articles.extraction.types import Extraction
from articles.ingest.parsed import ParsedSegment, SegmentKind

__all__ = ["Extraction", "Gazetteer", "GazetteerEntry", "extract", "load_dictionaries"]

_SPEAKER_KINDS = frozenset({"person", "organisation", "role", "group", "country"})


def load_dictionaries() -> None:
    """Load now what extraction would load on first use: simplemma's Dutch dictionary, some
    40 MB. Called before forking workers, so that they share the parent's copy instead of
    each loading its own."""
    simplemma.is_known("nieuws", lang="nl")


def extract(
    text: str, segments: Sequence[ParsedSegment], gazetteer: Gazetteer | None = None
) -> Extraction:
    """Mentions and claims of one article; ``segments`` are its structural blocks (when
    empty, the whole text is one paragraph)."""
    if not text or not text.strip():
        return Extraction()
    gazetteer = gazetteer or Gazetteer.default()
    usable = _usable_segments(text, segments)
    sentences = split_sentences(text, usable)
    candidates = _mentions(text, usable, sentences, gazetteer)
    claims = find_claims(text, sentences, candidates, gazetteer.neutral_adjectives)
    claims = apply_credits(claims, _pull_quote_credits(text, usable, candidates))
    return Extraction(mentions=[c.to_mention(text) for c in candidates], claims=claims)


def _mentions(
    text: str, segments: list[ParsedSegment], sentences: list[Sentence], gazetteer: Gazetteer
) -> list[Candidate]:
    # The tokens die here: a long text has hundreds of thousands, which the garbage
    # collector would otherwise scan again and again while the claims are found.
    tokens, lowercase = tokenize(text, sentences)
    spans = [(s.start, s.end) for s in segments]
    return find_mentions(text, spans, tokens, lowercase, gazetteer)


def _usable_segments(text: str, segments: Sequence[ParsedSegment]) -> list[ParsedSegment]:
    if not segments:
        return [ParsedSegment(SegmentKind.PARAGRAPH, 0, len(text))]
    usable = []
    for segment in segments:
        start, end = max(0, segment.start), min(len(text), segment.end)
        if start < end:
            credit = segment.credit_start
            if credit is not None and not start <= credit <= end:
                credit = None
            if (start, end, credit) == (segment.start, segment.end, segment.credit_start):
                usable.append(segment)  # already within the text
            else:
                usable.append(ParsedSegment(segment.kind, start, end, credit))
    return sorted(usable, key=lambda s: s.start)


def _pull_quote_credits(
    text: str, segments: list[ParsedSegment], candidates: list[Candidate]
) -> list[tuple[str, Candidate]]:
    credits = []
    for segment in segments:
        if segment.kind != SegmentKind.PULL_QUOTE or segment.credit_start is None:
            continue
        speakers = [
            c
            for c in candidates
            if segment.credit_start <= c.start
            and c.end <= segment.end
            and c.actor.kind in _SPEAKER_KINDS
        ]
        if speakers:
            pulled = _normalised(text[segment.start : segment.credit_start])
            credits.append((pulled, speakers[0]))
    return credits


def _normalised(value: str) -> str:
    return " ".join("".join(c for c in value.lower() if c.isalnum() or c.isspace()).split())
