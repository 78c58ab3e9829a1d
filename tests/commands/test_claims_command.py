"""``manage.py claims`` on the ingested seeds: filters, formats, errors, query count."""

import csv
import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from articles.models import Article, Claim
from tests.factories import ActorFactory, ClaimFactory, SourceFactory
from tests.ingest.conftest import corpus, run_ingest  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]
SEED_A, SEED_B = "000_78357a777ef7f92d", "003_34cf2e6a0fed1da4"

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(run_ingest, corpus):  # noqa: F811
    run = run_ingest(corpus)
    assert run.failed is None, run.failed


def claims(*args: object, err: StringIO | None = None) -> str:
    out = StringIO()
    call_command("claims", *map(str, args), stdout=out, stderr=err or StringIO())
    return out.getvalue()


def rows(*args: object) -> list[dict]:
    return json.loads(claims(*args, "--format", "json"))


def test_every_claim_by_default_in_article_date_order(seeded):
    found = rows()
    assert len(found) == Claim.objects.count() == 22
    assert [row["article"] for row in found] == sorted(row["article"] for row in found)
    first = found[0]
    assert (first["date"], first["source"], first["quantity"]) == (
        "2020-02",
        "gouverneur van Hatay",
        "≥ 22 Turkse militairen om het leven gekomen",
    )


def test_source_reuters_finds_what_reuters_said_and_relayed(seeded):
    assert {row["source"] for row in rows("--source", "Reuters")} == {
        "Reuters",
        "Turkse regeringsambtenaar (anoniem) via Reuters",
    }
    assert rows("--source", "reuters") == rows("--source", "Reuters")


def test_about_erdogan_without_accent_finds_the_claim_about_erdogan(seeded):
    found = rows("--about", "Erdogan")
    assert len(found) == 1
    assert "Recep Tayyip Erdoğan" in found[0]["about"].split(", ")
    assert rows("--about", "erdoğan") == found


def test_actor_jens_stoltenberg_finds_his_claims(seeded):
    found = rows("--actor", "Jens Stoltenberg")
    assert len(found) >= 4
    assert sum(row["source"] == "Jens Stoltenberg" for row in found) == 4
    assert all("Stoltenberg" in row["source"] + row["about"] for row in found)
    assert rows("--actor", "stoltenberg") == found  # an alias


def test_status_filter(seeded):
    claim = Claim.objects.order_by("pk").first()
    claim.status, claim.reviewed_at = Claim.Status.VERIFIED, timezone.now()
    claim.save()
    assert [row["id"] for row in rows("--status", "verified")] == [claim.pk]
    assert len(rows("--status", "unreviewed")) == 21
    assert all(row["status"] == "unreviewed" for row in rows("--status", "unreviewed"))


def test_hedged_filter(seeded):
    found = rows("--hedged")
    assert found and all(row["hedged"] is True for row in found)
    assert len(found) == Claim.objects.filter(hedged=True).count()


def test_text_filter_wants_every_word(seeded):
    found = rows("--text", "turkse MILITAIREN")
    assert [row["quantity"].split()[:2] for row in found] == [["≥", "22"], ["≥", "33"]]
    assert rows("--text", "militairen nergens") == []


def test_article_by_id_and_by_external_id(seeded):
    article = Article.objects.get(external_id=SEED_B)
    by_external_id = rows("--article", SEED_B)
    assert {row["article"] for row in by_external_id} == {SEED_B}
    assert len(by_external_id) == article.claims.count()
    assert rows("--article", article.pk) == by_external_id


def test_filters_combine(seeded):
    found = rows("--article", SEED_A, "--hedged", "--text", "Idlib")
    assert found and all(row["article"] == SEED_A and row["hedged"] for row in found)
    assert all("idlib" in row["text"].lower() for row in found)
    assert rows("--actor", "Jens Stoltenberg", "--article", SEED_A) == []


def test_csv_parses_with_the_same_rows(seeded):
    parsed = list(csv.DictReader(StringIO(claims("--source", "Reuters", "--format", "csv"))))
    assert [int(row["id"]) for row in parsed] == [row["id"] for row in rows("--source", "Reuters")]
    assert list(parsed[0]) == [
        "id",
        "article",
        "date",
        "source",
        "status",
        "hedged",
        "quantity",
        "about",
        "text",
    ]
    assert parsed[0]["hedged"] == "false"


def test_table_has_headings_and_one_line_per_claim(seeded):
    lines = claims("--actor", "Jens Stoltenberg").splitlines()
    assert lines[0].split()[:4] == ["id", "article", "date", "source"]
    assert set(lines[1]) == {"-", " "}
    assert len(lines) == 2 + len(rows("--actor", "Jens Stoltenberg"))


def test_empty_results_per_format(seeded):
    assert claims("--status", "false") == "No rows.\n"
    assert json.loads(claims("--status", "false", "--format", "json")) == []
    assert claims("--status", "false", "--format", "csv").splitlines() == [
        "id,article,date,source,status,hedged,quantity,about,text"
    ]


def test_limit_cuts_and_says_so(seeded):
    err = StringIO()
    out = claims("--limit", 3, "--format", "json", err=err)
    assert len(json.loads(out)) == 3
    assert "first 3 claims" in err.getvalue()
    err = StringIO()
    assert len(json.loads(claims("--limit", 0, "--format", "json", err=err))) == 22
    assert err.getvalue() == ""


@pytest.mark.parametrize(
    ("option", "name", "suggestion"),
    [
        ("--actor", "Jens Stoltenbreg", "Jens Stoltenberg"),
        ("--about", "Erdgan", "Recep Tayyip Erdoğan"),
        ("--source", "Reutres", "Reuters"),
        ("--article", "003_34cf2e6a0fed1da5", SEED_B),
    ],
)
def test_unknown_names_are_errors_with_a_suggestion(seeded, option, name, suggestion):
    with pytest.raises(CommandError) as raised:
        claims(option, name)
    message = str(raised.value)
    assert f'"{name}"' in message
    assert "Did you mean:" in message and suggestion in message


@pytest.mark.parametrize(
    "args",
    [["--status", "bogus"], ["--format", "xml"], ["--limit", "-1"], ["--limit", "many"]],
)
def test_bad_arguments_are_argparse_errors(args):
    with pytest.raises(CommandError, match=f"argument {args[0]}"):
        claims(*args)


def test_a_bad_format_exits_non_zero_without_a_traceback():
    done = subprocess.run(
        [sys.executable, "manage.py", "claims", "--format", "xml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "invalid choice: 'xml'" in done.stderr


def make_claims(count: int) -> None:
    turkey = ActorFactory(name="Turkije", kind="country")
    reuters = SourceFactory(name="Reuters", actor=ActorFactory(name="Reuters"))
    for number in range(count):
        claim = ClaimFactory(source=SourceFactory(), via=reuters, hedged=number % 2 == 0)
        claim.about.set([turkey, ActorFactory()])


@pytest.mark.parametrize("count", [5, 50])
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_the_query_count_does_not_grow_with_the_claims(count, fmt, django_assert_max_num_queries):
    make_claims(count)
    with django_assert_max_num_queries(5):
        out = claims("--actor", "Turkije", "--source", "reuters", "--format", fmt)
    assert out.count("Turkije") == count
