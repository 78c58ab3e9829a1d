"""Extraction over article files, without the database: what ``extract`` prints and
``evaluate_extraction`` scores."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from articles.extraction import extract
from articles.extraction.gazetteer import Gazetteer
from articles.extraction.serialise import extraction_to_dict
from articles.extraction.types import Extraction
from articles.ingest.files import Target, read_limited
from articles.ingest.parsed import ArticleFileError
from articles.ingest.parser import parse_article


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    file: str  # the file's name, as gold files refer to it
    external_id: str
    date: str  # with its real precision: 2020, 2020-02 or 2020-02-27
    extraction: Extraction

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "external_id": self.external_id,
            "date": self.date,
            **extraction_to_dict(self.extraction),
        }


def extract_targets(
    targets: Iterable[Target], gazetteer: Gazetteer, max_bytes: int
) -> Iterator[ExtractedArticle | ArticleFileError]:
    """One result per target, in order: the extraction, or the error naming file and line."""
    for target in targets:
        if target.error is not None:
            yield target.error
            continue
        try:
            article = parse_article(read_limited(target.path, max_bytes), str(target.path))
        except ArticleFileError as error:
            yield error
            continue
        yield ExtractedArticle(
            file=target.path.name,
            external_id=article.external_id,
            date=str(article.date),
            extraction=extract(article.text, article.segments, gazetteer),
        )
