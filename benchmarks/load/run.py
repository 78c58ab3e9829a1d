"""The load test: logged-in readers browse under gunicorn while new articles are ingested.

    python -m benchmarks.load.run [--users 50] [--seconds 60] [--ingest-articles 1000]
        [--preload 2000] [--workers 4] [--think 0.5 1.5] [--seed 1] [--out FILE]

1. a throwaway PostgreSQL server with production durability (``tests.pgserver``, stopped at
   the end), migrated; a generated corpus of preload + ingest articles (``benchmarks.corpus``,
   cached under ``--cache``) split into two disjoint slices; the preload ingested, reader
   accounts made (``benchmarks.load.steps readers``);
2. gunicorn with ``--workers`` sync workers on a free loopback port, in production mode
   (``DEBUG=false``, a random ``SECRET_KEY``, ``ALLOWED_HOSTS=127.0.0.1``);
3. locust, headless, bounded in users and time: every reader logs in through the admin form
   first; when all have, they browse for ``--seconds`` and ``manage.py ingest`` of the second
   slice (all new files) starts at the same moment;
4. the figures (every request is recorded: exact p50 / p95 / p99 overall and per page, also
   split by whether the ingest was running; gunicorn's own time per page from its access log;
   its CPU time per login and per page, and how busy the machine was), and the integrity
   checks: the ingest exited 0 with every file new, articles = preload + ingest, no duplicate
   actor or source keys, every file stored exactly once, and a second ingest of the slice
   finds every file unchanged.

The table is printed (markdown), the figures go to ``--out`` as JSON (default
``benchmarks/results/load-<users>u-<seconds>s-<ingest>.json``), the logs of gunicorn, locust
and the ingest to a folder under ``--cache``. The exit status is 1 when a reader request
failed or a check did not pass; never because of a timing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shlex
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.databases import Database, open_databases
from benchmarks.load import report
from benchmarks.load.corpus import Slices, make_slices
from benchmarks.load.processes import (
    Background,
    cpu_between,
    cpu_snapshot,
    free_port,
    wait_for_http,
)
from benchmarks.load.stats import read_records, server_times, summarise
from benchmarks.machine import machine_info
from benchmarks.measure import Measured, run_measured
from benchmarks.run import parse_summary, summary_line

ROOT = Path(__file__).resolve().parents[2]
LOCUSTFILE = Path(__file__).with_name("locustfile.py")
# Both slices are one corpus, so their file sources share it.
INGEST_OPTIONS = ("--no-progress", "--corpus", "load")
PREFIX = "reader-"
STOP_TIMEOUT = 30  # seconds locust lets a reader finish its page after the time is up
CPU_WARNING = "CPU usage above"  # locust's warning that the client itself was the bottleneck
LOGIN_ALLOWANCE = 300  # seconds the readers may take to log in before browsing starts
INGEST_TIMEOUT = 3600.0  # seconds the runner waits for the concurrent ingest at most
STATIC_TIMEOUT = 300.0
ERROR_LINE = re.compile(r'"level": "(ERROR|CRITICAL)"|\[(ERROR|CRITICAL)\]')


def reader_args(users: int, password: str) -> tuple[str, ...]:
    """``steps readers``' arguments. The password goes as ``--password=…``: a random one may
    begin with "-", which argparse would otherwise take for an option."""
    return ("--users", str(users), f"--password={password}", "--prefix", PREFIX)


@dataclass(frozen=True, slots=True)
class Config:
    users: int
    seconds: int
    ingest: int
    preload: int
    workers: int
    think: tuple[float, float]
    seed: int
    cache: Path
    out: Path
    command: str


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def django_env(database: Database, static_root: Path) -> dict[str, str]:
    """Production mode for every Django child: gunicorn, the ingests, the steps."""
    env = {k: v for k, v in os.environ.items() if k != "NEWSDB_PUBLIC_READ"}
    env.update(
        DATABASE_URL=database.url,
        STATIC_ROOT=str(static_root),  # collected for this run: the repository is left alone
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SETTINGS_MODULE="newsdb.settings",
        LANGUAGE_CODE="en",  # the ingest's summary line is parsed in English
        PYTHONUNBUFFERED="1",
    )
    return env


class LoadTest:
    """One run: its configuration, its database, its log folder, and what it found."""

    def __init__(self, config: Config, slices: Slices, database: Database, logs: Path) -> None:
        self.config = config
        self.slices = slices
        self.env = django_env(database, logs / "static")
        self.logs = logs
        self.password = secrets.token_urlsafe(16)

    def child(self, *args: str) -> Measured:
        return run_measured([sys.executable, *args], env=self.env, cwd=ROOT)

    def step(self, *args: str) -> dict[str, Any]:
        """``benchmarks.load.steps``'s JSON; raises with the output when it failed."""
        done = self.child("-m", "benchmarks.load.steps", *args)
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if not done.ok or not lines:
            raise RuntimeError(f"steps {args[0]} failed:\n{done.tail()}")
        return json.loads(lines[-1])

    def ingest_command(self, folder: Path) -> list[str]:
        return [sys.executable, "manage.py", "ingest", str(folder), *INGEST_OPTIONS]

    def ingest(self, folder: Path) -> dict[str, Any]:
        done = run_measured(self.ingest_command(folder), env=self.env, cwd=ROOT)
        return {
            "exit_status": done.returncode,
            "seconds": done.seconds,
            "summary": summary_line(done.stdout),
            "files": parse_summary(done.stdout),
            "error": None if done.ok else done.tail(),
        }

    def prepare(self) -> dict[str, Any]:
        """Static files collected (as a deployment does) while the database is filled."""
        command = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
        static = Background(command, env=self.env, cwd=ROOT, log=self.logs / "collectstatic.log")
        try:
            preload = self.fill()
        finally:
            collected = static.wait(STATIC_TIMEOUT)
        if collected != 0:
            raise RuntimeError(f"collectstatic failed:\n{static.tail()}")
        return preload

    def fill(self) -> dict[str, Any]:
        migrated = self.child("manage.py", "migrate", "-v0")
        if not migrated.ok:
            raise RuntimeError(f"migrate failed:\n{migrated.tail()}")
        log(f"preload: ingesting {self.config.preload:,} articles ...")
        preload = self.ingest(self.slices.preload)
        if preload["exit_status"] != 0:
            raise RuntimeError(f"the preload ingest failed:\n{preload['error']}")
        log(f"  {preload['seconds']:.1f} s: {preload['summary']}")
        targets = self.step("readers", *reader_args(self.config.users, self.password))
        (self.logs / "targets.json").write_text(json.dumps(targets), encoding="utf-8")
        return preload

    def gunicorn(self) -> tuple[Background, str]:
        port = free_port()
        command = [
            sys.executable, "-m", "gunicorn", "newsdb.wsgi:application",
            "--bind", f"127.0.0.1:{port}",
            "--workers", str(self.config.workers),
            "--timeout", "60",  # as in production (gunicorn.conf.py)
            "--graceful-timeout", "10",
            "--log-level", "warning",
            "--error-logfile", "-",
        ]  # fmt: skip
        server = Background(command, env=self.env, cwd=ROOT, log=self.logs / "gunicorn.log")
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for_http(f"{base}/admin/login/", server)
        except BaseException:
            server.stop()
            raise
        return server, base

    def locust(self, base: str) -> Background:
        users = str(self.config.users)
        bound = f"{self.config.seconds + LOGIN_ALLOWANCE}s"  # the logins come first
        command = [
            sys.executable, "-m", "locust", "-f", str(LOCUSTFILE),
            "--headless", "-u", users, "-r", users, "-t", bound,
            "--stop-timeout", str(STOP_TIMEOUT),
            "--host", base,
            "--only-summary",
            "--csv", str(self.logs / "locust"),
            "--loglevel", "WARNING",
        ]  # fmt: skip
        env = dict(os.environ)
        env.update(
            NEWSDB_LOAD_PASSWORD=self.password,
            NEWSDB_LOAD_ACCOUNTS=users,
            NEWSDB_LOAD_PREFIX=PREFIX,
            NEWSDB_LOAD_USERS=users,
            NEWSDB_LOAD_SECONDS=str(self.config.seconds),
            NEWSDB_LOAD_READY=str(self.ready_file),
            NEWSDB_LOAD_TARGETS=str(self.logs / "targets.json"),
            NEWSDB_LOAD_RECORDS=str(self.logs / "requests.jsonl"),
            NEWSDB_LOAD_WAIT_MIN=str(self.config.think[0]),
            NEWSDB_LOAD_WAIT_MAX=str(self.config.think[1]),
        )
        return Background(command, env=env, cwd=ROOT, log=self.logs / "locust.log")

    @property
    def ready_file(self) -> Path:
        return self.logs / "browsing-started"

    def wait_for_logins(self, readers: Background) -> float:
        """The moment every reader had logged in and browsing started (epoch seconds)."""
        deadline = time.monotonic() + LOGIN_ALLOWANCE
        while time.monotonic() < deadline and readers.running:
            if self.ready_file.exists() and self.ready_file.read_text().endswith("\n"):
                return float(self.ready_file.read_text())
            time.sleep(0.1)
        raise RuntimeError(f"the readers did not all log in:\n{readers.tail()}")

    def under_load(self) -> dict[str, Any]:
        """Readers browse while the ingest runs; the readers' figures and the ingest's."""
        server, base = self.gunicorn()
        try:
            log(f"gunicorn ({self.config.workers} workers) at {base}; readers log in ...")
            started = cpu_snapshot(server.process.pid)
            readers = self.locust(base)
            try:
                browsing = self.wait_for_logins(readers)
                logged_in = cpu_snapshot(server.process.pid)
                log(f"readers browse for {self.config.seconds} s while the ingest runs ...")
                command = self.ingest_command(self.slices.ingest)
                ingest = Background(command, env=self.env, cwd=ROOT, log=self.logs / "ingest.log")
                try:
                    locust_status = readers.wait(self.config.seconds + STOP_TIMEOUT + 60)
                    browsed = cpu_snapshot(server.process.pid)
                    ingest_status = ingest.wait(INGEST_TIMEOUT)
                finally:
                    ingest.stop()
            finally:
                readers.stop()
        finally:
            server.stop()
        records = read_records(self.logs / "requests.jsonl")
        window = (ingest.started, ingest.ended or time.time())
        return {
            "readers": summarise(records, browsing, window),
            "locust_exit_status": locust_status,
            "ingest": {
                "exit_status": ingest_status,
                "seconds": ingest.seconds,
                "summary": summary_line(ingest.output()),
                "files": parse_summary(ingest.output()),
                "error": None if ingest_status == 0 else ingest.tail(),
            },
            "server_errors": server_errors(server.output()),
            "server_times": server_times(server.output(), browsing),
            "cpu": {
                "login_phase": cpu_between(started, logged_in),
                "browsing": cpu_between(logged_in, browsed),
            },
            "client_cpu_warning": CPU_WARNING in readers.output(),
        }

    def integrity(self) -> dict[str, Any]:
        folders = (str(self.slices.preload), str(self.slices.ingest))
        counts = self.step("check", "--files", *folders)
        log("second ingest of the same files ...")
        return {"counts": counts, "reingest": self.ingest(self.slices.ingest)}


