"""What the benchmark ran on: cores, memory, Python, and the project's commit.

The commit is read from the ``.git`` folder's files (HEAD, the ref it names, or
``packed-refs``) rather than by running git.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path
from typing import Any


def memory_gb() -> float:
    """MemTotal from /proc/meminfo, in GB (2^30 bytes); 0 when unknown."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def _git_dir(root: Path) -> Path | None:
    dot_git = root / ".git"
    if dot_git.is_dir():
        return dot_git
    if dot_git.is_file():  # a worktree: "gitdir: <path>"
        text = dot_git.read_text().strip()
        if text.startswith("gitdir:"):
            path = Path(text.removeprefix("gitdir:").strip())
            return path if path.is_absolute() else root / path
    return None


def _common_dir(git_dir: Path) -> Path:
    common = git_dir / "commondir"
    if common.is_file():
        path = Path(common.read_text().strip())
        return path if path.is_absolute() else git_dir / path
    return git_dir


def git_commit(root: Path) -> str | None:
    """The short id of the checked-out commit, or None when it cannot be found."""
    try:
        git_dir = _git_dir(root)
        if git_dir is None:
            return None
        head = (git_dir / "HEAD").read_text().strip()
        if not head.startswith("ref:"):
            return head[:7] or None
        ref = head.removeprefix("ref:").strip()
        for base in (git_dir, _common_dir(git_dir)):
            if (base / ref).is_file():
                return (base / ref).read_text().strip()[:7]
        packed = _common_dir(git_dir) / "packed-refs"
        if packed.is_file():
            for line in packed.read_text().splitlines():
                if line.endswith(f" {ref}"):
                    return line.split()[0][:7]
    except OSError:
        return None
    return None


def machine_info(root: Path) -> dict[str, Any]:
    return {
        "cores": os.cpu_count() or 0,
        "memory_gb": memory_gb(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": git_commit(root),
    }
