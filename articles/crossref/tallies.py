"""The tallies a count cluster keeps of its reports: how many, and whether they disagree.

Pages count and list the clusters whose reports give different figures; grouping every claim
of the archive to find them took seconds at 100,000 articles. So each cluster stores
``report_count`` and ``disagrees``, worked out again here whenever its membership or a member's
figure changes: the cross-referencing and the ingest call ``refresh_tallies`` for the clusters
they touch, and the receivers below cover claims saved or deleted one by one (the admin,
imports, scripts). ``refresh_tallies()`` without ids repairs every cluster.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThan
from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver

from articles.models import Claim, CountCluster

# What a report's tally depends on.
_TALLIED_FIELDS = {"cluster", "cluster_id", "quantity_value", "quantity_min"}
# Clusters per UPDATE: well under SQLite's limit of bound parameters.
CHUNK = 5000


def refresh_tallies(cluster_ids: Iterable[int | None] | None = None) -> int:
    """Count the reports of these clusters (of all of them with ``None``) and their distinct
    figures (a value, or a range's minimum); returns the number of clusters updated."""
    if cluster_ids is None:
        return _tallied(CountCluster.objects.all())
    ordered = sorted({pk for pk in cluster_ids if pk is not None})
    return sum(
        _tallied(CountCluster.objects.filter(pk__in=ordered[first : first + CHUNK]))
        for first in range(0, len(ordered), CHUNK)
    )


def _tallied(clusters) -> int:
    members = Claim.objects.filter(cluster=OuterRef("pk")).order_by().values("cluster")
    figure = Coalesce("quantity_value", "quantity_min")
    reports = members.annotate(n=Count("pk")).values("n")
    figures = members.annotate(n=Count(figure, distinct=True)).values("n")
    return clusters.update(
        report_count=Coalesce(Subquery(reports), 0),
        disagrees=GreaterThan(Coalesce(Subquery(figures), 0), 1),
    )


@receiver(post_init, sender=Claim, dispatch_uid="cluster_tallies_remember")
def _remember_cluster(sender, instance: Claim, **kwargs) -> None:
    # The cluster a claim was loaded in: if it moves, the one it left needs counting too.
    instance._loaded_cluster_id = instance.__dict__.get("cluster_id")


@receiver(post_save, sender=Claim, dispatch_uid="cluster_tallies_saved")
def _claim_saved(sender, instance: Claim, update_fields=None, **kwargs) -> None:
    if update_fields is not None and not _TALLIED_FIELDS & set(update_fields):
        return
    # Read without loading a deferred field: a claim loaded without its cluster kept it.
    now = instance.__dict__.get("cluster_id")
    before = getattr(instance, "_loaded_cluster_id", None)
    if now is not None or before is not None:
        refresh_tallies([now, before])
    instance._loaded_cluster_id = now


@receiver(post_delete, sender=Claim, dispatch_uid="cluster_tallies_deleted")
def _claim_deleted(sender, instance: Claim, **kwargs) -> None:
    if instance.__dict__.get("cluster_id") is not None:
        refresh_tallies([instance.cluster_id])
