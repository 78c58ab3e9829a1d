"""Cross-referencing after the write: articles stored pending, compared a batch at a time."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.crossref import pending, suggest
from articles.crossref.pending import cross_reference_pending, pending_articles
from articles.ingest.files import discover
from articles.ingest.service import IngestOptions, ingest
from articles.models import Article, BlockingKey, Claim, LinkSuggestion
from tests.ingest.conftest import SEED_A, SEED_B

from .conftest import SEEDS

pytestmark = pytest.mark.django_db


def suggested_pairs() -> set[tuple[str, int, str, int, str]]:
    rows = LinkSuggestion.objects.values_list(
        "from_claim__article__external_id",
        "from_claim__start",
        "to_claim__article__external_id",
        "to_claim__start",
        "relation",
    )
    return set(rows)


def store_pending() -> None:
    report = ingest(discover([SEEDS]), IngestOptions(cross_reference=False))
    assert report.ok and report.cross_referenced is None


def test_articles_stored_without_cross_referencing_wait_with_no_keys_or_suggestions():
    store_pending()
    assert pending_articles() == 2 and Claim.objects.count() > 0
    assert not BlockingKey.objects.exists() and not LinkSuggestion.objects.exists()


def test_the_pass_suggests_what_comparing_at_the_write_does(seeded):
    compared_when_written = suggested_pairs()
    assert compared_when_written, "the seeds' counts of dead disagree"
    LinkSuggestion.objects.all().delete()
    BlockingKey.objects.all().delete()
    Claim.objects.update(cluster=None)
    Article.objects.update(crossref_pending=True)

    done = cross_reference_pending()

    assert suggested_pairs() == compared_when_written
    assert (done.articles, done.suggestions, done.errors) == (2, len(compared_when_written), [])
    assert pending_articles() == 0 and Claim.objects.exclude(cluster=None).exists()


def test_batches_go_oldest_first_and_each_is_reported():
    store_pending()
    seen = []
    cross_reference_pending(batch_articles=1, on_batch=lambda n, _done: seen.append(n))
    assert seen == [1, 1]
    assert suggested_pairs(), "the second batch is compared with the first"


def test_a_failing_article_stays_pending_and_the_others_are_done(monkeypatch):
    store_pending()
    bad = Article.objects.get(external_id=SEED_A.removesuffix(".txt")).pk
    real = suggest.suggest_for_articles_together

    def fails_on_bad(article_ids):
        if bad in article_ids:
            raise ValueError("a bug in scoring")
        return real(article_ids)

    monkeypatch.setattr(pending, "suggest_for_articles_together", fails_on_bad)
    done = cross_reference_pending()

    assert done.articles == 1
    (error,) = done.errors
    assert SEED_A.removesuffix(".txt") in error and "ValueError: a bug in scoring" in error
    assert list(Article.objects.filter(crossref_pending=True).values_list("pk", flat=True)) == [bad]
    assert BlockingKey.objects.filter(claim__article__pk=bad).count() == 0, "rolled back"


def test_ingest_no_crossref_leaves_them_for_suggest_links_pending(run_ingest_command):
    out = run_ingest_command("ingest", "--no-crossref", SEEDS)
    assert "cross-referenced" not in out and pending_articles() == 2

    out = run_ingest_command("suggest_links", "--pending")

    assert out.startswith("2 articles: ") and pending_articles() == 0
    assert LinkSuggestion.objects.exists()


def test_the_next_ingest_cross_references_what_a_stopped_run_left(run_ingest_command):
    run_ingest_command("ingest", "--no-crossref", SEEDS / SEED_A)
    out = run_ingest_command("ingest", SEEDS / SEED_A, SEEDS / SEED_B)
    assert "2 articles cross-referenced" in out and pending_articles() == 0


def test_a_failed_pass_makes_the_ingest_fail_naming_the_article(monkeypatch):
    def always_fails(article_ids):
        raise ValueError("a bug in scoring")

    monkeypatch.setattr(pending, "suggest_for_articles_together", always_fails)
    err = StringIO()
    with pytest.raises(CommandError, match="Cross-referencing failed for 2 articles"):
        call_command("ingest", SEEDS, stdout=StringIO(), stderr=err, no_progress=True)
    assert SEED_B.removesuffix(".txt") in err.getvalue()
    assert Article.objects.count() == 2 and pending_articles() == 2


def test_suggest_links_refuses_ids_with_pending():
    with pytest.raises(CommandError, match="not both"):
        call_command("suggest_links", "1", "--pending", stdout=StringIO())


@pytest.fixture
def run_ingest_command():
    def run(*args: object) -> str:
        out = StringIO()
        call_command(*map(str, args), stdout=out, stderr=StringIO(), no_progress=True)
        return out.getvalue()

    return run
