"""The synthetic corpus generator: determinism, format, sizes, stories, variety, files.

No database: these tests only parse and extract."""

from __future__ import annotations

import json
import random
import re
import tracemalloc
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from articles.extraction import extract
from articles.extraction.sentences import split_sentences
from articles.ingest.parsed import ParsedArticle, SegmentKind
from articles.ingest.parser import parse_article
from benchmarks.corpus import GeneratedArticle, generate, write_corpus
from benchmarks.corpus import generic as generic_templates
from benchmarks.corpus.__main__ import main
from benchmarks.corpus.known import load_gazetteer
from benchmarks.corpus.picking import Weighted, Zipf
from benchmarks.corpus.stories import World, make_story
from benchmarks.corpus.topics import TOPICS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ID_RE = re.compile(r"(?P<outlet>[a-z]+(?:-[a-z]+)*)-(?P<story>\d{7})-(?P<n>[1-6])")
NUMBER_RE = re.compile(r"\d[\d.,]*\d|\d")
CLAIM_SEGMENTS = (SegmentKind.LEAD, SegmentKind.PARAGRAPH)


@pytest.fixture(scope="module")
def corpus() -> list[GeneratedArticle]:
    return list(generate(1_000, seed=3))


@pytest.fixture(scope="module")
def parsed(corpus: list[GeneratedArticle]) -> list[ParsedArticle]:
    return [parse_article(a.text.encode("utf-8"), f"{a.external_id}.txt") for a in corpus]


@pytest.fixture(scope="module")
def stories(corpus: list[GeneratedArticle]) -> dict[str, list[GeneratedArticle]]:
    by_story: dict[str, list[GeneratedArticle]] = defaultdict(list)
    for article in corpus:
        by_story[_match(article).group("story")].append(article)
    return by_story


def _match(article: GeneratedArticle) -> re.Match[str]:
    match = ID_RE.fullmatch(article.external_id)
    assert match, article.external_id
    return match


def _sentences(article: ParsedArticle) -> set[str]:
    segments = [s for s in article.segments if s.kind in CLAIM_SEGMENTS]
    return {article.text[s.start : s.end].strip() for s in split_sentences(article.text, segments)}


def _block_count(text: str) -> int:
    return len(text.strip("\n").split("\n\n"))


# --- determinism --------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_articles() -> None:
    random.seed(1)
    first = list(generate(150, seed=9))
    random.seed(2)  # the global generator plays no part
    assert list(generate(150, seed=9)) == first


def test_another_seed_gives_another_corpus() -> None:
    first = [a.text for a in generate(100, seed=1)]
    second = [a.text for a in generate(100, seed=2)]
    assert len(set(first) & set(second)) == 0


def test_the_count_is_exact_and_zero_is_allowed() -> None:
    assert sum(1 for _ in generate(37, seed=4)) == 37
    assert list(generate(0)) == []
    with pytest.raises(ValueError):
        list(generate(10, start=(2016, 13)))


# --- format -------------------------------------------------------------------------------


def test_every_article_parses_with_the_expected_structure(
    corpus: list[GeneratedArticle], parsed: list[ParsedArticle]
) -> None:
    for article, result in zip(corpus, parsed, strict=True):
        text = article.text
        assert re.match(r" date \d{4}-\d{2} \S", text), text[:40]
        assert text.endswith("\n") and text[-2] in ".'\"”"
        assert "\r" not in text and "\n\n\n" not in text and not text.endswith("\n\n")
        assert result.external_id == article.external_id
        assert result.date.day is None and text.startswith(f" date {result.date} ")
        assert 4 <= _block_count(text) <= 9
        assert len(result.segments) == _block_count(text)
        assert result.segments[0].kind == SegmentKind.LEAD
        assert result.segments[-1].kind in (SegmentKind.PARAGRAPH, SegmentKind.PULL_QUOTE)


def test_subheadings_and_pull_quotes_occur(parsed: list[ParsedArticle]) -> None:
    kinds = Counter(s.kind for article in parsed for s in article.segments)
    assert kinds[SegmentKind.SUBHEADING] > 300
    assert kinds[SegmentKind.PULL_QUOTE] > 10
    assert kinds[SegmentKind.PARAGRAPH] > 3 * len(parsed)


def test_sizes_are_about_three_kilobytes(corpus: list[GeneratedArticle]) -> None:
    sizes = [len(a.text.encode("utf-8")) for a in corpus]
    assert min(sizes) >= 2_400 and max(sizes) <= 3_800
    assert 2_850 <= sum(sizes) / len(sizes) <= 3_150


def test_external_ids_are_unique_file_stems(corpus: list[GeneratedArticle]) -> None:
    ids = [a.external_id for a in corpus]
    assert len(set(ids)) == len(ids)
    outlets = {_match(a).group("outlet") for a in corpus}
    assert 20 <= len(outlets) <= 30


