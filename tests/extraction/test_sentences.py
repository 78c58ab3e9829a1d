from articles.extraction.sentences import find_quotes, split_segment
from articles.ingest.parsed import ParsedSegment, SegmentKind


def sentences(text: str) -> list[str]:
    segment = ParsedSegment(SegmentKind.PARAGRAPH, 0, len(text))
    return [text[s.start : s.end] for s in split_segment(text, segment, 0)]


def test_splits_plain_sentences() -> None:
    assert sentences("Het regent. De zon schijnt! Waarom? Niemand weet het.") == [
        "Het regent.",
        "De zon schijnt!",
        "Waarom?",
        "Niemand weet het.",
    ]


def test_abbreviations_and_initials_do_not_split() -> None:
    text = "Dr. Jansen sprak o.a. met mr. De Vries en J. Peters. Daarna ging hij naar huis."
    assert sentences(text) == [
        "Dr. Jansen sprak o.a. met mr. De Vries en J. Peters.",
        "Daarna ging hij naar huis.",
    ]


def test_numbers_with_dots_and_commas_do_not_split() -> None:
    text = "Er kwamen 2.000 mensen en 3,7 miljoen euro vrij. Dat is veel."
    assert sentences(text) == ["Er kwamen 2.000 mensen en 3,7 miljoen euro vrij.", "Dat is veel."]


def test_multi_sentence_quote_with_speaker_is_one_unit() -> None:
    text = "'Het moet stoppen. Nu meteen', zei de minister. Daarna vertrok ze."
    assert sentences(text) == [
        "'Het moet stoppen. Nu meteen', zei de minister.",
        "Daarna vertrok ze.",
    ]


def test_quote_marks_of_several_kinds() -> None:
    for opening, closing in (("„", "”"), ("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'")):
        text = f"Hij zei {opening}dit is genoeg{closing} en ging weg."
        quotes = find_quotes(text, 0, len(text))
        assert [text[q.inner_start : q.inner_end] for q in quotes] == ["dit is genoeg"]


def test_apostrophes_are_not_quotes() -> None:
    text = "Het kost miljarden euro's en zo'n 5 auto's, zei hij 's avonds."
    assert find_quotes(text, 0, len(text)) == []


def test_unbalanced_quote_is_ignored() -> None:
    text = "Hij zei „dit nooit. Dat is zeker."
    assert find_quotes(text, 0, len(text)) == []
    assert len(sentences(text)) == 2


def test_pull_quote_credit_line_is_left_out() -> None:
    text = "We gaan door. Jan Jansen minister"
    segment = ParsedSegment(SegmentKind.PULL_QUOTE, 0, len(text), credit_start=14)
    assert [text[s.start : s.end] for s in split_segment(text, segment, 0)] == ["We gaan door."]
