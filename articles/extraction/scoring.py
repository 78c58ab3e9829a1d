"""Score extraction output against a gold file in the ``seeds.gold.json`` format.

* mentions: same file, same span and same actor (canonical names compared case- and
  accent-insensitively; gold actor ids map to names through ``actors[].name``);
* claims: a prediction matches a gold claim when they overlap by at least half the gold span;
* sources: over matched claims, precision/recall of the attributed source, and accuracy
  (where both have no source counts as right);
* quantities: a predicted quantity is right when its claim matches a gold claim with the same
  value (or min/max) and qualifier; recall over gold claims with a quantity.

Pure: ``score(gold, predictions)`` takes the parsed gold JSON and the extractions by file.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from articles.extraction.types import Extraction, FoundClaim


@dataclass(frozen=True, slots=True)
class PRF:
    true_positives: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f}"

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "true_positives": self.true_positives,
            "predicted": self.predicted,
            "expected": self.expected,
        }


@dataclass(frozen=True, slots=True)
class Scores:
    mentions: PRF
    claims: PRF
    sources_right: int
    sources_total: int
    quantities_right: int
    quantities_total: int
    sources: PRF
    quantities: PRF

    @property
    def source_accuracy(self) -> float:
        return self.sources_right / self.sources_total if self.sources_total else 1.0

    def measures(self) -> dict[str, PRF]:
        return {
            "mentions": self.mentions,
            "claims": self.claims,
            "sources": self.sources,
            "quantities": self.quantities,
        }

    def to_dict(self) -> dict[str, Any]:
        scores: dict[str, Any] = {name: prf.to_dict() for name, prf in self.measures().items()}
        scores["sources"]["accuracy"] = round(self.source_accuracy, 4)
        return scores

    def table(self) -> str:
        columns = ("precision", 10), ("recall", 8), ("F1", 7), ("right", 7), ("found", 7)
        lines = [" " * 11 + "".join(f"{name:>{width}}" for name, width in columns) + f"{'gold':>6}"]
        for name, prf in self.measures().items():
            lines.append(
                f"{name:<11}{prf.precision:>10.3f}{prf.recall:>8.3f}{prf.f1:>7.3f}"
                f"{prf.true_positives:>7}{prf.predicted:>7}{prf.expected:>6}"
            )
        lines.append(
            f"source accuracy over matched claims: {self.source_accuracy:.3f} "
            f"({self.sources_right}/{self.sources_total})"
        )
        return "\n".join(lines)

    def __str__(self) -> str:
        return (
            f"mentions {self.mentions}\nclaims   {self.claims}\n"
            f"sources  {self.sources} accuracy {self.source_accuracy:.3f} "
            f"({self.sources_right}/{self.sources_total})\n"
            f"quantities {self.quantities} ({self.quantities_right}/{self.quantities_total})"
        )


def normalise_name(name: str | None) -> str:
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def load_gold(path: Path | str) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def gold_files(gold: Mapping[str, Any]) -> list[str]:
    return [article["file"] for article in gold.get("articles", [])]


def score(gold: Mapping[str, Any], predictions: Mapping[str, Extraction]) -> Scores:
    files = gold_files(gold)
    names = {actor["id"]: actor["name"] for actor in gold.get("actors", [])}
    mention_prf = _score_mentions(gold, predictions, files)
    matched, claim_prf = _match_claims(gold, predictions, files)
    sources = [
        (
            normalise_name(names.get(gold_claim.get("source"))),
            normalise_name(predicted.source.name if predicted.source else None),
        )
        for gold_claim, predicted in matched
    ]
    sources_right = sum(1 for expected, found in sources if expected == found)
    source_prf = PRF(
        sum(1 for expected, found in sources if expected and expected == found),
        sum(1 for _, found in sources if found),
        sum(1 for expected, _ in sources if expected),
    )
    with_quantity = [
        g for g in gold.get("claims", []) if g.get("quantity") and g["article"] in files
    ]
    by_gold = {id(g): p for g, p in matched}
    quantities_right = sum(
        1 for g in with_quantity if _quantity_right(g["quantity"], by_gold.get(id(g)))
    )
    predicted_quantities = sum(
        1 for file in files for c in predictions.get(file, Extraction()).claims if c.quantity
    )
    return Scores(
        mention_prf,
        claim_prf,
        sources_right,
        len(matched),
        quantities_right,
        len(with_quantity),
        source_prf,
        PRF(quantities_right, predicted_quantities, len(with_quantity)),
    )


def _score_mentions(
    gold: Mapping[str, Any], predictions: Mapping[str, Extraction], files: list[str]
) -> PRF:
    expected: set[tuple[str, int, int, str]] = set()
    for actor in gold.get("actors", []):
        for file, spans in actor.get("mentions", {}).items():
            for start, end, *_ in spans:
                expected.add((file, start, end, normalise_name(actor["name"])))
    predicted: set[tuple[str, int, int, str]] = set()
    for file in files:
        for mention in predictions.get(file, Extraction()).mentions:
            predicted.add((file, mention.start, mention.end, normalise_name(mention.actor.name)))
    return PRF(len(expected & predicted), len(predicted), len(expected))


def _match_claims(
    gold: Mapping[str, Any], predictions: Mapping[str, Extraction], files: list[str]
) -> tuple[list[tuple[dict[str, Any], FoundClaim]], PRF]:
    matched: list[tuple[dict[str, Any], FoundClaim]] = []
    predicted_total = 0
    gold_claims = [c for c in gold.get("claims", []) if c.get("article") in files]
    for file in files:
        available = list(predictions.get(file, Extraction()).claims)
        predicted_total += len(available)
        for gold_claim in (c for c in gold_claims if c["article"] == file):
            best = _best_overlap(gold_claim, available)
            if best is not None:
                available.remove(best)
                matched.append((gold_claim, best))
    return matched, PRF(len(matched), predicted_total, len(gold_claims))


def _best_overlap(gold_claim: Mapping[str, Any], claims: list[FoundClaim]) -> FoundClaim | None:
    start, end = gold_claim["start"], gold_claim["end"]
    best, best_overlap = None, 0
    for claim in claims:
        overlap = min(end, claim.end) - max(start, claim.start)
        if overlap * 2 >= end - start and overlap > best_overlap:
            best, best_overlap = claim, overlap
    return best


def _quantity_right(expected: Mapping[str, Any], claim: FoundClaim | None) -> bool:
    if claim is None or claim.quantity is None:
        return False
    found = claim.quantity
    if found.qualifier != expected.get("qualifier", "exact"):
        return False
    if expected.get("value") is not None:
        return found.value is not None and found.value == Decimal(str(expected["value"]))
    return _same(found.minimum, expected.get("min")) and _same(found.maximum, expected.get("max"))


def _same(found: Decimal | None, expected: Any) -> bool:
    if expected is None:
        return found is None
    return found is not None and found == Decimal(str(expected))
