"""Fresh, empty databases for the benchmark, one per measurement, and their sizes.

SQLite: a new file in a temporary folder removed at the end. PostgreSQL: one throwaway
server (``tests.pgserver``) for the whole run, with production durability (fsync and
synchronous commit on), and ``CREATE DATABASE bench_<n>`` for each fresh database.

Nothing here imports Django: the runner only hands the URLs to child processes.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

DbKind = Literal["sqlite", "postgres"]
SQLITE_SIDE_FILES = ("", "-wal", "-shm")


@dataclass(frozen=True, slots=True)
class Database:
    """One fresh database: the URL the children get, and how to weigh it."""

    name: str
    url: str
    path: Path | None = None  # SQLite's file

    @property
    def size_bytes(self) -> int:
        if self.path is not None:
            return sum(_file_size(Path(f"{self.path}{suffix}")) for suffix in SQLITE_SIDE_FILES)
        import psycopg

        with psycopg.connect(self.url) as conn:
            row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
        return int(row[0]) if row else 0


class Databases(Protocol):
    """Makes fresh databases of one kind."""

    kind: DbKind

    @property
    def version(self) -> str: ...

    def new(self) -> Database: ...


class SqliteDatabases:
    kind: DbKind = "sqlite"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made = 0

    @property
    def version(self) -> str:
        return f"SQLite {sqlite3.sqlite_version}"

    def new(self) -> Database:
        self.made += 1
        path = self.folder / f"bench-{self.made}.sqlite3"
        return Database(path.stem, f"sqlite:///{path}", path)


class PostgresDatabases:
    kind: DbKind = "postgres"

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url  # the server's own newsdb database
        self.made = 0

    @property
    def version(self) -> str:
        import psycopg

        with psycopg.connect(self.server_url) as conn:
            row = conn.execute("SHOW server_version").fetchone()
        return f"PostgreSQL {row[0] if row else '?'}"

    def new(self) -> Database:
        import psycopg

        self.made += 1
        name = f"bench_{self.made}"
        with psycopg.connect(self.server_url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        base, _slash, _old = self.server_url.rpartition("/")
        return Database(name, f"{base}/{name}")


@contextmanager
def open_databases(kind: DbKind) -> Iterator[Databases]:
    """Fresh databases of ``kind`` for the duration of the block; all removed afterwards."""
    if kind == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="newsdb-bench-db-"))
        try:
            yield SqliteDatabases(folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    from tests.pgserver import start_postgres

    server = start_postgres(durable=True)
    try:
        yield PostgresDatabases(server.url)
    finally:
        server.stop()


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0
