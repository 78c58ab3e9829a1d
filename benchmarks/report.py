"""The benchmark's verdicts and its table: each figure beside its target, ok or MISSED.

Targets (from the issue): 100,000 articles ingested in under 10 minutes on each database; an
unchanged re-ingest in under 60 s; the ingest without extraction at least half as fast as the
baseline; peak RSS under 500 MB and flat; every page's p95 under 300 ms (search under 200 ms on
PostgreSQL); query counts independent of the corpus size. Targets that are a total time are
scaled to the corpus size (10 min × articles / 100,000).

A row is ``ok`` or ``MISSED`` against its target, ``FAILED`` when the step itself went wrong
(an error, a page not answering 200, a re-ingest that did not find every file unchanged,
duplicate actors or sources), and empty when it has no target.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REFERENCE_ARTICLES = 100_000
COLD_SECONDS = 600.0  # per REFERENCE_ARTICLES
REINGEST_SECONDS = 60.0  # per REFERENCE_ARTICLES
BASELINE_RATIO = 0.5  # no-extraction speed / baseline speed, at least
RSS_MB = 500.0
FLAT_GROWTH = 1.25  # RSS after 25 % of the run at most this times the RSS at 25 %
PAGE_P95_MS = 300.0
SEARCH_P95_MS_POSTGRES = 200.0

OK, MISSED, FAILED, NONE = "ok", "MISSED", "FAILED", ""


@dataclass(frozen=True, slots=True)
class Row:
    measurement: str
    value: str
    target: str
    result: str


def verdict(met: bool) -> str:
    return OK if met else MISSED


def scaled(seconds_per_reference: float, articles: int) -> float:
    return seconds_per_reference * articles / REFERENCE_ARTICLES


def fmt_seconds(seconds: float) -> str:
    if seconds >= 120:
        return f"{seconds / 60:.1f} min"
    if seconds < 0.9995:  # would print as 1000 ms
        return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def fmt_int(value: int | float) -> str:
    return f"{value:,.0f}"


def fmt_rate(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f} articles/s"


def _error_row(name: str, phase: dict[str, Any]) -> Row:
    error = (phase.get("error") or "failed").strip().splitlines()
    return Row(name, f"error: {error[-1] if error else 'failed'}", "runs", FAILED)


def ingest_rows(label: str, phase: dict[str, Any], articles: int) -> list[Row]:
    """Time, memory, size and rows of one cold ingest."""
    if phase.get("seconds") is None:
        return [_error_row(label, phase)]
    target = scaled(COLD_SECONDS, articles)
    done = phase.get("summary") or "no summary line"
    judged = phase.get("ok")
    rows = [
        Row(
            f"{label}: articles stored with extraction",
            f"{fmt_seconds(phase['seconds'])} ({fmt_rate(phase.get('articles_per_second'))})",
            f"< {fmt_seconds(target)}",
            verdict(phase["seconds"] < target) if judged else FAILED,
        )
    ]
    if phase.get("crossref_seconds") is not None:
        total = phase["total_seconds"]
        rate = fmt_rate(articles / total if total else None)
        rows += [
            Row(
                f"{label}: then cross-referenced", fmt_seconds(phase["crossref_seconds"]), "", NONE
            ),
            Row(
                f"{label}: total, every claim cross-referenced",
                f"{fmt_seconds(total)} ({rate})",
                f"< {fmt_seconds(target)}",
                verdict(total < target) if judged else FAILED,
            ),
        ]
    if not phase.get("ok"):
        rows.append(Row(f"{label}: outcome", phase.get("error") or done, "every file new", FAILED))
    peak = phase.get("peak_memory_mb", phase.get("peak_rss_mb", 0.0))  # older results: RSS
    sum_of_rss = phase.get("peak_rss_sum_mb")
    shared = "" if sum_of_rss is None else f" (their RSS added up: {sum_of_rss:.0f} MB)"
    rows.append(
        Row(
            f"{label}: peak memory",
            f"{peak:.0f} MB{shared if phase.get('workers', 1) > 1 else ''}",
            f"< {RSS_MB:.0f} MB",
            verdict(peak < RSS_MB),
        )
    )
    profile = phase.get("rss_mb") or {}
    shown = " / ".join("–" if profile.get(k) is None else f"{profile[k]:.0f}" for k in profile)
    first, highest = profile.get("25"), phase.get("rss_max_from_25_mb")
    flat = NONE if first is None or highest is None else verdict(highest <= FLAT_GROWTH * first)
    rows.append(
        Row(
            f"{label}: memory at 25/50/75/100 %",
            f"{shown} MB (max after 25 %: {highest or 0:.0f})",
            f"flat: max after 25 % ≤ {FLAT_GROWTH}× the 25 % value",
            flat,
        )
    )
    if phase.get("database_mb") is not None:
        rows.append(Row(f"{label}: database size", f"{phase['database_mb']:.1f} MB", "", NONE))
    counts = phase.get("counts") or {}
    if counts:
        names = ("articles", "claims", "mentions", "actors", "sources")
        extra = ("link_suggestions", "count_clusters")
        text = ", ".join(f"{fmt_int(counts[n])} {n.replace('_', ' ')}" for n in names + extra)
        rows.append(Row(f"{label}: rows", text, "", NONE))
        within = counts.get("suggestions_within_a_story")
        if within is not None and counts["link_suggestions"]:
            share = within / counts["link_suggestions"]
            text = f"{fmt_int(within)} ({share:.1%})"
            rows.append(Row(f"{label}: suggestions within one story", text, "", NONE))
        dupes = (counts.get("duplicate_actor_keys", 0), counts.get("duplicate_source_keys", 0))
        rows.append(
            Row(
                f"{label}: duplicate actor / source keys",
                f"{dupes[0]} / {dupes[1]}",
                "0 / 0",
                OK if dupes == (0, 0) else FAILED,
            )
        )
    return rows


def reingest_rows(phase: dict[str, Any], articles: int) -> list[Row]:
    if phase.get("seconds") is None:
        return [_error_row("re-ingest, unchanged", phase)]
    target = scaled(REINGEST_SECONDS, articles)
    unchanged = phase.get("unchanged")
    return [
        Row(
            "re-ingest, unchanged: time",
            f"{fmt_seconds(phase['seconds'])} ({fmt_int(unchanged or 0)} unchanged)",
            f"< {fmt_seconds(target)}",
            verdict(phase["seconds"] < target) if phase.get("ok") else FAILED,
        )
    ]


def page_rows(phase: dict[str, Any], postgres: bool) -> list[Row]:
    if not phase.get("pages"):
        return [_error_row("pages", phase)]
    rows = []
    for page in phase["pages"]:
        limit = SEARCH_P95_MS_POSTGRES if page["search"] and postgres else PAGE_P95_MS
        status = page["status"]
        value = f"{page['p50_ms']:.0f} / {page['p95_ms']:.0f} ms, {page['queries']} queries"
        if status != 200:
            value += f", status {status}"
        result = verdict(page["p95_ms"] < limit) if status == 200 else FAILED
        rows.append(Row(f"page {page['name']}: p50 / p95", value, f"p95 < {limit:.0f} ms", result))
    return rows


def query_rows(phase: dict[str, Any], others: Sequence[dict[str, Any]]) -> list[Row]:
    """Query counts against the same pages at other corpus sizes (earlier results files)."""
    mine = {p["name"]: p["queries"] for p in phase.get("pages", [])}
    if not mine:
        return []
    if not others:
        return [Row("page query counts", "no other size in results/", "independent of size", NONE)]
    rows = []
    for other in others:
        theirs = {p["name"]: p["queries"] for p in other["phases"]["pages"]["pages"]}
        differ = [f"{n} {theirs[n]}→{q}" for n, q in mine.items() if n in theirs and theirs[n] != q]
        rows.append(
            Row(
                f"page query counts vs {fmt_int(other['articles'])} articles",
                "same" if not differ else "differ: " + ", ".join(differ),
                "independent of size",
                verdict(not differ),
            )
        )
    return rows


def extract_rows(phase: dict[str, Any]) -> list[Row]:
    if phase.get("seconds") is None:
        return [_error_row("extraction alone", phase)]
    value = f"{fmt_rate(phase['articles_per_second'])} ({fmt_int(phase['articles'])} articles)"
    return [Row("extraction alone (1 process)", value, "", NONE)]


def baseline_rows(no_extraction: dict[str, Any], baseline: dict[str, Any]) -> list[Row]:
    rows = []
    for label, phase in (("ingest without extraction", no_extraction), ("baseline", baseline)):
        if phase.get("seconds") is None or not phase.get("ok"):
            rows.append(_error_row(label, phase))
            continue
        value = f"{fmt_seconds(phase['seconds'])} ({fmt_rate(phase['articles_per_second'])})"
        rows.append(Row(f"{label}: time", value, "", NONE))
    end_to_end = baseline.get("seconds_end_to_end")
    if end_to_end is not None:
        rows.append(
            Row("baseline, reading and parsing the files too", fmt_seconds(end_to_end), "", NONE)
        )
    for label, key in (
        ("no-extraction speed / baseline speed (its writes alone)", "ratio"),
        ("… / baseline speed, both reading and parsing the files", "ratio_end_to_end"),
    ):
        ratio = baseline.get(key)
        if ratio is not None:
            rows.append(
                Row(label, f"{ratio:.3f}", f"≥ {BASELINE_RATIO}", verdict(ratio >= BASELINE_RATIO))
            )
    return rows


def parallel_rows(
    phase: dict[str, Any], articles: int, single: dict[str, Any] | None = None
) -> list[Row]:
    label = f"cold ingest, {phase.get('workers', '?')} workers"
    rows = ingest_rows(label, phase, articles)
    if phase.get("speedup") is not None:
        value = f"{phase['speedup']:.2f}× ({phase['workers']} workers vs the cold ingest)"
        rows.append(Row("parallel speed-up", value, "", NONE))
    if single and single.get("counts") and phase.get("counts"):
        rows.append(same_rows(single["counts"], phase["counts"]))
    return rows


def same_rows(single: dict[str, Any], parallel: dict[str, Any]) -> Row:
    """The rows several workers stored against one worker's: articles, claims, mentions,
    actors and sources must be the same; link suggestions and count clusters are shown when
    they differ (they may depend on the order batches are written in), without a verdict."""
    core = ("articles", "claims", "mentions", "actors", "sources")
    order = ("link_suggestions", "count_clusters")
    differ = [
        f"{n} {single.get(n)}→{parallel.get(n)}" for n in core if single.get(n) != parallel.get(n)
    ]
    varies = [
        f"{n} {single.get(n)}→{parallel.get(n)}" for n in order if single.get(n) != parallel.get(n)
    ]
    value = "same" if not differ else "differ: " + ", ".join(differ)
    if varies:
        value += "; also differ: " + ", ".join(v.replace("_", " ") for v in varies)
    return Row("rows vs 1 worker", value, "same " + ", ".join(core), verdict(not differ))


def build_rows(results: dict[str, Any], others: Sequence[dict[str, Any]] = ()) -> list[Row]:
    phases = results["phases"]
    articles = results["articles"]
    postgres = results["db"] == "postgres"
    rows: list[Row] = []
    if "cold" in phases:
        spied = " (under py-spy)" if phases["cold"].get("profile") else ""
        workers = phases["cold"].get("workers", 1)
        label = f"cold ingest, {workers} worker{'s' if workers > 1 else ''}{spied}"
        rows += ingest_rows(label, phases["cold"], articles)
    if "reingest" in phases:
        rows += reingest_rows(phases["reingest"], articles)
    if "pages" in phases:
        rows += page_rows(phases["pages"], postgres)
        rows += query_rows(phases["pages"], others)
    if "extract" in phases:
        rows += extract_rows(phases["extract"])
    if "baseline" in phases:
        rows += baseline_rows(phases.get("no_extraction", {}), phases["baseline"])
    if "parallel" in phases:
        rows += parallel_rows(phases["parallel"], articles, phases.get("cold"))
    return rows


def other_sizes(folder: Path, db: str, articles: int) -> list[dict[str, Any]]:
    """Earlier results on the same database at other sizes that measured the pages."""
    found = []
    for path in sorted(folder.glob(f"{db}-*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        pages = data.get("phases", {}).get("pages", {}) if isinstance(data, dict) else {}
        if data.get("articles") != articles and pages.get("pages"):
            found.append(data)
    return sorted(found, key=lambda d: d["articles"])


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An aligned markdown table."""
    body = [list(map(str, row)) for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in body)) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(r) for r in body)])


