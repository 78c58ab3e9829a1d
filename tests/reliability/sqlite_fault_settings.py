"""Settings for the SQLite fault tests' ``manage.py`` subprocesses: newsdb's own, with the
database opened read-only (``NEWSDB_TEST_SQLITE_READ_ONLY=1``: SQLite then refuses writes
exactly as for a file its user may not write, which ``chmod`` cannot arrange for root) or
limited to a number of pages (``NEWSDB_TEST_SQLITE_MAX_PAGES=N``: SQLite then fails with
SQLITE_FULL, exactly what a full disk gives)."""

import os

from newsdb.settings import *  # noqa: F403
from newsdb.settings import DATABASES

_default = DATABASES["default"]
if os.environ.get("NEWSDB_TEST_SQLITE_READ_ONLY"):
    _default["NAME"] = f"file:{_default['NAME']}?mode=ro"
if pages := os.environ.get("NEWSDB_TEST_SQLITE_MAX_PAGES"):
    _default["OPTIONS"]["init_command"] += f"; PRAGMA max_page_count={int(pages)}"
