"""Backing up and restoring the whole database, losing nothing.

PostgreSQL: ``pg_dump --format=custom``, and ``pg_restore --clean --if-exists --no-owner`` in
one transaction, with the binaries from ``NEWSDB_PG_BIN`` (default
``/usr/lib/postgresql/15/bin``) and the password passed in ``PGPASSWORD``, never on a command
line. SQLite: the online backup API, which copies a consistent snapshot while the app keeps
running, into a self-contained file (no ``-wal`` file beside it).

A backup is written to a temporary file beside its path and renamed once complete, so an
interrupted backup never leaves a truncated file under the name asked for. A restore checks
that the file is a backup of the right kind for the database and refuses to overwrite a
database that holds data unless forced.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import DatabaseError, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import ConnectionHandler
from django.utils.translation import gettext as _

POSTGRESQL = "postgresql"
SQLITE = "sqlite"
DEFAULT_PG_BIN = "/usr/lib/postgresql/15/bin"
_MAGIC = {POSTGRESQL: b"PGDMP", SQLITE: b"SQLite format 3\x00"}

DatabaseSettings = Mapping[str, Any]


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and what to do."""


def default_database() -> DatabaseSettings:
    return connections["default"].settings_dict


def database_kind(db: DatabaseSettings) -> str:
    engine = db["ENGINE"]
    if engine.endswith("sqlite3"):
        return SQLITE
    if engine.endswith("postgresql"):
        return POSTGRESQL
    message = _("backups support SQLite and PostgreSQL, not %(engine)s") % {"engine": engine}
    raise BackupError(message)


def backup_database(path: Path, db: DatabaseSettings | None = None) -> int:
    """Write a backup of ``db`` (default: the default database) to ``path``; its size."""
    db = db or default_database()
    kind = database_kind(db)
    with _written_whole(Path(path)) as partial:
        if kind == POSTGRESQL:
            _run_pg("pg_dump", db, "--format=custom", f"--file={partial}")
        else:
            _sqlite_backup(db, partial)
    return Path(path).stat().st_size


def restore_database(
    path: Path, db: DatabaseSettings | None = None, *, force: bool = False
) -> None:
    """Replace the content of ``db`` (default: the default database) with the backup at
    ``path``. Refuses a database that holds newsdb data unless ``force``."""
    db = db or default_database()
    path = Path(path)
    kind = database_kind(db)
    found = backup_kind(path)
    if found != kind:
        raise BackupError(
            _("%(path)s is a %(found)s backup; this database is %(kind)s")
            % {"path": path, "found": _kind_name(found), "kind": _kind_name(kind)}
        )
    if not force and (holding := tables_with_data(db)):
        raise BackupError(
            _(
                "the database is not empty (%(tables)s hold data): restoring would replace "
                "it. Restore into an empty database, or pass --force to overwrite it."
            )
            % {"tables": ", ".join(holding[:5]) + (", …" if len(holding) > 5 else "")}
        )
    connections.close_all()  # nothing of ours may hold the database while it is replaced
    if kind == POSTGRESQL:
        _run_pg("pg_restore", db, "--list", str(path), database=False)  # a readable archive?
        _run_pg(
            "pg_restore",
            db,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            str(path),
        )
    else:
        _sqlite_restore(path, db)


