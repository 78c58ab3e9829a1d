"""Who may read the pages: readers and editors; anonymous visitors only when opened."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from articles.roles import EDITORS, grant_role
from tests.factories import ActorFactory, ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls():
    claim = ClaimFactory()
    actor = ActorFactory()
    return [
        reverse("articles:overview"),
        reverse("articles:article-list"),
        reverse("articles:article", args=[claim.article_id]),
        reverse("articles:claim", args=[claim.pk]),
        reverse("articles:actor", args=[actor.pk]),
        reverse("articles:conflicts"),
    ]


def test_readers_and_editors_read_every_page(client, reader, urls):
    editor = get_user_model().objects.create_user("ed")
    grant_role(editor, EDITORS)
    for user in (reader, editor):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 200, (user, url)


def test_anonymous_visitors_go_to_the_login_page(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


def test_a_user_without_a_role_is_forbidden(client, urls):
    client.force_login(get_user_model().objects.create_user("nobody"))
    for url in urls:
        assert client.get(url).status_code == 403, url


@override_settings(NEWSDB_PUBLIC_READ=True)
def test_public_read_opens_the_pages_to_anyone(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_unknown_objects_are_404(reader_client):
    for name in ("article", "claim", "actor"):
        assert reader_client.get(reverse(f"articles:{name}", args=[999999])).status_code == 404
