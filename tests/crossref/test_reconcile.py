"""Reconciling reports of one count: intervals, updates, consistency and independent sources."""

import json
import random
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from articles.crossref.reconcile import (
    APPROXIMATE_TOLERANCE,
    Interval,
    Reconciliation,
    Report,
    figure_label,
    interval,
    is_update,
    reconcile,
)
from articles.figures import plain_number

D = Decimal
_ids = iter(range(1, 1_000_000))


def report(**kw: Any) -> Report:
    """A report with defaults: exactly 10, no source, a fresh claim id."""
    for field in ("value", "minimum", "maximum"):
        if isinstance(kw.get(field), int | str):
            kw[field] = D(kw[field])
    defaults: dict[str, Any] = {
        "claim_id": next(_ids),
        "value": D(10),
        "minimum": None,
        "maximum": None,
        "qualifier": "exact",
    }
    return Report(**(defaults | kw))


def seed() -> tuple[Report, Report, Report]:
    governor = report(
        value=22,
        qualifier="at_least",
        source="gouverneur van Hatay",
        source_key="actor:hatay",
        outlet="NU.nl",
        published=(2020, 2, 28),
        text="Bij de aanval zijn zeker 22 Turkse militairen omgekomen, zegt de gouverneur.",
    )
    sohr = report(
        value=34,
        source="SOHR",
        source_key="actor:sohr",
        outlet="Trouw",
        published=(2020, 2, 28),
        text="Het Syrisch Observatorium voor Mensenrechten spreekt van 34 doden.",
    )
    nos = report(
        value=33,
        qualifier="at_least",
        outlet="NOS",
        published=(2020, 2, 28),
        text="Turkije verloor zeker 33 soldaten bij een luchtaanval in Idlib.",
    )
    return governor, sohr, nos


# --- the seed example ------------------------------------------------------------------------


def test_seed_example_is_consistent() -> None:
    governor, sohr, nos = seed()
    result = reconcile([nos, sohr, governor])
    assert result.consistent
    assert (result.low, result.best, result.high) == (D(34), D(34), D(34))
    assert result.conservative == D(22)
    assert result.conservative_report is governor
    assert result.conflicting is None
    assert result.independent_sources == 3
    assert result.superseded == ()
    assert result.reports == (governor, sohr, nos)  # same date: by claim id


def test_seed_sources_by_figure() -> None:
    assert reconcile(seed()).sources_by_figure == (
        ("≥ 22", ("gouverneur van Hatay",)),
        ("34", ("SOHR",)),
        ("≥ 33", ("NOS",)),
    )


def test_at_least_above_exact_is_inconsistent() -> None:
    forty = report(value=40, qualifier="at_least", source_key="a")
    exact = report(value=34, source_key="b")
    result = reconcile([exact, forty])
    assert not result.consistent
    assert result.conflicting == (forty, exact)
    assert (result.low, result.high) == (D(34), D(40))
    assert result.best == D(34)  # lower middle, not clamped
    assert result.conservative == D(34)
    assert result.conservative_report is exact


def test_inconsistent_high_uses_low_of_unbounded() -> None:
    result = reconcile([report(value=5), report(value=50, qualifier="at_least"), report(value=7)])
    assert not result.consistent
    assert (result.low, result.high) == (D(5), D(50))


def test_conflicting_pair_picks_extremes() -> None:
    low = report(value=3)
    mid = report(value=8, qualifier="approximately")
    high = report(value=20, qualifier="more_than")
    result = reconcile([mid, high, low])
    assert result.conflicting == (high, low)


# --- intervals -------------------------------------------------------------------------------


def test_exact_and_at_least_intervals() -> None:
    assert interval(report(value=34)) == Interval(D(34), D(34))
    assert interval(report(value=22, qualifier="at_least")) == Interval(D(22), None)


def test_approximately_interval() -> None:
    assert D("0.1") == APPROXIMATE_TOLERANCE
    assert interval(report(value=1000, qualifier="approximately")) == Interval(D(900), D(1100))