def backup_kind(path: Path) -> str:
    """``postgresql`` or ``sqlite``: what the backup at ``path`` is, by its first bytes."""
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(16)
    except OSError as error:
        message = _("cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
        raise BackupError(message) from error
    for kind, magic in _MAGIC.items():
        if head.startswith(magic):
            return kind
    raise BackupError(
        _(
            "%(path)s is not a newsdb backup: neither a PostgreSQL custom-format dump nor an "
            "SQLite database"
        )
        % {"path": path}
    )


def tables_with_data(db: DatabaseSettings) -> list[str]:
    """The tables of newsdb's models and users in ``db`` that hold at least one row (the
    tables ``migrate`` fills itself, such as permissions and groups, do not count)."""
    user_table = get_user_model()._meta.db_table
    models = apps.get_app_config("articles").get_models()
    wanted = {model._meta.db_table for model in models} | {user_table}
    with database_connection(db) as connection, connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
        holding = []
        for table in sorted(wanted & existing):
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
            if cursor.fetchone() is not None:
                holding.append(table)
    return holding


def row_counts(db: DatabaseSettings | None = None) -> dict[str, int]:
    """The number of rows of every table in ``db``, as the database lists its tables."""
    with database_connection(db or default_database()) as connection, connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def _kind_name(kind: str) -> str:
    return {POSTGRESQL: _("PostgreSQL"), SQLITE: _("SQLite")}[kind]


@contextmanager
def database_connection(db: DatabaseSettings) -> Iterator[BaseDatabaseWrapper]:
    """A Django connection of its own to ``db`` (any settings dict), closed afterwards."""
    connection = ConnectionHandler({"default": dict(db)})["default"]
    try:
        connection.ensure_connection()
    except DatabaseError as error:
        message = _("cannot connect to the database: %(error)s") % {"error": error}
        raise BackupError(message) from error
    try:
        yield connection
    finally:
        connection.close()


@contextmanager
def _written_whole(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``, renamed to it when the block completes."""
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    except OSError as error:
        message = _("cannot write a backup in %(folder)s: %(error)s") % {
            "folder": path.parent,
            "error": error.strerror,
        }
        raise BackupError(message) from error
    os.close(handle)
    partial = Path(name)
    try:
        yield partial
        os.replace(partial, path)
    except OSError as error:
        message = _("cannot write %(path)s: %(error)s") % {"path": path, "error": error.strerror}
        raise BackupError(message) from error
    finally:
        partial.unlink(missing_ok=True)


# --- PostgreSQL ------------------------------------------------------------------------


def _run_pg(tool: str, db: DatabaseSettings, *args: str, database: bool = True) -> None:
    binary = Path(os.environ.get("NEWSDB_PG_BIN") or DEFAULT_PG_BIN) / tool
    if not binary.exists():
        message = _(
            "%(binary)s not found: install the PostgreSQL client tools or set NEWSDB_PG_BIN"
        ) % {"binary": binary}
        raise BackupError(message)
    command = [str(binary), *(_pg_connection_args(db) if database else []), *args]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = "\n".join(done.stderr.strip().splitlines()[-5:])
        raise BackupError(
            _("%(tool)s failed (exit status %(status)d): %(detail)s")
            % {"tool": tool, "status": done.returncode, "detail": detail}
        )


def _pg_connection_args(db: DatabaseSettings) -> list[str]:
    args = ["--no-password", f"--dbname={db['NAME']}"]
    if db.get("HOST"):
        args.append(f"--host={db['HOST']}")
    if db.get("PORT"):
        args.append(f"--port={db['PORT']}")
    if db.get("USER"):
        args.append(f"--username={db['USER']}")
    return args


# --- SQLite ----------------------------------------------------------------------------


def _sqlite_backup(db: DatabaseSettings, out: Path) -> None:
    target = sqlite3.connect(out)
    try:
        with database_connection(db) as connection:
            connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        target.close()


def _sqlite_restore(path: Path, db: DatabaseSettings) -> None:
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _check_sqlite_backup(source, path)
        with database_connection(db) as connection:
            source.backup(connection.connection)
    finally:
        source.close()


def _check_sqlite_backup(source: sqlite3.Connection, path: Path) -> None:
    try:
        integrity = source.execute("PRAGMA quick_check").fetchone()[0]
        tables = {row[0] for row in source.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        integrity, tables = str(error), set()
    if integrity != "ok":
        message = _("%(path)s is damaged: %(error)s") % {"path": path, "error": integrity}
        raise BackupError(message)
    if "django_migrations" not in tables or "articles_article" not in tables:
        message = _("%(path)s is an SQLite database, but not a newsdb one") % {"path": path}
        raise BackupError(message)
