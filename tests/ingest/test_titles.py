from articles.ingest.titles import derive_title


def test_first_sentence_of_the_lead_without_its_period():
    lead = "Bij een luchtaanval zijn 22 militairen gedood. Dat meldt de gouverneur."
    assert derive_title(lead) == "Bij een luchtaanval zijn 22 militairen gedood"


def test_long_sentences_are_cut_on_a_word_with_an_ellipsis():
    title = derive_title("woord " * 60)
    assert len(title) <= 120 and title.endswith("woord…")


def test_decimal_numbers_do_not_end_the_sentence():
    assert (
        derive_title("Turkije huisvest 3.7 miljoen mensen. Meer.")
        == "Turkije huisvest 3.7 miljoen mensen"
    )
