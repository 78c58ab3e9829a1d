"""``claim_list`` and ``claim_rows``: every filter, the order, the labels, the query count."""

from decimal import Decimal

import pytest
from django.utils import timezone

from articles.models import Claim
from articles.queries.claims import (
    CLAIM_COLUMNS,
    ClaimFilters,
    claim_list,
    claim_rows,
    quantity_label,
    source_label,
)
from articles.queries.names import UnknownName
from tests.factories import (
    ActorFactory,
    AliasFactory,
    ArticleFactory,
    ClaimFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def ids(**filters) -> list[int]:
    return [claim.pk for claim in claim_list(ClaimFilters(**filters))]


@pytest.fixture
def world():
    """Erdoğan quoted by Reuters, relayed through Reuters, and written about."""
    erdogan = ActorFactory(name="Recep Tayyip Erdoğan")
    AliasFactory(actor=erdogan, name="Erdoğan")
    turkey = ActorFactory(name="Turkije", kind="country")
    reuters = SourceFactory(name="Reuters")
    by = ClaimFactory(source=SourceFactory(name="Turkse president", actor=erdogan), hedged=True)
    via = ClaimFactory(source=SourceFactory(name="een adviseur"), via=reuters)
    about = ClaimFactory(source=reuters, status=Claim.Status.VERIFIED, reviewed_at=timezone.now())
    about.about.set([erdogan, turkey])
    other = ClaimFactory()
    other.about.set([turkey])
    return {"by": by.pk, "via": via.pk, "about": about.pk, "other": other.pk}


def test_no_filter_lists_every_claim(world):
    assert sorted(ids()) == sorted(world.values())


def test_actor_means_any_role_and_lists_a_claim_once(world):
    relayer = ActorFactory(name="Anadolu")
    Claim.objects.filter(pk=world["via"]).update(
        via=SourceFactory(name="Anadolu Agency", actor=relayer)
    )
    assert sorted(ids(actor="Erdogan")) == sorted([world["by"], world["about"]])
    assert ids(actor="anadolu") == [world["via"]]


def test_about_is_only_about(world):
    assert ids(about="erdoğan") == [world["about"]]
    assert sorted(ids(about="Turkije")) == sorted([world["about"], world["other"]])


def test_source_matches_source_via_and_actor(world):
    assert sorted(ids(source="REUTERS")) == sorted([world["via"], world["about"]])
    assert ids(source="Erdogan") == [world["by"]]


def test_status_hedged_and_text(world):
    assert ids(status="verified") == [world["about"]]
    assert ids(hedged=True) == [world["by"]]
    assert len(ids(text="ZIN 22 doden")) == 4  # every word, any case
    assert ids(text="zin niet-bestaand") == []


def test_article_by_id_or_external_id(world):
    claim = Claim.objects.select_related("article").get(pk=world["by"])
    assert ids(article=str(claim.article_id)) == [claim.pk]
    assert ids(article=claim.article.external_id) == [claim.pk]
    with pytest.raises(UnknownName):
        ids(article="no-such-article")


def test_filters_combine(world):
    assert ids(source="Reuters", status="verified", about="Turkije") == [world["about"]]
    assert ids(source="Reuters", hedged=True) == []


def test_unknown_names_raise(world):
    for field in ("actor", "about", "source"):
        with pytest.raises(UnknownName, match="Erdgan"):
            ids(**{field: "Erdgan"})


def test_claims_are_ordered_by_article_date_then_article_then_start():
    year_only = ArticleFactory(published_year=2020, published_month=None, external_id="c")
    march = ArticleFactory(published_year=2020, published_month=3, external_id="a")
    february_b = ArticleFactory(published_year=2020, published_month=2, external_id="b")
    february_a = ArticleFactory(published_year=2020, published_month=2, external_id="a2")
    later = ClaimFactory(article=february_a, start=30)
    earlier = ClaimFactory(article=february_a, start=14, end=22)
    expected = [
        ClaimFactory(article=year_only).pk,
        earlier.pk,
        later.pk,
        ClaimFactory(article=february_b).pk,
        ClaimFactory(article=march).pk,
    ]
    assert ids() == expected


def test_rows_have_every_column():
    erdogan = ActorFactory(name="Recep Tayyip Erdoğan")
    idlib = ActorFactory(name="Idlib", kind="location")
    claim = ClaimFactory(
        article=ArticleFactory(external_id="000_x"),
        source=SourceFactory(name="gouverneur van Hatay"),
        quantity_value=Decimal("22.000"),
        quantity_qualifier=Claim.Qualifier.AT_LEAST,
        quantity_what="Turkse militairen om het leven gekomen",
    )
    claim.about.set([idlib, erdogan])
    [row] = claim_rows(claim_list(ClaimFilters()))
    assert set(row) == {column.key for column in CLAIM_COLUMNS}
    assert row == {
        "id": claim.pk,
        "article": "000_x",
        "date": "2020-02",
        "source": "gouverneur van Hatay",
        "status": "unreviewed",
        "hedged": False,
        "quantity": "≥ 22 Turkse militairen om het leven gekomen",
        "about": "Idlib, Recep Tayyip Erdoğan",
        "text": claim.text,
    }


@pytest.mark.parametrize(
    ("qualifier", "value", "low", "high", "label"),
    [
        ("exact", "34", None, None, "34 doden"),
        ("at_least", "22", None, None, "≥ 22 doden"),
        ("more_than", "10", None, None, "> 10 doden"),
        ("less_than", "5", None, None, "< 5 doden"),
        ("approximately", "3700000.000", None, None, "≈ 3700000 doden"),
        ("approximately", None, "200000", "999999", "≈ 200000–999999 doden"),
        ("", None, None, None, ""),
    ],
)
def test_quantity_labels(qualifier, value, low, high, label):
    claim = Claim(
        quantity_qualifier=qualifier,
        quantity_value=Decimal(value) if value else None,
        quantity_min=Decimal(low) if low else None,
        quantity_max=Decimal(high) if high else None,
        quantity_what="doden" if qualifier else "",
    )
    assert quantity_label(claim) == label


def test_source_labels():
    reuters, official = SourceFactory(name="Reuters"), SourceFactory(name="een functionaris")
    assert source_label(Claim(source=reuters)) == "Reuters"
    assert source_label(Claim(source=official, via=reuters)) == "een functionaris via Reuters"
    assert source_label(Claim()) == ""


def make_claims(count: int) -> None:
    turkey, syria = ActorFactory(name="Turkije"), ActorFactory(name="Syrië")
    reuters = SourceFactory(name="Reuters", actor=ActorFactory(name="Reuters"))
    for _ in range(count):
        claim = ClaimFactory(source=SourceFactory(), via=reuters)
        claim.about.set([turkey, syria])


@pytest.mark.parametrize("count", [5, 50])
def test_the_query_count_does_not_grow_with_the_claims(count, django_assert_max_num_queries):
    make_claims(count)
    # resolve --actor (1) and --source (source key 1 + actor 1), the claims (1), about (1)
    with django_assert_max_num_queries(5):
        rows = list(claim_rows(claim_list(ClaimFilters(actor="Turkije", source="Reuters"))))
    assert len(rows) == count
    assert all(row["about"] == "Syrië, Turkije" for row in rows)
