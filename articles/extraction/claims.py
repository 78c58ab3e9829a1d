"""Claims: sentences (or quotes) that are attributed, carry a quantity, quote someone or are
hedged. Subheadings and pull quotes produce none."""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, replace

from articles.extraction.attribution import (
    Attribution,
    attribute,
    has_pronoun_speaker,
    is_hedged,
    is_reportative,
    masked,
)
from articles.extraction.candidates import Candidate
from articles.extraction.quantities import find_quantities
from articles.extraction.sentences import Sentence
from articles.extraction.types import ActorRef, FoundClaim, FoundSource
from articles.ingest.parsed import SegmentKind

CLAIM_SEGMENTS = frozenset({SegmentKind.LEAD, SegmentKind.PARAGRAPH})
_QUOTE_MARKS = "'\"„“‘‚«"


@dataclass(slots=True)
class _Draft:
    sentence: Sentence
    attribution: Attribution
    claim: FoundClaim
    is_claim: bool
    starts_with_quote: bool
    reportative: bool


def find_claims(
    text: str,
    sentences: list[Sentence],
    mentions: list[Candidate],
    adjectives: Mapping[str, str],
) -> list[FoundClaim]:
    drafts: list[_Draft] = []
    outer = _outermost(mentions)
    for sentence in sentences:
        if sentence.kind in CLAIM_SEGMENTS:
            drafts.append(_draft(text, sentence, outer, mentions, adjectives))
    _resolve_pronouns(drafts, text, outer)
    _apply_backward_attribution(drafts)
    _inherit_sources(drafts)
    return [d.claim for d in drafts if d.is_claim]


def _outermost(mentions: list[Candidate]) -> list[Candidate]:
    result: list[Candidate] = []
    for mention in mentions:  # sorted by start, longest first
        if result and mention.start < result[-1].end:
            continue
        result.append(mention)
    return result


def _within(mentions: list[Candidate], start: int, end: int) -> list[Candidate]:
    """Mentions inside ``[start, end)``; ``mentions`` are sorted by start."""
    first = bisect_left(mentions, start, key=lambda m: m.start)
    last = bisect_left(mentions, end, key=lambda m: m.start)
    return [m for m in mentions[first:last] if m.end <= end]


def _draft(
    text: str,
    sentence: Sentence,
    outer: list[Candidate],
    mentions: list[Candidate],
    adjectives: Mapping[str, str],
) -> _Draft:
    outside = masked(text, sentence)
    attribution = attribute(outside, sentence.start, _within(outer, sentence.start, sentence.end))
    quote = _direct_quote(text, sentence)
    inner = _within(mentions, sentence.start, sentence.end)
    names = [(m.start, m.end) for m in inner]
    quantities = find_quantities(text, sentence.start, sentence.end, names, adjectives, limit=1)
    hedged = is_hedged(outside)
    source, via = _source(attribution.source), _source(attribution.via)
    claim = FoundClaim(
        start=sentence.start,
        end=sentence.end,
        text=text[sentence.start : sentence.end],
        source=source,
        via=via,
        hedged=hedged,
        direct_quote=quote,
        quantity=quantities[0] if quantities else None,
        about=_about(inner, source, via),
    )
    is_claim = bool(attribution.speech_act or attribution.source or quote or hedged or quantities)
    starts_with_quote = text[sentence.start] in _QUOTE_MARKS and bool(sentence.quotes)
    return _Draft(
        sentence, attribution, claim, is_claim, starts_with_quote, is_reportative(outside)
    )


def _direct_quote(text: str, sentence: Sentence) -> str | None:
    quotes = [
        text[q.inner_start : q.inner_end].strip()
        for q in sentence.quotes
        if len(text[q.inner_start : q.inner_end].split()) >= 2
    ]
    return max(quotes, key=len) if quotes else None


def _source(candidate: Candidate | None) -> FoundSource | None:
    if candidate is None:
        return None
    return FoundSource(candidate.actor.name, candidate.source_kind, candidate.actor)


def _about(
    inner: list[Candidate], source: FoundSource | None, via: FoundSource | None
) -> tuple[ActorRef, ...]:
    excluded = {s.name for s in (source, via) if s is not None}
    seen: dict[str, ActorRef] = {}
    for mention in inner:
        if mention.actor.name not in excluded:
            seen.setdefault(mention.actor.name, mention.actor)
    return tuple(seen.values())


def _with_source(draft: _Draft, source: FoundSource | None) -> None:
    claim = replace(draft.claim, source=source)
    draft.claim = replace(claim, about=tuple(a for a in claim.about if a.name != source.name))
    draft.is_claim = True


def _resolve_pronouns(drafts: list[_Draft], text: str, outer: list[Candidate]) -> None:
    """``Hij zei``: the last person named before the sentence (within two sentences)."""
    for index, draft in enumerate(drafts):
        if not draft.attribution.speech_act or draft.claim.source is not None:
            continue
        if not has_pronoun_speaker(masked(text, draft.sentence)):
            continue
        floor = drafts[max(0, index - 2)].sentence.start
        at = bisect_left(outer, draft.sentence.start, key=lambda m: m.start)
        people = [m for m in outer[:at] if m.start >= floor and m.actor.kind == "person"]
        if people:
            _with_source(draft, _source(people[-1]))
            draft.attribution = replace(draft.attribution, source=people[-1])


def _apply_backward_attribution(drafts: list[_Draft]) -> None:
    """``X zei iets. Dat heeft Y bevestigd.``: Y is the source of the previous sentence,
    and the attribution sentence is not a claim of its own."""
    for previous, draft in itertools.pairwise(drafts):
        if not draft.attribution.backward or draft.claim.source is None:
            continue
        if previous.sentence.segment != draft.sentence.segment:
            continue
        if previous.claim.source is None:
            _with_source(previous, draft.claim.source)
        draft.is_claim = False


def _inherit_sources(drafts: list[_Draft]) -> None:
    """A quote without a speaker continues the previous speaker; a ``zou`` sentence right
    after an attributed one reports the same source."""
    for previous, draft in itertools.pairwise(drafts):
        if not draft.is_claim or draft.claim.source is not None:
            continue
        if not previous.is_claim or previous.claim.source is None:
            continue
        gap = draft.sentence.segment - previous.sentence.segment
        if (draft.starts_with_quote and draft.claim.direct_quote and gap <= 1) or (
            draft.reportative and gap == 0
        ):
            _with_source(draft, previous.claim.source)


def apply_credits(
    claims: list[FoundClaim], credits: list[tuple[str, Candidate]]
) -> list[FoundClaim]:
    """A pull quote's credit line names the speaker of the claim the pull quote repeats."""
    if not credits:
        return claims
    result = []
    for claim in claims:
        if claim.source is None and claim.direct_quote:
            quoted = _normalised(claim.direct_quote)
            for pulled, speaker in credits:
                if pulled and (pulled[:60] in quoted or quoted[:60] in pulled):
                    claim = replace(claim, source=_source(speaker))
                    break
        result.append(claim)
    return result


def _normalised(value: str) -> str:
    return " ".join("".join(c for c in value.lower() if c.isalnum() or c.isspace()).split())
