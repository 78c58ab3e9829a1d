"""Forked worker pools: started before the block, sharing the parent's frozen objects."""

import gc
import os

from articles.forking import forked_pool

_initialised: list[int] = []


def _init(tag: int) -> None:
    _initialised.append(tag)


def _state() -> tuple[int, int, list[int]]:
    return os.getpid(), gc.get_freeze_count(), _initialised


def test_workers_start_with_the_parents_objects_frozen_and_the_parent_thaws():
    with forked_pool(2, _init, (7,)) as pool:
        assert gc.get_freeze_count() == 0  # the parent collects its garbage again
        states = [pool.submit(_state).result() for _ in range(4)]
    assert {pid for pid, _, _ in states} - {os.getpid()}  # run elsewhere
    assert all(frozen > 0 for _, frozen, _ in states)  # inherited, never collected there
    assert all(tags == [7] for _, _, tags in states)  # each worker initialised once
    assert gc.get_freeze_count() == 0 and _initialised == []
