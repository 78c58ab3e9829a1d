"""The claim admin: filters, bulk actions, links in both directions, context."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.admin.claims import ClaimAdmin
from articles.admin.common import CappedCountPaginator
from articles.models import Claim, ClaimLink
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    ClaimLinkFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:articles_claim_changelist")


def listed(client, **params) -> set[int]:
    response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return {claim.pk for claim in response.context["cl"].result_list}


def test_filters_on_quantity_conflicts_and_article_month(editor_client):
    counted = ClaimFactory(quantity_value=22, quantity_qualifier="at_least")
    plain = ClaimFactory()
    other = ClaimFactory(article=ArticleFactory(published_year=2021, published_month=5))
    ClaimLinkFactory(from_claim=counted, to_claim=other, relation="conflicts")
    ClaimLinkFactory(from_claim=plain, to_claim=counted, relation="related")
    assert listed(editor_client, has_quantity="yes") == {counted.pk}
    assert listed(editor_client, has_quantity="no") == {plain.pk, other.pk}
    assert listed(editor_client, has_conflicts="yes") == {counted.pk, other.pk}
    assert listed(editor_client, has_conflicts="no") == {plain.pk}
    assert listed(editor_client, published="2021-5") == {other.pk}
    assert listed(editor_client, published="2020-2") == {counted.pk, plain.pk}


def test_filters_on_the_actor_a_claim_is_about_or_sourced_to(editor_client):
    turkey, syria = ActorFactory(name="Turkije"), ActorFactory(name="Syrië")
    about_turkey, about_both, about_syria = ClaimFactory(), ClaimFactory(), ClaimFactory()
    about_turkey.about.add(turkey)
    about_both.about.add(turkey, syria)
    about_syria.about.add(syria)
    said = ClaimFactory(source=SourceFactory(actor=turkey))
    relayed = ClaimFactory(via=SourceFactory(actor=turkey))
    assert listed(editor_client, about=turkey.pk) == {about_turkey.pk, about_both.pk}
    assert listed(editor_client, source_actor=turkey.pk) == {said.pk, relayed.pk}
    assert listed(editor_client, source_actor=syria.pk) == set()
    assert listed(editor_client, about="x") == set()  # a bad id finds nothing, no error
    page = editor_client.get(CHANGELIST, {"about": turkey.pk}).content.decode()
    assert "about actor" in page and "Turkije" in page  # the chosen filter is shown


def test_the_list_is_newest_first_and_counts_up_to_the_cap(editor_client, monkeypatch):
    monkeypatch.setattr(CappedCountPaginator, "cap", 3)
    monkeypatch.setattr(ClaimAdmin, "list_per_page", 2)
    turkey = ActorFactory(name="Turkije")
    claims = ClaimFactory.create_batch(4)
    for claim in claims:
        claim.about.add(turkey)
    response = editor_client.get(CHANGELIST, {"about": turkey.pk})
    cl = response.context["cl"]
    assert [c.pk for c in cl.result_list] == [claims[3].pk, claims[2].pk]
    assert cl.paginator.capped and cl.result_count == 4  # counted: cap + 1
    page = response.content.decode()
    assert "More than 3 claims" in page
    assert "Select all matching claims" in page and "Select all 4" not in page
    assert "More than 3 results" in page and "4 results" not in page
    claims[0].about.remove(turkey)
    response = editor_client.get(CHANGELIST, {"about": turkey.pk})
    assert not response.context["cl"].paginator.capped
    page = response.content.decode()
    assert "3 claims" in page and "More than" not in page and "Select all 3 claims" in page


def test_a_capped_count_is_one_query_without_sorting():
    ClaimFactory.create_batch(3)
    paginator = CappedCountPaginator(Claim.objects.order_by("article__title"), 2)
    paginator.cap = 10
    with CaptureQueriesContext(connection) as queries:
        assert (paginator.count, paginator.capped, paginator.num_pages) == (3, False, 2)
    (count,) = queries.captured_queries
    assert "ORDER BY" not in count["sql"] and "LIMIT 11" in count["sql"]


def test_bulk_status_records_the_reviewer(editor_client):
    claims = ClaimFactory.create_batch(3)
    response = editor_client.post(
        CHANGELIST,
        {"action": "mark_verified", "_selected_action": [c.pk for c in claims[:2]]},
        follow=True,
    )
    assert "2 claims marked verified." in response.content.decode()
    verified = Claim.objects.filter(status="verified")
    assert set(verified.values_list("reviewed_by__username", flat=True)) == {"editor"}
    assert verified.count() == 2 and all(c.reviewed_at for c in verified)


def test_linking_the_selected_claims_makes_every_pair_once(editor_client):
    claims = ClaimFactory.create_batch(3)
    selected = {"action": "link_as_conflicting", "_selected_action": [c.pk for c in claims]}
    editor_client.post(CHANGELIST, selected)
    editor_client.post(CHANGELIST, selected)
    links = ClaimLink.objects.all()
    assert links.count() == 3 and {link.relation for link in links} == {"conflicts"}
    assert {link.created_by.username for link in links} == {"editor"}


def test_the_claim_page_shows_context_and_links_both_ways(editor_client):
    claim, other, third = ClaimFactory.create_batch(3)
    ClaimLinkFactory(
        from_claim=claim, to_claim=other, relation="corroborates", note="zelfde cijfer"
    )
    ClaimLinkFactory(from_claim=third, to_claim=claim, relation="conflicts")
    page = editor_client.get(reverse("admin:articles_claim_change", args=[claim.pk]))
    html = page.content.decode()
    assert f"<mark>{claim.text}</mark>" in html
    assert "zelfde cijfer" in html
    assert page.context["inline_admin_formsets"][0].formset.queryset.get().to_claim == other
    assert page.context["inline_admin_formsets"][1].formset.queryset.get().from_claim == third
