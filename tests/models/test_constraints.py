"""The database itself refuses inconsistent rows: every named constraint is exercised."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import ActorAlias, Claim, Note, Segment
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    ClaimLinkFactory,
    MentionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def refused(make) -> str:
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        make()
    return str(caught.value)


def test_spans_must_run_forward():
    article = ArticleFactory()
    refused(lambda: ClaimFactory(article=article, start=20, end=20))
    refused(lambda: MentionFactory(article=article, start=5, end=3))
    refused(
        lambda: Segment.objects.create(article=article, position=0, kind="lead", start=9, end=2)
    )


def test_pull_quote_credit_lies_inside_its_segment():
    article = ArticleFactory()
    refused(
        lambda: Segment.objects.create(
            article=article, position=0, kind="pull_quote", start=14, end=30, credit_start=40
        )
    )


def test_quantity_minimum_not_above_maximum_and_needs_a_qualifier():
    refused(lambda: ClaimFactory(quantity_min=10, quantity_max=5, quantity_qualifier="exact"))
    refused(lambda: ClaimFactory(quantity_value=22))
    assert ClaimFactory(quantity_min=5, quantity_max=10, quantity_qualifier="approximately").pk


def test_reviewed_claims_record_when():
    refused(lambda: ClaimFactory(status=Claim.Status.VERIFIED))
    assert ClaimFactory(status=Claim.Status.VERIFIED, reviewed_at=timezone.now()).pk


def test_extractor_claims_are_unique_per_span_but_editors_may_add_their_own():
    claim = ClaimFactory()
    refused(lambda: ClaimFactory(article=claim.article, start=claim.start, end=claim.end))
    assert ClaimFactory(article=claim.article, origin="editor").pk
    Claim.objects.filter(pk=claim.pk).update(is_orphaned=True)
    assert ClaimFactory(article=claim.article, start=claim.start, end=claim.end).pk, (
        "an orphan's stale span is free for a new claim"
    )


def test_validating_an_orphan_keeps_its_quote_and_clearing_the_flag_re_anchors():
    claim = ClaimFactory(text="verdwenen zin", prefix="", suffix="", is_orphaned=True)
    claim.full_clean()
    assert claim.text == "verdwenen zin"
    claim.is_orphaned = False
    claim.full_clean()
    assert claim.text == claim.article.text[claim.start : claim.end]


def test_no_self_links_and_no_duplicate_links():
    link = ClaimLinkFactory()
    refused(lambda: ClaimLinkFactory(from_claim=link.from_claim, to_claim=link.from_claim))
    refused(
        lambda: ClaimLinkFactory(
            from_claim=link.from_claim, to_claim=link.to_claim, relation=link.relation
        )
    )


def test_a_note_belongs_to_exactly_one_claim_or_article():
    claim = ClaimFactory()
    refused(lambda: Note.objects.create(body="x"))
    refused(lambda: Note.objects.create(body="x", claim=claim, article=claim.article))


def test_aliases_actor_keys_and_source_keys_are_unique_once_normalised():
    actor = ActorFactory(name="Erdoğan")
    refused(lambda: ActorFactory(name="ERDOGAN"))
    ActorAlias.objects.create(actor=actor, name="Recep Tayyip Erdoğan")
    refused(lambda: ActorAlias.objects.create(actor=ActorFactory(), name="recep tayyip erdogan"))
    SourceFactory(name="Reuters")
    refused(lambda: SourceFactory(name=" reuters "))


def test_external_ids_are_unique_and_dates_are_real_months():
    article = ArticleFactory()
    refused(lambda: ArticleFactory(external_id=article.external_id))
    refused(lambda: ArticleFactory(published_month=13))
    refused(lambda: ArticleFactory(published_month=None, published_day=3))


def test_wikidata_ids_are_unique_when_given():
    ActorFactory(wikidata_id="Q42")
    ActorFactory(wikidata_id="")
    ActorFactory(wikidata_id="")
    refused(lambda: ActorFactory(wikidata_id="Q42"))
