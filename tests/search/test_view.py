"""The search page: readers only, a form, ranked hits, and a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.roles import READERS, grant_role
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db
URL = reverse("articles:search")


@pytest.fixture
def reader(client, django_user_model):
    user = django_user_model.objects.create(username="lezer")
    grant_role(user, READERS)
    client.force_login(user)
    return client


def claims(count: int, text: str = "Over de begroting werd lang gesproken.") -> list:
    return [
        ClaimFactory(article=ArticleFactory(text=text), start=0, end=len(text))
        for _ in range(count)
    ]


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL, {"q": "begroting"})
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_a_blank_query_shows_the_form_only(reader):
    for params in ({}, {"q": ""}, {"q": "   "}):
        response = reader.get(URL, params)
        assert response.status_code == 200
        assert response.context["query"] == ""
        assert response.context["results"] is None
        html = response.content.decode()
        assert 'name="q"' in html
        assert "search-results" not in html


def test_hits_link_to_their_claims_and_articles(reader):
    (claim,) = claims(1, "De <b>begroting</b> is rond.")
    response = reader.get(URL, {"q": "begroting"})
    assert response.status_code == 200
    assert response.context["query"] == "begroting"
    html = response.content.decode()
    assert 'class="search-results"' in html
    assert html.count('class="hit ') == 2
    assert reverse("articles:claim", args=[claim.pk]) in html
    assert reverse("articles:article", args=[claim.article_id]) in html
    assert '<p class="snippet">' in html
    assert "<mark>begroting</mark>" in html
    assert "&lt;b&gt;" in html and "<b>begroting" not in html
    assert "2 results for" in html
    assert 'value="begroting"' in html


def test_more_matches_than_are_counted_say_more_than(reader, monkeypatch):
    monkeypatch.setattr("articles.search.COUNTED_MATCHES", 10)
    monkeypatch.setattr("articles.search.RANKED_MATCHES", 1)
    claims(6)  # 12 matches: 6 articles and their claims
    html = reader.get(URL, {"q": "begroting"}).content.decode()
    assert "More than 10 results for “begroting”" in html
    assert "(the best 2 shown)" in html


def test_a_query_without_hits_says_so(reader):
    claims(1)
    response = reader.get(URL, {"q": "pensioenen"})
    assert response.status_code == 200
    assert "Nothing found for “pensioenen”." in response.content.decode()
    assert 'class="hit ' not in response.content.decode()


def test_the_number_of_queries_does_not_grow_with_the_hits(reader):
    claims(1)
    with CaptureQueriesContext(connection) as few:
        assert reader.get(URL, {"q": "begroting"}).status_code == 200
    claims(10)
    with CaptureQueriesContext(connection) as many:
        response = reader.get(URL, {"q": "begroting"})
    assert len(response.context["results"]) == 22
    assert len(many) == len(few)