def server_errors(output: str) -> dict[str, Any]:
    """Errors gunicorn and Django logged (JSON lines, or gunicorn's own ``[ERROR]`` lines)."""
    found = [line for line in output.splitlines() if ERROR_LINE.search(line)]
    return {"count": len(found), "first": [line[:400] for line in found[:3]]}


def load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def run(config: Config) -> dict[str, Any]:
    """The whole load test; its results as written to JSON."""
    results: dict[str, Any] = {
        "command": config.command,
        "config": {
            "users": config.users,
            "seconds": config.seconds,
            "ingest_articles": config.ingest,
            "preload_articles": config.preload,
            "gunicorn_workers": config.workers,
            "think_seconds": list(config.think),
            "seed": config.seed,
        },
        "machine": machine_info(ROOT),
        "load_average_before": load_average(),
    }
    log(f"corpus: {config.preload:,} + {config.ingest:,} articles under {config.cache} ...")
    slices = make_slices(config.cache, config.preload, config.ingest, config.seed)
    results["corpus"] = {"directory": str(slices.source), "reused": slices.reused}
    logs = config.cache / f"load-run-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    logs.mkdir(parents=True)
    results["logs"] = str(logs)
    with open_databases("postgres") as databases:
        results["machine"]["database"] = databases.version
        test = LoadTest(config, slices, databases.new(), logs)
        try:
            results["preload"] = test.prepare()
            results.update(test.under_load())
            results["integrity"] = test.integrity()
        except RuntimeError as error:
            results["error"] = str(error)
    shutil.rmtree(logs / "static", ignore_errors=True)  # collected again by every run
    results["load_average_after"] = load_average()
    results["checks"] = report.checks(results)
    results["ok"] = "error" not in results and all(c["ok"] for c in results["checks"])
    return results


