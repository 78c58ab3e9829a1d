"""The README's ORM and SQL recipes, run on the ingested seeds: each gives the right answer,
checked against the same facts worked out another way."""

import re
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from articles.models import Claim, LinkSuggestion
from tests.crossref.conftest import seeded  # noqa: F401 (fixture)
from tests.ingest.conftest import run_ingest  # noqa: F401 (fixture)

README = Path(__file__).resolve().parents[1] / "README.md"
RECIPE = re.compile(
    r"<!-- recipe: (?P<name>[\w-]+) -->\n```(?P<lang>python|sql)\n(?P<code>.*?)```", re.S
)

pytestmark = pytest.mark.django_db


def recipes(name: str, lang: str) -> list[str]:
    return [
        m["code"]
        for m in RECIPE.finditer(README.read_text())
        if (m["name"], m["lang"]) == (name, lang)
    ]


def run_python(name: str):
    (code,) = recipes(name, "python")
    namespace: dict = {}
    exec(code, namespace)
    return namespace["result"]


def run_sql(name: str) -> list[tuple]:
    (code,) = recipes(name, "sql")
    with connection.cursor() as cursor:
        cursor.execute(code.strip().rstrip(";"))
        return [tuple(row) for row in cursor.fetchall()]


def test_every_recipe_in_the_readme_is_tested():
    named = {(m["name"], m["lang"]) for m in RECIPE.finditer(README.read_text())}
    assert named == {
        ("who-said-what", "python"),
        ("who-said-what", "sql"),
        ("about-an-actor", "python"),
        ("conflicting-numbers", "python"),
        ("conflicting-numbers", "sql"),
        ("most-cited-sources", "python"),
        ("most-cited-sources", "sql"),
        ("pending-suggestions", "python"),
    }


def test_who_said_what(seeded):  # noqa: F811
    expected = sorted(
        (c.source.name, c.article.external_id, c.start, c.text)
        for c in Claim.objects.exclude(source=None).select_related("source", "article")
    )
    rows = [(s, a, t) for s, a, _start, t in expected]
    assert run_python("who-said-what") == rows
    assert run_sql("who-said-what") == rows
    assert ("Jens Stoltenberg", "003_34cf2e6a0fed1da4") in {(s, a) for s, a, _ in rows}


def test_about_an_actor_by_alias(seeded):  # noqa: F811
    (text,) = run_python("about-an-actor")
    assert text.startswith("De Turkse president Erdogan heeft een spoedvergadering")


def test_conflicting_numbers(seeded):  # noqa: F811
    assert run_python("conflicting-numbers") == [
        ("Turkse militairen om het leven gekomen", 34, 34, 34, 22)
    ]
    rows = run_sql("conflicting-numbers")
    assert sorted(int(value) for _label, _q, value, _source in rows) == [22, 33, 34]
    assert {(int(v), q) for _label, q, v, _source in rows} == {
        (22, "at_least"),
        (33, "at_least"),
        (34, "exact"),
    }


def test_most_cited_sources(seeded):  # noqa: F811
    claims = Claim.objects.exclude(source=None).select_related("source")
    cited = Counter(c.source.name for c in claims)
    articles = Counter(name for name, _ in {(c.source.name, c.article_id) for c in claims})
    expected = sorted(((n, cited[n], articles[n]) for n in cited), key=lambda r: (-r[1], r[0]))[:10]
    assert run_python("most-cited-sources") == expected
    assert run_sql("most-cited-sources") == expected


def test_pending_suggestions_surest_first(seeded):  # noqa: F811
    rows = run_python("pending-suggestions")
    assert len(rows) == LinkSuggestion.objects.filter(status="pending").count() > 0
    assert [score for _r, score, *_ in rows] == sorted((r[1] for r in rows), reverse=True)
    assert all(reason for *_, reason in rows)