def test_approximately_overlap_is_consistent() -> None:
    result = reconcile([report(value=1000, qualifier="approximately"), report(value=1050)])
    assert result.consistent
    assert (result.low, result.best, result.high) == (D(1050), D(1050), D(1050))


def test_approximately_too_far_is_inconsistent() -> None:
    result = reconcile([report(value=1000, qualifier="approximately"), report(value=1200)])
    assert not result.consistent


def test_closed_range() -> None:
    hundreds = report(value=None, minimum=200000, maximum=999999, qualifier="approximately")
    assert interval(hundreds) == Interval(D(200000), D(999999))
    result = reconcile([hundreds, report(value=300000, qualifier="at_least")])
    assert result.consistent
    assert (result.low, result.high) == (D(300000), D(999999))
    assert result.best == D(300000)
    assert result.conservative == D(200000)


def test_open_range() -> None:
    open_range = report(value=None, minimum=200000, qualifier="at_least")
    assert interval(open_range) == Interval(D(200000), None)
    result = reconcile([open_range])
    assert (result.low, result.best, result.high) == (D(200000), D(200000), None)


def test_more_than_integral_and_not() -> None:
    assert interval(report(value=22, qualifier="more_than")) == Interval(D(23), None)
    assert interval(report(value="3.7", qualifier="more_than")) == Interval(D("3.7"), None)


def test_less_than_integral_and_not() -> None:
    assert interval(report(value=22, qualifier="less_than")) == Interval(D(0), D(21))
    assert interval(report(value="3.7", qualifier="less_than")) == Interval(D(0), D("3.7"))


def test_more_than_clamps_best() -> None:
    result = reconcile([report(value=22, qualifier="more_than")])
    assert (result.low, result.best, result.high) == (D(23), D(23), None)
    assert result.conservative == D(22)


def test_more_than_and_exact_same_figure_conflict() -> None:
    result = reconcile([report(value=22, qualifier="more_than"), report(value=22)])
    assert not result.consistent


def test_report_without_figure_is_ignored() -> None:
    result = reconcile([report(value=None), report(value=5)])
    assert len(result.reports) == 1
    assert result.independent_sources == 1


def test_empty_input() -> None:
    result = reconcile([])
    assert result.consistent
    assert result.low is result.best is result.high is result.conservative is None
    assert result.conservative_report is None
    assert result.conflicting is None
    assert result.independent_sources == 0
    assert result.reports == result.superseded == result.sources_by_figure == ()


def test_conservative_tie_goes_to_earliest_then_lowest_id() -> None:
    late = report(claim_id=1, value=20, source_key="a", published=(2020, 3, 2))
    early = report(claim_id=9, value=20, source_key="b", published=(2020, 3, 1))
    also_early = report(claim_id=5, value=20, source_key="c", published=(2020, 3, 1))
    result = reconcile([late, early, also_early])
    assert result.conservative_report is also_early
    assert result.reports == (also_early, early, late)


def test_even_count_best_is_lower_middle() -> None:
    result = reconcile([report(value=v, qualifier="at_least") for v in (10, 20, 30, 40)])
    assert result.consistent
    assert result.low == D(40)
    assert result.best == D(40)  # median 20, clamped up to the range
    loose = reconcile([report(value=v, qualifier="approximately") for v in (100, 102, 104, 106)])
    assert loose.best == D(102)


# --- updates ---------------------------------------------------------------------------------


def test_update_by_later_date() -> None:
    first = report(value=10, source_key="ministry", published=(2020, 2, 27))
    later = report(value=25, source_key="ministry", outlet="NOS", published=(2020, 2, 28))
    other = report(value=25, source_key="sohr", source="SOHR", published=(2020, 2, 27))
    assert is_update(first, later)
    assert not is_update(later, first)
    result = reconcile([later, other, first])
    assert result.superseded == (first,)
    assert first in result.reports
    assert result.consistent
    assert (result.low, result.best, result.high) == (D(25), D(25), D(25))
    assert result.conservative == D(25)
    assert result.independent_sources == 2
    assert result.sources_by_figure == (("25", ("SOHR", "NOS")),)


