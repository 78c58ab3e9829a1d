"""The benchmark's measured steps that run inside Django, one child process each.

    python -m benchmarks.phases counts
    python -m benchmarks.phases pages
    python -m benchmarks.phases extract --corpus DIR [--sample 5000]
    python -m benchmarks.phases no_extraction --corpus DIR
    python -m benchmarks.phases baseline --corpus DIR

The database is the one ``DATABASE_URL`` names (the runner sets it, with ``DEBUG=0``). Each
phase prints one JSON object as the last line of its standard output. Phases that report
``seconds`` time their own work, so process and Django start-up are not in it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

DEFAULT_SAMPLE = 5_000


def counts(_args: argparse.Namespace) -> dict[str, Any]:
    """Rows of each kind, and keys stored twice (which unique constraints should prevent)."""
    from django.db.models import Count

    from articles.models import (
        Actor,
        Article,
        Claim,
        CountCluster,
        LinkSuggestion,
        Mention,
        Source,
    )

    def duplicates(model: Any) -> int:
        totals = model.objects.aggregate(all=Count("key"), distinct=Count("key", distinct=True))
        return totals["all"] - totals["distinct"]

    return {
        "articles": Article.objects.count(),
        "claims": Claim.objects.count(),
        "mentions": Mention.objects.count(),
        "actors": Actor.objects.count(),
        "sources": Source.objects.count(),
        "link_suggestions": LinkSuggestion.objects.count(),
        "count_clusters": CountCluster.objects.count(),
        "duplicate_actor_keys": duplicates(Actor),
        "duplicate_source_keys": duplicates(Source),
        "suggestions_within_a_story": _suggestions_within_a_story(),
    }


def _suggestions_within_a_story() -> int:
    """Suggested links between claims of one generated story (its articles share the number
    in their external ids): the only links the generator means, as a measure of precision."""
    from django.db.models import F
    from django.db.models.functions import Length, Substr

    from articles.models import LinkSuggestion
    from benchmarks.corpus.generation import STORY_DIGITS

    def story(side: str) -> Substr:
        external_id = f"{side}__article__external_id"
        return Substr(external_id, Length(external_id) - STORY_DIGITS - 1, STORY_DIGITS)

    both = LinkSuggestion.objects.annotate(first=story("from_claim"), second=story("to_claim"))
    return both.filter(first=F("second")).count()


def pages(_args: argparse.Namespace) -> dict[str, Any]:
    from benchmarks.pages import measure_pages

    return measure_pages()


def _parsed_files(corpus: Path, limit: int) -> list[Any]:
    """The first ``limit`` files of the corpus, read and parsed (bad files skipped)."""
    from django.conf import settings

    from articles.ingest.files import discover, read_limited
    from articles.ingest.parsed import ArticleFileError
    from articles.ingest.parser import parse_article

    parsed = []
    for target in discover([corpus]):
        if len(parsed) >= limit:
            break
        if target.path is None:
            continue
        try:
            raw = read_limited(target.path, settings.NEWSDB_MAX_ARTICLE_BYTES)
            parsed.append(parse_article(raw, str(target.path)))
        except ArticleFileError:
            continue
    return parsed


def extract(args: argparse.Namespace) -> dict[str, Any]:
    """Extraction alone, with the extractor the ingest uses (the database's gazetteer)."""
    from articles.gazetteer import gazetteer_for_ingest
    from articles.ingest.service import Extractor

    articles = _parsed_files(Path(args.corpus), args.sample)
    if not articles:
        raise SystemExit(f"no readable article files in {args.corpus}")
    extractor = Extractor.with_gazetteer(gazetteer_for_ingest(load_if_empty=False))
    extractor.run(articles[0].text, articles[0].segments)  # warm-up: caches, lazy imports
    mentions = claims = 0
    started = time.perf_counter()
    for article in articles:
        found = extractor.run(article.text, article.segments)
        mentions += len(found.mentions)
        claims += len(found.claims)
    seconds = time.perf_counter() - started
    return {
        "articles": len(articles),
        "seconds": seconds,
        "articles_per_second": len(articles) / seconds if seconds else None,
        "mentions": mentions,
        "claims": claims,
        "extractor_version": extractor.version,
    }


def _no_extraction(_text: str, _segments: Sequence[Any]) -> Any:
    from articles.extraction.types import Extraction

    return Extraction()


def no_extraction(args: argparse.Namespace) -> dict[str, Any]:
    """The ingest with an extractor that finds nothing: reading, parsing and writing only."""
    from articles.ingest.files import discover
    from articles.ingest.service import Extractor, Status, ingest

    targets = list(discover([Path(args.corpus)]))
    extractor = Extractor(run=_no_extraction, version="none")
    started = time.perf_counter()
    report = ingest(targets, extractor=extractor)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "articles": report.counts[Status.NEW],
        "articles_per_second": report.counts[Status.NEW] / seconds if seconds else None,
        "summary": report.summary(),
        "ok": report.ok,
    }


def baseline(args: argparse.Namespace) -> dict[str, Any]:
    from benchmarks.baseline import run_baseline

    return run_baseline(Path(args.corpus))


PHASES: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "counts": counts,
    "pages": pages,
    "extract": extract,
    "no_extraction": no_extraction,
    "baseline": baseline,
}
NEEDS_CORPUS = {"extract", "no_extraction", "baseline"}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("phase", choices=sorted(PHASES))
    parser.add_argument("--corpus", help="the corpus folder (extract, no_extraction, baseline)")
    parser.add_argument("--sample", type=int, default=DEFAULT_SAMPLE, help="files to extract")
    args = parser.parse_args(argv)
    if args.phase in NEEDS_CORPUS and not args.corpus:
        parser.error(f"{args.phase} needs --corpus")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    import django

    django.setup()
    result = PHASES[args.phase](args)
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
