"""The database's gazetteer: the same extraction as the shipped file, and a fingerprint."""

from pathlib import Path

import pytest

from articles.extraction import extract
from articles.extraction.gazetteer import Gazetteer
from articles.extraction.serialise import extraction_to_dict
from articles.gazetteer import (
    gazetteer_for_ingest,
    gazetteer_for_reading,
    load_gazetteer,
    snapshot_from_database,
)
from articles.ingest.parser import parse_article
from articles.models import Actor, Origin

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests" / "extraction" / "data").glob("*.txt")
)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_the_loaded_gazetteer_extracts_what_the_file_does(path):
    load_gazetteer()
    article = parse_article(path.read_bytes(), str(path))
    from_file = extract(article.text, article.segments, Gazetteer.default())
    from_database = extract(article.text, article.segments, snapshot_from_database().gazetteer)
    assert extraction_to_dict(from_database) == extraction_to_dict(from_file)


def test_an_empty_database_is_loaded_for_ingest_but_not_for_reading():
    reading = gazetteer_for_reading()
    assert not Actor.objects.exists(), "reading never writes"
    assert len(reading.entries) == len(Gazetteer.default().entries)
    ingest = gazetteer_for_ingest()
    assert Actor.objects.in_gazetteer().count() == len(ingest.entries)


def test_the_fingerprint_follows_every_change():
    load_gazetteer()
    first = snapshot_from_database()
    assert snapshot_from_database().fingerprint == first.fingerprint
    turkey = Actor.objects.get(name="Turkije")
    turkey.aliases.create(name="Türkiye")
    with_alias = snapshot_from_database()
    assert with_alias.fingerprint != first.fingerprint
    Actor.objects.create(name="Stichting Vluchteling", kind="organisation", origin=Origin.EDITOR)
    assert snapshot_from_database().fingerprint == with_alias.fingerprint, "not in gazetteer"
    Actor.objects.filter(name="Stichting Vluchteling").update(in_gazetteer=True)
    assert snapshot_from_database().fingerprint != with_alias.fingerprint


def test_reading_the_snapshot_costs_two_queries(django_assert_num_queries):
    load_gazetteer()
    with django_assert_num_queries(2):
        snapshot_from_database()


def test_one_alias_per_normalised_form_still_matches_every_spelling():
    load_gazetteer()
    gazetteer = snapshot_from_database().gazetteer
    text = "Erdogan, Unicef, al-Qaida en Al-Qaida; maar mali is geen land, Mali wel."
    found = {(m.text, m.actor.name) for m in extract(text, [], gazetteer).mentions}
    assert ("Erdogan", "Recep Tayyip Erdoğan") in found
    assert ("Unicef", "UNICEF") in found
    assert {("al-Qaida", "Al-Qaida"), ("Al-Qaida", "Al-Qaida"), ("Mali", "Mali")} <= found
    assert not any(spelling == "mali" for spelling, _ in found)
