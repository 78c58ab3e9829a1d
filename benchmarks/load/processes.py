"""Child processes of the load test: started in their own process group, output to a file,
always stopped by their own ids (the group the runner made), never by name."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import children_of

STOP_GRACE = 15.0  # seconds between SIGTERM and SIGKILL


class Background:
    """A child process running while the runner does other things."""

    def __init__(
        self, command: Sequence[str], *, env: Mapping[str, str], cwd: Path, log: Path
    ) -> None:
        self.command = list(command)
        self.log = log
        self._output = open(log, "w", encoding="utf-8")  # noqa: SIM115 - closed in wait()
        self.started = time.time()
        self.process = subprocess.Popen(
            self.command,
            cwd=cwd,
            env=dict(env),
            stdout=self._output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: stopped with its workers
        )
        self.ended: float | None = None
        self._watcher = threading.Thread(target=self._watch, daemon=True)
        self._watcher.start()

    def _watch(self) -> None:
        self.process.wait()
        self.ended = time.time()  # when it exited, not when the runner asked

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    @property
    def seconds(self) -> float:
        return (self.ended or time.time()) - self.started

    def wait(self, timeout: float | None = None) -> int:
        """Its exit status; stopped first if it is still running after ``timeout``."""
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            code = self.stop()
        self._finish()
        return code

    def stop(self) -> int:
        """SIGTERM to its process group, SIGKILL after a grace period; its exit status."""
        if self.running:
            self._signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_GRACE)
            except subprocess.TimeoutExpired:
                self._signal(signal.SIGKILL)
                self.process.wait()
        self._finish()
        return self.process.returncode

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def tail(self, lines: int = 30, width: int = 400) -> str:
        """The last lines of its output, each cut to ``width`` (JSON logs hold tracebacks)."""
        return "\n".join(line[:width] for line in self.output().strip().splitlines()[-lines:])

    def _signal(self, number: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, number)  # the group start_new_session made

    def _finish(self) -> None:
        self._watcher.join(timeout=5)
        if not self._output.closed:
            self._output.close()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, server: Background, timeout: float = 60.0) -> None:
    """Return once ``url`` answers 200; raise with the server's log if it does not."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not server.running:
            raise RuntimeError(f"the server exited:\n{server.tail()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s:\n{server.tail()}")


def _stat_fields(pid: int) -> list[str] | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat[stat.rfind(")") + 2 :].split()  # the fields after "pid (comm) "


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of a process and its descendants, those reaped included."""
    ticks, pending, seen = 0, [pid], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        fields = _stat_fields(current)
        if fields is None:
            continue
        ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
        pending.extend(children_of(current))
    return ticks / os.sysconf("SC_CLK_TCK")


def machine_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine since boot, from ``/proc/stat``."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


@dataclass(frozen=True, slots=True)
class CpuSnapshot:
    at: float  # monotonic seconds
    process: float  # CPU seconds of the watched process tree
    busy: int  # the machine's busy ticks
    total: int


def cpu_snapshot(pid: int) -> CpuSnapshot:
    busy, total = machine_ticks()
    return CpuSnapshot(time.monotonic(), cpu_seconds(pid), busy, total)


def cpu_between(first: CpuSnapshot, last: CpuSnapshot) -> dict[str, float]:
    """Wall time, the process tree's CPU time, and how busy the whole machine was (0–1)."""
    ticks = last.total - first.total
    return {
        "seconds": last.at - first.at,
        "cpu_seconds": last.process - first.process,
        "machine_busy": (last.busy - first.busy) / ticks if ticks else 0.0,
    }
