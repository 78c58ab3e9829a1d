"""Tests of the pure seed-format parser: no Django, no database."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from articles.ingest.parsed import (
    ArticleFileError,
    ParsedArticle,
    ParsedSegment,
    PartialDate,
    SegmentKind,
)
from articles.ingest.parser import decode_article, parse_article, parse_text

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "gold" / "seeds.gold.json"
SEED_FILES = sorted(SEEDS.glob("*.txt"))

HEADER = " date 2020-02 "
QUOTE_SENTENCE = "We sturen meer schepen naar de regio om de handelsroutes te beschermen."


def _gold_params() -> list[Any]:
    if not GOLD.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"gold file absent: {GOLD}"))]
    articles = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    return [pytest.param(entry, id=entry["file"]) for entry in articles]


def _texts(article: ParsedArticle, kind: SegmentKind) -> list[str]:
    return [article.segment_text(s) for s in article.segments if s.kind == kind]


def _structure(article: ParsedArticle) -> list[tuple[str, str, str | None]]:
    """Kind, text and credit of every segment: what must survive line-end variants."""
    rows = []
    for segment in article.segments:
        credit = None
        if segment.credit_start is not None:
            credit = article.text[segment.credit_start : segment.end]
        rows.append((segment.kind.value, article.segment_text(segment), credit))
    return rows


def _assert_well_formed(article: ParsedArticle) -> None:
    previous_end = 0
    for segment in article.segments:
        assert previous_end <= segment.start < segment.end <= len(article.text)
        content = article.segment_text(segment)
        assert content == content.strip()
        if segment.credit_start is not None:
            assert segment.start < segment.credit_start < segment.end
            credit = article.text[segment.credit_start : segment.end]
            assert credit == credit.strip()
        previous_end = segment.end


def _parse(body: str) -> ParsedArticle:
    return parse_text(body, "test.txt")


def _kinds(article: ParsedArticle) -> list[SegmentKind]:
    return [segment.kind for segment in article.segments]


def _error(raw: bytes | str) -> ArticleFileError:
    with pytest.raises(ArticleFileError) as info:
        if isinstance(raw, str):
            parse_text(raw, "bad.txt")
        else:
            parse_article(raw, "bad.txt")
    return info.value


# --- the seeds against the gold file ------------------------------------------------------


@pytest.mark.parametrize("entry", _gold_params())
def test_seed_matches_gold(entry: dict[str, Any]) -> None:
    path = SEEDS / entry["file"]
    article = parse_article(path.read_bytes(), entry["file"])

    assert article.external_id == entry["external_id"]
    assert str(article.date) == entry["date"]
    lead = article.segments[0]
    assert lead.kind is SegmentKind.LEAD
    assert lead.start == entry["lead_offset"]
    assert article.segment_text(lead).startswith(entry["lead_starts_with"])
    assert _texts(article, SegmentKind.SUBHEADING) == entry["subheadings"]
    body = [s for s in article.segments if s.kind in (SegmentKind.LEAD, SegmentKind.PARAGRAPH)]
    assert len(body) == entry["body_paragraphs"]

    quotes = [s for s in article.segments if s.kind is SegmentKind.PULL_QUOTE]
    assert len(quotes) == len(entry["pull_quotes"])
    for segment, expected in zip(quotes, entry["pull_quotes"], strict=True):
        assert (segment.start, segment.end) == (expected["start"], expected["end"])
        assert segment.credit_start is not None
        quoted = article.text[segment.start : segment.credit_start].strip()
        assert quoted == expected["text"]
        assert article.text[segment.credit_start : segment.end] == expected["credit"]
    _assert_well_formed(article)


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def _trailing_spaces(text: str) -> str:
    return "\n".join(line + " \t " for line in text.split("\n"))


def _extra_blank_lines(text: str) -> str:
    return text.replace("\n\n", "\n  \t\n\n \n")


def _no_leading_space(text: str) -> str:
    return text.lstrip(" ")


def _everything(text: str) -> str:
    return _crlf(_extra_blank_lines(_trailing_spaces(text)))


VARIANTS: dict[str, Callable[[str], str]] = {
    "crlf": _crlf,
    "trailing-spaces": _trailing_spaces,
    "extra-blank-lines": _extra_blank_lines,
    "no-leading-space": _no_leading_space,
    "everything": _everything,
}


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("variant", VARIANTS.values(), ids=VARIANTS.keys())
@pytest.mark.parametrize("bom", [False, True], ids=["no-bom", "bom"])
def test_seed_variants_have_the_same_structure(
    path: Path, variant: Callable[[str], str], bom: bool
) -> None:
    original = parse_article(path.read_bytes(), path.name)
    raw = variant(original.text).encode("utf-8")
    if bom:
        raw = b"\xef\xbb\xbf" + raw
    changed = parse_article(raw, path.name)

    assert _structure(changed) == _structure(original)
    assert changed.text == variant(original.text)
    _assert_well_formed(changed)


# --- decoding -----------------------------------------------------------------------------


def test_decode_removes_the_bom_and_nothing_else() -> None:
    raw = b"\xef\xbb\xbf date 2020-02 Lead. \r\n\r\nTekst.\r\n"
    assert decode_article(raw, "a.txt") == " date 2020-02 Lead. \r\n\r\nTekst.\r\n"


def test_parse_text_removes_a_leading_bom() -> None:
    article = _parse("\ufeff date 2020-02 Lead.")
    assert article.text == " date 2020-02 Lead."
    assert article.segments[0].start == 14


def test_external_id_is_the_file_stem() -> None:
    article = parse_article(b" date 2020-02 Lead.", "seeds/123_abc.txt")
    assert article.external_id == "123_abc"


# --- header ------------------------------------------------------------------------------


def test_day_precision_date() -> None:
    article = _parse(" date 2020-02-29 Lead.\n\nTekst.")
    assert article.date == PartialDate(2020, 2, 29)
    assert article.date.precision == "day"


def test_year_precision_date() -> None:
    article = _parse("date 2020 Lead.")
    assert article.date == PartialDate(2020)


@pytest.mark.parametrize(
    "header",
    [
        "date 2020-02 Lead.",
        "  date   2020-02   Lead.",
        "\tdate\t2020-02\tLead.",
        "DATE 2020-02 Lead.",
    ],
)
def test_header_whitespace_is_tolerated(header: str) -> None:
    article = _parse(header + "  \r\n")
    assert article.date == PartialDate(2020, 2)
    assert _texts(article, SegmentKind.LEAD) == ["Lead."]


def test_lead_runs_to_the_end_of_the_first_paragraph() -> None:
    article = _parse(" date 2020-02 Eerste regel\ntweede regel.\n\nTekst.")
    assert _texts(article, SegmentKind.LEAD) == ["Eerste regel\ntweede regel."]


# --- subheadings -------------------------------------------------------------------------


def test_subheading_between_paragraphs() -> None:
    article = _parse(f"{HEADER}Lead.\n\nEerste alinea.\n\nNieuwe ontwikkelingen  \n\nTekst.")
    assert _kinds(article) == [
        SegmentKind.LEAD,
        SegmentKind.PARAGRAPH,
        SegmentKind.SUBHEADING,
        SegmentKind.PARAGRAPH,
    ]
    assert _texts(article, SegmentKind.SUBHEADING) == ["Nieuwe ontwikkelingen"]


@pytest.mark.parametrize(
    "line",
    [
        "Nieuwe ontwikkelingen.",
        "Wat nu?",
        "Hij zei:",
        "'Nieuwe ontwikkelingen'",
        "„Nieuwe ontwikkelingen”",
        "nieuwe ontwikkelingen",
        "Een kop van veel te veel woorden die maar door en door blijft gaan",
        "12345",
    ],
)
def test_not_a_subheading(line: str) -> None:
    article = _parse(f"{HEADER}Lead.\n\n{line}\n\nTekst.")
    assert _kinds(article)[1] is SegmentKind.PARAGRAPH


def test_two_line_block_is_not_a_subheading() -> None:
    article = _parse(f"{HEADER}Lead.\n\nKort\nKort\n\nTekst.")
    assert _kinds(article)[1] is SegmentKind.PARAGRAPH


def test_last_short_line_is_not_a_subheading() -> None:
    article = _parse(f"{HEADER}Lead.\n\nTekst.\n\nMet dank aan Jan Jansen")
    assert _kinds(article)[-1] is SegmentKind.PARAGRAPH


# --- pull quotes -------------------------------------------------------------------------


def _quote_article(pull_quote: str) -> str:
    return (
        f"{HEADER}De marine komt in actie.\n\n"
        f"De minister sprak na afloop. '{QUOTE_SENTENCE}' Meer zei ze niet.\n\n"
        f"{pull_quote}\n\n"
        "Het parlement debatteert volgende week."
    )


def _only_pull_quote(article: ParsedArticle) -> ParsedSegment:
    quotes = [s for s in article.segments if s.kind is SegmentKind.PULL_QUOTE]
    assert len(quotes) == 1
    return quotes[0]


def test_pull_quote_with_credit_on_the_same_line() -> None:
    article = _parse(_quote_article(f"{QUOTE_SENTENCE} Anna de Vries minister"))
    segment = _only_pull_quote(article)
    assert article.segment_text(segment) == f"{QUOTE_SENTENCE} Anna de Vries minister"
    assert article.text[segment.credit_start : segment.end] == "Anna de Vries minister"


def test_pull_quote_with_credit_on_its_own_line() -> None:
    article = _parse(_crlf(_quote_article(f"„{QUOTE_SENTENCE}”  \nAnna de Vries, minister")))
    segment = _only_pull_quote(article)
    assert article.segment_text(segment) == f"„{QUOTE_SENTENCE}”  \r\nAnna de Vries, minister"
    assert article.text[segment.credit_start : segment.end] == "Anna de Vries, minister"
    _assert_well_formed(article)


def test_pull_quote_broken_over_lines_keeps_only_its_last_line_as_credit() -> None:
    *first, rest = QUOTE_SENTENCE.split(" ", 3)
    block = f"{' '.join(first)}\n{rest}\nAnna de Vries minister"
    article = _parse(_quote_article(block))
    segment = _only_pull_quote(article)
    assert article.text[segment.credit_start : segment.end] == "Anna de Vries minister"


def test_a_credit_of_two_lines_is_no_credit() -> None:
    block = f"{QUOTE_SENTENCE}\nAnna de Vries\nminister"
    article = _parse(_quote_article(block))
    assert SegmentKind.PULL_QUOTE not in _kinds(article)


def test_pull_quote_compares_whitespace_case_and_quotes_loosely() -> None:
    sloppy = QUOTE_SENTENCE.replace(" ", "  ").replace("We", '"we').rstrip(".") + '"'
    article = _parse(_quote_article(f"{sloppy}\nAnna de Vries"))
    assert _only_pull_quote(article).credit_start is not None


def test_pull_quote_without_credit() -> None:
    article = _parse(_quote_article(QUOTE_SENTENCE))
    assert _only_pull_quote(article).credit_start is None


def test_duplicated_paragraph_is_not_a_pull_quote() -> None:
    paragraph = "De minister sprak na afloop van het overleg met de pers."
    article = _parse(f"{HEADER}Lead.\n\n{paragraph}\n\n{paragraph}\n\nTekst.")
    assert SegmentKind.PULL_QUOTE not in _kinds(article)


def test_paragraph_with_new_sentence_is_not_a_pull_quote() -> None:
    article = _parse(_quote_article(f"{QUOTE_SENTENCE} Daarna vertrok de minister snel."))
    assert SegmentKind.PULL_QUOTE not in _kinds(article)


def test_short_repeated_text_is_not_a_pull_quote() -> None:
    article = _parse(
        f"{HEADER}Lead.\n\nHij zei: 'Nee.' Toen ging hij.\n\nNee. Jan Jansen\n\nEinde."
    )
    assert SegmentKind.PULL_QUOTE not in _kinds(article)


# --- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"", b"   ", b" \r\n\t\n\n", b"\xef\xbb\xbf \n"])
def test_empty_file(raw: bytes) -> None:
    error = _error(raw)
    assert error.reason == "file is empty"
    assert error.line is None


@pytest.mark.parametrize(
    "text",
    [
        "Bij een luchtaanval zijn doden gevallen.\n\nTekst.",
        "\n date 2020-02 Lead.",
        "dated 2020-02 Lead.",
    ],
)
def test_missing_date_header(text: str) -> None:
    error = _error(text)
    assert error.reason == "missing date header: expected 'date YYYY-MM[-DD] <lead>'"
    assert error.line == 1


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("date 2020-13", "invalid month 13 in date '2020-13'"),
        ("date 2020-00", "invalid month 0 in date '2020-00'"),
        ("date 2020-02-30", "invalid day 30 in date '2020-02-30' (2020-02 has 29 days)"),
        ("date 2021-02-29", "invalid day 29 in date '2021-02-29' (2021-02 has 28 days)"),
        ("date 2020-04-00", "invalid day 0 in date '2020-04-00' (2020-04 has 30 days)"),
        ("date 0000-01", "invalid year 0 in date '0000-01'"),
        ("date 20-02", "malformed date '20-02': expected YYYY-MM-DD, YYYY-MM or YYYY"),
        ("date 2020-2", "malformed date '2020-2': expected YYYY-MM-DD, YYYY-MM or YYYY"),
        ("date 2020-ab", "malformed date '2020-ab': expected YYYY-MM-DD, YYYY-MM or YYYY"),
        ("date 2020-02x", "malformed date '2020-02x': expected YYYY-MM-DD, YYYY-MM or YYYY"),
        ("date ２０２０-02", "malformed date '２０２０-02': expected YYYY-MM-DD, YYYY-MM or YYYY"),
        ("date", "date header has no date"),
    ],
)
def test_bad_date(header: str, reason: str) -> None:
    error = _error(f" {header} Lead.\n\nTekst." if header != "date" else " date \n\nTekst.")
    assert error.reason == reason
    assert error.line == 1


@pytest.mark.parametrize(
    "text", [" date 2020-02", " date 2020-02  \r\n\r\nTekst.", "date 2020-02\t"]
)
def test_header_without_lead(text: str) -> None:
    error = _error(text)
    assert error.reason == "date header has no lead text"
    assert error.line == 1


def test_nul_byte() -> None:
    error = _error(b" date 2020-02 Lead.\r\n\r\nTe\x00kst.")
    assert error.reason == "binary content: NUL byte"
    assert error.line == 3
    assert str(error) == "bad.txt:3: binary content: NUL byte"


@pytest.mark.parametrize(
    ("char", "name"), [("\x07", "U+0007"), ("\x0c", "U+000C"), ("\x85", "U+0085")]
)
def test_control_character(char: str, name: str) -> None:
    error = _error(f" date 2020-02 Lead.\n\nTekst.\n\nMeer{char}.".encode())
    assert error.reason == f"binary content: control character {name}"
    assert error.line == 5


def test_tab_cr_and_lf_are_allowed() -> None:
    article = parse_article(b" date 2020-02\tLead.\r\rTekst\t.\r\n", "a.txt")
    assert _texts(article, SegmentKind.PARAGRAPH) == ["Tekst\t."]


def test_invalid_utf8() -> None:
    raw = b" date 2020-02 Lead.\r\n\r\nCaf\xe9 Noir."
    error = _error(raw)
    assert error.reason == "not valid UTF-8: byte 0xe9 at byte offset 26"
    assert error.line == 3


def test_invalid_utf8_offset_counts_the_bom() -> None:
    error = _error(b"\xef\xbb\xbf date 2020-02 Lead.\n\nCaf\xe9.")
    assert error.reason == "not valid UTF-8: byte 0xe9 at byte offset 27"
    assert error.line == 3


def test_earlier_nul_wins_over_later_invalid_utf8() -> None:
    error = _error(b" date 2020-02 Lead.\n\x00\n\nCaf\xe9.")
    assert (error.reason, error.line) == ("binary content: NUL byte", 2)


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-16", "UTF-16 (little-endian)"), ("utf-16-be", "UTF-16 (big-endian)")],
)
def test_utf16_with_bom_is_not_utf8(encoding: str, name: str) -> None:
    raw = " date 2020-02 Lead.".encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    error = _error(raw)
    assert error.reason == f"not UTF-8: file starts with a {name} byte order mark"
    assert error.line is None


# --- properties --------------------------------------------------------------------------

_BODY_TEXT = st.text(
    alphabet=st.sampled_from(list("ab Z.!?:;'\"„”‘’…-\n\r\t \u00a0\u2028é\x00\x85")),
    max_size=200,
)


def _parse_or_error(text: str) -> None:
    try:
        article = parse_text(text, "prop.txt")
    except ArticleFileError as error:
        assert error.reason
        return
    assert article.segments[0].kind is SegmentKind.LEAD
    _assert_well_formed(article)


@settings(max_examples=300, deadline=None)
@given(body=_BODY_TEXT | st.text(max_size=200))
def test_arbitrary_text_after_a_valid_header(body: str) -> None:
    _parse_or_error(HEADER + body)


@settings(max_examples=200, deadline=None)
@given(paragraphs=st.lists(st.sampled_from([QUOTE_SENTENCE, "Kop", "Anna de Vries", "Tekst."])))
def test_arbitrary_paragraph_mixes(paragraphs: list[str]) -> None:
    _parse_or_error(HEADER + "Lead.\n\n" + "\n\n".join(paragraphs))
    _parse_or_error(HEADER + "Lead.\r\n" + " \r\n".join(paragraphs))


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=200))
def test_arbitrary_bytes(raw: bytes) -> None:
    try:
        article = parse_article(b" date 2020-02 " + raw, "prop.txt")
    except ArticleFileError as error:
        assert error.reason
        return
    _assert_well_formed(article)
