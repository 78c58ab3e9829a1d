"""describe(): stored reasons worded for the reader, in the active language."""

from django.utils import translation

from articles.crossref.reasons import describe


def test_same_count_names_what_and_figures() -> None:
    reason = {
        "code": "same_count",
        "what": ["Turkse militairen", "Turkse doden"],
        "figures": ["≥ 22", "34"],
    }
    assert describe([reason]) == "same count: Turkse militairen / Turkse doden; ≥ 22 vs 34"


def test_similar_count_has_its_own_words() -> None:
    reason = {"code": "similar_count", "what": ["Turkse militairen"], "figures": ["22", "3"]}
    assert describe([reason]) == "similar count: Turkse militairen; 22 vs 3"


def test_count_what_drops_repeats_and_blanks() -> None:
    reason = {"code": "same_count", "what": ["doden", "", "doden"], "figures": ["22", "34"]}
    assert describe([reason]) == "same count: doden; 22 vs 34"


def test_same_actors_lists_the_names() -> None:
    assert describe([{"code": "same_actors", "names": ["SOHR", "Turkije"]}]) == (
        "same actors: SOHR, Turkije"
    )


def test_similar_text_gives_the_ratio_as_a_percentage() -> None:
    assert describe([{"code": "similar_text", "ratio": 87}]) == "similar wording (87%)"


def test_fixed_phrases() -> None:
    assert describe([{"code": "same_month"}]) == "same month"
    assert describe([{"code": "same_copy"}]) == "the same text: one report carried twice"
    assert describe([{"code": "unclear_vs_stated"}]) == "one calls it unclear, the other states it"


def test_months_apart_is_singular_for_one_month() -> None:
    assert describe([{"code": "months_apart", "months": 1}]) == "1 month apart"


def test_months_apart_is_plural_for_two_months() -> None:
    assert describe([{"code": "months_apart", "months": 2}]) == "2 months apart"


def test_update_names_the_source() -> None:
    assert describe([{"code": "update", "source": "SOHR"}]) == (
        "a later report from the same source: SOHR"
    )


def test_update_without_source_names_the_outlet() -> None:
    assert describe([{"code": "update", "source": ""}]) == (
        "a later report from the same source: the outlet itself"
    )


def test_reasons_are_joined_with_semicolons_in_order() -> None:
    reasons = [{"code": "same_month"}, {"code": "same_actors", "names": ["Turkije"]}]
    assert describe(reasons) == "same month; same actors: Turkije"


def test_unknown_and_missing_codes_are_ignored() -> None:
    reasons = [{"code": "no_such_reason"}, {"code": "same_month"}, {}, {"code": "same_copy"}]
    assert describe(reasons) == "same month; the same text: one report carried twice"


def test_no_reasons_describe_as_empty_text() -> None:
    assert describe([]) == ""
    assert describe([{"code": "no_such_reason"}]) == ""


def test_names_are_not_escaped() -> None:
    assert describe([{"code": "same_actors", "names": ['<Hamas> & "Fatah"']}]) == (
        'same actors: <Hamas> & "Fatah"'
    )


def test_any_iterable_of_reasons_is_accepted() -> None:
    assert describe(reason for reason in [{"code": "same_month"}]) == "same month"


def test_dutch_keeps_the_data_and_words_every_reason() -> None:
    # The Dutch catalogue may not carry these strings yet: assert only what is language-free.
    reasons = [
        {"code": "same_actors", "names": ["Turkije"]},
        {"code": "similar_text", "ratio": 87},
        {"code": "months_apart", "months": 2},
    ]
    with translation.override("nl"):
        text = describe(reasons)
    assert "Turkije" in text
    assert "87" in text
    assert "2" in text
    assert text.count("; ") >= 2
