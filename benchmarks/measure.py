"""Running one child process and measuring it: wall time, peak memory and memory over time.

The child is started with ``subprocess.Popen`` and reaped with ``os.wait4``, whose rusage
gives its peak RSS (``ru_maxrss``, in KB on Linux: the largest of the child and the
descendants it waited for). A thread samples the child's memory every ``interval`` seconds.

With ``tree=True`` (a process and its forked workers) it samples the child and all its
descendants, and adds up two figures for them: their RSS, which counts the pages they share
since the fork once per process, and their proportional set size (``Pss`` in
``/proc/<pid>/smaps_rollup``), which charges each shared page to its sharers in equal parts,
so that the sum is the memory the tree really holds. The tree's peak memory is the larger of
the largest PSS sum sampled and the child's own ``ru_maxrss``.

Output goes to temporary files rather than pipes: a chatty child can never block on a full
pipe while the parent waits for it.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SAMPLE_INTERVAL = 0.5  # seconds between RSS samples
FRACTIONS = (0.25, 0.5, 0.75, 1.0)  # points of the run time the RSS is reported at


@dataclass(frozen=True, slots=True)
class Sample:
    seconds: float  # since the child started
    rss_kb: int
    pss_kb: int | None = None  # None where the kernel does not offer smaps_rollup

    @property
    def memory_kb(self) -> int:
        """The memory the sampled processes really hold: their PSS, else their RSS."""
        return self.rss_kb if self.pss_kb is None else self.pss_kb


@dataclass(slots=True)
class Measured:
    """What one child process did and cost."""

    command: list[str]
    returncode: int
    seconds: float
    max_rss_kb: int  # ru_maxrss of the child
    samples: list[Sample] = field(default_factory=list)
    stdout: str = ""
    stderr: str = ""
    tree: bool = False

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def peak_rss_kb(self) -> int:
        """The child's peak; for a process tree, the largest sampled RSS sum if larger."""
        sampled = max((s.rss_kb for s in self.samples), default=0)
        return max(self.max_rss_kb, sampled) if self.tree else self.max_rss_kb

    @property
    def peak_memory_kb(self) -> int:
        """The child's peak; for a process tree, the largest sampled PSS sum if larger."""
        sampled = max((s.memory_kb for s in self.samples), default=0)
        return max(self.max_rss_kb, sampled) if self.tree else self.max_rss_kb

    def rss_at(self, fraction: float) -> int | None:
        """The last memory sampled at or before ``fraction`` of the run time (KB), if any."""
        if not self.samples:
            return None
        limit = fraction * self.seconds
        before = [s for s in self.samples if s.seconds <= limit]
        return (before[-1] if before else self.samples[0]).memory_kb

    def rss_max_from(self, fraction: float) -> int | None:
        """The largest memory sampled from ``fraction`` of the run time on (KB), if any."""
        limit = fraction * self.seconds
        return max((s.memory_kb for s in self.samples if s.seconds >= limit), default=None)

    def rss_profile_mb(self) -> dict[str, float | None]:
        """Memory at 25, 50, 75 and 100 % of the run time, in MB, keyed ``"25"`` … ``"100"``
        (RSS for one process, the PSS sum for a tree)."""
        result: dict[str, float | None] = {}
        for fraction in FRACTIONS:
            kb = self.rss_at(fraction)
            result[str(round(fraction * 100))] = None if kb is None else kb / 1024
        return result

    def tail(self, lines: int = 30) -> str:
        """The end of stderr (else stdout), for an error report."""
        text = self.stderr.strip() or self.stdout.strip()
        return "\n".join(text.splitlines()[-lines:])


def read_rss_kb(pid: int) -> int | None:
    """``VmRSS`` of a process in KB; None once it is gone or a zombie."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def children_of(pid: int) -> list[int]:
    """The direct children of a process, from ``/proc/<pid>/task/*/children``; by scanning
    every process's parent where the kernel does not offer that file."""
    task_dir = Path(f"/proc/{pid}/task")
    found: list[int] = []
    try:
        files = [task / "children" for task in task_dir.iterdir()]
    except OSError:
        return []
    if files and not files[0].exists():
        return _children_by_scan(pid)
    for path in files:
        try:
            found.extend(int(child) for child in path.read_text().split())
        except (OSError, ValueError):
            continue
    return found


def _children_by_scan(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()  # after "pid (comm) "
        if len(fields) > 1 and fields[1] == str(pid):
            found.append(int(entry.name))
    return found


def read_rss_pss_kb(pid: int) -> tuple[int, int | None] | None:
    """``Rss`` and ``Pss`` of a process in KB from ``smaps_rollup`` (``VmRSS`` and None where
    that file is missing); None once the process is gone."""
    found: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as rollup:
            for line in rollup:
                key, _colon, rest = line.partition(":")
                if key in ("Rss", "Pss"):
                    found[key] = int(rest.split()[0])
    except FileNotFoundError:
        rss = read_rss_kb(pid)
        return None if rss is None else (rss, None)
    except (OSError, ValueError, IndexError):
        return None
    if "Rss" not in found:
        return None
    return found["Rss"], found.get("Pss")


def tree_memory_kb(pid: int) -> tuple[int, int | None] | None:
    """The RSS and the PSS of a process and all its descendants, each added up (KB); the PSS
    is None when a process's could not be read."""
    own = read_rss_pss_kb(pid)
    if own is None:
        return None
    rss, pss = own
    pending, seen = children_of(pid), {pid}
    while pending:
        child = pending.pop()
        if child in seen:
            continue
        seen.add(child)
        theirs = read_rss_pss_kb(child)
        if theirs is not None:
            rss += theirs[0]
            pss = None if pss is None or theirs[1] is None else pss + theirs[1]
        pending.extend(children_of(child))
    return rss, pss


class _Sampler(threading.Thread):
    def __init__(self, pid: int, started: float, tree: bool, interval: float) -> None:
        super().__init__(name=f"rss-sampler-{pid}", daemon=True)
        self.pid, self.started, self.tree, self.interval = pid, started, tree, interval
        self.samples: list[Sample] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            self.sample()
            self.stopped.wait(self.interval)

    def sample(self) -> None:
        if self.tree:
            memory = tree_memory_kb(self.pid)
            rss, pss = memory if memory else (None, None)
        else:
            rss, pss = read_rss_kb(self.pid), None
        if rss:
            self.samples.append(Sample(time.perf_counter() - self.started, rss, pss))


def run_measured(
    command: Sequence[str],
    *,
    env: Mapping[str, str],
    cwd: Path,
    tree: bool = False,
    interval: float = SAMPLE_INTERVAL,
) -> Measured:
    """Run ``command`` to completion and measure it (see the module docstring)."""
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as out,
        tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as err,
    ):
        started = time.perf_counter()
        process = subprocess.Popen(
            list(command), cwd=cwd, env=dict(env), stdout=out, stderr=err, stdin=subprocess.DEVNULL
        )
        sampler = _Sampler(process.pid, started, tree, interval)
        sampler.start()
        try:
            _pid, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            process.kill()
            process.wait()
            raise
        finally:
            sampler.stopped.set()
        seconds = time.perf_counter() - started
        sampler.join()
        # Reaped by os.wait4: tell Popen, or it would try to wait (and warn) later.
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(
            command=list(command),
            returncode=process.returncode,
            seconds=seconds,
            max_rss_kb=usage.ru_maxrss,
            samples=sampler.samples,
            stdout=out.read(),
            stderr=err.read(),
            tree=tree,
        )
