"""The ingest end to end: seeds in, every model filled, idempotent, editor work kept."""

import hashlib
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import timezone

from articles.extraction import extract
from articles.ingest.parser import parse_article
from articles.models import Actor, Article, Claim, ClaimLink, Mention, Note, Origin, Segment, Source
from tests.factories import UserFactory

from .conftest import SEED_A, SEED_B, SEEDS

pytestmark = pytest.mark.django_db
GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "seeds.gold.json"


def snapshot() -> dict[str, list[dict]]:
    """Every row of every newsdb table, to prove a run changed nothing."""
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in apps.get_app_config("articles").get_models()
    } | {"about": list(Claim.about.through.objects.order_by("pk").values())}


def segments_by_kind(article: Article):
    segments = list(article.segments.select_related("article"))
    return lambda kind: [s for s in segments if s.kind == kind]


def test_seeds_are_stored_with_their_gold_structure(run_ingest):
    if not GOLD.exists():
        pytest.skip(f"gold annotations not found at {GOLD}")
    run = run_ingest(SEEDS)
    assert run.failed is None
    assert run.summary.startswith("2 files: 2 new, 0 updated, 0 unchanged, 0 failed;")
    for gold in json.loads(GOLD.read_text(encoding="utf-8"))["articles"]:
        article = Article.objects.select_related("source").get(external_id=gold["external_id"])
        by_kind = segments_by_kind(article)
        assert str(article.published) == gold["date"] and article.published_day is None
        assert by_kind("lead")[0].start == gold["lead_offset"]
        assert by_kind("lead")[0].text.startswith(gold["lead_starts_with"])
        assert [s.text for s in by_kind("subheading")] == gold["subheadings"]
        assert len(by_kind("lead") + by_kind("paragraph")) == gold["body_paragraphs"]
        assert [(s.start, s.end, s.quote, s.credit) for s in by_kind("pull_quote")] == [
            (q["start"], q["end"], q["text"], q["credit"]) for q in gold["pull_quotes"]
        ]
        raw = (SEEDS / gold["file"]).read_bytes()
        assert article.text == raw.decode("utf-8")
        assert (article.source.kind, article.source.corpus, article.source.checksum) == (
            Source.Kind.PUBLICATION,
            "seeds",
            hashlib.sha256(raw).hexdigest(),
        )
        assert article.title and len(article.title) <= 120


def test_stored_rows_are_what_extraction_found(run_ingest):
    run_ingest(SEEDS)
    for name in (SEED_A, SEED_B):
        parsed = parse_article((SEEDS / name).read_bytes(), name)
        found = extract(parsed.text, parsed.segments)
        article = Article.objects.get(external_id=parsed.external_id)
        claims = list(article.claims.select_related("source", "via").order_by("start"))
        assert [(c.start, c.end) for c in claims] == sorted((c.start, c.end) for c in found.claims)
        assert all(c.text == article.text[c.start : c.end] for c in claims)
        sourced = {(c.start, c.source.name) for c in found.claims if c.source}
        assert {(c.start, c.source.name) for c in claims if c.source} == sourced
        mentions = set(article.mentions.values_list("start", "end", "actor__name"))
        assert mentions == {(m.start, m.end, m.actor.name) for m in found.mentions}
        assert all(
            article.text[s:e] == t
            for s, e, t in article.mentions.values_list("start", "end", "text")
        )
    assert Actor.objects.exists() and Claim.objects.exists() and Mention.objects.exists()
    names = list(Source.objects.values_list("key", flat=True))
    assert len(names) == len(set(names)), "one source per name, reused across articles"


def test_second_run_reports_unchanged_and_changes_no_row(run_ingest):
    first = run_ingest(SEEDS)
    before = snapshot()
    second = run_ingest(SEEDS)
    assert second.failed is None
    assert second.summary.startswith("2 files: 0 new, 0 updated, 2 unchanged, 0 failed;")
    assert snapshot() == before
    assert first.summary != second.summary


def test_dry_run_writes_nothing_and_reports_the_same_counts(run_ingest):
    dry = run_ingest("--dry-run", SEEDS)
    assert not Article.objects.exists() and not Actor.objects.exists()
    real = run_ingest(SEEDS)
    assert dry.summary == f"dry run, nothing written: {real.summary}"


