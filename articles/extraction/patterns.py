"""Fast ways to find words and marks in text, shared by the rules.

Python's ``re`` tries a pattern at every position of the text, and the branches of
``a|b|c`` one by one, so a list of a few hundred words costs a few hundred tests per
position. ``alternation`` writes the list as a prefix tree (``ze(?:i(?:den)?|gt)``), and
can move a leading look-behind behind the first letters so that ``re`` skips to them.
For a handful of words or characters ``str.find`` is faster still (``find_words``,
``char_positions``), and for many words in one pass an Aho-Corasick ``automaton``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick

NEVER = "(?!)"  # matches nothing; stands in for an empty word list


def alternation(words: Iterable[str], not_after: str | None = None) -> str:
    """A pattern matching exactly the given strings (no group), preferring longer ones where
    one is a prefix of another, like ``|``-joined words sorted longest first.

    ``not_after`` (a one-character pattern such as ``[\\w-]``) is what may not precede a
    match: ``(?<!X)(?:a|b)`` written as ``a(?<!Xa)|b(?<!Xb)``, so that the pattern starts
    with its first letters and ``re`` can skip to where one of them occurs."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    if not tree:
        return NEVER
    if not_after is None:
        return _branches(tree)
    options = [
        f"{re.escape(char)}(?<!{not_after}{re.escape(char)}){_branches(child)}"
        for char, child in sorted(tree.items())
        if char
    ]
    if "" in tree:
        options.append(f"(?<!{not_after})")
    return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"


def _branches(node: dict[str, dict]) -> str:
    options = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not options:
        return ""
    body = options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
    if "" in node:
        # the word may end here; the longer continuation is tried first (greedy)
        return f"(?:{body})?"
    return body


def find_words(lowered: str, words: Iterable[str]) -> list[tuple[int, int]]:
    r"""Spans of ``words`` in ``lowered``, in text order, where neither side touches a word
    character or a hyphen: the matches of ``(?<![\w-])(?:w1|w2)(?![\w-])``, found with
    ``str.find`` (much faster than a regular expression for a handful of words)."""
    spans: list[tuple[int, int]] = []
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            end = at + len(word)
            if _is_free(lowered, at - 1) and _is_free(lowered, end):
                spans.append((at, end))
            at = lowered.find(word, at + 1)
    spans.sort()
    return spans


def _is_free(text: str, index: int) -> bool:
    """Whether ``text[index]`` is outside the text or neither a word character nor "-"."""
    if index < 0 or index >= len(text):
        return True
    char = text[index]
    return not (char.isalnum() or char == "_" or char == "-")


def char_positions(text: str, chars: str, start: int, end: int) -> list[int]:
    """Sorted positions in ``text[start:end]`` of any of ``chars``: what a regular expression
    ``[chars]`` finds, but ``str.find`` skips to each occurrence at memchr speed, where
    ``re`` tests every character."""
    found: list[int] = []
    for char in chars:
        at = text.find(char, start, end)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1, end)
    found.sort()
    return found


def char_runs(positions: list[int]) -> list[tuple[int, int]]:
    """Spans of the maximal runs of consecutive ``positions`` (sorted): with the positions
    of ``chars``, what ``[chars]+`` finds."""
    runs: list[tuple[int, int]] = []
    for at in positions:
        if runs and runs[-1][1] == at:
            runs[-1] = (runs[-1][0], at + 1)
        else:
            runs.append((at, at + 1))
    return runs


def automaton(words: Iterable[str]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton whose matches carry the word found: one pass over a text
    finds every occurrence of every word, also overlapping ones."""
    found = ahocorasick.Automaton()
    for word in words:
        found.add_word(word, word)
    found.make_automaton()
    return found
