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

from django.db import connections, transaction

from articles.forking import forked_pool
from articles.models import Article

from .load import load_facts_of_articles
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


def cross_reference_in_processes(
    take: Callable[[], list[int]],
    workers: int,
    on_batch: Callable[[list[int], Suggested], None],
) -> None:
    """Compare every batch ``take`` hands out (until it hands out none) in ``workers``
    processes, and write each plan in order; ``on_batch`` is told of each written batch."""
    # Every worker is started before this process connects again.
    with forked_pool(workers, _start) as pool:
        ahead: deque[tuple[list[int], Future[Plan]]] = deque()
        while ids := take():
            ahead.append((ids, pool.submit(_plan, ids, _keys_stored(ids))))
            if len(ahead) >= workers * AHEAD_PER_WORKER:
                _write(*ahead.popleft(), on_batch)
        while ahead:
            _write(*ahead.popleft(), on_batch)


def _keys_stored(ids: list[int]) -> int:
    """Store the batch's keys; the id of its last claim."""
    with transaction.atomic():
        own = store_keys_of(ids)
    return max((facts.claim_id for facts in own), default=0)


def _write(ids: list[int], planned: Future[Plan], on_batch) -> None:
    plan = planned.result()
    with transaction.atomic():
        wait_for_other_writers()
        done = apply_plan(plan, refresh=True)
        Article.objects.filter(pk__in=ids).update(crossref_pending=False)
    on_batch(ids, done)


def _start() -> None:
    connections.close_all()


def _plan(ids: list[int], up_to_claim: int) -> Plan:
    # Read again here rather than sent from the main process, which is the busier one.
    return plan_suggestions(ids, load_facts_of_articles(ids), up_to_claim=up_to_claim)
