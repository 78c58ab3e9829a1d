from decimal import Decimal

import pytest

from articles.extraction.quantities import find_quantities


def first(text: str):
    found = find_quantities(text, 0, len(text), [], {"Turkse": "Turks"})
    return found[0] if found else None


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("Er vielen 22 doden.", "22", "exact"),
        ("Er vielen zeker 22 doden.", "22", "at_least"),
        ("Er vielen minstens 5 doden.", "5", "at_least"),
        ("Er vielen ten minste 5 doden.", "5", "at_least"),
        ("Het gaat om ongeveer 300 mensen.", "300", "approximately"),
        ("Het gaat om zo'n 300 mensen.", "300", "approximately"),
        ("Het gaat om zo’n 3,7 miljoen vluchtelingen.", "3700000", "approximately"),
        ("Het gaat om circa 40 huizen.", "40", "approximately"),
        ("Er kwamen ruim 2.000 mensen.", "2000", "more_than"),
        ("Er kwamen meer dan 2.000 mensen.", "2000", "more_than"),
        ("Er kwamen bijna 80 mensen.", "80", "less_than"),
        ("Er kwamen minder dan 80 mensen.", "80", "less_than"),
        ("Er kwamen tweeëntwintig mensen.", "22", "exact"),
        ("Ongeveer een miljoen burgers vluchtten.", "1000000", "approximately"),
        ("Het kost 2,5 miljoen euro.", "2500000", "exact"),
        ("Het kost € 4 miljard.", "4000000000", "exact"),
        ("Er zijn drie miljoen inwoners.", "3000000", "exact"),
    ],
)
def test_values_and_qualifiers(text: str, value: str, qualifier: str) -> None:
    found = first(text)
    assert found is not None
    assert found.value == Decimal(value)
    assert found.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Er vielen tientallen doden.", 20, 99),
        ("Er vluchtten duizenden mensen.", 2000, 9999),
        ("Er vluchtten honderdduizenden mensen.", 200000, 999999),
        ("Het kost miljarden euro's.", 2 * 10**9, 999999999999),
    ],
)
def test_vague_amounts_are_ranges(text: str, low: int, high: int) -> None:
    found = first(text)
    assert found is not None and found.value is None
    assert (found.minimum, found.maximum) == (Decimal(low), Decimal(high))
    assert found.qualifier == "approximately"


@pytest.mark.parametrize(
    "text",
    [
        "In 2016 werd het akkoord gesloten.",
        "Dat staat in artikel 4 van het verdrag.",
        "Op 27 februari viel de aanval.",
        "De vergadering begint om 20.00 uur.",
        "Een land kan dat niet alleen.",
        "Jansen (45) werd gearresteerd.",
    ],
)
def test_years_dates_articles_and_ages_are_ignored(text: str) -> None:
    assert first(text) is None


def test_numbers_inside_names_are_ignored() -> None:
    text = "Zender Rossija 24 meldde het."
    assert find_quantities(text, 0, len(text), [(7, 17)], {}) == []


def test_what_and_key_make_death_counts_comparable() -> None:
    a = first("Er zijn zeker 22 Turkse militairen om het leven gekomen.")
    b = first("Bij de aanval kwamen 33 Turkse militairen om het leven.")
    c = first("Er zijn 34 Turkse doden gevallen.")
    assert a.what == "Turkse militairen om het leven gekomen"
    assert a.what_key == b.what_key == "turks militair|dood"
    assert c.what_key.endswith("|dood")
