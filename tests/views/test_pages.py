"""What the reading pages show, on the seeds and on small made-up articles."""

import re

import pytest
from django.urls import reverse

from articles.crossref.decisions import accept_suggestions
from articles.models import Article, Claim, CountCluster, LinkSuggestion, Mention, Segment
from articles.reading import forget_tallies
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    MentionFactory,
    SourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SEED_A_TITLE = "Bij een luchtaanval in het Syrische Idlib"
ZEKER_22 = "Bij een luchtaanval in het Syrische Idlib zijn donderdagavond zeker 22"
ZELFS_34 = "Volgens het Syrische Observatorium voor de Mensenrechten zijn zelfs 34"
ZEKER_33 = "Bij bombardementen van het Syrische regime"


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def claim_url(claim) -> str:
    return reverse("articles:claim", args=[claim.pk])


def test_overview_counts_latest_articles_conflicts_and_sources(reader_client, seeded):
    html = html_of(reader_client.get(reverse("articles:overview")))
    assert re.search(r"<strong>2</strong>\s*articles", html)
    assert re.search(r"<strong>22</strong>\s*claims", html)
    assert re.search(r"<strong>1</strong>\s*open conflicts", html)
    pending = LinkSuggestion.objects.filter(status="pending").count()
    assert re.search(rf"<strong>{pending}</strong>\s*pending suggestions", html)
    assert SEED_A_TITLE in html
    assert "34–34–34" in html and "Turkse militairen om het leven gekomen" in html
    assert "Jens Stoltenberg" in html  # the most-cited source: four claims


def test_overview_counts_once_until_an_ingest_or_the_timeout(
    reader_client, seeded, run_ingest, tmp_path, settings
):
    def articles_counted() -> str:
        html = html_of(reader_client.get(reverse("articles:overview")))
        return re.search(r"<strong>(\d+)</strong>\s*articles", html).group(1)

    assert articles_counted() == "2"
    ArticleFactory()  # written around the ingest: counted when the tallies expire
    assert articles_counted() == "2"
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "a.txt").write_text(" date 2020-03 Turkije eist overleg.\n")
    assert run_ingest(tmp_path / "more").failed is None
    assert articles_counted() == "4"
    ArticleFactory()
    settings.NEWSDB_TALLIES_SECONDS = 0  # counted on every request
    forget_tallies()
    assert articles_counted() == "5" and articles_counted() == "5"


def test_article_list_shows_date_precision_source_and_claim_count(reader_client):
    day = ArticleFactory(title="Op de dag", published_year=2020, published_month=2)
    Article.objects.filter(pk=day.pk).update(published_day=27)
    ArticleFactory(title="Alleen het jaar", published_year=2019, published_month=None)
    month = ArticleFactory(title="Maand")
    ClaimFactory(article=month)
    html = html_of(reader_client.get(reverse("articles:article-list")))
    assert "2020-02-27" in html and "<time>2019</time>" in html and "<time>2020-02</time>" in html
    assert month.source.name in html
    row = re.search(r"Maand</a></td>.*?<td class=\"num\">(\d+)</td>", html, re.S)
    assert row and row.group(1) == "1"


def titles(response) -> set[str]:
    return {article.title for article in response.context["articles"]}


def test_article_list_filters_by_date_actor_and_source(reader_client):
    feb = ArticleFactory(title="feb", published_year=2020, published_month=2)
    mar = ArticleFactory(title="mar", published_year=2020, published_month=3)
    old = ArticleFactory(title="old", published_year=2019, published_month=2)
    actor = ActorFactory()
    MentionFactory(article=mar, actor=actor)
    cited = SourceFactory(name="Reuters")
    ClaimFactory(article=old, source=cited)
    url = reverse("articles:article-list")
    assert titles(reader_client.get(url)) == {"feb", "mar", "old"}
    assert titles(reader_client.get(url, {"year": 2020})) == {"feb", "mar"}
    assert titles(reader_client.get(url, {"year": 2020, "month": 2})) == {"feb"}
    assert titles(reader_client.get(url, {"month": 2})) == {"feb", "old"}
    response = reader_client.get(url, {"actor": actor.pk})
    assert titles(response) == {"mar"} and f"Mentioning {actor.name}" in html_of(response)
    # A source filters the articles it published and those that cite it.
    assert titles(reader_client.get(url, {"source": cited.pk})) == {"old"}
    assert titles(reader_client.get(url, {"source": feb.source_id})) == {"feb"}
    # Nonsense is ignored, not an error.
    assert titles(reader_client.get(url, {"month": "13", "year": "x"})) == {"feb", "mar", "old"}


