"""The app's tables carry no index that another index already leads with.

Such an index serves no look-up the longer one does not, and costs a B-tree write per row:
inserting a million mentions took twice as long with the two such indexes they had.
"""

import pytest
from django.apps import apps
from django.db import connection

from articles.models import Claim, ClaimLink, LinkSuggestion, Mention, Segment

pytestmark = pytest.mark.django_db


def _partial(model) -> set[str]:
    """Names of the model's indexes and constraints with a condition: they cover only some
    rows, so they make no other index redundant."""
    declared = [*model._meta.indexes, *model._meta.constraints]
    return {item.name for item in declared if getattr(item, "condition", None) is not None}


def _indexes(model) -> list[tuple[str, tuple[str, ...], bool]]:
    """(name, columns, unique) of the table's plain-column indexes, primary key left out."""
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, model._meta.db_table)
    return [
        (name, tuple(info["columns"]), bool(info["unique"]))
        for name, info in found.items()
        if (info["index"] or info["unique"])
        and not info["primary_key"]
        and info["columns"]
        and None not in info["columns"]  # an expression
        and not name.endswith("_like")  # PostgreSQL's pattern index, for LIKE
    ]


def _app_models():
    """The app's own tables; history tables and Django's automatic many-to-many tables
    have the indexes their libraries give them."""
    return [
        model
        for model in apps.get_app_config("articles").get_models()
        if not model.__name__.startswith("Historical")
    ]


def redundant_indexes(model) -> list[str]:
    """The non-unique indexes that another full index begins with: a longer one, a unique one
    on the same columns, or (of two alike) the one named first."""
    indexes = _indexes(model)
    partial = _partial(model)

    def covered(name: str, columns: tuple[str, ...]) -> bool:
        return any(
            other != name
            and other not in partial
            and more[: len(columns)] == columns
            and (len(more) > len(columns) or unique or other < name)
            for other, more, unique in indexes
        )

    return [
        f"{model._meta.db_table}.{name} {columns}"
        for name, columns, unique in indexes
        if not unique and covered(name, columns)
    ]


def test_no_table_has_an_index_another_leads_with():
    found = [entry for model in _app_models() for entry in redundant_indexes(model)]
    assert found == []


def test_the_foreign_keys_without_an_index_of_their_own_are_still_served_by_one():
    """What the rule above dropped: each column still leads an index, so looking up a mention
    by actor or article, a claim or segment by its article, a link or suggestion by its
    claims, reads an index."""
    for model, column in [
        (Mention, "actor_id"),
        (Mention, "article_id"),
        (Claim, "article_id"),
        (Segment, "article_id"),
        (ClaimLink, "from_claim_id"),
        (ClaimLink, "to_claim_id"),
        (LinkSuggestion, "from_claim_id"),
        (LinkSuggestion, "to_claim_id"),
    ]:
        leading = [columns[0] for _name, columns, _unique in _indexes(model)]
        assert column in leading, (model.__name__, column)
