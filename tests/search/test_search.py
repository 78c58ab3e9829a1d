"""``articles.search.search`` on whichever database the run uses (``--db``)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from articles.models import Article, Claim
from articles.search import ARTICLE, CLAIM, index_articles, search
from articles.search.lemmas import lemma_text, parse_query
from articles.search.snippets import snippet
from tests.crossref.conftest import seeded  # noqa: F401 (fixture)
from tests.factories import ArticleFactory, ClaimFactory
from tests.ingest.conftest import run_ingest  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def kinds_and_ids(results) -> list[tuple[str, int]]:
    return [(hit.kind, hit.object_id) for hit in results]


def article_with_claim(text: str, *, title: str = "Een artikel") -> Claim:
    article = ArticleFactory(title=title, text=text)
    return ClaimFactory(article=article, start=0, end=len(text))


@pytest.mark.usefixtures("seeded")
def test_militair_finds_militairen_in_claims_and_both_seed_articles():
    results = search("militair")
    claim = Claim.objects.get(text__contains="zeker 22 Turkse militairen")
    assert (CLAIM, claim.pk) in kinds_and_ids(results)
    articles = {hit.object_id for hit in results if hit.kind == ARTICLE}
    assert articles == set(Article.objects.values_list("pk", flat=True))
    assert len(articles) == 2
    hit = next(hit for hit in results if hit.object_id == claim.pk and hit.kind == CLAIM)
    assert "<mark>militairen</mark>" in hit.snippet
    assert hit.article_id == claim.article_id
    assert hit.article_external_id == claim.article.external_id
    assert hit.claim_text == claim.text
    # Both seed articles and their two claims counting dead soldiers: nothing else.
    assert results.total == len(results.hits) == 4


@pytest.mark.usefixtures("seeded")
def test_stoltenberg_finds_his_claims():
    said = Claim.objects.filter(text__contains="Stoltenberg")
    assert said.count() == 2
    results = search("Stoltenberg")
    assert {h.object_id for h in results if h.kind == CLAIM} == set(
        said.values_list("pk", flat=True)
    )
    for hit in results:
        assert "<mark>Stoltenberg</mark>" in hit.snippet
        assert "&#x27;" in hit.snippet or hit.kind == ARTICLE  # his quotes, escaped


@pytest.mark.usefixtures("seeded")
def test_a_phrase_an_exclusion_and_an_alternative():
    both = {h.object_id for h in search("militair") if h.kind == ARTICLE}
    assert {h.object_id for h in search('"Turkse militairen"') if h.kind == ARTICLE} == both
    only_b = {h.object_id for h in search("militair Stoltenberg") if h.kind == ARTICLE}
    assert len(only_b) == 1
    assert {h.object_id for h in search("militair -Stoltenberg") if h.kind == ARTICLE} == (
        both - only_b
    )
    assert {h.object_id for h in search("Stoltenberg or luchtaanval") if h.kind == ARTICLE} == both


def test_more_matches_rank_first():
    once = article_with_claim("De minister sprak over de begroting en ging daarna naar huis.")
    thrice = article_with_claim("De begroting, de begroting en nog eens de begroting: klaar.")
    ClaimFactory(article=ArticleFactory(text="Iets heel anders over het weer vandaag."))
    index_articles([once.article_id, thrice.article_id])
    results = search("begroting")
    claims = [hit.object_id for hit in results if hit.kind == CLAIM]
    articles = [hit.object_id for hit in results if hit.kind == ARTICLE]
    assert claims == [thrice.pk, once.pk]
    assert articles == [thrice.article_id, once.article_id]
    assert results.total == 4
    ranks = [hit.rank for hit in results]
    assert ranks == sorted(ranks, reverse=True)


def test_limit_keeps_the_best_and_counts_all():
    for _ in range(3):
        article_with_claim("Over de begroting.")
    results = search("begroting", limit=2)
    assert len(results) == 2
    assert results.total == 6


def test_only_the_newest_matches_of_each_kind_are_ranked_and_all_are_counted(monkeypatch):
    monkeypatch.setattr("articles.search.RANKED_MATCHES", 2)
    best_but_oldest = article_with_claim("De begroting, de begroting en nog eens de begroting.")
    newer = [article_with_claim(f"Over de begroting, deel {n}.") for n in range(3)]
    index_articles([claim.article_id for claim in (best_but_oldest, *newer)])
    results = search("begroting", limit=10)
    assert results.total == 8 and results.newest_ranked_only
    assert kinds_and_ids(results) and all(
        hit.object_id in {newer[1].pk, newer[2].pk, newer[1].article_id, newer[2].article_id}
        for hit in results
    )
    assert not search("begroting deel 1").newest_ranked_only


def test_matches_are_counted_up_to_the_cap(monkeypatch):
    monkeypatch.setattr("articles.search.COUNTED_MATCHES", 5)
    claims = [article_with_claim(f"Over de begroting, deel {n}.") for n in range(4)]
    index_articles([claim.article_id for claim in claims])  # 8 matches: 4 articles, 4 claims
    results = search("begroting", limit=3)
    assert results.total == 6 and results.more_than_counted
    assert len(results) == 3
    monkeypatch.setattr("articles.search.COUNTED_MATCHES", 8)
    exact = search("begroting", limit=3)
    assert exact.total == 8 and not exact.more_than_counted


def test_snippets_escape_stored_text_and_mark_matches():
    claim = article_with_claim(
        'Het <script>alert("x")</script> bericht & meer over de begroting <b>nu</b>.',
        title="<i>Titel</i> over de begroting",
    )
    results = search("begroting")
    assert {(h.kind, h.object_id) for h in results} == {
        (CLAIM, claim.pk),
        (ARTICLE, claim.article_id),
    }
    for hit in results:
        html = str(hit.snippet)
        assert "<script>" not in html and "<b>" not in html
        assert "&amp;" in html
        # PostgreSQL's ts_headline may leave the tag out of an article's fragment.
        assert "&lt;script&gt;" in html or hit.kind == ARTICLE
        assert "<mark>begroting</mark>" in html
        assert html.count("<mark>") == html.count("</mark>") == 1
    assert (
        next(h for h in results if h.kind == ARTICLE).article_title
        == "<i>Titel</i> over de begroting"
    )


def test_a_title_is_searched_too():
    article = ArticleFactory(title="Kabinet valt", text="Een tekst zonder dat woord.")
    index_articles([article.pk])
    assert kinds_and_ids(search("kabinet")) == [(ARTICLE, article.pk)]


def test_an_edited_claim_is_found_by_its_new_words_and_not_its_old_ones():
    claim = article_with_claim("De begroting is rond.")
    claim.text = "Het overleg over de pensioenen mislukte."
    claim.save()
    assert (CLAIM, claim.pk) in kinds_and_ids(search("pensioen"))
    assert (CLAIM, claim.pk) not in kinds_and_ids(search("begroting"))


def test_an_edited_article_title_is_found_and_a_deleted_claim_is_not():
    claim = article_with_claim("De begroting is rond.")
    article = claim.article
    article.title = "Akkoord bereikt"
    article.save(update_fields=["title"])
    assert (ARTICLE, article.pk) in kinds_and_ids(search("akkoord"))
    claim.delete()
    assert kinds_and_ids(search("begroting")) == [(ARTICLE, article.pk)]
    article.delete()
    assert not search("begroting")


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "-", '""', "or", "!!!"])
def test_a_blank_query_finds_nothing(query):
    article_with_claim("De begroting is rond.")
    results = search(query)
    assert not results
    assert results.total == 0
    assert list(results) == []


def test_a_query_of_operators_and_quotes_is_no_error():
    article_with_claim("De begroting is rond.")
    for query in ['"begroting', "begroting OR", "OR begroting", '-"', "AND NOT NEAR(", "*", "^x"]:
        search(query)  # never an FTS5 or tsquery syntax error
    assert search('"begroting')


def test_a_missing_index_is_rebuilt_by_the_command():
    claim = article_with_claim("De begroting is rond.")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM articles_search_doc")
        assert not search("begroting")
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert {h.object_id for h in search("begroting")} == {claim.pk, claim.article_id}
    expected = "Indexed 2 articles" if connection.vendor == "sqlite" else "nothing to do"
    assert expected in out.getvalue()


def test_the_sqlite_query_language():
    assert parse_query("militairen").fts() == '("militair"*)'
    assert parse_query('de "Turkse militairen" or NAVO -Rusland').fts() == (
        '(("de") AND ("turks militair" OR "navo"*)) NOT "rusland"*'
    )
    assert not parse_query("-alleen -uitsluiten")
    assert lemma_text("Militairen kwamen") == "militair komen"


def test_a_snippet_of_a_long_text_is_a_window_around_the_matches():
    text = " ".join(["woord"] * 100 + ["begroting"] + ["woord"] * 100)
    html = str(snippet(text, lambda word: word == "begroting", max_words=10))
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>begroting</mark>" in html
    assert len(html.split()) == 12


@pytest.mark.django_db(transaction=True)
def test_the_migration_reverses_and_indexes_existing_rows_again():
    claim = article_with_claim("De begroting is rond.")
    call_command("migrate", "articles", "0007_crossref_roles", verbosity=0)
    try:
        with connection.cursor() as cursor:
            tables = connection.introspection.table_names(cursor)
            assert "articles_search_doc" not in tables
            assert "articles_search_fts" not in tables
            columns = {
                c.name
                for c in connection.introspection.get_table_description(cursor, "articles_claim")
            }
            assert "search_vector" not in columns
    finally:
        call_command("migrate", "articles", verbosity=0)
    assert {h.object_id for h in search("begroting")} == {claim.pk, claim.article_id}
    claim.article.delete()  # the ORM cleans SQLite's index, which a flush would not
