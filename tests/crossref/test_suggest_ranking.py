"""Which claims a claim is scored against (most keys shared, then newest), and which of the
pairs scored are suggested."""

import heapq
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from articles.crossref.suggest import (
    COMPARISONS_PER_CLAIM,
    LOOSE_COMPARISONS,
    SUGGESTIONS_PER_CLAIM,
    _score,
    _shortlist,
)

from .helpers import facts


def ranked_by_count_then_id(keys: set[str], by_key: dict[str, list[int]]) -> set[int]:
    """The rule, spelt out: the best (keys shared, claim id) pairs, of which only the newest
    ``LOOSE_COMPARISONS`` that share a single key."""
    shared = Counter(claim for key in keys for claim in by_key.get(key, ()))
    best = heapq.nlargest(COMPARISONS_PER_CLAIM, ((n, claim) for claim, n in shared.items()))
    strong = [claim for n, claim in best if n > 1]
    loose = [claim for n, claim in best if n == 1]
    return {*strong, *loose[:LOOSE_COMPARISONS]}


def test_claims_sharing_more_keys_come_first_and_few_share_only_one():
    by_key = {"a": list(range(1, 101)), "b": [5, 6, 7]}
    chosen = _shortlist({"a", "b"}, by_key)
    assert {5, 6, 7} <= chosen
    assert chosen - {5, 6, 7} == set(range(91, 101))  # the newest ten sharing one key


def test_no_claims_sharing_one_key_once_the_shortlist_is_full_of_stronger_ones():
    many = list(range(1, COMPARISONS_PER_CLAIM + 11))
    by_key = {"a": many, "b": many, "c": [1000]}
    chosen = _shortlist({"a", "b", "c"}, by_key)
    assert chosen == set(many[-COMPARISONS_PER_CLAIM:])


def test_keys_not_looked_up_or_without_claims_add_nothing():
    assert _shortlist({"a", "missing"}, {"a": [3, 1], "b": [9]}) == {1, 3}
    assert _shortlist(set(), {"a": [1]}) == set()


@given(
    st.dictionaries(
        st.sampled_from("abcdefgh"),
        st.lists(st.integers(1, 150), max_size=120, unique=True),
        max_size=8,
    ),
    st.sets(st.sampled_from("abcdefghij")),
)
def test_the_shortlist_is_the_best_pairs_of_keys_shared_and_claim_id(by_key, keys):
    assert _shortlist(keys, by_key) == ranked_by_count_then_id(keys, by_key)


def test_of_candidates_scored_alike_the_newest_are_suggested():
    def report(claim_id: int, article_id: int):
        return facts(
            claim_id=claim_id,
            article_id=article_id,
            value=22,
            count_key="turks militair|dood",
            text="Bij de aanval zijn 22 Turkse militairen omgekomen.",
        )

    own = report(1_000, 1_000)
    others = {pk: report(pk, pk) for pk in range(100, 100 + 2 * SUGGESTIONS_PER_CLAIM)}
    candidates = _score([own], {own.claim_id: set(others)}, others)
    assert len({c.score for c in candidates}) == 1  # the same figure, text and month
    linked = {c.second for c in candidates}
    assert linked == set(sorted(others)[-SUGGESTIONS_PER_CLAIM:])
