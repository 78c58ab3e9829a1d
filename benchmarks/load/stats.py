"""Figures from the readers' recorded requests: counts, rate, and exact percentiles.

Locust's own percentiles are rounded into buckets; the locustfile writes every request
(``name``, ``start`` epoch seconds, ``ms``, ``ok``, ``error``) a JSON object a line, and the
percentiles here are nearest-rank over all of them (as ``benchmarks.pages.percentile``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks.pages import percentile

LOGIN_NAMES = frozenset({"login form", "login"})
PAGE_NAMES = (
    "overview",
    "article list",
    "article",
    "claim",
    "actor",
    "conflicts",
    "search",
)


@dataclass(frozen=True, slots=True)
class Record:
    name: str
    start: float  # epoch seconds
    ms: float
    ok: bool
    error: str | None = None

    @property
    def end(self) -> float:
        return self.start + self.ms / 1000


@dataclass(frozen=True, slots=True)
class Figures:
    requests: int
    errors: int
    per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float


def read_records(path: Path) -> list[Record]:
    """The records the locustfile wrote; none when it wrote nothing."""
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            data = json.loads(line)
            records.append(
                Record(
                    data["name"],
                    float(data["start"]),
                    float(data["ms"]),
                    bool(data["ok"]),
                    data.get("error"),
                )
            )
    return records


def window_seconds(records: Iterable[Record], begin: float | None = None) -> float:
    """From ``begin`` (else the first request's start) to the last request's end."""
    listed = list(records)
    if not listed:
        return 0.0
    first = min(r.start for r in listed) if begin is None else begin
    return max(r.end for r in listed) - first


def figures(records: list[Record], seconds: float) -> Figures | None:
    """Figures of ``records`` over a window of ``seconds``; None when there are none."""
    if not records:
        return None
    times = [r.ms for r in records]
    return Figures(
        requests=len(records),
        errors=sum(1 for r in records if not r.ok),
        per_second=len(records) / seconds if seconds > 0 else 0.0,
        p50_ms=percentile(times, 0.50),
        p95_ms=percentile(times, 0.95),
        p99_ms=percentile(times, 0.99),
        max_ms=max(times),
    )


def _as_dict(found: Figures | None) -> dict[str, Any] | None:
    return None if found is None else asdict(found)


def _per_name(records: list[Record], names: Iterable[str], seconds: float) -> dict[str, Any]:
    return {n: _as_dict(figures([r for r in records if r.name == n], seconds)) for n in names}


def summarise(
    records: list[Record], browsing: float | None, ingest: tuple[float, float] | None
) -> dict[str, Any]:
    """Everything the report shows about the readers.

    The logins and the pages have windows of their own: ``browsing`` (epoch seconds) is when
    every reader had logged in, and page rates are over the time from then to the last page.
    ``pages`` is every page request, ``per_page`` by name, ``logins`` by name; with the
    ingest's (start, end) epoch times, ``while_ingesting`` and ``after_ingest`` split the page
    requests by whether they started while the ingest ran.
    """
    logins = [r for r in records if r.name in LOGIN_NAMES]
    pages = [r for r in records if r.name not in LOGIN_NAMES]
    seconds = window_seconds(pages, browsing)
    others = sorted({r.name for r in pages} - set(PAGE_NAMES))
    result: dict[str, Any] = {
        "browsing_seconds": seconds,
        "login_seconds": window_seconds(logins),
        "pages": _as_dict(figures(pages, seconds)),
        "per_page": _per_name(pages, [*PAGE_NAMES, *others], seconds),
        "logins": _per_name(logins, sorted(LOGIN_NAMES), window_seconds(logins)),
        "requests": len(records),
        "errors": sum(1 for r in records if not r.ok),
        "error_kinds": Counter(f"{r.name}: {r.error}" for r in records if not r.ok).most_common(10),
    }
    if ingest is not None and pages:
        begin, end = ingest
        first = min(r.start for r in pages) if browsing is None else browsing
        last = max(r.end for r in pages)
        during = [r for r in pages if begin <= r.start < end]
        after = [r for r in pages if r.start >= end]
        overlap = max(0.0, min(end, last) - max(begin, first))
        result["while_ingesting"] = _as_dict(figures(during, overlap))
        result["after_ingest"] = _as_dict(figures(after, max(0.0, last - end)))
        result["overlap_seconds"] = overlap
    return result


PATH_NAMES = (
    (re.compile(r"^/$"), "overview"),
    (re.compile(r"^/articles/$"), "article list"),
    (re.compile(r"^/articles/\d+/$"), "article"),
    (re.compile(r"^/claims/\d+/$"), "claim"),
    (re.compile(r"^/actors/\d+/$"), "actor"),
    (re.compile(r"^/conflicts/$"), "conflicts"),
    (re.compile(r"^/search/$"), "search"),
)


def page_name(path: str) -> str | None:
    return next((name for pattern, name in PATH_NAMES if pattern.match(path)), None)


def server_times(log: str, browsing: float) -> dict[str, dict[str, float]]:
    """p50 / p95 of the time gunicorn spent on each page type once browsing started, from
    its access log (newsdb's JSON lines with ``duration_ms``); empty for another format.

    Beside the client's latency this tells the time a request waited for a free worker."""
    durations: dict[str, list[float]] = {}
    for line in log.splitlines():
        if '"gunicorn.access"' not in line or '"duration_ms"' not in line:
            continue
        entry = json.loads(line)
        name = page_name(str(entry.get("path", "")))
        if name and datetime.fromisoformat(entry["time"]).timestamp() >= browsing:
            durations.setdefault(name, []).append(float(entry["duration_ms"]))
    return {
        name: {"requests": len(found), "p50_ms": percentile(found, 0.5),
               "p95_ms": percentile(found, 0.95)}
        for name, found in durations.items()
    }  # fmt: skip
