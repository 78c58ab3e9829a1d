"""Word tokens with offsets, and which of them start a sentence.

Only tokens the name rules look at are kept (capitalised words, particles, prepositions,
articles, cue words, hyphenated compounds); gaps between kept tokens are checked in the
text, so dropping the others never joins words that were apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.extraction.lexicon import LOCATIVE_PREPOSITIONS, NAME_PARTICLES, cue_kind_lower
from articles.extraction.sentences import Sentence

TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*")
_INITIAL_AFTER = frozenset("'\"„“‘‚«([:.!?")
_ARABIC_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-")
_KEPT_LOWER = NAME_PARTICLES | LOCATIVE_PREPOSITIONS | {"de", "het"}


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    initial: bool  # first word of a sentence, of a quotation, or after a colon
    capitalised: bool  # upper-case first letter, or al-Assad style


def tokenize(text: str, sentences: list[Sentence]) -> tuple[list[Token], set[str]]:
    """The kept tokens, and every lower-case word of the text (to tell names from words)."""
    tokens: list[Token] = []
    lowercase: set[str] = set()
    for sentence in sentences:
        first = True
        for match in TOKEN_RE.finditer(text, sentence.start, sentence.end):
            word = match.group()
            capitalised = word[0].isupper()
            if not capitalised:
                lowercase.add(word)
                if not _kept_lower(word):
                    first = False
                    continue
                capitalised = _is_arabic_name(word)
            begin = match.start()
            initial = first or _after_opening(text, begin)
            first = False
            tokens.append(Token(begin, match.end(), word, initial, capitalised))
    return tokens, lowercase


def _kept_lower(word: str) -> bool:
    return word in _KEPT_LOWER or "-" in word or cue_kind_lower(word) is not None


def _is_arabic_name(word: str) -> bool:
    return word.startswith(_ARABIC_PARTICLES) and word.partition("-")[2][:1].isupper()


def _after_opening(text: str, begin: int) -> bool:
    """True after an opening quote or bracket, a colon or a sentence end inside a quote."""
    before = text[begin - 1] if begin else ""
    if before == " " and begin > 1:
        before = text[begin - 2]
    return before in _INITIAL_AFTER
