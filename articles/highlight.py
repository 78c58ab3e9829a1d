"""Article text with its claims and mentions marked up, for the admin and the reading pages.

The text is data, never HTML: every piece of it goes through ``escape``; only the markup
around it is ours.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    url: str
    title: str
    css: str  # "claim" or "mention"


def highlight(text: str, marks: Sequence[Mark]) -> SafeString:
    """``text`` cut at every mark boundary; a piece inside a mention links to its actor, a
    piece inside a claim (only) links to the claim, and claims are marked as a whole."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    pieces = []
    for start, end in pairwise(cuts):
        if not 0 <= start < end <= len(text):
            continue
        covering = [m for m in marks if m.start <= start and end <= m.end]
        pieces.append(_piece(text[start:end], covering))
    return mark_safe("".join(pieces))  # every piece is escaped in _piece


def _piece(text: str, covering: list[Mark]) -> str:
    if not covering:
        return escape(text)
    # Nested mentions ("gouverneur van Hatay" around "Hatay"): the innermost one links.
    mentions = [m for m in covering if m.css == "mention"]
    mention = min(mentions, key=lambda m: m.end - m.start) if mentions else None
    claim = next((m for m in covering if m.css == "claim"), None)
    link = mention or claim
    inner = format_html('<a href="{}" title="{}">{}</a>', link.url, link.title, text)
    if claim is None:
        return inner
    return format_html('<mark class="claim" title="{}">{}</mark>', claim.title, inner)


def in_context(prefix: str, text: str, suffix: str) -> SafeString:
    return format_html("…{}<mark>{}</mark>{}…", prefix, text, suffix)


def claim_and_mention_marks(
    claims: Iterable,
    mentions: Iterable,
    *,
    claim_url: Callable[[int], str],
    actor_url: Callable[[int], str],
    claim_title: Callable[[object], str],
) -> list[Mark]:
    """A mark per claim (linked, titled by ``claim_title``) and per actor mention (linked to
    its actor, titled by name and kind); mentions need their ``actor`` loaded."""
    marks = [Mark(c.start, c.end, claim_url(c.pk), claim_title(c), "claim") for c in claims]
    marks += [
        Mark(
            m.start,
            m.end,
            actor_url(m.actor_id),
            f"{m.actor.name} ({m.actor.get_kind_display()})",
            "mention",
        )
        for m in mentions
    ]
    return marks