def test_update_month_against_full_date() -> None:
    month = report(value=10, source_key="s", published=(2020, 2, None))
    march = report(value=12, source_key="s", published=(2020, 3, 1))
    assert is_update(month, march)


def test_partial_dates_not_comparable() -> None:
    month = report(value=10, source_key="s", published=(2020, 2, None))
    day = report(value=12, source_key="s", published=(2020, 2, 28))
    assert not is_update(month, day)
    assert not is_update(day, month)
    assert reconcile([month, day]).superseded == ()


def test_update_cue_on_not_comparable_dates() -> None:
    month = report(value=10, source_key="s", published=(2020, 2, None), text="Er zijn 10 doden.")
    day = report(
        value=12,
        source_key="s",
        published=(2020, 2, 28),
        text="Het dodental is Inmiddels opgelopen tot 12.",
    )
    assert is_update(month, day)
    assert not is_update(day, month)


def test_update_cue_same_date() -> None:
    plain = report(value=10, source_key="s", text="Er vielen 10 doden.")
    cue = report(value=14, source_key="s", text="Er zijn NU  AL 14 doden.")
    assert is_update(plain, cue)
    assert reconcile([cue, plain]).superseded == (plain,)


def test_update_cue_only_as_whole_word() -> None:
    plain = report(value=10, source_key="s", text="Er vielen 10 doden.")
    not_cue = report(value=14, source_key="s", text="Het is nu alles of niets: 14.")
    also_not = report(value=14, source_key="s", text="Ze gestegenheid 14.")
    assert not is_update(plain, not_cue)
    assert not is_update(plain, also_not)


def test_cue_in_both_is_not_update() -> None:
    a = report(value=10, source_key="s", text="Het dodental is gestegen tot 10.")
    b = report(value=14, source_key="s", text="Het dodental is gestegen tot 14.")
    assert not is_update(a, b)
    assert not is_update(b, a)


def test_earlier_date_with_cue_is_not_update() -> None:
    older = report(value=14, source_key="s", published=(2020, 2, 1), text="Inmiddels 14.")
    newer = report(value=10, source_key="s", published=(2020, 2, 2), text="Tien doden.")
    assert not is_update(newer, older)
    assert is_update(older, newer)


def test_not_update_when_sources_differ() -> None:
    a = report(value=10, source_key="ministry", published=(2020, 2, 27))
    b = report(value=25, source_key="sohr", published=(2020, 2, 28))
    assert not is_update(a, b)
    result = reconcile([a, b])
    assert result.superseded == ()
    assert not result.consistent


def test_not_update_without_source() -> None:
    a = report(value=10, published=(2020, 2, 27), outlet="NOS")
    b = report(value=25, published=(2020, 2, 28), outlet="NOS")
    assert not is_update(a, b)


def test_not_update_when_figure_equal() -> None:
    a = report(value=10, source_key="s", published=(2020, 2, 27))
    b = report(value=10, source_key="s", published=(2020, 2, 28))
    assert not is_update(a, b)
    assert reconcile([a, b]).superseded == ()


# --- independent sources ---------------------------------------------------------------------


def test_same_source_key_counts_once() -> None:
    a = report(value=10, source_key="sohr", outlet="NOS", text="SOHR meldt 10 doden.")
    b = report(value=10, source_key="sohr", outlet="Trouw", text="Volgens waarnemers 10 doden.")
    assert reconcile([a, b]).independent_sources == 1


def test_same_via_without_source_counts_once() -> None:
    a = report(via_key="anp", outlet="NOS", text="Er zijn tien doden gevallen.")
    b = report(via_key="anp", outlet="Trouw", text="Bij het ongeluk kwamen 10 mensen om.")
    assert reconcile([a, b]).independent_sources == 1


