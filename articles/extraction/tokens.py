"""Word tokens with offsets, and which of them start a sentence.

Only tokens the name rules look at are kept (capitalised words, particles, prepositions,
articles, cue words, hyphenated compounds); gaps between kept tokens are checked in the
text, so dropping the others never joins words that were apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.extraction import wordcache
from articles.extraction.lexicon import (
    LOCATIVE_PREPOSITIONS,
    NAME_PARTICLES,
    cue_kind,
    cue_kind_lower,
)
from articles.extraction.sentences import Sentence

TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*")
_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")
# A word right after one of these (and at most one space) starts a quotation, a bracket, a
# clause after a colon or a sentence inside a quote.
_INITIAL_AFTER = frozenset("'\"„“‘‚«([:.!?")
_ARABIC_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-")
_KEPT_LOWER = NAME_PARTICLES | LOCATIVE_PREPOSITIONS | {"de", "het"}

# What a word is to the tokenizer: (class, cue_kind). Cached per process like word_cache,
# but in a plain dict that the loop below reads without a function call (emptied when full).
_CAPITALISED, _LOWER_KEPT, _ARABIC_NAME, _DROPPED = range(4)
Cue = tuple[str, str, str]
_CLASSES: dict[str, tuple[int, Cue | None]] = {}


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    initial: bool  # first word of a sentence, of a quotation, or after a colon
    capitalised: bool  # upper-case first letter, or al-Assad style
    cue: Cue | None = None  # lexicon.cue_kind of the word


class LowerCaseWords:
    """The words of a text that are not written with a capital (to tell names from words)."""

    __slots__ = ("_words",)

    def __init__(self, words: set[str]) -> None:
        self._words = words  # all words

    def __contains__(self, word: object) -> bool:
        return word in self._words and not str(word)[:1].isupper()


def tokenize(text: str, sentences: list[Sentence]) -> tuple[list[Token], LowerCaseWords]:
    """The kept tokens, and the lower-case words of the text."""
    tokens: list[Token] = []
    words: set[str] = set()
    classes, openers = _CLASSES, _INITIAL_AFTER
    for sentence in sentences:
        first = True
        end = sentence.start
        # split() yields gap, word, gap, word, ..., gap: offsets follow from the lengths,
        # which is cheaper than a match object per word
        parts = _SPLIT_RE.split(text[sentence.start : sentence.end])
        words.update(parts[1::2])
        pairs = iter(parts)
        for gap, word in zip(pairs, pairs, strict=False):  # the last gap has no word
            begin = end + len(gap)
            end = begin + len(word)
            kind, cue = classes.get(word) or _classify(word)
            if kind == _DROPPED:
                first = False
                continue
            # _after_opening, inlined: this loop runs for every word of every article
            initial = first or (
                begin > 0
                and (
                    text[begin - 1] in openers
                    or (begin > 1 and text[begin - 1] == " " and text[begin - 2] in openers)
                )
            )
            first = False
            tokens.append(Token(begin, end, word, initial, kind != _LOWER_KEPT, cue))
    return tokens, LowerCaseWords(words)


def _classify(word: str) -> tuple[int, Cue | None]:
    if word[0].isupper():
        kind = _CAPITALISED
    elif not _kept_lower(word):
        kind = _DROPPED
    else:
        kind = _ARABIC_NAME if _is_arabic_name(word) else _LOWER_KEPT
    entry = (kind, None if kind == _DROPPED else cue_kind(word))
    if len(word) <= wordcache.MAX_LENGTH:
        if len(_CLASSES) >= wordcache.MAX_WORDS:
            _CLASSES.clear()
        _CLASSES[word] = entry
    return entry


def _kept_lower(word: str) -> bool:
    return word in _KEPT_LOWER or "-" in word or cue_kind_lower(word) is not None


def _is_arabic_name(word: str) -> bool:
    return word.startswith(_ARABIC_PARTICLES) and word.partition("-")[2][:1].isupper()
