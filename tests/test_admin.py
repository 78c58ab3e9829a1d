"""The admin as the demo editor uses it."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, settings):
    settings.DEBUG = True
    call_command("create_demo_editor", stdout=StringIO())
    client.force_login(get_user_model().objects.get(username="editor"))
    return client


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
            "segments-TOTAL_FORMS": 0,
            "segments-INITIAL_FORMS": 0,
            "notes-TOTAL_FORMS": 0,
            "notes-INITIAL_FORMS": 0,
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