def test_same_via_with_different_sources_counts_twice() -> None:
    a = report(via_key="anp", source_key="x", text="Er zijn tien doden gevallen.")
    b = report(via_key="anp", source_key="y", text="Bij het ongeluk kwamen 10 mensen om.")
    assert reconcile([a, b]).independent_sources == 2


def test_agency_copy_in_two_outlets_counts_once() -> None:
    text = "Bij een Syrische luchtaanval in Idlib zijn zeker 33 Turkse militairen omgekomen."
    a = report(value=33, outlet="NOS", text=text)
    b = report(value=33, outlet="Trouw", text="  " + text.upper().replace(" ", "  ") + " ")
    c = report(value=33, outlet="AD", text=text.replace("zeker", "minstens"))
    assert reconcile([a, b, c]).independent_sources == 1


def test_different_unattributed_texts_count_twice() -> None:
    a = report(outlet="NOS", text="Bij de explosie in de haven vielen tien doden.")
    b = report(outlet="Trouw", text="Tien mensen kwamen om het leven, meldt de brandweer.")
    assert reconcile([a, b]).independent_sources == 2


def test_origins_are_transitive() -> None:
    text = "Bij een Syrische luchtaanval in Idlib zijn zeker 33 Turkse militairen omgekomen."
    a = report(source_key="sohr", text="SOHR telt 33 doden.")
    b = report(source_key="sohr", text=text)
    c = report(outlet="AD", text=text)
    d = report(outlet="NOS", text="Iets heel anders over 33 slachtoffers in Idlib.")
    assert reconcile([a, b, c, d]).independent_sources == 2


def test_superseded_reports_are_not_counted_as_sources() -> None:
    first = report(value=10, source_key="s", published=(2020, 2, 27), text="Eerst tien.")
    later = report(value=25, source_key="s", published=(2020, 2, 28), text="Later 25.")
    assert reconcile([first, later]).independent_sources == 1


# --- labels and serialisation ----------------------------------------------------------------


def test_plain_number() -> None:
    assert plain_number(D("22.000")) == "22"
    assert plain_number(D("3.7")) == "3.7"
    assert plain_number(D("3.70")) == "3.7"
    assert plain_number(D("1E+6")) == "1000000"
    assert plain_number(D("0.00001")) == "0.00001"


def test_figure_labels() -> None:
    assert figure_label(report(value=34)) == "34"
    assert figure_label(report(value="22.000", qualifier="at_least")) == "≥ 22"
    assert figure_label(report(value=22, qualifier="more_than")) == "> 22"
    assert figure_label(report(value=22, qualifier="less_than")) == "< 22"
    assert figure_label(report(value="1E+6", qualifier="approximately")) == "≈ 1000000"
    assert figure_label(report(value="3.7")) == "3.7"
    assert figure_label(report(value=None, minimum=200000, maximum=999999)) == "200000–999999"
    assert figure_label(report(value=None, minimum=200000)) == "≥ 200000"


def test_sources_by_figure_groups_and_falls_back_to_outlet() -> None:
    a = report(value=33, qualifier="at_least", outlet="NOS", text="Tekst een over 33.")
    b = report(value=33, qualifier="at_least", source="ANP", outlet="AD", text="Iets anders.")
    c = report(value=33, qualifier="at_least", source="ANP", outlet="Trouw", text="Nog iets.")
    assert reconcile([a, b, c]).sources_by_figure == (("≥ 33", ("NOS", "ANP")),)


