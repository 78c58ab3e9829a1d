"""The export views: content types, 404, who may read, and a constant number of queries."""

import json

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.exports import annotation, claim_review
from articles.models import Claim
from articles.roles import READERS, grant_role
from tests.crossref.conftest import seed_claim, seeded  # noqa: F401 (fixture)
from tests.exports import MARKS
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, UserFactory
from tests.ingest.conftest import run_ingest  # noqa: F401 (fixture)

pytestmark = MARKS

CLAIMREVIEW = "application/ld+json"
ANNOTATION = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'


@pytest.fixture
def reader(client):
    user = UserFactory(username="reader")
    grant_role(user, READERS)
    client.force_login(user)
    return client


def article_with(claims: int):
    text = " date 2020-02 " + "".join(f"Zin {i:03d} <script>x</script>. " for i in range(claims))
    article = ArticleFactory(text=text)
    source = SourceFactory()
    for i in range(claims):
        start = 14 + i * 29
        ClaimFactory(article=article, start=start, end=start + 28, source=source)
    return article


def urls(claim: Claim) -> list[tuple[str, str]]:
    return [
        (reverse("articles:claim-jsonld", args=[claim.pk]), CLAIMREVIEW),
        (reverse("articles:claim-annotation", args=[claim.pk]), ANNOTATION),
        (reverse("articles:article-annotations", args=[claim.article_id]), ANNOTATION),
    ]


def test_the_routes():
    assert reverse("articles:claim-jsonld", args=[7]) == "/claims/7/claimreview.jsonld"
    assert reverse("articles:claim-annotation", args=[7]) == "/claims/7/annotation.jsonld"
    assert reverse("articles:article-annotations", args=[7]) == "/articles/7/annotations.jsonld"


def test_each_view_answers_its_json_ld_type(reader):
    claim = ClaimFactory()
    for url, content_type in urls(claim):
        response = reader.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == content_type
        assert "text/html" not in response["Content-Type"]
        json.loads(response.content)


def test_the_views_answer_what_the_functions_make(reader):
    claim = ClaimFactory()
    claim.set_status(Claim.Status.FALSE, UserFactory())
    claim.save()
    review = reader.get(reverse("articles:claim-jsonld", args=[claim.pk])).json()
    assert review == claim_review(claim, RequestFactory().get("/"))
    assert review["url"] == f"http://testserver/claims/{claim.pk}/"
    assert review["reviewRating"]["ratingValue"] == 1
    note = reader.get(reverse("articles:claim-annotation", args=[claim.pk])).json()
    assert note == annotation(claim, RequestFactory().get("/"))
    assert note["target"]["source"] == f"http://testserver/articles/{claim.article_id}/"


def test_unknown_pks_are_404(reader):
    for name in ("articles:claim-jsonld", "articles:claim-annotation"):
        assert reader.get(reverse(name, args=[999_999])).status_code == 404
    url = reverse("articles:article-annotations", args=[999_999])
    assert reader.get(url).status_code == 404


def test_anonymous_visitors_go_to_the_login_page(client):
    claim = ClaimFactory()
    for url, _ in urls(claim):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_a_user_without_a_role_is_forbidden(client):
    client.force_login(UserFactory(username="nobody"))
    for url, _ in urls(ClaimFactory()):
        assert client.get(url).status_code == 403


def test_public_read_opens_them_to_anyone(client, settings):
    settings.NEWSDB_PUBLIC_READ = True
    for url, _ in urls(ClaimFactory()):
        assert client.get(url).status_code == 200


def test_html_in_text_stays_verbatim_inside_json_strings(reader):
    text = " date 2020-02 <script>alert(1)</script> zei „hij”."
    claim = ClaimFactory(article=ArticleFactory(text=text, title="<i>Kop</i>"))
    for url, _ in urls(claim):
        body = reader.get(url).content.decode()
        assert "<script>alert(1)</script>" in body  # a JSON string, never served as HTML
        assert "„hij”" in body  # ensure_ascii=False: no \\u escapes
    data = reader.get(reverse("articles:claim-jsonld", args=[claim.pk])).json()
    assert data["text"] == "<script>alert(1)</script> zei „hij”."
    assert data["appearance"]["headline"] == "<i>Kop</i>"


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_3_or_30_claims_take_the_same_few_queries(reader, django_assert_max_num_queries):
    small, large = article_with(3), article_with(30)
    reader.get("/admin/")  # settle the session before counting
    for name, pk_of in [
        ("articles:claim-jsonld", lambda a: a.claims.last().pk),
        ("articles:claim-annotation", lambda a: a.claims.last().pk),
        ("articles:article-annotations", lambda a: a.pk),
    ]:
        counts = [count_queries(reader, reverse(name, args=[pk_of(a)])) for a in (small, large)]
        assert counts[0] == counts[1], name
        # Session, user, its groups (the reader check), then the claim or article and claims.
        with django_assert_max_num_queries(5):
            reader.get(reverse(name, args=[pk_of(large)]))
    assert (
        reader.get(reverse("articles:article-annotations", args=[large.pk])).json()["total"] == 30
    )


def test_the_seeds(reader, seeded):  # noqa: F811
    claim = seed_claim("'We gaan meer AWACS-toestellen")
    data = reader.get(reverse("articles:claim-jsonld", args=[claim.pk])).json()
    assert data["@type"] == "Claim"
    assert data["author"]["@type"] == "Person"
    collection = reader.get(reverse("articles:article-annotations", args=[claim.article_id]))
    assert collection.json()["total"] == 8
