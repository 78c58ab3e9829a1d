import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.extraction import extract
from articles.ingest.parsed import ParsedSegment, SegmentKind

from .helpers import run, segments_of

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
    ]
)


def check_offsets(text: str) -> None:
    extraction = run(text)
    for item in [*extraction.mentions, *extraction.claims]:
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start : item.end] == item.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(DUTCH, max_size=60).map("".join))
def test_offsets_on_dutch_like_noise(text: str) -> None:
    check_offsets(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_offsets_on_any_text(text: str) -> None:
    check_offsets(text)


def test_empty_and_blank_text() -> None:
    assert run("").mentions == [] and run("").claims == []
    assert extract("   \n\n\t ", []).claims == []


def test_segments_out_of_range_are_tolerated() -> None:
    extraction = extract("Rutte zei iets.", [ParsedSegment(SegmentKind.LEAD, -5, 999)])
    assert extraction.claims[0].source.name == "Mark Rutte"


def test_five_megabyte_single_line_finishes() -> None:
    sentence = (
        "Volgens de NAVO zijn zeker 22 Turkse militairen gedood in Idlib, zei Jens Stoltenberg "
        "tegen Reuters, en 'het is ernstig' aldus Erdogan. "
    )
    text = (sentence * (5_000_000 // len(sentence) + 1))[:5_000_000]
    started = time.perf_counter()
    extraction = extract(text, segments_of(text))
    assert extraction.claims
    print(f"5 MB line: {time.perf_counter() - started:.1f} s")


def test_absurdly_long_digit_strings_are_not_quantities():
    # Found by hypothesis: 29 digits overflowed Decimal's default precision.
    text = "Het nummer 10000000000000000000000000000 en zeker 22 doden."
    result = extract(text, [ParsedSegment(SegmentKind.PARAGRAPH, 0, len(text))])
    values = [c.quantity.value for c in result.claims if c.quantity]
    assert values == [22]
