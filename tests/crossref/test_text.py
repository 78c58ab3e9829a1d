"""Sentence comparison: content words, similarity, copies and words of doubt."""

from articles.crossref import text
from articles.crossref.text import COPY_SIMILARITY, Sentence, content_words


def similarity(a: str, b: str) -> float:
    return text.similarity(Sentence.of(a), Sentence.of(b))


def is_copy(a: str, b: str) -> bool:
    return text.is_copy(Sentence.of(a), Sentence.of(b))


def doubts(sentence: str) -> bool:
    return Sentence.of(sentence).doubts


GOVERNOR = "Bij de aanval zijn zeker 22 Turkse militairen omgekomen, zegt de gouverneur van Hatay."
LONG = (
    "Bij de aanval in Idlib zijn volgens de gouverneur van Hatay zeker 22 Turkse militairen "
    "omgekomen."
)


def test_content_words_drop_function_words() -> None:
    assert content_words("Het Syrische regime is in de aanval") == "syrische regime aanval"


def test_content_words_drop_digits() -> None:
    assert content_words("zeker 22 Turkse militairen") == "zeker turkse militairen"


def test_content_words_ignore_case_and_accents() -> None:
    assert content_words("ERDOĞAN zegt") == content_words("erdogan Zegt") == "erdogan zegt"


def test_content_words_keep_hyphenated_words_whole() -> None:
    assert content_words("De VN-Veiligheidsraad") == "vn-veiligheidsraad"


def test_a_stopword_written_with_accents_is_still_a_stopword() -> None:
    assert content_words("één aanval") == "aanval"


def test_reworded_sentence_with_the_same_content_is_similar() -> None:
    reworded = (
        "Volgens de gouverneur van Hatay zijn bij de aanval zeker 22 Turkse militairen omgekomen."
    )
    assert similarity(GOVERNOR, reworded) >= 90


def test_dropping_function_words_does_not_lower_similarity() -> None:
    assert similarity("het Syrische regime", "Syrische regime") == 100


def test_unrelated_sentences_are_not_similar() -> None:
    market = "De beurs in Amsterdam sloot vrijdag hoger dankzij technologiefondsen."
    assert similarity(GOVERNOR, market) < 55


def test_similarity_is_symmetric() -> None:
    other = "Het Syrisch Observatorium voor Mensenrechten spreekt van 34 Turkse doden."
    assert similarity(GOVERNOR, other) == similarity(other, GOVERNOR)


def test_the_same_sentence_with_other_quotes_and_case_is_a_copy() -> None:
    quoted = f"'{LONG}'"
    assert is_copy(f"“{LONG}”", quoted.upper())
    assert is_copy(LONG, "  ".join(LONG.lower().split()))


def test_a_one_digit_change_in_a_long_sentence_is_still_a_copy() -> None:
    # fuzz.ratio ≥ COPY_SIMILARITY (90): one changed digit hardly moves the ratio, so two
    # outlets that print one agency sentence with a revised figure count as a copy.
    assert COPY_SIMILARITY == 90
    assert is_copy(LONG, LONG.replace("22", "23"))
    assert is_copy(LONG, LONG.replace("22", "34"))


def test_a_different_figure_in_a_short_sentence_is_not_a_copy() -> None:
    assert not is_copy("Zeker 22 doden.", "Zeker 34 doden.")


def test_a_different_sentence_is_not_a_copy() -> None:
    other = "Het Syrisch Observatorium voor Mensenrechten spreekt van 34 doden."
    assert not is_copy(LONG, other)


def test_doubts_detects_not_yet_clear_whether() -> None:
    assert doubts("Het is nog niet duidelijk of er doden zijn gevallen.")


def test_doubts_detects_unclear_in_any_case() -> None:
    assert doubts("Het precieze dodental is onduidelijk.")
    assert doubts("ONDUIDELIJK is hoeveel militairen omkwamen.")


def test_doubts_detects_unknown_and_unconfirmed() -> None:
    assert doubts("Het aantal gewonden is niet bekend.")
    assert doubts("Het bericht is onbevestigd.")


def test_a_plain_statement_of_clarity_is_no_doubt() -> None:
    assert not doubts("Het is duidelijk dat er 22 doden zijn gevallen.")
    assert not doubts("Bij de aanval kwamen 22 militairen om.")
