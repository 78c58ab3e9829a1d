"""Faults during an ingest: the run stops with one clear line, nothing is half-written, and
the next run resumes.

* PostgreSQL restarted (``pg_ctl restart -m fast``) while ``manage.py ingest`` writes a
  batch, on a throwaway server of its own; compared, article by article, with a reference
  database ingested without the fault.
* An SQLite database that refuses writes (opened read-only) and one that is full (SQLite's
  ``max_page_count``, which fails with SQLITE_FULL exactly like a full disk).

Each runs ``manage.py`` in a subprocess on a database of its own, so the test database is not
used; the PostgreSQL test runs in the PostgreSQL run of the suite, the SQLite ones in the
SQLite run.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO

import psycopg
import pytest
from django.db import connection

from benchmarks.corpus import write_corpus
from tests.pgserver import PostgresServer, _run_pg, start_postgres

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PER_ARTICLE = """
    SELECT a.external_id,
        (SELECT COUNT(*) FROM articles_claim c WHERE c.article_id = a.id),
        (SELECT COUNT(*) FROM articles_mention m WHERE m.article_id = a.id),
        (SELECT COUNT(*) FROM articles_segment s WHERE s.article_id = a.id)
    FROM articles_article a
"""
TOTALS = ("articles_article", "articles_claim", "articles_mention", "articles_actor")

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a PostgreSQL server of its own: PostgreSQL run"
)
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="an SQLite file of its own: runs in the SQLite run"
)


def manage(*args: object, database_url: str, wait: bool = True, **env: str) -> Run:
    """``manage.py ARGS`` in a subprocess on the given database."""
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "newsdb.settings",
        "LANGUAGE_CODE": "en",
        **env,
    }
    command = [sys.executable, str(ROOT / "manage.py"), *map(str, args)]
    # Files, not pipes: a long run's output must never block it.
    out, err = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")  # noqa: SIM115
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=out, stderr=err)
    run = Run(process, out, err)
    return run.finish() if wait else run


class Run:
    def __init__(self, process: subprocess.Popen, out: IO[str], err: IO[str]) -> None:
        self.process, self._out, self._err = process, out, err
        self.stdout = self.stderr = ""

    def finish(self, timeout: float = 600) -> Run:
        self.process.wait(timeout)
        self.stdout, self.stderr = self._read(self._out), self._read(self._err)
        return self

    @property
    def returncode(self) -> int | None:
        return self.process.returncode

    @staticmethod
    def _read(handle: IO[str]) -> str:
        handle.seek(0)
        with handle:
            return handle.read()

    def ok(self) -> Run:
        assert self.returncode == 0, self.stderr
        return self


def one_error_line(run: Run, words: str) -> str:
    """The run failed with exactly one line about it, and no traceback."""
    assert run.returncode != 0
    assert "Traceback" not in run.stderr, run.stderr
    lines = [line for line in run.stderr.splitlines() if words in line]
    assert len(lines) == 1, run.stderr
    return lines[0]


# --- PostgreSQL restarted in the middle of an ingest -------------------------------------


def per_article(url: str) -> dict[str, tuple[int, int, int]]:
    with psycopg.connect(url) as conn:
        return {row[0]: row[1:] for row in conn.execute(PER_ARTICLE)}


def table_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        tables = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).fetchall()
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for (t,) in tables}


def restart_during_a_write(server: PostgresServer, ingest: Run) -> int:
    """Restart the server once some articles are stored and the ingest is inside a
    statement or transaction; the articles stored by then."""
    with psycopg.connect(server.url, autocommit=True) as conn:
        while ingest.process.poll() is None:
            stored = conn.execute("SELECT COUNT(*) FROM articles_article").fetchone()[0]
            (busy,) = conn.execute(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state <> 'idle' AND xact_start IS NOT NULL"
            ).fetchone()
            if stored and busy:
                break
            time.sleep(0.01)
        else:
            pytest.fail("the ingest ended before a write could be interrupted")
    log = str(server.root / "server.log")
    data = str(server.data_dir)
    restarted = _run_pg(
        "pg_ctl", "-D", data, "-l", log, "-m", "fast", "-w", "restart", cwd=server.root
    )
    assert restarted.returncode == 0, restarted.stderr
    return stored


@postgres_only
def test_postgres_restarted_mid_ingest_stops_cleanly_and_the_next_run_resumes(tmp_path):
    corpus = tmp_path / "corpus"
    count = write_corpus(corpus, 250, seed=11).count
    server = start_postgres()
    try:
        reference = server.url.rsplit("/", 1)[0] + "/reference"
        with psycopg.connect(server.url, autocommit=True) as conn:
            conn.execute("CREATE DATABASE reference")
        for url in (server.url, reference):
            manage("migrate", "-v", "0", database_url=url).ok()
        manage("ingest", corpus, "--no-progress", database_url=reference).ok()
        expected = per_article(reference)

        ingest = manage("ingest", corpus, "--no-progress", database_url=server.url, wait=False)
        restart_during_a_write(server, ingest)
        line = one_error_line(ingest.finish(), "database connection lost")
        assert str(corpus) in line and ".txt" in line  # names the file where it stopped
        stored = per_article(server.url)
        assert 0 < len(stored) < count
        # every batch reported before the fault was committed, and none after
        assert f" {len(stored)} files stored, run again to resume." in line
        for external_id, counts in stored.items():  # no article half-written
            assert counts == expected[external_id], external_id

        resumed = manage("ingest", corpus, "--no-progress", database_url=server.url).ok()
        assert (
            resumed.stdout.strip()
            .splitlines()[-1]
            .startswith(
                f"{count} files: {count - len(stored)} new, 0 updated, {len(stored)} unchanged, "
                "0 failed;"
            )
        )
        assert per_article(server.url) == expected
        assert table_counts(server.url) == table_counts(reference)
    finally:
        server.stop()


# --- SQLite: read-only, full ----------------------------------------------------------------


@pytest.fixture(scope="module")
def sqlite_templates(tmp_path_factory) -> dict[str, Path]:
    """A migrated SQLite database, and one with the seeds (and so the gazetteer) in it."""
    folder = tmp_path_factory.mktemp("templates")
    migrated, seeded = folder / "migrated.sqlite3", folder / "seeded.sqlite3"
    manage("migrate", "-v", "0", database_url=f"sqlite:///{migrated}").ok()
    copy_database(migrated, seeded)
    manage("ingest", SEEDS, "--no-progress", database_url=f"sqlite:///{seeded}").ok()
    return {"migrated": migrated, "seeded": seeded}


def copy_database(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def sqlite_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
        counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TOTALS}
    conn.close()
    return counts


@pytest.fixture
def generated(tmp_path: Path) -> Path:
    write_corpus(tmp_path / "generated", 20, seed=3)
    return tmp_path / "generated"


@sqlite_only
@pytest.mark.parametrize(
    ("template", "where"),
    [("seeded", "at "), ("migrated", "at the start of the run")],
    ids=["storing-a-batch", "loading-the-gazetteer"],
)
def test_a_read_only_sqlite_database_stops_with_a_clear_error(
    sqlite_templates, generated, tmp_path, template, where
):
    database = tmp_path / "newsdb.sqlite3"
    copy_database(sqlite_templates[template], database)
    before = sqlite_counts(database)
    url = f"sqlite:///{database}"
    settings = {"DJANGO_SETTINGS_MODULE": "tests.reliability.sqlite_fault_settings"}

    refused = manage(
        "ingest",
        generated,
        "--no-progress",
        database_url=url,
        NEWSDB_TEST_SQLITE_READ_ONLY="1",
        **settings,
    )
    line = one_error_line(refused, "database is read-only")
    assert str(database) in line and where in line
    assert "writable" in line and "run again to resume" in line
    assert sqlite_counts(database) == before

    resumed = manage("ingest", generated, "--no-progress", database_url=url).ok()
    assert resumed.stdout.strip().splitlines()[-1].startswith("20 files: 20 new, 0 updated,")


@sqlite_only
def test_a_full_sqlite_database_stops_with_a_clear_error(sqlite_templates, generated, tmp_path):
    database = tmp_path / "newsdb.sqlite3"
    copy_database(sqlite_templates["seeded"], database)
    before = sqlite_counts(database)
    with sqlite3.connect(database) as conn:
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
    conn.close()
    url = f"sqlite:///{database}"

    full = manage(
        "ingest",
        generated,
        "--no-progress",
        database_url=url,
        DJANGO_SETTINGS_MODULE="tests.reliability.sqlite_fault_settings",
        NEWSDB_TEST_SQLITE_MAX_PAGES=str(pages + 10),  # full in the middle of the batch
    )
    line = one_error_line(full, "disk is full")
    assert str(database) in line and str(generated) in line
    assert "Free space" in line and "0 files stored, run again to resume." in line
    assert sqlite_counts(database) == before  # the batch was rolled back whole

    resumed = manage("ingest", generated, "--no-progress", database_url=url).ok()
    assert resumed.stdout.strip().splitlines()[-1].startswith("20 files: 20 new, 0 updated,")
