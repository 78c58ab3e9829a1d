"""A count cluster's stored tallies (reports, disagrees) follow every change to its reports."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Count
from django.db.models.functions import Coalesce
from django.test.utils import CaptureQueriesContext

from articles.crossref.tallies import refresh_tallies
from articles.models import Claim, CountCluster
from tests.factories import ClaimFactory
from tests.ingest.conftest import SEEDS

pytestmark = pytest.mark.django_db


def counted_afresh() -> dict[int, tuple[int, bool]]:
    """Every cluster's tallies worked out from its claims, as the pages once grouped them."""
    figure = Coalesce("claims__quantity_value", "claims__quantity_min")
    rows = CountCluster.objects.annotate(
        n=Count("claims"), figures=Count(figure, distinct=True)
    ).values_list("pk", "n", "figures")
    return {pk: (n, figures > 1) for pk, n, figures in rows}


def stored() -> dict[int, tuple[int, bool]]:
    rows = CountCluster.objects.values_list("pk", "report_count", "disagrees")
    return {pk: (n, disagrees) for pk, n, disagrees in rows}


def report(cluster: CountCluster | None, value: int) -> Claim:
    return ClaimFactory(cluster=cluster, quantity_value=Decimal(value), quantity_qualifier="exact")


def test_the_ingest_leaves_every_cluster_tallied(run_ingest):
    assert run_ingest(SEEDS).failed is None
    assert stored() == counted_afresh()
    assert CountCluster.objects.get().disagrees  # 22, 33 and 34 Turkish soldiers


def test_re_deriving_the_articles_keeps_the_tallies_right(run_ingest, monkeypatch):
    run_ingest(SEEDS)
    monkeypatch.setattr("articles.ingest.service.EXTRACTOR_VERSION", "next")
    run_ingest(SEEDS)
    assert stored() == counted_afresh()


def test_a_claim_saved_into_a_cluster_counts_and_a_new_figure_disagrees():
    cluster = CountCluster.objects.create(key="turks militair|dood", label="doden")
    report(cluster, 22)
    cluster.refresh_from_db()
    assert (cluster.report_count, cluster.disagrees) == (1, False)
    report(cluster, 33)
    cluster.refresh_from_db()
    assert (cluster.report_count, cluster.disagrees) == (2, True)


def test_correcting_a_figure_ends_the_disagreement():
    cluster = CountCluster.objects.create(key="k", label="doden")
    report(cluster, 22)
    wrong = report(cluster, 33)
    wrong.quantity_value = Decimal(22)
    wrong.save(update_fields=["quantity_value"])
    cluster.refresh_from_db()
    assert (cluster.report_count, cluster.disagrees) == (2, False)


def test_a_claim_moved_to_another_cluster_is_counted_out_of_the_first():
    first = CountCluster.objects.create(key="a", label="a")
    second = CountCluster.objects.create(key="b", label="b")
    report(first, 22)
    moving = Claim.objects.get(pk=report(first, 33).pk)  # loaded, as the admin loads it
    moving.cluster = second
    moving.save()
    assert stored() == {first.pk: (1, False), second.pk: (1, False)}


def test_a_deleted_claim_is_counted_out():
    cluster = CountCluster.objects.create(key="k", label="doden")
    report(cluster, 22)
    report(cluster, 33).delete()
    assert stored() == {cluster.pk: (1, False)}


def test_saving_other_fields_costs_no_tally_query():
    claim = report(CountCluster.objects.create(key="k", label="doden"), 22)
    with CaptureQueriesContext(connection) as queries:
        claim.save(update_fields=["status"])
    table = CountCluster._meta.db_table
    assert queries.captured_queries
    assert not [q for q in queries.captured_queries if f'UPDATE "{table}"' in q["sql"]]


def test_refresh_without_ids_repairs_tallies_written_around_the_orm():
    cluster = CountCluster.objects.create(key="k", label="doden")
    report(cluster, 22)
    report(cluster, 33)
    CountCluster.objects.update(report_count=0, disagrees=False)  # e.g. a raw bulk write
    assert refresh_tallies() == 1
    assert stored() == {cluster.pk: (2, True)}


def test_only_disagreeing_clusters_are_listed_as_such():
    agreeing = CountCluster.objects.create(key="a", label="a")
    disagreeing = CountCluster.objects.create(key="b", label="b")
    report(agreeing, 5), report(agreeing, 5)
    report(disagreeing, 5), report(disagreeing, 6)
    assert list(CountCluster.objects.disagreeing()) == [disagreeing]
    assert set(Claim.objects.with_conflicting_quantities().values_list("cluster", flat=True)) == {
        disagreeing.pk
    }
