"""Count clusters in the admin: the reconciled figures, the ranked reports, the house figure."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from articles.ingest.files import discover
from articles.ingest.service import ingest
from articles.models import Claim, CountCluster
from articles.roles import READERS, grant_role
from tests.factories import ArticleFactory, ClaimFactory
from tests.test_history import posted_back

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CHANGELIST = reverse("admin:articles_countcluster_changelist")
TURKS = {
    "22": "zeker 22 Turkse militairen",
    "33": "zeker 33 Turkse militairen",
    "34": "zelfs 34 Turkse doden",
}


def change_url(cluster: CountCluster) -> str:
    return reverse("admin:articles_countcluster_change", args=[cluster.pk])


@pytest.fixture
def turks() -> CountCluster:
    """The seeds' cluster of Turkish soldiers killed: reports of ≥ 22, 34 and ≥ 33."""
    assert ingest(discover([SEEDS])).ok
    cluster = Claim.objects.get(text__contains=TURKS["22"]).cluster
    assert cluster is not None
    assert set(cluster.claims.values_list("pk", flat=True)) >= {
        Claim.objects.get(text__contains=text).pk for text in TURKS.values()
    }
    return cluster


def cluster_of(
    *figures: tuple[int, str], text: str = " date 2020-02 Zeker 22 doden."
) -> CountCluster:
    cluster = CountCluster.objects.create(key="dood", label="doden")
    for value, qualifier in figures:
        ClaimFactory(
            article=ArticleFactory(text=text),
            cluster=cluster,
            quantity_value=value,
            quantity_qualifier=qualifier,
            quantity_key="dood",
        )
    return cluster


def row(html: str, field: str) -> str:
    """The reconciliation table's cell for this row heading."""
    start = html.index(f"<th>{field}</th><td>") + len(f"<th>{field}</th><td>")
    return html[start : html.index("</td></tr>", start)]


def test_the_cluster_page_shows_the_reconciled_figures_of_the_seeds(editor_client, turks):
    html = editor_client.get(change_url(turks)).content.decode()
    assert (row(html, "low"), row(html, "best estimate"), row(html, "high")) == ("34", "34", "34")
    conservative = row(html, "conservative figure")
    assert "≥ 22" in conservative and "gouverneur van Hatay" in conservative
    claim_22 = Claim.objects.get(text__contains=TURKS["22"])
    assert reverse("admin:articles_claim_change", args=[claim_22.pk]) in conservative
    assert row(html, "can all be true").startswith('<span class="consistent">Yes')
    assert row(html, "independent sources") == "3"
    by_figure = row(html, "sources by figure")
    assert '<strong class="figure">34</strong> Syrisch Observatorium' in by_figure
    for text in TURKS.values():
        assert text in html
    assert html.count('<tr class="rank-normal">') == 3


def test_the_cluster_list_shows_the_reconciled_range_per_cluster(editor_client, turks):
    html = editor_client.get(CHANGELIST).content.decode()
    assert '<td class="field-low">34</td>' in html
    assert '<td class="field-best">34</td>' in html
    assert '<td class="field-report_count">3</td>' in html
    assert 'class="field-can_all_be_true"><img src="/static/admin/img/icon-yes.svg"' in html


def test_conflicting_reports_show_the_conflicting_pair(editor_client):
    cluster = cluster_of((22, "exact"), (34, "exact"))
    html = editor_client.get(change_url(cluster)).content.decode()
    agreement = row(html, "can all be true")
    assert "No: these two cannot both be true" in agreement
    assert "34" in agreement and "22" in agreement
    assert (row(html, "low"), row(html, "high")) == ("22", "34")
    listed = editor_client.get(CHANGELIST).content.decode()
    assert 'class="field-can_all_be_true"><img src="/static/admin/img/icon-no.svg"' in listed


def test_saving_a_house_figure_records_the_editor_and_prefers_its_report(editor_client, turks):
    follows = Claim.objects.get(text__contains=TURKS["33"])
    url = change_url(turks)
    form = posted_back(
        editor_client.get(url),
        house_value="33",
        house_qualifier="at_least",
        house_wording="zeker 33 doden, volgens Turkse media",
        house_claim=follows.pk,
    )
    response = editor_client.post(url, form)
    assert response.status_code == 302, response.context["adminform"].form.errors
    turks.refresh_from_db()
    assert (turks.house_value, turks.house_qualifier, turks.house_claim) == (
        Decimal(33),
        "at_least",
        follows,
    )
    assert turks.house_decided_by.username == "editor" and turks.house_decided_at is not None
    assert turks.history.first().history_user.username == "editor"
    html = editor_client.get(url).content.decode()
    ranked = html[html.index('<table class="cluster-reports">') :]
    body = ranked[ranked.index("<tbody>") :]
    first_row = body[: body.index("</tr>")]
    assert 'class="rank-preferred"' in first_row and TURKS["33"] in first_row
    listed = editor_client.get(CHANGELIST).content.decode()
    assert '<td class="field-house_figure">≥ 33</td>' in listed


