"""Snippets as safe HTML: the stored text is escaped, and only then are matches marked."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .lemmas import words

# Private-use characters: PostgreSQL's ts_headline puts them around matches (StartSel and
# StopSel); they survive escaping and become <mark> after it. Stored text never has them
# (the query removes them before ts_headline).
START, STOP = "\ue000", "\ue001"
ELLIPSIS = "…"


def marked_to_html(marked: str) -> SafeString:
    """ts_headline's output (plain text with START/STOP around matches) as safe HTML."""
    html = escape(marked).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # escaped above; only our own tags are added


def snippet(text: str, is_match: Callable[[str], bool], *, max_words: int = 35) -> SafeString:
    """Up to ``max_words`` words of the text around most of its matches, matches marked."""
    spans = [(m.start(), m.end(), is_match(m.group())) for m in words(text)]
    if not spans:
        return mark_safe("")
    hits = [i for i, (_, _, hit) in enumerate(spans) if hit]
    first = _best_window(hits, len(spans), max_words)
    last = min(len(spans), first + max_words) - 1
    begin = 0 if first == 0 else spans[first][0]
    end = len(text) if last == len(spans) - 1 else spans[last][1]
    parts = [ELLIPSIS + " "] if begin > 0 else []
    position = begin
    for start, stop, hit in spans[first : last + 1]:
        if hit:
            parts.append(escape(text[position:start]))
            parts.append(f"<mark>{escape(text[start:stop])}</mark>")
            position = stop
    parts.append(escape(text[position:end]))
    if end < len(text):
        parts.append(" " + ELLIPSIS)
    return mark_safe("".join(parts).strip())  # every piece of text is escaped


def _best_window(hits: list[int], count: int, size: int) -> int:
    """The first word of the window of ``size`` words holding most hits (a little context
    before the first of them)."""
    if count <= size or not hits:
        return 0
    best, best_count, j = hits[0], 0, 0
    for i, start in enumerate(hits):
        while j < len(hits) and hits[j] < start + size:
            j += 1
        if j - i > best_count:
            best, best_count = start, j - i
    lead = min(size // 5, best)
    return max(0, min(best - lead, count - size))
