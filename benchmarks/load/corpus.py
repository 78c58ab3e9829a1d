"""The load test's two corpora: one generated corpus split into disjoint slices, so the
concurrent ingest's articles are new (their external ids are not in the preload)."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import write_corpus


@dataclass(frozen=True, slots=True)
class Slices:
    source: Path  # the generated corpus, shared with benchmarks.run's cache
    preload: Path
    ingest: Path
    reused: bool  # the generated corpus was already there


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copyfile(source, target)


def _fill(folder: Path, files: list[Path]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in files:
        _link_or_copy(path, folder / path.name)


def make_slices(cache: Path, preload: int, ingest: int, seed: int) -> Slices:
    """Generate ``preload + ingest`` articles (reused when there) and split them: the first
    ``preload`` files in path order, then the next ``ingest``."""
    total = preload + ingest
    source = cache / f"corpus-{total}-{seed}"
    info = write_corpus(source, total, seed)
    files = sorted(source.glob("[0-9][0-9][0-9]/*.txt"))
    if len(files) != total:
        raise RuntimeError(f"{source} has {len(files)} article files, expected {total}")
    base = cache / f"load-{preload}+{ingest}-{seed}"
    slices = Slices(source, base / "preload", base / "ingest", info.reused)
    _fill(slices.preload, files[:preload])
    _fill(slices.ingest, files[preload:])
    return slices
