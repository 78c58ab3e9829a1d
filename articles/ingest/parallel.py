"""Ingesting batches in several processes at once.

Each worker process reads, extracts and writes whole batches through its own database
connection; the parent only hands out batches and collects the results, in order. That is safe
because the writes are: actors and sources are inserted with ``ignore_conflicts`` in key order
(``resolve``), articles have unique external ids, and the cross-referencing step takes turns
through an advisory lock held to commit (``crossref.suggest``). On SQLite the workers extract
side by side and take turns to write.

Workers are forked (``articles.forking``), so they start with the parent's gazetteer and code
already loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from typing import TYPE_CHECKING

from django.db import connections

from articles.extraction import load_dictionaries
from articles.forking import forked_pool

from .files import Target
from .resolve import Resolver

if TYPE_CHECKING:
    from .service import Extractor, FileResult, IngestOptions

# Batches handed out ahead of the results read, per worker: enough to keep every worker busy,
# few enough that a huge run's results do not pile up in memory.
AHEAD_PER_WORKER = 2

_worker: tuple[IngestOptions, Extractor, Resolver] | None = None


def ingest_in_processes(
    batches: Iterable[list[Target]], options: IngestOptions, extractor: Extractor, workers: int
) -> Iterator[FileResult]:
    """The results of every batch, in order, from ``workers`` processes."""
    load_dictionaries()
    with forked_pool(workers, _start, (options, extractor)) as pool:
        pending: list[Future[list[FileResult]]] = []
        for batch in batches:
            pending.append(pool.submit(_ingest, batch))
            if len(pending) >= workers * AHEAD_PER_WORKER:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


def _start(options: IngestOptions, extractor: Extractor) -> None:
    global _worker
    connections.close_all()
    _worker = (options, extractor, Resolver())


def _ingest(batch: list[Target]) -> list[FileResult]:
    from .service import ingest_batch

    assert _worker is not None, "the pool's initializer sets it"
    options, extractor, resolver = _worker
    return ingest_batch(batch, options, resolver, extractor)
