"""The load test's checks and its markdown report."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from benchmarks.load.stats import PAGE_NAMES
from benchmarks.report import fmt_int, fmt_seconds, markdown_table

Check = dict[str, Any]  # check, value, expected, ok


def _check(name: str, value: Any, expected: Any, ok: bool) -> Check:
    return {"check": name, "value": str(value), "expected": str(expected), "ok": bool(ok)}


def _reader_checks(results: dict[str, Any]) -> list[Check]:
    readers = results["readers"]
    total = readers["requests"]
    per_page = readers["per_page"]
    missing = [name for name in PAGE_NAMES if not per_page.get(name)]
    logins = (readers["logins"].get("login") or {}).get("requests", 0)
    users = results["config"]["users"]
    logged = results["server_errors"]["count"]
    return [
        _check("reader errors", f"{readers['errors']} of {fmt_int(total)}", 0,
               readers["errors"] == 0 and total > 0),
        _check("every page type requested", ", ".join(missing) or "all", "all", not missing),
        _check("readers logged in", logins, users, logins == users),
        _check("errors in the server log", logged, 0, logged == 0),
    ]  # fmt: skip


def _ingest_checks(results: dict[str, Any]) -> list[Check]:
    config = results["config"]
    preload, ingest = config["preload_articles"], config["ingest_articles"]
    files = results["ingest"].get("files") or {}
    status = results["ingest"]["exit_status"]
    new_ok = files.get("new") == ingest and files.get("failed") == 0
    preloaded = (results["preload"].get("files") or {}).get("new")
    return [
        _check("preload ingest: files new", preloaded, preload, preloaded == preload),
        _check("concurrent ingest: exit status", status, 0, status == 0),
        _check("concurrent ingest: files new / failed",
               f"{files.get('new')} / {files.get('failed')}", f"{ingest} / 0", new_ok),
    ]  # fmt: skip


def _integrity_checks(results: dict[str, Any]) -> list[Check]:
    config = results["config"]
    total = config["preload_articles"] + config["ingest_articles"]
    counts = results["integrity"]["counts"]
    reingest = results["integrity"]["reingest"]
    unchanged = (reingest.get("files") or {}).get("unchanged")
    twice, missing = counts["files_stored_twice"], counts["files_missing"]
    dupes = (counts["duplicate_actor_keys"], counts["duplicate_source_keys"])
    articles = counts["articles"]
    return [
        _check("articles = preload + ingest", articles, total, articles == total),
        _check("duplicate actor / source keys", f"{dupes[0]} / {dupes[1]}", "0 / 0",
               dupes == (0, 0)),
        _check("files missing / stored twice", f"{missing} / {twice}", "0 / 0",
               missing == twice == 0 and counts["files"] == total),
        _check("file sources", counts["file_sources"], total, counts["file_sources"] == total),
        _check("second ingest: unchanged", unchanged, config["ingest_articles"],
               reingest["exit_status"] == 0 and unchanged == config["ingest_articles"]),
    ]  # fmt: skip


SECTIONS: dict[str, Callable[[dict[str, Any]], list[Check]]] = {
    "readers": _reader_checks,
    "ingest": _ingest_checks,
    "integrity": _integrity_checks,
}


def checks(results: dict[str, Any]) -> list[Check]:
    """Every check, or one failed check per part that did not run."""
    found: list[Check] = []
    for key, make in SECTIONS.items():
        if key in results and "preload" in results:
            found.extend(make(results))
        else:
            found.append(_check(key, "not run", "runs", False))
    return found


def _ms(value: float) -> str:
    return f"{value:,.0f} ms" if value >= 10 else f"{value:.1f} ms"


def _row(
    label: str, figures: dict[str, Any] | None, server: dict[str, Any] | None = None
) -> tuple[str, ...]:
    served = (_ms(server["p50_ms"]), _ms(server["p95_ms"])) if server else ("–", "–")
    if not figures:
        return (label, "0", "–", "–", "–", "–", "–", *served, "–")
    return (
        label,
        fmt_int(figures["requests"]),
        f"{figures['per_second']:.1f}",
        _ms(figures["p50_ms"]),
        _ms(figures["p95_ms"]),
        _ms(figures["p99_ms"]),
        _ms(figures["max_ms"]),
        *served,
        str(figures["errors"]),
    )


def readers_table(readers: dict[str, Any], served: dict[str, Any]) -> str:
    rows = [_row(name, found, served.get(name)) for name, found in readers["per_page"].items()]
    rows.append(_row("**all pages**", readers.get("pages")))
    if "while_ingesting" in readers:
        rows.append(_row("all pages while the ingest ran", readers.get("while_ingesting")))
        rows.append(_row("all pages after the ingest", readers.get("after_ingest")))
    for name, found in readers["logins"].items():
        rows.append(_row(f"{name} (login phase)", found))
    header = ["requests", "count", "req/s", "p50", "p95", "p99", "max", "server p50",
              "server p95", "errors"]  # fmt: skip
    return markdown_table(header, rows)


def _about(results: dict[str, Any]) -> list[tuple[str, str]]:
    machine, config = results["machine"], results["config"]
    before, after = results["load_average_before"], results.get("load_average_after", [])
    think = config["think_seconds"]
    return [
        ("command", f"`{results['command']}`"),
        ("machine", f"{machine['cores']} cores, {machine['memory_gb']:.1f} GB RAM, "
                    f"Python {machine['python']}, commit {machine.get('commit') or '?'}"),
        ("load average (1/5/15 min)", f"before {before}, after {after}"),
        ("database", f"{machine.get('database', '?')}, production durability"),
        ("server", f"gunicorn, {config['gunicorn_workers']} sync workers, DEBUG off"),
        ("readers", f"{config['users']} browsing for {config['seconds']} s after logging in, "
                    f"think time {think[0]:g}–{think[1]:g} s"),
        ("articles", f"{fmt_int(config['preload_articles'])} preloaded, "
                     f"{fmt_int(config['ingest_articles'])} ingested meanwhile"),
    ]  # fmt: skip


def _ingest_lines(results: dict[str, Any]) -> list[str]:
    lines = []
    if "preload" in results:
        preload = results["preload"]
        lines.append(f"- preload: {fmt_seconds(preload['seconds'])}, `{preload['summary']}`")
    if "readers" in results:
        readers, users = results["readers"], results["config"]["users"]
        lines.append(f"- login phase: {users} logins in {fmt_seconds(readers['login_seconds'])}")
    if "ingest" in results:
        ingest, readers = results["ingest"], results["readers"]
        overlap = readers.get("overlap_seconds", 0.0)
        lines.append(
            f"- concurrent ingest: {fmt_seconds(ingest['seconds'])} "
            f"(overlapping the readers for {overlap:.0f} s), `{ingest['summary']}`"
        )
    if "integrity" in results:
        reingest = results["integrity"]["reingest"]
        lines.append(
            f"- second ingest: {fmt_seconds(reingest['seconds'])}, `{reingest['summary']}`"
        )
    return lines


def _cpu_lines(results: dict[str, Any]) -> list[str]:
    if "cpu" not in results:
        return []
    login, browsing = results["cpu"]["login_phase"], results["cpu"]["browsing"]
    users, cores = results["config"]["users"], results["machine"]["cores"]
    pages = (results["readers"].get("pages") or {}).get("requests") or 0
    per_page = browsing["cpu_seconds"] * 1000 / pages if pages else 0.0
    warned = "yes" if results["client_cpu_warning"] else "no"
    return [
        f"- gunicorn's CPU time: {login['cpu_seconds'] * 1000 / users:,.0f} ms per login, "
        f"{per_page:,.0f} ms per page (mean, {browsing['cpu_seconds'] / browsing['seconds']:.2f} "
        "cores while browsing)",
        f"- the machine was {browsing['machine_busy']:.0%} busy ({cores} cores, every process "
        f"including other work) while the readers browsed; locust's CPU warning: {warned}",
    ]


NOTES = (
    "- Latencies are measured by the client (locust, on the same machine): nearest-rank "
    "percentiles over every request. Page rates are over the browsing window: from the moment "
    "every reader had logged in to the last page. The logins come first, as a phase of their "
    "own (one PBKDF2 password hash each), and the ingest starts when the browsing does. "
    "*Server* p50 / p95 are gunicorn's own time per request (its access log): the rest of "
    "the client's latency is the wait for a free worker."
)


def render(results: dict[str, Any]) -> str:
    config = results["config"]
    title = (
        f"## newsdb load test: {config['users']} readers for {config['seconds']} s while "
        f"{fmt_int(config['ingest_articles'])} articles are ingested"
    )
    parts = [title, markdown_table(["", ""], _about(results))]
    if "readers" in results:
        parts.append(readers_table(results["readers"], results.get("server_times", {})))
        kinds = results["readers"]["error_kinds"]
        if kinds:
            parts.append("Errors:\n" + "\n".join(f"- {n} × {kind}" for kind, n in kinds))
        if results["server_errors"]["first"]:
            logged = "\n".join(f"- `{line}`" for line in results["server_errors"]["first"])
            parts.append("Server log errors (first):\n" + logged)
    parts.append("\n".join(_ingest_lines(results) + _cpu_lines(results)))
    rows = [(c["check"], c["value"], c["expected"], "ok" if c["ok"] else "FAILED")
            for c in results["checks"]]  # fmt: skip
    parts.append(markdown_table(["check", "value", "expected", "result"], rows))
    parts.append(NOTES)
    return "\n\n".join(part for part in parts if part)
