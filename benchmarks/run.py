"""Measure the ingest and the pages at a corpus size, on SQLite or PostgreSQL.

    python -m benchmarks.run --articles 100000 --db sqlite|postgres [--workers N]
        [--cold-workers N] [--seed 1]
        [--corpus DIR] [--out FILE] [--only cold,reingest,pages,extract,baseline,parallel]
        [--extract-sample 5000] [--profile]

Steps (each measured one a child process; this runner never starts Django):

1. the corpus: ``benchmarks.corpus.write_corpus`` (reused when already there; its time is
   reported apart from the ingest);
2. cold ingest into a fresh, migrated database, with ``--cold-workers`` processes (default 1):
   the articles stored with extraction (``manage.py ingest DIR --no-crossref``), then their
   claims cross-referenced (``manage.py suggest_links --pending``), as ``ingest DIR`` alone
   does one after the other: the time of each and their total, peak RSS and RSS over time,
   database size and row counts;
3. re-ingest of the unchanged corpus into the same database: every file must be unchanged;
4. pages on that database: p50 / p95 latency and query count (``benchmarks.pages``);
5. extraction alone on the first ``--extract-sample`` files (``benchmarks.phases extract``);
6. ingest without extraction into a fresh database, then the baseline on it: the plain bulk
   write of the same article rows (``benchmarks.baseline``), and the ratio of their speeds;
7. with ``--workers N`` (N > 1): the cold ingest again with N workers on a fresh database,
   the speed-up of storing the articles against the cold ingest, and no duplicate actors or
   sources.

SQLite databases are files in a temporary folder; for PostgreSQL one throwaway server with
production durability is started for the run (``tests.pgserver``) and each fresh database is
a ``CREATE DATABASE``. The table is printed (markdown) and the figures are written as JSON to
``--out`` (default ``benchmarks/results/<db>-<articles>.json``). The exit status is 1 when a
step failed (an error, a page not answering 200, a re-ingest that was not all unchanged,
duplicates), not when a target was missed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import report
from benchmarks.databases import Database, Databases, DbKind, open_databases
from benchmarks.machine import machine_info
from benchmarks.measure import Measured, run_measured

ROOT = Path(__file__).resolve().parents[1]
PHASES = ("cold", "reingest", "pages", "extract", "baseline", "parallel")
ON_COLD_DB = ("cold", "reingest", "pages", "extract")  # measured on the cold ingest's database
DEFAULT_EXTRACT_SAMPLE = 5_000
SUMMARY_RE = re.compile(
    r"(?P<files>\d+) files: (?P<new>\d+) new, (?P<updated>\d+) updated, "
    r"(?P<unchanged>\d+) unchanged, (?P<failed>\d+) failed"
)


@dataclass(frozen=True, slots=True)
class Config:
    articles: int
    db: DbKind
    workers: int
    cold_workers: int
    seed: int
    corpus: Path
    out: Path
    only: frozenset[str]
    extract_sample: int
    profile: bool
    command: str
    only_given: bool = False  # --only named the steps (else: all of them)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def mb(kb: int) -> float:
    return kb / 1024


def _mb_or_none(kb: int | None) -> float | None:
    return None if kb is None else mb(kb)


# ``suggest_links --pending``'s summary line.
CROSSREF_RE = re.compile(r"^(\d+) articles: .*$", re.MULTILINE)


def parse_summary(stdout: str) -> dict[str, int] | None:
    """The counts of the ingest command's summary line, if it printed one."""
    found = SUMMARY_RE.findall(stdout)
    if not found:
        return None
    keys = ("files", "new", "updated", "unchanged", "failed")
    return dict(zip(keys, map(int, found[-1]), strict=True))


def summary_line(stdout: str) -> str | None:
    lines = [line for line in stdout.splitlines() if SUMMARY_RE.search(line)]
    return lines[-1].strip() if lines else None


