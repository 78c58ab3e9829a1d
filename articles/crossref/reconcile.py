"""Reconciling several news reports of the same count into one picture.

Outlets rarely agree on a death toll: the governor of Hatay says "at least 22", the Syrian
Observatory says 34, another outlet "at least 33". This module turns such reports into the
interval each one allows, works out whether they can all be true at once, which report was
updated by a later one from the same source, how many independent origins there are, a best
estimate and the conservative (lowest) figure that conflict-event datasets such as ACLED publish
when reports conflict.

Pure Python: no models, no database. The caller maps claims onto :class:`Report`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from articles import figures

from .text import Sentence, is_copy

EXACT = "exact"
AT_LEAST = "at_least"
APPROXIMATELY = "approximately"
MORE_THAN = "more_than"
LESS_THAN = "less_than"

#: Relative margin an "approximately v" report allows on either side of v.
APPROXIMATE_TOLERANCE = Decimal("0.1")

#: Dutch words that mark a figure as a revision of an earlier one.
UPDATE_CUES = ("inmiddels", "intussen", "opgelopen", "gestegen", "bijgesteld", "nieuwe balans")
_UPDATE_CUE = re.compile(
    r"\b(?:" + "|".join(c.replace(" ", r"\s+") for c in (*UPDATE_CUES, "nu al")) + r")\b",
    re.IGNORECASE,
)

PartialDate = tuple[int, int | None, int | None]


@dataclass(frozen=True, slots=True)
class Report:
    """One outlet's report of the count, as extracted from a claim."""

    claim_id: int
    value: Decimal | None
    minimum: Decimal | None
    maximum: Decimal | None
    qualifier: str
    source: str = ""
    source_key: str = ""
    via_key: str = ""
    outlet: str = ""
    published: PartialDate = (0, None, None)
    text: str = ""


