"""Count clusters: the reports of one count, kept together so that their numbers can be
reconciled and an editor can record the house figure once for all of them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import models
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_create_with_history

from articles.bulk import update_column
from articles.models import Claim, CountCluster

from .counts import CountMatch, count_match
from .facts import ClaimFacts
from .load import facts_of, facts_queryset
from .reconcile import Reconciliation, reconcile
from .score import Candidate, report_of
from .tallies import refresh_tallies

# Relations between two reports of the same count.
_SAME_COUNT = {"conflicts", "corroborates", "updates"}


def assign_clusters(
    own: list[ClaimFacts], others: Mapping[int, ClaimFacts], candidates: list[Candidate]
) -> int:
    """Put each unclustered count into the cluster of its best match, or found a cluster with
    its matches; returns how many claims were placed. A few queries, whatever the size."""
    facts = {**others, **{f.claim_id: f for f in own}}
    placed: dict[int, int | _NewCluster] = {}
    for candidate in sorted(candidates, key=lambda c: -c.score):
        a, b = facts.get(candidate.first), facts.get(candidate.second)
        if a is None or b is None or not _same_count(candidate, a, b):
            continue
        cluster_a = placed.get(a.claim_id, a.cluster_id)
        cluster_b = placed.get(b.claim_id, b.cluster_id)
        if cluster_a and cluster_b:
            continue  # both placed already; merging clusters is an editor's call
        if cluster_a or cluster_b:
            joining = b if cluster_a else a
            placed[joining.claim_id] = cluster = cluster_a or cluster_b
            if isinstance(cluster, _NewCluster):
                cluster.add(joining)
        else:
            placed[a.claim_id] = placed[b.claim_id] = _NewCluster(a, b)
    _create_clusters({c for c in placed.values() if isinstance(c, _NewCluster)})
    clusters = {
        claim_id: c.row.pk if isinstance(c, _NewCluster) else c for claim_id, c in placed.items()
    }
    placed_count = update_column(Claim, "cluster_id", clusters)
    refresh_tallies(clusters.values())
    return placed_count


class _NewCluster:
    """A cluster founded by a pair of matching counts, created with the others in bulk.

    Keyed by its most general count (it matches more reports), labelled by its most specific
    wording (it tells an editor more), whatever order its members joined in.
    """

    def __init__(self, a: ClaimFacts, b: ClaimFacts) -> None:
        self.members = [a, b]
        self.row = CountCluster()
        self._describe()

    def add(self, member: ClaimFacts) -> None:
        self.members.append(member)
        self._describe()

    def _describe(self) -> None:
        general = min(self.members, key=lambda f: (len(f.count_key), f.claim_id))
        specific = max(self.members, key=lambda f: (len(f.what), -f.claim_id))
        self.row.key, self.row.label = general.count_key, specific.what[:300]


def _create_clusters(new: set[_NewCluster]) -> None:
    if new:
        bulk_create_with_history([c.row for c in new], CountCluster)


def _same_count(candidate: Candidate, a: ClaimFacts, b: ClaimFacts) -> bool:
    return (
        candidate.relation in _SAME_COUNT
        and count_match(a.count_key, b.count_key) is CountMatch.SAME
    )


class Rank(models.TextChoices):
    """How a report ranks in its cluster, as Wikidata ranks statements."""

    PREFERRED = "preferred", _("preferred")
    NORMAL = "normal", _("normal")
    DEPRECATED = "deprecated", _("deprecated")


@dataclass(frozen=True, slots=True)
class ClusterView:
    cluster: CountCluster
    claims: tuple[Claim, ...]  # preferred first, deprecated last
    ranks: dict[int, Rank]
    reconciliation: Reconciliation

    @property
    def disagrees(self) -> bool:
        return len(self.reconciliation.sources_by_figure) > 1


def cluster_views(clusters: QuerySet[CountCluster]) -> list[ClusterView]:
    """Each cluster with its reports reconciled and ranked: three queries in all."""
    members = facts_queryset(Claim.objects.all()).order_by(
        "article__published_year", "article__published_month", "article__published_day", "pk"
    )

    rows = clusters.select_related("house_claim", "house_decided_by").prefetch_related(
        Prefetch("claims", queryset=members)
    )
    return [cluster_view(cluster, list(cluster.claims.all())) for cluster in rows]


def cluster_view(cluster: CountCluster, claims: list[Claim]) -> ClusterView:
    result = reconcile(report_of(facts_of(claim)) for claim in claims)
    superseded = {report.claim_id for report in result.superseded}
    ranks = {claim.pk: _rank(cluster, claim, superseded) for claim in claims}
    order = {Rank.PREFERRED: 0, Rank.NORMAL: 1, Rank.DEPRECATED: 2}
    ordered = tuple(sorted(claims, key=lambda claim: order[ranks[claim.pk]]))
    return ClusterView(cluster, ordered, ranks, result)


def _rank(cluster: CountCluster, claim: Claim, superseded: set[int]) -> Rank:
    if claim.pk == cluster.house_claim_id:
        return Rank.PREFERRED
    if claim.status == Claim.Status.FALSE or claim.pk in superseded:
        return Rank.DEPRECATED
    return Rank.NORMAL
