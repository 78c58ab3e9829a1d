"""Rows written in bulk (``executemany``, ``COPY``, arrays): defaults, timestamps, adaptation and
conflicts as the ORM."""

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from articles import bulk
from articles.bulk import among, insert_objects, insert_rows, tidy_after_bulk_load, update_column
from articles.ingest.files import discover
from articles.ingest.service import IngestOptions, Status, ingest
from articles.models import Actor, BlockingKey, Claim, LinkSuggestion, Origin
from tests.factories import ActorFactory, ArticleFactory, ClaimFactory, SourceFactory

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DECIDED = datetime(2020, 3, 1, 12, 30, tzinfo=UTC)


def test_defaults_timestamps_and_json_are_filled_as_the_orm_would():
    a, b = ClaimFactory(), ClaimFactory()
    reasons = [{"code": "same_count", "figures": ["≥ 22", "34"]}]
    assert (
        insert_rows(
            LinkSuggestion,
            ("from_claim_id", "to_claim_id", "relation", "score", "reasons"),
            [(a.pk, b.pk, "conflicts", 0.75, reasons)],
        )
        == 1
    )
    stored = LinkSuggestion.objects.get()
    assert stored.status == LinkSuggestion.Status.PENDING
    assert stored.reasons == reasons and stored.created_at is not None


def test_ignore_conflicts_skips_duplicates_and_without_it_the_database_refuses():
    claim = ClaimFactory()
    rows = [(claim.pk, "2020-02/a:1"), (claim.pk, "2020-02/a:1"), (claim.pk, "t:x")]
    insert_rows(BlockingKey, ("claim_id", "key"), rows, ignore_conflicts=True)
    assert sorted(BlockingKey.objects.values_list("key", flat=True)) == ["2020-02/a:1", "t:x"]
    with pytest.raises(IntegrityError):
        insert_rows(BlockingKey, ("claim_id", "key"), rows[:1])


def test_rows_that_may_conflict_keep_json_and_nulls_and_go_in_parts(monkeypatch):
    monkeypatch.setattr(bulk, "ROWS_PER_STATEMENT", 2)
    a, b, c = ClaimFactory(), ClaimFactory(), ClaimFactory()
    reasons = [{"code": "same_count", "figures": ["≥ 22", "34"]}]
    rows = [
        (a.pk, b.pk, "conflicts", 0.75, reasons, None),
        (a.pk, c.pk, "related", 0.5, [], DECIDED),
        (b.pk, c.pk, "corroborates", 0.9, reasons, None),
        (a.pk, b.pk, "updates", 0.1, [], None),  # the first pair again: skipped
    ]
    columns = ("from_claim_id", "to_claim_id", "relation", "score", "reasons", "decided_at")
    with CaptureQueriesContext(connection) as queries:
        insert_rows(LinkSuggestion, columns, rows, ignore_conflicts=True)
    stored = {
        (s.from_claim_id, s.to_claim_id): (s.relation, s.reasons, s.decided_at)
        for s in LinkSuggestion.objects.all()
    }
    assert stored == {
        (a.pk, b.pk): ("conflicts", reasons, None),
        (a.pk, c.pk): ("related", [], DECIDED),
        (b.pk, c.pk): ("corroborates", reasons, None),
    }
    if connection.vendor == "postgresql":  # a statement per part, not per row
        assert len(queries) == 2


def test_a_row_postgresql_refuses_is_django_s_integrity_error_whatever_the_path():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's INSERT OR IGNORE skips a NOT NULL violation too, as bulk_create")
    claim = ClaimFactory()
    with pytest.raises(IntegrityError):  # NOT NULL: no conflict to ignore
        insert_rows(BlockingKey, ("claim_id", "key"), [(claim.pk, None)], ignore_conflicts=True)


