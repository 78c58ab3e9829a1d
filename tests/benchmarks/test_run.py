"""Smoke tests of the benchmark runner (``python -m benchmarks.run``): it runs end to end on a
small corpus and reports plausible figures. Nothing here asserts a timing.

The runner makes its own databases (a temporary SQLite file, or its own throwaway PostgreSQL
server), so these tests need no test database. Each database's variant runs only when the
suite runs on that database (``--db sqlite`` or ``--db postgres``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from benchmarks.measure import Measured, Sample
from benchmarks.report import markdown_table
from benchmarks.run import parse_summary

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = 200
TIMEOUT = 240  # seconds; a run takes well under a minute on the 2-core CI machine
TABLE_HEADERS = (
    f"## newsdb benchmark: {ARTICLES} articles on",
    "| measurement",
    "| command",
    "| machine",
    "| database",
    "| corpus",
)


def run_benchmark(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], dict]:
    out = tmp_path / "r.json"
    command = [
        sys.executable,
        "-m",
        "benchmarks.run",
        "--articles",
        str(ARTICLES),
        "--out",
        str(out),
        "--corpus",
        str(tmp_path / "corpus"),
        *args,
    ]
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert done.returncode == 0, f"exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done, json.loads(out.read_text(encoding="utf-8"))


def assert_ingest(phase: dict[str, Any], workers: int = 1) -> None:
    assert phase["ok"], phase
    assert phase["workers"] == workers
    assert phase["files"]["new"] == ARTICLES
    assert phase["seconds"] > 0 and phase["crossref_seconds"] > 0
    assert phase["total_seconds"] == phase["seconds"] + phase["crossref_seconds"]
    assert phase["crossref_summary"].startswith(f"{ARTICLES} articles: ")
    assert phase["articles_per_second"] > 0
    assert phase["peak_memory_mb"] > 10
    if workers > 1:  # shared pages are counted once in the PSS sum, once per process in RSS
        assert phase["peak_memory_mb"] <= phase["peak_rss_sum_mb"]
    assert phase["database_mb"] > 0
    counts = phase["counts"]
    assert counts["articles"] == ARTICLES
    for name in ("claims", "mentions", "actors", "sources"):
        assert counts[name] > 0, name
    assert counts["duplicate_actor_keys"] == counts["duplicate_source_keys"] == 0
    assert 0 <= counts["suggestions_within_a_story"] <= counts["link_suggestions"]


def assert_pages(phase: dict[str, Any]) -> None:
    assert phase["ok"], phase
    names = {page["name"] for page in phase["pages"]}
    assert {"claims by actor (admin)", "article", "actor", "conflicts", "search"} <= names
    for page in phase["pages"]:
        assert page["status"] == 200, page
        assert page["queries"] > 0, page
        assert 0 < page["p50_ms"] <= page["p95_ms"], page


def assert_table(stdout: str) -> None:
    for header in TABLE_HEADERS:
        assert header in stdout, header


@pytest.mark.skipif("config.getoption('newsdb_db') != 'sqlite'", reason="runs with --db sqlite")
def test_sqlite_run(tmp_path: Path) -> None:
    only = "cold,reingest,pages,extract,baseline"
    done, results = run_benchmark(tmp_path, "--db", "sqlite", "--only", only)
    assert results["ok"]
    assert results["articles"] == ARTICLES
    assert results["corpus"]["articles"] == ARTICLES and results["corpus"]["bytes"] > 0
    phases = results["phases"]
    assert set(phases) == {"cold", "reingest", "pages", "extract", "no_extraction", "baseline"}
    assert_ingest(phases["cold"])
    assert any(v for v in phases["cold"]["rss_mb"].values())
    reingest = phases["reingest"]
    assert reingest["ok"] and reingest["unchanged"] == ARTICLES and reingest["seconds"] > 0
    assert_pages(phases["pages"])
    extract = phases["extract"]
    assert extract["articles"] == ARTICLES and extract["articles_per_second"] > 0
    assert extract["claims"] > 0
    no_extraction, baseline = phases["no_extraction"], phases["baseline"]
    assert no_extraction["ok"] and no_extraction["articles"] == ARTICLES
    assert baseline["ok"] and baseline["articles"] == ARTICLES
    assert baseline["seconds"] > 0 and baseline["ratio"] > 0
    # the whole pass reads and parses the files as well as writing
    assert baseline["seconds_end_to_end"] > baseline["seconds"]
    assert baseline["ratio_end_to_end"] > baseline["ratio"]
    assert "both reading and parsing the files" in done.stdout
    assert "suggestions within one story" in done.stdout
    assert results["checks"] and all(c["result"] != "FAILED" for c in results["checks"])
    assert_table(done.stdout)
    assert "SQLite" in results["machine"]["database"]


@pytest.mark.skipif("config.getoption('newsdb_db') != 'postgres'", reason="needs --db postgres")
def test_postgres_run_with_workers(tmp_path: Path) -> None:
    done, results = run_benchmark(
        tmp_path, "--db", "postgres", "--workers", "2", "--only", "cold,parallel,pages"
    )
    assert results["ok"]
    phases = results["phases"]
    assert set(phases) == {"cold", "pages", "parallel"}
    assert_ingest(phases["cold"])
    assert_ingest(phases["parallel"], workers=2)
    assert phases["parallel"]["speedup"] > 0
    assert_pages(phases["pages"])
    assert_table(done.stdout)
    assert "parallel speed-up" in done.stdout
    assert "PostgreSQL" in results["machine"]["database"]


def test_runner_never_starts_django() -> None:
    code = "import sys, benchmarks.run; sys.exit('django.conf' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False)
    assert done.returncode == 0


def test_summary_line_is_parsed() -> None:
    line = "100 files: 0 new, 2 updated, 97 unchanged, 1 failed; 5 actors, 0 claims, 0 mentions"
    assert parse_summary(f"noise\n{line}\n") == {
        "files": 100,
        "new": 0,
        "updated": 2,
        "unchanged": 97,
        "failed": 1,
    }
    assert parse_summary("no summary here") is None


def test_rss_profile_takes_the_last_sample_before_each_point() -> None:
    samples = [Sample(t, kb) for t, kb in ((0.5, 100), (1.5, 200), (2.5, 300), (3.5, 400))]
    measured = Measured(["x"], 0, seconds=4.0, max_rss_kb=450, samples=samples)
    assert measured.rss_profile_mb() == {
        "25": 100 / 1024,
        "50": 200 / 1024,
        "75": 300 / 1024,
        "100": 400 / 1024,
    }
    assert measured.peak_rss_kb == 450
    assert measured.rss_max_from(0.5) == 400


def test_markdown_table_is_aligned() -> None:
    table = markdown_table(["a", "bb"], [("xxx", "y")]).splitlines()
    assert table == ["| a   | bb |", "|-----|----|", "| xxx | y  |"]
