"""``conflicts``, ``suggest_links`` and ``evaluate_links`` on the ingested seeds."""

import csv
import json
import subprocess
import sys
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.crossref.decisions import set_house_figure
from articles.crossref.tallies import refresh_tallies
from articles.models import CountCluster, LinkSuggestion
from tests.crossref.conftest import seeded  # noqa: F401 (fixture)
from tests.factories import UserFactory
from tests.ingest.conftest import run_ingest  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "gold" / "seeds.gold.json"

pytestmark = pytest.mark.django_db


def command(name: str, *args: object) -> str:
    out = StringIO()
    call_command(name, *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_conflicts_as_json_gives_the_reconciled_cluster(seeded):  # noqa: F811
    (cluster,) = json.loads(command("conflicts", "--format", "json"))
    assert (cluster["low"], cluster["best"], cluster["high"]) == (34, 34, 34)
    assert cluster["conservative"] == 22 and cluster["consistent"] is True
    assert cluster["independent_sources"] == 3
    figures = {group["figure"]: group["sources"] for group in cluster["sources_by_figure"]}
    assert figures["≥ 22"] == ["gouverneur van Hatay"]
    assert figures["34"] == ["Syrisch Observatorium voor de Mensenrechten"]
    assert {report["rank"] for report in cluster["reports"]} == {"normal"}


def test_conflicts_as_csv_has_a_row_per_report(seeded):  # noqa: F811
    rows = list(csv.DictReader(StringIO(command("conflicts", "--format", "csv"))))
    assert sorted(row["figure"] for row in rows) == ["34", "≥ 22", "≥ 33"]
    assert {row["range"] for row in rows} == {"34–34–34"}


def test_conflicts_table_shows_the_house_figure_and_its_report_first(seeded):  # noqa: F811
    cluster = CountCluster.objects.get()
    follows = cluster.claims.get(quantity_value=33)
    set_house_figure(
        cluster,
        UserFactory(),
        value=Decimal(33),
        qualifier="at_least",
        wording="zeker 33 doden",
        follows=follows,
    )
    table = command("conflicts")
    assert "zeker 33 doden" in table
    body = table.splitlines()[2:]
    assert "preferred" in body[0] and "≥ 33" in body[0]


def test_conflicts_leaves_out_agreeing_clusters_unless_asked(seeded):  # noqa: F811
    CountCluster.objects.get().claims.update(quantity_value=34)
    refresh_tallies()  # a bulk update sends no signals: its writer counts again
    assert json.loads(command("conflicts", "--format", "json")) == []
    assert len(json.loads(command("conflicts", "--all", "--format", "json"))) == 1
    assert json.loads(command("conflicts", "--inconsistent", "--format", "json")) == []


def test_suggest_links_again_proposes_nothing_new_and_says_so(seeded):  # noqa: F811
    before = LinkSuggestion.objects.count()
    out = command("suggest_links", "--no-progress")
    assert out.startswith("2 articles: 0 new suggestions")
    assert LinkSuggestion.objects.count() == before


def pairs() -> set[tuple[frozenset[int], str]]:
    rows = LinkSuggestion.objects.values_list("from_claim", "to_claim", "relation")
    return {(frozenset((a, b)), relation) for a, b, relation in rows}


def test_suggest_links_restores_deleted_suggestions(seeded):  # noqa: F811
    before = pairs()
    LinkSuggestion.objects.all().delete()
    command("suggest_links", "--no-progress", "000_78357a777ef7f92d")
    command("suggest_links", "--no-progress")
    assert pairs() == before


@pytest.mark.skipif(not GOLD.is_file(), reason="needs ../shared/gold")
def test_evaluate_links_scores_the_seed_suggestions(seeded):  # noqa: F811
    scores = json.loads(command("evaluate_links", "--gold", GOLD, "--format", "json"))
    assert scores["pairs"]["expected"] == 6
    assert scores["pairs"]["precision"] >= 0.8 and scores["pairs"]["recall"] >= 0.8
    assert scores["relations"]["true_positives"] <= scores["pairs"]["true_positives"]
    assert scores["unmatched_gold_claims"] == []


def test_evaluate_links_names_a_missing_gold_file():
    with pytest.raises(CommandError, match=r"File not found: nowhere\.json"):
        command("evaluate_links", "--gold", "nowhere.json")


def test_evaluate_links_rejects_a_file_that_is_not_gold(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"claims": [{"id": "A1"}]}')
    with pytest.raises(CommandError, match="is not a gold file"):
        command("evaluate_links", "--gold", bad)


@pytest.mark.parametrize("args", [["conflicts", "--format", "xml"], ["conflicts", "--limit", "-1"]])
def test_bad_arguments_exit_non_zero_without_a_traceback(args):
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "error:" in done.stderr


def test_conflicts_inconsistent_lists_clusters_that_cannot_all_be_true(seeded):  # noqa: F811
    CountCluster.objects.get().claims.filter(quantity_value=34).update(quantity_value=20)
    (cluster,) = json.loads(command("conflicts", "--inconsistent", "--format", "json"))
    assert cluster["consistent"] is False
    assert sorted(cluster["conflicting"]) == sorted(
        CountCluster.objects.get()
        .claims.filter(quantity_value__in=(20, 33))
        .values_list("pk", flat=True)
    )