def test_to_dict_is_json_serialisable() -> None:
    first = report(value=10, source_key="s", published=(2020, 2, None), outlet="NOS")
    later = report(value="12.5", source_key="s", source="SOHR", published=(2020, 3, 1))
    other = report(value=40, qualifier="at_least", published=(2021, None, None), outlet="AD")
    data = reconcile([first, later, other]).to_dict()
    decoded = json.loads(json.dumps(data))
    assert decoded["consistent"] is False
    assert decoded["low"] == 12.5
    assert decoded["high"] == 40
    assert decoded["conservative"] == 12.5
    assert decoded["conservative_claim_id"] == later.claim_id
    assert decoded["conflicting"] == [other.claim_id, later.claim_id]
    assert decoded["independent_sources"] == 2
    assert [r["published"] for r in decoded["reports"]] == ["2020-02", "2020-03-01", "2021"]
    assert [r["superseded"] for r in decoded["reports"]] == [True, False, False]
    assert decoded["reports"][1] == {
        "claim_id": later.claim_id,
        "figure": "12.5",
        "source": "SOHR",
        "outlet": "",
        "published": "2020-03-01",
        "superseded": False,
    }


def test_to_dict_empty_and_unknown_date() -> None:
    assert json.dumps(reconcile([]).to_dict())
    assert reconcile([report()]).to_dict()["reports"][0]["published"] is None


# --- properties ------------------------------------------------------------------------------

_figures = st.integers(min_value=0, max_value=200).map(Decimal)


@st.composite
def exact_or_at_least(draw: st.DrawFn) -> list[Report]:
    count = draw(st.integers(min_value=1, max_value=8))
    return [
        Report(
            claim_id=i,
            value=draw(_figures),
            minimum=None,
            maximum=None,
            qualifier=draw(st.sampled_from(["exact", "at_least"])),
            source_key=draw(st.sampled_from(["", "a", "b"])),
            published=draw(st.sampled_from([(0, None, None), (2020, 1, 1), (2020, 1, 2)])),
        )
        for i in range(count)
    ]


def _active(result: Reconciliation) -> list[Report]:
    return [r for r in result.reports if r not in result.superseded]


@given(exact_or_at_least(), st.randoms(use_true_random=False))
def test_reconciliation_properties(reports: list[Report], rng: random.Random) -> None:
    result = reconcile(reports)
    active = _active(result)
    assert active, "something always survives supersession"
    assert result.low is not None and result.best is not None
    assert result.conservative is not None
    assert result.conservative == min(r.value for r in active if r.value is not None)
    assert result.conservative <= result.best
    if result.consistent:
        assert result.conflicting is None
        assert result.high is None or result.low <= result.best <= result.high
        assert result.low <= result.best
        for r in active:
            allowed = interval(r)
            assert allowed is not None
            # every surviving report allows the whole reconciled range
            assert allowed.low <= result.low
            assert allowed.high is None or (result.high is not None and result.high <= allowed.high)
        exact = [r.value for r in active if r.qualifier == "exact"]
        if exact:
            assert result.low == result.high == result.best == exact[0]
    else:
        assert result.conflicting is not None
        top, bottom = (interval(r) for r in result.conflicting)
        assert top is not None and bottom is not None and bottom.high is not None
        assert top.low > bottom.high
        assert result.high is not None and result.low <= result.high
    shuffled = list(reports)
    rng.shuffle(shuffled)
    assert reconcile(shuffled) == result


_dates = st.tuples(
    st.integers(min_value=2019, max_value=2020),
    st.none() | st.integers(min_value=1, max_value=3),
    st.none() | st.integers(min_value=1, max_value=3),
)


@given(
    st.lists(
        st.tuples(_figures, st.sampled_from(["a", "b"]), _dates, st.booleans()),
        min_size=1,
        max_size=8,
    )
)
def test_every_source_keeps_a_current_report(
    rows: list[tuple[Decimal, str, tuple[int, int | None, int | None], bool]],
) -> None:
    reports = [
        report(
            claim_id=i,
            value=value,
            source_key=key,
            published=(year, month, day if month is not None else None),
            text="Het dodental is inmiddels hoger." if cue else "Er zijn doden.",
        )
        for i, (value, key, (year, month, day), cue) in enumerate(rows)
    ]
    result = reconcile(reports)
    keys = {r.source_key for r in reports}
    assert {r.source_key for r in _active(result)} == keys