class Runner:
    """Runs the steps for one configuration and collects their figures."""

    def __init__(self, config: Config, databases: Databases) -> None:
        self.config = config
        self.databases = databases
        # DEBUG is off, as in production: the pages need their static files collected, with
        # the hashed names the manifest storage gives them.
        self.static_root = Path(tempfile.mkdtemp(prefix="newsdb-bench-static-"))
        self.static_collected = False

    # -- children -----------------------------------------------------------------------------

    def env(self, database: Database) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DATABASE_URL=database.url,
            DEBUG="0",
            SECRET_KEY="bench",
            DJANGO_SETTINGS_MODULE="newsdb.settings",
            STATIC_ROOT=str(self.static_root),
            LANGUAGE_CODE="en",  # the summary line is parsed in English
            PYTHONUNBUFFERED="1",
        )
        return env

    def child(self, command: Sequence[str], database: Database, tree: bool = False) -> Measured:
        return run_measured(command, env=self.env(database), cwd=ROOT, tree=tree)

    def fresh(self) -> Database:
        """A new, empty, migrated database (migrating is not measured)."""
        database = self.databases.new()
        done = self.child([sys.executable, "manage.py", "migrate", "-v0"], database)
        if not done.ok:
            raise RuntimeError(f"migrate failed on {database.name}:\n{done.tail()}")
        return database

    def collect_static(self, database: Database) -> None:
        if not self.static_collected:
            command = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
            done = self.child(command, database)
            if not done.ok:
                raise RuntimeError(f"collectstatic failed:\n{done.tail()}")
            self.static_collected = True

    def phase(self, name: str, database: Database, *args: str) -> tuple[Measured, dict[str, Any]]:
        """Run ``benchmarks.phases <name>``; its JSON, or ``ok: False`` with the error."""
        command = [sys.executable, "-m", "benchmarks.phases", name, *args]
        done = self.child(command, database)
        result: dict[str, Any] = {}
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.ok and lines:
            result = json.loads(lines[-1])
        else:
            result = {"ok": False, "error": done.tail() or f"exit status {done.returncode}"}
        result.setdefault("ok", True)
        result["wall_seconds"] = done.seconds
        result["peak_rss_mb"] = mb(done.peak_rss_kb)
        return done, result

    # -- steps --------------------------------------------------------------------------------

    def ingest_command(self, workers: int, *extra: str) -> list[str]:
        command = [sys.executable, "manage.py", "ingest", str(self.config.corpus), "--no-progress"]
        return command + (["--workers", str(workers)] if workers > 1 else []) + list(extra)

    def measured(
        self, command: list[str], database: Database, profile: Path | None, tree: bool
    ) -> Measured:
        if profile is not None:
            spy = ["record", "--format", "speedscope", "-o", str(profile), "--subprocesses"]
            command = [str(py_spy()), *spy, "--", *command]
        return self.child(command, database, tree=tree or profile is not None)

    def cold(self, database: Database, workers: int, profile: Path | None = None) -> dict:
        """Ingest the corpus into an empty database and weigh the result: the articles stored
        with extraction (``ingest --no-crossref``), then their cross-referencing
        (``suggest_links --pending``), which ``ingest`` alone does at its end."""
        command = self.ingest_command(workers, "--no-crossref")
        done = self.measured(command, database, profile, tree=workers > 1)
        crossref_command = [
            sys.executable, "manage.py", "suggest_links", "--pending", "--no-progress",
            "--workers", str(workers),
        ]  # fmt: skip
        crossref_profile = profile and profile.with_name(profile.name.replace("cold", "crossref"))
        crossref = self.measured(crossref_command, database, crossref_profile, tree=workers > 1)
        summary = parse_summary(done.stdout)
        compared = CROSSREF_RE.search(crossref.stdout)
        articles = self.config.articles
        ok = done.ok and summary is not None and summary["new"] == articles
        crossref_ok = crossref.ok and compared is not None and int(compared[1]) == articles
        result: dict[str, Any] = {
            "workers": workers,
            "seconds": done.seconds,
            "articles_per_second": articles / done.seconds,
            "crossref_seconds": crossref.seconds,
            "total_seconds": done.seconds + crossref.seconds,
            "peak_memory_mb": mb(max(done.peak_memory_kb, crossref.peak_memory_kb)),
            "crossref_peak_memory_mb": mb(crossref.peak_memory_kb),
            "peak_rss_sum_mb": mb(max(done.peak_rss_kb, crossref.peak_rss_kb)),
            "rss_mb": done.rss_profile_mb(),
            "rss_max_from_25_mb": _mb_or_none(done.rss_max_from(0.25)),
            "rss_samples": len(done.samples),
            "summary": summary_line(done.stdout),
            "crossref_summary": compared[0].strip() if compared else None,
            "files": summary,
            "ok": ok and crossref_ok,
        }
        if not ok:
            result["error"] = done.tail() or f"exit status {done.returncode}"
        elif not crossref_ok:
            result["error"] = crossref.tail() or f"exit status {crossref.returncode}"
        if profile is not None:
            result["profile"] = str(profile)
            result["crossref_profile"] = str(crossref_profile)
        result["database_mb"] = database.size_bytes / 2**20
        _counted, counts = self.phase("counts", database)
        result["counts"] = counts
        if not counts.get("ok", True):
            result["ok"] = False
        return result

    def reingest(self, database: Database) -> dict[str, Any]:
        done = self.child(self.ingest_command(1), database)
        summary = parse_summary(done.stdout)
        unchanged = summary["unchanged"] if summary else None
        result: dict[str, Any] = {
            "seconds": done.seconds,
            "unchanged": unchanged,
            "summary": summary_line(done.stdout),
            "peak_rss_mb": mb(done.peak_rss_kb),
            "ok": done.ok and unchanged == self.config.articles,
        }
        if not result["ok"]:
            result["error"] = done.tail() or f"{unchanged} unchanged of {self.config.articles}"
        return result

    def baseline(self) -> tuple[dict[str, Any], dict[str, Any]]:
        database = self.fresh()
        corpus = str(self.config.corpus)
        log("ingest without extraction ...")
        _done, no_extraction = self.phase("no_extraction", database, "--corpus", corpus)
        log("baseline ...")
        _done, baseline = self.phase("baseline", database, "--corpus", corpus)
        if no_extraction.get("seconds") and baseline.get("seconds"):
            baseline["ratio"] = baseline["seconds"] / no_extraction["seconds"]
            baseline["ratio_end_to_end"] = baseline["seconds_end_to_end"] / no_extraction["seconds"]
        return no_extraction, baseline

    def run(self, results: dict[str, Any]) -> None:
        """Every step asked for, its figures put in ``results["phases"]`` as it finishes."""
        config, phases = self.config, results["phases"]
        parallel = "parallel" in config.only and config.workers > 1
        cold: dict[str, Any] | None = None
        if parallel or any(name in config.only for name in ON_COLD_DB):
            database = self.fresh()
            log(f"cold ingest, {config.cold_workers} worker(s) ...")
            cold = phases["cold"] = self.cold(database, config.cold_workers, profile_path(config))
            log(f"  {report.fmt_seconds(cold['seconds'])}: {cold['summary']}")
            if "reingest" in config.only:
                log("re-ingest, unchanged ...")
                phases["reingest"] = self.reingest(database)
            if "pages" in config.only:
                log("pages ...")
                self.collect_static(database)
                phases["pages"] = self.phase("pages", database)[1]
            if "extract" in config.only:
                log("extraction alone ...")
                sample = str(config.extract_sample)
                args = ("--corpus", str(config.corpus), "--sample", sample)
                phases["extract"] = self.phase("extract", database, *args)[1]
        if "baseline" in config.only:
            phases["no_extraction"], phases["baseline"] = self.baseline()
        if parallel:
            log(f"cold ingest, {config.workers} workers ...")
            result = self.cold(self.fresh(), config.workers)
            if cold and cold["ok"] and result["ok"]:
                result["speedup"] = cold["seconds"] / result["seconds"]
            phases["parallel"] = result


