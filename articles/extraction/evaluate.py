"""Score the extractor on a gold file: ``python -m articles.extraction.evaluate GOLD DIR``.

Article files are read from DIR and parsed with the ingest's seed-format parser.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from articles.extraction import extract
from articles.extraction.scoring import Scores, gold_files, load_gold, score
from articles.extraction.types import Extraction
from articles.ingest.parser import parse_article


def extract_files(directory: Path, files: list[str]) -> dict[str, Extraction]:
    results = {}
    for file in files:
        article = parse_article((directory / file).read_bytes(), file)
        results[file] = extract(article.text, article.segments)
    return results


def evaluate(gold_path: Path, directory: Path) -> Scores:
    gold = load_gold(gold_path)
    return score(gold, extract_files(directory, gold_files(gold)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", type=Path)
    parser.add_argument("directory", type=Path)
    args = parser.parse_args()
    print(evaluate(args.gold, args.directory))


if __name__ == "__main__":
    main()
