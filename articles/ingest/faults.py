"""Database faults that stop an ingest: every later file would fail the same way.

A lost connection, a read-only database and a full disk are not a file's fault. Retrying the
batch file by file would fail each file in turn (or, while a restarted server comes back, a
burst of them), so the ingest stops at the first one with ``DatabaseUnavailable``. Nothing is
half-written (each batch is one transaction) and the next run resumes: the files already
stored are reported unchanged, the rest are stored.
"""

from __future__ import annotations

from enum import StrEnum

from django.db import DatabaseError, InterfaceError, OperationalError
from django.utils.translation import gettext as _


class Fault(StrEnum):
    CONNECTION_LOST = "connection lost"
    READ_ONLY = "read-only"
    DISK_FULL = "disk full"


# SQLite primary result codes: SQLITE_READONLY, SQLITE_FULL.
_SQLITE_FAULTS = {8: Fault.READ_ONLY, 13: Fault.DISK_FULL}
# PostgreSQL SQLSTATEs: read_only_sql_transaction, disk_full; admin_shutdown, crash_shutdown,
# cannot_connect_now (the server is shutting down or starting up).
_POSTGRES_FAULTS = {
    "25006": Fault.READ_ONLY,
    "53100": Fault.DISK_FULL,
    "57P01": Fault.CONNECTION_LOST,
    "57P02": Fault.CONNECTION_LOST,
    "57P03": Fault.CONNECTION_LOST,
}


class DatabaseUnavailable(Exception):
    """The database stopped taking the writes of the batch starting at ``file``."""

    def __init__(self, fault: Fault, file: str, detail: str) -> None:
        super().__init__(fault, file, detail)  # plain args: it crosses process boundaries
        self.fault, self.file, self.detail = fault, file, detail

    def __str__(self) -> str:
        return f"{self.file}: {self.fault}: {self.detail}"


def database_fault(error: BaseException) -> Fault | None:
    """The fault behind a database error, or None for an error that may be one file's."""
    if not isinstance(error, DatabaseError):
        return None
    cause = error.__cause__ or error
    sqlite_code = getattr(cause, "sqlite_errorcode", None)
    if sqlite_code is not None:
        return _SQLITE_FAULTS.get(sqlite_code & 0xFF)
    if isinstance(error, InterfaceError):
        return Fault.CONNECTION_LOST
    if not hasattr(cause, "sqlstate"):  # not psycopg
        return None
    sqlstate = cause.sqlstate
    if sqlstate is None:  # raised by the client: the connection failed or dropped
        return Fault.CONNECTION_LOST if isinstance(error, OperationalError) else None
    if sqlstate.startswith("08"):  # connection_exception
        return Fault.CONNECTION_LOST
    return _POSTGRES_FAULTS.get(sqlstate)


def database_label(settings_dict: dict) -> str:
    """The database as an operator finds it: the SQLite file, or name, host and port."""
    name = str(settings_dict.get("NAME") or "")
    if settings_dict.get("ENGINE", "").endswith("sqlite3"):
        return name
    host = settings_dict.get("HOST") or "localhost"
    port = settings_dict.get("PORT") or ""
    return f"{name} on {host}:{port}" if port else f"{name} on {host}"


def fault_message(fault: Fault, *, where: str, detail: str, database: str, stored: int) -> str:
    """One clear line for an operator: what happened, where, what to check, how to resume."""
    values = {"where": where, "detail": detail, "database": database, "stored": stored}
    if fault is Fault.READ_ONLY:
        template = _(
            "database is read-only %(where)s: %(database)s (%(detail)s). Check that the "
            "database file and its folder are writable by this user and that the file system "
            "is not mounted read-only (PostgreSQL: the user's rights, "
            "default_transaction_read_only, a standby server); %(stored)d files stored, run "
            "again to resume."
        )
    elif fault is Fault.DISK_FULL:
        template = _(
            "disk is full %(where)s: %(database)s (%(detail)s). Free space on the disk that "
            "holds the database (SQLite: also its -wal file) or raise its quota; %(stored)d "
            "files stored, run again to resume."
        )
    else:
        template = _(
            "database connection lost %(where)s: %(database)s (%(detail)s). Check that the "
            "database server is running and reachable; %(stored)d files stored, run again to "
            "resume."
        )
    return template % values