def py_spy() -> Path:
    found = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(found).exists():
        raise SystemExit("--profile needs py-spy on PATH")
    return Path(found)


def profile_path(config: Config) -> Path | None:
    if not config.profile:
        return None
    return config.out.with_name(f"{config.out.stem}.cold.speedscope.json")


def make_corpus(config: Config) -> dict[str, Any]:
    from benchmarks.corpus import write_corpus

    log(f"corpus: {config.articles:,} articles in {config.corpus} ...")
    started = time.perf_counter()
    info = write_corpus(config.corpus, config.articles, config.seed)
    return {
        "directory": str(info.directory),
        "articles": info.count,
        "bytes": info.total_bytes,
        "seconds": time.perf_counter() - started,
        "reused": info.reused,
        "seed": config.seed,
    }


def failed(results: dict[str, Any], rows: Sequence[report.Row]) -> bool:
    phases = results["phases"].values()
    return any(not phase.get("ok", True) for phase in phases) or any(
        row.result == report.FAILED for row in rows
    )


def benchmark(config: Config) -> tuple[dict[str, Any], list[report.Row]]:
    """Run everything; the results (as written to JSON) and the table's rows."""
    results: dict[str, Any] = {
        "command": config.command,
        "articles": config.articles,
        "db": config.db,
        "workers": config.workers,
        "seed": config.seed,
        "only": sorted(config.only),
        "machine": machine_info(ROOT),
        "corpus": make_corpus(config),
        "phases": {},
        "notes": [],
    }
    if config.only_given and "parallel" in config.only and config.workers < 2:
        results["notes"].append("parallel ingest not run: it needs --workers N with N > 1")
    with open_databases(config.db) as databases:
        results["machine"]["database"] = databases.version
        runner = Runner(config, databases)
        try:
            runner.run(results)
        except RuntimeError as error:  # a database could not be made
            results["error"] = str(error)
        finally:
            shutil.rmtree(runner.static_root, ignore_errors=True)
    others = report.other_sizes(config.out.parent, config.db, config.articles)
    rows = report.build_rows(results, others)
    results["checks"] = report.rows_as_json(rows)
    results["ok"] = not failed(results, rows) and "error" not in results
    return results, rows


