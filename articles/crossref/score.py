"""Scoring a candidate pair of claims: which relation, how sure, and why."""

from __future__ import annotations

from dataclasses import dataclass, field

from articles.models.claims import ClaimLink

from .counts import CountMatch, count_match
from .facts import ClaimFacts
from .reconcile import Interval, Report, figure_label, interval, is_update
from .text import doubts, is_copy, similarity

Relation = ClaimLink.Relation

# Below this, a pair is not worth an editor's time.
MIN_SCORE = 0.35
# Sentences without a shared count must share an actor and this much content to be proposed.
RELATED_TEXT = 55
CORROBORATING_TEXT = 75


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed link from ``first`` to ``second`` (the direction matters for updates)."""

    first: int
    second: int
    relation: str
    score: float
    reasons: list[dict] = field(default_factory=list)


def report_of(facts: ClaimFacts) -> Report:
    return Report(
        claim_id=facts.claim_id,
        value=facts.value,
        minimum=facts.minimum,
        maximum=facts.maximum,
        qualifier=facts.qualifier,
        source=facts.source_name,
        source_key=facts.source_key,
        via_key=facts.via_key,
        outlet=facts.outlet,
        published=facts.published,
        text=facts.text,
    )


def score_pair(a: ClaimFacts, b: ClaimFacts) -> Candidate | None:
    """The best link between two claims, or None when they have too little in common."""
    if a.claim_id == b.claim_id:
        return None
    match = count_match(a.count_key, b.count_key) if a.has_figure and b.has_figure else None
    same_article = a.article_id == b.article_id
    if match is not None and not (same_article and match is CountMatch.LOOSE):
        candidate = _count_pair(a, b, match)
    elif (a.has_figure and b.has_figure) or same_article:
        # Different counts ("22 gedood" and "22 gewond") are no copies of each other, however
        # alike their wording; sentences of one article share its actors: only counts link.
        candidate = None
    else:
        candidate = _text_pair(a, b)
    return candidate if candidate is not None and candidate.score >= MIN_SCORE else None


def _count_pair(a: ClaimFacts, b: ClaimFacts, match: CountMatch) -> Candidate | None:
    report_a, report_b = report_of(a), report_of(b)
    shared = _shared_actors(a, b) if a.about & b.about else []
    figures = [figure_label(report_a), figure_label(report_b)]
    reasons: list[dict] = [
        {
            "code": "same_count" if match is CountMatch.SAME else "similar_count",
            "what": [a.what, b.what],
            "figures": figures,
        }
    ]
    if match is CountMatch.LOOSE:
        if not shared and not _overlap(interval(report_a), interval(report_b)):
            return None
        relation, base = Relation.RELATED, 0.25
    elif interval(report_a) == interval(report_b):
        if a.article_id == b.article_id:
            return None  # an article repeating its own figure
        relation, base = Relation.CORROBORATES, 0.5
    elif is_update(report_a, report_b) or is_update(report_b, report_a):
        relation, base = Relation.UPDATES, 0.5
        reasons.append({"code": "update", "source": a.source_name})
    else:
        relation, base = Relation.CONFLICTS, 0.5
    first, second = (
        (b, a) if relation == Relation.UPDATES and is_update(report_a, report_b) else (a, b)
    )
    score = base + _context(a, b, shared, reasons)
    return Candidate(first.claim_id, second.claim_id, relation, round(min(score, 1.0), 3), reasons)


def _text_pair(a: ClaimFacts, b: ClaimFacts) -> Candidate | None:
    if is_copy(a.text, b.text):
        reasons = [{"code": "same_copy"}]
        return Candidate(a.claim_id, b.claim_id, Relation.DUPLICATES, 0.95, reasons)
    if not a.about & b.about:
        return None
    text = similarity(a.text, b.text, at_least=RELATED_TEXT)
    if text < RELATED_TEXT:
        return None
    shared = _shared_actors(a, b)
    reasons: list[dict] = []
    if doubts(a.text) != doubts(b.text):
        relation = Relation.CONFLICTS
        reasons.append({"code": "unclear_vs_stated"})
    elif text >= CORROBORATING_TEXT:
        relation = Relation.CORROBORATES
    else:
        relation = Relation.RELATED
    score = 0.2 + _context(a, b, shared, reasons, text)
    return Candidate(a.claim_id, b.claim_id, relation, round(min(score, 1.0), 3), reasons)


def _context(
    a: ClaimFacts,
    b: ClaimFacts,
    shared: list[str],
    reasons: list[dict],
    text: float | None = None,
) -> float:
    """What the pair shares beyond its count: actors, sentence content, time."""
    score = 0.0
    if shared:
        union = len(a.about | b.about)
        score += 0.25 * len(a.about & b.about) / union
        reasons.append({"code": "same_actors", "names": shared})
    # Below RELATED_TEXT the similarity counts for nothing: rapidfuzz may stop early.
    text = similarity(a.text, b.text, at_least=RELATED_TEXT) if text is None else text
    if text >= RELATED_TEXT:
        score += 0.2 * text / 100
        reasons.append({"code": "similar_text", "ratio": round(text)})
    months = _months_apart(a, b)
    if months == 0:
        score += 0.1
        reasons.append({"code": "same_month"})
    elif months is not None:
        score += 0.05
        reasons.append({"code": "months_apart", "months": months})
    return score


def _shared_actors(a: ClaimFacts, b: ClaimFacts) -> list[str]:
    names = dict(a.about_names + b.about_names)
    return sorted(names.get(actor, f"#{actor}") for actor in a.about & b.about)


def _months_apart(a: ClaimFacts, b: ClaimFacts) -> int | None:
    if a.month_index is None or b.month_index is None:
        return 0 if a.year == b.year and a.month is None and b.month is None else None
    return abs(a.month_index - b.month_index)


def _overlap(a: Interval | None, b: Interval | None) -> bool:
    if a is None or b is None:
        return False
    return (b.high is None or a.low <= b.high) and (a.high is None or b.low <= a.high)
