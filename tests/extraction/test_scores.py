from pathlib import Path

import pytest

from articles.extraction.evaluate import evaluate

SEED_GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "seeds.gold.json"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
OWN = Path(__file__).parent / "data"


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="seed gold not available")
def test_seed_scores_meet_the_targets() -> None:
    scores = evaluate(SEED_GOLD, SEEDS)
    assert scores.mentions.f1 >= 0.85
    assert scores.claims.f1 >= 0.80
    assert scores.source_accuracy >= 0.85
    assert scores.quantities_total == 7
    assert scores.quantities_right == 7


def test_own_gold_scores() -> None:
    scores = evaluate(OWN / "own.gold.json", OWN)
    assert scores.mentions.f1 >= 0.8
    assert scores.claims.f1 >= 0.8
    assert scores.source_accuracy >= 0.8
    assert scores.quantities_right >= scores.quantities_total - 1
