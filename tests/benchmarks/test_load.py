"""The load test (``python -m benchmarks.load.run``): a smoke run at a tiny size, and its
figures and checks on made-up requests. Nothing here asserts a timing.

The run starts its own PostgreSQL server, gunicorn and locust, so it needs no test database;
it runs only with ``--db postgres`` (once per CI run is enough).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from benchmarks.load.report import checks
from benchmarks.load.stats import PAGE_NAMES, Record, server_times, summarise

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 240  # seconds; the run takes under a minute on the 2-core CI machine
USERS, PRELOAD, INGEST = 5, 50, 30


@pytest.mark.skipif("config.getoption('newsdb_db') != 'postgres'", reason="needs --db postgres")
def test_load_run(tmp_path: Path) -> None:
    out = tmp_path / "load.json"
    command = [
        sys.executable, "-m", "benchmarks.load.run",
        "--users", str(USERS), "--seconds", "8", "--think", "0.1", "0.3",
        "--ingest-articles", str(INGEST), "--preload", str(PRELOAD), "--workers", "2",
        "--cache", str(tmp_path), "--out", str(out),
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["ok"] and "error" not in results
    readers = results["readers"]
    assert readers["errors"] == 0
    for name in PAGE_NAMES:
        assert readers["per_page"][name]["requests"] > 0, name
    assert readers["logins"]["login"]["requests"] == USERS
    assert results["ingest"]["exit_status"] == 0
    assert results["ingest"]["files"]["new"] == INGEST
    counts = results["integrity"]["counts"]
    assert counts["articles"] == PRELOAD + INGEST
    assert counts["files_missing"] == counts["files_stored_twice"] == 0
    assert counts["duplicate_actor_keys"] == counts["duplicate_source_keys"] == 0
    assert results["integrity"]["reingest"]["files"]["unchanged"] == INGEST
    assert all(check["ok"] for check in results["checks"]), results["checks"]
    assert "## newsdb load test: 5 readers" in done.stdout
    assert "| **all pages**" in done.stdout


def record(name: str, start: float, ms: float, ok: bool = True) -> Record:
    return Record(name, start, ms, ok, None if ok else "HTTP 500")


def test_pages_and_logins_have_their_own_windows() -> None:
    logins = [record("login", 0.0, 3000.0), record("login form", 0.0, 100.0)]
    pages = [record("article", 10.0 + i, 100.0 + i) for i in range(20)]
    found = summarise([*logins, *pages], browsing=10.0, ingest=(10.0, 20.0))
    assert found["pages"]["requests"] == 20
    assert found["browsing_seconds"] == pytest.approx(19.119)  # 10.0 to 29.0 + 119 ms
    assert found["pages"]["per_second"] == pytest.approx(20 / 19.119)
    assert found["pages"]["p50_ms"] == 109.0 and found["pages"]["p95_ms"] == 118.0
    assert found["pages"]["max_ms"] == 119.0
    assert found["logins"]["login"]["requests"] == 1
    assert found["while_ingesting"]["requests"] == 10
    assert found["after_ingest"]["requests"] == 10
    assert found["per_page"]["conflicts"] is None
    assert found["errors"] == 0


def results_with(records: list[Record]) -> dict[str, Any]:
    """A finished run's results in which only the readers' records vary."""
    counts = {
        "articles": 3, "files": 3, "files_missing": 0, "files_stored_twice": 0,
        "duplicate_actor_keys": 0, "duplicate_source_keys": 0, "file_sources": 3,
    }  # fmt: skip
    summary = "2 files: 2 new, 0 updated, 0 unchanged, 0 failed"
    files = {"files": 2, "new": 2, "updated": 0, "unchanged": 0, "failed": 0}
    return {
        "config": {"users": 1, "preload_articles": 1, "ingest_articles": 2},
        "preload": {"files": {**files, "files": 1, "new": 1}},
        "readers": summarise(records, browsing=0.0, ingest=None),
        "server_errors": {"count": 0, "first": []},
        "ingest": {"exit_status": 0, "files": files, "summary": summary},
        "integrity": {
            "counts": counts,
            "reingest": {"exit_status": 0, "files": {**files, "new": 0, "unchanged": 2}},
        },
    }


def test_a_failed_request_fails_the_run() -> None:
    good = [record("login", 0.0, 10.0)] + [record(name, 1.0, 10.0) for name in PAGE_NAMES]
    assert all(check["ok"] for check in checks(results_with(good)))
    bad = [*good, record("claim", 2.0, 10.0, ok=False)]
    failed = [check["check"] for check in checks(results_with(bad)) if not check["ok"]]
    assert failed == ["reader errors"]


def test_a_page_type_never_requested_fails_the_run() -> None:
    some = [record("login", 0.0, 10.0), record("article", 1.0, 10.0)]
    failed = [check["check"] for check in checks(results_with(some)) if not check["ok"]]
    assert failed == ["every page type requested"]


def test_a_run_that_stopped_early_fails_every_part() -> None:
    results = {"config": {"users": 1}, "error": "migrate failed"}
    assert [check["ok"] for check in checks(results)] == [False, False, False]


def access_line(path: str, query: str, ms: int, at: str) -> str:
    entry = {"time": at, "logger": "gunicorn.access", "path": path, "query": query}
    return json.dumps({**entry, "duration_ms": ms})


def test_server_times_come_from_the_access_log_after_the_logins() -> None:
    log = "\n".join(
        [
            access_line("/", "", 900, "2026-01-01T10:00:00+00:00"),  # the login's redirect
            access_line("/", "", 20, "2026-01-01T10:00:10+00:00"),
            access_line("/claims/7/", "", 30, "2026-01-01T10:00:11+00:00"),
            access_line("/search/", "q=doden", 40, "2026-01-01T10:00:12+00:00"),
            access_line("/static/x.css", "", 1, "2026-01-01T10:00:12+00:00"),
            '{"logger": "gunicorn.error", "message": "Booting worker"}',
        ]
    )
    browsing = datetime(2026, 1, 1, 10, 0, 5, tzinfo=UTC).timestamp()
    found = server_times(log, browsing)
    assert found == {
        "overview": {"requests": 1, "p50_ms": 20.0, "p95_ms": 20.0},
        "claim": {"requests": 1, "p50_ms": 30.0, "p95_ms": 30.0},
        "search": {"requests": 1, "p50_ms": 40.0, "p95_ms": 40.0},
    }


@pytest.mark.parametrize("password", ["-starts-like-an-option", "plain_Pw-0"])
def test_a_password_beginning_with_a_dash_reaches_the_readers_step(password: str) -> None:
    from benchmarks.load.run import reader_args
    from benchmarks.load.steps import parse_args

    args = parse_args(["readers", *reader_args(3, password)])
    assert (args.users, args.password, args.prefix) == (3, password, "reader-")
