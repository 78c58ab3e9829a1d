"""Re-finding a span in changed text by its quote and context, as W3C's TextQuoteSelector does."""

from __future__ import annotations

from dataclasses import dataclass

# Characters of context kept on each side of a span to re-find it.
CONTEXT = 32


@dataclass(frozen=True, slots=True)
class TextQuote:
    exact: str
    prefix: str
    suffix: str
    position: float  # where it was, as a fraction of the old text; breaks ties


def quote_at(text: str, start: int, end: int, context: int = CONTEXT) -> TextQuote:
    return TextQuote(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
        position=start / max(1, len(text)),
    )


def find_quote(text: str, quote: TextQuote) -> tuple[int, int] | None:
    """The best ``(start, end)`` of ``quote.exact`` in ``text``, or None when it is gone."""
    if not quote.exact:
        return None
    best: tuple[float, int] | None = None
    start = text.find(quote.exact)
    while start != -1:
        score = _context_score(text, start, start + len(quote.exact), quote)
        if best is None or score > best[0]:
            best = (score, start)
        start = text.find(quote.exact, start + 1)
    if best is None:
        return None
    return best[1], best[1] + len(quote.exact)


def _context_score(text: str, start: int, end: int, quote: TextQuote) -> float:
    before = text[max(0, start - len(quote.prefix)) : start]
    after = text[end : end + len(quote.suffix)]
    matched = _common_suffix(before, quote.prefix) + _common_prefix(after, quote.suffix)
    distance = abs(start / max(1, len(text)) - quote.position)
    return matched - distance  # context decides; distance only breaks ties


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
