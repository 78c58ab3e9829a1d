"""pytest plugin: ``--db {sqlite,postgres}`` picks the database the suite runs against.

Loaded from pyproject's ``addopts`` with ``-p tests.postgres_plugin``. The default comes from
``NEWSDB_TEST_DB`` (else sqlite). For postgres a throwaway server (see ``tests/pgserver.py``)
is started and exported as ``DATABASE_URL`` *before* pytest-django imports the settings,
which happens in its own ``pytest_load_initial_conftests``; our hook wraps all of those.
For sqlite ``DATABASE_URL`` is dropped, so the settings' SQLite default is used.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Generator

import pytest

from tests.pgserver import PostgresServer, PostgresStartError, start_postgres

DB_CHOICES = ("sqlite", "postgres")
server_key = pytest.StashKey[PostgresServer]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--db",
        dest="newsdb_db",
        choices=DB_CHOICES,
        default=os.environ.get("NEWSDB_TEST_DB") or "sqlite",
        help="database backend for the test run (default: $NEWSDB_TEST_DB or sqlite)",
    )


@pytest.hookimpl(wrapper=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> Generator[None, None, None]:
    db = early_config.known_args_namespace.newsdb_db
    if db not in DB_CHOICES:  # argparse does not validate defaults, i.e. NEWSDB_TEST_DB
        raise pytest.UsageError(f"--db / NEWSDB_TEST_DB must be one of {DB_CHOICES}, got {db!r}")
    if db == "sqlite":
        os.environ.pop("DATABASE_URL", None)
    else:
        try:
            server = start_postgres()
        except PostgresStartError as exc:
            raise pytest.UsageError(f"newsdb tests: cannot start PostgreSQL.\n{exc}") from None
        early_config.stash[server_key] = server
        os.environ["DATABASE_URL"] = server.url
        sys.stderr.write(
            f"newsdb tests: PostgreSQL {server.version} throwaway server on "
            f"127.0.0.1:{server.port}\n"
        )
    return (yield)


def pytest_report_header(config: pytest.Config) -> str:
    server = config.stash.get(server_key, None)
    where = f"throwaway PostgreSQL {server.version} at {server.url}" if server else "SQLite"
    return f"newsdb database: {where}"


def pytest_unconfigure(config: pytest.Config) -> None:
    server = config.stash.get(server_key, None)
    if server is not None:
        server.stop()  # also registered with atexit as a backstop
