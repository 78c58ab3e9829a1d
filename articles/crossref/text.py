"""Comparing claim sentences: content words, similarity, and words of doubt."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from articles.extraction.lexicon import words
from articles.normalise import normalise_name

# Function words carry no topic; without them "het Syrische regime" and "Syrische regime" match.
_STOPWORDS = frozenset(
    words(
        """de het een en of in op bij van voor naar aan om tot na over onder tegen te met door
        als dan maar zou zouden is zijn was waren wordt worden werd werden heeft hebben had
        hadden die dat dit deze er nog al ook niet wel zich zo meer dan uit wat wie waar hij
        zij ze we wij zijn haar hun men nu toen want dus omdat"""
    )
)
_WORD = re.compile(r"\w+(?:-\w+)*")
# Words that say the claim's own statement is not established ("het is nog niet duidelijk of").
_DOUBT = re.compile(
    r"\b(?:niet duidelijk|onduidelijk|onbekend|niet bekend|niet zeker|onzeker|onbevestigd)\b"
)
# A copy is the same text: what a second outlet prints of one agency's report.
COPY_SIMILARITY = 90


@lru_cache(maxsize=4096)
def content_words(text: str) -> str:
    words = _WORD.findall(normalise_name(text))
    return " ".join(w for w in words if w not in _STOPWORDS and not w.isdigit())


def similarity(a: str, b: str, at_least: float = 0) -> float:
    """0–100: how much of the shorter sentence's content the longer one repeats; 0 when below
    ``at_least`` (rapidfuzz stops early then)."""
    return fuzz.token_set_ratio(content_words(a), content_words(b), score_cutoff=at_least)


@lru_cache(maxsize=4096)
def _normalised(text: str) -> str:
    return normalise_name(text)


def is_copy(a: str, b: str) -> bool:
    return fuzz.ratio(_normalised(a), _normalised(b), score_cutoff=COPY_SIMILARITY) > 0


def doubts(text: str) -> bool:
    """Whether the sentence says something is not (yet) known."""
    return _DOUBT.search(_normalised(text)) is not None