def render(results: dict[str, Any], rows: Sequence[Row]) -> str:
    machine = results["machine"]
    corpus = results["corpus"]
    generated = "reused" if corpus["reused"] else f"generated in {fmt_seconds(corpus['seconds'])}"
    about = [
        ("command", f"`{results['command']}`"),
        ("machine", f"{machine['cores']} cores, {machine['memory_gb']:.1f} GB RAM"),
        ("Python", machine["python"]),
        ("database", machine.get("database", "?")),
        ("commit", machine.get("commit") or "unknown"),
        (
            "corpus",
            f"{fmt_int(corpus['articles'])} articles, {corpus['bytes'] / 2**20:.1f} MB, "
            f"{generated} ({corpus['directory']})",
        ),
    ]
    title = f"## newsdb benchmark: {fmt_int(results['articles'])} articles on {results['db']}"
    notes = [
        "Cold ingest and re-ingest times are the wall time of `manage.py ingest` (process and "
        "Django start-up included; the cold ingest's as `ingest --no-crossref` then "
        "`suggest_links --pending`, which `ingest` does in one run); the no-extraction "
        "ingest and the baseline time only their own work inside the process (start-up "
        "excluded), so their ratio compares like with like. Total-time targets are scaled to "
        "the corpus: 10 min and 60 s per 100,000 articles.",
        "Peak memory: `ru_maxrss` of the child; with several workers, the largest sum of the "
        "proportional set size (PSS, `/proc/<pid>/smaps_rollup`) of the process and its "
        "workers sampled every 0.5 s, which charges the pages they share since the fork in "
        "equal parts (their RSS added up, which counts those pages once per process, is shown "
        "beside it).",
        "Pages: 2 warm-up requests, the query count of one request, p50 / p95 of 20 timed "
        "requests through Django's test client (no network). MB = 2^20 bytes.",
    ]
    return "\n\n".join(
        [
            title,
            markdown_table(["", ""], about),
            markdown_table(
                ["measurement", "value", "target", "result"],
                [(r.measurement, r.value, r.target, r.result) for r in rows],
            ),
            "\n".join(f"- {note}" for note in notes),
        ]
    )


def rows_as_json(rows: Sequence[Row]) -> list[dict[str, str]]:
    return [asdict(row) for row in rows]
