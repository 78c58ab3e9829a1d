"""Count clusters with their reconciled numbers, as rows for the ``conflicts`` command."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.crossref.clusters import ClusterView, cluster_views
from articles.crossref.load import facts_of
from articles.crossref.reconcile import figure_label, format_partial_date
from articles.crossref.score import report_of
from articles.figures import plain_number
from articles.models import CountCluster

from .output import Column

CONFLICT_COLUMNS: tuple[Column, ...] = (
    Column("cluster", gettext_lazy("cluster"), 8, align="right"),
    Column("counted", gettext_lazy("counted"), 40),
    Column("range", gettext_lazy("low–best–high"), 20),
    Column("conservative", gettext_lazy("conservative"), 36),
    Column("consistent", gettext_lazy("can all be true"), 6),
    Column("sources", gettext_lazy("independent sources"), 6, align="right"),
    Column("house", gettext_lazy("house figure"), 30),
    Column("rank", gettext_lazy("rank"), 10),
    Column("figure", gettext_lazy("figure"), 16),
    Column("source", gettext_lazy("source"), 32),
    Column("date", gettext_lazy("date"), 10),
    Column("claim", gettext_lazy("claim"), 8, align="right"),
)

INCONSISTENT_PAGE = 500


@dataclass(frozen=True)
class ConflictFilters:
    include_agreeing: bool = False  # clusters whose reports all give one figure
    inconsistent_only: bool = False  # clusters whose reports cannot all be true
    limit: int = 100  # clusters; 0 = all


def conflict_views(filters: ConflictFilters) -> list[ClusterView]:
    """Clusters newest first; a few queries for the whole page, whatever its size."""
    clusters = CountCluster.objects.filter(report_count__gt=1)
    if not filters.include_agreeing:
        clusters = clusters.disagreeing()
    clusters = clusters.order_by("-pk")
    if not filters.inconsistent_only:
        return cluster_views(clusters[: filters.limit] if filters.limit else clusters)
    # Whether reports can all be true is worked out in Python (updates depend on sources and
    # dates): reconcile page by page until enough are found.
    found: list[ClusterView] = []
    for first in range(0, clusters.count(), INCONSISTENT_PAGE):
        page = cluster_views(clusters[first : first + INCONSISTENT_PAGE])
        found += [view for view in page if not view.reconciliation.consistent]
        if filters.limit and len(found) >= filters.limit:
            return found[: filters.limit]
    return found


def _number(value) -> str:
    return "" if value is None else plain_number(value)


def range_label(view: ClusterView) -> str:
    r = view.reconciliation
    high = "∞" if r.high is None else _number(r.high)
    return f"{_number(r.low)}–{_number(r.best)}–{high}"


def conservative_label(view: ClusterView) -> str:
    r = view.reconciliation
    if r.conservative is None or r.conservative_report is None:
        return ""
    report = r.conservative_report
    return f"{_number(r.conservative)} ({report.source or report.outlet})"


def house_label(view: ClusterView) -> str:
    cluster = view.cluster
    if cluster.house_wording:
        return cluster.house_wording
    return "" if cluster.house_value is None else _number(cluster.house_value)


def conflict_rows(views: list[ClusterView]) -> Iterator[dict[str, object]]:
    """One row per report, each carrying its cluster's reconciled figures."""
    for view in views:
        shared = {
            "cluster": view.cluster.pk,
            "counted": view.cluster.label,
            "range": range_label(view),
            "conservative": conservative_label(view),
            "consistent": _("yes") if view.reconciliation.consistent else _("no"),
            "sources": view.reconciliation.independent_sources,
            "house": house_label(view),
        }
        for claim in view.claims:
            report = report_of(facts_of(claim))
            yield {
                **shared,
                "rank": str(view.ranks[claim.pk].label),
                "figure": figure_label(report),
                "source": report.source or report.outlet,
                "date": format_partial_date(report.published) or "",
                "claim": claim.pk,
            }


def conflict_documents(views: list[ClusterView]) -> list[dict[str, object]]:
    """The clusters as nested JSON documents."""
    documents = []
    for view in views:
        cluster = view.cluster
        reconciled = view.reconciliation.to_dict()
        ranks = {claim_id: str(rank) for claim_id, rank in view.ranks.items()}
        for report in reconciled["reports"]:
            report["rank"] = ranks.get(report["claim_id"])
        documents.append(
            {
                "cluster": cluster.pk,
                "counted": cluster.label,
                "key": cluster.key,
                **reconciled,
                "house_figure": {
                    "value": _number(cluster.house_value) or None,
                    "qualifier": cluster.house_qualifier or None,
                    "wording": cluster.house_wording or None,
                    "follows_claim": cluster.house_claim_id,
                    "decided_by": cluster.house_decided_by.get_username()
                    if cluster.house_decided_by
                    else None,
                    "decided_at": cluster.house_decided_at.isoformat()
                    if cluster.house_decided_at
                    else None,
                },
            }
        )
    return documents
