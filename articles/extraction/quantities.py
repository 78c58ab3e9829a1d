"""Counted amounts in Dutch: digits (22, 2.000, 3,7 miljoen), number words (tweeëntwintig,
een miljoen) and vague amounts (tientallen, honderdduizenden), with their qualifier and
what is counted. Years, dates, article numbers and numbers inside names are ignored."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate, islice

from text_to_num import text2num

from articles.extraction.lexicon import words
from articles.extraction.patterns import alternation
from articles.extraction.quantity_words import counted_phrase
from articles.extraction.types import FoundQuantity
from articles.extraction.wordcache import word_cache

SCALES = {
    "duizend": 10**3,
    "miljoen": 10**6,
    "miljard": 10**9,
    "biljoen": 10**12,
    "mln": 10**6,
    "mld": 10**9,
    "mrd": 10**9,
}
VAGUE = {
    "tientallen": (20, 99),
    "honderden": (200, 999),
    "duizenden": (2000, 9999),
    "tienduizenden": (20000, 99999),
    "honderdduizenden": (200000, 999999),
    "miljoenen": (2 * 10**6, 999999999),
    "miljarden": (2 * 10**9, 999999999999),
}
_SCALE = r"(?:\s+(?P<scale>duizend|miljoen|miljard|biljoen|mln|mld|mrd)(?![\w]))?"
# The look-behind (?<![\w.,]) is written after the first digit, as (?<![\w.,]\d), so that
# the pattern starts with \d and ``re`` skips to the next digit instead of trying every
# position.
_DIGITS_RE = re.compile(
    r"(?P<int>\d(?<![\w.,]\d)(?:\d{0,2}(?:\.\d{3})+|\d*))(?:,(?P<frac>\d+))?(?![\w]|[.,]\d)"
    + _SCALE
)
_MORPHEMES = words(
    """een één twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien
    vijftien zestien zeventien achttien negentien twintig dertig veertig vijftig zestig
    zeventig tachtig negentig honderd duizend ën e\u0308n en"""
)
_MORPHEMES_BY_FIRST: dict[str, tuple[str, ...]] = {
    first: tuple(m for m in _MORPHEMES if m[0] == first) for first in {m[0] for m in _MORPHEMES}
}
# The longest number word text2num reads is 61 characters (999999); longer words are not
# even tried, so that a long word costs no more than a short one.
_MAX_NUMBER_WORD = 100
# Words that may be number words (in lower case): they start like one and have only
# letters that occur in one. A letter-only word cannot hold the combining diaeresis.
_WORD_MORPHEMES = [m for m in _MORPHEMES if m.isalpha()]
_NUMBER_LETTERS = "".join(sorted(set("".join(_WORD_MORPHEMES + list(VAGUE)))))
_NUMBER_WORD_RE = re.compile(
    rf"(?<!\w)(?={alternation(_WORD_MORPHEMES + list(VAGUE))})[{_NUMBER_LETTERS}]+(?!\w)"
)
_DIGIT_HINT_RE = re.compile(r"\d")
_NUMBER_STEMS = words(
    """twee drie vier vijf zes zeven acht negen tien elf twaalf twintig dertig veertig vijftig
    zestig zeventig tachtig negentig honderd duizend miljoen miljard biljoen tallen"""
)
_NUMBER_STEMS_RE = re.compile(alternation(_NUMBER_STEMS))  # searched in lower-cased text
_WORD_RE = re.compile(r"(?<![\w])[^\W\d_]+(?![\w])")
_WORD_CHAR_RE = re.compile(r"\w")
_SCALE_AFTER_RE = re.compile(r"\s+(duizend|miljoen|miljard|biljoen)(?![\w])", re.IGNORECASE)
_QUALIFIER_RE = re.compile(
    r"(?i)(?:^|[\s(„'\"])(?P<q>ten minste|tenminste|minstens|minimaal|zeker|ongeveer|"
    r"zo['’]n|circa|ca\.|rond de|rond|ruwweg|pakweg|naar schatting|omstreeks|bijna|"
    r"nagenoeg|minder dan|nog geen|hooguit|maximaal|meer dan|ruim|tot wel)\s+(?:de\s+)?"
    r"(?:[€$£]\s*)?$"
)
QUALIFIERS = {
    **dict.fromkeys(("ten minste", "tenminste", "minstens", "minimaal", "zeker"), "at_least"),
    **dict.fromkeys(
        (
            "ongeveer",
            "zo'n",
            "zo’n",
            "circa",
            "ca.",
            "rond de",
            "rond",
            "ruwweg",
            "pakweg",
            "naar schatting",
            "omstreeks",
        ),
        "approximately",
    ),
    **dict.fromkeys(("meer dan", "ruim", "tot wel"), "more_than"),
    **dict.fromkeys(
        ("bijna", "nagenoeg", "minder dan", "nog geen", "hooguit", "maximaal"), "less_than"
    ),
}
_CURRENCIES = {"€": "euro", "$": "dollar", "£": "pond"}
_IGNORE_BEFORE = frozenset(
    words(
        """artikel art nummer nr hoofdstuk paragraaf lid pagina blz bladzijde versie editie
        jaar seizoen ronde etappe code week om"""
    )
)
_MONTHS_RE = re.compile(
    r"\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
    r"november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)  # not frozen: cheaper to create, and never changed anyway
class _Number:
    start: int
    end: int
    value: Decimal | None
    minimum: Decimal | None = None
    maximum: Decimal | None = None


def find_quantities(
    text: str,
    start: int,
    end: int,
    ignored: list[tuple[int, int]],
    adjectives: Mapping[str, str],
    limit: int | None = None,
) -> list[FoundQuantity]:
    """Quantities in ``text[start:end]`` in order (at most ``limit``); ``ignored`` spans
    (names) hold no numbers; ``adjectives`` maps demonym adjectives to their neutral form."""
    sources: list[Iterator[_Number]] = []
    if _DIGIT_HINT_RE.search(text, start, end):
        sources.append(_digit_numbers(text, start, end))
    lowered = text[start:end].lower()
    if _NUMBER_STEMS_RE.search(lowered):
        sources.append(_word_numbers(text, start, end, lowered))
    if not sources:
        return []
    numbers = sources[0] if len(sources) == 1 else _merged(*sources)
    if ignored:
        numbers = _outside(numbers, ignored)
    found = []
    for number in islice(numbers, limit):
        qualifier = _qualifier(text, start, number)
        what, key = counted_phrase(text, number.end, min(end, number.end + 160), adjectives)
        currency = _CURRENCIES.get(text[number.start])
        if currency and not what.startswith(currency):
            what, key = f"{currency} {what}".strip(), f"{key.split('|')[0]}|geld"
        found.append(
            FoundQuantity(
                number.value,
                number.minimum,
                number.maximum,
                qualifier,
                what,
                key,
                number.start,
                number.end,
            )
        )
    return found


def _merged(first: Iterator[_Number], second: Iterator[_Number]) -> Iterator[_Number]:
    """Two streams in text order as one; on a tie the first stream's number comes first,
    as when both are sorted together by a stable sort."""
    a, b = next(first, None), next(second, None)
    while a is not None and b is not None:
        if b.start < a.start:
            yield b
            b = next(second, None)
        else:
            yield a
            a = next(first, None)
    if a is not None:
        yield a
        yield from first
    if b is not None:
        yield b
        yield from second


def _outside(numbers: Iterator[_Number], spans: list[tuple[int, int]]) -> Iterator[_Number]:
    """The numbers that overlap none of ``spans``: a few spans are simply scanned, many (a
    5 MB sentence holds thousands of names) are bisected."""
    if len(spans) > 16:
        names = _Spans(spans)
        return (n for n in numbers if not names.overlaps(n.start, n.end))
    return _outside_few(numbers, spans)


def _outside_few(numbers: Iterator[_Number], spans: list[tuple[int, int]]) -> Iterator[_Number]:
    for number in numbers:
        for start, end in spans:
            if start < number.end and number.start < end:
                break
        else:
            yield number


class _Spans:
    """Spans to test for overlap: sorted starts and, at each, the furthest end so far."""

    __slots__ = ("reach", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # spans starting before ``end``
        return before > 0 and self.reach[before - 1] > start


_ONE = Decimal(1)

# No count in the news has more digits than this (10**15 is a thousand trillion).
_MAX_DIGITS = 15


def _digit_numbers(text: str, start: int, end: int) -> Iterator[_Number]:
    for match in _DIGITS_RE.finditer(text, start, end):
        if _ignorable(text, start, match):
            continue
        integer = match.group("int").replace(".", "")
        if len(integer) > _MAX_DIGITS:
            continue  # an id or a code, not a count; it would also overflow Decimal's precision
        value = Decimal(integer + ("." + match.group("frac") if match.group("frac") else ""))
        if match.group("scale"):
            value *= SCALES[match.group("scale").lower()]
        if value == value.to_integral_value():
            value = value.quantize(_ONE)
        yield _Number(_with_currency(text, match.start()), match.end(), value)


def _ignorable(text: str, start: int, match: re.Match[str]) -> bool:
    raw = match.group("int")
    if match.group("scale") is None and match.group("frac") is None:
        if len(raw) == 4 and 1800 <= int(raw) <= 2100:
            return True  # a year
        before = text[max(start, match.start() - 14) : match.start()].split()
        if before and before[-1].lower().rstrip(".") in _IGNORE_BEFORE:
            return True
        if _MONTHS_RE.match(text, match.end()):
            return True  # a date
    after = text[match.end() : match.end() + 2]
    if after[:1] in "-–/:" and after[1:2].isdigit():
        return True  # a score, range start, time or fraction
    return text[match.start() - 1 : match.start()] == "(" and after[:1] == ")"  # an age


def _with_currency(text: str, start: int) -> int:
    at = start
    while at > 0 and text[at - 1] == " ":
        at -= 1
    return at - 1 if at > 0 and text[at - 1] in "€$£" else start


@word_cache
def _word_value(word: str) -> int | None:
    """The value of one lower-case number word ("tweeëntwintig"), or None."""
    if len(word) > _MAX_NUMBER_WORD or not _is_morphemes(word):
        return None
    try:
        return text2num(unicodedata.normalize("NFC", word), "nl")
    except (ValueError, TypeError, AssertionError, IndexError):
        return None


def _is_morphemes(word: str) -> bool:
    """Whether ``word`` is a sequence of number morphemes. A regular expression like
    ``(?:acht|tien|achttien)+`` backtracks exponentially on "achttienachttien…x"."""
    reachable = {0}
    for at in range(len(word)):
        if at in reachable:
            for morpheme in _MORPHEMES_BY_FIRST.get(word[at], ()):
                if word.startswith(morpheme, at):
                    reachable.add(at + len(morpheme))
    return len(word) in reachable


def _word_numbers(text: str, start: int, end: int, lowered: str) -> Iterator[_Number]:
    """``lowered`` is ``text[start:end].lower()``."""
    for word_start, word_end, word in _lower_words(text, start, end, lowered):
        if word in VAGUE:
            low, high = VAGUE[word]
            yield _Number(word_start, word_end, None, Decimal(low), Decimal(high))
            continue
        value = _word_value(word)
        if value is None:
            continue
        scale = _SCALE_AFTER_RE.match(text, word_end, end)
        if value < 2 and not scale:
            continue  # "een" alone is an article
        total = value * SCALES[scale.group(1).lower()] if scale else value
        yield _Number(word_start, scale.end() if scale else word_end, Decimal(total))


def _lower_words(text: str, start: int, end: int, lowered: str) -> Iterator[tuple[int, int, str]]:
    """Span and lower case of the letter-only words of ``text[start:end]`` that may be
    number words (all of them, where lower-casing changed the length)."""
    if len(lowered) != end - start:
        for match in _WORD_RE.finditer(text, start, end):
            yield match.start(), match.end(), match.group().lower()
        return
    # the slice hides what precedes ``start``, which _WORD_RE's look-behind would see
    glued = start > 0 and _WORD_CHAR_RE.match(text, start - 1) is not None
    for match in _NUMBER_WORD_RE.finditer(lowered):
        if glued and match.start() == 0:
            continue
        yield start + match.start(), start + match.end(), match.group()


def _qualifier(text: str, start: int, number: _Number) -> str:
    window = text[max(start, number.start - 30) : number.start]
    match = _QUALIFIER_RE.search(window)
    if match is not None:
        return QUALIFIERS.get(match.group("q").lower(), "approximately")
    return "approximately" if number.value is None else "exact"
