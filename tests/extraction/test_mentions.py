from articles.extraction.gazetteer import Gazetteer, GazetteerEntry

from .helpers import mentioned, run


def test_gazetteer_names_aliases_and_capital_metonyms() -> None:
    found = mentioned(run("Poetin sprak met Erdoğan. Moskou en Ankara zwijgen. De VN reageerde."))
    assert found["Poetin"] == "Vladimir Poetin"
    assert found["Erdoğan"] == "Recep Tayyip Erdoğan"
    assert found["Moskou"] == "Rusland"
    assert found["Ankara"] == "Turkije"
    assert found["VN"] == "Verenigde Naties"


def test_capital_after_locative_preposition_is_the_city() -> None:
    extraction = run("De top vond plaats in Moskou.")
    (mention,) = extraction.mentions
    assert (mention.actor.name, mention.actor.kind) == ("Moskou", "location")


def test_hyphenated_compounds() -> None:
    found = mentioned(run("De NAVO-topman reed over de A12-snelweg en zag AWACS-toestellen."))
    assert found["NAVO"] == "NAVO"
    assert found["A12-snelweg"] == "A12-snelweg"
    assert not any("AWACS" in text for text in found)


def test_demonym_organisation_phrases_get_neutral_canonical_names() -> None:
    found = mentioned(
        run(
            "Het Franse leger en de Duitse regering spraken met het Britse ministerie van Defensie."
        )
    )
    assert found["Franse leger"] == "Frans leger"
    assert found["Duitse regering"] == "Duitse regering"
    assert found["Britse ministerie van Defensie"] == "Brits ministerie van Defensie"


def test_cue_words_introduce_unknown_names() -> None:
    found = mentioned(
        run(
            "Woordvoerder Pieter Bakker zei dat de havenstad Harlingen en het dorp "
            "Oosterbierum schade hebben."
        )
    )
    assert found["Pieter Bakker"] == "Pieter Bakker"
    assert found["Harlingen"] == "Harlingen"
    assert found["Oosterbierum"] == "Oosterbierum"


def test_sentence_initial_common_words_are_not_names() -> None:
    found = mentioned(
        run("Troepen trokken op. Eerder op de dag was het rustig. Sinds maart is het mis.")
    )
    assert found == {}


def test_names_with_particles_and_short_name_coreference() -> None:
    extraction = run(
        "Kamerlid Hugo van der Berg diende een motie in. "
        "Later zei Van der Berg dat hij tevreden is."
    )
    names = [(m.text, m.actor.name) for m in extraction.mentions]
    assert ("Hugo van der Berg", "Hugo van der Berg") in names
    assert ("Van der Berg", "Hugo van der Berg") in names


def test_demonym_noun_resolves_to_last_person_of_that_country() -> None:
    found = mentioned(run("Jens Stoltenberg sprak in Brussel. De Noor was tevreden."))
    assert found["De Noor"] == "Jens Stoltenberg"


def test_roles_and_anonymous_sources() -> None:
    found = mentioned(
        run(
            "Een Franse diplomaat en anonieme functionarissen spraken met "
            "de burgemeester van Utrecht."
        )
    )
    assert found["Franse diplomaat"] == "Franse diplomaat (anoniem)"
    assert found["anonieme functionarissen"] == "anonieme functionarissen"
    assert found["burgemeester van Utrecht"] == "burgemeester van Utrecht"


def test_gazetteer_from_plain_entries() -> None:
    gazetteer = Gazetteer.from_entries(
        [
            GazetteerEntry("Gemeente Zoetermeer", "organisation", aliases=("Zoetermeer",)),
            GazetteerEntry("Noorwegen", "country", adjective="Noorse", adjective_neutral="Noors"),
        ]
    )
    text = "Zoetermeer en het Noorse leger."
    matches = gazetteer.find(text)
    assert [(m.entry.name, text[m.start : m.end]) for m in matches] == [
        ("Gemeente Zoetermeer", "Zoetermeer")
    ]
    assert Gazetteer.default() is Gazetteer.default()
