"""Counts as Dutch newspapers write them, and how one outlet's figure differs from another's:
an earlier lower count, a higher one from another source, a rounded or a vague one."""

from __future__ import annotations

import math
import random

from benchmarks.corpus.picking import Weighted

_NUMBER_WORDS = (
    *("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"),
    *("elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien"),
    *("achttien", "negentien", "twintig"),
)
# (word, lowest, highest): "tientallen mensen" is 20 to 99 people
_VAGUE = (
    ("tientallen", 20, 99),
    ("honderden", 200, 999),
    ("duizenden", 2_000, 9_999),
    ("tienduizenden", 20_000, 99_999),
    ("honderdduizenden", 200_000, 999_999),
)
_AT_LEAST = ("", "zeker ", "zeker ", "minstens ", "ten minste ")
_EARLIER = ("zeker ", "minstens ", "", "ten minste ")
_HIGHER = ("zelfs ", "", "ruim ", "zeker ")
_ABOVE = ("ruim ", "meer dan ")
_BELOW = ("bijna ", "nog geen ")
_ABOUT = ("ongeveer ", "zo’n ", "circa ", "naar schatting ", "rond de ")
# how a reported figure relates to the true one, with weights
_VARIANTS = Weighted(("exact", "earlier", "higher", "rounded", "vague"), (30, 20, 12, 28, 10))


def _decimal(value: float) -> str:
    """``3.7`` as ``3,7`` and ``12.0`` as ``12``."""
    return f"{value:g}".replace(".", ",")


def format_number(value: int, rng: random.Random, *, words: bool = True) -> str:
    """Digits with Dutch separators, "3,7 miljoen" for millions, words for small counts."""
    if value >= 1_000_000_000:
        return f"{_decimal(round(value / 100_000_000) / 10)} miljard"
    if value >= 1_000_000:
        return f"{_decimal(round(value / 100_000) / 10)} miljoen"
    if value >= 10_000 or (value >= 1_000 and rng.random() < 0.5):
        return f"{value:,}".replace(",", ".")
    if words and value < len(_NUMBER_WORDS) and rng.random() < 0.25:
        return _NUMBER_WORDS[value]
    return str(value)


def round_significant(value: int, digits: int) -> int:
    """``value`` rounded to ``digits`` significant digits (values below 10 stay)."""
    if value < 10:
        return value
    scale = 10 ** max(0, int(math.log10(value)) + 1 - digits)
    return max(scale, round(value / scale) * scale)


def nice_value(low: int, high: int, rng: random.Random, *, money: bool = False) -> int:
    """A log-uniform true count in ``[low, high]``; large ones are rounded (amounts to two
    significant digits, counts of people to three)."""
    value = int(math.exp(rng.uniform(math.log(low), math.log(high + 1))))
    value = min(max(value, low), high)
    return round_significant(value, 2 if money else 3) if value >= 10_000 else value


def reported(true: int, rng: random.Random, *, money: bool = False) -> str:
    """How one outlet writes the count ``true``: qualifier and number, or a vague word."""
    variant = _VARIANTS.pick(rng)
    if true < 10 and variant in ("rounded", "vague"):
        variant = "exact"
    if variant == "vague" and not money:
        for word, low, high in _VAGUE:
            if low <= true <= high:
                return word
    if variant == "earlier" and true >= 4:
        lower = _other(true, rng.uniform(0.4, 0.9), money=money)
        return rng.choice(_EARLIER) + format_number(lower, rng, words=not money)
    if variant == "higher":
        higher = _other(true, rng.uniform(1.1, 1.6), money=money)
        return rng.choice(_HIGHER) + format_number(higher, rng, words=not money)
    if variant in ("rounded", "vague"):
        return _rounded(true, rng, money=money)
    return rng.choice(_AT_LEAST) + format_number(true, rng, words=not money)


def _other(true: int, factor: float, *, money: bool) -> int:
    """Another source's figure: ``true`` times ``factor``, round if it is an amount."""
    value = max(2, round(true * factor))
    return round_significant(value, 2) if money else round_significant(value, 3)


def _rounded(true: int, rng: random.Random, *, money: bool) -> str:
    rounded = round_significant(true, rng.choice((1, 2)))
    if rounded > true:
        qualifier = rng.choice(_BELOW)
    elif rounded < true:
        qualifier = rng.choice(_ABOVE)
    else:
        qualifier = rng.choice(_ABOUT)
    return qualifier + format_number(rounded, rng, words=False)
