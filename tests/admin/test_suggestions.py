"""Suggested links in the admin: the list and its actions, the suggestion's page, and the
pending suggestions on a claim's page."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from articles.models import Claim, ClaimLink, LinkSuggestion
from articles.roles import READERS, grant_role
from tests.factories import ArticleFactory, ClaimFactory
from tests.test_history import posted_back

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:articles_linksuggestion_changelist")
REASONS = [
    {"code": "same_count", "what": ["Turkse doden", "Turkse doden"], "figures": ["≥ 22", "34"]},
    {"code": "same_month"},
]
WORDED = "same count: Turkse doden; ≥ 22 vs 34; same month"


def suggestion(**fields) -> LinkSuggestion:
    fields.setdefault("from_claim", fields.get("from_claim") or ClaimFactory())
    fields.setdefault("to_claim", fields.get("to_claim") or ClaimFactory())
    return LinkSuggestion.objects.create(
        **{"relation": "conflicts", "score": 0.8, "reasons": REASONS, **fields}
    )


def change_url(obj: LinkSuggestion) -> str:
    return reverse("admin:articles_linksuggestion_change", args=[obj.pk])


def claim_url(claim: Claim) -> str:
    return reverse("admin:articles_claim_change", args=[claim.pk])


def listed(client, **params) -> set[int]:
    response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return {obj.pk for obj in response.context["cl"].result_list}


@pytest.fixture
def reader_client(client):
    user = get_user_model().objects.create_user("lezer")
    grant_role(user, READERS)
    client.force_login(user)
    return client


def test_accepting_through_the_action_links_the_claims_signed_by_the_editor(editor_client):
    chosen, other = suggestion(), suggestion()
    response = editor_client.post(
        CHANGELIST, {"action": "accept_selected", "_selected_action": [chosen.pk]}, follow=True
    )
    assert "1 suggestion accepted: its claims are now linked." in response.content.decode()
    link = ClaimLink.objects.get()
    assert (link.from_claim, link.to_claim, link.relation) == (
        chosen.from_claim,
        chosen.to_claim,
        "conflicts",
    )
    assert (link.created_by.username, link.note) == ("editor", WORDED)
    chosen.refresh_from_db()
    assert (chosen.status, chosen.decided_by.username, chosen.link) == ("accepted", "editor", link)
    assert chosen.decided_at is not None
    other.refresh_from_db()
    assert other.status == "pending"


def test_rejecting_through_the_action_keeps_the_suggestion_and_makes_no_link(editor_client):
    chosen = suggestion()
    response = editor_client.post(
        CHANGELIST, {"action": "reject_selected", "_selected_action": [chosen.pk]}, follow=True
    )
    assert "1 suggestion rejected" in response.content.decode()
    chosen.refresh_from_db()
    assert (chosen.status, chosen.decided_by.username) == ("rejected", "editor")
    assert chosen.decided_at is not None and not ClaimLink.objects.exists()


def test_already_decided_suggestions_are_left_as_they_are(editor_client):
    pending = suggestion()
    decided = suggestion()
    editor_client.post(CHANGELIST, {"action": "reject_selected", "_selected_action": [decided.pk]})
    response = editor_client.post(
        f"{CHANGELIST}?status=all",
        {"action": "accept_selected", "_selected_action": [pending.pk, decided.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "1 suggestion accepted" in html
    assert "1 selected suggestion was already decided and was left as it is." in html
    decided.refresh_from_db()
    assert decided.status == "rejected" and ClaimLink.objects.count() == 1


def test_the_list_shows_pending_suggestions_unless_asked_for_others(editor_client):
    pending, accepted = suggestion(), suggestion(relation="corroborates")
    editor_client.post(CHANGELIST, {"action": "accept_selected", "_selected_action": [accepted.pk]})
    assert listed(editor_client) == {pending.pk}
    assert listed(editor_client, status="accepted") == {accepted.pk}
    assert listed(editor_client, status="all") == {pending.pk, accepted.pk}
    assert listed(editor_client, status="all", relation="corroborates") == {accepted.pk}
    page = editor_client.get(CHANGELIST).content.decode()
    assert WORDED in page and "0.80" in page and "conflicts with" in page


def test_search_finds_either_claim(editor_client):
    article = ArticleFactory(text=" date 2020-02 Zeker 22 doden in Idlib. Elders 5 gewonden.")
    idlib = ClaimFactory(article=article, start=14, end=37)
    elders = ClaimFactory(article=article, start=38, end=len(article.text))
    one = suggestion(from_claim=idlib)
    two = suggestion(to_claim=elders)
    assert listed(editor_client, q="Idlib") == {one.pk}
    assert listed(editor_client, q="gewonden") == {two.pk}


def test_a_reader_sees_suggestions_but_cannot_decide(reader_client):
    pending = suggestion()
    response = reader_client.get(CHANGELIST)
    assert response.status_code == 200
    form = response.context["action_form"]  # None: no action at all is offered
    offered = dict(form.fields["action"].choices) if form else {}
    assert "accept_selected" not in offered and "reject_selected" not in offered
    reader_client.post(CHANGELIST, {"action": "accept_selected", "_selected_action": [pending.pk]})
    page = reader_client.get(change_url(pending))
    assert page.status_code == 200 and b'name="_accept"' not in page.content
    assert reader_client.post(change_url(pending), {"_accept": "1"}).status_code == 403
    pending.refresh_from_db()
    assert pending.status == "pending" and not ClaimLink.objects.exists()


def test_suggestions_are_neither_added_nor_deleted_in_the_admin(editor_client, admin_client):
    pending = suggestion()
    for client in (editor_client, admin_client):
        assert client.get(reverse("admin:articles_linksuggestion_add")).status_code == 403
        delete = reverse("admin:articles_linksuggestion_delete", args=[pending.pk])
        assert client.post(delete, {"post": "yes"}).status_code == 403
    assert LinkSuggestion.objects.filter(pk=pending.pk).exists()


def test_the_suggestions_page_accepts_with_its_button(editor_client):
    pending = suggestion()
    page = editor_client.get(change_url(pending)).content.decode()
    assert 'name="_accept"' in page and 'name="_reject"' in page
    assert 'name="_save"' not in page and WORDED in page
    response = editor_client.post(change_url(pending), {"_accept": ""}, follow=True)
    assert "Suggestion accepted: the two claims are now linked." in response.content.decode()
    pending.refresh_from_db()
    assert (pending.status, pending.decided_by.username) == ("accepted", "editor")
    link = ClaimLink.objects.get()
    assert (link.created_by.username, link.note, pending.link) == ("editor", WORDED, link)
    decided = editor_client.get(change_url(pending)).content.decode()
    assert 'name="_accept"' not in decided and "accepted" in decided


def test_the_suggestions_page_rejects_and_a_second_decision_changes_nothing(editor_client):
    pending = suggestion()
    editor_client.post(change_url(pending), {"_reject": ""})
    response = editor_client.post(change_url(pending), {"_accept": ""}, follow=True)
    assert "This suggestion was already decided: it is rejected." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == "rejected" and not ClaimLink.objects.exists()


def test_the_claim_page_shows_pending_suggestions_both_ways_with_their_reason(editor_client):
    claim = ClaimFactory()
    out = suggestion(from_claim=claim)
    into = suggestion(to_claim=claim, relation="updates", reasons=[{"code": "same_month"}])
    suggestion(from_claim=claim, status="rejected", decided_at="2020-03-01T00:00:00Z")
    page = editor_client.get(claim_url(claim))
    html = page.content.decode()
    assert WORDED in html and "same month" in html
    assert change_url(out) in html and change_url(into) in html
    assert claim_url(out.to_claim) in html and claim_url(into.from_claim) in html
    formsets = {f.formset.prefix: f.formset for f in page.context["inline_admin_formsets"]}
    assert list(formsets["suggestions_out"].queryset) == [out]
    assert list(formsets["suggestions_in"].queryset) == [into]
    assert 'name="suggestions_out-0-decision"' in html


def test_the_claim_page_decides_its_pending_suggestions(editor_client):
    claim = ClaimFactory()
    out = suggestion(from_claim=claim)
    into = suggestion(to_claim=claim, relation="updates")
    url = claim_url(claim)
    form = posted_back(
        editor_client.get(url),
        **{"suggestions_out-0-decision": "accept", "suggestions_in-0-decision": "reject"},
    )
    response = editor_client.post(url, form)
    assert response.status_code == 302, response.context["errors"]
    out.refresh_from_db()
    into.refresh_from_db()
    assert (out.status, into.status) == ("accepted", "rejected")
    assert {out.decided_by.username, into.decided_by.username} == {"editor"}
    link = ClaimLink.objects.get()
    assert (link.from_claim, link.to_claim, link.created_by.username) == (
        claim,
        out.to_claim,
        "editor",
    )
    assert link.note == WORDED
    html = editor_client.get(url).content.decode()
    assert "suggestions_out-TOTAL_FORMS" not in html, "nothing pending: no suggestion table"


def test_a_claim_without_pending_suggestions_has_no_suggestion_tables(editor_client):
    claim = ClaimFactory()
    html = editor_client.get(claim_url(claim)).content.decode()
    assert "suggestions_out" not in html and "suggestions_in" not in html


def test_a_reader_sees_a_claims_pending_suggestions_without_deciding(reader_client):
    claim = ClaimFactory()
    suggestion(from_claim=claim)
    html = reader_client.get(claim_url(claim)).content.decode()
    assert WORDED in html and "decision" not in html


def test_html_in_a_claim_is_escaped_on_the_suggestion_pages(editor_client):
    article = ArticleFactory(text=' date 2020-02 <script>alert("x")</script> 22 doden.')
    claim = ClaimFactory(article=article)
    pending = suggestion(from_claim=claim)
    for url in (CHANGELIST, change_url(pending), claim_url(pending.to_claim)):
        html = editor_client.get(url).content.decode()
        assert '<script>alert("x")' not in html, url
        assert "&lt;script&gt;alert(&quot;x&quot;)" in html, url
