"""Cross-referencing the pending articles with worker processes comparing ahead.

Comparing is most of the work and only reads; writing what it found is the rest. So this
process takes the pending batches in order, stores each batch's blocking keys and commits
them, and hands the batch to a worker process, which finds and scores its candidates among
the claims up to the batch's last one (``plan_suggestions(up_to_claim=…)``): exactly what it
would have seen in turn, as every earlier batch's keys are committed before it is handed out.
This process then writes the plans back in order, each in a transaction of its own that takes
the writers' lock and reads the clusters as they are by then (an earlier batch may have placed
a candidate in one since).

Workers are forked (``articles.forking``) and connect to the database themselves; the pool is
started before this process connects again. A batch that fails here is
left pending (``pending`` retries it an article at a time).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace

from django.db import connection, connections, transaction

from articles.forking import forked_pool
from articles.models import Article

from .facts import ClaimFacts
from .suggest import (
    Plan,
    Suggested,
    apply_plan,
    plan_suggestions,
    store_keys_of,
    wait_for_other_writers,
)

# Batches handed out ahead of the one being written, per worker.
AHEAD_PER_WORKER = 2
# A worker's SQLite page cache: it reads the claims of a few recent months, pages the
# operating system's file cache holds anyway, so a cache of its own (``SQLITE_CACHE_MB`` for
# every other connection) is memory counted twice.
WORKER_CACHE_MB = 4


def cross_reference_in_processes(
    take: Callable[[], list[int]],
    workers: int,
    on_batch: Callable[[list[int], Suggested], None],
) -> None:
    """Compare every batch ``take`` hands out (until it hands out none) in ``workers``
    processes, and write each plan in order; ``on_batch`` is told of each written batch."""
    # Every worker is started before this process connects again.
    with forked_pool(workers, _start) as pool:
        ahead: deque[tuple[list[int], list[ClaimFacts], Future[Plan]]] = deque()
        while ids := take():
            own = _keys_stored(ids)
            up_to_claim = max((facts.claim_id for facts in own), default=0)
            ahead.append((ids, own, pool.submit(_plan, ids, own, up_to_claim)))
            if len(ahead) >= workers * AHEAD_PER_WORKER:
                _write(*ahead.popleft(), on_batch)
        while ahead:
            _write(*ahead.popleft(), on_batch)


def _keys_stored(ids: list[int]) -> list[ClaimFacts]:
    """Store the batch's keys; the facts of its claims."""
    with transaction.atomic():
        return store_keys_of(ids)


def _write(ids: list[int], own: list[ClaimFacts], planned: Future[Plan], on_batch) -> None:
    plan = replace(planned.result(), own=own)
    with transaction.atomic():
        wait_for_other_writers()
        done = apply_plan(plan, refresh=True)
        Article.objects.filter(pk__in=ids).update(crossref_pending=False)
    on_batch(ids, done)


def _start() -> None:
    connections.close_all()
    small_page_cache()


def small_page_cache() -> None:
    """Give this process's SQLite connection a page cache of ``WORKER_CACHE_MB``."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size=-{WORKER_CACHE_MB * 1000}")


def _plan(ids: list[int], own: list[ClaimFacts], up_to_claim: int) -> Plan:
    # The main process sent the batch's own facts and keeps them: they are not sent back.
    return replace(plan_suggestions(ids, own, up_to_claim=up_to_claim), own=[])
