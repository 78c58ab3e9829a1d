"""``manage.py actors``: counts, filters, formats, errors."""

import csv
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import (
    ActorFactory,
    AliasFactory,
    ArticleFactory,
    ClaimFactory,
    MentionFactory,
    SourceFactory,
)
from tests.ingest.conftest import corpus, run_ingest  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
HEADER = ["id", "name", "kind", "mentions", "claims_by", "claims_about", "aliases"]


def actors(*args: object, err: StringIO | None = None) -> str:
    out = StringIO()
    call_command("actors", *map(str, args), stdout=out, stderr=err or StringIO())
    return out.getvalue()


def rows(*args: object) -> list[dict]:
    return json.loads(actors(*args, "--format", "json"))


@pytest.fixture
def stoltenberg():
    """3 mentions, 2 claims by him (one of them also about him), 1 about him, 1 alias."""
    actor = ActorFactory(name="Jens Stoltenberg")
    AliasFactory(actor=actor, name="Stoltenberg")
    article = ArticleFactory()
    for start in (14, 18, 22):
        MentionFactory(article=article, actor=actor, start=start, end=start + 3)
    source = SourceFactory(name="NAVO-topman", actor=actor)
    ClaimFactory(source=source)
    ClaimFactory(source=source).about.set([actor, ActorFactory(name="NAVO", kind="organisation")])
    return actor


def test_counts_on_factory_data(stoltenberg):
    found = {row["name"]: row for row in rows()}
    assert found["Jens Stoltenberg"] == {
        "id": stoltenberg.pk,
        "name": "Jens Stoltenberg",
        "kind": "person",
        "mentions": 3,
        "claims_by": 2,
        "claims_about": 1,
        "aliases": 1,
    }
    assert [found["NAVO"][key] for key in HEADER[3:]] == [0, 0, 1, 0]


def test_most_mentioned_first(stoltenberg):
    MentionFactory(actor=ActorFactory(name="Aaa"))
    assert [row["name"] for row in rows()] == ["Jens Stoltenberg", "Aaa", "NAVO"]


def test_kind_and_name_filters(stoltenberg):
    assert [row["name"] for row in rows("--kind", "organisation")] == ["NAVO"]
    assert [row["name"] for row in rows("--name", "STOLTEN")] == ["Jens Stoltenberg"]
    assert rows("--kind", "country", "--name", "navo") == []


def test_formats_parse(stoltenberg):
    parsed = list(csv.DictReader(StringIO(actors("--format", "csv"))))
    assert list(parsed[0]) == HEADER
    assert parsed[0]["name"] == "Jens Stoltenberg" and parsed[0]["mentions"] == "3"
    lines = actors().splitlines()
    assert lines[0].split() == [
        "id",
        "name",
        "kind",
        "mentions",
        "claims",
        "by",
        "claims",
        "about",
        "aliases",
    ]
    assert len(lines) == 2 + 2


def test_nothing_to_show(db):
    assert actors() == "No rows.\n"
    assert rows() == []
    assert actors("--format", "csv") == ",".join(HEADER) + "\n"


def test_limit(stoltenberg):
    err = StringIO()
    assert len(json.loads(actors("--limit", 1, "--format", "json", err=err))) == 1
    assert "first 1 actors" in err.getvalue()
    assert len(rows("--limit", 0)) == 2


def test_an_unknown_name_is_an_error_with_a_suggestion(stoltenberg):
    with pytest.raises(CommandError) as raised:
        actors("--name", "Stoltenbreg")
    assert str(raised.value) == 'No actor named "Stoltenbreg". Did you mean: Jens Stoltenberg?'


@pytest.mark.parametrize("args", [["--kind", "planet"], ["--format", "xml"], ["--limit", "-5"]])
def test_bad_arguments_are_argparse_errors(args):
    with pytest.raises(CommandError, match=f"argument {args[0]}"):
        actors(*args)


def test_seeds(run_ingest, corpus):  # noqa: F811
    assert run_ingest(corpus).failed is None
    found = {row["name"]: row for row in rows("--limit", 0)}
    assert found["Jens Stoltenberg"]["claims_by"] == 4
    assert found["Recep Tayyip Erdoğan"]["claims_about"] == 1
    assert rows("--name", "erdogan")[0]["name"] == "Recep Tayyip Erdoğan"


@pytest.mark.parametrize("count", [5, 50])
def test_the_query_count_does_not_grow_with_the_actors(count, django_assert_num_queries):
    for _ in range(count):
        MentionFactory(actor=AliasFactory().actor)
    with django_assert_num_queries(1):
        assert len(rows()) == count
