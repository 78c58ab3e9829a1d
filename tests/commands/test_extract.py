"""``manage.py extract``: the documented JSON, streamed, without writing to the database."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Actor, Article

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
QUALIFIERS = {"exact", "at_least", "approximately", "more_than", "less_than"}
KINDS = {"person", "organisation", "country", "group", "role", "location"}

pytestmark = pytest.mark.django_db


def run_extract(*args) -> tuple[str, str, str | None]:
    out, err = StringIO(), StringIO()
    try:
        call_command("extract", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), str(error)
    return out.getvalue(), err.getvalue(), None


def check_claim(claim: dict, text: str) -> None:
    assert set(claim) >= {
        "start",
        "end",
        "text",
        "source",
        "via",
        "hedged",
        "direct_quote",
        "about",
        "quantity",
    }
    assert text[claim["start"] : claim["end"]] == claim["text"]
    assert isinstance(claim["hedged"], bool) and isinstance(claim["about"], list)
    quantity = claim["quantity"]
    if quantity is not None:
        assert set(quantity) >= {"value", "min", "max", "qualifier", "what"}
        assert quantity["qualifier"] in QUALIFIERS
        assert quantity["value"] is not None or quantity["min"] is not None


def test_prints_the_documented_format_for_every_seed():
    out, _, failed = run_extract(SEEDS, "--format", "json")
    assert failed is None
    articles = json.loads(out)["articles"]
    assert [a["file"] for a in articles] == sorted(p.name for p in SEEDS.glob("*.txt"))
    for article in articles:
        text = (SEEDS / article["file"]).read_text(encoding="utf-8-sig")
        assert article["external_id"] == Path(article["file"]).stem
        assert article["date"] == "2020-02"
        for mention in article["mentions"]:
            assert set(mention) >= {"start", "end", "text", "actor", "kind"}
            assert text[mention["start"] : mention["end"]] == mention["text"]
            assert mention["kind"] in KINDS
        for claim in article["claims"]:
            check_claim(claim, text)
    quantities = [c["quantity"] for a in articles for c in a["claims"] if c["quantity"]]
    assert {"value": 22, "qualifier": "at_least"}.items() <= quantities[0].items()
    assert not Article.objects.exists() and not Actor.objects.exists(), "nothing written"


def test_bad_files_are_named_and_the_good_ones_still_printed(tmp_path):
    (tmp_path / "a_good.txt").write_text(" date 2021-03 Volgens de NAVO zijn 5 doden.\n", "utf-8")
    (tmp_path / "b_bad.txt").write_text("geen kopregel\n", "utf-8")
    out, err, failed = run_extract(tmp_path)
    assert failed == "1 of 2 files failed."
    assert "b_bad.txt:1: missing date header" in err
    articles = json.loads(out)["articles"]
    assert [a["external_id"] for a in articles] == ["a_good"]
    assert articles[0]["claims"][0]["source"] == "NAVO"


def test_an_explicit_gazetteer_file_is_used(tmp_path):
    gazetteer = tmp_path / "g.json"
    gazetteer.write_text(
        json.dumps(
            {
                "entries": [
                    {
                        "name": "Stichting Vluchteling",
                        "kind": "organisation",
                        "aliases": ["vluchtelingenhulp"],
                    }
                ]
            }
        ),
        "utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text(" date 2021 Volgens de vluchtelingenhulp zijn 30 mensen gered.\n", "utf-8")
    out, _, failed = run_extract(article, "--gazetteer", gazetteer)
    assert failed is None
    claim = json.loads(out)["articles"][0]["claims"][0]
    assert claim["source"] == "Stichting Vluchteling"
    assert run_extract(article, "--gazetteer", tmp_path / "nope.json")[2].startswith(
        "Gazetteer file not found"
    )


def test_text_format_lists_claims_with_their_sources():
    out, _, failed = run_extract(SEEDS / "000_78357a777ef7f92d.txt", "--format", "text")
    assert failed is None
    lines = out.splitlines()
    assert lines[0].startswith("000_78357a777ef7f92d.txt (2020-02): ")
    assert any("Reuters: " in line for line in lines[1:])
