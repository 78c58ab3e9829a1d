"""Throwaway PostgreSQL servers for tests and benchmarks.

``start_postgres()`` runs ``initdb`` + ``pg_ctl start`` in a fresh temp dir on a free
loopback port and returns a handle whose ``stop()`` kills the server and deletes the dir.
``throwaway_postgres()`` wraps that as a context manager yielding the database URL.
Nothing here touches a system-wide server. As root the binaries run as user ``postgres``
(initdb refuses to run as root).
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PG_BIN = Path(os.environ.get("NEWSDB_PG_BIN", "/usr/lib/postgresql/15/bin"))
DB_USER = "newsdb"
DB_NAME = "newsdb"
SERVER_SETTINGS = "-c listen_addresses=127.0.0.1"
# Throwaway servers trade durability for speed; ``start_postgres(durable=True)`` keeps it.
FAST_SETTINGS = " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"


class PostgresStartError(RuntimeError):
    """The throwaway server could not be created or started; the message has the log tail."""


@dataclass
class PostgresServer:
    root: Path
    port: int
    version: str

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def url(self) -> str:
        return f"postgres://{DB_USER}@127.0.0.1:{self.port}/{DB_NAME}"

    def stop(self) -> None:
        """Kill the server (no checkpoint, it is throwaway) and delete its directory. Idempotent."""
        atexit.unregister(self.stop)
        if not self.root.exists():
            return
        if (self.data_dir / "postmaster.pid").exists():
            _run_pg(
                "pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop", cwd=self.root
            )
        shutil.rmtree(self.root, ignore_errors=True)


def _as_postgres_user() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _run_pg(tool: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    cmd = [*_as_postgres_user(), str(PG_BIN / tool), *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def _initdb(root: Path) -> None:
    base = ["-D", "data", "-U", DB_USER, "--auth=trust", "-E", "UTF8", "--no-sync"]
    result = _run_pg("initdb", *base, "--locale=C.UTF-8", cwd=root)
    if result.returncode != 0:  # e.g. no C.UTF-8 locale on this system
        result = _run_pg("initdb", *base, "--no-locale", cwd=root)
    if result.returncode != 0:
        raise PostgresStartError(f"initdb failed:\n{_tail(result.stdout + result.stderr)}")


def start_postgres(*, durable: bool = False) -> PostgresServer:
    """Create and start a throwaway server; it is also stopped at interpreter exit.

    ``durable`` keeps PostgreSQL's production defaults (fsync, synchronous commit, full page
    writes) instead of turning them off, e.g. for benchmarks."""
    if not (PG_BIN / "initdb").exists():
        raise PostgresStartError(f"PostgreSQL binaries not found in {PG_BIN} (set NEWSDB_PG_BIN)")
    root = Path(tempfile.mkdtemp(prefix="newsdb-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    server = PostgresServer(root=root, port=_free_port(), version="?")
    atexit.register(server.stop)
    try:
        _initdb(root)
        server.version = (server.data_dir / "PG_VERSION").read_text().strip()
        settings = SERVER_SETTINGS if durable else SERVER_SETTINGS + FAST_SETTINGS
        options = f"-p {server.port} -k {root} {settings}"
        result = _run_pg(
            "pg_ctl", "-D", "data", "-l", "server.log", "-o", options, "-w", "start", cwd=root
        )
        if result.returncode != 0:
            log = root / "server.log"
            log_text = log.read_text(errors="replace") if log.exists() else ""
            raise PostgresStartError(
                f"pg_ctl start failed:\n{_tail(result.stdout + result.stderr + log_text)}"
            )
        host = ["-h", "127.0.0.1", "-p", str(server.port), "-U", DB_USER]
        result = _run_pg("createdb", *host, DB_NAME, cwd=root)
        if result.returncode != 0:
            raise PostgresStartError(f"createdb failed:\n{_tail(result.stdout + result.stderr)}")
    except BaseException:
        server.stop()
        raise
    return server


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Run a throwaway server for the duration of the block, yielding its database URL."""
    server = start_postgres()
    try:
        yield server.url
    finally:
        server.stop()
