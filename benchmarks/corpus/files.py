"""A generated corpus on disk: ``DIR/000/…txt`` (1,000 files a folder) and ``corpus.json``."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.corpus.generation import GENERATOR_VERSION, generate
from benchmarks.corpus.known import load_gazetteer

FILES_PER_FOLDER = 1_000
MANIFEST = "corpus.json"


@dataclass(frozen=True)
class CorpusInfo:
    directory: Path
    count: int
    total_bytes: int
    reused: bool = False  # True when an identical corpus was already there


def folder_of(index: int) -> str:
    """The sub-folder of article ``index`` (0-based)."""
    return f"{index // FILES_PER_FOLDER:03d}"


def _settings(count: int, seed: int, start: tuple[int, int], months: int) -> dict[str, Any]:
    return {
        "count": count,
        "seed": seed,
        "start": list(start),
        "months": months,
        "version": GENERATOR_VERSION,
        "gazetteer": load_gazetteer().digest[:16],
    }


def _existing(directory: Path, settings: dict[str, Any]) -> int | None:
    """The total bytes of the corpus in ``directory`` if it was made with ``settings``."""
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or {k: manifest.get(k) for k in settings} != settings:
        return None
    files = sum(1 for _ in directory.glob("[0-9][0-9][0-9]/*.txt"))
    return manifest.get("total_bytes") if files == settings["count"] else None


def _clear(directory: Path) -> None:
    """Remove what an earlier run wrote: the manifest and the numbered folders."""
    (directory / MANIFEST).unlink(missing_ok=True)
    for folder in directory.glob("[0-9][0-9][0-9]"):
        if folder.is_dir():
            shutil.rmtree(folder)


def write_corpus(
    directory: Path,
    count: int,
    seed: int = 1,
    *,
    start: tuple[int, int] = (2016, 1),
    months: int = 96,
) -> CorpusInfo:
    """Write ``count`` generated articles into ``directory`` unless the same corpus is
    already there (same settings in ``corpus.json`` and as many files). The manifest is
    written last, so an interrupted run is redone."""
    directory = Path(directory)
    settings = _settings(count, seed, start, months)
    reused = _existing(directory, settings)
    if reused is not None:
        return CorpusInfo(directory, count, reused, reused=True)
    directory.mkdir(parents=True, exist_ok=True)
    _clear(directory)
    total = 0
    for index, article in enumerate(generate(count, seed, start=start, months=months)):
        folder = directory / folder_of(index)
        if index % FILES_PER_FOLDER == 0:
            folder.mkdir()
        data = article.text.encode("utf-8")
        (folder / f"{article.external_id}.txt").write_bytes(data)
        total += len(data)
    manifest = {**settings, "total_bytes": total}
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return CorpusInfo(directory, count, total)