def test_changed_file_keeps_editor_work_and_reanchors_it(run_ingest, corpus):
    run_ingest(corpus)
    article = Article.objects.get(external_id=Path(SEED_B).stem)
    editor = UserFactory()
    reviewed, noted, *_ = list(article.claims.order_by("start"))
    reviewed.status, reviewed.reviewed_by, reviewed.reviewed_at = "verified", editor, timezone.now()
    reviewed.save()
    Note.objects.create(claim=noted, body="Bel de NAVO.", author=editor)
    start = article.text.index("Het conflict in het buurland")
    mine = Claim.objects.create(
        article=article,
        start=start,
        end=start + 28,
        text=article.text[start : start + 28],
        origin=Origin.EDITOR,
        created_by=editor,
    )
    ClaimLink.objects.create(from_claim=mine, to_claim=noted, relation="related")
    article.title, article.title_is_derived = "Mijn titel", False
    article.save()
    kept_texts = {c.pk: c.text for c in (reviewed, noted, mine)}

    path = corpus / SEED_B
    lines = path.read_text(encoding="utf-8").split("\n\n")
    path.write_text("\n\n".join([lines[0], "Een nieuwe alinea vooraf.", *lines[1:]]), "utf-8")
    run = run_ingest(corpus)

    assert run.failed is None
    assert run.summary.startswith("2 files: 0 new, 1 updated, 1 unchanged, 0 failed;")
    article.refresh_from_db()
    assert article.title == "Mijn titel"
    for pk, text in kept_texts.items():
        claim = Claim.objects.get(pk=pk)
        assert not claim.is_orphaned
        assert article.text[claim.start : claim.end] == text == claim.text
    assert Claim.objects.get(pk=reviewed.pk).status == "verified"
    assert Note.objects.get().claim_id == noted.pk and ClaimLink.objects.get().from_claim == mine
    derived = article.claims.filter(origin=Origin.EXTRACTOR, status="unreviewed")
    assert all(article.text[c.start : c.end] == c.text for c in derived)
    assert article.segments.filter(kind=Segment.Kind.PARAGRAPH).count() == 6 + 1


def test_editor_work_whose_text_is_gone_is_kept_and_listed_as_orphaned(run_ingest, corpus):
    run_ingest(corpus)
    article = Article.objects.get(external_id=Path(SEED_A).stem)
    claim = article.claims.order_by("start").last()
    Note.objects.create(claim=claim, body="Klopt dit?")
    path = corpus / SEED_A
    path.write_text(path.read_text(encoding="utf-8").replace(claim.text, "Weg."), "utf-8")
    run = run_ingest("-v", "2", corpus)
    claim.refresh_from_db()
    assert claim.is_orphaned and claim.notes.count() == 1
    assert f"orphaned claim #{claim.pk}" in run.err


def test_an_orphaned_claim_does_not_block_the_new_claim_on_its_old_span(run_ingest, corpus):
    run_ingest(corpus)
    article = Article.objects.get(external_id=Path(SEED_A).stem)
    claim = article.claims.get(text__contains="zeker 22 ")
    Note.objects.create(claim=claim, body="Welke gouverneur?")
    path = corpus / SEED_A
    # Same length, same place: the new sentence's claim takes the orphan's old span.
    path.write_text(path.read_text(encoding="utf-8").replace("zeker 22 ", "zeker 25 "), "utf-8")
    run = run_ingest(corpus)
    assert run.failed is None
    claim.refresh_from_db()
    assert claim.is_orphaned and "zeker 22 " in claim.text
    fresh = article.claims.get(is_orphaned=False, start=claim.start, end=claim.end)
    assert "zeker 25 " in fresh.text and fresh.origin == Origin.EXTRACTOR


def test_bom_crlf_and_trailing_spaces_give_the_same_article(run_ingest, tmp_path):
    original = (SEEDS / SEED_B).read_text(encoding="utf-8")
    variant = "\ufeff" + "\r\n".join(line + "  " for line in original.split("\n"))
    (tmp_path / "variant.txt").write_bytes(variant.encode("utf-8"))
    run_ingest(SEEDS / SEED_B, tmp_path / "variant.txt")
    seed, copy = (Article.objects.get(external_id=i) for i in (Path(SEED_B).stem, "variant"))
    assert copy.text == variant[1:], "stored exactly as read, BOM removed"
    assert [s.text for s in copy.segments.all()] == [s.text for s in seed.segments.all()]
    assert [c.text for c in copy.claims.all()] == [c.text for c in seed.claims.all()]


def test_a_new_extractor_version_re_derives_unchanged_files(run_ingest, monkeypatch):
    run_ingest(SEEDS)
    monkeypatch.setattr("articles.ingest.service.EXTRACTOR_VERSION", "next")
    run = run_ingest(SEEDS)
    assert run.summary.startswith("2 files: 0 new, 2 updated, 0 unchanged, 0 failed;")
    versions = set(Article.objects.values_list("extractor_version", flat=True))
    assert len(versions) == 1 and versions.pop().startswith("next+g")


def test_an_editors_gazetteer_entry_re_derives_and_is_recognised(run_ingest, tmp_path):
    (tmp_path / "a.txt").write_text(
        " date 2024-05 Volgens de burgerbescherming zijn zeker 12 mensen omgekomen.\n",
        encoding="utf-8",
    )
    run_ingest(tmp_path)
    assert Claim.objects.get().source is None
    helmets = Actor.objects.create(
        name="Syrische Burgerbescherming",
        kind=Actor.Kind.ORGANISATION,
        source_kind=Source.Kind.NGO,
        origin=Origin.EDITOR,
        in_gazetteer=True,
    )
    helmets.aliases.create(name="burgerbescherming")
    run = run_ingest(tmp_path)
    assert run.summary.startswith("1 files: 0 new, 1 updated, 0 unchanged, 0 failed;")
    assert Mention.objects.get(text="burgerbescherming").actor == helmets
    claim = Claim.objects.select_related("source").get()
    assert (claim.source.actor, claim.source.kind) == (helmets, Source.Kind.NGO)
    assert run_ingest(tmp_path).summary.startswith("1 files: 0 new, 0 updated, 1 unchanged")