class Interval(NamedTuple):
    """The values a report allows; ``high`` None means unbounded."""

    low: Decimal
    high: Decimal | None


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """What a set of reports of one count says, taken together."""

    reports: tuple[Report, ...]
    superseded: tuple[Report, ...]
    consistent: bool
    low: Decimal | None
    best: Decimal | None
    high: Decimal | None
    conservative: Decimal | None
    conservative_report: Report | None
    conflicting: tuple[Report, Report] | None
    independent_sources: int
    sources_by_figure: tuple[tuple[str, tuple[str, ...]], ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form: Decimals as int or float, reports as small dicts."""
        superseded = {r.claim_id for r in self.superseded}
        return {
            "consistent": self.consistent,
            "low": json_number(self.low),
            "best": json_number(self.best),
            "high": json_number(self.high),
            "conservative": json_number(self.conservative),
            "conservative_claim_id": (
                self.conservative_report.claim_id if self.conservative_report else None
            ),
            "conflicting": (
                [r.claim_id for r in self.conflicting] if self.conflicting is not None else None
            ),
            "independent_sources": self.independent_sources,
            "sources_by_figure": [
                {"figure": label, "sources": list(names)} for label, names in self.sources_by_figure
            ],
            "reports": [
                {
                    "claim_id": r.claim_id,
                    "figure": figure_label(r),
                    "source": r.source,
                    "outlet": r.outlet,
                    "published": format_partial_date(r.published),
                    "superseded": r.claim_id in superseded,
                }
                for r in self.reports
            ],
        }


# --- figures -------------------------------------------------------------------------------


def _is_integral(number: Decimal) -> bool:
    return number == number.to_integral_value()


def json_number(number: Decimal | None) -> int | float | None:
    """A Decimal as an int when integral, else a float (None stays None)."""
    if number is None:
        return None
    return int(number) if _is_integral(number) else float(number)


def _finite(number: Decimal | None) -> Decimal | None:
    return number if number is not None and number.is_finite() else None


def _is_range(report: Report) -> bool:
    return _finite(report.value) is None and _finite(report.minimum) is not None


def point_figure(report: Report) -> Decimal | None:
    """The single number a report gives: its value, or a range's minimum."""
    return _finite(report.value) if _finite(report.value) is not None else _finite(report.minimum)


def interval(report: Report) -> Interval | None:
    """The values a report allows, or None when it carries no figure.

    An unknown qualifier is read as exact.
    """
    value = _finite(report.value)
    if value is None:
        minimum, maximum = _finite(report.minimum), _finite(report.maximum)
        if minimum is None:
            return None
        if maximum is None:
            return Interval(minimum, None)
        return Interval(min(minimum, maximum), max(minimum, maximum))
    match report.qualifier:
        case "at_least":
            return Interval(value, None)
        case "more_than":
            return Interval(value + 1 if _is_integral(value) else value, None)
        case "less_than":
            high = value - 1 if _is_integral(value) else value
            return Interval(min(Decimal(0), high), high)
        case "approximately":
            a, b = value * (1 - APPROXIMATE_TOLERANCE), value * (1 + APPROXIMATE_TOLERANCE)
            return Interval(min(a, b), max(a, b))
        case _:
            return Interval(value, value)


def figure_label(report: Report) -> str:
    """A short human label: "34", "≥ 22", "> 22", "< 22", "≈ 1000000", "≈ 200000–999999"."""
    return figures.figure_label(
        _finite(report.value), _finite(report.minimum), _finite(report.maximum), report.qualifier
    )


# --- dates and updates ---------------------------------------------------------------------


def _known_components(date: PartialDate) -> tuple[int, ...]:
    """The leading components of a partial date that are known (year 0 = nothing known)."""
    year, month, day = date
    if not year:
        return ()
    if month is None:
        return (year,)
    if day is None:
        return (year, month)
    return (year, month, day)


def is_later(date: PartialDate, other: PartialDate) -> bool:
    """Whether ``date`` is strictly after ``other`` on the components both dates know."""
    a, b = _known_components(date), _known_components(other)
    common = min(len(a), len(b))
    return common > 0 and a[:common] > b[:common]


def format_partial_date(date: PartialDate) -> str | None:
    """ "YYYY-MM-DD", "YYYY-MM" or "YYYY", as far as known; None when the year is unknown."""
    parts = _known_components(date)
    if not parts:
        return None
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])


def has_update_cue(text: str) -> bool:
    """Whether a text presents its figure as a revision ("inmiddels", "opgelopen", …)."""
    return _UPDATE_CUE.search(text) is not None


def is_update(earlier: Report, later: Report) -> bool:
    """Whether ``later`` revises ``earlier``: same source, another figure, and a later date.

    When the dates are equal or cannot be compared (they know different components), the later
    report must present itself as an update ("inmiddels", "opgelopen", …) and the earlier one
    not.
    """
    if not earlier.source_key or earlier.source_key != later.source_key:
        return False
    before, after = interval(earlier), interval(later)
    if before is None or after is None or before == after:
        return False
    if is_later(later.published, earlier.published):
        return True
    if is_later(earlier.published, later.published):
        return False
    return has_update_cue(later.text) and not has_update_cue(earlier.text)


# --- reconciliation ------------------------------------------------------------------------


def _published_key(report: Report) -> tuple[bool, int, int, int, int]:
    """Sort key: published date (unknown dates last, partial before full), then claim id."""
    year, month, day = report.published
    return (not year, year, month or 0, day or 0, report.claim_id)


def _same_origin(a: Report, b: Report) -> bool:
    if a.source_key and a.source_key == b.source_key:
        return True
    if not a.source_key and not b.source_key and a.via_key and a.via_key == b.via_key:
        return True
    if not (a.text.strip() and b.text.strip()):
        return False
    return is_copy(Sentence.of(a.text), Sentence.of(b.text))


