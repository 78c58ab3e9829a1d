"""count_match: whether two count keys ("<words>|<event>") describe the same count."""

from hypothesis import given
from hypothesis import strategies as st

from articles.crossref.counts import CountMatch, count_match, parse_count_key


def test_same_words_and_event_are_the_same_count() -> None:
    assert count_match("turks militair|dood", "turks militair|dood") is CountMatch.SAME


def test_word_order_does_not_matter() -> None:
    assert count_match("militair turks|dood", "turks militair|dood") is CountMatch.SAME


def test_a_subset_of_words_is_the_same_count_either_way_round() -> None:
    assert count_match("turks|dood", "turks militair|dood") is CountMatch.SAME
    assert count_match("turks militair|dood", "turks|dood") is CountMatch.SAME


def test_different_subjects_of_the_same_event_match_loosely() -> None:
    assert count_match("turks militair|dood", "syrisch burger|dood") is CountMatch.LOOSE


def test_a_subject_against_none_with_the_same_event_matches_loosely() -> None:
    assert count_match("|dood", "turks militair|dood") is CountMatch.LOOSE


def test_different_events_do_not_match() -> None:
    assert count_match("turks militair|dood", "turks militair|gewond") is None


def test_without_event_equal_words_are_the_same_count() -> None:
    assert count_match("turks militair|", "turks militair|") is CountMatch.SAME


def test_without_event_different_words_do_not_match() -> None:
    assert count_match("turks militair|", "syrisch burger|") is None


def test_an_empty_key_matches_nothing() -> None:
    assert count_match("", "turks|dood") is None
    assert count_match("turks|dood", "") is None
    assert count_match("", "") is None


def test_parse_count_key_splits_words_and_event() -> None:
    assert parse_count_key("turks militair|dood") == (frozenset({"turks", "militair"}), "dood")
    assert parse_count_key("turks") == (frozenset({"turks"}), "")


_word_sets = st.sets(st.sampled_from(["turks", "syrisch", "militair", "burger", "kind"]))
_events = st.sampled_from(["", "dood", "gewond"])


def _key(words: set[str], event: str) -> str:
    return f"{' '.join(sorted(words))}|{event}"


@given(_word_sets, _events, _word_sets, _events)
def test_count_match_is_symmetric(
    words_a: set[str], event_a: str, words_b: set[str], event_b: str
) -> None:
    a, b = _key(words_a, event_a), _key(words_b, event_b)
    assert count_match(a, b) == count_match(b, a)


@given(_word_sets, _events, _word_sets, _events)
def test_only_keys_of_one_event_ever_match(
    words_a: set[str], event_a: str, words_b: set[str], event_b: str
) -> None:
    if count_match(_key(words_a, event_a), _key(words_b, event_b)) is not None:
        assert event_a == event_b