def test_article_list_is_paginated(reader_client):
    ArticleFactory.create_batch(30)
    url = reverse("articles:article-list")
    first = reader_client.get(url, {"year": 2020})
    assert len(first.context["articles"]) == 25
    html = html_of(first)
    assert "year=2020&amp;page=2" in html
    assert len(reader_client.get(url, {"year": 2020, "page": 2}).context["articles"]) == 5


def test_article_page_links_every_claim_and_every_mention(reader_client, seeded):
    for article in Article.objects.all():
        html = html_of(reader_client.get(reverse("articles:article", args=[article.pk])))
        text = html.split('<div class="article-text">')[1].split("</div>")[0]
        claims = list(article.claims.all())
        assert claims
        for claim in claims:
            assert f'<a href="{claim_url(claim)}"' in text, claim.text
        mentions = Mention.objects.filter(article=article)
        assert mentions.exists()
        for mention in mentions:
            assert f'<a href="{reverse("articles:actor", args=[mention.actor_id])}"' in text
        subheadings = article.segments.filter(kind=Segment.Kind.SUBHEADING)
        assert text.count("<h2>") == subheadings.count()


def test_article_page_marks_claims_with_source_and_status(reader_client, seeded):
    article = Article.objects.get(title__startswith=SEED_A_TITLE)
    html = html_of(reader_client.get(reverse("articles:article", args=[article.pk])))
    assert '<mark class="claim" title="gouverneur van Hatay · unreviewed">' in html
    assert "Reuters" in html
    assert re.search(
        r"<h2><a href=\"/actors/\d+/\"[^>]*>Russische luchtmacht</a> beschoten</h2>", html
    )


def test_pull_quotes_are_set_apart_with_their_credit(reader_client, seeded):
    article = Article.objects.get(segments__kind=Segment.Kind.PULL_QUOTE)
    html = html_of(reader_client.get(reverse("articles:article", args=[article.pk])))
    quote = html.split('<blockquote class="pull-quote">')[1].split("</blockquote>")[0]
    assert "AWACS" in quote
    assert re.search(r"<cite>.*Stoltenberg.*</cite>", quote)


HOSTILE = ' date 2020-02 Hij zei <script>alert("x")</script> en <img src=x onerror=alert(1)> ja.'


