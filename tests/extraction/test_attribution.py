from .helpers import claim_for, run


def source_of(text: str, fragment: str) -> str | None:
    claim = claim_for(run(text), fragment)
    return claim.source.name if claim.source else None


def test_volgens() -> None:
    assert source_of("Volgens Amnesty zijn de gevangenen mishandeld.", "gevangenen") == (
        "Amnesty International"
    )


def test_subject_before_speech_verb() -> None:
    assert source_of("Macron zei dat Frankrijk meer wil doen.", "Frankrijk") == "Emmanuel Macron"


def test_inverted_speaker_after_comma() -> None:
    text = "De grens gaat dicht, meldt persbureau ANP op basis van bronnen."
    assert source_of(text, "grens") == "ANP"


def test_speaker_after_quote() -> None:
    text = "'We stoppen ermee. Het is genoeg', zei premier Mark Rutte."
    claim = claim_for(run(text), "stoppen")
    assert claim.source.name == "Mark Rutte"
    assert claim.direct_quote == "We stoppen ermee. Het is genoeg"


def test_channel_is_via() -> None:
    claim = claim_for(
        run("Een Duitse diplomaat zegt tegen de BBC dat het overleg mislukt is."), "overleg"
    )
    assert claim.source.name == "Duitse diplomaat (anoniem)"
    assert claim.via.name == "BBC"


def test_backward_attribution() -> None:
    text = "Er zijn zeker 12 doden gevallen. Dat heeft het Rode Kruis bevestigd."
    extraction = run(text)
    assert [c.text for c in extraction.claims] == ["Er zijn zeker 12 doden gevallen."]
    assert extraction.claims[0].source.name == "Rode Kruis"


def test_zou_sentence_inherits_previous_source() -> None:
    text = "Volgens Human Rights Watch is de wet onwettig. Daarmee zou het land verdragen schenden."
    assert source_of(text, "Daarmee") == "Human Rights Watch"


def test_following_quote_paragraph_continues_the_speaker() -> None:
    text = "Merkel zei dat de grens open blijft.\n\n'Wir schaffen das. Dat blijft zo.'"
    assert source_of(text, "schaffen") == "Angela Merkel"


def test_pronoun_speaker() -> None:
    text = "Kamerlid Anna Visser diende een motie in. Zij zei dat het kabinet faalt."
    assert source_of(text, "faalt") == "Anna Visser"


def test_background_sentence_is_not_a_claim() -> None:
    extraction = run("De operatie gaat gepaard met zware bombardementen. Het regent in Utrecht.")
    assert extraction.claims == []


def test_hedging() -> None:
    extraction = run(
        "De dader zou uit Utrecht komen. Het is niet duidelijk wie schoot. "
        "Het moet zo snel mogelijk stoppen, zei Rutte."
    )
    assert claim_for(extraction, "dader").hedged
    assert claim_for(extraction, "duidelijk").hedged
    assert not claim_for(extraction, "stoppen").hedged


def test_subheadings_and_pull_quotes_make_no_claims() -> None:
    from articles.extraction import extract
    from articles.ingest.parsed import ParsedSegment, SegmentKind

    text = (
        "Rutte zei dat het klaar is.\n\nVolgens Rutte 12 doden\n\n"
        "Rutte zei dat het klaar is. Mark Rutte premier"
    )
    segments = [
        ParsedSegment(SegmentKind.LEAD, 0, 27),
        ParsedSegment(SegmentKind.SUBHEADING, 29, 51),
        ParsedSegment(SegmentKind.PULL_QUOTE, 53, len(text), credit_start=81),
    ]
    extraction = extract(text, segments)
    assert [c.text for c in extraction.claims] == ["Rutte zei dat het klaar is."]
