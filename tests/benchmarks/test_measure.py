"""Measuring a child process: the memory of a forked process tree, shared pages counted once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from benchmarks.measure import Measured, Sample, read_rss_pss_kb, run_measured

MB = 1024  # KB
SHARED_MB = 64

# A parent fills 64 MB, then forks two children that read it (never write it) while all
# three wait: the pages stay shared, so each process's RSS holds all of them.
FORKED_TREE = f"""
import os, sys, time
buffer = bytearray(b"\\x01") * ({SHARED_MB} * 2**20)
children = []
for _ in range(2):
    pid = os.fork()
    if pid == 0:
        buffer.count(b"\\x02")
        time.sleep(1.5)
        os._exit(0)
    children.append(pid)
time.sleep(1.5)
for pid in children:
    os.waitpid(pid, 0)
"""

needs_smaps_rollup = pytest.mark.skipif(
    read_rss_pss_kb(os.getpid()) is None or read_rss_pss_kb(os.getpid())[1] is None,
    reason="the kernel offers no /proc/<pid>/smaps_rollup",
)


@needs_smaps_rollup
def test_a_forked_tree_counts_its_shared_pages_once(tmp_path: Path) -> None:
    done = run_measured(
        [sys.executable, "-c", FORKED_TREE], env=os.environ, cwd=tmp_path, tree=True, interval=0.1
    )
    assert done.ok, done.tail()
    with_children = [s for s in done.samples if s.rss_kb > 2.5 * SHARED_MB * MB]
    assert with_children, "no sample saw the parent and both children"
    assert done.peak_rss_kb > 2.5 * SHARED_MB * MB  # RSS: the buffer once per process
    pss_sum = max(s.memory_kb for s in with_children)
    assert SHARED_MB * MB <= pss_sum < 1.6 * SHARED_MB * MB  # PSS: the buffer once in all
    # The tree's peak: the PSS sum sampled, or the child's own ru_maxrss if that was larger.
    assert done.peak_memory_kb == max(done.max_rss_kb, max(s.memory_kb for s in done.samples))
    assert all(s.pss_kb is not None and s.memory_kb == s.pss_kb for s in done.samples)


def test_one_process_is_measured_by_its_own_peak() -> None:
    samples = [Sample(0.5, 300, 250), Sample(1.0, 900, 800)]
    alone = Measured(["x"], 0, seconds=1.0, max_rss_kb=400, samples=samples)
    assert alone.peak_memory_kb == alone.peak_rss_kb == 400  # ru_maxrss: exact, not sampled
    tree = Measured(["x"], 0, seconds=1.0, max_rss_kb=400, samples=samples, tree=True)
    assert (tree.peak_rss_kb, tree.peak_memory_kb) == (900, 800)


def test_a_sample_without_pss_falls_back_to_rss() -> None:
    assert Sample(0.5, 300).memory_kb == 300
    assert Sample(0.5, 300, 120).memory_kb == 120