def test_article_text_is_always_escaped(reader_client):
    article = ArticleFactory(text=HOSTILE, title="<script>alert(2)</script>")
    claim = ClaimFactory(article=article, start=14, end=len(HOSTILE))
    MentionFactory(article=article, start=14, end=17)
    pages = [
        reverse("articles:article", args=[article.pk]),
        reverse("articles:claim", args=[claim.pk]),
        reverse("articles:article-list"),
        reverse("articles:overview"),
    ]
    for url in pages:
        html = html_of(reader_client.get(url))
        assert "<script" not in html, url
        assert "<img" not in html, url
    html = html_of(reader_client.get(pages[0]))
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_pages_send_a_content_security_policy(reader_client):
    response = reader_client.get(reverse("articles:overview"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    html = html_of(response)
    assert " style=" not in html and "<style" not in html


def test_claim_page_shows_context_source_figure_and_cluster(reader_client, seeded):
    claim = Claim.objects.get(text__startswith=ZEKER_22)
    html = html_of(reader_client.get(claim_url(claim)))
    assert "gouverneur van Hatay" in html
    assert "<strong>≥ 22</strong> Turkse militairen om het leven gekomen" in html
    assert f"/conflicts/?cluster={claim.cluster_id}#cluster-{claim.cluster_id}" in html
    context = html.split('<blockquote class="context" id="claim">')[1].split("</blockquote>")[0]
    assert "Hatay, aan de grens met Syrië" not in context or "<mark" in context
    assert "<mark" in context and ZEKER_22 in context


def test_claim_page_lists_accepted_conflicts_once(reader_client, seeded):
    claim = Claim.objects.get(text__startswith=ZEKER_22)
    ours = LinkSuggestion.objects.filter(from_claim=claim) | LinkSuggestion.objects.filter(
        to_claim=claim
    )
    before = html_of(reader_client.get(claim_url(claim)))
    assert "Suggested, not yet decided" in before and "No links yet." in before
    accept_suggestions(list(ours), UserFactory())
    html = html_of(reader_client.get(claim_url(claim)))
    links = html.split("<h2>Links</h2>")[1]
    assert "<h3>conflicts with</h3>" in links
    for start in (ZELFS_34, ZEKER_33):
        other = Claim.objects.get(text__startswith=start)
        assert html.count(f'href="{claim_url(other)}"') == 1, start
        assert start in links
    assert "Suggested, not yet decided" not in html
    # And from the other side: the 34 claim lists the 22 one.
    other = Claim.objects.get(text__startswith=ZELFS_34)
    assert ZEKER_22 in html_of(reader_client.get(claim_url(other)))


def test_claim_page_shows_notes_and_about(reader_client, seeded):
    claim = Claim.objects.get(text__startswith=ZEKER_33)
    claim.notes.create(body="Check <b>this</b>")
    html = html_of(reader_client.get(claim_url(claim)))
    assert "Check &lt;b&gt;this&lt;/b&gt;" in html
    for actor in claim.about.all():
        assert reverse("articles:actor", args=[actor.pk]) in html


def test_actor_page(reader_client, seeded):
    source = Claim.objects.get(text__startswith=ZELFS_34).source
    actor = source.actor
    assert actor is not None
    html = html_of(reader_client.get(reverse("articles:actor", args=[actor.pk])))
    assert actor.name in html and actor.get_kind_display() in html
    assert ZELFS_34 in html  # a claim by the actor
    idlib = Mention.objects.filter(text="Idlib").first().actor
    response = reader_client.get(reverse("articles:actor", args=[idlib.pk]))
    html = html_of(response)
    page = response.context["page"]
    assert {a.title[:20] for a in page.articles} == {a.title[:20] for a in Article.objects.all()}
    assert ZEKER_33 in html  # about Idlib
    assert 0 < len(page.co_actors) <= 10
    assert idlib not in page.co_actors
    assert page.co_actors[0].shared == 2  # appears with it in both articles


def test_conflicts_page(reader_client, seeded):
    html = html_of(reader_client.get(reverse("articles:conflicts")))
    claim = Claim.objects.get(text__startswith=ZEKER_22)
    assert f'id="cluster-{claim.cluster_id}"' in html
    assert "34–34–34" in html
    assert "22 (gouverneur van Hatay)" in html
    for start in (ZEKER_22, ZELFS_34, ZEKER_33):
        assert claim_url(Claim.objects.get(text__startswith=start)) in html
    assert html.index("≥ 22") < html.index("Syrisch Observatorium voor de Mensenrechten")


def test_conflicts_page_shows_one_cluster_when_asked(reader_client, seeded):
    claim = Claim.objects.get(text__startswith=ZEKER_22)
    url = reverse("articles:conflicts")
    html = html_of(reader_client.get(url, {"cluster": claim.cluster_id}))
    assert f'id="cluster-{claim.cluster_id}"' in html and "All conflicts" in html
    other = html_of(reader_client.get(url, {"cluster": claim.cluster_id + 1000}))
    assert "No reports disagree." in other
    assert reader_client.get(url, {"cluster": "x"}).status_code == 200


def test_conflicts_page_is_paginated_newest_first(reader_client, seeded, monkeypatch):
    from articles.views.pages import ConflictListView

    seed_cluster = Claim.objects.get(text__startswith=ZEKER_22).cluster_id
    newer = CountCluster.objects.create(key="burger|dood", label="burgers gedood")
    for value in (5, 9):
        ClaimFactory(
            cluster=newer,
            quantity_value=value,
            quantity_qualifier="exact",
            quantity_key="burger|dood",
        )
    monkeypatch.setattr(ConflictListView, "paginate_by", 1)
    url = reverse("articles:conflicts")
    first, second = (html_of(reader_client.get(url, {"page": n})) for n in (1, 2))
    assert f'id="cluster-{newer.pk}"' in first and "cluster card" not in first.replace(
        f'cluster card" id="cluster-{newer.pk}"', ""
    )
    assert f'id="cluster-{seed_cluster}"' in second and "page 2 of 2" in second


def test_conflicts_page_without_conflicts(reader_client):
    assert "No reports disagree." in html_of(reader_client.get(reverse("articles:conflicts")))
