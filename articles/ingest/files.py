"""Finding article files and reading them safely."""

from __future__ import annotations

import glob
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .parsed import ArticleFileError

ARTICLE_SUFFIX = ".txt"
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Target:
    """A file to ingest, or the error met while looking for it."""

    path: Path | None
    error: ArticleFileError | None = None


def discover(targets: Sequence[str | Path]) -> Iterator[Target]:
    """Expand files, folders (``*.txt`` below them) and globs, in a stable order, once each."""
    seen: set[Path] = set()
    for target in targets:
        for found in _expand(str(target)):
            if found.path is not None:
                key = found.path.resolve()
                if key in seen:
                    continue
                seen.add(key)
            yield found


def _expand(target: str) -> Iterator[Target]:
    if _GLOB_CHARS & set(target):
        matches = sorted(Path(m) for m in glob.glob(target, recursive=True))
        files = [m for m in matches if m.is_file()]
        if not files:
            yield Target(None, ArticleFileError(target, "no files match this pattern"))
        yield from (Target(m) for m in files)
        return
    path = Path(target)
    if path.is_dir():
        files = sorted(p for p in path.rglob(f"*{ARTICLE_SUFFIX}") if p.is_file())
        if not files:
            yield Target(None, ArticleFileError(target, f"folder has no {ARTICLE_SUFFIX} files"))
        yield from (Target(p) for p in files)
    elif path.exists():
        yield Target(path)
    else:
        yield Target(None, ArticleFileError(target, "no such file or directory"))


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or an ArticleFileError naming the file when it is too big or unreadable."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleFileError(
                str(path), f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes"
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise ArticleFileError(str(path), f"cannot read file: {error.strerror or error}") from error
    if len(data) > max_bytes:
        raise ArticleFileError(str(path), f"file grew over the limit of {max_bytes:,} bytes")
    return data