def parse_args(argv: Sequence[str] | None) -> Config:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.load.run",
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--users", type=int, default=50, help="concurrent readers")
    parser.add_argument("--seconds", type=int, default=60, help="how long they read")
    parser.add_argument("--ingest-articles", type=int, default=1000, help="ingested meanwhile")
    parser.add_argument("--preload", type=int, default=2000, help="articles there beforehand")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument(
        "--think", type=float, nargs=2, default=(0.5, 1.5), metavar=("MIN", "MAX"),
        help="seconds a reader waits between pages, uniformly (default: 0.5 1.5)",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=1, help="the corpus generator's seed")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/newsdb-bench"))
    parser.add_argument("--out", type=Path, help="JSON results file")
    raw = sys.argv[1:] if argv is None else list(argv)
    args = parser.parse_args(raw)
    counts = (args.users, args.seconds, args.ingest_articles, args.preload, args.workers)
    if min(counts) < 1:
        parser.error("--users, --seconds, --ingest-articles, --preload, --workers must be ≥ 1")
    if not 0 <= args.think[0] <= args.think[1]:
        parser.error("--think MIN MAX needs 0 ≤ MIN ≤ MAX")
    name = f"load-{args.users}u-{args.seconds}s-{args.ingest_articles}.json"
    out = args.out or ROOT / "benchmarks" / "results" / name
    return Config(
        users=args.users,
        seconds=args.seconds,
        ingest=args.ingest_articles,
        preload=args.preload,
        workers=args.workers,
        think=(args.think[0], args.think[1]),
        seed=args.seed,
        cache=args.cache.resolve(),
        out=out.resolve(),
        command=shlex.join(["python", "-m", "benchmarks.load.run", *raw]),
    )


def main(argv: Sequence[str] | None = None) -> int:
    config = parse_args(argv)
    results = run(config)
    config.out.parent.mkdir(parents=True, exist_ok=True)
    config.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(report.render(results))
    if "error" in results:
        print(f"\nERROR: {results['error']}")
    print(f"\nresults: {config.out}\nlogs: {results['logs']}")
    return 0 if results["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
