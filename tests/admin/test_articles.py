"""The article admin: highlighted text and re-running extraction."""

from pathlib import Path

import pytest
from django.urls import reverse

from articles.crossref.pending import cross_reference_pending
from articles.ingest.files import discover
from articles.ingest.service import IngestOptions, ingest
from articles.models import Article, Claim, Note

pytestmark = pytest.mark.django_db
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_78357a777ef7f92d.txt"


@pytest.fixture
def seeded():
    assert ingest(discover([SEED])).ok
    return Article.objects.get()


def test_the_article_page_highlights_claims_and_mentions(editor_client, seeded):
    html = editor_client.get(reverse("admin:articles_article_change", args=[seeded.pk]))
    html = html.content.decode()
    assert html.count('<mark class="claim"') >= seeded.claims.count()
    reuters = seeded.mentions.filter(text="Reuters").first()
    assert reverse("admin:articles_actor_change", args=[reuters.actor_id]) in html


def test_rerunning_extraction_keeps_editor_work(editor_client, seeded):
    claim = seeded.claims.order_by("start").first()
    Note.objects.create(claim=claim, body="Nabellen.")
    derived = seeded.claims.count()
    Claim.objects.exclude(pk=claim.pk).delete()  # as if an older extractor had missed them
    response = editor_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "rerun_extraction", "_selected_action": [seeded.pk]},
        follow=True,
    )
    assert "Extraction re-run on 1 article" in response.content.decode()
    assert seeded.claims.count() == derived
    assert Claim.objects.get(pk=claim.pk).notes.count() == 1


def test_editors_can_list_the_articles_awaiting_cross_referencing(editor_client):
    report = ingest(discover([SEED]), IngestOptions(cross_reference=False))
    assert report.ok
    waiting = Article.objects.get()
    url = reverse("admin:articles_article_changelist")

    listed = editor_client.get(url, {"crossref_pending__exact": "1"}).content.decode()
    assert waiting.external_id in listed
    assert "awaiting cross-referencing" in listed

    cross_reference_pending()
    listed = editor_client.get(url, {"crossref_pending__exact": "1"}).content.decode()
    assert waiting.external_id not in listed
    page = editor_client.get(reverse("admin:articles_article_change", args=[waiting.pk]))
    assert "awaiting cross-referencing" in page.content.decode().lower()
