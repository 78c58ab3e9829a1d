"""Blocking keys: which claims a claim's lookup reaches, by month window, topic and text."""

from hypothesis import given
from hypothesis import strategies as st

from articles.crossref.counts import count_match
from articles.crossref.keys import WINDOW_MONTHS, blocking_keys, lookup_keys, text_fingerprint

from .helpers import facts


def _reaches(looker, stored) -> bool:
    """Whether ``looker``'s lookup finds ``stored``'s stored keys."""
    return bool(lookup_keys(looker) & blocking_keys(stored))


def _actor_claim(year: int, month: int | None, text: str = ""):
    return facts(year=year, month=month, day=None, about={7}, text=text or f"{year} {month}")


def test_the_window_is_one_month() -> None:
    assert WINDOW_MONTHS == 1


def test_a_claim_reaches_one_month_later_and_one_month_earlier() -> None:
    stored = _actor_claim(2020, 5)
    assert _reaches(_actor_claim(2020, 6), stored)
    assert _reaches(_actor_claim(2020, 4), stored)
    assert _reaches(_actor_claim(2020, 5, text="een andere zin"), stored)


def test_a_claim_does_not_reach_two_months_away() -> None:
    stored = _actor_claim(2020, 5)
    assert not _reaches(_actor_claim(2020, 7), stored)
    assert not _reaches(_actor_claim(2020, 3), stored)


def test_the_window_crosses_the_year_boundary() -> None:
    december, january = _actor_claim(2020, 12), _actor_claim(2021, 1)
    assert _reaches(december, january)
    assert _reaches(january, december)
    assert not _reaches(_actor_claim(2020, 11), january)
    assert not _reaches(_actor_claim(2021, 2), december)


def test_the_same_month_of_another_year_is_out_of_reach() -> None:
    assert not _reaches(_actor_claim(2021, 5), _actor_claim(2020, 5))


def test_year_only_dates_meet_year_only_dates_of_that_year() -> None:
    assert _reaches(_actor_claim(2020, None), _actor_claim(2020, None, text="andere zin"))
    assert not _reaches(_actor_claim(2021, None), _actor_claim(2020, None))


def test_year_only_dates_do_not_meet_dated_claims() -> None:
    year_only, dated = _actor_claim(2020, None), _actor_claim(2020, 5)
    assert not _reaches(year_only, dated)
    assert not _reaches(dated, year_only)


def test_without_a_shared_topic_claims_of_one_month_do_not_meet() -> None:
    a = facts(about={7}, text="een zin")
    b = facts(about={8}, text="een andere zin")
    assert not _reaches(a, b)


def test_identical_text_shares_its_fingerprint_key_whatever_the_date() -> None:
    a = facts(year=2020, month=2, text="Zeker 22 Turkse militairen  omgekomen.")
    b = facts(year=2023, month=None, text="zeker 22 turkse MILITAIREN omgekomen")
    assert blocking_keys(a) & lookup_keys(b) == {f"t:{text_fingerprint(a.text)}"}


def test_fingerprint_ignores_case_accents_spacing_and_punctuation() -> None:
    assert text_fingerprint("Erdoğan:  „34 doden”.") == text_fingerprint("erdogan 34 doden")


def test_fingerprint_differs_for_a_different_figure() -> None:
    assert text_fingerprint("Zeker 22 doden.") != text_fingerprint("Zeker 23 doden.")


def test_actors_produce_keys() -> None:
    keys = blocking_keys(facts(year=2020, month=2, about={8, 3}))
    assert {"2020-02/a:3", "2020-02/a:8"} <= keys


def test_count_words_and_event_produce_keys() -> None:
    keys = blocking_keys(facts(year=2020, month=2, count_key="turks militair|dood"))
    assert {"2020-02/n:dood", "2020-02/q:dood:turks", "2020-02/q:dood:militair"} <= keys


def test_a_count_without_event_is_keyed_by_its_words() -> None:
    keys = blocking_keys(facts(year=2020, month=None, count_key="turks militair|"))
    assert {"2020/n:|militair turks", "2020/q::turks", "2020/q::militair"} <= keys


def test_a_claim_without_actors_or_count_still_has_its_text_key() -> None:
    claim = facts(text="Een zin.")
    assert blocking_keys(claim) == {f"t:{text_fingerprint('Een zin.')}"}
    assert lookup_keys(claim) == blocking_keys(claim)


def test_lookup_covers_the_stored_keys_of_the_claim_itself() -> None:
    claim = facts(about={1, 2}, count_key="turks|dood")
    assert blocking_keys(claim) <= lookup_keys(claim)


_words = st.sets(st.sampled_from(["turks", "syrisch", "militair", "burger"]))
_events = st.sampled_from(["", "dood", "gewond"])


_around_new_year = st.sampled_from([(2020, 11), (2020, 12), (2021, 1)])


@given(_words, _events, _words, _events, _around_new_year)
def test_matching_counts_within_the_window_always_meet(
    words_a: set[str], event_a: str, words_b: set[str], event_b: str, when: tuple[int, int]
) -> None:
    key_a = f"{' '.join(sorted(words_a))}|{event_a}"
    key_b = f"{' '.join(sorted(words_b))}|{event_b}"
    if count_match(key_a, key_b) is None:
        return
    a = facts(year=2020, month=12, count_key=key_a, text="a")
    b = facts(year=when[0], month=when[1], count_key=key_b, text="b")
    assert _reaches(a, b)
    assert _reaches(b, a)
