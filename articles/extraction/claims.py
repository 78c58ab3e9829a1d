"""Claims: sentences (or quotes) that are attributed, carry a quantity, quote someone or are
hedged. Subheadings and pull quotes produce none."""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from articles.extraction.attribution import (
    Attribution,
    Clause,
    attribute,
    has_pronoun_speaker,
    is_hedged,
    is_reportative,
    masked,
)
from articles.extraction.candidates import Candidate
from articles.extraction.quantities import find_quantities
from articles.extraction.sentences import Sentence
from articles.extraction.types import ActorRef, FoundClaim, FoundQuantity, FoundSource
from articles.ingest.parsed import SegmentKind

CLAIM_SEGMENTS = frozenset({SegmentKind.LEAD, SegmentKind.PARAGRAPH})
_QUOTE_MARKS = "'\"„“‘‚«"


@dataclass(slots=True)
class _Draft:
    """A sentence that may be a claim; the FoundClaim is made only for those that are."""

    sentence: Sentence
    attribution: Attribution
    source: FoundSource | None
    via: FoundSource | None
    hedged: bool
    quote: str | None
    quantity: FoundQuantity | None
    mentions: list[Candidate]  # inside the sentence
    is_claim: bool
    starts_with_quote: bool
    reportative: bool

    def claim(self, text: str) -> FoundClaim:
        start, end = self.sentence.start, self.sentence.end
        return FoundClaim(
            start=start,
            end=end,
            text=text[start:end],
            source=self.source,
            via=self.via,
            hedged=self.hedged,
            direct_quote=self.quote,
            quantity=self.quantity,
            about=_about(self.mentions, self.source, self.via),
        )


def find_claims(
    text: str,
    sentences: list[Sentence],
    mentions: list[Candidate],
    adjectives: Mapping[str, str],
) -> list[FoundClaim]:
    drafts: list[_Draft] = []
    outer = _Sorted(_outermost(mentions))
    article = _Article(text, outer, _Sorted(mentions), adjectives)
    for sentence in sentences:
        if sentence.kind in CLAIM_SEGMENTS:
            drafts.append(_draft(article, sentence))
    _resolve_pronouns(drafts, text, outer)
    _apply_backward_attribution(drafts)
    _inherit_sources(drafts)
    return [d.claim(text) for d in drafts if d.is_claim]


def _outermost(mentions: list[Candidate]) -> list[Candidate]:
    result: list[Candidate] = []
    for mention in mentions:  # sorted by start, longest first
        if result and mention.start < result[-1].end:
            continue
        result.append(mention)
    return result


class _Sorted:
    """Mentions sorted by start, with their starts for bisecting."""

    __slots__ = ("items", "starts")

    def __init__(self, items: list[Candidate]) -> None:
        self.items = items
        self.starts = [m.start for m in items]

    def within(self, start: int, end: int) -> list[Candidate]:
        """Mentions inside ``[start, end)``."""
        first = bisect_left(self.starts, start)
        last = bisect_left(self.starts, end, first)
        return [m for m in self.items[first:last] if m.end <= end]

    def before(self, floor: int, position: int) -> list[Candidate]:
        """Mentions starting in ``[floor, position)``."""
        first = bisect_left(self.starts, floor)
        return self.items[first : bisect_left(self.starts, position, first)]


@dataclass(frozen=True, slots=True)
class _Article:
    text: str
    outer: _Sorted  # outermost mentions
    mentions: _Sorted  # all mentions
    adjectives: Mapping[str, str]
    # one FoundSource per actor and source kind, shared by all claims of the article
    sources: dict[tuple[int, str], FoundSource] = field(default_factory=dict)

    def source(self, candidate: Candidate | None) -> FoundSource | None:
        if candidate is None:
            return None
        key = (id(candidate.actor), candidate.source_kind)
        source = self.sources.get(key)
        if source is None:
            source = self.sources[key] = _source(candidate)
        return source


def _draft(article: _Article, sentence: Sentence) -> _Draft:
    text, start, end = article.text, sentence.start, sentence.end
    outside = Clause(masked(text, sentence))
    attribution = attribute(outside, start, article.outer.within(start, end))
    quote = _direct_quote(text, sentence) if sentence.quotes else None
    inner = article.mentions.within(start, end)
    names = [(m.start, m.end) for m in inner]
    quantities = find_quantities(text, start, end, names, article.adjectives, limit=1)
    hedged = is_hedged(outside)
    is_claim = bool(attribution.speech_act or attribution.source or quote or hedged or quantities)
    starts_with_quote = text[start] in _QUOTE_MARKS and bool(sentence.quotes)
    return _Draft(
        sentence,
        attribution,
        article.source(attribution.source),
        article.source(attribution.via),
        hedged,
        quote,
        quantities[0] if quantities else None,
        inner,
        is_claim,
        starts_with_quote,
        is_reportative(outside),
    )


def _direct_quote(text: str, sentence: Sentence) -> str | None:
    quotes = [
        text[q.inner_start : q.inner_end].strip()
        for q in sentence.quotes
        if len(text[q.inner_start : q.inner_end].split()) >= 2
    ]
    return max(quotes, key=len) if quotes else None


def _source(candidate: Candidate) -> FoundSource:
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


def _with_source(draft: _Draft, source: FoundSource) -> None:
    draft.source = source  # the claim's ``about`` will leave it out
    draft.is_claim = True


def _resolve_pronouns(drafts: list[_Draft], text: str, outer: _Sorted) -> None:
    """``Hij zei``: the last person named before the sentence (within two sentences)."""
    for index, draft in enumerate(drafts):
        if not draft.attribution.speech_act or draft.source is not None:
            continue
        if not has_pronoun_speaker(masked(text, draft.sentence)):
            continue
        floor = drafts[max(0, index - 2)].sentence.start
        nearby = outer.before(floor, draft.sentence.start)
        people = [m for m in nearby if m.actor.kind == "person"]
        if people:
            _with_source(draft, _source(people[-1]))
            draft.attribution = replace(draft.attribution, source=people[-1])


def _apply_backward_attribution(drafts: list[_Draft]) -> None:
    """``X zei iets. Dat heeft Y bevestigd.``: Y is the source of the previous sentence,
    and the attribution sentence is not a claim of its own."""
    for previous, draft in itertools.pairwise(drafts):
        if not draft.attribution.backward or draft.source is None:
            continue
        if previous.sentence.segment != draft.sentence.segment:
            continue
        if previous.source is None:
            _with_source(previous, draft.source)
        draft.is_claim = False


def _inherit_sources(drafts: list[_Draft]) -> None:
    """A quote without a speaker continues the previous speaker; a ``zou`` sentence right
    after an attributed one reports the same source."""
    for previous, draft in itertools.pairwise(drafts):
        if not draft.is_claim or draft.source is not None:
            continue
        if not previous.is_claim or previous.source is None:
            continue
        gap = draft.sentence.segment - previous.sentence.segment
        if (draft.starts_with_quote and draft.quote and gap <= 1) or (
            draft.reportative and gap == 0
        ):
            _with_source(draft, previous.source)


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
