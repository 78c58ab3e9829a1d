"""A pool of forked worker processes, started so that they share the parent's memory.

Workers are forked rather than spawned: they start with the code, the gazetteer and the
lexicons already loaded. The parent closes its database connections first, as a connection must
never cross a fork. It also freezes its objects for the garbage collector while it forks
(``gc.freeze``, as Python's documentation advises for ``fork()`` without ``exec()``): a
collection in a worker would otherwise write to the header of every object it inherited, and
each page written is a page copied, no longer shared.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from django.db import connections


@contextmanager
def forked_pool(
    workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...] = ()
) -> Iterator[ProcessPoolExecutor]:
    """``workers`` forked processes, every one started before the block runs."""
    connections.close_all()
    gc.freeze()
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=initializer, initargs=initargs
        ) as pool:
            for started in [pool.submit(_ready) for _worker in range(workers)]:
                started.result()
            gc.unfreeze()  # the parent collects its own garbage again
            yield pool
    finally:
        gc.unfreeze()


def _ready() -> None:
    return None