def count_origins(reports: Sequence[Report]) -> int:
    """Distinct origins among reports: same source, same channel without source, or copies."""
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(reports):
        for j in range(i + 1, len(reports)):
            if _same_origin(a, reports[j]):
                parent[find(i)] = find(j)
    return len({find(i) for i in range(len(reports))})


def _median(numbers: Sequence[Decimal]) -> Decimal:
    """The median; for an even count the lower of the two middle values."""
    ordered = sorted(numbers)
    return ordered[(len(ordered) - 1) // 2]


def _sources_by_figure(reports: Sequence[Report]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Who gave which figure, in report order; a report without source counts as its outlet's."""
    groups: dict[str, list[str]] = {}
    for report in reports:
        names = groups.setdefault(figure_label(report), [])
        name = report.source or report.outlet
        if name and name not in names:
            names.append(name)
    return tuple((label, tuple(names)) for label, names in groups.items())


class _Entry(NamedTuple):
    """A figure-bearing report with its interval and point figure."""

    report: Report
    interval: Interval
    figure: Decimal


def _entry(report: Report) -> _Entry | None:
    allowed, figure = interval(report), point_figure(report)
    if allowed is None or figure is None:
        return None
    return _Entry(report, allowed, figure)


def _range(entries: Sequence[_Entry]) -> tuple[bool, Decimal, Decimal | None]:
    """Whether the intervals overlap, and their intersection (else the span they cover)."""
    lows = [e.interval.low for e in entries]
    highs = [e.interval.high for e in entries if e.interval.high is not None]
    if not highs or max(lows) <= min(highs):
        return True, max(lows), (min(highs) if highs else None)
    spans = (e.interval.high if e.interval.high is not None else e.interval.low for e in entries)
    return False, min(lows), max(spans)


def _conflicting_pair(entries: Sequence[_Entry]) -> tuple[Report, Report]:
    """The report with the largest lower bound and the one with the smallest upper bound."""
    by_low = max(entries, key=lambda e: e.interval.low)  # first of equals: earliest report
    bounded = [e for e in entries if e.interval.high is not None]
    by_high = min(bounded, key=lambda e: e.interval.high or 0)
    return by_low.report, by_high.report


def reconcile(reports: Iterable[Report]) -> Reconciliation:
    """Reconcile reports of one count; reports without a figure are ignored.

    Superseded reports (revised by a later report from the same source) are kept in
    ``reports`` and ``superseded`` but take no part in the consistency check, the range, the
    best and conservative figures, the source count or ``sources_by_figure``.
    """
    entries = sorted(
        (e for e in map(_entry, reports) if e is not None), key=lambda e: _published_key(e.report)
    )
    given = tuple(e.report for e in entries)
    stale = {
        i
        for i, a in enumerate(given)
        if any(is_update(a, b) for j, b in enumerate(given) if j != i)
    }
    superseded = tuple(r for i, r in enumerate(given) if i in stale)
    active = [e for i, e in enumerate(entries) if i not in stale]
    if not active:
        return Reconciliation(
            reports=given,
            superseded=superseded,
            consistent=True,
            low=None,
            best=None,
            high=None,
            conservative=None,
            conservative_report=None,
            conflicting=None,
            independent_sources=0,
            sources_by_figure=(),
        )

    consistent, low, high = _range(active)
    best = _median([e.figure for e in active])
    if consistent:
        best = max(best, low) if high is None else min(max(best, low), high)
    conservative = min(active, key=lambda e: (e.figure, _published_key(e.report)))
    active_reports = [e.report for e in active]
    return Reconciliation(
        reports=given,
        superseded=superseded,
        consistent=consistent,
        low=low,
        best=best,
        high=high,
        conservative=conservative.figure,
        conservative_report=conservative.report,
        conflicting=None if consistent else _conflicting_pair(active),
        independent_sources=count_origins(active_reports),
        sources_by_figure=_sources_by_figure(active_reports),
    )
