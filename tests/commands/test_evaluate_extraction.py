"""``manage.py evaluate_extraction``: scores for any gold file in the seeds' gold format."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parents[2]
OWN = ROOT / "tests" / "extraction" / "data"
SEED_GOLD = ROOT.parent / "shared" / "gold" / "seeds.gold.json"

pytestmark = pytest.mark.django_db


def evaluate(*args) -> str:
    out = StringIO()
    call_command("evaluate_extraction", *map(str, args), stdout=out)
    return out.getvalue()


def test_own_gold_as_json_has_every_measure():
    scores = json.loads(evaluate("--gold", OWN / "own.gold.json", "--format", "json"))
    assert set(scores) == {"mentions", "claims", "sources", "quantities"}
    for measure in scores.values():
        assert 0.0 <= measure["f1"] <= 1.0
    assert scores["claims"]["expected"] == 18
    assert scores["claims"]["f1"] >= 0.8


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="seed gold not available")
def test_seeds_meet_the_targets_through_the_command():
    scores = json.loads(evaluate("--gold", SEED_GOLD, "--format", "json"))
    assert scores["mentions"]["f1"] >= 0.85 and scores["claims"]["f1"] >= 0.80
    assert scores["sources"]["accuracy"] >= 0.85
    assert scores["quantities"]["true_positives"] == scores["quantities"]["expected"] == 7


def test_saved_output_scores_like_a_fresh_run(tmp_path):
    saved = tmp_path / "out.json"
    out = StringIO()
    call_command("extract", str(OWN), stdout=out)
    saved.write_text(out.getvalue(), "utf-8")
    fresh = evaluate("--gold", OWN / "own.gold.json")
    assert evaluate("--gold", OWN / "own.gold.json", "--predicted", saved) == fresh
    assert fresh.splitlines()[0].split() == ["precision", "recall", "F1", "right", "found", "gold"]


def test_scores_drop_when_the_output_is_wrong(tmp_path):
    out = StringIO()
    call_command("extract", str(OWN), stdout=out)
    output = json.loads(out.getvalue())
    for article in output["articles"]:
        for claim in article["claims"]:
            claim["source"] = None
    saved = tmp_path / "out.json"
    saved.write_text(json.dumps(output), "utf-8")
    scores = json.loads(
        evaluate("--gold", OWN / "own.gold.json", "--predicted", saved, "--format", "json")
    )
    assert scores["sources"]["recall"] == 0.0 and scores["claims"]["f1"] >= 0.8


def test_missing_article_files_are_named(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"articles": [{"file": "gone.txt"}], "claims": []}), "utf-8")
    with pytest.raises(CommandError, match=r"gone\.txt: article file of the gold not found"):
        evaluate("--gold", gold)
    with pytest.raises(CommandError, match="File not found"):
        evaluate("--gold", tmp_path / "nope.json")
