"""score_pair: which link two claims get, how sure it is, and why."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from articles.crossref.facts import ClaimFacts
from articles.crossref.score import MIN_SCORE, Relation, Scorer, report_of, score_pair

from .helpers import facts

D = Decimal
TURKEY = 7
NAMES = ((TURKEY, "Turkije"),)


def _codes(candidate) -> list[str]:
    return [reason["code"] for reason in candidate.reasons]


def seed() -> tuple[ClaimFacts, ClaimFacts, ClaimFacts]:
    governor = facts(
        value=22,
        qualifier="at_least",
        count_key="turks militair|dood",
        what="Turkse militairen",
        source_key="actor:hatay",
        source_name="gouverneur van Hatay",
        about={TURKEY},
        about_names=NAMES,
        text="Bij de aanval zijn zeker 22 Turkse militairen omgekomen, zegt de gouverneur.",
    )
    sohr = facts(
        value=34,
        qualifier="exact",
        count_key="turks|dood",
        what="Turkse doden",
        source_key="actor:sohr",
        source_name="SOHR",
        text="Het Syrisch Observatorium voor Mensenrechten spreekt van 34 doden.",
    )
    nos = facts(
        value=33,
        qualifier="at_least",
        count_key="turks militair|dood",
        what="Turkse soldaten",
        about={TURKEY},
        text="Turkije verloor zeker 33 soldaten bij een luchtaanval in Idlib.",
    )
    return governor, sohr, nos


def _count(**kw) -> ClaimFacts:
    """A claim counting Turkish military deaths: exactly 22 unless told."""
    return facts(**({"value": 22, "qualifier": "exact", "count_key": "turks militair|dood"} | kw))


# --- counts ----------------------------------------------------------------------------------


def test_seed_reports_conflict_pairwise_with_a_same_count_reason() -> None:
    governor, sohr, nos = seed()
    for a, b in [(governor, sohr), (governor, nos), (sohr, nos)]:
        candidate = score_pair(a, b)
        assert candidate is not None
        assert candidate.relation == Relation.CONFLICTS
        assert candidate.score >= MIN_SCORE
        assert (candidate.first, candidate.second) == (a.claim_id, b.claim_id)
        assert candidate.reasons[0]["code"] == "same_count"


def test_same_count_reason_carries_what_and_figures() -> None:
    governor, sohr, _ = seed()
    candidate = score_pair(governor, sohr)
    assert candidate is not None
    assert candidate.reasons[0] == {
        "code": "same_count",
        "what": ["Turkse militairen", "Turkse doden"],
        "figures": ["≥ 22", "34"],
    }


def test_shared_actors_raise_the_score_and_are_named() -> None:
    governor, sohr, nos = seed()
    with_actor, without = score_pair(governor, nos), score_pair(governor, sohr)
    assert with_actor is not None and without is not None
    assert with_actor.score > without.score
    assert {"code": "same_actors", "names": ["Turkije"]} in with_actor.reasons
    assert "same_actors" not in _codes(without)


def test_an_unnamed_shared_actor_is_named_by_its_id() -> None:
    a, b = _count(value=22, about={5}), _count(value=30, about={5})
    candidate = score_pair(a, b)
    assert candidate is not None
    assert {"code": "same_actors", "names": ["#5"]} in candidate.reasons


def test_same_interval_in_different_articles_corroborates() -> None:
    a = _count(minimum=20, maximum=25, value=None)
    b = _count(minimum=20, maximum=25, value=None, count_key="turks|dood")
    candidate = score_pair(a, b)
    assert candidate is not None
    assert candidate.relation == Relation.CORROBORATES
    assert candidate.score >= MIN_SCORE


def test_same_figure_in_the_same_article_is_not_linked() -> None:
    a = _count(article_id=1)
    b = _count(article_id=1, text="Een herhaling van het dodental.")
    assert score_pair(a, b) is None


def test_different_figures_in_the_same_article_conflict() -> None:
    a, b = _count(article_id=1, value=22), _count(article_id=1, value=34)
    candidate = score_pair(a, b)
    assert candidate is not None
    assert candidate.relation == Relation.CONFLICTS


def test_a_later_report_from_the_same_source_updates_the_earlier() -> None:
    source = {"source_key": "actor:hatay", "source_name": "gouverneur van Hatay"}
    earlier = _count(month=2, value=22, **source)
    later = _count(month=3, value=34, **source)
    for a, b in [(earlier, later), (later, earlier)]:
        candidate = score_pair(a, b)
        assert candidate is not None
        assert candidate.relation == Relation.UPDATES
        assert (candidate.first, candidate.second) == (later.claim_id, earlier.claim_id)
        assert {"code": "update", "source": "gouverneur van Hatay"} in candidate.reasons
        assert {"code": "months_apart", "months": 1} in candidate.reasons


def test_different_sources_in_later_months_conflict_rather_than_update() -> None:
    earlier = _count(month=2, value=22, source_key="actor:hatay")
    later = _count(month=3, value=34, source_key="actor:sohr")
    candidate = score_pair(earlier, later)
    assert candidate is not None
    assert candidate.relation == Relation.CONFLICTS


def test_reports_of_one_count_more_than_five_times_apart_are_not_linked() -> None:
    town = _count(value=210_000, qualifier="at_least", count_key="euro|gemoeid")
    for other in (
        _count(value=52_000_000, qualifier="approximately", count_key="euro|gemoeid"),
        _count(value=30_000, count_key="euro|gemoeid"),
        _count(minimum=1_100_000, maximum=1_300_000, count_key="euro|gemoeid"),
    ):
        assert score_pair(town, other) is None
        assert score_pair(other, town) is None


def test_reports_of_one_count_up_to_five_times_apart_still_conflict() -> None:
    organisers = _count(value=100_000, qualifier="approximately", count_key="betoger|")
    police = _count(value=20_000, count_key="betoger|")
    candidate = score_pair(organisers, police)
    assert candidate is not None
    assert candidate.relation == Relation.CONFLICTS


def test_zero_is_compared_as_one() -> None:
    assert score_pair(_count(value=0), _count(value=5)) is not None
    assert score_pair(_count(value=0), _count(value=6)) is None


def test_a_source_revising_its_figure_far_up_about_the_same_actor_still_updates() -> None:
    source = {"source_key": "actor:hatay", "about": {TURKEY}}
    earlier = _count(month=2, value=8, **source)
    later = _count(month=3, value=120, **source)
    candidate = score_pair(earlier, later)
    assert candidate is not None
    assert candidate.relation == Relation.UPDATES
    strangers = (_count(month=2, value=8, source_key="actor:hatay"),
                 _count(month=3, value=120, source_key="actor:hatay"))  # fmt: skip
    assert score_pair(*strangers) is None


def test_loose_counts_with_overlapping_figures_are_related() -> None:
    soldiers = _count(value=22, qualifier="at_least")
    civilians = _count(value=30, count_key="syrisch burger|dood")
    candidate = score_pair(soldiers, civilians)
    assert candidate is not None
    assert candidate.relation == Relation.RELATED
    assert candidate.reasons[0]["code"] == "similar_count"


def test_loose_counts_with_disjoint_figures_and_no_shared_actor_are_not_linked() -> None:
    soldiers = _count(value=22)
    civilians = _count(value=3, count_key="syrisch burger|dood")
    assert score_pair(soldiers, civilians) is None


def test_loose_counts_with_disjoint_figures_but_a_shared_actor_are_related() -> None:
    soldiers = _count(value=22, about={TURKEY})
    civilians = _count(value=3, count_key="syrisch burger|dood", about={TURKEY})
    candidate = score_pair(soldiers, civilians)
    assert candidate is not None
    assert candidate.relation == Relation.RELATED


def test_counts_of_different_events_are_not_linked() -> None:
    dead = _count(value=22)
    wounded = _count(value=22, count_key="turks militair|gewond")
    assert score_pair(dead, wounded) is None


def test_a_count_key_without_figure_does_not_make_a_count_pair() -> None:
    a = _count(value=None)
    b = _count(value=34)
    assert not a.has_figure
    assert score_pair(a, b) is None


# --- text ------------------------------------------------------------------------------------


def test_unrelated_sentences_in_different_articles_are_not_linked() -> None:
    a = facts(about={TURKEY}, text="Turkije stuurt extra troepen naar de grens met Syrië.")
    b = facts(about={TURKEY}, text="De beurs in Amsterdam sloot vrijdag hoger.")
    assert score_pair(a, b) is None


def test_the_same_sentence_in_two_articles_duplicates() -> None:
    text = "Turkije stuurt extra troepen naar de grens met Syrië, meldt persbureau Anadolu."
    a, b = facts(text=text, year=2019), facts(text=f"„{text}”", year=2021, month=None)
    candidate = score_pair(a, b)
    assert candidate is not None
    assert candidate.relation == Relation.DUPLICATES
    assert candidate.reasons == [{"code": "same_copy"}]
    assert candidate.score >= MIN_SCORE


def test_near_identical_sentences_counting_different_events_are_not_duplicates() -> None:
    dead = _count(text="Bij de aanval in Idlib zijn zeker 22 Turkse militairen gedood.")
    wounded = _count(
        count_key="turks militair|gewond",
        text="Bij de aanval in Idlib zijn zeker 22 Turkse militairen gewond.",
    )
    candidate = score_pair(dead, wounded)
    assert candidate is None


def test_the_same_sentence_twice_in_one_article_is_not_linked() -> None:
    text = "Turkije stuurt extra troepen naar de grens met Syrië, meldt persbureau Anadolu."
    assert score_pair(facts(article_id=1, text=text), facts(article_id=1, text=text)) is None


def test_one_unclear_and_one_stated_conflict() -> None:
    stated = facts(
        about={TURKEY},
        about_names=NAMES,
        text="Turkse militairen zijn bij de luchtaanval in Idlib omgekomen.",
    )
    unclear = facts(
        about={TURKEY},
        text="Het is nog niet duidelijk of Turkse militairen bij de luchtaanval in Idlib "
        "zijn omgekomen.",
    )
    candidate = score_pair(stated, unclear)
    assert candidate is not None
    assert candidate.relation == Relation.CONFLICTS
    assert candidate.reasons[0] == {"code": "unclear_vs_stated"}
    assert "same_actors" in _codes(candidate)
    assert "similar_text" in _codes(candidate)


def test_similar_sentences_both_stated_corroborate() -> None:
    a = facts(about={TURKEY}, text="Turkse militairen zijn bij de luchtaanval in Idlib omgekomen.")
    b = facts(about={TURKEY}, text="Bij de luchtaanval in Idlib zijn Turkse militairen omgekomen.")
    candidate = score_pair(a, b)
    assert candidate is not None
    assert candidate.relation == Relation.CORROBORATES


def test_similar_sentences_without_a_shared_actor_are_not_linked() -> None:
    a = facts(about={TURKEY}, text="Turkse militairen zijn bij de luchtaanval in Idlib omgekomen.")
    b = facts(about={8}, text="Bij de luchtaanval in Idlib zijn Turkse militairen omgekomen.")
    assert score_pair(a, b) is None


def test_sentences_of_one_article_without_counts_are_not_linked() -> None:
    a = facts(
        article_id=1,
        about={TURKEY},
        text="Turkse militairen zijn bij de luchtaanval in Idlib omgekomen.",
    )
    b = facts(
        article_id=1,
        about={TURKEY},
        text="Het is nog niet duidelijk of Turkse militairen in Idlib zijn omgekomen.",
    )
    assert score_pair(a, b) is None


def test_a_claim_is_not_linked_to_itself() -> None:
    governor, _, _ = seed()
    assert score_pair(governor, governor) is None


# --- dates and reports -----------------------------------------------------------------------


def test_same_month_and_months_apart_reasons() -> None:
    assert {"code": "same_month"} in score_pair(_count(value=22), _count(value=34)).reasons
    apart = score_pair(_count(month=2, value=22), _count(month=4, value=34))
    assert apart is not None
    assert {"code": "months_apart", "months": 2} in apart.reasons


def test_year_only_dates_of_one_year_count_as_the_same_month() -> None:
    candidate = score_pair(_count(month=None, value=22), _count(month=None, value=34))
    assert candidate is not None
    assert {"code": "same_month"} in candidate.reasons


def test_report_of_carries_the_figure_source_and_date() -> None:
    governor, _, _ = seed()
    report = report_of(governor)
    assert (report.claim_id, report.value, report.qualifier) == (
        governor.claim_id,
        D(22),
        "at_least",
    )
    assert (report.source, report.source_key) == ("gouverneur van Hatay", "actor:hatay")
    assert report.published == (2020, 2, 28)
    assert report.text == governor.text


# --- bounds ----------------------------------------------------------------------------------

_figures = st.one_of(st.none(), st.integers(0, 60).map(D))
_random_facts = st.builds(
    lambda article, month, about, value, minimum, maximum, qualifier, key, source, text: facts(
        article_id=article,
        month=month,
        about=about,
        value=value,
        minimum=minimum,
        maximum=maximum,
        qualifier=qualifier,
        count_key=key,
        source_key=source,
        text=text,
    ),
    st.integers(1, 2),
    st.one_of(st.none(), st.integers(1, 12)),
    st.frozensets(st.integers(1, 4), max_size=3),
    _figures,
    _figures,
    _figures,
    st.sampled_from(["exact", "at_least", "more_than", "less_than", "approximately", ""]),
    st.sampled_from(["", "turks|dood", "turks militair|dood", "syrisch burger|dood", "turks|"]),
    st.sampled_from(["", "actor:hatay", "actor:sohr"]),
    st.sampled_from(
        [
            "Turkse militairen zijn bij de luchtaanval in Idlib omgekomen.",
            "Het is onduidelijk of Turkse militairen in Idlib zijn omgekomen.",
            "Bij de luchtaanval in Idlib zijn Turkse militairen omgekomen, inmiddels 34.",
            "De beurs in Amsterdam sloot vrijdag hoger.",
        ]
    ),
)


@given(_random_facts, _random_facts)
def test_scores_stay_between_min_score_and_one(a: ClaimFacts, b: ClaimFacts) -> None:
    candidate = score_pair(a, b)
    if candidate is not None:
        assert MIN_SCORE <= candidate.score <= 1
        assert {candidate.first, candidate.second} == {a.claim_id, b.claim_id}
        assert candidate.relation in Relation.values


def test_loose_counts_in_the_same_article_are_not_linked() -> None:
    soldiers = _count(article_id=1, value=22, about={TURKEY})
    civilians = _count(article_id=1, value=2, count_key="syrisch burger|dood", about={TURKEY})
    assert score_pair(soldiers, civilians) is None


@given(st.lists(_random_facts, min_size=2, max_size=6))
def test_a_scorer_reused_across_pairs_scores_each_pair_as_a_fresh_one(
    claims: list[ClaimFacts],
) -> None:
    """What a Scorer keeps of each claim (figure, sentence forms) never leaks into another."""
    reused = Scorer()
    for a in claims:
        for b in claims:
            assert reused(a, b) == score_pair(a, b)