def parse_args(argv: Sequence[str] | None) -> Config:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run",
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--articles", type=int, default=100_000, help="corpus size")
    parser.add_argument("--db", choices=("sqlite", "postgres"), required=True)
    parser.add_argument("--workers", type=int, default=1, help="also ingest with N workers")
    parser.add_argument(
        "--cold-workers", type=int, default=1, help="processes of the cold ingest (default 1)"
    )
    parser.add_argument("--seed", type=int, default=1, help="the corpus generator's seed")
    parser.add_argument("--corpus", type=Path, help="corpus folder (default under /tmp)")
    parser.add_argument("--out", type=Path, help="JSON results file")
    parser.add_argument(
        "--only",
        default=None,
        help=f"comma-separated steps to run, of {','.join(PHASES)} (default: all)",
    )
    parser.add_argument(
        "--extract-sample",
        type=int,
        default=DEFAULT_EXTRACT_SAMPLE,
        help="files timed for extraction alone (default: %(default)s, or all if fewer)",
    )
    parser.add_argument(
        "--profile", action="store_true", help="record the cold ingest with py-spy (speedscope)"
    )
    raw = sys.argv[1:] if argv is None else list(argv)
    args = parser.parse_args(raw)
    named = args.only if args.only is not None else ",".join(PHASES)
    only = frozenset(name.strip() for name in named.split(",") if name.strip())
    unknown = only - set(PHASES)
    if unknown:
        parser.error(f"--only: unknown steps {', '.join(sorted(unknown))}")
    if min(args.articles, args.workers, args.cold_workers, args.extract_sample) < 1:
        parser.error(
            "--articles, --workers, --cold-workers and --extract-sample must be at least 1"
        )
    corpus = args.corpus or Path(f"/tmp/newsdb-bench/corpus-{args.articles}-{args.seed}")
    out = args.out or ROOT / "benchmarks" / "results" / f"{args.db}-{args.articles}.json"
    return Config(
        articles=args.articles,
        db=args.db,
        workers=args.workers,
        cold_workers=args.cold_workers,
        seed=args.seed,
        corpus=corpus.resolve(),
        out=out.resolve(),
        only=only,
        extract_sample=args.extract_sample,
        profile=args.profile,
        command=shlex.join(["python", "-m", "benchmarks.run", *raw]),
        only_given=args.only is not None,
    )


def main(argv: Sequence[str] | None = None) -> int:
    config = parse_args(argv)
    if config.profile:
        py_spy()  # fail before the long run, not after
    results, rows = benchmark(config)
    config.out.parent.mkdir(parents=True, exist_ok=True)
    config.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(report.render(results, rows))
    for note in results["notes"]:
        print(f"- {note}")
    if "error" in results:
        print(f"\nERROR: {results['error']}")
    if results["phases"].get("cold", {}).get("profile"):
        print(f"\nprofile of the cold ingest (speedscope): {results['phases']['cold']['profile']}")
    print(f"\nresults: {config.out}")
    return 0 if results["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
