"""Scoring a candidate pair of claims: which relation, how sure, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from articles.models.claims import ClaimLink

from .counts import CountMatch, count_match
from .facts import ClaimFacts
from .reconcile import Interval, Report, figure_label, interval, is_update
from .text import Sentence, is_copy, similarity

Relation = ClaimLink.Relation

# Below this, a pair is not worth an editor's time.
MIN_SCORE = 0.35
# Sentences without a shared count must share an actor and this much content to be proposed.
RELATED_TEXT = 55
CORROBORATING_TEXT = 75
# Figures further apart than this factor are reports of different counts ("210.000 euro" in
# one town and "52 miljoen euro" in another), unless one source revised its own figure about
# the same actors. Measured on a synthetic archive of 20,000 articles, where the stories are
# known: one in fifty count pairs this far apart was of one story.
FAR_APART = 5


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed link from ``first`` to ``second`` (the direction matters for updates)."""

    first: int
    second: int
    relation: str
    score: float
    reasons: list[dict] = field(default_factory=list)

    def __reduce__(self) -> tuple[type[Candidate], tuple]:
        # As ``ClaimFacts.__reduce__``: plans carry thousands of these between processes. The
        # relation goes as its plain value, which compares equal to the choice.
        relation = str(self.relation)
        return (Candidate, (self.first, self.second, relation, self.score, self.reasons))


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


@dataclass(frozen=True, slots=True)
class _Figure:
    """A claim's count as scoring compares it."""

    report: Report
    interval: Interval | None
    label: str
    magnitude: Decimal  # the figure it reports, for ``_far_apart``


class Scorer:
    """Scores pairs of claims. Each claim's figure and sentence forms are worked out once,
    however many pairs it is in (a batch compares a claim with hundreds of others)."""

    def __init__(self) -> None:
        self._figures: dict[int, _Figure] = {}
        self._sentences: dict[int, Sentence] = {}

    def __call__(self, a: ClaimFacts, b: ClaimFacts) -> Candidate | None:
        """The best link between two claims, or None when they have too little in common."""
        if a.claim_id == b.claim_id:
            return None
        both_counted = a.has_figure and b.has_figure
        match = count_match(a.count_key, b.count_key) if both_counted else None
        same_article = a.article_id == b.article_id
        if match is not None and not (same_article and match is CountMatch.LOOSE):
            candidate = self._count_pair(a, b, match)
        elif both_counted or same_article:
            # Different counts ("22 gedood" and "22 gewond") are no copies of each other,
            # however alike their wording; sentences of one article share its actors: only
            # counts link.
            candidate = None
        else:
            candidate = self._text_pair(a, b)
        return candidate if candidate is not None and candidate.score >= MIN_SCORE else None

    def figure(self, facts: ClaimFacts) -> _Figure:
        found = self._figures.get(facts.claim_id)
        if found is None:
            report = report_of(facts)
            found = _Figure(report, interval(report), figure_label(report), _figure(report))
            self._figures[facts.claim_id] = found
        return found

    def sentence(self, facts: ClaimFacts) -> Sentence:
        found = self._sentences.get(facts.claim_id)
        if found is None:
            found = self._sentences[facts.claim_id] = Sentence.of(facts.text)
        return found

    def _count_pair(self, a: ClaimFacts, b: ClaimFacts, match: CountMatch) -> Candidate | None:
        figure_a, figure_b = self.figure(a), self.figure(b)
        shared = _shared_actors(a, b) if a.about & b.about else []
        reasons: list[dict] = [
            {
                "code": "same_count" if match is CountMatch.SAME else "similar_count",
                "what": [a.what, b.what],
                "figures": [figure_a.label, figure_b.label],
            }
        ]
        b_updates_a = False
        if match is CountMatch.LOOSE:
            # Counts of different subjects ("22 militairen", "3 burgers") differ anyway.
            if not shared and not _overlap(figure_a.interval, figure_b.interval):
                return None
            relation, base = Relation.RELATED, 0.25
        elif figure_a.interval == figure_b.interval:
            if a.article_id == b.article_id:
                return None  # an article repeating its own figure
            relation, base = Relation.CORROBORATES, 0.5
        else:
            far = _far_apart(figure_a.magnitude, figure_b.magnitude)
            if far and not shared:
                return None
            b_updates_a = is_update(figure_a.report, figure_b.report)
            if b_updates_a or is_update(figure_b.report, figure_a.report):
                relation, base = Relation.UPDATES, 0.5
                reasons.append({"code": "update", "source": a.source_name})
            elif far:
                return None  # so far apart, only a source revising its own figure is one count
            else:
                relation, base = Relation.CONFLICTS, 0.5
        first, second = (b, a) if b_updates_a else (a, b)
        score = base + self._context(a, b, shared, reasons)
        return Candidate(
            first.claim_id, second.claim_id, relation, round(min(score, 1.0), 3), reasons
        )

    def _text_pair(self, a: ClaimFacts, b: ClaimFacts) -> Candidate | None:
        sentence_a, sentence_b = self.sentence(a), self.sentence(b)
        if is_copy(sentence_a, sentence_b):
            reasons = [{"code": "same_copy"}]
            return Candidate(a.claim_id, b.claim_id, Relation.DUPLICATES, 0.95, reasons)
        if not a.about & b.about:
            return None
        text = similarity(sentence_a, sentence_b, at_least=RELATED_TEXT)
        if text < RELATED_TEXT:
            return None
        shared = _shared_actors(a, b)
        reasons: list[dict] = []
        if sentence_a.doubts != sentence_b.doubts:
            relation = Relation.CONFLICTS
            reasons.append({"code": "unclear_vs_stated"})
        elif text >= CORROBORATING_TEXT:
            relation = Relation.CORROBORATES
        else:
            relation = Relation.RELATED
        score = 0.2 + self._context(a, b, shared, reasons, text)
        return Candidate(a.claim_id, b.claim_id, relation, round(min(score, 1.0), 3), reasons)

    def _context(
        self,
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
        if text is None:
            text = similarity(self.sentence(a), self.sentence(b), at_least=RELATED_TEXT)
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


def score_pair(a: ClaimFacts, b: ClaimFacts) -> Candidate | None:
    """The best link between two claims, or None when they have too little in common."""
    return Scorer()(a, b)


def _shared_actors(a: ClaimFacts, b: ClaimFacts) -> list[str]:
    names = dict(a.about_names + b.about_names)
    return sorted(names.get(actor, f"#{actor}") for actor in a.about & b.about)


def _months_apart(a: ClaimFacts, b: ClaimFacts) -> int | None:
    if a.month_index is None or b.month_index is None:
        return 0 if a.year == b.year and a.month is None and b.month is None else None
    return abs(a.month_index - b.month_index)


def _far_apart(a: Decimal, b: Decimal) -> bool:
    """Whether two reports' figures (``_figure``) differ by more than ``FAR_APART``."""
    low, high = (a, b) if a <= b else (b, a)
    # A count of zero (or less) is taken as one.
    return high > FAR_APART * max(low, 1)


def _figure(report: Report) -> Decimal:
    """The figure a report gives: "at least 210.000" reports about 210.000, however many more
    it allows."""
    if report.value is not None:
        return abs(report.value)
    if report.minimum is not None and report.maximum is not None:
        return abs(report.minimum + report.maximum) / 2
    return abs(report.minimum if report.minimum is not None else report.maximum or 0)


def _overlap(a: Interval | None, b: Interval | None) -> bool:
    if a is None or b is None:
        return False
    return (b.high is None or a.low <= b.high) and (a.high is None or b.low <= a.high)
