"""The admin as the demo editor uses it."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from articles.models import Actor, Article, Claim, Origin
from tests.admin.conftest import management_forms
from tests.factories import ActorFactory, ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def test_demo_editor_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="development only"):
        call_command("create_demo_editor")


def test_demo_editor_prints_a_working_login(settings, client, capsys):
    settings.DEBUG = True
    call_command("create_demo_editor")
    password = capsys.readouterr().out.strip().rsplit(" ", 1)[-1]
    assert client.login(username="editor", password=password)
    assert client.get(reverse("admin:articles_claim_changelist")).status_code == 200


def test_editing_the_title_keeps_it_across_reingest_but_text_is_read_only(editor_client):
    article = ArticleFactory()
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = editor_client.get(url)
    assert b'name="text"' not in page.content and b'name="title"' in page.content
    response = editor_client.post(
        url,
        {
            "title": "Een betere titel",
            "language": "nl",
            "published_year": 2020,
            "published_month": 2,
            "published_day": "",
            **management_forms("segments", "notes", "claims"),
        },
    )
    assert response.status_code == 302, response.content[:2000]
    article = Article.objects.get(pk=article.pk)
    assert (article.title, article.title_is_derived) == ("Een betere titel", False)


@pytest.mark.parametrize(
    "model", ["article", "claim", "actor", "source", "mention", "claimlink", "note"]
)
def test_every_changelist_opens(editor_client, model):
    ArticleFactory()
    assert editor_client.get(reverse(f"admin:articles_{model}_changelist")).status_code == 200


def claim_form(article, start: int, end: int, **fields) -> dict:
    return {
        "article": article.pk,
        "start": start,
        "end": end,
        "direct_quote": "",
        "quantity_qualifier": "",
        "quantity_what": "",
        "quantity_key": "",
        "status": "unreviewed",
        **management_forms("notes", "links_out", "links_in"),
        **fields,
    }


def test_an_editor_adds_a_claim_from_a_span_of_the_article(editor_client):
    article = ArticleFactory()
    start = article.text.index("Nog een zin")
    url = reverse("admin:articles_claim_add")
    response = editor_client.post(url, claim_form(article, start, len(article.text)))
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert (claim.text, claim.origin) == ("Nog een zin met 22 doden.", Origin.EDITOR)
    assert claim.created_by.username == "editor" and claim.prefix.endswith("Een zin. ")


def test_a_span_outside_the_text_is_refused_with_a_clear_error(editor_client):
    article = ArticleFactory()
    response = editor_client.post(
        reverse("admin:articles_claim_add"), claim_form(article, 5, len(article.text) + 1)
    )
    assert response.status_code == 200
    assert "The span must satisfy 0 ≤ start &lt; end ≤ 48." in response.content.decode()
    assert not Claim.objects.exists()


def test_changing_the_status_records_reviewer_and_time(editor_client):
    claim = ClaimFactory()
    url = reverse("admin:articles_claim_change", args=[claim.pk])
    response = editor_client.post(
        url, claim_form(claim.article, claim.start, claim.end, status="disputed")
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.reviewed_by.username) == ("disputed", "editor")
    assert claim.reviewed_at is not None


def test_notes_written_in_the_claim_page_are_signed_by_their_editor(editor_client):
    claim = ClaimFactory()
    url = reverse("admin:articles_claim_change", args=[claim.pk])
    form = claim_form(claim.article, claim.start, claim.end)
    form.update(
        {"notes-TOTAL_FORMS": 1, "notes-0-body": "Bron nabellen.", "notes-0-claim": claim.pk}
    )
    assert editor_client.post(url, form).status_code == 302
    note = claim.notes.get()
    assert (note.body, note.author.username) == ("Bron nabellen.", "editor")


def test_an_actor_added_by_an_editor_joins_the_gazetteer(editor_client):
    response = editor_client.get(reverse("admin:articles_actor_add"))
    assert response.context["adminform"].form.initial["in_gazetteer"] is True
    response = editor_client.post(
        reverse("admin:articles_actor_add"),
        {
            "name": "Witte Helmen",
            "kind": "organisation",
            "in_gazetteer": "on",
            "source_kind": "ngo",
            "aliases-TOTAL_FORMS": "1",
            "aliases-INITIAL_FORMS": "0",
            "aliases-0-name": "Syrische Burgerbescherming",
            "aliases-0-kind": "name",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    actor = Actor.objects.get(name="Witte Helmen")
    assert (actor.origin, actor.in_gazetteer, actor.source_kind) == ("editor", True, "ngo")
    assert list(actor.aliases.values_list("name", flat=True)) == ["Syrische Burgerbescherming"]


def test_gazetteer_actions_change_only_the_selected_actors(editor_client):
    chosen, other = ActorFactory(), ActorFactory()
    editor_client.post(
        reverse("admin:articles_actor_changelist"),
        {"action": "add_to_gazetteer", "_selected_action": [chosen.pk]},
    )
    assert list(Actor.objects.in_gazetteer()) == [chosen]
    assert chosen.history.latest().history_user.username == "editor", "recorded in history"
    editor_client.post(
        reverse("admin:articles_actor_changelist"),
        {"action": "remove_from_gazetteer", "_selected_action": [chosen.pk]},
    )
    assert not Actor.objects.in_gazetteer().exists() and other.in_gazetteer is False
