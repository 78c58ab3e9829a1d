"""Cross-referencing stored articles after the ingest wrote them.

The ingest writes articles, their actors, claims and sources first and marks them
``crossref_pending``; this compares their claims afterwards, a batch at a time in the order
they were stored. Each batch is compared with the batches before it and with the archive, as
if it had been compared when it was written: a pending article's blocking keys are only stored
when its turn comes, so no claim is compared with one that is still waiting.

Batches are taken with ``SKIP LOCKED`` on PostgreSQL, so that runs going at once (two ingests,
a background worker) share the work; on SQLite writers take turns anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils.translation import ngettext

from articles.bulk import tidy_after_bulk_load
from articles.garbage import fewer_collections
from articles.ingest.faults import database_fault
from articles.models import Article

from .pipelined import cross_reference_in_processes
from .suggest import Suggested, suggest_for_articles_together

logger = logging.getLogger(__name__)
# Articles compared in one transaction: the ingest's batch of files.
BATCH_ARTICLES = 100


@dataclass(slots=True)
class CrossReferenced:
    """What one pass over the pending articles did."""

    articles: int = 0
    candidates: int = 0
    suggestions: int = 0
    clustered: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, articles: int, done: Suggested) -> None:
        self.articles += articles
        self.candidates += done.candidates
        self.suggestions += done.suggestions
        self.clustered += done.clustered


def pending_articles() -> int:
    """How many stored articles wait to be cross-referenced."""
    return _pending().count()


@fewer_collections()
def cross_reference_pending(
    *,
    batch_articles: int = BATCH_ARTICLES,
    on_batch: Callable[[int, Suggested], None] | None = None,
    workers: int = 1,
) -> CrossReferenced:
    """Cross-reference every pending article, oldest first, a transaction per batch; with
    ``workers`` > 1, worker processes compare batches ahead of the one being written
    (``pipelined``: a database server or an SQLite file, not an in-memory database).

    A batch that fails is tried again an article at a time; an article that fails alone stays
    pending, its error reported, and the others go on. A database that stops taking writes
    stops the pass (the articles not done stay pending for the next one).
    """
    run = _Pass(on_batch)
    if workers > 1:
        run.in_processes(batch_articles, workers)
    while run.step(batch_articles):
        pass
    tidy_after_bulk_load(run.outcome.articles)
    return run.outcome


class _Pass:
    def __init__(self, on_batch: Callable[[int, Suggested], None] | None) -> None:
        self.on_batch = on_batch
        self.outcome = CrossReferenced()
        self.failed: set[int] = set()  # articles that failed alone: skipped from then on

    def in_processes(self, count: int, workers: int) -> None:
        """The pending articles, compared by ``workers`` processes; when that fails, what is
        left is for ``step`` to do, an article at a time where needed."""
        last = 0

        def take() -> list[int]:
            nonlocal last
            pending = _pending().filter(pk__gt=last).order_by("pk")
            ids = list(pending.values_list("pk", flat=True)[:count])
            last = ids[-1] if ids else last
            return ids

        try:
            cross_reference_in_processes(take, workers, self._done)
        except Exception as error:
            if database_fault(error) is not None:
                raise
            logger.exception("Cross-referencing in processes failed; going on in this one")

    def step(self, count: int) -> bool:
        """Compare the next batch; False when none is left."""
        taken: list[int] = []
        try:
            done = self._next(count, taken)
        except Exception as error:
            if database_fault(error) is not None or not taken:
                raise  # not the articles' fault
            if len(taken) > 1:  # again one at a time, so that one article costs only itself
                for _article in taken:
                    if not self.step(1):
                        break
                return True
            logger.exception("Could not cross-reference article %s", taken[0])
            self.failed.add(taken[0])
            self.outcome.errors.append(_failure(taken[0], error))
            return True
        if done is None:
            return False
        self._done(taken, done)
        return True

    def _done(self, ids: list[int], done: Suggested) -> None:
        self.outcome.add(len(ids), done)
        if self.on_batch is not None:
            self.on_batch(len(ids), done)

    def _next(self, count: int, taken: list[int]) -> Suggested | None:
        """Take the oldest pending articles no other run holds (their ids into ``taken``),
        and compare them."""
        pending = _pending().exclude(pk__in=self.failed)
        if not pending.exists():  # without a transaction: on SQLite that takes the write lock
            return None
        with transaction.atomic():
            if connection.features.has_select_for_update_skip_locked:
                pending = pending.select_for_update(skip_locked=True)
            taken[:] = pending.order_by("pk").values_list("pk", flat=True)[:count]
            if not taken:
                return None
            done = suggest_for_articles_together(taken)
            Article.objects.filter(pk__in=taken).update(crossref_pending=False)
        return done


def _pending() -> QuerySet[Article]:
    return Article.objects.filter(crossref_pending=True)  # read through a partial index


def _failure(article_id: int, error: Exception) -> str:
    external_id = (
        Article.objects.filter(pk=article_id).values_list("external_id", flat=True).first()
    )
    return f"{external_id or article_id}: cross-referencing failed: {type(error).__name__}: {error}"


def still_pending_message(failed: int) -> str:
    return ngettext(
        "Cross-referencing failed for %(failed)d article; it stays pending.",
        "Cross-referencing failed for %(failed)d articles; they stay pending.",
        failed,
    ) % {"failed": failed}