# --- stories ------------------------------------------------------------------------------


def test_stories_are_covered_by_one_to_six_outlets(
    stories: dict[str, list[GeneratedArticle]],
) -> None:
    sizes = [len(articles) for articles in stories.values()]
    assert set(sizes) <= set(range(1, 7)) and max(sizes) >= 5
    assert 2.2 <= sum(sizes) / len(sizes) <= 2.8
    for articles in stories.values():
        outlets = [_match(a).group("outlet") for a in articles]
        assert len(set(outlets)) == len(outlets)


def test_a_story_shares_its_month_and_months_run_in_order(
    stories: dict[str, list[GeneratedArticle]],
) -> None:
    months = []
    for number in sorted(stories):
        headers = {a.text[:13] for a in stories[number]}
        assert len(headers) == 1
        months.append(headers.pop())
    assert months == sorted(months)


def test_articles_spread_evenly_over_the_months() -> None:
    dates = Counter(a.text[6:13] for a in generate(960, seed=5, start=(2016, 1), months=96))
    assert min(dates) == "2016-01" and max(dates) == "2023-12"
    assert len(dates) >= 85 and max(dates.values()) <= 25


def test_outlets_report_a_story_s_counts_differently(
    stories: dict[str, list[GeneratedArticle]],
) -> None:
    shared = varied = 0
    multi = [articles for articles in stories.values() if len(articles) > 1]
    for articles in multi:
        leads = [a.text.split("\n\n", 1)[0] for a in articles]
        figures = [frozenset(NUMBER_RE.findall(lead)) for lead in leads]
        varied += len(set(figures)) > 1
        everything = [set(NUMBER_RE.findall(a.text)) for a in articles]
        shared += bool(set.intersection(*everything))
    assert varied >= 0.8 * len(multi)
    assert shared >= 0.8 * len(multi)


def test_agency_sentences_are_copied_word_for_word(
    stories: dict[str, list[GeneratedArticle]], parsed: list[ParsedArticle]
) -> None:
    sentences = {a.external_id: _sentences(a) for a in parsed}
    copied = 0
    multi = [articles for articles in stories.values() if len(articles) > 1]
    for articles in multi:
        counts = Counter(s for a in articles for s in sentences[a.external_id])
        copied += any(n > 1 and "persbureau" in s for s, n in counts.items())
    assert copied >= 0.75 * len(multi)


def test_stories_have_topics_places_and_counts() -> None:
    rng = random.Random(8)
    world = World.build(rng)
    made = [make_story(world, rng, number, 2020, 1) for number in range(1, 401)]
    assert len({s.topic.key for s in made}) >= 8
    for story in made:
        assert 1 <= len(story.counts) <= 3 and 1 <= len(story.outlets) <= 6
        for count in story.counts:
            assert count.kind.low <= count.true <= count.kind.high
        assert story.place.name and story.place.country and story.agency_lines


# --- actors and vocabulary ----------------------------------------------------------------


def test_known_and_invented_actors_occur(corpus: list[GeneratedArticle]) -> None:
    gazetteer = load_gazetteer()
    text = "\n".join(a.text for a in corpus)
    known = [p.name for p in gazetteer.people if p.name in text]
    places = [p for names in gazetteer.locations.values() for p in names if f" {p}" in text]
    assert len(known) >= 20 and len(places) >= 20
    assert re.search(r"Stichting [A-Z]\w+ [A-Z]\w+", text)
    assert re.search(r"(econoom|burgemeester|woordvoerder) [A-Z]\w+ \w+", text)


def test_actor_popularity_is_skewed() -> None:
    rng = random.Random(4)
    world = World.build(rng)
    people = Counter(
        actor.credit
        for number in range(1, 2_001)
        for actor in make_story(world, rng, number, 2020, 1).speakers
        if actor.credit and "," in actor.credit  # invented persons: "name, function"
    )
    names = Counter(credit.split(",")[0] for credit in people.elements())
    frequencies = sorted(names.values(), reverse=True)
    assert frequencies[0] >= 50
    assert sum(1 for n in frequencies if n == 1) > len(frequencies) / 2


def test_there_are_enough_templates() -> None:
    topic_templates = sum(
        len(t.statements) + len(t.quotes) + len(t.hedges) + len(t.fillers) + len(t.subheadings)
        for t in TOPICS
    )
    generic = sum(
        len(getattr(generic_templates, name))
        for name in (
            "COUNT_WRAPPERS",
            "QUOTE_WRAPPERS",
            "STATEMENTS",
            "QUOTES",
            "HEDGES",
            "FILLERS",
            "DOMESTIC_FILLERS",
            "SUBHEADINGS",
            "AGENCY",
        )
    )
    assert topic_templates + generic >= 80


