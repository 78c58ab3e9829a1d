"""Comparing claim sentences: content words, similarity, and words of doubt."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Sentence:
    """A claim's sentence in the forms the comparisons below read, worked out once."""

    content: str  # its content words
    normalised: str
    doubts: bool  # it says something is not (yet) known

    @classmethod
    def of(cls, text: str) -> Sentence:
        normalised = normalise_name(text)
        return cls(_content_words(normalised), normalised, _DOUBT.search(normalised) is not None)


def content_words(text: str) -> str:
    return _content_words(normalise_name(text))


def _content_words(normalised: str) -> str:
    words = _WORD.findall(normalised)
    return " ".join(w for w in words if w not in _STOPWORDS and not w.isdigit())


def similarity(a: Sentence, b: Sentence, at_least: float = 0) -> float:
    """0–100: how much of the shorter sentence's content the longer one repeats; 0 when below
    ``at_least`` (rapidfuzz stops early then)."""
    return fuzz.token_set_ratio(a.content, b.content, score_cutoff=at_least)


def is_copy(a: Sentence, b: Sentence) -> bool:
    return fuzz.ratio(a.normalised, b.normalised, score_cutoff=COPY_SIMILARITY) > 0
