import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.extraction import extract
from articles.extraction.bench import PATHOLOGICAL, generate_articles, measure, run
from articles.extraction.types import Extraction
from articles.ingest.parsed import ParsedSegment, SegmentKind

from .helpers import claim_for, mentioned, segments_of
from .helpers import run as run_text

DUTCH = st.sampled_from(
    [
        "Volgens",
        "Rutte",
        "zei",
        "'",
        "„",
        "”",
        "‘",
        "’",
        '"',
        ".",
        ",",
        " ",
        "\n\n",
        "De",
        "Noor",
        "NAVO-topman",
        "zeker",
        "22",
        "3,7",
        "miljoen",
        "tientallen",
        "Ankara",
        "in",
        "Jens",
        "Stoltenberg",
        "van",
        "der",
        "het",
        "Turkse",
        "leger",
        "zou",
        "Москва",
        "東京",
        "مرحبا",
        "é",
        "e\u0301",
        "Dr.",
        "o.a.",
        "2.000",
        "Dat",
        "heeft",
        "bevestigd",
        "İ",
        "😀",
        "anonieme",
        "gouverneur",
        "tegen",
        "Reuters",
    ]
)
SEGMENT_KINDS = st.sampled_from(list(SegmentKind))


def check_offsets(text: str, extraction: Extraction | None = None) -> None:
    """Every span lies inside the text and every ``text`` is the text at its span."""
    if extraction is None:
        extraction = run_text(text)
    for item in [*extraction.mentions, *extraction.claims]:
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start : item.end] == item.text
    for claim in extraction.claims:
        if claim.quantity is not None:
            assert 0 <= claim.quantity.start < claim.quantity.end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DUTCH, max_size=60).map("".join))
def test_offsets_on_dutch_like_noise(text: str) -> None:
    check_offsets(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_offsets_on_any_text(text: str) -> None:
    check_offsets(text)


@st.composite
def text_with_segments(draw: st.DrawFn) -> tuple[str, list[ParsedSegment]]:
    """Text and segments that may overlap, leave gaps, reach past the text or carry a credit
    line anywhere, as a careless parser might produce."""
    text = draw(st.lists(DUTCH, max_size=40).map("".join))
    bound = len(text) + 5
    segments = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(-5, bound))
        end = draw(st.integers(-5, bound))
        credit = draw(st.none() | st.integers(-5, bound))
        segments.append(ParsedSegment(draw(SEGMENT_KINDS), start, end, credit))
    return text, segments


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_with_segments())
def test_offsets_with_any_segments(case: tuple[str, list[ParsedSegment]]) -> None:
    text, segments = case
    check_offsets(text, extract(text, segments))


def test_empty_text() -> None:
    for extraction in (run_text(""), extract("", []), extract("", segments_of("x"))):
        assert extraction.mentions == [] and extraction.claims == []


@pytest.mark.parametrize("blank", [" ", "   \n\n\t ", "\u00a0\u2003\u3000", "\r\n" * 50])
def test_only_whitespace(blank: str) -> None:
    for segments in ([], [ParsedSegment(SegmentKind.PARAGRAPH, 0, len(blank))]):
        extraction = extract(blank, segments)
        assert extraction.mentions == [] and extraction.claims == []


def test_segments_out_of_range_are_tolerated() -> None:
    extraction = extract("Rutte zei iets.", [ParsedSegment(SegmentKind.LEAD, -5, 999)])
    assert extraction.claims[0].source.name == "Mark Rutte"


@pytest.mark.parametrize("opening", ["'", "„", '"', "‘", "“", "«", "‚"])
def test_unbalanced_quote_is_ignored(opening: str) -> None:
    text = (
        f"Rutte zei: {opening}dit gaat zo niet verder. Volgens de NAVO zijn zeker 22 "
        "militairen gedood.\n\nDe minister bevestigde dat."
    )
    extraction = run_text(text)
    check_offsets(text, extraction)
    assert claim_for(extraction, "dit gaat").source.name == "Mark Rutte"
    later = claim_for(extraction, "militairen gedood")  # the open quote swallowed nothing
    assert later.text.startswith("Volgens de NAVO")
    assert later.source.name == "NAVO"
    assert later.quantity.value == 22