def test_sentences_are_varied(parsed: list[ParsedArticle]) -> None:
    """Fewer than 1% of the sentences occur in more than 5% of the articles (the copied
    agency sentences aside)."""
    documents: Counter[str] = Counter()
    for article in parsed:
        documents.update(s for s in _sentences(article) if "persbureau" not in s)
    common = [s for s, n in documents.items() if n > 0.05 * len(parsed)]
    assert len(common) < 0.01 * len(documents)
    assert sum(documents[s] for s in common) < 0.01 * sum(documents.values())


# --- extraction ---------------------------------------------------------------------------


def test_extraction_finds_claims_and_actors_as_in_the_seeds(
    corpus: list[GeneratedArticle], parsed: list[ParsedArticle]
) -> None:
    def per_kilobyte(articles: list[ParsedArticle]) -> tuple[float, float]:
        claims = mentions = size = 0
        for article in articles:
            found = extract(article.text, article.segments)
            claims += len(found.claims)
            mentions += len(found.mentions)
            size += len(article.text.encode("utf-8"))
        return claims / size * 1_000, mentions / size * 1_000

    seeds = [parse_article(p.read_bytes(), p.name) for p in sorted(SEEDS.glob("*.txt"))]
    seed_claims, seed_mentions = per_kilobyte(seeds)
    claims, mentions = per_kilobyte(parsed[:60])
    assert claims >= seed_claims
    assert mentions >= 0.8 * seed_mentions


# --- memory -------------------------------------------------------------------------------


def test_memory_stays_flat_while_streaming() -> None:
    """The peak after 200 articles (the pools of names are made by then) is not passed
    while 800 more are made: nothing accumulates per article."""
    tracemalloc.start()
    try:
        for index, _ in enumerate(generate(1_000, seed=6), start=1):
            if index == 200:
                _, early = tracemalloc.get_traced_memory()
                tracemalloc.reset_peak()
        _, late = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert late < early + 256 * 1024


# --- files --------------------------------------------------------------------------------


def test_write_corpus_lays_out_folders_and_a_manifest(tmp_path: Path) -> None:
    info = write_corpus(tmp_path, 1_200, seed=2)
    folders = sorted(p.name for p in tmp_path.iterdir() if p.is_dir())
    assert folders == ["000", "001"]
    assert [len(list((tmp_path / f).iterdir())) for f in folders] == [1_000, 200]
    files = sorted(tmp_path.glob("*/*.txt"))
    assert info.count == 1_200 and not info.reused
    assert info.total_bytes == sum(f.stat().st_size for f in files)
    manifest = json.loads((tmp_path / "corpus.json").read_text(encoding="utf-8"))
    assert manifest["count"] == 1_200 and manifest["seed"] == 2
    assert manifest["start"] == [2016, 1] and manifest["months"] == 96
    assert manifest["total_bytes"] == info.total_bytes and manifest["version"] >= 1
    first = next(generate(1_200, seed=2))
    assert (tmp_path / "000" / f"{first.external_id}.txt").read_text("utf-8") == first.text


def test_write_corpus_skips_an_unchanged_corpus_and_redoes_a_changed_one(
    tmp_path: Path,
) -> None:
    write_corpus(tmp_path, 300, seed=2)
    marker = next(tmp_path.glob("000/*.txt"))
    marker.write_text("touched", encoding="utf-8")
    again = write_corpus(tmp_path, 300, seed=2)
    assert again.reused and marker.read_text(encoding="utf-8") == "touched"

    changed = write_corpus(tmp_path, 300, seed=3)
    assert not changed.reused and not marker.exists()
    names = {p.name for p in tmp_path.glob("*/*.txt")}
    assert names == {f"{a.external_id}.txt" for a in generate(300, seed=3)}

    next(tmp_path.glob("000/*.txt")).unlink()  # a missing file: written again
    assert not write_corpus(tmp_path, 300, seed=3).reused
    assert len(list(tmp_path.glob("*/*.txt"))) == 300


def test_the_command_line_writes_and_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "c"), "--articles", "40", "--seed", "5"]) == 0
    assert "wrote 40 articles" in capsys.readouterr().out
    main([str(tmp_path / "c"), "--articles", "40", "--seed", "5"])
    assert "kept the existing 40 articles" in capsys.readouterr().out


# --- helpers ------------------------------------------------------------------------------


def test_weighted_and_zipf_picks() -> None:
    rng = random.Random(1)
    picks = Counter(Weighted("ab", (1, 3)).pick(rng) for _ in range(4_000))
    assert 2.5 < picks["b"] / picks["a"] < 3.5
    ranks = Counter(Zipf(range(100), 1.0).pick(rng) for _ in range(10_000))
    assert ranks[0] > ranks[1] > ranks[9] and ranks[0] > 50 * max(ranks[99], 1) / 5
    with pytest.raises(ValueError):
        Weighted([], [])