def test_insert_objects_writes_every_field_and_decimals_round_trip():
    article = ArticleFactory(text=" date 2020-02 Zeker 22 doden.")
    claim = Claim(
        article=article,
        start=14,
        end=29,
        origin=Origin.EXTRACTOR,
        quantity_value=Decimal("22.5"),
        quantity_qualifier="at_least",
        quantity_key="dood",
    )
    claim.anchor()
    insert_objects(Claim, [claim])
    stored = Claim.objects.get(article=article)
    assert (stored.text, stored.quantity_value, stored.quantity_qualifier) == (
        "Zeker 22 doden.",
        Decimal("22.5"),
        "at_least",
    )
    assert stored.created_at is not None and stored.updated_at is not None


def test_update_column_sets_each_row_its_own_value():
    claims = [ClaimFactory() for _ in range(3)]
    update_column(Claim, "hedged", {claims[0].pk: True, claims[2].pk: True})
    assert [c.hedged for c in Claim.objects.order_by("pk")] == [True, False, True]


def test_update_column_sets_and_clears_a_foreign_key_in_one_statement_on_postgresql():
    first, second = ClaimFactory(source=SourceFactory()), ClaimFactory()
    source = first.source_id
    with CaptureQueriesContext(connection) as queries:
        update_column(Claim, "source_id", {first.pk: None, second.pk: source})
    assert [c.source_id for c in Claim.objects.order_by("pk")] == [None, source]
    if connection.vendor == "postgresql":
        assert len(queries) == 1


def test_an_unknown_column_is_a_clear_error():
    with pytest.raises(ValueError, match="BlockingKey has no field 'nope'"):
        insert_rows(BlockingKey, ("nope",), [(1,)])


def test_among_selects_exactly_the_ids_given_however_many():
    actors = ActorFactory.create_batch(3)
    wanted = [actors[0].pk, actors[2].pk]
    assert set(Actor.objects.filter(pk__in=among(wanted))) == {actors[0], actors[2]}
    assert not Actor.objects.filter(pk__in=among([])).exists()
    # More ids than SQLite binds parameters in one statement, as one parameter.
    many = [*range(10**6, 10**6 + 40_000), actors[1].pk]
    assert list(Actor.objects.filter(pk__in=among(many))) == [actors[1]]


@pytest.mark.parametrize("written", [1, 2])
def test_statistics_are_refreshed_after_a_bulk_load_on_postgresql(monkeypatch, written):
    monkeypatch.setattr("articles.bulk.ANALYZE_AFTER_ARTICLES", 2)
    with CaptureQueriesContext(connection) as queries:
        ran = tidy_after_bulk_load(written)
    analyzed = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("ANALYZE")]
    assert ran == (written == 2 and connection.vendor == "postgresql")
    assert len(analyzed) == int(ran)
    if ran:  # every table of the app, the claim-actor table Django made included
        assert '"articles_article"' in analyzed[0] and '"articles_claim_about"' in analyzed[0]
        cleaned = [q["sql"] for q in queries.captured_queries if "gin_clean_pending" in q["sql"]]
        assert any("article_search_idx" in sql for sql in cleaned)
        assert any("claim_search_idx" in sql for sql in cleaned)


@pytest.mark.parametrize("cross_reference", [True, False])
def test_an_ingest_analyzes_once_after_all_its_writes(monkeypatch, cross_reference):
    monkeypatch.setattr("articles.bulk.ANALYZE_AFTER_ARTICLES", 2)
    with CaptureQueriesContext(connection) as queries:
        report = ingest(discover([SEEDS]), IngestOptions(cross_reference=cross_reference))
    assert report.ok and report.counts[Status.NEW] == 2
    sql = [q["sql"] for q in queries.captured_queries]
    analyzed = [n for n, statement in enumerate(sql) if statement.startswith("ANALYZE")]
    assert len(analyzed) == (connection.vendor == "postgresql")
    if analyzed:  # nothing written after it
        assert not any(s.startswith(("INSERT", "UPDATE", "COPY")) for s in sql[analyzed[0] :])
