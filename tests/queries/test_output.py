"""``write_rows``: the same rows as a table, JSON or CSV; no database needed."""

import argparse
import csv
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management.base import OutputWrapper
from django.utils.translation import gettext_lazy

from articles.figures import plain_number
from articles.queries.output import Column, non_negative_int, write_rows

COLUMNS = [
    Column("id", gettext_lazy("id"), 5, align="right"),
    Column("name", gettext_lazy("name"), 10),
    Column("hedged", gettext_lazy("hedged"), 6),
    Column("value", gettext_lazy("value"), 12),
]
ROWS = [
    {"id": 1, "name": "Erdoğan", "hedged": True, "value": Decimal("22.000"), "extra": "x"},
    {"id": 22, "name": "Syrisch Observatorium", "hedged": False, "value": Decimal("2.50")},
    {"id": 333, "name": "a\nb", "hedged": False, "value": None},
]


def render(rows, fmt: str, columns=COLUMNS) -> tuple[str, int]:
    out = StringIO()
    count = write_rows(rows, columns, fmt, out)
    return out.getvalue(), count


def test_csv_has_a_header_of_column_keys_and_plain_values():
    text, count = render(ROWS, "csv")
    parsed = list(csv.DictReader(StringIO(text)))
    assert count == 3 and len(parsed) == 3
    assert list(parsed[0]) == ["id", "name", "hedged", "value"]
    assert parsed[0] == {"id": "1", "name": "Erdoğan", "hedged": "true", "value": "22"}
    assert parsed[1]["value"] == "2.5" and parsed[1]["hedged"] == "false"
    assert parsed[2]["value"] == "" and parsed[2]["name"] == "a\nb"


def test_csv_of_nothing_is_just_the_header():
    text, count = render([], "csv")
    assert (text, count) == ("id,name,hedged,value\n", 0)


def test_json_is_an_array_of_objects_with_numbers_for_decimals():
    text, count = render(ROWS, "json")
    data = json.loads(text)
    assert count == 3
    assert data[0] == {"id": 1, "name": "Erdoğan", "hedged": True, "value": 22}
    assert isinstance(data[0]["value"], int)
    assert data[1]["value"] == 2.5 and data[2]["value"] is None
    assert "Erdoğan" in text  # not \u011f: ensure_ascii is off
    assert "extra" not in data[0]


def test_json_of_nothing_is_an_empty_array():
    text, count = render(iter([]), "json")
    assert (json.loads(text), count) == ([], 0)


def test_json_and_csv_stream_a_generator():
    def rows():
        for number in range(1000):
            yield {"id": number, "name": f"n{number}", "hedged": False, "value": None}

    text, count = render(rows(), "json")
    assert count == 1000 and len(json.loads(text)) == 1000
    text, count = render(rows(), "csv")
    assert count == 1000 and len(list(csv.DictReader(StringIO(text)))) == 1000


def test_table_columns_are_as_wide_as_their_widest_cell_up_to_the_maximum():
    text, count = render(ROWS, "table")
    lines = text.splitlines()
    assert count == 3 and len(lines) == 5
    assert lines[0].split() == ["id", "name", "hedged", "value"]
    assert lines[1].split() == ["---", "-" * 10, "-" * 6, "-" * 5]
    # "Syrisch Observatorium" is 21 characters: cut to the maximum of 10, with an ellipsis.
    assert lines[3].split("  ")[1] == "Syrisch O…"
    assert lines[2].startswith("  1  Erdoğan     yes     22")
    assert lines[4].startswith("333  a b ")  # the newline is no line break in a table
    assert all(line == line.rstrip() for line in lines)


def test_table_headings_are_never_cut_and_numbers_align_right():
    columns = [Column("n", gettext_lazy("a long heading"), 3, align="right")]
    text, _ = render([{"n": 7}, {"n": 1234}], "table", columns)
    assert text.splitlines() == [
        "a long heading",
        "--------------",
        "             7",
        "          1234",
    ]


def test_an_empty_table_says_so():
    text, count = render([], "table")
    assert (text, count) == ("No rows.\n", 0)


def test_a_django_output_wrapper_gets_no_extra_blank_lines():
    for fmt in ("table", "json", "csv"):
        out = StringIO()
        write_rows(ROWS, COLUMNS, fmt, OutputWrapper(out))
        assert out.getvalue() == render(ROWS, fmt)[0]
        assert "\n\n" not in out.getvalue()


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="xml"):
        render(ROWS, "xml")


def test_plain_numbers_have_no_exponent_and_no_trailing_zeros():
    assert plain_number(Decimal("1000000.000")) == "1000000"
    assert plain_number(Decimal("3.700")) == "3.7"


def test_limit_type_accepts_zero_and_refuses_negatives_and_words():
    assert non_negative_int("0") == 0 and non_negative_int("25") == 25
    for bad in ("-1", "ten", ""):
        with pytest.raises(argparse.ArgumentTypeError):
            non_negative_int(bad)
