"""Count clusters: reports of one count kept together, reconciled, ranked, and given a house
figure by an editor."""

from decimal import Decimal

import pytest

from articles.crossref.clusters import Rank, cluster_views
from articles.crossref.decisions import set_house_figure
from articles.models import Claim, CountCluster
from tests.factories import UserFactory

from .conftest import SEEDS, seed_claim
from .test_suggest import ARTICLE_B_33, GOVERNOR_22, SOHR_34

pytestmark = pytest.mark.django_db


def the_cluster() -> CountCluster:
    return CountCluster.objects.get(claims=seed_claim(GOVERNOR_22))


def view_of(cluster: CountCluster):
    (view,) = cluster_views(CountCluster.objects.filter(pk=cluster.pk))
    return view


def test_the_seed_counts_of_turkish_dead_form_one_cluster(seeded):
    cluster = the_cluster()
    assert {c.text[:30] for c in cluster.claims.all()} == {
        GOVERNOR_22[:30],
        SOHR_34[:30],
        ARTICLE_B_33[:30],
    }
    assert cluster.key == "turks|dood"  # the general key matches both wordings
    assert cluster.label == "Turkse militairen om het leven gekomen"
    assert CountCluster.objects.count() == 1


def test_the_cluster_reconciles_to_34_with_22_as_the_conservative_figure(seeded):
    result = view_of(the_cluster()).reconciliation
    assert result.consistent
    assert (result.low, result.best, result.high) == (34, 34, 34)
    assert result.conservative == 22
    assert result.conservative_report.source == "gouverneur van Hatay"
    assert result.independent_sources == 3


def test_the_house_figure_ranks_its_report_first_and_a_false_one_last(seeded):
    cluster, editor = the_cluster(), UserFactory(username="anna")
    follows = seed_claim(ARTICLE_B_33)
    set_house_figure(
        cluster,
        editor,
        value=Decimal(33),
        qualifier="at_least",
        wording="zeker 33 doden, volgens het Turkse leger",
        follows=follows,
    )
    false = seed_claim(SOHR_34)
    false.set_status(Claim.Status.FALSE, editor)
    false.save()
    view = view_of(cluster)
    assert view.claims[0] == follows and view.ranks[follows.pk] == Rank.PREFERRED
    assert view.claims[-1] == false and view.ranks[false.pk] == Rank.DEPRECATED
    cluster.refresh_from_db()
    assert cluster.house_decided_by == editor and cluster.house_decided_at is not None
    assert cluster.history.first().history_user == editor


def test_the_house_figure_must_follow_a_report_of_its_own_cluster(seeded):
    stranger = seed_claim("Ongeveer een miljoen burgers")
    with pytest.raises(ValueError, match="not a report of cluster"):
        set_house_figure(the_cluster(), UserFactory(), value=Decimal(1), follows=stranger)


def test_a_cluster_with_a_house_figure_survives_re_ingest_and_its_reports_rejoin(
    seeded, run_ingest, monkeypatch
):
    cluster = the_cluster()
    set_house_figure(cluster, UserFactory(), value=Decimal(34), wording="34 doden")
    monkeypatch.setattr("articles.ingest.service.EXTRACTOR_VERSION", "next")
    run_ingest(SEEDS)
    assert CountCluster.objects.get() == cluster
    assert cluster.claims.count() == 3


def test_a_cluster_keeps_its_identity_when_its_reports_are_re_derived(
    seeded, run_ingest, monkeypatch
):
    old = the_cluster()
    monkeypatch.setattr("articles.ingest.service.EXTRACTOR_VERSION", "next")
    run_ingest(SEEDS)
    assert the_cluster() == old and old.claims.count() == 3


def test_a_cluster_whose_reports_are_all_gone_goes(run_ingest, tmp_path):
    article = tmp_path / "corpus" / "counts.txt"
    article.parent.mkdir()
    counts = (
        " date 2020-02 Zeker 22 Turkse militairen zijn gedood, meldt Reuters.\n\n"
        "Volgens het Syrisch Observatorium zijn 34 Turkse militairen gedood.\n\n"
    )
    article.write_text(counts + "Turkije eist overleg.", encoding="utf-8")
    assert run_ingest(article.parent).failed is None
    assert CountCluster.objects.get().claims.count() == 2
    article.write_text(" date 2020-02 Turkije eist overleg.", encoding="utf-8")
    run_ingest(article.parent)
    assert not CountCluster.objects.exists()


def test_a_superseded_report_is_deprecated(count_article):
    first = count_article("Zeker 22 doden.", value=22, qualifier="at_least", month=2, source="SOHR")
    later = count_article("Inmiddels 34 doden.", value=34, month=3, source="SOHR")
    other = count_article("Er zijn 34 doden.", value=34, month=3, source="Reuters")
    view = view_of(CountCluster.objects.get())
    assert view.ranks == {first.pk: Rank.DEPRECATED, later.pk: Rank.NORMAL, other.pk: Rank.NORMAL}
    assert view.reconciliation.consistent and view.reconciliation.best == 34


def test_reports_that_cannot_all_be_true_are_flagged(count_article):
    count_article("Zeker 40 militairen gedood.", value=40, qualifier="at_least")
    count_article("Precies 34 militairen gedood.", value=34)
    result = view_of(CountCluster.objects.get()).reconciliation
    assert not result.consistent
    assert {r.value for r in result.conflicting} == {40, 34}


def test_views_of_many_clusters_take_a_fixed_number_of_queries(
    count_article, django_assert_max_num_queries
):
    for n in range(6):
        count_article(f"Zeker {n + 2} doden.", value=n + 2, key=f"k{n}|dood", month=1 + n * 2)
        count_article(f"Precies {n + 9} doden.", value=n + 9, key=f"k{n}|dood", month=1 + n * 2)
    assert CountCluster.objects.count() == 6
    with django_assert_max_num_queries(3):
        views = cluster_views(CountCluster.objects.all())
        assert all(len(view.claims) == 2 for view in views)
