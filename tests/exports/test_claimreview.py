"""schema.org ClaimReview / Claim of a claim."""

import json
from datetime import UTC, datetime

import pytest
from django.test import RequestFactory

from articles.exports import RATINGS, claim_review
from articles.models import Claim, Source
from tests.crossref.conftest import seed_claim, seeded  # noqa: F401 (fixture)
from tests.exports import MARKS
from tests.factories import ArticleFactory, ClaimFactory, SourceFactory, UserFactory
from tests.ingest.conftest import run_ingest  # noqa: F401 (fixture)

pytestmark = MARKS


def reviewed(claim: Claim, status: str) -> Claim:
    claim.set_status(status, UserFactory())
    claim.reviewed_at = datetime(2024, 3, 5, 23, 30, tzinfo=UTC)  # 6 March in Amsterdam
    claim.save()
    return claim


def test_a_verified_claim_is_a_claimreview_rated_5():
    claim = reviewed(ClaimFactory(source=SourceFactory(name="Reuters")), Claim.Status.VERIFIED)
    data = claim_review(claim)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ClaimReview"
    assert data["url"] == f"/claims/{claim.pk}/"
    assert data["claimReviewed"] == claim.text == "Een zin. Nog een zin met 22 doden."
    assert data["datePublished"] == "2024-03-06"  # the review's date where newsdb is
    assert data["author"] == {"@type": "Organization", "name": "newsdb"}
    assert data["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "verified",
    }
    item = data["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Organization", "name": "Reuters"}
    assert item["datePublished"] == "2020-02"
    assert item["appearance"]["@type"] == "NewsArticle"
    assert item["appearance"]["url"] == f"/articles/{claim.article_id}/"
    assert item["appearance"]["headline"] == claim.article.title
    assert item["appearance"]["datePublished"] == "2020-02"


@pytest.mark.parametrize(
    ("status", "value"),
    [("verified", 5), ("unverifiable", 3), ("disputed", 2), ("false", 1)],
)
def test_each_status_has_its_documented_rating(status, value):
    data = claim_review(reviewed(ClaimFactory(), status))
    assert data["reviewRating"]["ratingValue"] == value
    assert data["reviewRating"]["alternateName"] == status
    assert 1 <= value <= 5


def test_every_reviewed_status_has_a_rating():
    assert set(RATINGS) == set(Claim.Status.values) - {Claim.Status.UNREVIEWED}


def test_an_unreviewed_claim_is_a_plain_claim_without_rating():
    claim = ClaimFactory()
    data = claim_review(claim)
    assert data["@type"] == "Claim"
    assert data["text"] == claim.text
    assert "reviewRating" not in data
    assert "itemReviewed" not in data
    assert data["datePublished"] == "2020-02"
    assert data["appearance"]["url"] == f"/articles/{claim.article_id}/"


def test_a_person_is_a_person_and_anyone_else_an_organization():
    person = ClaimFactory(source=SourceFactory(name="Jens Stoltenberg", kind=Source.Kind.PERSON))
    ministry = ClaimFactory(source=SourceFactory(name="Defensie", kind=Source.Kind.GOVERNMENT))
    assert claim_review(person)["author"] == {"@type": "Person", "name": "Jens Stoltenberg"}
    assert claim_review(ministry)["author"] == {"@type": "Organization", "name": "Defensie"}


def test_without_a_source_the_outlet_said_it():
    claim = ClaimFactory(source=None)
    outlet = {"@type": "Organization", "name": claim.article.source.name}
    assert claim_review(claim)["author"] == outlet
    assert claim_review(claim)["appearance"]["publisher"] == outlet


@pytest.mark.parametrize(
    ("month", "day", "expected"), [(None, None, "2019"), (2, None, "2019-02"), (2, 7, "2019-02-07")]
)
def test_the_article_date_keeps_its_real_precision(month, day, expected):
    article = ArticleFactory(published_year=2019, published_month=month, published_day=day)
    data = claim_review(reviewed(ClaimFactory(article=article), "false"))
    assert data["itemReviewed"]["datePublished"] == expected
    assert data["itemReviewed"]["appearance"]["datePublished"] == expected


def test_with_a_request_the_urls_are_absolute(settings):
    settings.ALLOWED_HOSTS = ["newsdb.example"]
    claim = reviewed(ClaimFactory(), "disputed")
    request = RequestFactory().get("/", HTTP_HOST="newsdb.example")
    data = claim_review(claim, request)
    assert data["url"] == f"http://newsdb.example/claims/{claim.pk}/"
    appearance = data["itemReviewed"]["appearance"]
    assert appearance["url"] == f"http://newsdb.example/articles/{claim.article_id}/"


def test_html_is_only_string_content_and_json_round_trips():
    text = " date 2020-02 <script>alert('„x”')</script> & zo."
    claim = reviewed(ClaimFactory(article=ArticleFactory(text=text, title="<b>T</b>")), "false")
    data = claim_review(claim)
    dumped = json.dumps(data, ensure_ascii=False)
    assert "<script>alert('„x”')</script>" in dumped
    assert json.loads(dumped) == data


def test_the_export_writes_nothing(django_assert_num_queries):
    claim = Claim.objects.select_related("article__source", "source").get(pk=ClaimFactory().pk)
    with django_assert_num_queries(0):
        claim_review(claim)


def test_the_seeds(seeded):  # noqa: F811
    stoltenberg = seed_claim("'De Syrisch-Russische bombardementen")
    data = claim_review(reviewed(stoltenberg, "verified"))
    assert data["itemReviewed"]["author"]["@type"] == "Person"
    assert data["itemReviewed"]["author"]["name"] == "Jens Stoltenberg"
    assert data["itemReviewed"]["author"]["url"] == f"/actors/{stoltenberg.source.actor_id}/"
    assert data["itemReviewed"]["datePublished"] == "2020-02"
    reuters = claim_review(seed_claim("De Turkse president Erdogan"))
    assert reuters["@type"] == "Claim"
    assert reuters["author"]["@type"] == "Organization"
    assert reuters["author"]["name"] == "Reuters"
    own = claim_review(seed_claim("Turkije huisvest"))
    assert own["author"]["name"] == own["appearance"]["publisher"]["name"]
    assert json.loads(json.dumps(own, ensure_ascii=False)) == own
