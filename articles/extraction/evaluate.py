"""Scoring the extractor on a gold file, from the article files or from saved output.

The ``evaluate_extraction`` management command is the interface; these functions are its work.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from articles.extraction import extract
from articles.extraction.gazetteer import Gazetteer
from articles.extraction.scoring import Scores, gold_files, load_gold, score
from articles.extraction.serialise import extraction_from_dict
from articles.extraction.types import Extraction
from articles.ingest.parser import parse_article


class MissingArticleError(LookupError):
    def __init__(self, file: str, folders: Sequence[Path]) -> None:
        searched = ", ".join(str(folder) for folder in folders)
        super().__init__(f"{file}: article file of the gold not found in {searched}")


def evaluate(gold_path: Path, directory: Path, gazetteer: Gazetteer | None = None) -> Scores:
    return evaluate_files(gold_path, [directory], gazetteer)


def evaluate_files(
    gold_path: Path, folders: Sequence[Path], gazetteer: Gazetteer | None = None
) -> Scores:
    """Extract the gold's articles (the first folder holding each file wins) and score."""
    gold = load_gold(gold_path)
    predictions = {}
    for file in gold_files(gold):
        path = _find(file, folders)
        article = parse_article(path.read_bytes(), str(path))
        predictions[file] = extract(article.text, article.segments, gazetteer)
    return score(gold, predictions)


def evaluate_predictions(gold_path: Path, predicted_path: Path) -> Scores:
    """Score saved ``extract --format json`` output; articles are matched by file name."""
    try:
        output = json.loads(predicted_path.read_text(encoding="utf-8"))
        predictions: dict[str, Extraction] = {
            article["file"]: extraction_from_dict(article) for article in output["articles"]
        }
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise ValueError(f"{predicted_path}: not the output of extract --format json") from error
    return score(load_gold(gold_path), predictions)


def _find(file: str, folders: Sequence[Path]) -> Path:
    for folder in folders:
        if (folder / file).is_file():
            return folder / file
    raise MissingArticleError(file, folders)
