"""Suggested links, as the ingest makes them and as editors decide them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.crossref import suggest
from articles.crossref.suggest import suggest_for_article
from articles.models import BlockingKey, ClaimLink, LinkSuggestion
from tests.factories import UserFactory

from .conftest import SEEDS, seed_claim

pytestmark = pytest.mark.django_db

GOVERNOR_22 = "Bij een luchtaanval in het Syrische Idlib"
SOHR_34 = "Volgens het Syrische Observatorium"
ARTICLE_B_33 = "Bij bombardementen van het Syrische regime"
MILLION_FLED = "Ongeveer een miljoen burgers"
HUNDREDS_OF_THOUSANDS = "Die hebben honderdduizenden mensen"


def suggestion_between(first: str, second: str) -> LinkSuggestion:
    a, b = seed_claim(first), seed_claim(second)
    return LinkSuggestion.objects.get(from_claim__in=(a, b), to_claim__in=(a, b))


def test_the_three_counts_of_turkish_dead_are_suggested_as_conflicts(seeded):
    for first, second in [
        (GOVERNOR_22, SOHR_34),
        (GOVERNOR_22, ARTICLE_B_33),
        (SOHR_34, ARTICLE_B_33),
    ]:
        suggestion = suggestion_between(first, second)
        assert suggestion.relation == ClaimLink.Relation.CONFLICTS
        assert suggestion.status == LinkSuggestion.Status.PENDING
        assert 0.35 <= suggestion.score <= 1
        assert "same count: " in suggestion.reason and " vs " in suggestion.reason


def test_the_reason_names_the_figures_the_actors_and_the_month(seeded):
    reason = suggestion_between(GOVERNOR_22, ARTICLE_B_33).reason
    assert "≥ 22" in reason and "≥ 33" in reason
    assert "same actors: Idlib" in reason
    assert "same month" in reason


def test_the_displacement_pair_is_suggested_as_related(seeded):
    suggestion = suggestion_between(MILLION_FLED, HUNDREDS_OF_THOUSANDS)
    assert suggestion.relation == ClaimLink.Relation.RELATED
    assert "similar count" in suggestion.reason


def test_sentences_without_anything_in_common_are_not_suggested(seeded):
    stoltenberg = seed_claim("'Een de-escalatie moet het mogelijk maken")
    assert not LinkSuggestion.objects.filter(from_claim=stoltenberg).exists()
    assert not LinkSuggestion.objects.filter(to_claim=stoltenberg).exists()


def test_suggesting_again_adds_nothing(seeded):
    before = set(LinkSuggestion.objects.values_list("from_claim", "to_claim", "relation"))
    for article_id in {s.from_claim.article_id for s in LinkSuggestion.objects.all()}:
        assert suggest_for_article(article_id).suggestions == 0
    assert set(LinkSuggestion.objects.values_list("from_claim", "to_claim", "relation")) == before


def test_a_rejected_suggestion_is_never_proposed_again_across_re_ingests(
    seeded, run_ingest, monkeypatch
):
    rejected = suggestion_between(GOVERNOR_22, SOHR_34)
    from articles.crossref.decisions import reject_suggestions

    reject_suggestions([rejected], UserFactory())
    monkeypatch.setattr("articles.ingest.service.EXTRACTOR_VERSION", "next")
    assert run_ingest(SEEDS).summary.startswith("2 files: 0 new, 2 updated")
    between = suggestion_between(GOVERNOR_22, SOHR_34)
    assert between.pk == rejected.pk and between.status == LinkSuggestion.Status.REJECTED
    # the other pending suggestions were re-derived with their claims
    assert suggestion_between(GOVERNOR_22, ARTICLE_B_33).status == LinkSuggestion.Status.PENDING


def test_an_accepted_suggestion_is_a_link_and_is_not_proposed_again(
    seeded, run_ingest, monkeypatch
):
    from articles.crossref.decisions import accept_suggestions

    accepted = suggestion_between(GOVERNOR_22, ARTICLE_B_33)
    accept_suggestions([accepted], UserFactory())
    monkeypatch.setattr("articles.ingest.service.EXTRACTOR_VERSION", "next")
    run_ingest(SEEDS)
    assert LinkSuggestion.objects.filter(pk=accepted.pk, status="accepted").exists()
    link = ClaimLink.objects.get()
    assert {link.from_claim.text[:20], link.to_claim.text[:20]} == {
        GOVERNOR_22[:20],
        ARTICLE_B_33[:20],
    }
    pair = (link.from_claim, link.to_claim)
    assert LinkSuggestion.objects.filter(from_claim__in=pair, to_claim__in=pair).count() == 1


def test_a_re_derived_article_leaves_no_stale_keys_or_pending_suggestions(
    seeded, run_ingest, monkeypatch
):
    keys, pending = BlockingKey.objects.count(), LinkSuggestion.objects.count()
    monkeypatch.setattr("articles.ingest.service.EXTRACTOR_VERSION", "next")
    run_ingest(SEEDS)
    assert (BlockingKey.objects.count(), LinkSuggestion.objects.count()) == (keys, pending)


def test_counts_two_months_apart_are_not_compared(count_article):
    count_article("Zeker 22 Turkse militairen gedood.", value=22, qualifier="at_least", month=2)
    later = count_article("Er zijn 40 Turkse militairen gedood.", value=40, month=4, suggest=False)
    assert suggest_for_article(later.article_id).candidates == 1  # only itself
    assert not LinkSuggestion.objects.exists()


def test_counts_a_month_apart_are_compared(count_article):
    count_article(
        "Zeker 22 Turkse militairen gedood.", value=22, qualifier="at_least", month=12, year=2019
    )
    count_article("Er zijn 40 Turkse militairen gedood.", value=40, month=1)
    suggestion = LinkSuggestion.objects.get()
    assert suggestion.relation == ClaimLink.Relation.CONFLICTS
    assert "1 month apart" in suggestion.reason


def test_a_later_report_from_the_same_source_raising_its_figure_is_an_update(count_article):
    first = count_article("Zeker 22 doden.", value=22, qualifier="at_least", month=2, source="SOHR")
    later = count_article("Inmiddels 34 doden.", value=34, month=3, source="SOHR")
    suggestion = LinkSuggestion.objects.get()
    assert suggestion.relation == ClaimLink.Relation.UPDATES
    assert (suggestion.from_claim, suggestion.to_claim) == (later, first)


def test_the_cost_of_one_article_does_not_grow_with_the_database(count_article, monkeypatch):
    monkeypatch.setattr(suggest, "CANDIDATES_PER_KEY", 5)
    for n in range(3):
        count_article(f"Er zijn {20 + n} Turkse militairen gedood.", value=20 + n)
    new = count_article("Er zijn 99 Turkse militairen gedood.", value=99, suggest=False)
    with CaptureQueriesContext(connection) as small:
        small_run = suggest_for_article(new.article_id)
    LinkSuggestion.objects.all().delete()
    for n in range(30):
        count_article(f"Er zijn {30 + n} Turkse militairen gedood.", value=30 + n)
    newer = count_article("Er zijn 98 Turkse militairen gedood.", value=98, suggest=False)
    with CaptureQueriesContext(connection) as large:
        large_run = suggest_for_article(newer.article_id)
    assert len(large) == len(small), [q["sql"][:60] for q in large]
    assert small_run.candidates == 4 and large_run.candidates <= 5 + 1


def test_a_plan_up_to_a_claim_compares_only_the_claims_stored_before_it(count_article):
    older = count_article("Er zijn 20 Turkse militairen gedood.", value=20)
    newer = count_article("Er zijn 21 Turkse militairen gedood.", value=21)
    new = count_article("Er zijn 22 Turkse militairen gedood.", value=22, suggest=False)
    own = suggest.store_keys_of([new.article_id])

    bounded = suggest.plan_suggestions([new.article_id], own, up_to_claim=older.pk)
    unbounded = suggest.plan_suggestions([new.article_id], own)

    def linked(plan: suggest.Plan) -> set[int]:
        return {pk for c in plan.candidates for pk in (c.first, c.second)} - {new.pk}

    assert linked(bounded) == {older.pk}
    assert linked(unbounded) == {older.pk, newer.pk}


def test_keys_looked_up_in_parts_or_one_join_find_the_same_candidates(count_article, monkeypatch):
    for n in range(4):
        count_article(f"Er zijn {20 + n} Turkse militairen gedood.", value=20 + n)
    new = count_article("Er zijn 99 Turkse militairen gedood.", value=99, suggest=False)
    monkeypatch.setattr(suggest, "KEYS_PER_QUERY", 2)
    with CaptureQueriesContext(connection) as chunked:
        found = suggest_for_article(new.article_id)
    assert found.candidates == 5 and found.suggestions == 4
    walks = [q["sql"] for q in chunked if "ORDER BY" in q["sql"] and "blockingkey" in q["sql"]]
    if connection.vendor == "postgresql":  # one join over all the keys, however many
        assert len(walks) == 1 and "LATERAL" in walks[0]
    else:
        assert len(walks) > 1 and all("UNION ALL" in sql for sql in walks)
