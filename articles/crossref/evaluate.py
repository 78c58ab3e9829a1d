"""Scoring suggested links against the ``links`` of a gold file (``seeds.gold.json``).

Gold claims are found in the database by article (the file's stem is its external id) and
span: a stored claim matches when it overlaps at least half the gold span. A gold link over
three claims is three pairs. A pair is predicted when a suggestion (in any state) or an
editor's link joins its claims; it is right when the gold links the same two claims, and
right *with its relation* when the relation is the gold's too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path, PurePath

from django.db.models import Q

from articles.extraction.scoring import PRF
from articles.models import Claim, ClaimLink, LinkSuggestion

Pair = frozenset[int]


@dataclass(frozen=True, slots=True)
class LinkScores:
    pairs: PRF  # the two claims are linked, whatever the relation
    relations: PRF  # linked with the gold's relation
    unmatched_gold_claims: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "pairs": self.pairs.to_dict(),
            "relations": self.relations.to_dict(),
            "unmatched_gold_claims": list(self.unmatched_gold_claims),
        }

    def table(self) -> str:
        lines = [f"{'':<10} {'P':>6} {'R':>6} {'F1':>6}   found/predicted/expected"]
        for name, prf in (("pairs", self.pairs), ("relations", self.relations)):
            lines.append(
                f"{name:<10} {prf.precision:>6.3f} {prf.recall:>6.3f} {prf.f1:>6.3f}"
                f"   {prf.true_positives}/{prf.predicted}/{prf.expected}"
            )
        if self.unmatched_gold_claims:
            lines.append(
                "gold claims not in the database: " + ", ".join(self.unmatched_gold_claims)
            )
        return "\n".join(lines)


def evaluate_links(gold_path: Path) -> LinkScores:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    claim_ids, unmatched = _match_gold_claims(gold["claims"])
    expected: dict[Pair, str] = {}
    for link in gold.get("links", []):
        ids = [claim_ids[c] for c in link["claims"] if c in claim_ids]
        for a, b in combinations(ids, 2):
            expected[frozenset((a, b))] = link["relation"]
    predicted = _predicted(_article_ids(gold["claims"]))
    right_pairs = expected.keys() & predicted.keys()
    right_relations = {pair for pair in right_pairs if predicted[pair] == expected[pair]}
    expected_count = sum(
        len(list(combinations(link["claims"], 2))) for link in gold.get("links", [])
    )
    return LinkScores(
        PRF(len(right_pairs), len(predicted), expected_count),
        PRF(len(right_relations), len(predicted), expected_count),
        tuple(unmatched),
    )


def _match_gold_claims(claims: list[dict]) -> tuple[dict[str, int], list[str]]:
    stems = {PurePath(c["article"]).stem for c in claims}
    stored = Claim.objects.filter(article__external_id__in=stems, is_orphaned=False).values_list(
        "pk", "article__external_id", "start", "end"
    )
    by_article: dict[str, list[tuple[int, int, int]]] = {}
    for pk, article, start, end in stored:
        by_article.setdefault(article, []).append((pk, start, end))
    found, unmatched = {}, []
    for claim in claims:
        spans = by_article.get(PurePath(claim["article"]).stem, [])
        best = max(spans, key=lambda s: _overlap(s, claim), default=None)
        if best is not None and 2 * _overlap(best, claim) >= claim["end"] - claim["start"]:
            found[claim["id"]] = best[0]
        else:
            unmatched.append(claim["id"])
    return found, unmatched


def _overlap(span: tuple[int, int, int], claim: dict) -> int:
    return max(0, min(span[2], claim["end"]) - max(span[1], claim["start"]))


def _article_ids(claims: list[dict]) -> set[str]:
    return {PurePath(c["article"]).stem for c in claims}


def _predicted(articles: set[str]) -> dict[Pair, str]:
    """Every pair linked among the gold articles' claims: suggestions, then editors' links."""
    within = Q(from_claim__article__external_id__in=articles) & Q(
        to_claim__article__external_id__in=articles
    )
    predicted: dict[Pair, str] = {}
    for model in (LinkSuggestion, ClaimLink):
        for a, b, relation in model.objects.filter(within).values_list(
            "from_claim_id", "to_claim_id", "relation"
        ):
            predicted[frozenset((a, b))] = relation
    return predicted
