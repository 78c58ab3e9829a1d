from hypothesis import given
from hypothesis import strategies as st

from articles.anchoring import find_quote, quote_at

TEXT = "Zeker 22 doden. Volgens de gouverneur zeker 22 doden. Later meer."


def test_found_again_after_text_is_inserted_before_it():
    start = TEXT.index("Volgens")
    quote = quote_at(TEXT, start, start + 20)
    changed = "Nieuw begin. " + TEXT
    assert find_quote(changed, quote) == (start + 13, start + 33)


def test_context_picks_the_right_one_of_two_identical_quotes():
    second = TEXT.index("zeker 22 doden")
    quote = quote_at(TEXT, second, second + 14)
    changed = TEXT.replace("Zeker 22 doden.", "Zeker 22 doden, meldt men.")
    start, end = find_quote(changed, quote)
    assert changed[start:end] == "zeker 22 doden"
    assert changed[:start].endswith("gouverneur ")


def test_gone_text_is_none():
    quote = quote_at(TEXT, 0, 15)
    assert find_quote("Een heel ander artikel.", quote) is None
    assert find_quote(TEXT, quote_at(TEXT, 3, 3)) is None


@given(st.text(min_size=1, max_size=200), st.data())
def test_an_unchanged_text_always_finds_a_span_with_the_same_text(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    found = find_quote(text, quote_at(text, start, end))
    assert found is not None and text[found[0] : found[1]] == text[start:end]