def test_changing_only_the_label_decides_nothing(editor_client):
    cluster = cluster_of((22, "exact"))
    url = change_url(cluster)
    response = editor_client.post(url, posted_back(editor_client.get(url), label="Doden"))
    assert response.status_code == 302
    cluster.refresh_from_db()
    assert (cluster.label, cluster.house_decided_by, cluster.house_decided_at) == (
        "Doden",
        None,
        None,
    )


def test_a_figure_without_qualifier_is_exact_and_the_report_must_be_the_clusters(editor_client):
    cluster, other = cluster_of((22, "exact")), cluster_of((40, "exact"))
    url = change_url(cluster)
    stranger = other.claims.get()
    refused = editor_client.post(
        url, posted_back(editor_client.get(url), house_value="22", house_claim=stranger.pk)
    )
    assert refused.status_code == 200
    assert "house_claim" in refused.context["adminform"].form.errors
    form = posted_back(editor_client.get(url), house_value="22", house_qualifier="")
    assert editor_client.post(url, form).status_code == 302
    cluster.refresh_from_db()
    assert (cluster.house_value, cluster.house_qualifier) == (Decimal(22), "exact")


def test_the_house_figure_select_offers_only_the_clusters_reports(editor_client, turks):
    page = editor_client.get(change_url(turks))
    field = page.context["adminform"].form.fields["house_claim"]
    offered = {claim.pk for claim in field.queryset}
    assert offered == set(turks.claims.values_list("pk", flat=True))
    html = page.content.decode()
    assert "≥ 22 — gouverneur van Hatay — 000_78357a777ef7f92d" in html


def test_filter_on_house_figure_and_search(editor_client):
    decided, open_ = cluster_of((22, "exact")), cluster_of((5, "exact"))
    CountCluster.objects.filter(pk=open_.pk).update(label="gewonden", key="gewond")
    url = change_url(decided)
    editor_client.post(url, posted_back(editor_client.get(url), house_wording="zeker 22 doden"))

    def listed(**params) -> set[int]:
        return {c.pk for c in editor_client.get(CHANGELIST, params).context["cl"].result_list}

    assert listed(has_house_figure="yes") == {decided.pk}
    assert listed(has_house_figure="no") == {open_.pk}
    assert listed(q="gewond") == {open_.pk}


def test_a_reader_sees_the_cluster_but_cannot_record_a_house_figure(client):
    cluster = cluster_of((22, "exact"), (34, "exact"))
    user = get_user_model().objects.create_user("lezer")
    grant_role(user, READERS)
    client.force_login(user)
    page = client.get(change_url(cluster))
    assert page.status_code == 200 and b'name="house_value"' not in page.content
    assert b"cluster-reports" in page.content
    assert client.post(change_url(cluster), {"house_value": "22"}).status_code == 403
    assert client.get(CHANGELIST).status_code == 200


def test_clusters_are_not_added_in_the_admin(editor_client, admin_client):
    for client in (editor_client, admin_client):
        assert client.get(reverse("admin:articles_countcluster_add")).status_code == 403


def test_html_in_a_claim_is_escaped_on_the_cluster_page(editor_client):
    cluster = cluster_of((22, "exact"), text=' date 2020-02 <img src=x onerror="alert(1)"> 22.')
    CountCluster.objects.filter(pk=cluster.pk).update(label="<b>doden</b>")
    html = editor_client.get(change_url(cluster)).content.decode()
    assert "<img src=x" not in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    listed = editor_client.get(CHANGELIST).content.decode()
    assert "<b>doden</b>" not in listed and "&lt;b&gt;doden&lt;/b&gt;" in listed


def test_the_claim_page_sets_the_cluster_through_autocomplete(editor_client, turks):
    claim = Claim.objects.get(text__contains=TURKS["22"])
    page = editor_client.get(reverse("admin:articles_claim_change", args=[claim.pk]))
    assert 'name="cluster"' in page.content.decode()
    assert page.context["adminform"].form.initial["cluster"] == turks.pk
    found = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "claim", "field_name": "cluster", "term": "Turk"},
    )
    assert [result["id"] for result in found.json()["results"]] == [str(turks.pk)]
