"""Counted amounts in Dutch: digits (22, 2.000, 3,7 miljoen), number words (tweeëntwintig,
een miljoen) and vague amounts (tientallen, honderdduizenden), with their qualifier and
what is counted. Years, dates, article numbers and numbers inside names are ignored."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import islice

from text_to_num import text2num

from articles.extraction.lexicon import words
from articles.extraction.quantity_words import counted_phrase
from articles.extraction.types import FoundQuantity

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
_DIGITS_RE = re.compile(
    r"(?<![\w.,])(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?(?![\w]|[.,]\d)" + _SCALE
)
_MORPHEMES = (
    "een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|"
    "vijftien|zestien|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|zestig|"
    "zeventig|tachtig|negentig|honderd|duizend|ën|e\u0308n|en"
)
_MORPHEMES_RE = re.compile(f"(?:{_MORPHEMES})+")
_DIGIT_HINT_RE = re.compile(r"\d")
_NUMBER_STEMS = words(
    """twee drie vier vijf zes zeven acht negen tien elf twaalf twintig dertig veertig vijftig
    zestig zeventig tachtig negentig honderd duizend miljoen miljard biljoen tallen"""
)
_WORD_RE = re.compile(r"(?<![\w])[^\W\d_]+(?![\w])")
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


@dataclass(frozen=True, slots=True)
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
    numbers: list[_Number] = []
    if _DIGIT_HINT_RE.search(text, start, end):
        numbers.extend(_digit_numbers(text, start, end))
    lowered = text[start:end].lower()
    if any(stem in lowered for stem in _NUMBER_STEMS):
        numbers.extend(_word_numbers(text, start, end))
    numbers.sort(key=_by_start)
    kept = (n for n in numbers if not any(s < n.end and n.start < e for s, e in ignored))
    found = []
    for number in islice(kept, limit):
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


def _by_start(number: _Number) -> int:
    return number.start


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
            value = value.quantize(Decimal(1))
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


@lru_cache(maxsize=65536)
def _word_value(word: str) -> int | None:
    """The value of one lower-case number word ("tweeëntwintig"), or None."""
    if not _MORPHEMES_RE.fullmatch(word):
        return None
    try:
        return text2num(unicodedata.normalize("NFC", word), "nl")
    except (ValueError, TypeError, AssertionError, IndexError):
        return None


def _word_numbers(text: str, start: int, end: int) -> Iterator[_Number]:
    for match in _WORD_RE.finditer(text, start, end):
        word = match.group().lower()
        if word in VAGUE:
            low, high = VAGUE[word]
            yield _Number(match.start(), match.end(), None, Decimal(low), Decimal(high))
            continue
        value = _word_value(word)
        if value is None:
            continue
        scale = _SCALE_AFTER_RE.match(text, match.end(), end)
        if value < 2 and not scale:
            continue  # "een" alone is an article
        total = value * SCALES[scale.group(1).lower()] if scale else value
        yield _Number(match.start(), scale.end() if scale else match.end(), Decimal(total))


def _qualifier(text: str, start: int, number: _Number) -> str:
    window = text[max(start, number.start - 30) : number.start]
    match = _QUALIFIER_RE.search(window)
    if match is not None:
        return QUALIFIERS.get(match.group("q").lower(), "approximately")
    return "approximately" if number.value is None else "exact"