@pytest.mark.parametrize("closing", ["'", "”", '"', "’"])
def test_stray_closing_quote_is_ignored(closing: str) -> None:
    text = f"Het is ernstig{closing}, zei Rutte. Volgens de NAVO zijn zeker 22 militairen gedood."
    extraction = run_text(text)
    check_offsets(text, extraction)
    assert claim_for(extraction, "militairen gedood").quantity.value == 22


def test_mixed_scripts() -> None:
    text = (
        "Москва en 東京 en مرحبا: Mark Rutte 😀 zei dat e\u0301e\u0301n 😀 22 mensen zijn "
        "gedood in Idlib. Volgens Reuters 🇳🇱 zijn 3 dorpen verwoest.\n\n"
        "Ο Στόλτενμπεργκ (NAVO) sprak van 'een ernstige situatie' 👍🏽 in Ankara."
    )
    extraction = run_text(text)
    check_offsets(text, extraction)
    found = mentioned(extraction)
    assert found["Mark Rutte"] == "Mark Rutte"
    assert found["Reuters"] == "Reuters"
    assert claim_for(extraction, "dorpen").source.name == "Reuters"
    assert claim_for(extraction, "dorpen").quantity.value == 3


def test_turkish_dotted_capital_i() -> None:
    # "İ".lower() is two characters: offsets must still point into the original text
    text = "İSTANBUL – Volgens Reuters zijn İN İdlib zeker 22 mensen gedood, ZEİ Erdogan."
    check_offsets(text)


def test_five_megabyte_single_line_finishes() -> None:
    sentence = (
        "Volgens de NAVO zijn zeker 22 Turkse militairen gedood in Idlib, zei Jens Stoltenberg "
        "tegen Reuters, en 'het is ernstig' aldus Erdogan. "
    )
    text = (sentence * (5_000_000 // len(sentence) + 1))[:5_000_000]
    extraction = extract(text, segments_of(text))
    assert extraction.claims
    check_offsets(text, extraction)


def test_five_megabyte_without_a_sentence_end() -> None:
    words = "volgens aan tegen Jan van van de Turkse leger 22 'open zei riep "
    text = (words * (5_000_000 // len(words) + 1))[:5_000_000]
    check_offsets(text, extract(text, []))


@pytest.mark.parametrize("unit", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_inputs_that_once_blew_up_give_valid_offsets(unit: str) -> None:
    # Their speed is printed by `python -m articles.extraction.bench --scaling`.
    text = (unit * (100_000 // len(unit) + 1))[:100_000] + " Rutte zei het."
    check_offsets(text, extract(text, []))


def test_long_number_word_does_not_backtrack() -> None:
    # (?:acht|tien|achttien)+ tried every split of this word: 2**40 of them
    text = "Er waren " + "achttien" * 40 + "x mensen, zei Rutte."
    extraction = extract(text, [])  # used to hang: (?:acht|tien|achttien)+ backtracked
    assert extraction.claims[0].quantity is None


def test_absurdly_long_digit_strings_are_not_quantities():
    # Found by hypothesis: 29 digits overflowed Decimal's default precision.
    text = "Het nummer 10000000000000000000000000000 en zeker 22 doden."
    result = extract(text, [ParsedSegment(SegmentKind.PARAGRAPH, 0, len(text))])
    values = [c.quantity.value for c in result.claims if c.quantity]
    assert values == [22]


def test_bench_articles_are_distinct_and_reproducible() -> None:
    articles = generate_articles(20, seed=3)
    assert len({text for text, _ in articles}) == 20
    assert articles == generate_articles(20, seed=3)
    for text, segments in articles:
        check_offsets(text, extract(text, segments))


def test_bench_runs() -> None:
    result = measure(5)
    assert result.articles == 5 and result.seconds > 0 and result.kilobytes > 10
    assert run(2) > 0
